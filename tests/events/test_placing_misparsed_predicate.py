"""A verb the parser conjoined with the noun of the event ('Le cycle de discussions entre la Serbie et le
Kosovo s'est achevé ... à Skopje', read as 'cycle' and 'achevé' conjuncts, 'le Kosovo' the verb's subject)
is that noun's predicate: a place under it is the event's, not another clause's. The parses are written
out, as the parser produces them on such sentences, so that the rule is tested whatever the model."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dragoman.events.clause import in_other_clause
from dragoman.model import Location, Mention

# (words, heads, deps, pos) of "<round> of talks between A and B ended Monday in Skopje ."
PARSES = {
    "fr": (["Le", "cycle", "de", "discussions", "entre", "la", "Serbie", "et", "le", "Kosovo", "s'", "est",
            "achevé", "lundi", "à", "Skopje", "."],
           [1, 1, 3, 1, 6, 6, 1, 12, 9, 12, 12, 12, 1, 12, 15, 12, 1],
           ["det", "ROOT", "case", "nmod", "case", "det", "nmod", "cc", "det", "nsubj", "expl:comp", "aux:tense",
            "conj", "obl:mod", "case", "obl:mod", "punct"],
           ["DET", "NOUN", "ADP", "NOUN", "ADP", "DET", "PROPN", "CCONJ", "DET", "PROPN", "PRON", "AUX", "VERB",
            "NOUN", "ADP", "PROPN", "PUNCT"]),
    "en": (["The", "round", "of", "talks", "between", "Serbia", "and", "Kosovo", "ended", "Monday", "in", "Skopje",
            "."],
           [1, 1, 1, 2, 3, 4, 8, 8, 1, 8, 8, 10, 1],
           ["det", "ROOT", "prep", "pobj", "prep", "pobj", "cc", "nsubj", "conj", "npadvmod", "prep", "pobj",
            "punct"],
           ["DET", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "ADP", "PROPN",
            "PUNCT"]),
}


def parsed(language: str) -> Doc:
    words, heads, deps, pos = PARSES[language]
    return Doc(spacy.blank(language).vocab, words=words, heads=heads, deps=deps, pos=pos)


def char_span(doc: Doc, word: str) -> tuple[int, int]:
    token = next(t for t in doc if t.text == word)
    return token.idx, token.idx + len(token)


@pytest.mark.parametrize(("language", "trigger"), [("fr", "discussions"), ("en", "talks")])
def test_placing_place_under_a_verb_conjoined_with_the_event_noun_is_the_events(language, trigger):
    doc = parsed(language)
    start, end = char_span(doc, "Skopje")
    place = Mention("place", start, end, "Skopje", 0, Location("Skopje", "MKD"))
    assert not in_other_clause(doc, place, char_span(doc, trigger))


@pytest.mark.parametrize(("language", "trigger"), [("fr", "discussions"), ("en", "talks")])
def test_placing_place_of_a_clause_with_its_own_subject_stays_that_clauses(language, trigger):
    words, heads, deps, pos = PARSES[language]
    pos = [("AUX" if p == "VERB" else p) for p in pos]  # the same tree, its verb conjoined to a verb
    verb = deps.index("conj")
    pos[1] = "VERB"
    doc = Doc(spacy.blank(language).vocab, words=words, heads=heads, deps=deps, pos=pos)
    start, end = char_span(doc, "Skopje")
    place = Mention("place", start, end, "Skopje", 0, Location("Skopje", "MKD"))
    assert doc[verb].dep_ == "conj"
    assert in_other_clause(doc, place, char_span(doc, trigger))
