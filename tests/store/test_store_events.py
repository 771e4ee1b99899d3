"""Stories and events: replacing derived records, every events() filter, order, pages."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import EVENTS, STORIES, analysis
from store_strategies import events as any_events
from store_strategies import stories as any_stories

from dragoman.errors import NotFound, StoreError


@pytest.fixture
def derived(store):
    for n in (1, 2, 3):
        store.add_analysis(analysis(n))
    store.replace_derived(stories=STORIES, events=EVENTS, story_of={"d1": "s1", "d2": "s2"})
    return store


def test_replace_derived_stores_stories_events_and_story_ids(derived):
    assert derived.story_of("d1") == "s1" and derived.story_of("d3") is None
    assert derived.stories() == list(STORIES)
    assert derived.story("s1") == STORIES[1]
    assert derived.event("e3") == EVENTS[2]
    assert derived.counts() == {"documents": 3, "failed": 0, "stories": 2, "events": 5}


def test_replace_derived_replaces_everything(derived):
    newer = replace(EVENTS[0], id="e9", status="ongoing")
    derived.replace_derived(stories=[STORIES[0]], events=[newer], story_of={"d3": "s2"})
    assert derived.events() == [newer]
    assert derived.stories() == [STORIES[0]]
    assert [derived.story_of(d) for d in ("d1", "d2", "d3")] == [None, None, "s2"]
    assert derived.events(actor="RUS") == [] and derived.count_events(topic="energy") == 0


def test_failed_replace_keeps_what_was_there(derived):
    with pytest.raises(StoreError):
        derived.replace_derived(stories=[], events=[EVENTS[0], EVENTS[0]], story_of={})
    assert [e.id for e in derived.events()] == ["e1", "e5", "e2", "e3", "e4"]
    assert derived.story_of("d1") == "s1"


def test_events_are_ordered_by_date_then_id_undated_last(derived):
    assert [e.id for e in derived.events()] == ["e1", "e5", "e2", "e3", "e4"]
    same_day = [replace(EVENTS[0], id=i) for i in ("b", "a-2", "a_1", "A")]
    derived.replace_derived(stories=[], events=same_day, story_of={})
    assert [e.id for e in derived.events()] == ["A", "a-2", "a_1", "b"]


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["e1", "e5", "e2", "e3", "e4"]),
    ({"actor": "FRA"}, ["e1", "e5", "e2"]),
    ({"dyad": ("FRA", "USA")}, ["e2"]),
    ({"dyad": ("USA", "FRA")}, ["e2"]),
    ({"dyad": ("FRA", "RUS")}, []),
    ({"type": "AGREE"}, ["e1", "e5"]),
    ({"status": "occurred"}, ["e1", "e3"]),
    ({"topic": "trade"}, ["e1", "e3"]),
    ({"start": date(2024, 2, 15)}, ["e2", "e3"]),
    ({"end": date(2024, 1, 31)}, ["e1", "e5"]),
    ({"start": date(2024, 2, 10), "end": date(2024, 2, 12)}, ["e2"]),
    ({"start": date(2024, 1, 11), "end": date(2024, 1, 30)}, []),
    ({"text": "BERLIN"}, ["e1"]),
    ({"text": "washington"}, ["e2"]),
    ({"text": "pétrole"}, ["e3"]),
    ({"text": "100%"}, ["e3"]),
    ({"text": "sanctions_à"}, []),
    ({"text": "%"}, ["e3"]),
    ({"actor": "FRA", "status": "planned"}, ["e2"]),
    ({"type": "", "actor": None}, ["e1", "e5", "e2", "e3", "e4"]),
])
def test_events_filters(derived, filters, expected):
    assert [e.id for e in derived.events(**filters)] == expected
    assert derived.count_events(**filters) == len(expected)


def test_events_paginate(derived):
    assert [e.id for e in derived.events(limit=2)] == ["e1", "e5"]
    assert [e.id for e in derived.events(limit=2, offset=2)] == ["e2", "e3"]
    assert [e.id for e in derived.events(limit=2, offset=4)] == ["e4"]
    assert [e.id for e in derived.events(actor="FRA", limit=1, offset=1)] == ["e5"]
    assert derived.count_events(actor="FRA") == 3


def test_stories_keep_their_given_order_and_paginate(derived):
    assert [s.id for s in derived.stories(limit=1)] == ["s2"]
    assert [s.id for s in derived.stories(limit=1, offset=1)] == ["s1"]


def test_unknown_event_and_story_are_not_found(derived):
    with pytest.raises(NotFound, match="event 'e404'"):
        derived.event("e404")
    with pytest.raises(NotFound, match="story 's404'"):
        derived.story("s404")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(any_events, max_size=4, unique_by=lambda e: e.id),
       stories=st.lists(any_stories, max_size=3, unique_by=lambda s: s.id))
def test_any_events_and_stories_survive_the_store(store, events, stories):
    store.replace_derived(stories=stories, events=events, story_of={})
    assert {e.id: e for e in store.events(limit=10)} == {e.id: e for e in events}
    for event in events:
        assert store.event(event.id) == event
    assert store.stories() == stories
