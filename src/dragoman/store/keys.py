"""The keys (sort key, id) of the events a filter matches, read from the index that fits it best.

An actor's (or a topic's) links carry their event's sort key (migration 0008), so a filter naming one is
read from ``(code, sort_key, event_id)`` in date order and stops at the page's end, the other codes and
the topic checked by primary key; the event row (its covering index ``ix_events_lookup``) is joined only
for a type, status, date or text. Without either, the events' own ``ix_events_list`` is walked.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, select

from .base import EventFilter
from .schema import event_actors, event_topics, events


@dataclass(frozen=True)
class Keys:
    """The matching events' keys, unordered; ``sort_key`` and ``id`` order and cut them into pages."""
    query: Select
    sort_key: ColumnElement
    id: ColumnElement


def event_keys(query: EventFilter) -> Keys:
    codes = ([query.actor] if query.actor else []) + list(query.dyad or ())
    codes = list(dict.fromkeys(codes))
    if codes or query.topic:
        lead = (event_actors if codes else event_topics).alias("lead")
        first = lead.c.code == codes[0] if codes else lead.c.topic == query.topic
        key = lead.c.event_id
        clauses = [first, *(_linked(event_actors, key, event_actors.c.code == code) for code in codes[1:])]
        if query.end:
            clauses.append(lead.c.sort_key <= query.end)
        if codes and query.topic:
            clauses.append(_linked(event_topics, key, event_topics.c.topic == query.topic))
        found = select(lead.c.sort_key, key).where(*clauses)
        rest = _event_columns(query)
        if rest:
            found = found.join(events, events.c.id == key).where(*rest)
        return Keys(found, lead.c.sort_key, key)
    return Keys(select(events.c.sort_key, events.c.id).where(*_event_columns(query)), events.c.sort_key, events.c.id)


def _linked(table, key: ColumnElement, match: ColumnElement[bool]) -> ColumnElement[bool]:
    # EXISTS (SELECT event_id ...), not SELECT *: SQLite then probes the primary key alone, not the row
    return select(table.c.event_id).where(table.c.event_id == key, match).exists()


def _event_columns(query: EventFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [column == value for column, value in
                                          ((events.c.type, query.type), (events.c.status, query.status)) if value]
    if query.start:
        clauses.append(events.c.date_end >= query.start)
    if query.end:
        # the sort key is the start date of a dated event: the date-ordered walk stops past ``end``
        clauses += [events.c.date_start <= query.end, events.c.sort_key <= query.end]
    if query.text:
        clauses.append(events.c.search_text.contains(query.text.lower(), autoescape=True))
    return clauses
