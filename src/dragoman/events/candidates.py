"""Candidates stage: coded triggers + mentions -> one EventCandidate per event reading.

A coded trigger gives the type and the parties the parse shows. Articles
name the parties once (title, lead) and then speak of "the talks", "the two
countries"; the document :class:`Frame` carries those parties and the main
place so that such later mentions still become events. Place, date, people,
venue, status and topics are attached from the trigger's sentence, and for
the article's main event from the rest of the article too.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta

from ..languages import language_data
from ..model import Actor, DateValue, Document, EventCandidate, Evidence, Location, Mention, Person
from ..nlp.actors import Lexicon
from ..nlp.mentions import Anchor, Mentions, locative_prepositions, previous_word
from ..nlp.temporal import resolve
from ..nlp.venues import stands_for_government
from .status import event_status
from .syntax import state_word
from .triggers import TriggerLexicon
from .topics import read_topics

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Events that last: only these can be "ongoing"; the present tense of a punctual act
# ("France expels", "l'UE adopte") reports it done, as does any headline.
DURATIVE_TYPES = frozenset({"CONSULT", "COOPERATE", "MOBILIZE", "ASSAULT", "PROTEST", "AID", "COERCE"})
# Types an article's own subject is usually expressed with; a trigger of these
# types without parties of its own takes the frame's parties.
FRAME_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
LEAD_SENTENCES = 3
MARKER_DEPS = frozenset({"mark", "case", "prep"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})  # a city naming what kind of thing: "a Warsaw shopping centre"
OWN_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl:relcl", "conj"})  # not ccomp: "talks will be in X, he said"
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def discourse(language: str) -> dict[str, list[str]]:
    return language_data(language, "discourse", optional=True)


@dataclass(frozen=True)
class Frame:
    """What the article as a whole is about: its main parties and place."""
    actors: tuple[Actor, ...]
    location: Location | None


def document_frame(mentions: Mentions, sdoc, language: str) -> Frame:
    """The lead's most named parties; a country named only as a place ("talks in Saudi Arabia") is none."""
    lead_end = mentions.sentences[min(LEAD_SENTENCES, len(mentions.sentences)) - 1][1] if mentions.sentences else 0
    preps = locative_prepositions(language)
    text = sdoc.text  # spaCy rebuilds it on every access
    actors = [m for m in mentions.actors if previous_word(text, m.start) not in preps]
    counts = Counter(m.value.code for m in actors)
    lead = [m for m in actors if m.start < lead_end]
    by_code: dict[str, Actor] = {}
    for m in lead:
        by_code.setdefault(m.value.code, m.value)
    ranked = sorted(by_code, key=lambda c: (-counts[c], c))
    top = counts[ranked[0]] if ranked else 0
    codes = [c for c in ranked if counts[c] * 2 >= top][:3]
    actors = tuple(Actor(c, by_code[c].name, "participant", None) for c in sorted(codes))
    return Frame(actors, lead_location(mentions, lead_end, sdoc))


def lead_location(mentions: Mentions, lead_end: int, sdoc) -> Location | None:
    """The first city of the lead that is not a capital standing for its government ("Paris et Londres
    signent") nor the place of a side clause ("after China said it would send an envoy to Hanoi")."""
    actor_spans = [(m.start, m.end) for m in mentions.actors if m.start < lead_end]
    cities = [m.value for m in mentions.places if m.start < lead_end and m.value.geonames_id
              and not any(s < m.end and m.start < e for s, e in actor_spans) and not side_place(sdoc, m)]
    return cities[0] if cities else None


def side_place(sdoc, mention: Mention) -> bool:
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root.sent.root
    return in_other_clause(sdoc, mention, (root.idx, root.idx + len(root.text)))


