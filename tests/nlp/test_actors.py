"""Actor gazetteer: names, demonyms, seats, organisations, agencies, compounds, false positives."""
from __future__ import annotations

import pytest

from dragoman.errors import UnsupportedLanguage
from dragoman.languages import common_data, language_data
from dragoman.model import Actor
from dragoman.nlp.actors import ActorMatcher, country_names

IGO_CODES = "UN EU NATO AU ASEAN OSCE OPEC GCC ARAB_LEAGUE ICC IAEA WHO WTO G7 G20 BRICS".split()


def codes(language: str, text: str) -> list[str]:
    return [m.value.code for m in ActorMatcher.for_language(language).find(text)]


def readings(language: str, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value.code, m.value.sector) for m in ActorMatcher.for_language(language).find(text)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Les États-Unis et la Chine ont parlé.", ["USA", "CHN"]),
    ("fr", "Les USA, l'Amérique et les Etats-Unis d'Amérique.", ["USA", "USA", "USA"]),
    ("fr", "Le Royaume-Uni, la Grande-Bretagne, la Turquie et la Türkiye.", ["GBR", "GBR", "TUR", "TUR"]),
    ("fr", "Un accord avec l'Ukraine, puis d'Iran et d’Israël.", ["UKR", "IRN", "ISR"]),
    ("fr", "La Côte d'Ivoire et la Corée du Nord.", ["CIV", "PRK"]),
    ("en", "The United States, the U.S. and the US met the UK.", ["USA", "USA", "USA", "GBR"]),
    ("en", "Turkey, Türkiye, China and Iran signed.", ["TUR", "TUR", "CHN", "IRN"]),
    ("en", "North Korea fired while South Korea watched.", ["PRK", "KOR"]),
])
def test_country_names_give_state_codes(language: str, text: str, expected: list[str]) -> None:
    assert codes(language, text) == expected


@pytest.mark.parametrize(("language", "word", "code"), [
    ("fr", "russe", "RUS"), ("fr", "russes", "RUS"), ("fr", "américain", "USA"), ("fr", "américaine", "USA"),
    ("fr", "américains", "USA"), ("fr", "américaines", "USA"), ("fr", "turque", "TUR"), ("fr", "turcs", "TUR"),
    ("fr", "Ukrainiens", "UKR"), ("fr", "saoudienne", "SAU"), ("fr", "nord-coréens", "PRK"), ("fr", "français", "FRA"),
    ("fr", "britannique", "GBR"), ("fr", "grecque", "GRC"), ("fr", "Israéliens", "ISR"),
    ("en", "Russian", "RUS"), ("en", "Russians", "RUS"), ("en", "American", "USA"), ("en", "Americans", "USA"),
    ("en", "Iranian", "IRN"), ("en", "Turkish", "TUR"), ("en", "Turks", "TUR"), ("en", "Chinese", "CHN"),
    ("en", "British", "GBR"), ("en", "Dutch", "NLD"), ("en", "Swiss", "CHE"), ("en", "North Korean", "PRK"),
])
def test_demonyms_and_adjectives_give_state_codes(language: str, word: str, code: str) -> None:
    assert codes(language, f"Selon des sources {word} proches du dossier." if language == "fr"
                 else f"According to {word} sources close to the talks.") == [code]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Les relations russo-américaines", ["RUS", "USA"]),
    ("fr", "un sommet sino-russe", ["CHN", "RUS"]),
    ("fr", "le conflit israélo-palestinien", ["ISR", "PSE"]),
    ("fr", "le couple franco-allemand", ["FRA", "DEU"]),
    ("en", "US-Russian relations", ["USA", "RUS"]),
    ("en", "a Franco-German initiative", ["FRA", "DEU"]),
    ("en", "Sino-US trade talks", ["CHN", "USA"]),
    ("en", "the Russia-Ukraine war", ["RUS", "UKR"]),
])
def test_hyphen_compounds_give_both_codes(language: str, text: str, expected: list[str]) -> None:
    assert codes(language, text) == expected


def test_compound_prefix_keeps_character_offsets() -> None:
    text = "Les entretiens russo-américains ont repris."
    mentions = ActorMatcher.for_language("fr").find(text)
    assert [text[m.start:m.end] for m in mentions] == ["russo", "américains"]
    assert [m.text for m in mentions] == ["russo", "américains"]


