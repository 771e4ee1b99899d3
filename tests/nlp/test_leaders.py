"""Office-holders named without a title count as their state (GOV) and as people with a title."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.events import code_doc, contract_events
from dragoman.model import Document
from dragoman.nlp.leaders import find_leaders, load_leaders
from dragoman.nlp.mentions import find_mentions


def mentions_of(nlp, language: str, text: str, published: date | None):
    doc = Document("t", "test", text, language=language, published=published)
    return find_mentions(doc, nlp[language](text), language=language)


def coded(nlp, language: str, text: str, published: date | None = date(2025, 6, 2)) -> list[dict]:
    sdoc = nlp[language](text)
    found = mentions_of(nlp, language, text, published)
    return contract_events(code_doc(sdoc, found.actors, language=language))


@pytest.mark.parametrize(("language", "text", "kind", "mode", "parties"), [
    ("en", "Macron met Xi in Beijing on Thursday.", "CONSULT", None, {"FRA", "CHN"}),
    ("fr", "Macron a rencontré Xi Jinping jeudi à Pékin.", "CONSULT", None, {"FRA", "CHN"}),
    ("fr", "Lavrov et Rubio se sont parlé au téléphone mardi.", "CONSULT", "phone", {"RUS", "USA"}),
    ("en", "Lavrov and Rubio spoke by phone on Tuesday.", "CONSULT", "phone", {"RUS", "USA"}),
    ("en", "Erdogan hosted Zelensky in Ankara.", "CONSULT", "host", {"TUR", "UKR"}),
    ("fr", "Erdogan a reçu Zelensky à Ankara.", "CONSULT", "host", {"TUR", "UKR"}),
    ("en", "Starmer and Merz signed a friendship treaty in London.", "SUPPORT", None, {"GBR", "DEU"}),
    ("fr", "Sánchez a critiqué Meloni.", None, None, set()),
])
def test_untitled_leader_is_their_state(nlp, language, text, kind, mode, parties):
    events = coded(nlp, language, text)
    if kind is None:  # a name not on the list stays nobody: no party for Spain
        assert all("ESP" not in e["source"] + e["target"] for e in events)
        return
    assert any(e["type"] == kind and (mode is None or e["mode"] == mode)
               and parties <= set(e["source"]) | set(e["target"]) for e in events), events


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Scholz met Macron in Paris."),
    ("fr", "Scholz a rencontré Macron à Paris."),
])
@pytest.mark.parametrize(("published", "german"), [(date(2024, 11, 4), True), (date(2025, 9, 1), False)])
def test_leader_counts_only_within_the_term_of_office(nlp, language, text, published, german):
    codes = {m.value.code for m in mentions_of(nlp, language, text, published).actors}
    assert ("DEU" in codes) is german
    assert "FRA" in codes


@pytest.mark.parametrize(("language", "text", "name", "code", "title"), [
    ("fr", "M. Lavrov a dénoncé mardi les sanctions occidentales.", "Sergei Lavrov", "RUS", "ministre"),
    ("en", "Lavrov denounced the Western sanctions on Tuesday.", "Sergei Lavrov", "RUS", "minister"),
    ("fr", "Keir Starmer a reçu Emmanuel Macron à Londres.", "Emmanuel Macron", "FRA", "président"),
    ("en", "Keir Starmer received Emmanuel Macron in London.", "Emmanuel Macron", "FRA", "president"),
])
def test_untitled_leader_is_a_person_with_title_and_affiliation(nlp, language, text, name, code, title):
    people = [m.value for m in mentions_of(nlp, language, text, date(2025, 7, 8)).people]
    person = next((p for p in people if p.name == name), None)
    assert person is not None, people
    assert person.actor == code
    assert person.title and title in person.title.lower()


def test_a_title_in_the_text_wins_over_the_list(nlp):
    text = "Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé à Pékin."
    people = [m.value for m in mentions_of(nlp, "fr", text, date(2025, 4, 1)).people]
    lavrov = next(p for p in people if "Lavrov" in p.name)
    assert lavrov.name == "Sergueï Lavrov" and "affaires étrangères" in (lavrov.title or "").lower()


def test_leader_list_terms_are_consistent():
    for leader in load_leaders():
        assert leader.start is None or leader.end is None or leader.start <= leader.end, leader.name
    day = date(2025, 3, 1)
    holders = [leader for leader in load_leaders() if leader.holds(day)]
    offices = [(leader.code, leader.title, leader.label) for leader in holders if leader.title != "monarch"]
    assert len(offices) == len(set(offices)), "two holders of one office on the same day"


def test_names_match_whole_words_only():
    assert find_leaders("Les Trumpistes et la Xinjiang Airlines", date(2025, 3, 1)) == []
