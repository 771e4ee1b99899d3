"""A meeting held at a place of diplomacy that is no city (sites.json) is placed there."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

AT_SITE = {
    "fr": ("Nouvelle rencontre\n\nLes délégations russe et ukrainienne se sont retrouvées jeudi dans la forêt de "
           "Belovejskaïa Pouchtcha pour un deuxième cycle de pourparlers."),
    "en": ("New meeting\n\nThe US and North Korean leaders met at Panmunjom on Sunday, in the demilitarised zone."),
}
WHERE = {"fr": ("Belovezhskaya Pushcha", "BLR"), "en": ("Panmunjom", "KOR")}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_meeting_at_a_site_is_placed_there(pipeline, language):
    found = [c for c in candidates(pipeline, AT_SITE[language], language, published="2024-05-06")
             if c.type == "CONSULT" and c.location is not None]
    assert found and {(c.location.name, c.location.country) for c in found} == {WHERE[language]}