@pytest.mark.parametrize("text", ["Franco a gouverné l'Espagne.", "Le russo n'existe pas seul."])
def test_prefix_alone_is_not_an_actor(text: str) -> None:
    assert "FRA" not in codes("fr", text) and "RUS" not in codes("fr", text)


@pytest.mark.parametrize(("language", "text", "code"), [
    ("fr", "Moscou a répondu.", "RUS"), ("fr", "Le Kremlin a démenti.", "RUS"),
    ("fr", "Washington a sanctionné.", "USA"), ("fr", "La Maison-Blanche a réagi.", "USA"),
    ("fr", "L'Élysée a confirmé.", "FRA"), ("fr", "Pékin proteste.", "CHN"), ("fr", "Kyïv accuse.", "UKR"),
    ("fr", "Kiev accuse.", "UKR"), ("fr", "Téhéran dément.", "IRN"), ("fr", "Ankara menace.", "TUR"),
    ("en", "The White House said.", "USA"), ("en", "Downing Street said.", "GBR"), ("en", "Beijing said.", "CHN"),
    ("en", "Kyiv said.", "UKR"), ("en", "Kiev said.", "UKR"), ("en", "Moscow said.", "RUS"),
])
def test_capitals_and_seats_stand_for_governments(language: str, text: str, code: str) -> None:
    assert readings(language, text)[0][1:] == (code, "GOV")


@pytest.mark.parametrize(("language", "text", "code"), [
    ("fr", "l'ONU", "UN"), ("fr", "les Nations unies", "UN"), ("fr", "l'UE", "EU"), ("fr", "l'Union européenne", "EU"),
    ("fr", "l'OTAN", "NATO"), ("fr", "l'Otan", "NATO"), ("fr", "l'Union africaine", "AU"), ("fr", "l'AIEA", "IAEA"),
    ("fr", "la CPI", "ICC"), ("fr", "l'OMS", "WHO"), ("fr", "l'OMC", "WTO"), ("fr", "l'OPEP", "OPEC"),
    ("fr", "la Ligue arabe", "ARAB_LEAGUE"), ("fr", "le Conseil de coopération du Golfe", "GCC"),
    ("fr", "l'OSCE", "OSCE"), ("fr", "les BRICS", "BRICS"), ("fr", "le G7", "G7"), ("fr", "le G20", "G20"),
    ("en", "the United Nations", "UN"), ("en", "the EU", "EU"), ("en", "NATO", "NATO"), ("en", "the African Union", "AU"),
    ("en", "ASEAN", "ASEAN"), ("en", "the IAEA", "IAEA"), ("en", "the International Criminal Court", "ICC"),
    ("en", "the World Health Organization", "WHO"), ("en", "the WTO", "WTO"), ("en", "the Arab League", "ARAB_LEAGUE"),
])
def test_organisations_give_their_codes(language: str, text: str, code: str) -> None:
    assert codes(language, text) == [code]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_contract_organisation_has_forms(language: str) -> None:
    covered = {entry["code"] for entry in language_data(language, "actors")["entries"]}
    assert set(IGO_CODES) <= covered


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "le ministère russe des Affaires étrangères", ("RUS", "DIP")),
    ("fr", "le ministère des Affaires étrangères russe", ("RUS", "DIP")),
    ("fr", "la diplomatie russe", ("RUS", "DIP")),
    ("fr", "le département d'État", ("USA", "DIP")),
    ("fr", "le Quai d'Orsay", ("FRA", "DIP")),
    ("fr", "le Pentagone", ("USA", "MIL")),
    ("fr", "l'armée russe", ("RUS", "MIL")),
    ("fr", "les forces ukrainiennes", ("UKR", "MIL")),
    ("fr", "la Douma", ("RUS", "LEG")),
    ("fr", "l'agence TASS", ("RUS", "MED")),
    ("fr", "l'agence Ria Novosti", ("RUS", "MED")),
    ("fr", "le gouvernement turc", ("TUR", "GOV")),
    ("en", "the State Department", ("USA", "DIP")),
    ("en", "the Foreign Office", ("GBR", "DIP")),
    ("en", "the Russian Foreign Ministry", ("RUS", "DIP")),
    ("en", "Russia's foreign ministry", ("RUS", "DIP")),
    ("en", "the Pentagon", ("USA", "MIL")),
    ("en", "Iranian forces", ("IRN", "MIL")),
    ("en", "Congress", ("USA", "LEG")),
    ("en", "the Kremlin-run TASS agency", ("RUS", "MED")),
])
def test_ministries_and_agencies_give_state_and_sector(language: str, text: str, expected: tuple[str, str]) -> None:
    assert readings(language, text)[-1][1:] == expected


