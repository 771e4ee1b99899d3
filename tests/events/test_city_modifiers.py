"""A capital that names a party ("Warsaw" for Poland) is still the event's place when it says what kind of
thing was hit or used ("a Warsaw shopping centre"), not when it stands for the state ("Warsaw officials")
or sits in another clause."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401  (fixture)

PLACED = [
    ("en", "Poland and Russia\nInvestigators said Russian agents had ordered an arson attack on a Warsaw "
           "shopping centre, the minister said in Krakow on Monday.", "ASSAULT", "Warsaw"),
    ("en", "France and Russia\nFrench officials said on Monday that Russian agents had planned an attack on a "
           "Paris railway station.", "ASSAULT", "Paris"),
    ("fr", "Pologne et Russie\nDes agents russes ont mené une attaque contre un entrepôt de Varsovie, a indiqué "
           "lundi le ministre polonais à Cracovie.", "ASSAULT", "Warsaw"),
]

NOT_PLACED = [
    # the capital stands for the state: the meeting is where the sentence says
    ("en", "Poland and Russia\nWarsaw officials met Russian diplomats in Krakow on Monday.", "CONSULT", "Kraków"),
    # the city sits in a clause the accusation governs through a verb: the accusation is made in Krakow
    ("fr", "Pologne et Russie\nLa Pologne accuse la Russie d'avoir commandité l'incendie d'un centre "
           "commercial de Varsovie, a déclaré lundi le ministre à Cracovie.", "ACCUSE", "Kraków"),
]


@pytest.mark.parametrize(("language", "text", "kind", "city"), PLACED + NOT_PLACED,
                         ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in PLACED + NOT_PLACED])
def test_city_of_the_event(pipeline, language, text, kind, city):
    found = [c for c in candidates(pipeline, text, language) if c.type == kind]
    assert found, [c.type for c in candidates(pipeline, text, language)]
    assert found[0].location is not None and found[0].location.name == city, found[0].location
