"""User verb dictionaries on the parse (``dragoman code --verbs``).

A verb the user's PETRARCH dictionary knows (:mod:`dragoman.nlp.verb_dict`: by
its written form, else by its lemma) is coded with the first pattern of its block
that fits the sentence, longest first, or else with its default code; the
built-in lexicon codes the words the dictionary does not know. A pattern's words
are read before the verb (anywhere in the sentence, as TABARI read them) and
after it (in the verb's own phrase, without coordinated clauses); "_" allows no
word in between. ``$`` and ``+`` take the actors of the noun phrase they fall on
as source and target, ``%`` a compound of actors; elsewhere the arguments come
from the tree, as for the built-in triggers (:class:`~dragoman.events.arguments.ArgumentReader`).

The dictionary's code is taken as written, as PETRARCH would: it is not shifted
for the future (PETRARCH dictionaries write intent with patterns such as
``SAID WOULD * [173]``), and a pattern with a negation word ("WILL NOT *") or a
conjunction ("IF DOES NOT *") has dealt with it; a negated verb matched
otherwise did not happen and follows PLOVER's convention. A code PLOVER cannot
express ("[345]", "[---]" on a pattern) codes no event, and the built-in lexicon
does not code that verb nor the words its pattern matched; a bare verb whose
block default is "[---]" is left to the built-in lexicon. A reporting verb coded
by its default ("SAID [023]") is an event of its own and does not swallow the
events it reports.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from ..errors import ConfigError
from ..languages import labels_for
from ..model import Actor, ActorRole, Mention
from ..nlp import Element, Pattern, VerbDictionary, VerbForm, null_code
from .coder import CodedEvent, SentenceCoder, absorb, complements, main_triggers, merge_events, units
from .syntax import background, lemma, np_indices
from .triggers import TriggerEntry, TriggerMatch, parse_entry, plover, pos_ok

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


@dataclass(frozen=True)
class VerbHit:
    """A verb of the user's dictionary in a sentence: its tokens, code, and where the pattern's
    elements fell (("words", token) for its words, ("source", head of the noun phrase)...)."""
    token: int
    first: int
    last: int
    code: str
    pattern: Pattern | None = None
    bound: tuple[tuple[str, int], ...] = ()

    @property
    def codes(self) -> tuple[str, str | None]:
        """ "032:033" codes the source->target event 032 and the target->source event 033."""
        first, _, second = self.code.partition(":")
        return first.strip(), second.strip() or None

    def binding(self, kind: str) -> int | None:
        return next((at for k, at in self.bound if k == kind), None)

    @property
    def markers(self) -> bool:
        return any(kind != "words" for kind, _ in self.bound)

    @property
    def covered(self) -> set[int]:
        """Tokens the pattern's words fell on: they are part of this event, not triggers of their own."""
        return {at for kind, at in self.bound if kind == "words"}


@cache
def user_entry(code: str, directed: bool) -> TriggerEntry:
    """The lexicon entry a user's code stands for; type "" when PLOVER has no type for it."""
    if null_code(code) or plover().type_of(code) is None:
        return TriggerEntry(lemmas=(), pos="verb", type="", cameo=code)
    try:
        return parse_entry({"cameo": code, **({"symmetric": False} if directed else {})}, plover())
    except ConfigError:  # a code whose PLOVER type is not one of dragoman's
        return TriggerEntry(lemmas=(), pos="verb", type="", cameo=code)


# ----------------------------------------------------------------- finding verbs and patterns

