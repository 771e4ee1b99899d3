"""Stories, documents, and POST /api/documents with its bearer token."""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from api_samples import TOKEN

from dragoman.contract import document_json, story_json

ARTICLE = {"text": "Le ministre français des Affaires étrangères s'est rendu à Berlin mardi pour des entretiens "
                   "avec son homologue allemand sur la sécurité européenne.",
           "title": "Visite à Berlin", "language": "fr", "published": "2025-06-03", "id": "posted-1"}


def test_stories_list_in_order_with_total(client):
    body = client.get("/api/stories").json()
    assert [s["id"] for s in body["items"]] == ["s-talks", "s-sanctions", "s-xss"]
    assert body["total"] == 3


def test_story_detail_has_its_documents_across_languages_and_events(client, store):
    body = client.get("/api/stories/s-talks").json()
    assert body["story"] == story_json(store.story("s-talks"))
    assert [(d["id"], d["language"], d["story"]) for d in body["documents"]] == [
        ("d-fr1", "fr", "s-talks"), ("d-en1", "en", "s-talks"), ("d-en2", "en", "s-talks")]
    assert [e["id"] for e in body["events"]] == ["e-r1", "e-r2", "e-r3"]


def test_unknown_story_is_404(client):
    assert client.get("/api/stories/none").json()["error"]["message"] == "story 'none' not found"


@pytest.mark.parametrize(("params", "expected", "total"), [
    ({}, ["d-fr1", "d-en1", "d-en2", "d-fr2", "d-xss", "d-failed"], 6),
    ({"errors": "true"}, ["d-failed"], 1),
    ({"errors": "false"}, ["d-fr1", "d-en1", "d-en2", "d-fr2", "d-xss"], 5),
    ({"language": "fr"}, ["d-fr1", "d-fr2"], None),
    ({"limit": 2, "offset": 4}, ["d-xss", "d-failed"], 6),
])
def test_documents_list_and_filters(client, params, expected, total):
    body = client.get("/api/documents", params=params).json()
    assert [d["id"] for d in body["items"]] == expected
    assert body["total"] == total


def test_documents_pagination_next_only_when_more(client):
    first = client.get("/api/documents", params={"limit": 4}).json()
    assert "offset=4" in first["next"]
    assert client.get(first["next"]).json()["next"] is None


def test_document_detail_has_cleaned_text_and_evidence_spans(client, store):
    body = client.get("/api/documents/d-fr1").json()
    doc = store.document("d-fr1")
    assert {k: body[k] for k in document_json(doc)} == document_json(doc, story="s-talks")
    assert body["text"] == doc.text
    spans = body["spans"]
    assert all(body["text"][s["start"]:s["end"]] == s["text"] for s in spans)
    assert {"jeudi 27 février", "à Istanbul", "résidence du consul général"} <= {s["text"] for s in spans}
    assert {s["event"] for s in spans} == {"e-r1"}


def test_failed_document_shows_its_error(client):
    body = client.get("/api/documents/d-failed").json()
    assert body["error"].startswith("[E102]") and body["text"] == ""


def test_unknown_document_is_404(client):
    response = client.get("/api/documents/zzz")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "E404")


# ------------------------------------------------------------------ POST

def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ingested(client, body) -> dict:
    """POST, then follow the job until it is done; its report."""
    response = client.post("/api/documents", json=body, headers=auth(TOKEN))
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == job["url"] == f"/api/jobs/{job['id']}"
    deadline = time.monotonic() + 60
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = client.get(job["url"]).json()
    assert job["status"] == "done", job
    return job["report"]


def test_post_without_a_configured_token_is_always_401(make_client, pipeline):
    client = make_client(token="")
    for headers in ({}, auth(""), auth("anything")):
        response = client.post("/api/documents", json=ARTICLE, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "E502"
        assert response.headers["www-authenticate"] == "Bearer"
    assert pipeline.analysed == []


@pytest.mark.parametrize("headers", [{}, auth("wrong"), auth(TOKEN + "x"), {"Authorization": TOKEN}])
def test_post_with_a_missing_or_wrong_token_is_401(client, pipeline, headers):
    response = client.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"] == {"code": "E502", "status": 401,
                                        "message": "not authorised: missing or wrong bearer token"}
    assert pipeline.analysed == []


