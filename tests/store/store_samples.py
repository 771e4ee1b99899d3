"""Small hand-made records for the store tests, in French and English."""
from __future__ import annotations

from datetime import date

from dragoman.model import (
    Actor,
    DateValue,
    Document,
    DocumentAnalysis,
    Event,
    EventCandidate,
    Evidence,
    Location,
    Mention,
    OffsetMap,
    Person,
    Story,
)


def doc(n: int, *, language: str = "fr", error: str | None = None, text: str | None = None) -> Document:
    body = f"Article {n}: Paris et Berlin signent un accord." if text is None else text
    return Document(id=f"d{n}", source=f"a{n}.txt", text=body, title=f"Titre {n}", language=language,
                    published=date(2024, 1, n % 28 + 1), url=f"https://example.org/{n}", flags=("truncated",),
                    error=error, content_hash=f"h{n}" if body else "", raw_text=f"<p>{body}</p>",
                    offsets=OffsetMap(((0, 3, len(body)),)))


def analysis(n: int, *, language: str = "fr") -> DocumentAnalysis:
    document = doc(n, language=language)
    mentions = (Mention("actor", 13, 18, "Paris", 0, Actor("FRA", "France")),
                Mention("person", 0, 5, "Macron", 0, Person("Emmanuel Macron", "FRA", "président")),
                Mention("place", 13, 18, "Paris", 0, Location("Paris", "FRA", 48.85, 2.35)),
                Mention("date", 0, 4, "hier", 0, DateValue(date(2024, 1, 9), date(2024, 1, 9), "day", "hier")),
                Mention("trigger", 29, 35, "signent", 0, "AGREE"))
    cand = EventCandidate(document=document.id, type="AGREE", status="occurred",
                          actors=(Actor("FRA", "France", "participant"), Actor("DEU", "Germany", "participant")),
                          location=Location("Paris", "FRA"), date=DateValue(date(2024, 1, 9), None, "day"),
                          topics=("trade",), evidence=(Evidence(document.id, 0, 10, document.text[:10]),))
    return DocumentAnalysis(document, mentions, (cand, cand))


def event(event_id: str, event_type: str, status: str, codes: tuple[str, ...], *, start: date | None = None,
          end: date | None = None, topics: tuple[str, ...] = (), evidence: str = "", place: str | None = None,
          story: str | None = None) -> Event:
    return Event(id=event_id, type=event_type, status=status,  # type: ignore[arg-type]
                 actors=tuple(Actor(code, code) for code in codes),
                 location=Location(place) if place else None,
                 date=DateValue(start, end, "day" if start else "unknown"), topics=topics,
                 documents=("d1",), evidence=(Evidence("d1", 0, len(evidence), evidence),), story=story)


EVENTS = (
    event("e1", "AGREE", "occurred", ("FRA", "DEU"), start=date(2024, 1, 10), end=date(2024, 1, 10),
          topics=("trade",), evidence="Paris and Berlin signed a deal", place="Paris", story="s1"),
    event("e2", "CONSULT", "planned", ("FRA", "USA"), start=date(2024, 2, 1), end=date(2024, 2, 29),
          topics=("security",), evidence="Les ministres se rencontreront en février", place="Washington"),
    event("e3", "SANCTION", "occurred", ("USA", "RUS"), start=date(2024, 3, 5), end=date(2024, 3, 5),
          topics=("trade", "energy"), evidence="Des sanctions à 100% sur le PÉTROLE russe"),
    event("e4", "ACCUSE", "uncertain", ("RUS", "UKR"), evidence="Moscou accuse Kiev"),
    event("e5", "AGREE", "cancelled", ("FRA",), end=date(2024, 1, 31), evidence="L'accord est annulé"),
)
STORIES = (Story("s2", "Sanctions", ("d2",), ("e3",)), Story("s1", "Accord franco-allemand", ("d1",), ("e1",)))
