"""Schemathesis against the app's own OpenAPI schema: no 5xx, responses match their documented shape.

Bounded (a few dozen examples per operation) so it finishes in well under a
minute. POST goes without a token and must answer a documented 401.
"""
from __future__ import annotations

import pytest
import schemathesis
from api_samples import filled_store
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from dragoman.server import create_app

MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    store = filled_store(tmp_path_factory.mktemp("openapi") / "store.sqlite")

    def no_pipeline():
        raise AssertionError("POST without a token must not reach the pipeline")

    app = create_app(store, token="not-sent-by-the-tests", pipeline_factory=no_pipeline)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


OPERATIONS = [("GET", "/api/events"), ("GET", "/api/events/{event_id}"), ("GET", "/api/stories"),
              ("GET", "/api/stories/{story_id}"), ("GET", "/api/documents"), ("GET", "/api/documents/{doc_id}"),
              ("GET", "/api/timeline"), ("POST", "/api/documents"), ("GET", "/api/jobs/{job_id}"), ("GET", "/api/feeds")]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# One hypothesis test per operation, built here rather than by schemathesis' pytest plugin
# (its fixture-based parametrisation reads a pytest internal that pytest 9 removed).
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_answers_every_generated_request_as_documented(api_schema, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def answers_as_documented(case):
        case.call_and_validate(checks=CHECKS)

    answers_as_documented()


def test_openapi_documents_every_endpoint(api_schema):
    raw = api_schema.raw_schema
    documented = {(method.upper(), path) for path, item in raw["paths"].items() for method in item}
    assert documented == set(OPERATIONS)
    assert raw["paths"]["/api/documents"]["post"]["responses"]["401"]["content"]["application/json"]
    error = raw["paths"]["/api/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorOut"}
