"""Places of diplomacy that are no city (data/common/sites.json: a village of a demilitarised zone, a forest
lodge, a presidential retreat) are found in text whatever their size and spelling, as places with
coordinates of their own, not as countries."""
from __future__ import annotations

import pytest

from dragoman.nlp.places import PlaceResolver

SITES = [
    ("fr", "Les négociateurs se sont revus dans la forêt de Belovejskaïa Pouchtcha.", "Belovezhskaya Pushcha", "BLR"),
    ("en", "The negotiators met again in the Belovezhskaya Pushcha forest.", "Belovezhskaya Pushcha", "BLR"),
    ("fr", "Les deux dirigeants se sont serré la main à Panmunjom.", "Panmunjom", "KOR"),
    ("en", "The two leaders shook hands at Panmunjeom.", "Panmunjom", "KOR"),
    ("fr", "Le président recevra ses hôtes à Camp David.", "Camp David", "USA"),
    ("en", "The conference opened at the Burgenstock resort.", "Bürgenstock", "CHE"),
]


@pytest.mark.parametrize(("language", "text", "name", "country"), SITES)
def test_places_news_site_is_found_as_a_place_of_its_own(language, text, name, country):
    found = [m.value for m in PlaceResolver.for_language(language).find(text)]
    assert [(p.name, p.country) for p in found] == [(name, country)]
    assert found[0].is_city and found[0].lat is not None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_places_news_site_is_resolved_by_name(language):
    found = PlaceResolver.for_language(language).resolve("Panmunjom")
    assert found is not None and found.is_city and found.country == "KOR"
