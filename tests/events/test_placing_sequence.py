"""A place named for another event of the sentence is not this event's: a meeting "after" an earlier one
is not held at the earlier one's city; an agreement reached "after talks in X" is reached in X."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

EARLIER = {
    "fr": ("L'Inde et la Chine discutent\n\nLes ministres indien et chinois des affaires étrangères se sont "
           "rencontrés jeudi, deux mois après leur précédente rencontre à Tokyo."),
    "en": ("India and China talk\n\nThe Indian and Chinese foreign ministers met on Thursday, two months after "
           "their previous meeting in Tokyo."),
}
OUTCOME = {
    "fr": ("Trêve entre l'Inde et la Chine\n\nL'Inde et la Chine ont conclu une trêve frontalière après deux "
           "jours de pourparlers à Colombo."),
    "en": ("India and China agree a truce\n\nIndia and China agreed on a border truce after two days of talks "
           "in Colombo."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_meeting_is_not_at_the_city_of_an_earlier_one(pipeline, language):
    readings = [c for c in candidates(pipeline, EARLIER[language], language) if c.type == "CONSULT"]
    found = [c for c in readings if c.trigger not in ("meeting", "rencontre")]  # the earlier one may be read too
    assert found and all(c.location is None or c.location.name != "Tokyo" for c in found)
    assert all(c.background for c in readings if c.location is not None and c.location.name == "Tokyo")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_agreement_is_where_the_talks_that_reached_it_were(pipeline, language):
    found = [c for c in candidates(pipeline, OUTCOME[language], language) if c.type == "AGREE"]
    assert found and all(c.location is not None and c.location.name == "Colombo" for c in found)