@pytest.mark.parametrize(("language", "text", "code"), [
    ("fr", "le Hamas", "HAMAS"), ("fr", "le Hezbollah", "HEZBOLLAH"), ("fr", "les talibans", "TALIBAN"),
    ("fr", "les Houthis", "HOUTHIS"), ("en", "Hamas", "HAMAS"), ("en", "the Taliban", "TALIBAN"),
    ("en", "Yemen's Houthis", "HOUTHIS"),
])
def test_armed_groups_are_rebels_with_stable_ids(language: str, text: str, code: str) -> None:
    text_, found, sector = readings(language, text)[-1]
    assert (found, sector) == (code, "REB")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Let us know what the rest of us think."),
    ("en", "Nice weather for a roast turkey in china bowls."),
    ("fr", "Il a découpé la dinde pour le réveillon."),
    ("fr", "Les pays d'Amérique latine ont voté."),
    ("fr", "Le discours a été traduit en russe et en anglais."),
    ("en", "Nations of Latin America voted."),
    ("en", "The Iranianist society met."),
])
def test_common_words_are_not_actors(language: str, text: str) -> None:
    assert codes(language, text) == []


def test_turkey_country_is_found_but_not_the_bird() -> None:
    assert codes("fr", "En Turquie, la dinde est rare.") == ["TUR"]
    assert codes("en", "In Turkey, turkey is rare.") == ["TUR"]


def test_word_boundaries_keep_names_inside_longer_words_apart() -> None:
    assert readings("en", "Iranian officials") == [("Iranian officials", "IRN", "GOV")]
    assert codes("en", "Irani") == []


def test_russian_held_areas_are_not_blocked_as_a_language() -> None:
    assert codes("en", "fighting in Russian-held areas") == ["RUS"]


def test_all_caps_text_matches_without_accents() -> None:
    assert codes("fr", "LES ETATS-UNIS ET LA TURQUIE") == ["USA", "TUR"]


@pytest.mark.parametrize(("language", "phrase", "code"), [
    ("fr", "la Maison-Blanche", "USA"), ("fr", "Russie", "RUS"), ("fr", "l'OTAN", "NATO"),
    ("en", "the UK", "GBR"), ("en", "Russian Federation", "RUS"),
])
def test_lookup_finds_whole_phrases(language: str, phrase: str, code: str) -> None:
    found = ActorMatcher.for_language(language).lookup(phrase)
    assert found is not None and found.code == code and found.role == "participant"


@pytest.mark.parametrize(("language", "phrase"), [("en", "us"), ("en", "Russian Federation talks"), ("fr", "dinde")])
def test_lookup_rejects_partial_or_lower_case_acronyms(language: str, phrase: str) -> None:
    assert ActorMatcher.for_language(language).lookup(phrase) is None


def test_extra_dictionary_entries_add_and_override_forms() -> None:
    extra = [("ACME REBELS", Actor("ACME", "Acme rebels", sector="REB")), ("Kremlin", Actor("XRU", "Other"))]
    matcher = ActorMatcher.for_language("en", extra=extra)
    assert [(m.value.code, m.value.sector) for m in matcher.find("The Acme Rebels and the Kremlin.")] == [
        ("ACME", "REB"), ("XRU", None)]
    assert ActorMatcher.for_language("en").lookup("Kremlin").code == "RUS"


def test_matchers_are_cached_per_language() -> None:
    assert ActorMatcher.for_language("fr") is ActorMatcher.for_language("fr")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnsupportedLanguage):
        ActorMatcher.for_language("xx")


def test_mentions_carry_offsets_into_the_text() -> None:
    text = "Hier, l’Ukraine et la Russie ont échangé des prisonniers."
    for mention in ActorMatcher.for_language("fr").find(text):
        assert text[mention.start:mention.end] == mention.text and mention.kind == "actor"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_state_and_territory_is_named(language: str) -> None:
    matcher = ActorMatcher.for_language(language)
    unnamed = [code for code, names in country_names(language).items()
               if not any(getattr(matcher.lookup(name), "code", None) == code for name in names)]
    assert unnamed == []
    assert len(common_data("countries")) >= 249


def test_bench_reports_build_and_search_times() -> None:
    from dragoman.nlp.actors import bench

    assert set(bench("en", repeat=1)) == {"build_ms", "find_ms_per_5k_chars"}
