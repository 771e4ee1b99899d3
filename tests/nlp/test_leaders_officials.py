"""Officials the news names without their state (a deputy minister, an envoy, a president of the Swiss
Confederation) stand for it during their term (data/common/leaders.json), in either spelling."""
from __future__ import annotations

import pytest

from dragoman.ingest import documents_from_records
from dragoman.pipeline import Pipeline
from fakes import NoEmbedder


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(embedder=NoEmbedder())


def people(pipeline, text: str, language: str, published: str) -> dict[str, str | None]:
    record = {"title": text.split("\n")[0], "text": text, "language": language, "published": published}
    (analysis,) = list(pipeline.analyse(documents_from_records([record])))
    return {m.value.name: m.value.actor for m in analysis.mentions if m.kind == "person"}


OFFICIALS = [
    ("fr", "Réunion\n\nLe vice-ministre Sergueï Riabkov conduisait la délégation.", "2021-09-30",
     "Riabkov", "RUS"),
    ("en", "Meeting\n\nDeputy Foreign Minister Sergei Ryabkov led the other side.", "2021-09-30",
     "Ryabkov", "RUS"),
    ("fr", "Sommet\n\nLe président de la Confédération, Guy Parmelin, a accueilli les deux dirigeants.", "2021-06-16",
     "Guy Parmelin", "CHE"),
    ("en", "Summit\n\nGuy Parmelin, the Swiss Confederation's president, welcomed the two leaders.", "2021-06-16",
     "Guy Parmelin", "CHE"),
    ("fr", "Doha\n\nL'émissaire Zalmay Khalilzad a repris les discussions.", "2019-12-07", "Zalmay Khalilzad", "USA"),
    ("en", "Doha\n\nEnvoy Zalmay Khalilzad resumed the talks.", "2019-12-07", "Zalmay Khalilzad", "USA"),
]


@pytest.mark.parametrize(("language", "text", "published", "name", "code"), OFFICIALS)
def test_leaders_official_stands_for_its_state_in_term(pipeline, language, text, published, name, code):
    found = people(pipeline, text, language, published)
    assert [actor for person, actor in found.items() if name in person] == [code]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_leaders_president_of_a_year_is_not_the_next_years(pipeline, language):
    text = {"fr": "Sommet\n\nGuy Parmelin a accueilli les deux dirigeants.",
            "en": "Summit\n\nGuy Parmelin welcomed the two leaders."}[language]
    assert people(pipeline, text, language, "2023-06-16").get("Guy Parmelin") != "CHE"
