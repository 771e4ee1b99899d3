"""Event resolution one document at a time: readings of every document -> one group per real event.

Readings are blocked on their type family (:func:`.resolution.family`). Inside a block:

1. **Anchors** are readings dated to the day that name at least two parties. Two anchors are one event
   when :func:`.resolution.same_event_day` says so; an event's **core** is a connected set of anchors
   (single linkage), so cores only ever merge as documents arrive. A reading naming one party cannot
   bridge two meetings of one day.
2. **Other dated readings** (a week, a month, one party named) join the one core that fits them and
   whose anchors their interval overlaps; with several, the one of their place, then of their own
   document, then of their story; else none. Readings left over join each other when they overlap and
   fit (single linkage): the **loose** events.
3. **Undated readings** join the event that their own document reports (the one holding most of its
   dated readings), else their story's; a reading recalled as background never joins its own
   article's news but joins the one event of its story's other documents at the place it names.
   Readings left over join the undated readings of their own story that fit: the **quiet** events.
   Recalling by place looks only at events from a year before the reading's article to a year after
   (or at any time when the article's day is unknown).

Each decision reads only the cores, documents and story it names, and nothing decided for one reading
changes what another may join, so the outcome is a function of the set of readings: whatever the order
and batches they arrive in, the same readings give the same groups. :meth:`Resolver.add` revisits only
what a new document can change: the cores its anchors touch, the readings overlapping them, and the
undated readings of the stories concerned.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ..model import EventCandidate
from .components import Changes, GroupId, Key, StoryShelf, components, recalled_one
from .resolution import (
    block_key,
    canonical,
    chains,
    compatible,
    fits_all,
    is_anchor,
    ordinals,
    overlaps,
    party_keys,
    same_event_day,
    same_place,
    tense_fits,
)

RECALL_BACK, RECALL_AHEAD = 366, 366  # days around an article within which a place it names recalls an event
PERIOD = 31  # days per bucket of the place indexes


class Resolver:
    """The groups of every reading added so far; see the module docstring."""

    def __init__(self) -> None:
        self.cands: dict[Key, EventCandidate] = {}
        self.by_doc: dict[str, list[Key]] = defaultdict(list)
        self.story: dict[str, str] = {}
        self.docs_of_story: dict[str, set[str]] = defaultdict(set)
        self.anchor_days: dict[tuple[str, int], list[Key]] = defaultdict(list)
        self.anchor_codes: dict[tuple[str, int, str], list[Key]] = defaultdict(list)  # by block, day and party
        self.dated_codes: dict[tuple[str, int, str], list[Key]] = defaultdict(list)  # other dated ones; "" no party
        # readings naming a place by block, place, period (of their start, or their article's) and party_keys
        self.dated_at: dict[tuple[str, str, int, str], list[Key]] = defaultdict(list)
        self.undated_at: dict[tuple[str, str, int, str], list[Key]] = defaultdict(list)
        self.day_of: dict[str, int] = {}  # each article's day (its publication), when known
        self.shelf = StoryShelf()
        self.left: dict[str, str] = {}  # documents that changed story in this call -> their old story
        self.recalled: set[Key] = set()  # readings placed by the place they name alone: not their report's news
        self.parent: dict[Key, Key] = {}
        self.core: dict[Key, list[Key]] = {}
        self.home: dict[Key, GroupId | None] = {}
        self.loose: dict[Key, Key] = {}
        self.quiet: dict[Key, Key] = {}
        self.attached: dict[GroupId, set[Key]] = defaultdict(set)
        self.loose_members: dict[Key, list[Key]] = {}
        self.quiet_members: dict[Key, list[Key]] = {}
        self.emitted: dict[Key, GroupId] = {}  # each reading's group as the last Changes gave it

    # ------------------------------------------------------------ the front door
    def add(self, readings: Mapping[str, Sequence[EventCandidate]], *, story_of: Mapping[str, str],
            published: Mapping[str, date | None] | None = None) -> Changes:
        """Adds the readings of new documents (doc id -> its readings, in order), the day each was published
        and the story of every document whose story is new or changed; returns the groups that changed."""
        for doc, day in (published or {}).items():
            if day is not None and doc not in self.by_doc:
                self.day_of[doc] = day.toordinal()
        fresh = self._register(readings, story_of)
        touched = self._revisit(fresh, set(story_of))
        return self._changes(touched)

    def groups(self) -> list[list[EventCandidate]]:
        """Every group, its readings in canonical order, groups ordered by their first reading."""
        found: dict[GroupId, list[Key]] = defaultdict(list)
        for key in self.cands:
            found[self.gid(key)].append(key)
        return sorted((self._ordered(keys) for keys in found.values()), key=lambda g: canonical(g[0]))

    def members_of(self, gid: GroupId) -> list[EventCandidate]:
        """A group's readings in canonical order; none when the group no longer exists."""
        return self._ordered(self._members(gid)) if self._exists(gid) else []

    def gid(self, key: Key) -> GroupId:
        if key in self.parent:
            return ("c", self.find(key))
        if key in self.loose:
            return ("l", self.loose[key])
        if key in self.quiet:
            return ("q", self.quiet[key])
        home = self.home.get(key)
        if home is None:  # a reading not placed yet: its own group
            return ("q", key)
        return self.current(home)

    def current(self, group: GroupId) -> GroupId:
        return ("c", self.find(group[1])) if group[0] == "c" else group

    # ------------------------------------------------------------ registering
    def _register(self, readings: Mapping[str, Sequence[EventCandidate]],
                  story_of: Mapping[str, str]) -> list[Key]:
        self.left = {}
        for doc, story in story_of.items():
            old = self.story_of(doc)
            self.docs_of_story[old].discard(doc)
            self._file(doc, old, add=False)
            self.story[doc] = story
            self.docs_of_story[story].add(doc)
            self._file(doc, story, add=True)
            if old != story:
                self.left[doc] = old
        fresh: list[Key] = []
        for doc, cands in readings.items():
            if doc in self.by_doc:
                continue
            self.docs_of_story[self.story_of(doc)].add(doc)
            for pos, cand in enumerate(cands):
                key = (doc, pos)
                self.cands[key] = cand
                self.by_doc[doc].append(key)
                fresh.append(key)
                self.shelf.file(key, cand, self.story_of(doc), add=True)
                block = block_key(cand)
                if is_anchor(cand):
                    self.parent[key] = key
                    self.core[key] = [key]
                    for day in ordinals(cand):
                        self.anchor_days[(block, day)].append(key)
                        for code in cand.actor_codes:
                            self.anchor_codes[(block, day, code)].append(key)
                elif cand.date.known:
                    for day in ordinals(cand):
                        for code in cand.actor_codes or ("",):
                            self.dated_codes[(block, day, code)].append(key)
                if cand.location is not None and cand.date.known:
                    period = cand.date.start.toordinal() // PERIOD  # type: ignore[union-attr]
                    for party in party_keys(cand, stored=True):
                        self.dated_at[(block, cand.location.name, period, party)].append(key)
                elif cand.location is not None and doc in self.day_of:  # unknown day: no recall by place
                    period = self.day_of[doc] // PERIOD
                    for party in party_keys(cand, stored=True):
                        self.undated_at[(block, cand.location.name, period, party)].append(key)
        return fresh

    def story_of(self, doc: str) -> str:
        return self.story.get(doc, doc)

    def _file(self, doc: str, story: str, *, add: bool) -> None:
        for key in self.by_doc.get(doc, ()):
            self.shelf.file(key, self.cands[key], story, add=add)

    def _story_near(self, key: Key, story: str, *, dated: bool) -> set[Key]:
        return self.shelf.near(self.cands[key], story, dated=dated)

    # ------------------------------------------------------------ revisiting what a document changes
    def _revisit(self, fresh: list[Key], moved_docs: set[str]) -> set[Key]:
        touched: set[Key] = set(fresh)
        cores = self._link_anchors([k for k in fresh if k in self.parent])
        moved_anchors = {k for d in moved_docs for k in self.by_doc.get(d, ()) if k in self.parent}
        cores |= {self.find(k) for k in moved_anchors}
        for root in cores:
            touched.update(self.core[root])
            touched.update(self.attached[("c", root)])
        dated = {k for k in fresh if k not in self.parent and self.cands[k].date.known}
        dated |= {k for root in cores for k in self._overlapping_dated(root)}
        dated |= {k for d in moved_docs for k in self.by_doc.get(d, ())
                  if k not in self.parent and self.cands[k].date.known}
        touched |= dated
        touched |= self._place_dated(dated)
        groups = self._dated_groups(touched)
        members = {m for gid in groups for m in self._dated_members(gid)}
        undated = {k for d in {k[0] for k in touched} | moved_docs for k in self.by_doc.get(d, ())
                   if not self.cands[k].date.known}
        undated |= {k for m in members for story in {self.story_of(m[0]), self.left.get(m[0])} if story is not None
                    for k in self._story_near(m, story, dated=False)}
        places = {(block_key(c), c.location.name, c.date.start.toordinal() // PERIOD, party)  # type: ignore[union-attr]
                  for m in members if (c := self.cands[m]).location is not None and c.date.known
                  for party in party_keys(c, stored=False)}
        undated |= {k for block, place, period, party in places
                    for p in range(period - RECALL_AHEAD // PERIOD - 1, period + RECALL_BACK // PERIOD + 2)
                    for k in self.undated_at.get((block, place, p, party), ())}
        touched |= undated
        touched |= self._place_undated(undated)
        return touched

    def _dated_groups(self, keys: set[Key]) -> set[GroupId]:
        """The groups dated readings are in now and were in at the last call."""
        found: set[GroupId] = set()
        for key in keys:
            if self.cands[key].date.known:
                found.add(self.gid(key))
                if (old := self.emitted.get(key)) is not None and self._exists(self.current(old)):
                    found.add(self.current(old))
        return found

    def _link_anchors(self, anchors: list[Key]) -> set[Key]:
        for key in anchors:
            cand = self.cands[key]
            block = block_key(cand)
            others = {o for day in ordinals(cand, slack=1) for code in cand.actor_codes
                      for o in self.anchor_codes.get((block, day, code), ())}
            for other in sorted(others):
                if other != key and self.find(other) != self.find(key) and same_event_day(cand, self.cands[other]):
                    self._union(key, other)
        return {self.find(k) for k in anchors}

    def _overlapping_dated(self, root: Key) -> set[Key]:
        """The dated readings that overlap a core and could fit it: they name one of its parties or none."""
        anchors = [self.cands[a] for a in self.core[root]]
        codes = {"", *(code for a in anchors for code in a.actor_codes)}
        days = {(block_key(a), day) for a in anchors for day in ordinals(a)}
        return {k for block, day in days for code in codes for k in self.dated_codes.get((block, day, code), ())}

    def find(self, key: Key) -> Key:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def _union(self, a: Key, b: Key) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra
        self.core[ra].extend(self.core.pop(rb))
        self.attached[("c", ra)] |= self.attached.pop(("c", rb), set())

    # ------------------------------------------------------------ placing dated readings
    def _place_dated(self, keys: set[Key]) -> set[Key]:
        """Decides the home of each reading; recomputes the loose events they leave or join."""
        for key in keys:
            self._move(key, self.home.get(key), self._dated_home(key))
        return components(keys, self.loose, self.loose_members, self._loose_neighbours, placed=self.home)

    def _dated_home(self, key: Key) -> GroupId | None:
        cand = self.cands[key]
        block = block_key(cand)
        near = ({a for day in ordinals(cand) for code in cand.actor_codes
                 for a in self.anchor_codes.get((block, day, code), ())} if cand.actor_codes
                else {a for day in ordinals(cand) for a in self.anchor_days.get((block, day), ())})
        roots = sorted({self.find(a) for a in near if overlaps(self.cands[a], cand)})
        held = [r for r in roots if fits_all((self.cands[a] for a in self.core[r]), cand)]
        story = self.story_of(key[0])
        tests = (lambda r: any(same_place(self.cands[a].location, cand.location) for a in self.core[r]),
                 lambda r: any(a[0] == key[0] and not self.cands[a].background for a in self.core[r]),
                 lambda r: any(self.story_of(a[0]) == story for a in self.core[r]))
        for test in tests:
            if len(held) <= 1:
                break
            held = [r for r in held if test(r)] or held
        return ("c", held[0]) if len(held) == 1 else None

    def _loose_neighbours(self, key: Key) -> set[Key]:
        cand, codes = self.cands[key], self.cands[key].actor_codes
        block = block_key(cand)
        if len(codes) < 2:  # a reading naming one party cannot chain two events together
            return set()
        near = {o for day in ordinals(cand) for code in codes for o in self.dated_codes.get((block, day, code), ())}
        return {o for o in near if o != key and self.home.get(o) is None and chains(cand, self.cands[o])}

    # ------------------------------------------------------------ placing undated readings
    def _place_undated(self, keys: set[Key]) -> set[Key]:
        for key in keys:
            self._move(key, self.home.get(key), self._undated_home(key))
        return components(keys, self.quiet, self.quiet_members, self._quiet_neighbours, placed=self.home)

    def _undated_home(self, key: Key) -> GroupId | None:
        cand, doc = self.cands[key], key[0]
        self.recalled.discard(key)
        siblings = self.docs_of_story[self.story_of(doc)] | {doc}
        options: dict[GroupId, list[Key]] = {}
        for other in sorted(self._story_near(key, self.story_of(doc), dated=True)):
            gid = self.gid(other)
            if gid not in options:  # a group's members once, not once per reading of it
                options[gid] = self._dated_members(gid)
        day = self.day_of.get(doc)
        fitting = {g: m for g, m in options.items() if fits_all((self.cands[k] for k in m), cand)
                   and tense_fits(cand, day, (self.cands[k] for k in m))}
        if cand.background:
            named = [g for g, m in fitting.items() if self._main_in(m, {doc}) == 0
                     and any(same_place(self.cands[k].location, cand.location) for k in m)]
            if len(named) > 1:  # several events there (:func:`.components.recalled_one`)
                return recalled_one(key, {g: [k for k in fitting[g] if same_place(
                    self.cands[k].location, cand.location)] for g in named}, {g: fitting[g] for g in named})
            return named[0] if named else self._place_home(key)
        for docs in ({doc}, siblings):
            near = {g: m for g, m in fitting.items() if self._main_in(m, docs)}
            if near:
                # most of the documents' main readings, then the latest, then (ties) the first reading last
                return max(near, key=lambda g: (self._main_in(near[g], docs), *self._rank(near[g])))
        return self._place_home(key)

    def _place_home(self, key: Key) -> GroupId | None:
        """A reading its document and story leave alone joins the one event the place it names holds for
        parties that fit (an article recalling "the agreement signed in Beijing"); with several, none."""
        cand, doc = self.cands[key], key[0]
        if cand.location is None or doc not in self.day_of:  # an article of unknown day: a scan of the store
            return None
        found: dict[GroupId, list[Key]] = {}
        place = (block_key(cand), cand.location.name)
        first, last = self.day_of[doc] - RECALL_BACK, self.day_of[doc] + RECALL_AHEAD
        periods: Iterable[int] = range(first // PERIOD, last // PERIOD + 1)
        named: list[GroupId] = []
        near = {other for period in periods for party in party_keys(cand, stored=False)
                for other in self.dated_at.get((*place, period, party), ())
                if first <= self.cands[other].date.start.toordinal() <= last}  # type: ignore[union-attr]
        for other in sorted(near):
            if (gid := self.gid(other)) in found:
                continue
            found[gid] = members = self._dated_members(gid)
            if (fits_all((self.cands[k] for k in members), cand) and self._main_in(members, {doc}) == 0
                    and tense_fits(cand, self.day_of[doc], (self.cands[k] for k in members))):
                named.append(gid)
                if len(named) > 1:  # two events at the place: none is the one recalled
                    return None
        if not named:
            return None
        self.recalled.add(key)
        return named[0]

    def _dated_members(self, gid: GroupId) -> list[Key]:
        if gid[0] == "c":
            root = self.find(gid[1])
            return self.core[root] + [k for k in self.attached.get(("c", root), ()) if self.cands[k].date.known]
        return list(self.loose_members.get(gid[1], ()))

    def _main_in(self, members: list[Key], docs: set[str]) -> int:
        return sum(1 for k in members if k[0] in docs and not self.cands[k].background)

    def _rank(self, members: list[Key]) -> tuple[str, tuple]:
        starts = [c.date.start.isoformat() for k in members if (c := self.cands[k]).date.start]
        return (max(starts) if starts else "", min(canonical(self.cands[k]) + k for k in members))

    def _quiet_neighbours(self, key: Key) -> set[Key]:
        cand = self.cands[key]
        return {o for o in self._story_near(key, self.story_of(key[0]), dated=False)
                if o != key and self.home.get(o) is None and compatible(cand, self.cands[o])}

    # ------------------------------------------------------------ shared bookkeeping
    def _move(self, key: Key, old: GroupId | None, new: GroupId | None) -> None:
        if old is not None:
            self.attached[self.current(old)].discard(key)
        self.home[key] = new
        if new is not None:
            self.attached[self.current(new)].add(key)

    def _changes(self, touched: set[Key]) -> Changes:
        """The groups of every touched reading, as they were at the last call and as they are now."""
        changes = Changes()
        now = {k: self.gid(k) for k in touched}
        for key in touched:
            old = self.emitted.get(key)
            if old is None:
                continue
            if not self._exists(old) or self.current(old) != old:
                changes.gone.add(old)
            elif old not in now.values():
                changes.groups[old] = self._ordered(self._members(old))
        for gid in set(now.values()):
            changes.groups[gid] = self._ordered(self._members(gid))
        self.emitted.update(now)
        for gid in changes.groups:
            for key in self._members(gid):
                self.emitted[key] = gid
        return changes

    def _exists(self, gid: GroupId) -> bool:
        if gid[0] == "c":
            return gid[1] in self.core
        store = self.loose_members if gid[0] == "l" else self.quiet_members
        return gid[1] in store

    def _members(self, gid: GroupId) -> list[Key]:
        if gid[0] == "c":
            return self.core[gid[1]] + sorted(self.attached.get(gid, ()))
        if gid[0] == "l":
            return self.loose_members[gid[1]] + sorted(self.attached.get(gid, ()))
        return list(self.quiet_members.get(gid[1], [gid[1]]))

    def _ordered(self, keys: Iterable[Key]) -> list[EventCandidate]:
        return [self.cands[k] for k in sorted(set(keys), key=lambda k: canonical(self.cands[k]) + k)]