class VerbFinder:
    """Finds the dictionary's verbs in the sentences of one document and fits their patterns."""

    def __init__(self, doc, verbs: VerbDictionary, actors: Callable[[object], list[int]]) -> None:
        self.doc = doc
        self.verbs = verbs
        self.actors = actors

    def find(self, span) -> list[VerbHit]:
        return [hit for token in span if (hit := self.hit(token, span)) is not None]

    def hit(self, token, span) -> VerbHit | None:
        if not pos_ok(token, "verb"):
            return None
        for form in self.verbs.candidates(token.text, token.lemma_):
            extent = self.extent(token, form)
            if extent is None:
                continue
            hit = self.patterned(form, token, extent, span)
            if hit is not None:
                return hit
            if not null_code(form.code):
                return VerbHit(token.i, *extent, form.code)
        return None

    def extent(self, token, form: VerbForm) -> tuple[int, int] | None:
        """First and last token of a (multi-word) verb form written around ``token``."""
        first, last = token.i - len(form.before), token.i + len(form.after)
        if first < 0 or last >= len(self.doc):
            return None
        before = tuple(t.text.upper() for t in self.doc[first:token.i])
        after = tuple(t.text.upper() for t in self.doc[token.i + 1:last + 1])
        return (first, last) if (before, after) == (form.before, form.after) else None

    def patterned(self, form: VerbForm, token, extent: tuple[int, int], span) -> VerbHit | None:
        before = list(range(extent[0] - 1, span.start - 1, -1))
        after = self.after_verb(token, extent[1])
        for pattern in form.block.patterns:
            bound = self.side(pattern.before[::-1], set(before), extent[0], -1, ())
            if bound is None:
                continue
            bound = self.side(pattern.after, set(after), extent[1], 1, bound)
            if bound is not None:
                return VerbHit(token.i, *extent, pattern.code, pattern, bound)
        return None

    def after_verb(self, token, last: int) -> list[int]:
        """Words after the verb in its own phrase: coordinated clauses are other predications."""
        split = labels_for(token, "coordinate_clause")
        other = {t.i for c in token.children if c.dep_ in split and c.pos_ in ("VERB", "AUX") for t in c.subtree}
        return [t.i for t in token.subtree if t.i > last and t.i not in other]

    def side(self, elements: Sequence[Element], allowed: set[int], anchor: int, step: int,
             bound: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...] | None:
        """Bindings once every element is placed outwards from ``anchor``, nearest first; None if one is not."""
        if not elements:
            return bound
        element = elements[0]
        for at in _outwards(allowed, anchor, step, element.tight):
            placed = self.place(element, at, allowed, step)
            if placed is None:
                continue
            end, tokens = placed
            found = self.side(elements[1:], allowed, end, step, bound + tuple((element.kind, t) for t in tokens))
            if found is not None:
                return found
        return None

    def place(self, element: Element, at: int, allowed: set[int], step: int) -> tuple[int, tuple[int, ...]] | None:
        """(far end, tokens it binds) of ``element`` placed at ``at``, or None if it does not fit there."""
        if element.kind == "words":
            for phrase in sorted(element.phrases, key=len, reverse=True):
                spots = [at + step * k for k in range(len(phrase))]
                words = phrase if step > 0 else phrase[::-1]
                if all(i in allowed and self.doc[i].text.upper() == w for i, w in zip(spots, words)):
                    return spots[-1], tuple(spots)
            return None
        head = np_head(self.doc[at])
        if head.pos_ not in NOMINAL:
            return None
        found = len(self.actors(head))
        if (element.kind in ("source", "target") and not found) or (element.kind == "compound" and found < 2):
            return None
        start = min(i for i in np_indices(head) if i <= head.i)  # its own words, not its phrases
        return (head.i if step > 0 else start), (head.i,)


def np_head(token):
    """The head of the noun phrase a word belongs to ("Barad" -> "dur", "Danish" -> "media")."""
    inner = labels_for(token, "noun_phrase_inner")
    while token.dep_ in inner and token.head.i != token.i:
        token = token.head
    return token


def _outwards(allowed: set[int], anchor: int, step: int, tight: bool) -> list[int]:
    """Where the next element may start: right next to ``anchor``, or anywhere beyond it, nearest first."""
    if tight:
        return [anchor + step] if anchor + step in allowed else []
    if step > 0:
        return sorted(i for i in allowed if i > anchor)
    return sorted((i for i in allowed if i < anchor), reverse=True)


# ----------------------------------------------------------------- coding

