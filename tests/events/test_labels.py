"""Dependency labels by role: each language's pack lists the labels its own parser emits."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dragoman.languages import labels_for, language_pack

EVENTS = Path(__file__).resolve().parents[2] / "src" / "dragoman" / "events"
# events/repair.py relabels a repaired copy with UD's "obj", "nsubj" and "ROOT" in either language
WRITTEN = frozenset({"obj", "nsubj", "ROOT"})


def roles_in_code() -> set[str]:
    pattern = re.compile(r'labels_for\([\w.]+, "(\w+)"\)')
    return {role for path in EVENTS.glob("*.py") for role in pattern.findall(path.read_text(encoding="utf-8"))}


def test_both_packs_name_the_same_roles():
    assert {r for r, _ in language_pack("fr").label_sets} == {r for r, _ in language_pack("en").label_sets}


def test_every_role_the_events_code_reads_is_in_the_packs():
    roles = {r for r, _ in language_pack("fr").label_sets}
    assert roles_in_code() and roles_in_code() <= roles


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pack_labels_are_labels_the_parser_emits(nlp, language):
    emitted = set(nlp[language].get_pipe("parser").labels) | WRITTEN
    for role, labels in language_pack(language).label_sets:
        assert labels <= emitted, (language, role, labels - emitted)


@pytest.mark.parametrize(("language", "text", "word", "role"), [
    ("fr", "Les ministres ont été reçus par le président.", "ministres", "passive_subject"),
    ("en", "The ministers were received by the president.", "ministers", "passive_subject"),
    ("fr", "La France a expulsé deux diplomates russes.", "diplomates", "direct_object"),
    ("en", "France has expelled two Russian diplomats.", "diplomats", "direct_object"),
])
def test_a_role_reads_the_label_of_the_document_language(nlp, language, text, word, role):
    doc = nlp[language](text)
    token = next(t for t in doc if t.text == word)
    assert token.dep_ in labels_for(token, role)
