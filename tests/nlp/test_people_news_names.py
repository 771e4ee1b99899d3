"""A name keeps its hyphenated syllables written in lower case ("Moon Jae-in", "Kim Yo-jong")."""
from __future__ import annotations

import pytest

from dragoman.nlp import load_pipeline
from dragoman.nlp.people import find_people

SENTENCES = {
    "fr": "Le président sud-coréen Moon Jae-in a rencontré mardi Kim Yo-jong à la frontière.",
    "en": "South Korean President Moon Jae-in met Kim Yo-jong at the border on Tuesday.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_news_name_keeps_its_lower_case_syllable(language):
    doc = load_pipeline(language)(SENTENCES[language])
    names = {m.value.name for m in find_people(doc, [], language=language)}
    assert "Moon Jae-in" in names
    assert not names & {"Moon Jae", "Kim Yo"}
