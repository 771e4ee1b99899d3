"""Hypothesis strategies for dragoman's records (shared by the serialize and store tests)."""
from __future__ import annotations

from datetime import date, datetime

from hypothesis import strategies as st

from dragoman.model import (
    PLOVER_TYPES,
    PRECISIONS,
    STATUSES,
    Actor,
    Conflict,
    DateValue,
    Document,
    DocumentAnalysis,
    DocumentError,
    Event,
    EventCandidate,
    Evidence,
    FieldValue,
    Location,
    Mention,
    OffsetMap,
    Person,
    Relation,
    StatusChange,
    Story,
)

# Text a database can hold: no NUL (PostgreSQL rejects it) and no lone surrogates.
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=24)
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)
codes = st.sampled_from(["FRA", "USA", "RUS", "DEU", "UKR", "EU", "UN", "NATO", "TUR"])
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31))
floats = st.floats(allow_nan=False, allow_infinity=False)
small = st.integers(min_value=0, max_value=2**31 - 1)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def tuples_of(strategy: st.SearchStrategy, max_size: int = 3) -> st.SearchStrategy:
    return st.lists(strategy, max_size=max_size).map(tuple)


actors = st.builds(Actor, code=codes, name=texts, role=st.sampled_from(["source", "target", "participant"]),
                   sector=optional(texts))
people = st.builds(Person, name=texts, actor=optional(codes), title=optional(texts), role=optional(texts))
locations = st.builds(Location, name=texts, country=optional(codes), lat=optional(floats), lon=optional(floats),
                      geonames_id=optional(small), venue=optional(texts))
date_values = st.builds(DateValue, start=optional(days), end=optional(days),
                        precision=st.sampled_from(PRECISIONS), text=optional(texts))
evidence = st.builds(Evidence, document=ids, start=small, end=small, text=texts)
offsets = st.builds(OffsetMap, segments=tuples_of(st.tuples(small, small, small)))

# What an ``Any`` field may hold.
scalars = st.none() | st.booleans() | st.integers() | floats | texts
any_values = st.recursive(
    scalars | actors | people | locations | date_values | days,
    lambda inner: tuples_of(inner) | st.dictionaries(texts.filter(lambda k: k != "$type"), inner, max_size=3),
    max_leaves=6,
)
mention_values = st.none() | actors | people | locations | date_values | texts

mentions = st.builds(Mention, kind=st.sampled_from(["actor", "person", "place", "venue", "date", "trigger", "topic"]),
                     start=small, end=small, text=texts, sentence=small, value=mention_values)
errors = st.builds(DocumentError, code=st.from_regex(r"E[0-9]{3}", fullmatch=True), message=texts)
documents = st.builds(Document, id=ids, source=texts, text=texts, title=optional(texts), language=optional(texts),
                      published=optional(days), url=optional(texts), flags=tuples_of(texts), error=optional(errors),
                      content_hash=texts, raw_text=texts, offsets=offsets, published_at=optional(moments),
                      outlet=optional(texts))

_common = dict(type=st.sampled_from(PLOVER_TYPES), status=st.sampled_from(STATUSES), mode=optional(texts),
               cameo=optional(texts), actors=tuples_of(actors), people=tuples_of(people),
               location=optional(locations), date=date_values, topics=tuples_of(texts),
               excluded_topics=tuples_of(texts), evidence=tuples_of(evidence))
candidates = st.builds(EventCandidate, document=ids, trigger=optional(texts), confidence=floats,
                       background=st.booleans(), **_common)
field_values = st.builds(FieldValue, value=any_values, document=ids, evidence=optional(evidence))
conflicts = st.builds(Conflict, field=texts, values=tuples_of(st.tuples(any_values, tuples_of(ids))))
relations = st.builds(Relation, event=ids, relation=st.sampled_from(["previous_round", "next_round", "follow_up"]))
status_changes = st.builds(StatusChange, status=st.sampled_from(STATUSES), reported=optional(days), document=ids)
events = st.builds(Event, id=ids, documents=tuples_of(ids), conflicts=tuples_of(conflicts),
                   related=tuples_of(relations), provenance=tuples_of(st.tuples(texts, tuples_of(field_values))),
                   status_history=tuples_of(status_changes), story=optional(ids), **_common)
stories = st.builds(Story, id=ids, title=texts, documents=tuples_of(ids), events=tuples_of(ids))
analyses = st.builds(DocumentAnalysis, document=documents, mentions=tuples_of(mentions),
                     candidates=tuples_of(candidates))
