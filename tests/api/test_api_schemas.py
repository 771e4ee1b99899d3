"""The OpenAPI models describe exactly the contract's keys (the contract stays the one definition)."""
from __future__ import annotations

import pytest
from api_samples import FAILED, STORIES, all_events, document

from dragoman.api import schemas
from dragoman.contract import (
    actor_json,
    conflict_json,
    date_json,
    document_json,
    event_json,
    evidence_json,
    location_json,
    person_json,
    relation_json,
    story_json,
)

EVENT = all_events()[0]


@pytest.mark.parametrize(("model", "sample"), [
    (schemas.EventOut, event_json(EVENT)),
    (schemas.ActorOut, actor_json(EVENT.actors[0])),
    (schemas.PersonOut, person_json(EVENT.people[0])),
    (schemas.LocationOut, location_json(EVENT.location)),
    (schemas.DateOut, date_json(EVENT.date)),
    (schemas.EvidenceOut, evidence_json(EVENT.evidence[0])),
    (schemas.ConflictOut, conflict_json(EVENT.conflicts[0])),
    (schemas.ConflictValueOut, conflict_json(EVENT.conflicts[0])["values"][0]),
    (schemas.RelationOut, relation_json(EVENT.related[0])),
    (schemas.SourceValueOut, event_json(EVENT)["provenance"]["date"][0]),
    (schemas.StatusChangeOut, event_json(EVENT)["status_history"][0]),
    (schemas.DocumentOut, document_json(document("fr1"))),
    (schemas.DocumentOut, document_json(FAILED)),
    (schemas.StoryOut, story_json(STORIES[0])),
])
def test_model_fields_are_the_contract_keys(model, sample):
    assert set(model.model_fields) == set(sample)
    model.model_validate(sample)


@pytest.mark.parametrize("event", all_events(), ids=lambda e: e.id)
def test_every_sample_event_validates_and_round_trips(event):
    data = event_json(event)
    assert schemas.EventOut.model_validate(data).model_dump(mode="json") == data
