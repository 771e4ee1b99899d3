"""Connected components of leftover readings, recomputed only where new readings can change them, and
the shelf of each story's readings by party."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..model import EventCandidate
from .resolution import block_key, party_keys

Key = tuple[str, int]  # (document id, position of the reading among the document's readings)
GroupId = tuple[str, Key]  # ("c", root anchor) | ("l", loose component) | ("q", quiet component)


@dataclass
class Changes:
    """What one :meth:`.resolver.Resolver.add` changed: groups gone (by id) and groups new or with new members."""
    gone: set[GroupId] = field(default_factory=set)
    groups: dict[GroupId, list[EventCandidate]] = field(default_factory=dict)


def components(seeds: set[Key], label: dict[Key, Key], members: dict[Key, list[Key]],
               neighbours: Callable[[Key], set[Key]], *, placed: Mapping[Key, object]) -> set[Key]:
    """Recomputes the leftover components (loose or quiet) that ``seeds`` belong or belonged to.

    A component none of whose members is a seed is unchanged and still connected: reaching one of its
    members reaches all of them. ``label`` gives each reading its component, ``members`` each
    component's readings; readings ``placed`` in an event belong to none."""
    work = set(seeds)
    for key in seeds:
        if key in label:
            work.update(members.get(label[key], ()))
    for key in work:
        old = label.pop(key, None)
        if old is not None:
            members.pop(old, None)
    done: set[Key] = set()
    for start in sorted(work):
        if start in done or placed.get(start) is not None:
            continue
        component, stack = {start}, [start]
        while stack:
            for other in neighbours(stack.pop()):
                if other not in component:
                    component.add(other)
                    stack.append(other)
        for other in component:
            old = label.pop(other, None)
            if old is not None:
                members.pop(old, None)
        ident = min(component)
        members[ident] = sorted(component)
        for other in component:
            label[other] = ident
        done |= component
    return work | done


class StoryShelf:
    """The readings of each story, dated or not, by block and :func:`.resolution.party_keys`: those of a
    story that may fit a reading are the ones sharing a party with it, or naming none, and nothing more
    (a story of thousands of articles costs a new one only the readings of its parties)."""

    def __init__(self) -> None:
        self.at: dict[tuple[str, bool, str, str], set[Key]] = defaultdict(set)

    def file(self, key: Key, cand: EventCandidate, story: str, *, add: bool) -> None:
        for party in party_keys(cand, stored=True):
            entry = self.at[(story, cand.date.known, block_key(cand), party)]
            if add:
                entry.add(key)
            else:
                entry.discard(key)

    def near(self, cand: EventCandidate, story: str, *, dated: bool) -> set[Key]:
        return {k for party in party_keys(cand, stored=False)
                for k in self.at.get((story, dated, block_key(cand), party), ())}


def antecedent(key: Key, groups: dict[GroupId, list[Key]]) -> GroupId | None:
    """The group holding the reading of ``key``'s document nearest before it: an undated mention ("the
    talks in Geneva") refers to the event its article named last; none when the article named none before."""
    doc, position = key
    found = [(max(before), g) for g, members in groups.items()
             if (before := [k[1] for k in members if k[0] == doc and k[1] < position])]
    return max(found)[1] if found else None


def recalled_one(key: Key, placed: dict[GroupId, list[Key]], groups: dict[GroupId, list[Key]]) -> GroupId | None:
    """Of several events at the place a recalled reading names, the one its article named last before it
    (:func:`antecedent`), else the one most sources place there (``placed``: the members at that place);
    none on a tie."""
    found = antecedent(key, groups)
    if found is not None:
        return found
    counts = sorted(((len(members), g) for g, members in placed.items()), reverse=True)
    return counts[0][1] if len(counts) == 1 or counts[0][0] > counts[1][0] else None
