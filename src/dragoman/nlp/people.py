"""People named in a document: who they are, whom they represent, what they do.

:func:`find_people` reads one parsed document in four passes:

1. names: the parser's PER/PERSON entities cleaned of titles and punctuation,
   capitalised runs right after a title that the parser missed ("le ministre
   Sergueï Lavrov"), and later bare surnames of people already named;
2. each name's title zone before it ("le président français Emmanuel Macron")
   and apposition, relative clause or copula after it ("X, tout juste nommé
   ambassadeur de Russie aux États-Unis"). The affiliation is the first actor
   of those zones that is not a destination: "aux États-Unis" says where an
   ambassador serves, "de Russie" whom he represents;
3. role cues: who leads a delegation (passive and active voice), who hosts,
   role titles ("porte-parole"); the delegation's or side's actor ("la
   délégation russe", "Du côté américain") gives its leader's affiliation;
4. coreference within the document: full names, surnames, and title-only
   descriptions ("l'ambassadeur", "the envoy") when exactly one person fits.

Word lists live in ``data/<language>/people.json``; nothing here is
language-specific beyond the Universal Dependencies tags spaCy produces.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..config import data_dir
from ..errors import UnsupportedLanguage
from ..model import Mention, Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_LABELS = frozenset({"PER", "PERSON"})
# Entity labels a missed name may carry: small models often read rare names as products or works.
NAME_LABELS = frozenset({"", "PER", "PERSON", "PRODUCT", "WORK_OF_ART", "MISC"})
ROLE_PRIORITY = ("head_of_delegation", "host", "negotiator", "mediator", "spokesperson")
# Evidence for a person's affiliation, strongest first.
BY_TITLE, BY_NAME, BY_DELEGATION, BY_SIDE = range(4)
WORD_LISTS = (  # the word lists of people.json, one PeopleLexicon field each
    "honorifics", "particles", "determiners", "connectors", "non_affiliation", "relatives", "copulas",
    "fillers", "clause_breakers", "openers", "delegation_words", "side_words", "lead_lemmas",
    "passive_markers", "host_lemmas", "receive_lemmas",
)


# ----------------------------------------------------------------- lexicons

def load_lexicon(language: str, filename: str) -> dict[str, Any]:
    """The JSON lexicon ``data/<language>/<filename>``; an unknown language raises."""
    path = data_dir() / language / filename
    if not path.is_file():
        supported = sorted(p.parent.name for p in data_dir().glob(f"*/{filename}"))
        raise UnsupportedLanguage(source=filename, language=language, supported=", ".join(supported))
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def phrase_pattern(forms: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for lexicon phrases; ``*`` is one optional word."""
    ordered = sorted((form for form in forms if form.strip()), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(_form_regex(form) for form in ordered)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def _form_regex(form: str) -> str:
    words = form.split()
    out = ""
    for index, word in enumerate(words):
        if word == "*":
            out += r"(?:[\w.'’-]+\s+)?"
            continue
        out += "".join("['’]" if ch in "'’" else "[-‐‑]" if ch == "-" else re.escape(ch) for ch in word)
        out += r"\s+" if index < len(words) - 1 else ""
    return out


def token_spans(doc: Doc, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of the pattern's matches in the document's text."""
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            spans.append((span.start, span.end))
    return spans


def norm(text: str) -> str:
    return text.lower().replace("’", "'")


@dataclass(frozen=True)
class Title:
    key: str
    pattern: re.Pattern[str] | None
    parent: str | None = None
    role: str | None = None
    titled: bool = True  # False for role phrases that are not titles ("à la tête de la délégation")


@dataclass(frozen=True)
class PeopleLexicon:
    titles: tuple[Title, ...]
    complements: re.Pattern[str] | None
    honorifics: frozenset[str]
    particles: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    non_affiliation: frozenset[str]
    relatives: frozenset[str]
    copulas: frozenset[str]
    fillers: frozenset[str]
    clause_breakers: frozenset[str]
    openers: frozenset[str]
    delegation_words: frozenset[str]
    side_words: frozenset[str]
    lead_lemmas: frozenset[str]
    passive_markers: frozenset[str]
    host_lemmas: frozenset[str]
    receive_lemmas: frozenset[str]

    @classmethod
    @lru_cache(maxsize=None)
    def for_language(cls, language: str) -> PeopleLexicon:
        raw = load_lexicon(language, "people.json")
        titles = tuple(
            Title(key, phrase_pattern(spec["forms"]), spec.get("parent"), spec.get("role"), spec.get("title", True))
            for key, spec in raw["titles"].items())
        words = {name: frozenset(norm(w) for w in raw[name]) for name in WORD_LISTS}
        return cls(titles, phrase_pattern(raw["title_complements"]), **words)

    def lineage(self, key: str) -> set[str]:
        """A title key with its parents: a foreign minister is also a minister."""
        parents = {title.key: title.parent for title in self.titles}
        keys: set[str] = set()
        while key and key not in keys:
            keys.add(key)
            key = parents.get(key) or ""
        return keys


# ----------------------------------------------------------------- per-document view

@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    title: Title


@dataclass
class _Occurrence:
    """One mention of a person: a name, or a title-only description (``name`` None)."""
    start: int
    end: int
    lo: int  # extent: the name with its title zones, where cues can find it
    hi: int
    name: str | None = None
    key: str | None = None  # a description's title key
    title: str | None = None
    keys: set[str] = field(default_factory=set)
    actors: list[tuple[int, str]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


@dataclass
class _View:
    doc: Doc
    lex: PeopleLexicon
    sent_of: list[int]
    hits: list[_Hit]
    title_tokens: frozenset[int]
    complement_tokens: frozenset[int]
    actor_spans: dict[int, tuple[int, int, str]]
    names: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, lex: PeopleLexicon, actors: Sequence[Mention]) -> _View:
        hits = _title_hits(doc, lex)
        complements = {i for s, e in token_spans(doc, lex.complements) for i in range(s, e)}
        return cls(doc, lex, _sentence_ids(doc), hits, frozenset(i for h in hits for i in range(h.start, h.end)),
                   frozenset(complements), _actor_spans(doc, actors))

    def word(self, i: int) -> str:
        return norm(self.doc[i].text)

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.doc) and 0 <= j < len(self.doc) and self.sent_of[i] == self.sent_of[j]

    @property
    def name_tokens(self) -> set[int]:
        return {i for start, end in self.names.items() for i in range(start, end)}

    def is_connector(self, i: int) -> bool:
        return self.word(i) in self.lex.connectors or self.doc[i].pos_ == "DET"

    def is_modifier(self, i: int) -> bool:
        token = self.doc[i]
        return token.pos_ == "ADJ" and token.text[:1].islower()

    def in_zone(self, i: int) -> bool:
        return (i in self.title_tokens or i in self.complement_tokens or i in self.actor_spans
                or self.is_modifier(i) or self.is_connector(i))


def _sentence_ids(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    ids = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        ids[sent.start:sent.end] = [index] * len(sent)
    return ids


def _title_hits(doc: Doc, lex: PeopleLexicon) -> list[_Hit]:
    hits = [_Hit(s, e, title) for title in lex.titles for s, e in token_spans(doc, title.pattern)]
    longest = [h for h in hits if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                          for o in hits)]
    return sorted(longest, key=lambda h: (h.start, -h.end))


def _actor_spans(doc: Doc, actors: Sequence[Mention]) -> dict[int, tuple[int, int, str]]:
    spans: dict[int, tuple[int, int, str]] = {}
    for mention in actors:
        code = getattr(mention.value, "code", None)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not code:
            continue
        for i in range(span.start, span.end):
            spans.setdefault(i, (span.start, span.end, code))
    return spans


def _affiliation(view: _View, lo: int, hi: int) -> str | None:
    """The first actor in ``[lo, hi)`` that is not a destination ("aux États-Unis")."""
    for i in range(lo, hi):
        span = view.actor_spans.get(i)
        if span and (span[0] == i or i == lo) and not _destination(view, span[0]):
            return span[2]
    return None


def _destination(view: _View, i: int) -> bool:
    if view.doc[i].pos_ == "ADJ":  # a demonym modifies the head noun, never a destination
        return False
    j = i - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    if j < 0:
        return False
    if view.word(j) in view.lex.non_affiliation:
        return True
    return view.word(j) in view.lex.connectors and j > 0 and view.word(j - 1) in view.lex.non_affiliation


# ----------------------------------------------------------------- names

def _find_names(view: _View) -> None:
    for ent in view.doc.ents:
        if ent.label_ in PERSON_LABELS:
            cleaned = _clean_name(view, ent.start, ent.end)
            if cleaned and _plausible(view, *cleaned):
                view.names[cleaned[0]] = cleaned[1]
    for start, end in list(_missed_names(view)):
        view.names[start] = end
    _add_surnames(view)


def _clean_name(view: _View, lo: int, hi: int) -> tuple[int, int] | None:
    lex = view.lex
    while lo < hi and (view.doc[lo].is_punct or lo in view.title_tokens or lo in view.complement_tokens
                       or view.word(lo) in lex.honorifics or not view.doc[lo].text[:1].isupper()):
        lo += 1
    while hi > lo and (view.doc[hi - 1].is_punct or not view.doc[hi - 1].text[:1].isupper()):
        hi -= 1
    if lo == hi or not all(_name_token(view, i) for i in range(lo, hi)):
        return None
    return lo, hi


def _name_token(view: _View, i: int) -> bool:
    text = view.doc[i].text
    if view.word(i) in view.lex.particles:
        return True
    return text[:1].isupper() and not any(ch.isdigit() for ch in text) and i not in view.complement_tokens


def _plausible(view: _View, lo: int, hi: int) -> bool:
    """Not a place or organisation that the parser read as a person."""
    covered = [i in view.actor_spans for i in range(lo, hi)]
    if covered[0] and not all(covered):
        return False
    return not (all(covered) and hi - lo == 1 and _prenominal(view, lo) is None)


def _capitalised(view: _View, i: int) -> bool:
    token = view.doc[i]
    return (token.text[:1].isupper() and not token.is_punct and i not in view.title_tokens
            and i not in view.complement_tokens and token.ent_type_ in NAME_LABELS
            and (i not in view.actor_spans or token.ent_type_ in PERSON_LABELS)
            and not any(ch.isdigit() for ch in token.text))


def _missed_names(view: _View) -> Iterator[tuple[int, int]]:
    """Capitalised runs the parser did not label PER but a title frames: "le ministre Sergueï
    Lavrov", "led by Sonata Coulter, a deputy assistant secretary of state"."""
    taken = view.name_tokens
    i = 0
    while i < len(view.doc):
        end = i
        while end < len(view.doc) and end - i < 4 and end not in taken and _capitalised(view, end):
            end += 1
        if end == i:
            i += 1
            continue
        zone = _prenominal(view, i, allow_comma=False) if i > 0 and view.in_zone(i - 1) else None
        if zone and any(j in view.title_tokens for j in range(*zone)):
            yield i, end
        elif end - i > 1 and all(view.doc[j].pos_ == "PROPN" for j in range(i, end)) and _apposition(view, end):
            yield i, end
        i = end


def _add_surnames(view: _View) -> None:
    surnames = {_fold(view.doc[end - 1].text) for start, end in view.names.items() if end - start > 1}
    taken = view.name_tokens
    for token in view.doc:
        if (token.i not in taken and token.text[:1].isupper() and token.i not in view.title_tokens
                and _fold(token.text) in surnames):
            view.names[token.i] = token.i + 1


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ----------------------------------------------------------------- titles around a name

def _prenominal(view: _View, start: int, *, allow_comma: bool = True) -> tuple[int, int] | None:
    """The title zone right before a name: "le chef de la diplomatie russe | Sergueï Lavrov"."""
    end = start - 1 if allow_comma and start > 0 and view.doc[start - 1].text == "," else start
    lo, taken = end, view.name_tokens
    while lo > 0 and view.same_sentence(lo - 1, start) and view.in_zone(lo - 1) and lo - 1 not in taken:
        lo -= 1
    while lo < end and view.is_connector(lo):
        lo += 1
    if lo == end:
        return None
    titled = any(i in view.title_tokens for i in range(lo, end))
    if end < start and (not titled or _after_preposition(view, lo)):
        return None
    if not titled and not any(i in view.actor_spans for i in range(lo, end)):
        return None
    return lo, end


def _after_preposition(view: _View, lo: int) -> bool:
    j = lo - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    return j >= 0 and view.doc[j].pos_ in ("ADP", "SCONJ")


def _apposition(view: _View, end: int) -> tuple[int, int] | None:
    """``(title start, end)`` of a title after a name: apposition, relative clause or copula."""
    doc = view.doc
    if end >= len(doc) or not view.same_sentence(end, end - 1):
        return None
    if view.word(end) in view.lex.openers:
        j = end + 1
    elif doc[end].lemma_.lower() in view.lex.copulas:
        j = end
    else:
        return None
    limit = min(len(doc), end + 8)
    while j < limit and j not in view.title_tokens:
        if not view.same_sentence(j, end) or not _filler(view, j):
            return None
        j += 1
    if j >= limit or j in view.name_tokens:
        return None
    return j, _extend(view, j)


def _filler(view: _View, j: int) -> bool:
    """Words between a name and its title: "tout juste nommé", "qui est", "Russia's newly appointed"."""
    token, word, lex = view.doc[j], view.word(j), view.lex
    if word in lex.clause_breakers or j in view.name_tokens:
        return False
    if word in lex.relatives or word in lex.fillers or word in lex.connectors or j in view.actor_spans:
        return True
    if token.lemma_.lower() in lex.copulas or token.pos_ in ("ADV", "DET", "AUX"):
        return True
    if token.pos_ == "VERB":
        return "Part" in token.morph.get("VerbForm")
    return view.is_modifier(j)


def _extend(view: _View, j: int) -> int:
    """End of the title phrase starting at ``j``: "ambassadeur de Russie aux États-Unis"."""
    k, limit = j, min(len(view.doc), j + 14)
    while k < limit and view.same_sentence(k, j):
        if k in view.name_tokens or (k not in view.title_tokens and k not in view.complement_tokens
                                     and k not in view.actor_spans and _ends_title(view, k)):
            break
        k += 1
    while k > j + 1 and k - 1 not in view.actor_spans and (view.is_connector(k - 1) or view.doc[k - 1].pos_ == "ADP"):
        k -= 1
    return k


def _ends_title(view: _View, k: int) -> bool:
    token, word, lex = view.doc[k], view.word(k), view.lex
    if token.is_punct or word in lex.clause_breakers or word in lex.relatives:
        return True
    if token.pos_ in ("VERB", "AUX"):
        return token.pos_ == "AUX" or "Fin" in token.morph.get("VerbForm")
    if token.pos_ == "ADP":
        return word not in lex.connectors and word not in lex.non_affiliation
    return token.pos_ in ("NUM", "PRON", "SCONJ", "CCONJ")


def _absorb(view: _View, occ: _Occurrence, lo: int, hi: int, title_from: int) -> None:
    """Take a title zone ``[lo, hi)`` into an occurrence: extent, title, keys, roles, affiliation."""
    occ.lo, occ.hi = min(occ.lo, lo), max(occ.hi, hi)
    hits = [h for h in view.hits if title_from <= h.start and h.end <= hi]
    titled = [h for h in hits if h.title.titled]
    if titled and occ.title is None:
        occ.title = view.doc[titled[0].start:hi].text
    for hit in hits:
        occ.keys |= view.lex.lineage(hit.title.key)
        if hit.title.role:
            occ.roles.add(hit.title.role)
    actor = _affiliation(view, lo, hi)
    if actor:
        occ.actors.append((BY_TITLE, actor))


def _named(view: _View) -> list[_Occurrence]:
    found = []
    for start, end in sorted(view.names.items()):
        occ = _Occurrence(start, end, start, end, name=view.doc[start:end].text)
        before, after = _prenominal(view, start), _apposition(view, end)
        if before:
            _absorb(view, occ, before[0], before[1], before[0])
        if after:
            _absorb(view, occ, end, after[1], after[0])
        if end - 1 in view.actor_spans:
            occ.actors.append((BY_NAME, view.actor_spans[end - 1][2]))
        found.append(occ)
    return found


def _descriptions(view: _View, named: list[_Occurrence]) -> list[_Occurrence]:
    """Title-only mentions: "l'ambassadeur", "un ambassadeur russe récemment nommé", "the envoy"."""
    covered = {i for occ in named for i in range(occ.lo, occ.hi)}
    found = []
    for hit in view.hits:
        if not hit.title.titled or hit.start in covered or _plural(view, hit):
            continue
        lo = _description_start(view, hit.start)
        if lo is None:
            continue
        hi = _extend(view, hit.start)
        occ = _Occurrence(lo, hi, lo, hi, key=hit.title.key)
        _absorb(view, occ, lo, hi, hit.start)
        covered.update(range(lo, hi))
        found.append(occ)
    return found


def _plural(view: _View, hit: _Hit) -> bool:
    return any("Plur" in t.morph.get("Number") or t.tag_ in ("NNS", "NNPS") for t in view.doc[hit.start:hit.end])


def _description_start(view: _View, i: int) -> int | None:
    j = i - 1
    while j >= 0 and (view.is_modifier(j) or j in view.actor_spans or view.word(j) in ("'s", "'")):
        j -= 1
    if j >= 0 and view.word(j) in view.lex.determiners:
        return j + 1
    possessive = any(view.word(k) in ("'s", "'") for k in range(j + 1, i))
    return j + 1 if possessive and j + 1 in view.actor_spans else None


# ----------------------------------------------------------------- role cues

def _apply_cues(view: _View, occurrences: list[_Occurrence]) -> None:
    lex = view.lex
    for token in view.doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "ADJ", "AUX"):
            continue
        if lemma in lex.lead_lemmas or view.word(token.i) in lex.lead_lemmas:
            _lead_cue(view, token, occurrences)
        elif lemma in lex.host_lemmas or lemma in lex.receive_lemmas:
            _host_cue(view, token, occurrences)
    _side_cues(view, occurrences)


def _passive(view: _View, token: Token) -> bool:
    return token.i + 1 < len(view.doc) and view.word(token.i + 1) in view.lex.passive_markers


def _lead_cue(view: _View, verb: Token, occurrences: list[_Occurrence]) -> None:
    """"la délégation russe sera dirigée par X", "a delegation led by X", "X headed the delegation"."""
    if _passive(view, verb):
        group = _group_before(view, verb.i)
        target = _next_occurrence(view, verb.i + 1, occurrences)
    else:
        group = _delegation_after(view, verb.i)
        target = _subject(view, verb, occurrences)
    if group is None or target is None:
        return
    target.roles.add("head_of_delegation")
    if group[1]:
        target.actors.append((BY_DELEGATION, group[1]))


def _host_cue(view: _View, verb: Token, occurrences: list[_Occurrence]) -> None:
    """"X accueille", "hosted by X"; "recevoir"/"receive" only with a person as object."""
    if _passive(view, verb):
        target = _next_occurrence(view, verb.i + 1, occurrences)
    elif verb.lemma_.lower() in view.lex.host_lemmas or _object_is_person(view, verb, occurrences):
        target = _subject(view, verb, occurrences)
    else:
        target = None
    if target is not None:
        target.roles.add("host")


def _side_cues(view: _View, occurrences: list[_Occurrence]) -> None:
    """"Du côté américain, … X": the first person after a side phrase may belong to that side."""
    for token in view.doc:
        if view.word(token.i) not in view.lex.side_words or _occurrence_at(occurrences, token.i):
            continue
        actor = _group_actor(view, token.i, token.i + 3)
        after = [o for o in occurrences if o.name and o.lo > token.i and view.same_sentence(o.lo, token.i)]
        if actor and after:
            after[0].actors.append((BY_SIDE, actor))


def _group_before(view: _View, i: int) -> tuple[int, str | None] | None:
    """The delegation a passive leading verb is about, and the actor of the nearest group phrase."""
    lex, start = view.lex, max(0, i - 12)
    words = [j for j in range(i - 1, start - 1, -1) if view.same_sentence(j, i)
             and view.word(j) in lex.delegation_words | lex.side_words]
    if not any(view.word(j) in lex.delegation_words for j in words):
        return None
    actors = (_group_actor(view, j, i) for j in words)
    return words[0], next((a for a in actors if a), None)


def _delegation_after(view: _View, i: int) -> tuple[int, str | None] | None:
    for j in range(i + 1, min(len(view.doc), i + 5)):
        if view.word(j) in view.lex.delegation_words:
            return j, _group_actor(view, j, j + 4)
    return None


def _group_actor(view: _View, w: int, limit: int) -> str | None:
    """The actor of a group phrase around ``w``: "la délégation russe", "the US side"."""
    lo = w - 3
    while lo < w and not view.same_sentence(lo, w):
        lo += 1
    hi = min(limit, w + 4, len(view.doc))
    return _affiliation(view, lo, hi) if any(view.same_sentence(k, w) for k in range(lo, hi)) else None


def _next_occurrence(view: _View, i: int, occurrences: list[_Occurrence]) -> _Occurrence | None:
    for occ in occurrences:
        if occ.lo > i and view.same_sentence(occ.lo, i):
            return occ if occ.lo - i <= 4 else None
    return None


def _occurrence_at(occurrences: list[_Occurrence], i: int) -> _Occurrence | None:
    return next((occ for occ in occurrences if occ.lo <= i < occ.hi), None)


def _subject(view: _View, verb: Token, occurrences: list[_Occurrence]) -> _Occurrence | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "expl:subj"):
            head = verb.head if view.word(child.i) in view.lex.relatives else child
            occ = _occurrence_at(occurrences, head.i)
            if occ:
                return occ
    j = verb.i - 1  # parsers often misattach the subject: take a person right before the verb
    while j >= 0 and (view.doc[j].pos_ in ("AUX", "ADV", "PART") or view.doc[j].text == ","
                      or view.word(j) in view.lex.relatives):
        j -= 1
    return _occurrence_at(occurrences, j) if view.same_sentence(j, verb.i) else None


