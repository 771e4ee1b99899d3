"""A one-word "person" the gazetteer reads as a place at the same words is that place; a full name whose
surname is also a city stays a person."""
from __future__ import annotations

import pytest

from dragoman.ingest import documents_from_records
from dragoman.nlp import load_pipeline
from dragoman.nlp.mentions import find_mentions


def mentions_of(text: str, language: str):
    (doc,) = documents_from_records([{"text": text, "language": language, "published": "2019-06-30"}])
    return find_mentions(doc, load_pipeline(language)(doc.text), language=language)


@pytest.mark.parametrize(("language", "text", "place"), [
    ("en", "Handshake at the border\n\nDonald Trump walked past the border at Panmunjom alongside Kim Jong Un, "
     "before the two leaders sat down for talks.", "Panmunjom"),
    ("fr", "Rencontre\n\nDonald Trump a rencontré Kim Jong Un à Panmunjom dimanche.", "Panmunjom"),
])
def test_a_place_the_tagger_took_for_a_name_is_no_person(language, text, place):
    found = mentions_of(text, language)
    assert place in {m.text for m in found.places}
    assert place not in {m.value.name for m in found.people}
    assert {"Donald Trump", "Kim Jong Un"} <= {m.value.name for m in found.people}
