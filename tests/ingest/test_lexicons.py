"""The cleaning lexicons are data: one file per language, same shape, valid patterns."""
from __future__ import annotations

import json

import pytest

import dragoman.ingest as ingest
from dragoman.config import data_dir
from dragoman.ingest import read_documents
from dragoman.ingest.lexicon import REGIONS, SCOPES, available_languages, lexicon_for


def test_french_and_english_lexicons_exist():
    assert {"fr", "en"} <= set(available_languages())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lexicon_rules_are_well_formed(language):
    raw = json.loads((data_dir() / language / "cleaning.json").read_text(encoding="utf-8"))
    assert raw["language"] == language and raw["sections"]
    for rule in raw["rules"]:
        assert rule["scope"] in SCOPES and rule["where"] in REGIONS, rule["name"]
        assert rule["flag"] in (None, "promotional", "clickbait", "anonymous_sources", "truncated"), rule["name"]
    assert lexicon_for(language).languages == (language,)


def test_languages_have_the_same_rule_families():
    names = {lang: {r.name for r in lexicon_for(lang).rules} for lang in ("fr", "en")}
    assert names["fr"] == names["en"]


def test_unknown_language_gets_the_union():
    union = lexicon_for(None)
    assert set(union.languages) == set(available_languages())
    assert len(union.rules) == sum(len(lexicon_for(lang).rules) for lang in union.languages)
    assert lexicon_for("xx") == union


def test_public_api_names():
    assert set(ingest.__all__) == {
        "Columns", "clean", "detect_language", "document_of", "documents_from_records", "error_document", "iter_raw",
        "read_documents", "read_page"}
    assert all(callable(getattr(ingest, name)) for name in ingest.__all__)


def test_shared_seed_articles_are_cleaned(shared_dir):
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    docs = {doc.source.rsplit("/", 1)[-1][:3]: doc for doc in read_documents(seeds)}
    noisy, plain = docs["003"], docs["000"]
    assert noisy.title and noisy.text.startswith(noisy.title + "\n\n")
    for junk in ("ActualitésInternational", "Cliquez", "Passionné", "sponsoring"):
        assert junk not in noisy.text
    assert {"promotional", "clickbait", "anonymous_sources"} <= set(noisy.flags)
    assert plain.text.count(plain.title) == 1 and not plain.title.startswith("🇺")
    assert plain.flags == ()
