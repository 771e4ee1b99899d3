"""The temporal grammar's contract with its builders: a capture a builder needs is one its rule always makes."""
from __future__ import annotations

import pytest

from dragoman.errors import PipelineError
from dragoman.nlp.temporal.grammar import CLASSES
from dragoman.nlp.temporal.lexicon import lexicon_for
from dragoman.nlp.temporal.pattern import Hit, Rule, compile_rules
from dragoman.nlp.temporal.tags import TAGS


def _needs_year(hit: Hit) -> object:
    return hit.need("y").value


def _needs_year_span(hit: Hit) -> object:
    return hit.span("y")


def _hit(rule: Rule, text: str, language: str) -> Hit:
    [compiled], nts = compile_rules([rule], CLASSES, {})
    lex = lexicon_for(language)
    items = lex.tag(text)
    tags = "".join(TAGS[item.tag] for item in items)
    match = compiled.regex.fullmatch(tags)
    assert match is not None
    return Hit(items, tags, match, compiled, lex, nts)


@pytest.mark.parametrize("language, text", [("fr", "le"), ("en", "the")])
@pytest.mark.parametrize("builder", [_needs_year, _needs_year_span])
def test_builder_reading_a_capture_its_pattern_may_skip_is_a_coded_grammar_error(language, text, builder):
    hit = _hit(Rule("loose_year", "THE y=YEAR?", builder), text, language)
    with pytest.raises(PipelineError) as caught:
        builder(hit)
    assert caught.value.code == "E201"
    assert "loose_year" in caught.value.message and "'y'" in caught.value.message


@pytest.mark.parametrize("language, text", [("fr", "le 2024"), ("en", "the 2024")])
def test_builder_reads_a_capture_its_pattern_made(language, text):
    hit = _hit(Rule("year", "THE y=YEAR?", _needs_year), text, language)
    assert _needs_year(hit) == 2024
    assert hit.span("y") == (len(text) - 4, len(text))
