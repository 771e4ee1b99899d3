"""Place names the parser labels in news: a seat of government is no city of its own ("la Maison Blanche"
is never the Paris neighbourhood of that name), and a small namesake abroad is no place ("Confédération")
unless the article names its country ("Salisbury" beside Britain is not Harare, once called Salisbury)."""
from __future__ import annotations

import pytest

from dragoman.nlp.places import PlaceResolver


@pytest.mark.parametrize(("language", "name"), [
    ("fr", "la Maison Blanche"), ("fr", "Maison-Blanche"), ("fr", "le Kremlin"),
    ("en", "the White House"), ("en", "the Kremlin"),
])
def test_places_news_seat_of_government_is_no_city_of_its_own(language, name):
    assert PlaceResolver.for_language(language).resolve_named(name, countries=frozenset({"FRA"})) is None


@pytest.mark.parametrize(("language", "name"), [("fr", "Confédération"), ("en", "Confederation")])
def test_places_news_small_namesake_abroad_is_no_place(language, name):
    assert PlaceResolver.for_language(language).resolve_named(name, countries=frozenset({"CHE"})) is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_places_news_small_city_of_a_named_country_is_kept(language):
    found = PlaceResolver.for_language(language).resolve_named("Salisbury", countries=frozenset({"GBR"}))
    assert found is not None and (found.name, found.country) == ("Salisbury", "GBR")
