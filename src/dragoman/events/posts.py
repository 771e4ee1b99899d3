"""An envoy's posts: the places named right after an envoy ("ses ambassadeurs à Washington et à Canberra",
"its ambassadors to the US and Australia"), through the words of ``parties.json``'s ``post_words`` and the
envoys' names only.

A recall's targets are the states of those posts, one recall per post (each envoy leaves his own host
state); the posts are where the envoys served, not where the recall is decided.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Actor, EventCandidate, Location, Mention
from .clause import Clause
from .role_cues import PartyCues

__all__ = ["RECALL", "RETURN", "envoy_posts", "gone_home", "one_per_post"]

RECALL = ("SANCTION", "withdraw")  # (type, mode) of recalling or withdrawing an envoy
RETURN = "081"  # CAMEO of an envoy sent back to his post: a diplomatic sanction eased
_MAX_STEPS = 16


def envoy_posts(clause: Clause) -> list[Mention]:
    """The place mentions (cities or countries) of the trigger's sentence that name an envoy's post."""
    if (clause.event.type, clause.event.mode) != RECALL and clause.event.cameo != RETURN:
        return []
    cues = PartyCues.of(clause.language).lists
    places = sorted(clause.in_span("places"), key=lambda m: m.start)
    names = sorted([*places, *clause.in_span("people")], key=lambda m: m.start)
    senders = cues["sender_words"]
    return [m for m in places if _after_envoy(clause.sent.text, clause.sent.start_char, m, names, cues)
            and not _sender(clause.sent.text, clause.sent.start_char, m, cues["envoy_nouns"], senders)]


def _sender(text: str, base: int, mention: Mention, envoys, senders) -> bool:
    """A state named right after the envoy by a genitive ("l'ambassadeur d'Algérie en Espagne") sends him."""
    before = " ".join(text[:mention.start - base].lower().replace("’", "'").split())
    joined = before.replace("' ", "'")
    return any(joined.endswith(f"{e} {s}") for e in envoys for s in senders)


def _after_envoy(text: str, base: int, mention: Mention, places: Sequence[Mention], cues) -> bool:
    """Whether only post words, the envoys' names and other places stand between an envoy noun and
    ``mention`` ("les ambassadeurs Philippe Étienne et Jean-Pierre Thébault, en poste à Washington")."""
    envoys, glue = cues["envoy_nouns"], cues["post_words"]
    cursor = mention.start - base
    for _ in range(_MAX_STEPS):
        before = text[:cursor].rstrip().lower().replace("’", "'")
        if any(before.endswith(e) and (len(before) == len(e) or not before[-len(e) - 1].isalpha())
               for e in envoys):
            return True
        previous = next((p for p in places if p.end - base == len(before)), None)
        if previous is not None:
            cursor = previous.start - base
            continue
        word = "," if before.endswith(",") else (before.split() or [""])[-1]
        if not before or word not in glue:
            return False
        cursor = len(before) - len(word)
    return False


def post_targets(clause: Clause, lexicon_actor) -> tuple[Actor, ...]:
    """The states of the envoy's posts, as targets of the recall; an envoy sent back whose post the sentence
    does not name goes back to the state of the city he returns to ("regagnera Washington")."""
    codes = dict.fromkeys(m.value.country for m in envoy_posts(clause) if m.value.country)
    if not codes and clause.event.cameo == RETURN and (city := destination(clause)) is not None and city.country:
        codes = {city.country: None}
    return tuple(replace(lexicon_actor(code), role="target") for code in codes)


def destination(clause: Clause, besides: Sequence[Mention] = ()) -> Location | None:
    """The first city named after the trigger (other than ``besides``): where an envoy goes back to."""
    return next((m.value for m in clause.in_span("places")
                 if m.value.is_city and m not in besides and m.start >= clause.trigger[1]), None)


def one_per_post(cand: EventCandidate) -> list[EventCandidate]:
    """A recall of envoys from several states is one recall per state: each keeps the sources and one target."""
    if (cand.type, cand.mode) != RECALL:
        return [cand]
    targets = [a for a in cand.actors if a.role == "target"]
    if len({a.code for a in targets}) < 2:
        return [cand]
    others = tuple(a for a in cand.actors if a.role != "target")
    return [replace(cand, actors=others + (target,)) for target in targets]


def gone_home(clause: Clause, where) -> bool:
    """An envoy "returned to Paris" from his post in Washington went home: that is his recall, not his return
    to post (the place, or the city named after the verb, is not in the state of the post the sentence names)."""
    if clause.event.cameo != RETURN:
        return False
    found = envoy_posts(clause)
    posts = {m.value.country for m in found if m.value.country}
    going = where or destination(clause, found)
    return going is not None and bool(posts) and going.country not in posts