def _object_is_person(view: _View, verb: Token, occurrences: list[_Occurrence]) -> bool:
    objects = [c.i for c in verb.children if c.dep_ in ("obj", "dobj")]
    nxt = verb.i + 1
    while nxt < len(view.doc) and view.doc[nxt].pos_ == "DET":
        nxt += 1
    return any(_occurrence_at(occurrences, i) for i in [*objects, nxt])


# ----------------------------------------------------------------- coreference

def _same_name(a: str, b: str) -> bool:
    """Full names, a surname, or spelling variants with the same surname and initial."""
    x, y = _fold(a).replace("-", " ").split(), _fold(b).replace("-", " ").split()
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if not short or short[-1] != long[-1]:
        return False
    return len(short) == 1 or long[-len(short):] == short or short[0][0] == long[0][0]


def _cluster(named: list[_Occurrence]) -> list[list[_Occurrence]]:
    clusters: list[list[_Occurrence]] = []
    for occ in named:
        exact = [c for c in clusters if any(_fold(o.name or "") == _fold(occ.name or "") for o in c)]
        fits = exact or [c for c in clusters if any(_same_name(o.name or "", occ.name or "") for o in c)]
        if len(fits) == 1:
            fits[0].append(occ)
        else:
            clusters.append([occ])
    return clusters


