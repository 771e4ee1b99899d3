"""POST /api/documents under issue #15: a body over the limit is 413 with the API's JSON error shape."""
from __future__ import annotations

import json

from api_samples import TOKEN, follow_job

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"text": "Les ministres des affaires étrangères du Chili et de la Norvège se sont entretenus mardi à Oslo "
                   "sur la pêche et le commerce.", "title": "Entretiens à Oslo", "language": "fr", "id": "limit-1"}


def test_a_body_over_the_limit_is_413_and_stores_nothing(make_client, pipeline, store):
    client = make_client(max_request_bytes=2_000)
    before = store.counts()
    big = {**ARTICLE, "text": ARTICLE["text"] * 40}
    response = client.post("/api/documents", json=big, headers=AUTH)
    assert response.status_code == 413
    error = response.json()["error"]
    assert (error["code"], error["status"]) == ("E504", 413)
    assert "over the limit of 2000 bytes" in error["message"]
    assert pipeline.analysed == [] and store.counts() == before


def test_a_streamed_body_without_length_is_counted(make_client, pipeline):
    client = make_client(max_request_bytes=2_000)
    chunks = [json.dumps({**ARTICLE, "text": ARTICLE["text"] * 40}).encode("utf-8")[i:i + 500]
              for i in range(0, 6_000, 500)]
    response = client.post("/api/documents", content=iter(chunks),
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E504"
    assert pipeline.analysed == []


def test_a_body_within_the_limit_is_ingested(make_client, pipeline):
    client = make_client(max_request_bytes=2_000)
    job = follow_job(client, client.post("/api/documents", json=ARTICLE, headers=AUTH))
    assert job["status"] == "done" and job["report"]["added"] == ["limit-1"] and pipeline.analysed == ["limit-1"]


def test_a_posted_text_over_the_character_limit_is_truncated_and_flagged(make_client, store):
    client = make_client(max_chars=300)
    long = {**ARTICLE, "text": " ".join([ARTICLE["text"]] * 10)}
    job = follow_job(client, client.post("/api/documents", json=long, headers=AUTH))
    assert job["report"]["added"] == ["limit-1"]
    doc = store.document("limit-1")
    assert "truncated" in doc.flags and len(doc.text) <= 300 and doc.text.endswith("commerce.")
