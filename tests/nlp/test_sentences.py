"""Sentences of prose end at a full stop (or a colon, a semicolon): never in the middle of a clause."""
from __future__ import annotations

import pytest


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Reprise à Doha\n\nLes États-Unis et les talibans ont officiellement repris samedi leurs négociations "
     "à Doha. Le président américain avait rouvert la porte le 28 novembre."),
    ("fr", "Les délégations serbe et kosovare se sont retrouvées lundi soir au siège du service diplomatique "
     "européen pour une nouvelle session de dialogue, la première depuis l'été ; aucun accord n'a été annoncé."),
    ("en", "Negotiators from Armenia and Azerbaijan wrapped up four days of talks on Thursday outside Washington "
     "with what the host described as tangible progress. Neither minister spoke to reporters."),
])
def test_a_sentence_ends_only_at_a_stop(nlp, language, text):
    heading, *prose = text.split("\n\n") if "\n\n" in text else ("", text)
    found = sentences(nlp[language], text)
    body = [s for s in found if s != heading]
    assert body and all(s.endswith((".", ";")) for s in body), found
    assert "leurs négociations" not in {s.split(" à ")[0] for s in body}  # "repris samedi | leurs négociations"
