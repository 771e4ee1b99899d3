"""Hand-made documents, stories and events for the API and web tests (no spaCy).

A series of three RUS–USA rounds in Istanbul (French and English sources,
quotes, a date conflict), a few other events for the filters, a failed
document, and an article whose text carries HTML/script injections.
"""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.model import (
    Actor,
    Conflict,
    DateValue,
    Document,
    DocumentAnalysis,
    DocumentError,
    Event,
    Evidence,
    FieldValue,
    Location,
    Person,
    Relation,
    StatusChange,
    Story,
)
from dragoman.store import Store, open_store
from fakes import FakeAssembly, FakePipeline  # noqa: F401 (the API and web tests import them from here)

TOKEN = "s3cret-token"  # the bearer token of the API tests
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

TEXTS = {
    "fr1": ("Istanbul : Moscou et Washington reprennent langue",
            "fr", date(2025, 2, 27),
            "Les délégations russe et américaine se sont réunies jeudi 27 février à Istanbul, "
            "dans la résidence du consul général des États-Unis. La délégation russe était conduite par "
            "Alexandre Darchiev. Les discussions ont porté sur le fonctionnement des ambassades. "
            "La question ukrainienne n'était pas à l'ordre du jour."),
    "en1": ("Russia and US hold embassy talks in Istanbul", "en", date(2025, 2, 28),
            "Russian and American diplomats met in Istanbul on Friday, February 28, to discuss the "
            "work of their embassies. The US side was led by Sonata Coulter. "
            "A second round is expected in the spring."),
    "en2": ("Second round of Russia-US talks ends in Istanbul", "en", date(2025, 4, 10),
            "A second round of consultations between Russia and the United States took place in Istanbul "
            "on April 10. Both sides agreed to meet again in Moscow in June."),
    "fr2": ("Sanctions américaines sur le pétrole russe", "fr", date(2025, 3, 5),
            "Washington a annoncé mercredi de nouvelles sanctions sur le pétrole russe."),
    "xss": (f"Injected {XSS_SCRIPT} title", "en", date(2025, 5, 1),
            f"A press release said {XSS_SCRIPT} and then {XSS_IMG} before the ministers met in Paris. "
            "Paris and Berlin signed an agreement on energy."),
}


def document(key: str) -> Document:
    title, language, published, text = TEXTS[key]
    return Document(id=f"d-{key}", source=f"{key}.txt", text=text, title=title, language=language,
                    published=published, url=f"https://news.example/{key}", content_hash=f"h-{key}",
                    flags=("anonymous_sources",) if key == "en1" else ())


def quote(key: str, words: str) -> Evidence:
    text = TEXTS[key][3]
    start = text.index(words)
    return Evidence(f"d-{key}", start, start + len(words), words)


def day(y: int, m: int, d: int, text: str | None = None) -> DateValue:
    return DateValue(date(y, m, d), date(y, m, d), "day", text)


ISTANBUL = Location("Istanbul", "TUR", 41.01, 28.98, 745044, "résidence du consul général des États-Unis")
RUS_USA = (Actor("RUS", "Russia", "participant", "GOV"), Actor("USA", "United States", "participant", "GOV"))
HEADS = (Person("Alexandre Darchiev", "RUS", "ambassadeur", "head_of_delegation"),
         Person("Sonata Coulter", "USA", "deputy assistant secretary", "head_of_delegation"))


def round_one() -> Event:
    fr_date, en_date = quote("fr1", "jeudi 27 février"), quote("en1", "Friday, February 28")
    fr_place, en_place = quote("fr1", "à Istanbul"), quote("en1", "in Istanbul")
    provenance = (
        ("date", (FieldValue(day(2025, 2, 27, "jeudi 27 février"), "d-fr1", fr_date),
                  FieldValue(day(2025, 2, 28, "Friday, February 28"), "d-en1", en_date))),
        ("location", (FieldValue("Istanbul", "d-fr1", fr_place), FieldValue("Istanbul", "d-en1", en_place))),
        ("location.venue", (FieldValue(ISTANBUL.venue, "d-fr1", quote("fr1", "résidence du consul général")),)),
        ("people", (FieldValue(HEADS[0], "d-fr1", quote("fr1", "conduite par Alexandre Darchiev")),
                    FieldValue(HEADS[1], "d-en1", quote("en1", "led by Sonata Coulter")))),
        ("status", (FieldValue("occurred", "d-fr1", quote("fr1", "se sont réunies")),
                    FieldValue("occurred", "d-en1", quote("en1", "met in Istanbul")))),
        ("topics", (FieldValue(("diplomatic_missions",), "d-fr1", quote("fr1", "fonctionnement des ambassades")),
                    FieldValue(("diplomatic_missions",), "d-en1", quote("en1", "work of their embassies")))),
        ("excluded_topics", (FieldValue(("ukraine_war",), "d-fr1",
                                        quote("fr1", "n'était pas à l'ordre du jour")),)),
    )
    conflict = Conflict("date", ((day(2025, 2, 27, "jeudi 27 février"), ("d-fr1",)),
                                 (day(2025, 2, 28, "Friday, February 28"), ("d-en1",))))
    return Event(id="e-r1", type="CONSULT", status="occurred", mode="third-party", cameo="046", actors=RUS_USA,
                 people=HEADS, location=ISTANBUL, date=day(2025, 2, 27), topics=("diplomatic_missions",),
                 excluded_topics=("ukraine_war",), documents=("d-en1", "d-fr1"), evidence=(fr_place, en_place),
                 conflicts=(conflict,), related=(Relation("e-r2", "next_round"),), provenance=provenance,
                 status_history=(StatusChange("occurred", date(2025, 2, 27), "d-fr1"),
                                 StatusChange("occurred", date(2025, 2, 28), "d-en1")),
                 story="s-talks")