def build_candidates(doc: Document, sdoc, mentions: Mentions, coded, *, language: str) -> list[EventCandidate]:
    """One candidate per coded (non-negated) trigger that has, or inherits, two parties."""
    frame = document_frame(mentions, sdoc, language)
    sents = list(sdoc.sents)
    triggers: dict[int, list[tuple[int, int]]] = {}
    for ce in coded:
        triggers.setdefault(ce.sentence, []).append(ce.trigger)
    drafts = [d for ce in coded if not ce.negated
              and (d := draft(doc, sdoc, sents, mentions, frame, ce, language,
                              others=tuple(t for t in triggers[ce.sentence] if t != ce.trigger)))]
    main = [d for d in drafts if not d.background]
    own_sentences = {d.evidence[0].start for d in drafts if d.background}
    reading = read_topics([s for s in sents if s.start_char not in own_sentences], language=language) if main else None
    events = {d.evidence[0].start for d in main}
    venue = first_venue(mentions, own_sentences, events, language)
    return [finish_main(d, mentions, venue, reading, language) for d in main] + \
        [finish_background(d, sents, mentions, language) for d in drafts if d.background]


def draft(doc, sdoc, sents, mentions: Mentions, frame: Frame, ce, language: str,
          others: tuple[tuple[int, int], ...] = ()) -> EventCandidate | None:
    """``others``: the triggers of the sentence's other events, whose own dates are theirs."""
    sent = sents[ce.sentence]
    actors = unlocated(parties(ce, sent, frame, language), mentions, sent, ce, language)
    actors = actors + visited(actors, mentions, sent, ce, language)
    if len({a.code for a in actors}) < 2:
        return None
    token = sdoc.char_span(ce.trigger[0], ce.trigger[1], alignment_mode="expand")
    status, _cue = event_status(token.root, language=language) if token is not None else ("uncertain", "")
    # a called-off meeting named by a noun is dated by its own phrase only: the clause's date is the calling off's
    called_off = status == "cancelled" and token is not None and token.root.pos_ in ("NOUN", "PROPN")
    when = event_date(mentions, sent, ce.trigger, language, root=token.root if token is not None else None,
                      phrase_only=called_off, others=others)
    where = event_place(mentions, sent, ce, actors, when, frame, language)
    habitual = after_habitual_prefix(doc.text, ce.trigger[0], language)
    if habitual:  # a habit or series is recalled: over, and dated by no single expression
        when, status = DateValue(None, None, "unknown", None), "occurred"
    when, status = present_for_coming(when, status, mentions.anchor, language)
    status = consistent_status(status, when, mentions.anchor)
    if status == "ongoing" and (ce.type not in DURATIVE_TYPES or in_title(doc, sent)):
        status = "occurred"
    evidence = Evidence(doc.id, sent.start_char, sent.end_char, doc.text[sent.start_char:sent.end_char])
    return EventCandidate(
        document=doc.id, type=ce.type, status=status, mode=ce.mode, cameo=ce.cameo, actors=actors,
        location=where, date=when, evidence=(evidence,), trigger=doc.text[ce.trigger[0]:ce.trigger[1]],
        confidence=0.8 if ce.source else 0.5, background=habitual or is_background(when, mentions.anchor))


def parties(ce, sent, frame: Frame, language: str) -> tuple[Actor, ...]:
    """The parse's parties; the frame's when the sentence names none of its own."""
    own = tuple(dedupe_actors([*(with_role(a, "source") for a in ce.source),
                               *(with_role(a, "target") for a in ce.target)]))
    if len({a.code for a in own}) >= 2:
        return symmetric(own, ce.type)
    text = sent.text.lower()
    anaphor = any(cue in text for cue in discourse(language).get("dyad_anaphora", ()))
    frame_codes = {a.code for a in frame.actors}
    if len(frame_codes) >= 2 and (ce.type in FRAME_TYPES or anaphor) and {a.code for a in own} <= frame_codes:
        return frame.actors
    return own


def unlocated(actors: tuple[Actor, ...], mentions: Mentions, sent, ce, language: str) -> tuple[Actor, ...]:
    """Talks "in Saudi Arabia" between two other states: a country named only as the place of a
    meeting is no party to it (a visit's or a host's country is)."""
    if ce.type != "CONSULT" or ce.mode is not None:
        return actors
    preps = locative_prepositions(language)
    named: dict[str, list[bool]] = {}
    for m in mentions.in_span("actors", sent.start_char, sent.end_char):
        named.setdefault(m.value.code, []).append(previous_word(sent.text, m.start - sent.start_char) in preps)
    kept = tuple(a for a in actors if not (named.get(a.code) and all(named[a.code])))
    return kept if len({a.code for a in kept}) >= 2 else actors


