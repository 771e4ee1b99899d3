"""A town named by its own name is meant before a city the name once stood for: "Salisbury" is no longer
Harare. Alone, the English town is too small to be read as a place; with Britain around it, it is Salisbury."""
from __future__ import annotations

import pytest

from dragoman.ingest import documents_from_records
from dragoman.nlp import load_pipeline
from dragoman.nlp.mentions import find_mentions


def places_of(text: str, language: str) -> list[tuple[str, str]]:
    (doc,) = documents_from_records([{"text": text, "language": language, "published": "2018-03-14"}])
    found = find_mentions(doc, load_pipeline(language)(doc.text), language=language)
    return [(m.value.name, m.value.country) for m in found.places]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Police sealed off the centre of Salisbury on Monday."),
    ("fr", "La police a bouclé lundi le centre de Salisbury."),
])
def test_a_former_name_of_a_capital_is_not_that_capital(language, text):
    assert ("Harare", "ZWE") not in places_of(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Britain expelled 23 Russian diplomats after the poisoning in Salisbury."),
    ("fr", "Le Royaume-Uni a expulsé 23 diplomates russes après l'empoisonnement à Salisbury."),
])
def test_the_town_of_that_name_is_read_in_its_country(language, text):
    assert ("Salisbury", "GBR") in places_of(text, language)
