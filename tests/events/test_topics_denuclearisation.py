"""Denuclearisation is a nuclear programme's topic, in both languages."""
from __future__ import annotations

import pytest

from dragoman.events.topics import read_topics

TEXTS = [
    ("fr", "Les deux dirigeants ont discuté de la dénucléarisation complète de la péninsule."),
    ("fr", "Washington exige que Pyongyang accepte de dénucléariser avant tout allègement."),
    ("en", "The two leaders discussed the complete denuclearization of the peninsula."),
    ("en", "The envoys held nuclear talks in a hotel outside the capital."),
]


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_topics_denuclearisation_is_the_nuclear_programme(nlp, language, text):
    reading = read_topics(list(nlp[language](text).sents), language=language)
    assert "nuclear_programme" in {code for code, _, _ in reading.topics}
