"""A document without a publication date is anchored by its own text, and says so."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.ingest import documents_from_records
from dragoman.pipeline import Pipeline
from fakes import NoEmbedder

TEXTS = {
    "fr": ("Les ministres se sont retrouvés à Oslo le 14 septembre 2019 pour une session de travail. La veille, "
           "le 13 septembre 2019, leurs adjoints avaient préparé le terrain. Une nouvelle réunion aura lieu mardi."),
    "en": ("The two foreign ministers met in Oslo on September 14, 2019, for a working session. A day earlier, on "
           "September 13, 2019, their deputies had prepared the ground. Another meeting is due on Tuesday."),
}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(embedder=NoEmbedder())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_undated_article_takes_the_latest_full_date_it_states_flagged_inferred(pipeline, language):
    [doc] = documents_from_records([{"text": TEXTS[language], "language": language, "title": "Oslo"}])
    [analysis] = pipeline.analyse([doc])
    assert analysis.document.published == date(2019, 9, 14)
    assert "published_inferred" in analysis.document.flags


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_given_publication_date_is_kept_and_not_flagged(pipeline, language):
    [doc] = documents_from_records([{"text": TEXTS[language], "language": language, "published": "2019-09-16"}])
    [analysis] = pipeline.analyse([doc])
    assert analysis.document.published == date(2019, 9, 16) and "published_inferred" not in analysis.document.flags


def test_a_text_without_a_full_date_stays_undated(pipeline):
    text = "Les ministres se sont retrouvés mardi à Oslo pour une session de travail consacrée à la pêche."
    [doc] = documents_from_records([{"text": text, "language": "fr"}])
    [analysis] = pipeline.analyse([doc])
    assert analysis.document.published is None and "published_inferred" not in analysis.document.flags


def test_an_article_stating_no_date_is_read_from_its_story_day_flagged():
    from fakes import TableEmbedder

    embedder = TableEmbedder({"Oslo talks": [1.0, 0.0, 0.0], "Pourparlers d'Oslo": [1.0, 0.0, 0.0]})
    records = [
        {"title": "Oslo talks", "language": "en", "published": "2019-06-18",
         "text": "Oslo talks\n\nNorway and Sweden held talks in Oslo on Monday on fishing quotas."},
        {"title": "Pourparlers d'Oslo", "language": "fr",
         "text": "Pourparlers d'Oslo\n\nLa Norvège et la Suède ont tenu lundi à Oslo des pourparlers sur les quotas "
                 "de pêche. Leurs ministres s'étaient déjà réunis le 3 juin à Stockholm."},
    ]
    result = Pipeline(embedder=embedder).run(list(documents_from_records(records)))
    undated = next(d for d in result.documents if d.language == "fr")
    assert undated.published == date(2019, 6, 18) and "published_from_story" in undated.flags
    days = {(e.date.start, len(e.documents)) for e in result.events if e.type == "CONSULT"}
    assert (date(2019, 6, 17), 2) in days and (date(2019, 6, 3), 1) in days


def test_an_undated_article_alone_in_its_story_stays_undated():
    from fakes import TableEmbedder

    text = "Pourparlers d'Oslo\n\nLa Norvège et la Suède ont tenu lundi à Oslo des pourparlers sur la pêche."
    embedder = TableEmbedder({"Pourparlers d'Oslo": [1.0, 0.0, 0.0]})
    result = Pipeline(embedder=embedder).run(list(documents_from_records([{"text": text, "language": "fr"}])))
    assert result.documents[0].published is None and "published_from_story" not in result.documents[0].flags
