"""Which parties an event has, and in what capacity: the parse's, the document frame's, the mediators,
hosts and observers its sentence names, and the state of a visited capital.

The parties the parse gives come first, less those the sentence names only as a topic, a place, a
label or an absentee (:mod:`.roles`); a sentence that names fewer than two takes the frame's when it
is the article's kind of event or points back to them ("the two countries"). A mediator the sentence
names is a party; a host and an observer are present without being parties. A country named only as
the place of a meeting is no party to it, and a visit to a capital is a visit to its state.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Actor
from ..nlp import ActorLexicon as Lexicon
from ..nlp import locative_prepositions, previous_word
from .clause import Clause, in_other_clause
from .framing import FRAME_TYPES, sentence_reading
from .placing import names_an_instrument
from .posts import post_targets
from .roles import NOT_ACTORS, PRESENT, Named, PartyCues, SentenceReading

__all__ = ["NOT_PARTIES", "event_parties", "party_codes"]

NOT_PARTIES = frozenset({"host", "observer"})  # present at an event without being one of its parties
ANY_EVENT_KINDS = frozenset({"observer", "absent", "label"})  # the others hold for meetings and agreements only


def party_codes(actors: Sequence[Actor]) -> set[str]:
    """The codes of the event's parties (not its hosts and observers)."""
    return {a.code for a in actors if a.role not in NOT_PARTIES}


def event_parties(clause: Clause) -> tuple[Actor, ...]:
    """The event's parties with their roles, the visited state last."""
    roles, reading = sentence_roles(clause)
    actors = unlocated(clause, parties(clause, roles, reading))
    posts = post_targets(clause, Lexicon.load(clause.language).actor)
    if posts:  # a recall's targets are its envoys' host states, whatever else the sentence names
        actors = tuple(a for a in actors if a.role != "target") + posts
    return actors + visited(clause, actors)


def sentence_roles(clause: Clause) -> tuple[dict[str, str], SentenceReading]:
    """Code -> how the sentence names it when not as a plain party of this event: a role (mediator,
    host, observer) or why it is no actor (topic, place, label, absent)."""
    reading = clause.frame.readings.get(clause.sent.start_char)
    if reading is None:
        reading = sentence_reading(clause.sent, clause.mentions, language=clause.language)
    kinds: dict[str, list[str | None]] = {}
    start, end = clause.trigger[0] - clause.sent.start_char, clause.trigger[1] - clause.sent.start_char
    heads = reading.heads or (None,) * len(reading.named)
    for name, kind, head in zip(reading.named, reading.kinds, heads):
        usable = clause.event.type in FRAME_TYPES or kind in ANY_EVENT_KINDS
        own = head is not None and start <= head < end  # "la médiation chinoise", "the Russian strikes"
        kinds.setdefault(name.code, []).append(kind if usable and not own else None)
    roles: dict[str, str] = {}
    for code, found in kinds.items():
        present = next((role for role in PRESENT if role in found), None)
        if present is not None:
            roles[code] = present
        elif None not in found:
            roles[code] = "mediator" if "convener" in found else next(k for k in found if k in NOT_ACTORS)
    return roles, reading


def parties(clause: Clause, roles: dict[str, str], reading: SentenceReading) -> tuple[Actor, ...]:
    """The parse's parties; for a meeting in a sentence listing its participants, those; the frame's when
    the sentence names fewer than two of its own; then the mediators, hosts and observers it names."""
    event, frame = clause.event, clause.frame
    own = dedupe_actors([*(with_role(a, "source") for a in event.source),
                         *(with_role(a, "target") for a in event.target)])
    placed = placed_only(clause)  # "des pourparlers avec les Américains à Oman": Oman is where, not who
    plain = tuple(a for a in own if a.code not in roles and a.code not in placed)
    present = present_actors(clause, roles, own, reading.named)
    listed = dedupe_actors([*symmetric(plain, event.type), *(with_role(n.mention.value, "participant")
                            for n in reading.named if n.code not in roles and isinstance(n.mention.value, Actor))])
    if reading.roster and event.type in FRAME_TYPES and len(listed) >= 2:
        return listed + present
    if len({a.code for a in plain}) >= 2:
        return symmetric(plain, event.type) + present
    text = clause.sent.text.lower()
    cues = [text.find(cue) for cue in clause.discourse.get("dyad_anaphora", ()) if cue in text]
    anaphor = bool(cues)
    pair = named_pair(reading, roles, before=min(cues)) if cues else ()
    if len(pair) == 2 and {a.code for a in plain} <= {a.code for a in pair}:
        return symmetric(pair, event.type) + present  # "Trump walked with Kim, before the two leaders sat down"
    # "the two countries", "les deux pays" point back to the frame's two sides, not to its mediator
    framed = tuple(a for a in frame.actors if a.code not in roles and not (anaphor and a.role == "mediator"))
    frame_codes = {a.code for a in framed}
    own_codes = {a.code for a in plain}  # less the countries named as places ("au terme de discussions au Bélarus")
    if not plain and event.mode == "visit":  # "lors d'une visite à Kaboul" of the one state the sentence names
        named = {n.code: n.mention.value for n in reading.named
                 if n.code not in roles and isinstance(n.mention.value, Actor)}
        visitor = tuple(with_role(a, "source") for a in named.values())
        if len(visitor) == 1 and visited(clause, visitor):
            return visitor + present
    if len(frame_codes) >= 2 and (event.type in FRAME_TYPES or anaphor) and own_codes <= frame_codes \
            and not (own_codes and visited(clause, plain)):  # a visit to a capital is one to its state
        return framed + present
    return plain + present