def visited(actors: tuple[Actor, ...], mentions: Mentions, sent, ce, language: str) -> tuple[Actor, ...]:
    """A visit to a capital ("s'est rendu à Pékin", "arrived in Beijing") is a visit to its state: the
    gazetteer reads a capital after a preposition as a place, so the parse gives no target."""
    if ce.mode != "visit" or len({a.code for a in actors}) != 1:
        return ()
    preps = locative_prepositions(language)
    cities = [m for m in mentions.in_span("places", sent.start_char, sent.end_char)
              if m.value.geonames_id and m.value.country and m.value.country not in {a.code for a in actors}
              and previous_word(sent.text, m.start - sent.start_char) in preps and not in_other_clause(sent.doc, m, ce.trigger)]
    if not cities:
        return ()
    city = min(cities, key=lambda m: abs(m.start - ce.trigger[0])).value
    return (with_role(Lexicon.load(language).actor(city.country, "GOV"), "target"),)


def with_role(actor: Actor, role: str) -> Actor:
    return Actor(actor.code, actor.name, role, actor.sector)  # type: ignore[arg-type]


def dedupe_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return list(seen.values())


def symmetric(actors: tuple[Actor, ...], event_type: str) -> tuple[Actor, ...]:
    if event_type in FRAME_TYPES:
        return tuple(with_role(a, "participant") for a in actors)
    return actors


def event_date(mentions: Mentions, sent, trigger: tuple[int, int], language: str, *, root=None,
               phrase_only: bool = False, others: tuple[tuple[int, int], ...] = ()) -> DateValue:
    """The date in the trigger's sentence nearest the trigger, neither a duration nor in a background
    clause, nor one that dates a clause the trigger governs ("agreed [to meet again next week]":
    next week is the meeting's). With ``phrase_only``, only a date of the trigger's own phrase
    (:func:`governed_by_trigger`) counts. A date held by the own phrase of another noun trigger of
    the sentence (``others``) is that event's: "the visit follows [a call on March 31]"."""
    skip = tuple(discourse(language).get("duration_prefixes", ()))
    markers = frozenset(discourse(language).get("background_markers", ()))
    inner = complement_spans(root) if root is not None else []
    nouns = noun_events(sent.doc, others, language)
    dates = [m for m in mentions.in_span("dates", sent.start_char, sent.end_char)
             if m.value.known and not m.text.lower().startswith(skip) and not preceded_by(sent, m, skip)
             and not in_background_clause(sent.doc, m, trigger, markers)
             and not after_phrase(sent, m, discourse(language).get("span_back_prefixes", ()))
             and not any(lo <= m.start < hi for lo, hi in inner)
             and not held_by_another(sent.doc, m, trigger, nouns)]
    if not dates:
        return DateValue(None, None, "unknown", None)
    own = [m for m in dates if governed_by_trigger(sent.doc, m, trigger)]
    if phrase_only and not own:
        return DateValue(None, None, "unknown", None)
    return min(own or dates, key=lambda m: abs(m.start - trigger[0])).value


def noun_events(sdoc, triggers: tuple[tuple[int, int], ...], language: str) -> tuple[tuple[int, int], ...]:
    """The triggers that name an event by a noun, except a state phrase ("En visite à Alger dimanche, ..."),
    which sets the scene for its clause."""
    cues = TriggerLexicon.for_language(language).cues
    spans = ((t, sdoc.char_span(t[0], t[1], alignment_mode="expand")) for t in triggers)
    return tuple(t for t, span in spans
                 if span is not None and span.root.pos_ in ("NOUN", "PROPN") and not state_word(span.root, cues))


def held_by_another(sdoc, mention: Mention, trigger: tuple[int, int], nouns: tuple[tuple[int, int], ...]) -> bool:
    """Whether the date lies in the phrase of another event named by a noun (``nouns``), and not in this one's."""
    return (any(governed_by_trigger(sdoc, mention, o) for o in nouns)
            and not governed_by_trigger(sdoc, mention, trigger))


