"""Place gazetteer: resolving city and country names, ranking homonyms, finding places in text."""
from __future__ import annotations

import pytest

from dragoman.errors import UnsupportedLanguage
from dragoman.languages import language_data
from dragoman.nlp.places import PlaceResolver, city_by_name
from dragoman.text import fold_same_length


def resolve(language: str, name: str, countries: tuple[str, ...] = ()):
    return PlaceResolver.for_language(language).resolve(name, countries=countries)


@pytest.mark.parametrize(("language", "name", "canonical", "country"), [
    ("fr", "Istanbul", "Istanbul", "TUR"), ("en", "Istanbul", "Istanbul", "TUR"),
    ("fr", "Riyad", "Riyadh", "SAU"), ("en", "Riyadh", "Riyadh", "SAU"),
    ("fr", "Genève", "Geneva", "CHE"), ("en", "Geneva", "Geneva", "CHE"),
    ("fr", "Moscou", "Moscow", "RUS"), ("fr", "Pékin", "Beijing", "CHN"), ("fr", "Le Caire", "Cairo", "EGY"),
    ("fr", "Djeddah", "Jeddah", "SAU"), ("en", "Jeddah", "Jeddah", "SAU"),
    ("fr", "Mascate", "Muscat", "OMN"), ("en", "Muscat", "Muscat", "OMN"),
    ("fr", "Washington", "Washington", "USA"), ("en", "New York", "New York", "USA"),
    ("en", "Anchorage", "Anchorage", "USA"), ("fr", "Varsovie", "Warsaw", "POL"), ("fr", "Londres", "London", "GBR"),
    ("fr", "Kyïv", "Kyiv", "UKR"), ("en", "Kiev", "Kyiv", "UKR"), ("fr", "Bruxelles", "Brussels", "BEL"),
    ("fr", "Davos", "Davos", "CHE"), ("fr", "Mexico", "Mexico City", "MEX"),
])
def test_city_names_in_both_languages_resolve_to_geonames_cities(language: str, name: str, canonical: str,
                                                                   country: str) -> None:
    location = resolve(language, name)
    assert location is not None
    assert (location.name, location.country) == (canonical, country)
    assert location.geonames_id and location.lat is not None and location.lon is not None


@pytest.mark.parametrize(("language", "name", "canonical", "country"), [
    ("fr", "la France", "France", "FRA"), ("fr", "Turquie", "Turkey", "TUR"), ("fr", "États-Unis", "United States", "USA"),
    ("en", "Turkey", "Turkey", "TUR"), ("en", "the United Kingdom", "United Kingdom", "GBR"), ("en", "Mexico", "Mexico", "MEX"),
])
def test_country_names_resolve_to_the_country_without_a_city(language: str, name: str, canonical: str,
                                                             country: str) -> None:
    location = resolve(language, name)
    assert location is not None
    assert (location.name, location.country, location.geonames_id, location.lat) == (canonical, country, None, None)


def test_homonyms_rank_by_population_when_no_context() -> None:
    assert resolve("en", "Paris").country == "FRA"
    assert resolve("en", "Moscow").country == "RUS"
    assert resolve("en", "London").country == "GBR"


def test_context_country_wins_unless_far_smaller() -> None:
    # Context multiplies a population by 50: Hamilton, New Zealand (170k) beats Hamilton, Ontario (570k),
    # but Paris, Texas (25k) does not beat Paris, France (2.1M).
    assert resolve("en", "Hamilton", ("NZL",)).country == "NZL"
    assert resolve("en", "Hamilton").country == "CAN"
    assert resolve("en", "Paris", ("USA",)).country == "FRA"


@pytest.mark.parametrize(("language", "name", "context", "country"), [
    ("en", "Washington", ("GBR",), "USA"), ("fr", "Washington", ("GBR",), "USA"),
    ("en", "London", ("CAN",), "GBR"), ("fr", "Londres", ("CAN",), "GBR"),
])
def test_context_never_makes_a_town_beat_a_larger_capital_of_its_name(language, name, context, country) -> None:
    assert resolve(language, name, context).country == country


def test_unknown_names_resolve_to_nothing() -> None:
    assert resolve("fr", "Zzyzxville") is None
    assert resolve("en", "") is None