class VerbCoder(SentenceCoder):
    """A :class:`SentenceCoder` whose triggers come first from the user's verb dictionary."""

    def __init__(self, doc, actors: Sequence[Mention], *, language: str, verbs: VerbDictionary) -> None:
        super().__init__(doc, actors, language=language)
        self.finder = VerbFinder(self.doc, verbs, self.reader.actors)
        self.hits: dict[int, VerbHit] = {}

    def code(self, span) -> list[CodedEvent]:
        span = self.doc[span.start:span.end]
        matches = [m for m in self.triggers(span) if self.foreground(m)]
        reporters = [m for m in matches if self.reports(m)]
        groups = main_triggers([m for m in matches if m not in reporters], self.doc) + [(m, []) for m in reporters]
        events = [e for m, inner in groups for e in self.coded(m, complements(m, inner, self.doc), span)]
        return [e for e in absorb(merge_events(events)) if e.type]

    def triggers(self, span) -> list[TriggerMatch]:
        """The dictionary's verbs, then the built-in triggers on the words it does not know."""
        hits = self.finder.find(span)
        self.hits.update((hit.token, hit) for hit in hits)
        taken = set(self.hits).union(*(hit.covered for hit in hits))
        return [self.match(hit) for hit in hits] + [m for m in self.lexicon.find(span) if m.token not in taken]

    def match(self, hit: VerbHit) -> TriggerMatch:
        first, last = self.doc[hit.first], self.doc[hit.last]
        directed = hit.codes[1] is not None or hit.markers
        return TriggerMatch(hit.token, first.idx, last.idx + len(last.text), user_entry(hit.codes[0], directed))

    def foreground(self, match: TriggerMatch) -> bool:
        """Not in a clause that sets the scene, unless the pattern names its conjunction ("IF DOES NOT *")."""
        hit = self.hits.get(match.token)
        if hit is not None and self.pattern_words(hit) & self.cues.background:
            return True
        return not background(self.doc[match.token], self.cues)

    def pattern_words(self, hit: VerbHit) -> set[str]:
        return {self.doc[i].lower_ for i in hit.covered}

    def reports(self, match: TriggerMatch) -> bool:
        hit = self.hits.get(match.token)
        return hit is not None and hit.pattern is None and lemma(self.doc[match.token]) in self.cues.speech

    def coded(self, match: TriggerMatch, inner: list[TriggerMatch], unit) -> list[CodedEvent]:
        event = self.event(match, inner, unit)
        hit = self.hits.get(match.token)
        if hit is None:
            return [event]
        event = dataclasses.replace(self.bind(event, hit), future=False,
                                    negated=event.negated and not self.pattern_words(hit) & self.cues.negation)
        return self.mirrored(event, hit)

    def bind(self, event: CodedEvent, hit: VerbHit) -> CodedEvent:
        """Source and target where the pattern's "$", "+" or "%" fell."""
        source, target = event.source, event.target
        if (at := hit.binding("source")) is not None:
            source = self.party(at, "source")
        if (at := hit.binding("target")) is not None:
            target = self.party(at, "target")
        if (at := hit.binding("compound")) is not None:
            members = self.party(at, "target")
            source, target = (_roled(members[:1], "source"), members[1:]) if at < hit.first else (source, members)
        if not hit.markers:
            return event
        own = {a.code for a in source}
        return dataclasses.replace(event, source=source, target=tuple(a for a in target if a.code not in own))

    def party(self, at: int, role: ActorRole) -> tuple[Actor, ...]:
        return self.actors(self.reader.actors(self.doc[at]), role)

    def mirrored(self, event: CodedEvent, hit: VerbHit) -> list[CodedEvent]:
        """ "[032:033]" adds the target's event toward the source; "% *" makes a compound's members act on each other."""
        second = hit.codes[1]
        mutual = (at := hit.binding("compound")) is not None and at < hit.first
        if second is None and not mutual:
            return [event]
        entry = user_entry(second or hit.codes[0], True)
        return [event, dataclasses.replace(event, type=entry.type, cameo=entry.cameo, mode=entry.mode,
                                           source=_roled(event.target, "source"), target=_roled(event.source, "target"))]


def _roled(actors: tuple[Actor, ...], role: ActorRole) -> tuple[Actor, ...]:
    return tuple(dataclasses.replace(actor, role=role) for actor in actors)


def code_with_verbs(doc, actors: Sequence[Mention], *, language: str, verbs: VerbDictionary) -> list[CodedEvent]:
    """Events of every sentence of a parsed document, the user's verbs first."""
    coder = VerbCoder(doc, actors, language=language, verbs=verbs)
    return [event for span in units(doc) for event in coder.code(span)]


def verb_doc_coder(paths: Iterable[Path | str]) -> Callable[..., list[CodedEvent]]:
    """A ``code_doc`` that reads the verb dictionaries at ``paths`` (a partial, so it pickles)."""
    return partial(code_with_verbs, verbs=VerbDictionary.load(paths))