def round_two() -> Event:
    ev = quote("en2", "took place in Istanbul")
    return Event(id="e-r2", type="CONSULT", status="occurred", cameo="046", actors=RUS_USA,
                 location=Location("Istanbul", "TUR", 41.01, 28.98), date=day(2025, 4, 10),
                 topics=("diplomatic_missions",), documents=("d-en2",), evidence=(ev,),
                 related=(Relation("e-r1", "previous_round"), Relation("e-r3", "next_round")),
                 provenance=(("date", (FieldValue(day(2025, 4, 10, "April 10"), "d-en2", quote("en2", "April 10")),)),
                             ("status", (FieldValue("occurred", "d-en2", ev),))),
                 story="s-talks")


def round_three() -> Event:
    ev = quote("en2", "agreed to meet again in Moscow in June")
    return Event(id="e-r3", type="CONSULT", status="planned", actors=RUS_USA,
                 location=Location("Moscow", "RUS", 55.75, 37.62), date=DateValue(date(2025, 6, 1), date(2025, 6, 30),
                                                                                "month", "in June"),
                 topics=("diplomatic_missions",), documents=("d-en2",), evidence=(ev,),
                 related=(Relation("e-r2", "previous_round"),),
                 provenance=(("status", (FieldValue("planned", "d-en2", ev),)),), story="s-talks")


def other_events() -> list[Event]:
    sanction = quote("fr2", "nouvelles sanctions sur le pétrole russe")
    signed = quote("xss", "Paris and Berlin signed an agreement on energy")
    injected = quote("xss", f"said {XSS_SCRIPT} and then {XSS_IMG} before the ministers met")
    return [
        Event(id="e-sanction", type="SANCTION", status="occurred", cameo="163",
              actors=(Actor("USA", "United States", "source", "GOV"), Actor("RUS", "Russia", "target", "GOV")),
              date=day(2025, 3, 5), topics=("sanctions", "energy"), documents=("d-fr2",), evidence=(sanction,),
              provenance=(("status", (FieldValue("occurred", "d-fr2", sanction),)),), story="s-sanctions"),
        Event(id="e-agree", type="AGREE", status="occurred",
              actors=(Actor("FRA", "France", "participant"), Actor("DEU", "Germany", "participant")),
              location=Location("Paris", "FRA", 48.85, 2.35), date=day(2025, 5, 1), topics=("energy",),
              documents=("d-xss",), evidence=(signed, injected),
              provenance=(("status", (FieldValue("occurred", "d-xss", injected),)),), story="s-xss"),
        Event(id="e-undated", type="ACCUSE", status="uncertain",
              actors=(Actor("RUS", "Russia", "source"), Actor("UKR", "Ukraine", "target")),
              documents=("d-fr2",), evidence=(quote("fr2", "Washington a annoncé"),), story="s-sanctions"),
    ]


def all_events() -> list[Event]:
    return [round_one(), round_two(), round_three(), *other_events()]


STORIES = (
    Story("s-talks", "Russia–US embassy talks in Istanbul", ("d-fr1", "d-en1", "d-en2"), ("e-r1", "e-r2", "e-r3")),
    Story("s-sanctions", "Sanctions on Russian oil", ("d-fr2",), ("e-sanction", "e-undated")),
    Story("s-xss", "Paris–Berlin energy deal", ("d-xss",), ("e-agree",)),
)
FAILED = Document(id="d-failed", source="broken.bin", text="", error=DocumentError("E102", "broken.bin looks binary, not text (NUL)"))


def fill(store: Store) -> Store:
    for key in TEXTS:
        store.add_analysis(DocumentAnalysis(document(key)))
    store.add_failed(FAILED)
    story_of = {doc: story.id for story in STORIES for doc in story.documents}
    store.replace_derived(stories=STORIES, events=all_events(), story_of=story_of)
    return store


@pytest.fixture
def store(tmp_path):
    """The hand-made records in a fresh SQLite store (shared by the API and web tests)."""
    filled = filled_store(tmp_path / "store.sqlite")
    yield filled
    filled.close()


def filled_store(path) -> Store:
    return fill(open_store(f"sqlite:///{path}"))


def follow_job(client, response) -> dict:
    """The final state of the job a 202 answer names (polled until done or failed)."""
    import time

    assert response.status_code == 202, response.text
    job = response.json()
    deadline = time.monotonic() + 60
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = client.get(job["url"]).json()
    return job
