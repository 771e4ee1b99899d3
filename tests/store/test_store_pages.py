"""Pages by cursor and counts kept on write (issue #16), on SQLite and PostgreSQL."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from store_samples import analysis, doc, event

from dragoman.errors import ConfigError
from dragoman.model import Event, Story
from dragoman.store import EventFilter, Store


def dated(event_id: str, day: date | None, codes: tuple[str, ...] = ("FRA", "DEU")) -> Event:
    return event(event_id, "CONSULT", "occurred", codes, start=day, end=day, evidence="talks", story="s1",
                 topics=("trade",))


def order(found: Event) -> tuple[date, str]:
    return (found.date.start or date(9999, 12, 31), found.id)


def first_events(n: int, seed: int) -> list[Event]:
    rng = random.Random(seed)
    days = [date(2024, 1, 1) + timedelta(days=rng.randrange(40)) for _ in range(n)]  # many share a day
    return [dated(f"e{i:03d}", day if i % 7 else None) for i, day in enumerate(days)]


def insert(store: Store, new: list[Event]) -> None:
    store.apply_changes(stories=(), removed_stories=(), events=new, removed_events=(), story_of={})


WALKS = [EventFilter(), EventFilter(actor="FRA"), EventFilter(dyad=("DEU", "FRA")),
         EventFilter(topic="trade", status="occurred"), EventFilter(actor="DEU", text="talks")]


@pytest.mark.parametrize("query", WALKS, ids=["all", "actor", "dyad", "topic", "actor-text"])
@pytest.mark.parametrize("seed", [1, 2])
def test_cursor_walks_every_event_once_in_order_while_events_are_inserted(store: Store, seed: int,
                                                                          query: EventFilter):
    start = first_events(30, seed)
    store.replace_derived(stories=[], events=start, story_of={})
    rng = random.Random(seed)
    seen: list[Event] = []
    cursor, ahead, behind = None, [], []
    while True:
        page = store.event_slice(query, limit=4, after=cursor)
        seen += page.items
        if page.cursor is None:
            break
        cursor = page.cursor
        # new events land before and after the cursor, one on the very day of the last one read
        days = [date(2024, 1, 1) + timedelta(days=rng.randrange(40)), page.items[-1].date.start]
        new = [dated(f"n{len(ahead) + len(behind) + k:03d}", day) for k, day in enumerate(days)]
        insert(store, new)
        for found in new:
            (ahead if order(found) > order(page.items[-1]) else behind).append(found.id)
    keys = [order(found) for found in seen]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    ids = {found.id for found in seen}
    assert {e.id for e in start} | set(ahead) == ids
    assert not ids & set(behind)
    assert ahead and behind


def test_cursor_pages_of_a_filter_match_the_offset_pages(store: Store):
    mixed = [dated(f"e{i:02d}", date(2024, 2, 1) + timedelta(days=i // 3), ("RUS", "USA") if i % 2 else ("FRA",))
             for i in range(20)]
    store.replace_derived(stories=[], events=mixed, story_of={})
    query = EventFilter(dyad=("RUS", "USA"))
    walked, cursor = [], None
    while True:
        page = store.event_slice(query, limit=3, after=cursor)
        walked += [found.id for found in page.items]
        if (cursor := page.cursor) is None:
            break
    assert walked == [found.id for found in store.events(dyad=("RUS", "USA"), limit=100)]
    assert len(walked) == 10


def test_story_and_document_cursors_walk_each_once(store: Store):
    for n in range(1, 8):
        store.add_analysis(analysis(n))
    stories = [Story(f"s{k}", f"Story {k}", (f"d{k}",), ()) for k in range(1, 8)]
    store.replace_derived(stories=stories, events=[], story_of={f"d{k}": f"s{k}" for k in range(1, 8)})
    for read in (lambda after: store.story_slice(limit=2, after=after),
                 lambda after: store.document_slice(limit=2, after=after)):
        walked, cursor = [], None
        while True:
            page = read(cursor)
            walked += page.items
            if (cursor := page.cursor) is None:
                break
        assert len(walked) == 7
    docs = store.document_slice(limit=10).items
    assert [(d.id, story) for d, story in docs] == [(f"d{k}", f"s{k}") for k in range(1, 8)]


@pytest.mark.parametrize("cursor", ["yesterday.e1", "", "12x", "2024-13-01.e1"])
def test_a_malformed_cursor_is_a_config_error(store: Store, cursor: str):
    with pytest.raises(ConfigError):
        store.event_slice(EventFilter(), limit=2, after=cursor or "nodate")
    with pytest.raises(ConfigError):
        store.document_slice(limit=2, after=cursor or "x")


def expected_counts(store: Store) -> dict[str, int]:
    docs = store.documents(limit=10_000)
    return {"documents": len(docs), "failed": sum(d.error is not None for d in docs),
            "stories": len(store.stories(limit=10_000)), "events": len(store.events(limit=10_000))}


def test_counts_follow_every_write(store: Store):
    for n in range(1, 6):
        store.add_analysis(analysis(n))
    store.add_analysis(analysis(1))  # already stored: not counted twice
    store.add_failed(doc(9, error="E106: a9.txt is malformed", text=""))
    assert store.counts() == expected_counts(store) == {"documents": 6, "failed": 1, "stories": 0, "events": 0}
    store.replace_derived(stories=[Story("s1", "A", ("d1",), ("e0",)), Story("s2", "B", ("d2",), ())],
                          events=[dated(f"e{i}", date(2024, 1, 1 + i)) for i in range(5)], story_of={"d1": "s1"})
    assert store.counts() == expected_counts(store)
    # two changed, one new, two removed events; one changed, one new, one removed story
    store.apply_changes(stories=[Story("s1", "A2", ("d1",), ()), Story("s3", "C", ("d3",), ())],
                        removed_stories=["s2", "never-stored"],
                        events=[dated("e0", date(2024, 3, 1)), dated("e1", None), dated("e9", date(2024, 1, 9))],
                        removed_events=["e2", "e3", "never-stored"], story_of={"d3": "s3"})
    assert store.counts() == expected_counts(store) == {"documents": 6, "failed": 1, "stories": 2, "events": 4}
    assert store.count_events() == 4


def test_a_filtered_count_stops_at_its_cap(store: Store):
    store.replace_derived(stories=[], events=[dated(f"e{i}", date(2024, 1, 1 + i), ("RUS", "USA")) for i in range(9)],
                          story_of={})
    assert store.count_events(actor="RUS") == 9
    assert store.count_events(actor="RUS", cap=4) == 4
    assert store.count_events(actor="RUS", cap=40) == 9
    assert store.count_events(cap=4) == 9  # unfiltered: the count kept on write, exact whatever the cap
