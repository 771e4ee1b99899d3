"""An actor named again by its bare head ("l'armée", "the army") after it was named in full."""
from __future__ import annotations

import pytest

from dragoman.nlp.actors import ActorMatcher


def coded(language: str, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value.code) for m in ActorMatcher.for_language(language).find(text)]


@pytest.mark.parametrize(("language", "text", "bare"), [
    ("fr", "L'armée malienne a repris la ville. L'armée affirme contrôler le nord.", "L'armée"),
    ("en", "The Malian army retook the town. The army says it controls the north.", "The army"),
])
def test_a_bare_head_names_the_actor_last_named_with_it(language, text, bare):
    assert (bare, "MLI") in coded(language, text)


@pytest.mark.parametrize(("language", "text", "bare"), [
    ("fr", "Mali : l'armée reprend Kidal\n\nL'armée malienne a repris la ville mardi.", "l'armée"),
    ("en", "Mali: the army retakes Kidal\n\nThe Malian army retook the town on Tuesday.", "the army"),
])
def test_a_bare_head_in_the_title_names_the_actor_the_text_names_next(language, text, bare):
    assert (bare, "MLI") in coded(language, text)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "L'armée a repris la ville."),
    ("en", "The army retook the town."),
])
def test_a_bare_head_with_nothing_named_before_stays_nobody(language, text):
    assert coded(language, text) == []