def governed_by_trigger(sdoc, mention: Mention, trigger: tuple[int, int]) -> bool:
    """A date the trigger's own phrase holds ("la rencontre [prévue le 20 mars]", "talks [planned for
    Friday]") dates the event before any nearer date of the clause around it ("a annoncé mardi
    l'annulation de la rencontre prévue le 20 mars": Tuesday is the announcement's). The phrase of a
    noun trigger is the noun phrase it completes ("l'annulation de la rencontre", "the cancellation of
    the meeting"): parsers attach a participle to the first noun of the two."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None:
        return False
    phrase = {token.i for token in nominal_chain(head.root)}
    return any(node.i in phrase for node in (span.root, *span.root.ancestors))


def nominal_chain(token) -> list:
    """The trigger, and the nouns it completes: "rencontre" -> "annulation" in "l'annulation de la rencontre"."""
    chain = [token]
    while token.pos_ in ("NOUN", "PROPN"):
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":  # English: noun <- of <- noun
            head = head.head
        elif token.dep_ != "nmod":
            break
        if head.pos_ != "NOUN" or head.i == token.i:
            break
        chain.append(head)
        token = head
    if token.dep_ in ("nsubj", "nsubjpass") and reduced_relative(token.head):
        chain.append(token.head)  # "the summit [set for 20 March]" parsed as a clause of its own
    return chain


def reduced_relative(verb) -> bool:
    """A bare past participle ("set", "planned") the parser made a clause: no auxiliary of its own."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def in_background_clause(sdoc, mention: Mention, trigger: tuple[int, int], markers: frozenset[str]) -> bool:
    """A date (or place) under a "since" phrase or clause that does not hold the trigger dates the
    background ("the first talks since 2019", "depuis la rupture des relations en 2022"), not the event."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None or not markers:
        return False
    for node in (span.root, *span.root.ancestors):
        marked = node.lower_ in markers or any(c.lower_ in markers and c.dep_ in MARKER_DEPS for c in node.children)
        if head.root.i in {t.i for t in node.subtree}:
            return False
        if marked:
            return True
    return False


def after_habitual_prefix(text: str, start: int, language: str) -> bool:
    """ "des années d'expulsions", "years of sanctions": a habit or a series, not one dated event."""
    before = " ".join(text[max(0, start - 30):start].lower().replace("’", "'").split())
    return any(before.endswith(prefix.rstrip()) or (before + " ").endswith(prefix)
               for prefix in discourse(language).get("habitual_prefixes", ()))


def complement_spans(verb) -> list[tuple[int, int]]:
    """Character spans of the clauses a verb trigger governs: an infinitive or a that-clause with a
    verb of its own ("agreed to hold talks", "ont convenu de se retrouver", "said that ...")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    spans = []
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
            tokens = list(child.subtree)
            spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
    return spans


def after_phrase(sent, mention: Mention, phrases) -> bool:
    """Whether one of ``phrases`` ends right before the mention ("the first time in [three years]")."""
    end = mention.start - sent.start_char
    before = " ".join(sent.text[max(0, end - 40):end].lower().split())
    first = (mention.text.lower().split() or [""])[0]  # the mention may hold the preposition ("in three years")
    return any(before.endswith(phrase) or f"{before} {first}".endswith(phrase) for phrase in phrases)