def _person(cluster: list[_Occurrence]) -> Person:
    named = [o for o in cluster if o.name]
    name = max(named, key=lambda o: len((o.name or "").split())).name or ""
    actors = sorted((priority, cluster.index(o), code) for o in cluster for priority, code in o.actors)
    title = next((o.title for o in named if o.title), None) or next((o.title for o in cluster if o.title), None)
    role = next((r for r in ROLE_PRIORITY if any(r in o.roles for o in cluster)), None)
    return Person(name, actors[0][2] if actors else None, title, role)


def _resolve(desc: _Occurrence, clusters: list[list[_Occurrence]], persons: list[Person]) -> int | None:
    """The one known person a description can refer to, preferring people named before it."""
    actor = min(desc.actors)[1] if desc.actors else None
    fitting = [k for k, cluster in enumerate(clusters)
               if any(desc.key in o.keys | o.roles for o in cluster)
               and (actor is None or persons[k].actor in (None, actor))]
    exact = [k for k in fitting if actor and persons[k].actor == actor]
    pool = exact or fitting
    earlier = [k for k in pool if clusters[k][0].start < desc.start]
    chosen = earlier or pool
    return chosen[0] if len(chosen) == 1 else None


# ----------------------------------------------------------------- entry point

def find_people(doc: Doc, actors: Sequence[Mention], *, language: str) -> list[Mention]:
    """Person mentions, one per occurrence; coreferent occurrences share one :class:`Person`."""
    view = _View.build(doc, PeopleLexicon.for_language(language), actors)
    _find_names(view)
    named = _named(view)
    descriptions = _descriptions(view, named)
    _apply_cues(view, sorted(named + descriptions, key=lambda o: o.lo))
    clusters = _cluster(named)
    persons = [_person(cluster) for cluster in clusters]
    for desc in descriptions:
        k = _resolve(desc, clusters, persons)
        if k is not None:
            clusters[k].append(desc)
    mentions = []
    for cluster in clusters:
        person = _person(cluster)
        for occ in cluster:
            span = doc[occ.start:occ.end]
            mentions.append(Mention("person", span.start_char, span.end_char, span.text, 0, person))
    return sorted(mentions, key=lambda m: (m.start, m.end))
