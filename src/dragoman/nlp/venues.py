"""Venues: the buildings where a meeting happens ("consulat général russe", "Dolmabahçe Palace").

A venue is a head word from ``data/<language>/venues.json`` (consulat, palace,
hôtel, residence…) grown by its modifiers, or a place known by name alone
(Kremlin, White House), or a capitalised head after a name ("Blair House"), or
a facility the parser labels FAC. It counts only
where it is a place: after a locative preposition, directly ("au palais de
Dolmabahçe", "at the US consul general's residence") or through a container
noun ("dans les locaux du consulat général russe", "on the premises of the
embassy"), or as the subject of a hosting verb ("Dolmabahçe Palace hosted the
talks"). An embassy that "a dénoncé" something is an actor, and "les
ambassades" in general are no place.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..languages import language_data
from ..model import Mention
from ..text import word_key
from .phrases import phrase_pattern, token_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

FACILITY_LABELS = frozenset({"FAC"})
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})
MAX_LEFT = 5  # modifiers before an English head: "the | US consul general 's | residence"
MAX_LINKS = 2  # "résidence | du consul général | des États-Unis"
WORD_LISTS = (  # the word lists of venues.json, one VenueLexicon field each
    "containers", "locative_prepositions", "determiners", "plural_determiners", "of_words",
    "host_lemmas", "left_pos", "right_pos",
)


@dataclass(frozen=True)
class VenueLexicon:
    heads: re.Pattern[str] | None
    named: re.Pattern[str] | None
    proper_heads: re.Pattern[str] | None
    containers: frozenset[str]
    locative_prepositions: frozenset[str]
    determiners: frozenset[str]
    plural_determiners: frozenset[str]
    of_words: frozenset[str]
    host_lemmas: frozenset[str]
    left_pos: frozenset[str]
    right_pos: frozenset[str]

    @classmethod
    @cache
    def for_language(cls, language: str) -> VenueLexicon:
        raw = language_data(language, "venues")
        words = {name: frozenset(word_key(w) if name not in ("left_pos", "right_pos") else w for w in raw[name])
                 for name in WORD_LISTS}
        return cls(phrase_pattern(raw["heads"]), phrase_pattern(raw["named"]), phrase_pattern(raw["proper_heads"]),
                   **words)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    named: bool  # a name is kept as written; a head grows by its modifiers


def find_venues(doc: Doc, *, language: str) -> list[Mention]:
    """Venue mentions; ``value`` is the venue phrase as written."""
    lex = VenueLexicon.for_language(language)
    taken: list[tuple[int, int]] = []
    for cand in sorted(_candidates(doc, lex), key=lambda c: (c.start, c.start - c.end)):
        if any(lo <= cand.start < hi or cand.start <= lo < cand.end for lo, hi in taken):
            continue
        lo, hi = (cand.start, cand.end) if cand.named else (_left(doc, lex, cand.start), _right(doc, lex, cand.end))
        if (cand.named or not _plural(doc, lex, lo)) and (_locative(doc, lex, lo) or _hosts(doc, lex, cand)):
            # a head grown over an earlier one ("a resort | hotel") replaces it
            taken = [(a, b) for a, b in taken if not (lo <= a and b <= hi)] + [(lo, hi)]
    return [_mention(doc, lo, hi) for lo, hi in sorted(taken)]


def stands_for_government(venue: str, *, language: str) -> bool:
    """Whether a venue is known by name alone (Kremlin, White House, Élysée): such a name also
    stands for the government that sits there ("la pression sur le Kremlin")."""
    named = VenueLexicon.for_language(language).named
    return named is not None and named.fullmatch(venue.strip()) is not None


def _mention(doc: Doc, lo: int, hi: int) -> Mention:
    span = doc[lo:hi]
    return Mention("venue", span.start_char, span.end_char, span.text, 0, span.text)


def _candidates(doc: Doc, lex: VenueLexicon) -> Iterator[_Candidate]:
    for start, end in token_spans(doc, lex.heads):
        yield _Candidate(start, end, False)
    for start, end in token_spans(doc, lex.named):
        yield _Candidate(start, end, True)
    for start, end in token_spans(doc, lex.proper_heads):
        name = _name_before(doc, start)
        if name < start and doc[start].text[:1].isupper():
            yield _Candidate(name, end, True)
    for ent in doc.ents:
        if ent.label_ in FACILITY_LABELS:
            start = ent.start + 1 if word_key(ent[0].text) in lex.determiners else ent.start
            if start < ent.end:
                yield _Candidate(start, ent.end, True)


def _name_before(doc: Doc, start: int) -> int:
    """Start of the capitalised proper nouns right before a head: "Blair | House", "Lancaster | House"."""
    lo = start
    while lo > 0 and start - lo < 3 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].text[:1].isupper():
        lo -= 1
    return lo


def _same_sentence(doc: Doc, i: int, j: int) -> bool:
    return doc[i].sent.start == doc[j].sent.start if doc.has_annotation("SENT_START") else True


def _left(doc: Doc, lex: VenueLexicon, start: int) -> int:
    """Modifiers before the head: "Russian | embassy", "US consul general's | residence"."""
    lo = start
    while (lo > 0 and start - lo < MAX_LEFT and _same_sentence(doc, lo - 1, start)
           and word_key(doc[lo - 1].text) not in lex.determiners
           and (_joiner(doc, lo - 1) or doc[lo - 1].pos_ in lex.left_pos and not doc[lo - 1].is_punct)):
        lo -= 1
    while lo < start and (doc[lo].pos_ == "PART" or _joiner(doc, lo)):
        lo += 1
    return lo


def _right(doc: Doc, lex: VenueLexicon, end: int) -> int:
    """Modifiers after the head: "consulat | général russe", "palais | de Dolmabahçe"."""
    hi, links = end, 0
    while hi < len(doc) and _same_sentence(doc, hi, end - 1):
        token = doc[hi]
        if ((token.pos_ in lex.right_pos or token.text[:1].isupper()) and not token.is_punct
                and token.ent_type_ not in TEMPORAL_LABELS):
            hi += 1
        elif word_key(token.text) in lex.of_words and links < MAX_LINKS and _complement(doc, hi + 1) > hi + 1:
            hi, links = _complement(doc, hi + 1), links + 1
        else:
            break
    return hi


def _joiner(doc: Doc, i: int) -> bool:
    """A hyphen inside a name: "Ritz - Carlton"."""
    return doc[i].text == "-" and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _complement(doc: Doc, k: int) -> int:
    """End of a noun phrase after "de"/"of": determiners, adjectives, one noun, then proper nouns or adjectives."""
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    start = k
    while k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1
    if k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN") or doc[k].is_punct:
        return start
    k += 1
    while k < len(doc) and doc[k].pos_ in ("ADJ", "PROPN") and not doc[k].is_punct:
        k += 1
    return k


def _locative(doc: Doc, lex: VenueLexicon, lo: int) -> bool:
    """After "à"/"at", directly or through a container ("dans les locaux du", "on the premises of")."""
    j = lo - 1
    while j >= 0 and (doc[j].pos_ == "DET" or word_key(doc[j].text) in lex.determiners):
        j -= 1
    if j < 0:
        return False
    word = word_key(doc[j].text)
    if word in lex.locative_prepositions:
        return True
    if word in lex.of_words and j > 0 and word_key(doc[j - 1].text) in lex.containers:
        return _locative(doc, lex, j - 1)
    return False


def _hosts(doc: Doc, lex: VenueLexicon, cand: _Candidate) -> bool:
    """The venue is the subject of a hosting verb: "le palais accueille les pourparlers"."""
    return any(token.dep_ == "nsubj" and token.head.lemma_.lower() in lex.host_lemmas
               for token in doc[cand.start:cand.end])


def _plural(doc: Doc, lex: VenueLexicon, lo: int) -> bool:
    """Buildings in general are no venue: "les palais", "several embassies". Heads are matched
    in their singular forms, so only an invariant noun ("palais", "headquarters") needs its determiner."""
    return lo > 0 and word_key(doc[lo - 1].text) in lex.plural_determiners