def named_pair(reading: SentenceReading, roles: dict[str, str], *, before: int) -> tuple[Actor, ...]:
    """The two parties the sentence names before a dyad anaphor ("the two leaders", "les deux hommes"),
    when it names exactly two; else none (the frame's two sides stand for it)."""
    found = {n.code: with_role(n.mention.value, "participant") for n, kind in zip(reading.named, reading.kinds)
             if n.start < before and kind is None and n.code not in roles and isinstance(n.mention.value, Actor)}
    return tuple(found.values()) if len(found) == 2 else ()


def present_actors(clause: Clause, roles: dict[str, str], own: Sequence[Actor],
                   named: Sequence[Named]) -> tuple[Actor, ...]:
    """The mediators, hosts and observers the sentence names, with those roles."""
    found: dict[str, Actor] = {a.code: a for a in own}
    for name in named:
        value = name.mention.value
        found.setdefault(name.code, value if isinstance(value, Actor)
                         else Lexicon.load(clause.language).actor(name.code))
    return tuple(with_role(found[code], role) for code, role in roles.items() if role in PRESENT)


def unlocated(clause: Clause, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Talks "in Saudi Arabia" between two other states: a country named only as the place of a
    meeting is no party to it (a visit's or a host's country is); nor, for any event, a seat named only as
    its venue ("signed at the White House", "reçu au Kremlin")."""
    venues = venue_only(clause) | instrument_names(clause)
    if venues:
        kept = tuple(a for a in actors if a.code not in venues)
        actors = kept if len(party_codes(kept)) >= 2 else actors
    if clause.event.type != "CONSULT" or clause.event.mode is not None:
        return actors
    placed = placed_only(clause)
    kept = tuple(a for a in actors if a.code not in placed)
    return kept if len(party_codes(kept)) >= 2 else actors


def placed_only(clause: Clause) -> set[str]:
    """The countries the sentence names only after a preposition of place ("en Arabie saoudite", "in
    Belarus"), for a meeting: its place, not its parties (a visit's country is its party)."""
    if clause.event.type != "CONSULT" or clause.event.mode is not None:
        return set()
    preps = PartyCues.of(clause.language).lists["place_prepositions"]
    sent = clause.sent
    named: dict[str, list[bool]] = {}
    for m in clause.in_span("actors"):
        named.setdefault(m.value.code, []).append(previous_word(sent.text, m.start - sent.start_char) in preps)
    return {code for code, found in named.items() if all(found)}


def venue_only(clause: Clause) -> set[str]:
    """The actors the sentence names only by a seat that is a venue after a preposition of place ("at the
    White House", "à l'Élysée"): where the event is, not who takes part."""
    preps = set(locative_prepositions(clause.language)) | set(PartyCues.of(clause.language).lists["place_prepositions"])
    sent = clause.sent
    venues = [(v.start, v.end) for v in clause.in_span("venues")]
    named: dict[str, list[bool]] = {}
    for m in clause.in_span("actors"):
        at_venue = any(s <= m.start and m.end <= e for s, e in venues)
        before = sent.text[:m.start - sent.start_char].lower().split()
        located = bool(before) and (before[-1] in preps or (len(before) > 1 and before[-2] in preps))
        named.setdefault(m.value.code, []).append(at_venue and located)
    return {code for code, found in named.items() if all(found)}


def instrument_names(clause: Clause) -> set[str]:
    """The actors the sentence names only by a city that names an instrument ("les accords de Minsk", "the
    Minsk Group"): a text named after where it was made, not a party."""
    sdoc, trigger = clause.sent.doc, clause.trigger
    instruments = frozenset(clause.discourse.get("instrument_nouns", ()))
    named: dict[str, list[bool]] = {}
    for m in clause.in_span("actors"):
        named.setdefault(m.value.code, []).append(names_an_instrument(sdoc, m, instruments, trigger))
    return {code for code, found in named.items() if all(found)}


def visited(clause: Clause, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A visit to a capital ("s'est rendu à Pékin", "arrived in Beijing") is a visit to its state: the
    gazetteer reads a capital after a preposition as a place, so the parse gives no target."""
    trigger, sent = clause.trigger, clause.sent
    if clause.event.mode != "visit" or len(party_codes(actors)) != 1:
        return ()
    preps = locative_prepositions(clause.language)
    codes = {a.code for a in actors}
    cities = [m for m in clause.in_span("places")
              if m.value.is_city and m.value.country and m.value.country not in codes
              and previous_word(sent.text, m.start - sent.start_char) in preps
              and not in_other_clause(sent.doc, m, trigger)]
    if not cities:
        return ()
    city = min(cities, key=lambda m: abs(m.start - trigger[0])).value
    return (with_role(Lexicon.load(clause.language).actor(city.country, "GOV"), "target"),)


def with_role(actor: Actor, role: str) -> Actor:
    return Actor(actor.code, actor.name, role, actor.sector)  # type: ignore[arg-type]


def dedupe_actors(actors: list[Actor]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return tuple(seen.values())


def symmetric(actors: tuple[Actor, ...], event_type: str) -> tuple[Actor, ...]:
    if event_type in FRAME_TYPES:
        return tuple(with_role(a, "participant") for a in actors)
    return actors