def in_other_clause(sdoc, mention: Mention, trigger: tuple[int, int]) -> bool:
    """A place inside a clause with a subject of its own that does not hold the trigger is that
    clause's ("the meeting came after Washington said it would send arms *to Kyiv*")."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None:
        return False
    for node in (span.root, *span.root.ancestors):
        if head.root.i in {t.i for t in node.subtree}:
            return False
        subject = any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in node.children)
        if node.dep_ in OWN_CLAUSE_DEPS and subject:
            return True
    return False


def preceded_by(sent, mention: Mention, words: tuple[str, ...]) -> bool:
    end = mention.start - sent.start_char
    before = sent.text[max(0, end - 20):end].lower().split()
    return bool(before) and before[-1] in words


def event_place(mentions: Mentions, sent, ce, actors: tuple[Actor, ...], when: DateValue, frame: Frame,
                language: str) -> Location | None:
    """The city named in the sentence that is not one of the parties; else, when justified, the frame's;
    else, for a meeting, the dateline's."""
    if ce.mode == "phone":
        return None
    codes = {a.code for a in actors}
    markers = frozenset(discourse(language).get("background_markers", ()))
    party_spans = [(m.start, m.end) for m in mentions.in_span("actors", sent.start_char, sent.end_char)
                   if m.value.code in codes]
    cities = [m for m in mentions.in_span("places", sent.start_char, sent.end_char) if m.value.geonames_id]
    elsewhere = [m for m in cities if in_background_clause(sent.doc, m, ce.trigger, markers)
                 or in_other_clause(sent.doc, m, ce.trigger)]
    agents = frozenset(discourse(language).get("agent_heads", ()))
    places = [m for m in cities if m not in elsewhere
              and (m.value.venue or not any(s < m.end and m.start < e for s, e in party_spans)
                   or modifies_a_thing(sent.doc, m, agents, ce.trigger))]
    if places:
        return min(places, key=lambda m: abs(m.start - ce.trigger[0])).value
    countries = named_countries(mentions, sent, language)
    if frame.location is not None and not any(m.value == frame.location for m in elsewhere):
        inherited = inherits_place(sent, ce, when, mentions.anchor, language)
        return frame.location if inherited and countries <= {frame.location.country} else None
    if frame.location is not None:
        return None
    return None if countries else dateline_place(mentions, sent, ce, when)


def modifies_a_thing(sdoc, mention: Mention, agents: frozenset[str], trigger: tuple[int, int]) -> bool:
    """Whether a city that also names a party ("Warsaw" for Poland) modifies a noun of the event's own
    phrase other than an agent noun: in "an attack on a Warsaw shopping centre", "l'incendie d'un centre
    commercial de Varsovie", the city is the place; "Warsaw officials", "le gouvernement de Varsovie" are
    the state, and a city in a clause the trigger governs through a verb is that clause's place."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    own = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or own is None:
        return False
    head = span.root.head
    if span.root.dep_ not in MODIFIER_DEPS or head.pos_ != "NOUN" or span.start <= head.i < span.end:
        return False
    if head.lemma_.lower() in agents or head.text.lower() in agents:
        return False
    node = head
    while not own.start <= node.i < own.end:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def named_countries(mentions: Mentions, sent, language: str) -> set[str | None]:
    """Countries the sentence names as a place ("en Allemagne", "in Saudi Arabia"): an inherited
    place elsewhere would contradict them."""
    preps = locative_prepositions(language)
    return {m.value.country for m in mentions.in_span("places", sent.start_char, sent.end_char)
            if previous_word(sent.text, m.start - sent.start_char) in preps}


def dateline_place(mentions: Mentions, sent, ce, when: DateValue) -> Location | None:
    """The filing place, for a meeting at the article's time when the article names no place for it
    (not even a country: "talks in Saudi Arabia" filed from Washington are not in Washington)."""
    if mentions.dateline is None or ce.type not in FRAME_TYPES or (when.known and not near_anchor(when, mentions.anchor)):
        return None
    return mentions.dateline


def inherits_place(sent, ce, when: DateValue, anchor: Anchor, language: str) -> bool:
    """The article's place is this event's when it is the article's kind of event at the article's time,
    or when the sentence points back to it ("s'y", "there")."""
    words = f" {sent.text.lower().replace('’', chr(39))} "
    if any(f" {cue} " in words or f" {cue}" in words for cue in discourse(language).get("same_place", ())):
        return True
    return ce.type in FRAME_TYPES and (not when.known or near_anchor(when, anchor))


def near_anchor(when: DateValue, anchor: Anchor) -> bool:
    if not anchor.known:
        return True
    lo, hi = anchor_window(anchor)
    return not (when.end < lo or when.start > hi)


def anchor_window(anchor: Anchor):
    if anchor.precision == "month":
        start = anchor.day.replace(day=1)
        return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return anchor.day - timedelta(days=3), anchor.day + timedelta(days=3)


def in_title(doc: Document, sent) -> bool:
    return bool(doc.title) and sent.start_char < len(doc.title) and doc.text.startswith(doc.title)


def present_for_coming(when: DateValue, status: str, anchor: Anchor, language: str) -> tuple[DateValue, str]:
    """A present-tense event on a bare weekday of the past week ("se retrouvent jeudi") is the coming one."""
    template = discourse(language).get("next_weekday")
    if not (template and status == "ongoing" and when.precision == "day" and when.text and anchor.known
            and anchor.precision == "day" and 0 < (anchor.day - when.start).days < 7):
        return when, status
    coming = resolve(template.format(when.text.strip()), anchor.day, language=language)
    if coming is None or coming.start is None or not 0 < (coming.start - anchor.day).days <= 7:
        return when, status
    return DateValue(coming.start, coming.end, "day", when.text), "planned"


def consistent_status(status: str, when: DateValue, anchor: Anchor) -> str:
    """What the date says overrides the tense: an event over before the article is not still planned,
    one that starts after it has not occurred."""
    if not when.known or not anchor.known or status in ("cancelled", "uncertain"):
        return status
    lo, hi = anchor_window(anchor)
    if when.end < lo and status in ("planned", "ongoing"):
        return "occurred"
    if when.start > hi and status in ("occurred", "ongoing"):
        return "planned"
    return status


def is_background(when: DateValue, anchor: Anchor) -> bool:
    """An event dated clearly before the article's own time is recalled, not reported."""
    if not when.known or not anchor.known or when.end is None:
        return False
    return when.end < anchor_window(anchor)[0]


