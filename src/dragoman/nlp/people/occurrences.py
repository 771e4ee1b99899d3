"""Pass 2 of the people reader: each name with its title zones, and title-only descriptions.

A name takes the title zone before it ("le président français Emmanuel Macron")
and the apposition, relative clause or copula after it ("X, tout juste nommé
ambassadeur de Russie aux États-Unis"); a title without a name ("l'ambassadeur",
"the envoy") is a description, for coreference to resolve.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .titles import affiliation, apposition, extend, prenominal
from .view import Hit, View

# Evidence for a person's affiliation, strongest first. An actor word inside a name
# ("François Hollande") is a gazetteer collision, never evidence.
BY_TITLE, BY_DELEGATION, BY_SIDE = range(3)


@dataclass
class Occurrence:
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


def _absorb(view: View, occ: Occurrence, lo: int, hi: int, title_from: int) -> None:
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


def named_occurrences(view: View) -> list[Occurrence]:
    """One occurrence per name, with the title zones before and after it."""
    found = []
    for start, end in sorted(view.names.items()):
        occ = Occurrence(start, end, start, end, name=view.doc[start:end].text)
        before, after = prenominal(view, start), apposition(view, end)
        if before:
            _absorb(view, occ, before[0], before[1], before[0])
        if after:
            _absorb(view, occ, end, after[1], after[0])
        found.append(occ)
    return found


def find_descriptions(view: View, named: list[Occurrence]) -> list[Occurrence]:
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
        occ = Occurrence(lo, hi, lo, hi, key=hit.title.key)
        _absorb(view, occ, lo, hi, hit.start)
        covered.update(range(lo, hi))
        found.append(occ)
    return found


def _plural(view: View, hit: Hit) -> bool:
    # spaCy's stub wants MorphAnalysis.get's default, which is [] at run time: passed here explicitly
    return any("Plur" in t.morph.get("Number", []) or t.tag_ in ("NNS", "NNPS") for t in view.doc[hit.start:hit.end])


def _description_start(view: View, i: int) -> int | None:
    j = i - 1
    while j >= 0 and (view.is_modifier(j) or j in view.actor_spans or view.word(j) in ("'s", "'")):
        j -= 1
    if j >= 0 and view.word(j) in view.lex.determiners:
        return j + 1
    possessive = any(view.word(k) in ("'s", "'") for k in range(j + 1, i))
    return j + 1 if possessive and j + 1 in view.actor_spans else None
