"""Which date an event gets, and how that date stands to the article's own time.

The date is the one of the trigger's own clause nearest the trigger, then one of the clauses above it
(:mod:`.dating_clauses`: "a déclaré mardi que la rencontre prévue le 20 mars aurait lieu": the 20th), unless
it belongs elsewhere: a duration, a background clause ("since 2019"), a clause the trigger governs ("agreed
[to meet next week]": next week is the meeting's), a relative clause ("an agreement [that will expire in six
years]"), the own phrase of another event of the sentence ("the visit follows [a call on March 31]"). A date
the trigger's own phrase holds wins over any other. A date that states no year never lies years after the
article's time, and a weekday or yearless date is read in the tense of its own clause ("Norway, whose
ministers met on Tuesday, will ...": the Tuesday before).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..languages import labels_for
from ..model import DateValue, Mention
from ..nlp import Anchor
from ..nlp.temporal import counts_ahead, resolve, states_year, tense_at
from .clause import (
    Clause,
    complement_spans,
    governed_by_trigger,
    in_background_clause,
    in_scene_event,
    nominal_chain,
    scene_stretches,
)
from .dating_clauses import clause_head, clause_rank, clause_tense, reported, verb_tense
from .status_lexicon import status_lexicon
from .syntax import state_word
from .triggers import TriggerLexicon
from .verb_groups import group_tense, realised, verb_group

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["anchor_window", "coming_day", "eligible_dates", "event_date", "habitual", "is_background", "known_ends",
           "near_anchor"]

UNKNOWN = DateValue(None, None, "unknown", None)
FAR_DAYS = 366  # a date without a year this far after the article's time is a stretch ("in six years"), not a date
OWN_PHRASE = -1  # rank of a date the trigger's own phrase holds: before any clause's
SCHEDULED_TYPES = frozenset({"CONSULT"})  # held at a time of their own, not when they are announced


def event_date(clause: Clause, *, phrase_only: bool = False) -> DateValue:
    """The date of the trigger's own phrase, else of its own clause, else of the nearest clause above it,
    nearest the trigger (:func:`ranked_dates`). With ``phrase_only``, only a date of the trigger's own
    phrase (:func:`~dragoman.events.clause.governed_by_trigger`) counts."""
    ranked = ranked_dates(clause)
    if phrase_only:
        ranked = [(rank, m) for rank, m in ranked if rank == OWN_PHRASE]
    if not ranked:
        return UNKNOWN
    start = clause.trigger[0]
    _, best = min(ranked, key=lambda pair: (pair[0], abs(pair[1].start - start)))
    return announced_ahead(clause, best) or in_clause_tense(clause, best)


def announced_ahead(clause: Clause, mention: Mention) -> DateValue | None:
    """A meeting announced ("announced a summit in Hanoi on Feb. 27") is held after the announcement: a
    yearless date the reporting verb's past tense put before the article is read forward when that reading
    is the nearer of the two (a recent day stays the announcement's)."""
    root, day = clause.root, clause.anchor.day
    if (root is None or root.pos_ not in ("NOUN", "PROPN") or clause.event.type not in SCHEDULED_TYPES
            or day is None or not announced_by(root, clause.language) or not before_anchor(mention.value, clause.anchor)
            or states_year(mention.text, language=clause.language)):
        return None
    ahead = resolve(mention.text, day, language=clause.language, clause_tense=1)
    ends, back = (known_ends(ahead) if ahead is not None else None), known_ends(mention.value)
    if ahead is None or ends is None or back is None or ends[0] <= day:
        return None
    return ahead if (ends[0] - day).days < (day - back[1]).days else None  # the nearer reading: "on Tuesday" stays


def ranked_dates(clause: Clause) -> list[tuple[int, Mention]]:
    """The eligible dates (:func:`eligible_dates`) with their rank: :data:`OWN_PHRASE`, else the number of
    clauses between the trigger's and the date's (:func:`~dragoman.events.dating_clauses.clause_rank`);
    a date of another clause is left out, and so is a past one of a clause above a meeting still to come
    ("will meet in Geneva, the State Department said on Tuesday": Tuesday is the saying's)."""
    sdoc, trigger, root = clause.sent.doc, clause.trigger, clause.root
    sequence = frozenset(clause.discourse.get("sequence_markers", ()))
    ahead, noun = to_come(clause), root is not None and root.pos_ in ("NOUN", "PROPN")
    announced = noun and root is not None and clause.event.type in SCHEDULED_TYPES and announced_by(root, clause.language)
    ranked = []
    earlier = looks_back(clause)
    stretches = scene_stretches(clause)
    for m in eligible_dates(clause):
        scenes = [noun_i for noun_i, start, end in stretches if start <= m.start < end]
        if scenes and not (root is not None and root.i in scenes):
            continue  # the date of a scene's event ("after their summit in Singapore in June 2018")
        own = noun and (governed_by_trigger(sdoc, m, trigger) or bool(scenes))  # a verb's own dates are its clause's
        rank = OWN_PHRASE if own else clause_rank(sdoc, m, trigger, sequence)
        if rank is not None and rank > 0 and earlier:
            continue  # "said on Monday that they had spoken": before the saying, not on its day
        if rank is None or (announced and rank != OWN_PHRASE and not after_anchor(m.value, clause.anchor)
                            and announced_ahead(clause, m) is None):
            continue  # an announcement is not made after the report: a later date is the meeting's
        if not (ahead and rank > 0 and before_anchor(m.value, clause.anchor)):
            ranked.append((rank, m))
    return ranked


def looks_back(clause: Clause) -> bool:
    """The trigger is a verb in the pluperfect ("had spoken", "s'étaient entretenus"): its event came
    before the time of the clause that reports it."""
    sdoc = clause.sent.doc
    head = sdoc.char_span(clause.trigger[0], clause.trigger[1], alignment_mode="expand")
    if head is None:
        return False
    verb = clause_head(head.root)
    # the verb itself, or the verb whose object the meeting noun is ("said it had held talks"); a meeting noun
    # of another role ("said the talks had failed") is the talks of the day said
    held = (head.root.pos_ in ("NOUN", "PROPN") and head.root.dep_ in labels_for(head.root, "undergoer")
            and head.root.head.i == verb.i)
    if not (held or (verb.i == head.root.i and verb.pos_ == "VERB")) or "Part" not in verb.morph.get("VerbForm", []):
        return False
    group = verb_group(verb)
    return (any(t.pos_ == "AUX" and t.i != verb.i for t in group)
            and group_tense(verb, group, status_lexicon(clause.language)) == "Remote")


def announced_by(noun: Token, language: str) -> bool:
    """ "Paris a annoncé mardi une rencontre avec Alger", "the meeting was confirmed on Sunday": a meeting
    named as what a verb of announcing or saying is about is dated by its own phrase only; the verb's date
    is the announcement's (an expulsion announced is, by contrast, decided that day)."""
    top = nominal_chain(noun)[-1]
    verb = top.head
    lex = status_lexicon(language)
    return (top.dep_ in labels_for(top, "undergoer") and verb.pos_ == "VERB"
            and realised(verb, lex.announce_heads | lex.reporting_heads) is not None)


def to_come(clause: Clause) -> bool:
    """A meeting in a future or conditional clause: held at a time of its own, after it is announced."""
    if clause.event.type not in SCHEDULED_TYPES:
        return False
    head = clause.sent.doc.char_span(clause.trigger[0], clause.trigger[1], alignment_mode="expand")
    return head is not None and verb_tense(clause_head(head.root)) > 0


def after_anchor(when: DateValue, anchor: Anchor) -> bool:
    ends = known_ends(when)
    return anchor.day is not None and ends is not None and ends[0] > anchor.day


def before_anchor(when: DateValue, anchor: Anchor) -> bool:
    ends = known_ends(when)
    return anchor.day is not None and ends is not None and ends[1] < anchor.day


def eligible_dates(clause: Clause) -> list[Mention]:
    """The known dates of the sentence that may be the event's: neither a duration nor in a background
    clause, nor one that dates a clause the trigger governs, nor one held by the own phrase of another
    noun trigger, nor one years after the article's time that states no year, nor a stretch back."""
    sent, trigger, cues = clause.sent, clause.trigger, clause.discourse
    skip = tuple(cues.get("duration_prefixes", ()))
    markers = frozenset(cues.get("background_markers", ()))
    responses = frozenset(cues.get("response_markers", ()))  # "in retaliation for X's act on Wednesday"
    root = clause.root
    inner = complement_spans(root) if root is not None else []
    nouns = noun_events(clause)
    return [m for m in clause.in_span("dates")
            if m.value.known and not m.text.lower().startswith(skip) and not preceded_by(sent, m, skip)
            and not in_background_clause(sent.doc, m, trigger, markers)
            and not in_background_clause(sent.doc, m, trigger, responses)
            and not after_phrase(sent, m, cues.get("span_back_prefixes", ()))
            and not in_idiom(sent, m, cues.get("present_idioms", ()))
            and not any(lo <= m.start < hi for lo, hi in inner)
            and not held_by_another(sent.doc, m, trigger, nouns) and not in_scene_event(clause, m)
            and not year_of_a_thing(clause, m)
            and not far_without_year(m, clause) and not stretch_back(m, clause)]


def year_of_a_thing(clause: Clause, mention: Mention) -> bool:
    """ "l'accord de 2015", "la déclaration d'Alma-Ata de 1991", "the treaty of 1991": a year after one of
    ``thing_year_prepositions`` hung on a noun that is not the trigger names that thing, not the event's time."""
    words = clause.discourse.get("thing_year_prepositions", ())
    first = (mention.text.lower().replace("’", "'").split() or [""])[0]
    if mention.value.precision != "year" or not (first in words or first[:2] in words
                                                  or preceded_by(clause.sent, mention, tuple(words))):
        return False
    sdoc = clause.sent.doc
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    own = sdoc.char_span(clause.trigger[0], clause.trigger[1], alignment_mode="expand")
    if span is None or own is None:
        return False
    head = span.root.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") and head.i not in {t.i for t in own}


def stretch_back(mention: Mention, clause: Clause) -> bool:
    """ "their first talks in three months": a forward offset in a past clause (not a reported one, whose
    past may be the reporting verb's) measures a stretch back; it dates nothing."""
    sdoc, day, ends = clause.sent.doc, clause.anchor.day, known_ends(mention.value)
    return (day is not None and ends is not None and ends[0] > day  # "un mois plus tard" may count from the past
            and counts_ahead(mention.text, language=clause.language) and clause_tense(sdoc, mention) < 0
            and not reported(sdoc, mention))


def far_without_year(mention: Mention, clause: Clause) -> bool:
    """A date more than a year after the article's time that states no year ("in six years", "dans plus de
    trois décennies"): a stretch of time, or a year misread, never the event's date. A stated year wins;
    a date as far back ("il y a deux ans") is one the text counts to."""
    day, ends = clause.anchor.day, known_ends(mention.value)
    if day is None or ends is None:
        return False
    return (ends[0] - day).days > FAR_DAYS and not states_year(mention.text, language=clause.language)


def in_clause_tense(clause: Clause, mention: Mention) -> DateValue:
    """A weekday read in the tense of its own clause when the words around it suggested the other one
    ("Norway, whose ministers met on Tuesday, will meet Sweden next month": the Tuesday before). A past
    reported clause keeps its reading: its tense may be the reporting verb's ("said the talks were set for
    Thursday")."""
    when, today = mention.value, clause.anchor.day
    start = week_day(when, today) if today is not None and clause.anchor.precision == "day" else None
    if start is None or today is None:
        return when
    tense = clause_tense(clause.sent.doc, mention)
    if tense == 0 or (start > today) == (tense > 0) or (tense < 0 and reported(clause.sent.doc, mention)):
        return when
    again = resolve(mention.text, today, language=clause.language, clause_tense=tense)
    day = week_day(again, today) if again is not None else None
    if day is None or (day > today) != (tense > 0) or abs((day - start).days) != 7:  # the same weekday, flipped
        return when
    return DateValue(day, day, "day", when.text)


def week_day(when: DateValue, day: date) -> date | None:
    """The day ``when`` names if it is one less than a week from ``day`` (what a bare weekday may name)."""
    if when.precision != "day" or when.start is None or when.start != when.end:
        return None
    return when.start if 0 < abs((when.start - day).days) < 7 else None


def noun_events(clause: Clause) -> tuple[tuple[int, int], ...]:
    """The sentence's other triggers that name an event by a noun, except a state phrase ("En visite à
    Alger dimanche, ..."), which sets the scene for its clause."""
    cues = TriggerLexicon.for_language(clause.language).cues
    sdoc = clause.sent.doc
    spans = ((t, sdoc.char_span(t[0], t[1], alignment_mode="expand")) for t in clause.others)
    return tuple(t for t, span in spans
                 if span is not None and span.root.pos_ in ("NOUN", "PROPN") and not state_word(span.root, cues))


def held_by_another(sdoc: Doc, mention: Mention, trigger: tuple[int, int], nouns: tuple[tuple[int, int], ...]) -> bool:
    """Whether the date lies in the phrase of another event named by a noun (``nouns``), and not in this one's."""
    return (any(governed_by_trigger(sdoc, mention, o) for o in nouns)
            and not governed_by_trigger(sdoc, mention, trigger))


def after_phrase(sent: Span, mention: Mention, phrases) -> bool:
    """Whether one of ``phrases`` ends right before the mention ("the first time in [three years]")."""
    end = mention.start - sent.start_char
    before = " ".join(sent.text[max(0, end - 40):end].lower().split())
    first = (mention.text.lower().split() or [""])[0]  # the mention may hold the preposition ("in three years")
    return any(before.endswith(phrase) or f"{before} {first}".endswith(phrase) for phrase in phrases)


def in_idiom(sent: Span, mention: Mention, phrases) -> bool:
    """Whether the mention ends one of ``phrases`` ("off for now", "pour l'instant"): no date of the event."""
    end = mention.end - sent.start_char
    before = " ".join(sent.text[max(0, end - 40):end].lower().replace("’", "'").split())
    return any(before.endswith(phrase) and len(phrase) > len(mention.text) for phrase in phrases)


def preceded_by(sent: Span, mention: Mention, words: tuple[str, ...]) -> bool:
    end = mention.start - sent.start_char
    before = sent.text[max(0, end - 20):end].lower().split()
    return bool(before) and before[-1] in words


def habitual(clause: Clause) -> bool:
    """ "des années d'expulsions", "years of sanctions": a habit or a series, not one dated event."""
    text, start = clause.doc.text, clause.trigger[0]
    before = " ".join(text[max(0, start - 30):start].lower().replace("’", "'").split())
    return any(before.endswith(prefix.rstrip()) or (before + " ").endswith(prefix)
               for prefix in clause.discourse.get("habitual_prefixes", ()))


def coming_day(clause: Clause, when: DateValue) -> DateValue | None:
    """For a bare weekday of the week before the article ("se retrouvent jeudi"), the same weekday of
    the coming week; None for any other date, for a weekday of another clause than the trigger's ("Mardi,
    les ministres, qui se retrouvent chaque année, ont discuté") and for one whose words read it as past
    ("s'accusent de l'avoir violée samedi")."""
    anchor, template = clause.anchor, clause.discourse.get("next_weekday")
    day, start = anchor.day, when.start
    if not (template and when.precision == "day" and when.text and day is not None and start is not None
            and anchor.precision == "day" and 0 < (day - start).days < 7 and in_own_clause(clause, when)):
        return None
    coming = resolve(template.format(when.text.strip()), day, language=clause.language)
    if coming is None or coming.start is None or not 0 < (coming.start - day).days <= 7:
        return None
    return DateValue(coming.start, coming.end, "day", when.text)


def in_own_clause(clause: Clause, when: DateValue) -> bool:
    """Whether the mention of ``when`` lies in the trigger's own clause, with no tense cue around it."""
    sdoc, sent = clause.sent.doc, clause.sent
    mention = next((m for m in clause.in_span("dates") if m.value.text == when.text), None)
    if mention is None:
        return False
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(clause.trigger[0], clause.trigger[1], alignment_mode="expand")
    if span is None or head is None or clause_head(span.root).i != clause_head(head.root).i:
        return False
    start = mention.start - sent.start_char
    return tense_at(sent.text, start, start + len(mention.text), language=clause.language) == 0


def near_anchor(when: DateValue, anchor: Anchor) -> bool:
    """Whether a known date overlaps the article's own time; true when either is unknown."""
    window, ends = anchor_window(anchor), known_ends(when)
    if window is None or ends is None:
        return True
    return not (ends[1] < window[0] or ends[0] > window[1])


def anchor_window(anchor: Anchor) -> tuple[date, date] | None:
    """The article's own time: its month for a month anchor, else three days either side of its day;
    None when the article's time is unknown."""
    day = anchor.day
    if day is None:
        return None
    if anchor.precision == "month":
        start = day.replace(day=1)
        return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return day - timedelta(days=3), day + timedelta(days=3)


def known_ends(when: DateValue) -> tuple[date, date] | None:
    """The first and last day of a known date; None for an unknown one (or one missing an end)."""
    if not when.known or when.start is None or when.end is None:
        return None
    return when.start, when.end


def is_background(when: DateValue, anchor: Anchor) -> bool:
    """An event dated clearly before the article's own time is recalled, not reported."""
    window, ends = anchor_window(anchor), known_ends(when)
    if window is None or ends is None:
        return False
    return ends[1] < window[0]
