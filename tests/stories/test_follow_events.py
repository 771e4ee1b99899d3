"""Stories follow events: reports whose news resolves to one event are one story, whatever their wording."""
from __future__ import annotations

from datetime import date

from dragoman.model import Actor, DateValue, Document, DocumentAnalysis, EventCandidate, Evidence, Location
from dragoman.stories import assemble
from fakes import TableEmbedder

ARM, AZE = Actor("ARM", "Armenia"), Actor("AZE", "Azerbaijan")
BRUSSELS = Location("Brussels", "BEL", 50.85, 4.35, 2800866)


def report(doc_id: str, title: str, language: str, held: date, *, background: date | None = None) -> DocumentAnalysis:
    text = f"{title}\n(body)"
    doc = Document(doc_id, f"{doc_id}.txt", text, title=title, language=language, published=date(2022, 9, 1))
    cands = [EventCandidate(doc_id, "CONSULT", "occurred", actors=(ARM, AZE), location=BRUSSELS,
                            date=DateValue(held, held, "day"), evidence=(Evidence(doc_id, 0, 5, title[:5]),))]
    if background:
        cands.append(EventCandidate(doc_id, "CONSULT", "occurred", actors=(ARM, AZE), location=BRUSSELS,
                                    date=DateValue(background, background, "day"), background=True,
                                    evidence=(Evidence(doc_id, 2, 7, title[2:7]),)))
    return DocumentAnalysis(doc, (), tuple(cands))


TITLES = {"Bruxelles : Aliev et Pachinian se retrouvent": [1.0, 0.0, 0.0],
          "Leaders meet again under EU auspices": [0.0, 1.0, 0.0],
          "A quiet summer on the border": [0.0, 0.0, 1.0]}


def test_reports_of_one_event_far_apart_in_wording_are_one_story():
    fr = report("fr", "Bruxelles : Aliev et Pachinian se retrouvent", "fr", date(2022, 8, 31))
    en = report("en", "Leaders meet again under EU auspices", "en", date(2022, 8, 31))
    result = assemble([fr, en], embedder=TableEmbedder(TITLES))
    assert [sorted(s.documents) for s in result.stories] == [["en", "fr"]]


def test_a_report_that_only_recalls_the_event_keeps_its_own_story():
    news = report("fr", "Bruxelles : Aliev et Pachinian se retrouvent", "fr", date(2022, 8, 31))
    later = report("en", "A quiet summer on the border", "en", date(2022, 9, 30), background=date(2022, 8, 31))
    result = assemble([news, later], embedder=TableEmbedder(TITLES))
    assert sorted(sorted(s.documents) for s in result.stories) == [["en"], ["fr"]]
