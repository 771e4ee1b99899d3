"""Stories over our own 2025 news set: 23 French and English reports of 10 real stories.

``fixtures/news_2025.jsonl`` (written by us, see its records' ``story`` label)
holds the hard cases of story clustering: three rounds of US–Iran talks, two
of them in Muscat two weeks apart; three rounds of Russia–Ukraine talks in
Istanbul; two EU sanctions packages against Russia three months apart; a
summit announced two days before it was held; a wire story and its copy on
another site. Each test runs the whole pipeline (extraction, dates, actors,
clustering) over the set.
"""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from dragoman.ingest import documents_from_records
from dragoman.pipeline import Pipeline
from dragoman.stories.embedders import embedder_named

FIXTURE = Path(__file__).parent / "fixtures" / "news_2025.jsonl"


def records() -> list[dict]:
    with open(FIXTURE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module", params=["e5", "use"])
def result(request):
    """The whole pipeline over the set, with each story embedder and its own calibration."""
    docs = list(documents_from_records(records(), source=str(FIXTURE)))
    assert all(doc.ok for doc in docs), [doc.error for doc in docs if not doc.ok]
    return Pipeline(embedder=embedder_named(request.param)).run(docs)


@pytest.fixture(scope="module")
def story_of(result) -> dict[str, str]:
    """Record id -> predicted story id."""
    by_doc = dict(result.story_of)
    return {doc.url.rsplit("/", 1)[-1]: by_doc[doc.id] for doc in result.documents}


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    precision = recall = 0.0
    for item in gold:
        same_pred = {j for j in gold if pred[j] == pred[item]}
        same_gold = {j for j in gold if gold[j] == gold[item]}
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    return precision / len(gold), recall / len(gold)


def test_stories_match_the_labels_closely(story_of):
    gold = {r["id"]: r["story"] for r in records()}
    precision, recall = bcubed(gold, story_of)
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= 0.95 and f1 >= 0.9, (precision, recall, sorted(story_of.items()))


@pytest.mark.parametrize("story", ["iran-r1", "iran-r2", "iran-r3", "ruua-r1", "ruua-r2", "ruua-r3",
                                   "usru-riyadh", "eu-16", "eu-17", "alaska"])
def test_french_and_english_reports_of_one_story_are_one_story(story, story_of):
    members = [r["id"] for r in records() if r["story"] == story]
    assert {r["language"] for r in records() if r["story"] == story} == {"fr", "en"}
    assert len({story_of[m] for m in members}) == 1, {m: story_of[m] for m in members}


@pytest.mark.parametrize("first, second", [("iran-r1", "iran-r3"), ("iran-r1", "iran-r2"), ("iran-r2", "iran-r3"),
                                           ("ruua-r1", "ruua-r2"), ("ruua-r2", "ruua-r3"), ("ruua-r1", "ruua-r3"),
                                           ("eu-16", "eu-17")])
def test_rounds_between_the_same_parties_are_different_stories(first, second, story_of):
    ours = {story_of[r["id"]] for r in records() if r["story"] == first}
    theirs = {story_of[r["id"]] for r in records() if r["story"] == second}
    assert not ours & theirs


def test_every_pair_of_stories_stays_apart(story_of):
    by_label: dict[str, set[str]] = {}
    for rec in records():
        by_label.setdefault(rec["story"], set()).add(story_of[rec["id"]])
    for (a, ours), (b, theirs) in combinations(sorted(by_label.items()), 2):
        assert not ours & theirs, (a, b)


def test_one_of_the_two_wire_copies_is_flagged_and_no_other_report(result):
    flagged = {doc.url.rsplit("/", 1)[-1] for doc in result.documents if "near_duplicate" in doc.flags}
    assert len(flagged) == 1 and flagged < {"continental-en-20250412-iran", "globalpost-en-20250412-iran-wire"}