def places(language: str, text: str) -> list[tuple[str, str, str | None]]:
    found = PlaceResolver.for_language(language).find(text)
    return [(m.text, m.value.name, m.value.country) for m in found]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Les délégations se retrouveront à Genève puis à Riyad.",
     [("Genève", "Geneva", "CHE"), ("Riyad", "Riyadh", "SAU")]),
    ("fr", "Le sommet d'Istanbul a précédé la rencontre du Caire.",
     [("Istanbul", "Istanbul", "TUR"), ("Caire", "Cairo", "EGY")]),
    ("fr", "Entre Moscou et Pékin, la Turquie hésite.",
     [("Moscou", "Moscow", "RUS"), ("Pékin", "Beijing", "CHN"), ("Turquie", "Turkey", "TUR")]),
    ("en", "Talks moved from Jeddah to Muscat, then to Anchorage.",
     [("Jeddah", "Jeddah", "SAU"), ("Muscat", "Muscat", "OMN"), ("Anchorage", "Anchorage", "USA")]),
    ("en", "Envoys from Kyiv flew to New York.",
     [("Kyiv", "Kyiv", "UKR"), ("New York", "New York", "USA")]),
])
def test_find_reports_cities_and_countries_with_offsets(language: str, text: str, expected: list) -> None:
    assert places(language, text) == expected
    for mention in PlaceResolver.for_language(language).find(text):
        assert text[mention.start:mention.end] == mention.text and mention.kind == "place"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Nice weather today, so we went reading by the river."),
    ("en", "Nancy Pelosi wrote in the Washington Post."),
    ("fr", "Il a découpé la dinde en tranches."),
    ("fr", "Une orange et du sucre, voilà tout."),
    ("en", "George Bush spoke about soul music."),
])
def test_common_words_and_names_are_not_places(language: str, text: str) -> None:
    assert places(language, text) == []


def test_city_at_sentence_start_after_capitalised_word_is_kept() -> None:
    assert places("fr", "Depuis, Moscou se tait. À Genève, rien.") == [
        ("Moscou", "Moscow", "RUS"), ("Genève", "Geneva", "CHE")]


def test_countries_in_text_give_context_to_ambiguous_cities() -> None:
    found = places("en", "In Alabama and the United States, officials in Birmingham said the deal was done.")
    assert ("Birmingham", "Birmingham", "USA") in found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_exonym_names_a_known_city(language: str) -> None:
    by_name = city_by_name()
    missing = [exonym for exonym, (name, country) in language_data(language, "places")["exonyms"].items()
               if (country, fold_same_length(name)) not in by_name]
    assert missing == []


def test_resolvers_are_cached_per_language() -> None:
    assert PlaceResolver.for_language("en") is PlaceResolver.for_language("en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnsupportedLanguage):
        PlaceResolver.for_language("xx")


def test_bench_reports_build_and_search_times() -> None:
    from dragoman.nlp.places import bench

    assert set(bench("fr", repeat=1)) == {"build_ms", "find_ms_per_5k_chars"}


@pytest.mark.parametrize(("language", "text", "city", "phrase"), [
    ("en", "Rubio met Lavrov in the Malaysian capital on Thursday.", "Kuala Lumpur", "Malaysian capital"),
    ("en", "The talks in the Hungarian capital, planned for next week, were called off.", "Budapest",
     "Hungarian capital"),
    ("fr", "Les deux dirigeants doivent se retrouver dans la capitale hongroise.", "Budapest", "capitale hongroise"),
    ("fr", "Les négociateurs sont arrivés dans la capitale malaisienne, jeudi.", "Kuala Lumpur", "capitale malaisienne"),
])
def test_the_countrys_capital_is_a_place_not_a_party(nlp, language, text, city, phrase):
    from datetime import date

    from dragoman.model import Document
    from dragoman.nlp.mentions import find_mentions

    found = find_mentions(Document("t", "t", text, language=language, published=date(2025, 7, 10)), nlp[language](text),
                          language=language)
    assert any(p.value.name == city and p.text == phrase for p in found.places), found.places
    assert not any(phrase.split()[0 if language == "en" else 1] in a.text for a in found.actors)
