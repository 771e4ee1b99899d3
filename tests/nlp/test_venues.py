"""Venues: buildings where a meeting happens, with their modifiers, in locative context (fr, en)."""
from __future__ import annotations

import pytest

from dragoman.errors import UnsupportedLanguage
from dragoman.nlp.venues import find_venues


def venues(nlp, language: str, text: str) -> list[str]:
    doc = nlp[language](text)
    found = find_venues(doc, language=language)
    assert all(text[m.start:m.end] == m.text == m.value and m.kind == "venue" for m in found)
    return [m.value for m in found]


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Les négociateurs ont travaillé toute la journée dans les locaux de l'ambassade américaine à Ankara.",
     "ambassade américaine"),
    ("en", "Negotiators worked all day on the premises of the American embassy in Ankara.", "American embassy"),
])
def test_venue_inside_a_container_noun_keeps_its_modifiers(nlp, language, text, venue):
    assert venues(nlp, language, text) == [venue]


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Le dîner a eu lieu à la résidence de l'ambassadeur de France.", "résidence de l'ambassadeur de France"),
    ("en", "The dinner took place at the French ambassador's residence.", "French ambassador's residence"),
    ("fr", "Les ministres se sont retrouvés au consulat général de Turquie.", "consulat général de Turquie"),
    ("en", "The ministers met at the Turkish consulate general in Geneva.", "Turkish consulate general"),
])
def test_venue_with_complements_and_possessives(nlp, language, text, venue):
    assert venues(nlp, language, text) == [venue]


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Les délégations se réuniront au palais de Çırağan jeudi.", "palais de Çırağan"),
    ("en", "The delegations will meet at Çırağan Palace on Thursday.", "Çırağan Palace"),
    ("fr", "Les pourparlers se sont tenus à l'hôtel Intercontinental de Genève.", "hôtel Intercontinental de Genève"),
    ("en", "The talks were held at the InterContinental Hotel in Geneva.", "InterContinental Hotel"),
])
def test_named_palaces_and_hotels(nlp, language, text, venue):
    assert venues(nlp, language, text) == [venue]


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Le président a reçu son homologue à la Maison-Blanche.", "Maison-Blanche"),
    ("en", "The president received his counterpart at the White House.", "White House"),
])
def test_places_known_by_name(nlp, language, text, venue):
    assert venues(nlp, language, text) == [venue]


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Le palais de Çırağan accueillera la prochaine session.", "palais de Çırağan"),
    ("en", "Çırağan Palace will host the next session.", "Çırağan Palace"),
])
def test_subject_of_a_hosting_verb_is_a_venue(nlp, language, text, venue):
    assert venues(nlp, language, text) == [venue]


@pytest.mark.parametrize("language, text", [
    ("fr", "L'ambassade américaine a dénoncé ces mesures."),
    ("en", "The American embassy condemned the measures."),
    ("fr", "Le ministère turc des Affaires étrangères a publié un communiqué."),
    ("en", "The Turkish Foreign Ministry issued a statement."),
    ("fr", "Les discussions porteront sur le personnel des ambassades et des consulats."),
    ("en", "The talks will cover staffing at embassies and consulates in both countries."),
    ("fr", "Les deux pays ont rouvert les palais fermés au public."),
    ("fr", "Le Kremlin a démenti ces informations."),
    ("en", "The White House denied the report."),
])
def test_institutions_as_actors_and_buildings_in_general_are_no_venue(nlp, language, text):
    assert venues(nlp, language, text) == []


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Ils se sont vus à l'ambassade lundi.", "ambassade"),
    ("en", "They met at the embassy on Tuesday.", "embassy"),
    ("en", "They met at the embassy Tuesday.", "embassy"),
])
def test_dates_are_not_part_of_a_venue(nlp, language, text, venue):
    assert venues(nlp, language, text) == [venue]


def test_unknown_language_raises(nlp):
    with pytest.raises(UnsupportedLanguage):
        find_venues(nlp["fr"]("Bonjour."), language="xx")