def test_post_is_401_before_the_body_is_even_validated(client):
    assert client.post("/api/documents", json={"nonsense": 1}).status_code == 401


def test_post_with_the_token_queues_a_job_that_ingests(client, store, pipeline):
    report = ingested(client, ARTICLE)
    assert report["added"] == ["posted-1"] and report["failed"] == []
    assert report["summary"] == "1 added, 0 already present, 0 failed"
    assert pipeline.analysed == ["posted-1"]
    doc = client.get("/api/documents/posted-1").json()
    assert (doc["title"], doc["language"], doc["published"], doc["story"]) == ("Visite à Berlin", "fr",
                                                                                "2025-06-03", "s-all")


def test_post_with_a_publication_time_keeps_it_in_utc(client, store):
    timed = {**ARTICLE, "published": "2025-06-03T09:15:00+02:00"}
    assert ingested(client, timed)["added"] == ["posted-1"]
    assert client.get("/api/documents/posted-1").json()["published"] == "2025-06-03"
    stored = store.document("posted-1")
    assert (stored.published, stored.published_at) == (date(2025, 6, 3), datetime(2025, 6, 3, 7, 15))


def test_post_a_list_and_the_same_content_again_is_skipped(client):
    second = {**ARTICLE, "id": "posted-2", "text": ARTICLE["text"].replace("Berlin", "Rome")}
    first = ingested(client, [ARTICLE, second])
    assert first["added"] == ["posted-1", "posted-2"]
    again = ingested(client, [ARTICLE])
    assert (again["added"], len(again["skipped"])) == ([], 1)


def test_post_an_unreadable_article_is_400_naming_it_and_stores_nothing(client, store, pipeline):
    before = store.counts()
    response = client.post("/api/documents", json=[ARTICLE, {"title": "no body"}], headers=auth(TOKEN))
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["status"]) == ("E108", 400)
    assert error["message"].startswith("posted document <api>#1 cannot be used: [E106]")
    assert store.counts() == before and pipeline.analysed == []


def test_post_a_too_short_article_is_400(client):
    response = client.post("/api/documents", json={"text": "Trop court."}, headers=auth(TOKEN))
    assert (response.status_code, response.json()["error"]["code"]) == (400, "E108")
    assert "<api>#0" in response.json()["error"]["message"]


def test_post_an_oversized_article_is_400(make_client):
    client = make_client(max_bytes=100)
    response = client.post("/api/documents", json={**ARTICLE, "text": "x" * 101}, headers=auth(TOKEN))
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "<api>#0 is 101 bytes, over the limit of 100 bytes"


@pytest.mark.parametrize("body", [{"text": 3}, {"text": "x", "colour": "red"}, "just a string", [1, 2]])
def test_post_a_malformed_body_is_422(client, body):
    response = client.post("/api/documents", json=body, headers=auth(TOKEN))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E501"


def test_post_too_many_articles_is_400(client):
    response = client.post("/api/documents", json=[ARTICLE] * 101, headers=auth(TOKEN))
    assert response.status_code == 400
    assert "at most 100 articles" in response.json()["error"]["message"]


def test_an_unknown_job_is_404(client):
    response = client.get("/api/jobs/job-nothing")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "E404")


def test_jobs_left_unfinished_by_a_killed_server_run_when_it_starts(make_client, store, pipeline):
    store.add_job("job-left-running", [ARTICLE])
    assert store.claim_job().status == "running"  # the server was killed while it ran
    with make_client() as client:  # startup starts the writer
        deadline = time.monotonic() + 60
        while client.get("/api/jobs/job-left-running").json()["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get("/api/jobs/job-left-running").json()["report"]["added"] == ["posted-1"]
    assert pipeline.analysed == ["posted-1"]