def finish_main(cand: EventCandidate, mentions: Mentions, venue: Mention | None, reading,
                language: str) -> EventCandidate:
    """The article's own event reads people, venue and topics across the article (``reading``)."""
    here = venue is not None and venue_in_country(venue, mentions, cand.location, language)
    return replace_fields(cand, people=event_people(mentions.people, cand.actors),
                          venue=str(venue.value) if here else None,
                          topics=codes_of(reading.topics), excluded=codes_of(reading.excluded))


def venue_in_country(venue: Mention, mentions: Mentions, location: Location | None, language: str) -> bool:
    """A venue that names a state's seat (Kremlin, Maison Blanche) is not where an event held in
    another country took place ("depuis le retour de Donald Trump à la Maison Blanche"); an embassy
    or a consulate is abroad by nature."""
    if location is None or not location.country or not stands_for_government(str(venue.value), language=language):
        return True
    seats = {m.value.code for m in mentions.actors if m.start <= venue.start and venue.end <= m.end}
    return not seats or location.country in seats


def finish_background(cand: EventCandidate, sents, mentions: Mentions, language: str) -> EventCandidate:
    start = cand.evidence[0].start
    own = [s for s in sents if s.start_char == start]
    reading = read_topics(own, language=language)
    people = [m for m in mentions.people if m.start >= start and m.end <= cand.evidence[0].end]
    return replace_fields(cand, people=event_people(people, cand.actors), venue=None,
                          topics=codes_of(reading.topics), excluded=codes_of(reading.excluded))


def codes_of(spans) -> tuple[str, ...]:
    return tuple(sorted({code for code, _, _ in spans}))


def event_people(people: list[Mention] | tuple[Mention, ...], actors: tuple[Actor, ...]) -> tuple[Person, ...]:
    codes = {a.code for a in actors}
    chosen: dict[str, Person] = {}
    for m in people:
        person: Person = m.value
        if person.actor in codes and (person.role or person.title):
            chosen.setdefault(person.name, person)
    return tuple(chosen.values())


def first_venue(mentions: Mentions, taken: set[int], events: set[int], language: str) -> Mention | None:
    """The first venue named in a sentence of the article's own events, else outside the sentences
    of recalled events; a name that also stands for a government ("pression sur le Kremlin",
    "retour à la Maison Blanche") only in an event's sentence."""
    own = [m for m in mentions.venues if mentions.sentences[m.sentence][0] not in taken]
    in_events = [m for m in own if mentions.sentences[m.sentence][0] in events]
    if in_events:
        return in_events[0]
    return next((m for m in own if not stands_for_government(str(m.value), language=language)), None)


def replace_fields(cand: EventCandidate, *, people, venue, topics, excluded) -> EventCandidate:
    location = cand.location
    if venue and location is not None:
        location = replace(location, venue=venue)
    topics = tuple(t for t in topics if t not in excluded)
    return replace(cand, people=people, location=location, topics=topics, excluded_topics=excluded)
