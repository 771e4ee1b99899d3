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

Title zones are read by :mod:`dragoman.nlp.titles`; word lists live in
``data/<language>/people.json``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Sequence

from ..model import Mention, Person
from ..text import fold_name
from .titles import (
    PERSON_LABELS, Hit, PeopleLexicon, View, affiliation, apposition, extend, prenominal, proper,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Entity labels a missed name may carry: small models often read rare names as products or works.
NAME_LABELS = frozenset({"", *PERSON_LABELS, "PRODUCT", "WORK_OF_ART", "MISC"})
ROLE_PRIORITY = ("head_of_delegation", "host", "negotiator", "mediator", "spokesperson")
# Evidence for a person's affiliation, strongest first. An actor word inside a name
# ("François Hollande") is a gazetteer collision, never evidence.
BY_TITLE, BY_DELEGATION, BY_SIDE = range(3)


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


# ----------------------------------------------------------------- names

def _find_names(view: View) -> None:
    """Every name in the document, into ``view.names``."""
    for ent in view.doc.ents:
        if ent.label_ in PERSON_LABELS:
            cleaned = _clean_name(view, ent.start, ent.end)
            if cleaned and _plausible(view, *cleaned):
                view.add_name(cleaned[0], _extend_name(view, cleaned[1]))
    for start, end in list(_missed_names(view)):
        view.add_name(start, end)
    _add_surnames(view)


def _clean_name(view: View, lo: int, hi: int) -> tuple[int, int] | None:
    """An entity span without leading titles, honorifics and punctuation ("M. | Fidan")."""
    lex = view.lex
    while lo < hi and (view.doc[lo].is_punct or lo in view.title_tokens or lo in view.complement_tokens
                       or view.word(lo) in lex.honorifics or not view.doc[lo].text[:1].isupper()):
        lo += 1
    while hi > lo and (view.doc[hi - 1].is_punct or not view.doc[hi - 1].text[:1].isupper()):
        hi -= 1
    if lo == hi or not all(_name_token(view, i) for i in range(lo, hi)):
        return None
    return lo, hi


def _name_token(view: View, i: int) -> bool:
    text = view.doc[i].text
    if view.word(i) in view.lex.particles or text in ("-", "‐"):
        return True
    return proper(text) and i not in view.complement_tokens


def _extend_name(view: View, end: int) -> int:
    """Through particles and hyphens the parser cut: "Hans Van | den Broek"."""
    k = end
    while k + 1 < len(view.doc) and (view.word(k) in view.lex.particles or view.doc[k].text == "-"):
        k += 1
    if k > end and proper(view.doc[k].text) and k not in view.title_tokens and view.same_sentence(k, end):
        return k + 1
    return end


def _plausible(view: View, lo: int, hi: int) -> bool:
    """Not a place or organisation that the parser read as a person."""
    covered = [i in view.actor_spans for i in range(lo, hi)]
    if covered[0] and not all(covered):
        return False
    return not all(covered) or prenominal(view, lo) is not None


def _capitalised(view: View, i: int) -> bool:
    token = view.doc[i]
    return (proper(token.text) and not token.is_punct and i not in view.title_tokens
            and view.word(i) not in view.lex.honorifics
            and i not in view.complement_tokens and token.ent_type_ in NAME_LABELS
            and (i not in view.actor_spans or token.ent_type_ in PERSON_LABELS)
            and not any(ch.isdigit() for ch in token.text))


def _missed_names(view: View) -> Iterator[tuple[int, int]]:
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
        zone = prenominal(view, i, allow_comma=False) if i > 0 and view.in_zone(i - 1) else None
        if zone and any(j in view.title_tokens for j in range(*zone)):
            yield i, end
        elif end - i > 1 and all(view.doc[j].pos_ == "PROPN" for j in range(i, end)) and apposition(view, end):
            yield i, end
        i = end


def _add_surnames(view: View) -> None:
    """Later bare surnames of people named in full, which NER often misses at a sentence's start."""
    surnames = {fold_name(view.doc[end - 1].text) for start, end in view.names.items() if end - start > 1}
    taken = view.name_tokens
    for token in view.doc:
        span = view.actor_spans.get(token.i)
        if (token.i not in taken and token.text[:1].isupper() and token.i not in view.title_tokens
                and fold_name(token.text) in surnames and (span is None or span[1] - span[0] == 1)):
            view.add_name(token.i, token.i + 1)


def _absorb(view: View, occ: _Occurrence, lo: int, hi: int, title_from: int) -> None:
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
    actor = affiliation(view, lo, hi)
    if actor:
        occ.actors.append((BY_TITLE, actor))


def _named(view: View) -> list[_Occurrence]:
    """One occurrence per name, with the title zones before and after it."""
    found = []
    for start, end in sorted(view.names.items()):
        occ = _Occurrence(start, end, start, end, name=view.doc[start:end].text)
        before, after = prenominal(view, start), apposition(view, end)
        if before:
            _absorb(view, occ, before[0], before[1], before[0])
        if after:
            _absorb(view, occ, end, after[1], after[0])
        found.append(occ)
    return found


def _descriptions(view: View, named: list[_Occurrence]) -> list[_Occurrence]:
    """Title-only mentions: "l'ambassadeur", "un ambassadeur russe récemment nommé", "the envoy"."""
    covered = {i for occ in named for i in range(occ.lo, occ.hi)}
    found = []
    for hit in view.hits:
        if not hit.title.titled or hit.start in covered or _plural(view, hit):
            continue
        lo = _description_start(view, hit.start)
        if lo is None:
            continue
        hi = extend(view, hit.start)
        occ = _Occurrence(lo, hi, lo, hi, key=hit.title.key)
        _absorb(view, occ, lo, hi, hit.start)
        covered.update(range(lo, hi))
        found.append(occ)
    return found


def _plural(view: View, hit: Hit) -> bool:
    return any("Plur" in t.morph.get("Number") or t.tag_ in ("NNS", "NNPS") for t in view.doc[hit.start:hit.end])


def _description_start(view: View, i: int) -> int | None:
    j = i - 1
    while j >= 0 and (view.is_modifier(j) or j in view.actor_spans or view.word(j) in ("'s", "'")):
        j -= 1
    if j >= 0 and view.word(j) in view.lex.determiners:
        return j + 1
    possessive = any(view.word(k) in ("'s", "'") for k in range(j + 1, i))
    return j + 1 if possessive and j + 1 in view.actor_spans else None


# ----------------------------------------------------------------- role cues

def _apply_cues(view: View, occurrences: list[_Occurrence]) -> None:
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


def _passive(view: View, token: Token) -> bool:
    return token.i + 1 < len(view.doc) and view.word(token.i + 1) in view.lex.passive_markers


def _lead_cue(view: View, verb: Token, occurrences: list[_Occurrence]) -> None:
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


def _host_cue(view: View, verb: Token, occurrences: list[_Occurrence]) -> None:
    """"X accueille", "hosted by X"; "recevoir"/"receive" only with a person as object."""
    if _passive(view, verb):
        target = _next_occurrence(view, verb.i + 1, occurrences)
    elif verb.lemma_.lower() in view.lex.host_lemmas or _object_is_person(view, verb, occurrences):
        target = _subject(view, verb, occurrences)
    else:
        target = None
    if target is not None:
        target.roles.add("host")


def _side_cues(view: View, occurrences: list[_Occurrence]) -> None:
    """"Du côté américain, … X": the first person after a side phrase may belong to that side."""
    for token in view.doc:
        if view.word(token.i) not in view.lex.side_words or _occurrence_at(occurrences, token.i):
            continue
        actor = _group_actor(view, token.i, token.i + 3)
        after = [o for o in occurrences if o.name and o.lo > token.i and view.same_sentence(o.lo, token.i)]
        if actor and after:
            after[0].actors.append((BY_SIDE, actor))


def _group_before(view: View, i: int) -> tuple[int, str | None] | None:
    """The delegation a passive leading verb is about, and the actor of the nearest group phrase."""
    lex, start = view.lex, max(0, i - 12)
    words = [j for j in range(i - 1, start - 1, -1) if view.same_sentence(j, i)
             and view.word(j) in lex.delegation_words | lex.side_words]
    if not any(view.word(j) in lex.delegation_words for j in words):
        return None
    actors = (_group_actor(view, j, i) for j in words)
    return words[0], next((a for a in actors if a), None)


def _delegation_after(view: View, i: int) -> tuple[int, str | None] | None:
    for j in range(i + 1, min(len(view.doc), i + 5)):
        if view.word(j) in view.lex.delegation_words:
            return j, _group_actor(view, j, j + 4)
    return None


def _group_actor(view: View, w: int, limit: int) -> str | None:
    """The actor of a group phrase around ``w``: "la délégation russe", "the US side"."""
    lo = w - 3
    while lo < w and not view.same_sentence(lo, w):
        lo += 1
    hi = min(limit, w + 4, len(view.doc))
    return affiliation(view, lo, hi) if any(view.same_sentence(k, w) for k in range(lo, hi)) else None


def _next_occurrence(view: View, i: int, occurrences: list[_Occurrence]) -> _Occurrence | None:
    for occ in occurrences:
        if occ.lo > i and view.same_sentence(occ.lo, i):
            return occ if occ.lo - i <= 4 else None
    return None


def _occurrence_at(occurrences: list[_Occurrence], i: int) -> _Occurrence | None:
    return next((occ for occ in occurrences if occ.lo <= i < occ.hi), None)


def _subject(view: View, verb: Token, occurrences: list[_Occurrence]) -> _Occurrence | None:
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


def _object_is_person(view: View, verb: Token, occurrences: list[_Occurrence]) -> bool:
    objects = [c.i for c in verb.children if c.dep_ in ("obj", "dobj")]
    nxt = verb.i + 1
    while nxt < len(view.doc) and view.doc[nxt].pos_ == "DET":
        nxt += 1
    return any(_occurrence_at(occurrences, i) for i in [*objects, nxt])


# ----------------------------------------------------------------- coreference

def _same_name(a: str, b: str) -> bool:
    """Full names, a surname, or spelling variants with the same surname and initial."""
    x, y = fold_name(a).replace("-", " ").split(), fold_name(b).replace("-", " ").split()
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if not short or short[-1] != long[-1]:
        return False
    return len(short) == 1 or long[-len(short):] == short or short[0][0] == long[0][0]


def _cluster(named: list[_Occurrence]) -> list[list[_Occurrence]]:
    clusters: list[list[_Occurrence]] = []
    for occ in named:
        name = occ.name or ""
        exact = [c for c in clusters if any(fold_name(o.name or "") == fold_name(name) for o in c)]
        fits = exact or [c for c in clusters if _compatible(c, name)]
        if len(fits) == 1:
            fits[0].append(occ)
        else:
            clusters.append([occ])
    return clusters


def _compatible(cluster: list[_Occurrence], name: str) -> bool:
    """Matches the cluster's names and contradicts none of its full names ("Borislav" vs "Slobodan")."""
    names = [o.name or "" for o in cluster]
    full = [n for n in names if len(n.split()) > 1]
    return any(_same_name(n, name) for n in names) and all(_same_name(n, name) for n in full)


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
    view = View.build(doc, PeopleLexicon.for_language(language), actors)
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
