"""The storage round trip: records -> JSON-able data -> records."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings

from dragoman.errors import MalformedInput
from dragoman.model import (
    Actor,
    Conflict,
    DateValue,
    Document,
    Event,
    EventCandidate,
    FieldValue,
    Location,
    Mention,
    OffsetMap,
    Person,
    Story,
)
from dragoman.serialize import from_data, register, to_data
from store.store_strategies import analyses, candidates, documents, events, stories


def through_json(cls, obj):
    return from_data(cls, json.loads(json.dumps(to_data(obj))))


@settings(max_examples=60, deadline=None)
@given(doc=documents, cand=candidates, event=events, story=stories, analysis=analyses)
def test_every_record_survives_a_json_round_trip(doc, cand, event, story, analysis):
    for cls, obj in ((Document, doc), (EventCandidate, cand), (Event, event), (Story, story),
                     (type(analysis), analysis)):
        assert through_json(cls, obj) == obj


def test_dates_are_iso_strings_and_tuples_lists():
    data = to_data(Document("d1", "a.txt", "texte", published=date(2024, 3, 1), flags=("truncated",),
                            offsets=OffsetMap(((0, 4, 10),))))
    assert data["published"] == "2024-03-01"
    assert data["flags"] == ["truncated"]
    assert data["offsets"] == {"segments": [[0, 4, 10]]}
    assert data["published_at"] is None
    timed = Document("d2", "b.txt", "texte", published=date(2024, 3, 1), published_at=datetime(2024, 3, 1, 9, 30))
    assert to_data(timed)["published_at"] == "2024-03-01T09:30:00" and through_json(Document, timed) == timed


@pytest.mark.parametrize("value", [
    Actor("FRA", "France", "source", "GOV"), Person("Emmanuel Macron", "FRA", "président"),
    Location("Genève", "CHE", 46.2, 6.1, 2660646), DateValue(date(2024, 5, 1), date(2024, 5, 31), "month", "en mai"),
    "CONSULT", None,
])
def test_mention_value_comes_back_as_the_same_class(value):
    mention = Mention("actor", 0, 6, "France", value=value)
    back = through_json(Mention, mention)
    assert back == mention and type(back.value) is type(value)


def test_mention_value_carries_a_type_tag():
    data = to_data(Mention("place", 0, 5, "Paris", value=Location("Paris", "FRA")))
    assert data["value"]["$type"] == "Location"


def test_tuple_of_tuples_fields_round_trip():
    event = Event("e1", "AGREE", "occurred",
                  conflicts=(Conflict("date", ((DateValue(date(2024, 1, 2), None, "day"), ("d1",)),
                                               ("hier", ("d2", "d3")))),),
                  provenance=(("location", (FieldValue(Location("Paris"), "d1"),)),))
    assert through_json(Event, event) == event


def test_any_field_keeps_dates_and_tuples():
    value = FieldValue((date(2024, 1, 1), ("a", 1)), "d1")
    assert through_json(FieldValue, value) == value


def test_unknown_status_is_malformed():
    with pytest.raises(MalformedInput, match="Event.status"):
        from_data(Event, {"id": "e1", "type": "AGREE", "status": "rumoured"})


def test_missing_required_field_is_malformed():
    with pytest.raises(MalformedInput, match="Story"):
        from_data(Story, {"title": "no id"})


def test_wrong_nested_type_names_the_path():
    with pytest.raises(MalformedInput, match=r"Event.actors\[0\].code"):
        from_data(Event, {"id": "e1", "type": "AGREE", "status": "occurred", "actors": [{"code": 3, "name": "x"}]})


def test_bad_date_is_malformed():
    with pytest.raises(MalformedInput, match="YYYY-MM-DD"):
        from_data(DateValue, {"start": "1er mai", "end": None})


def test_unknown_tag_is_malformed():
    with pytest.raises(MalformedInput, match="unknown record type"):
        from_data(Mention, {"kind": "x", "start": 0, "end": 1, "text": "x", "value": {"$type": "Nope"}})


def test_unserialisable_value_is_a_type_error():
    with pytest.raises(TypeError):
        to_data(EventCandidate("d1", "AGREE", "occurred", trigger=object()))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_data(Mention("x", 0, 1, "x", value=object()))


def test_registered_dataclass_travels_in_any_fields():
    from dataclasses import dataclass

    @register
    @dataclass(frozen=True)
    class _TestVenue:
        name: str

    mention = Mention("venue", 0, 5, "Élysée", value=_TestVenue("Élysée"))
    assert through_json(Mention, mention) == mention


@settings(max_examples=30, deadline=None)
@given(event=events, analysis=analyses)
def test_the_compiled_codecs_give_what_the_step_by_step_ones_give(event, analysis):
    from dragoman.codec import compiled_decoder, compiled_encoder
    from dragoman.serialize import _decode, _encode

    for cls, obj in ((Event, event), (type(analysis), analysis)):
        assert compiled_encoder(cls)(obj) == _encode(cls, obj)
        data = json.loads(json.dumps(to_data(obj)))
        assert compiled_decoder(cls)(data) == _decode(cls, data, cls.__name__) == obj


@pytest.mark.parametrize("bad", [{"status": "done"}, {"actors": [{"code": 1, "name": "x"}]}, {"date": "2024"},
                                 {"topics": "trade"}, {"story": True}, {"actors": None}])
def test_data_the_compiled_decoder_refuses_is_named_by_the_step_by_step_one(bad):
    data = {**to_data(Event("e1", "AGREE", "occurred")), **bad}
    with pytest.raises(MalformedInput):
        from_data(Event, data)
