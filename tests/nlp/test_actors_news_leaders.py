"""Office-holders of 2017-2025 named without a title: their state within their term, nobody outside it."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from dragoman.model import Document
from dragoman.nlp.leaders import load_leaders
from dragoman.nlp.mentions import find_mentions


def actor_codes(nlp, language: str, text: str, published: date) -> set[str]:
    doc = Document("t", "test", text, language=language, published=published)
    return {m.value.code for m in find_mentions(doc, nlp[language](text), language=language).actors}


@pytest.mark.parametrize(("language", "text", "published", "code"), [
    ("en", "Trump cancelled the summit after Pyongyang's latest statements.", date(2018, 5, 25), "USA"),
    ("fr", "Trump a annulé le sommet après les dernières déclarations de Pyongyang.", date(2018, 5, 25), "USA"),
    ("en", "Zarif said the talks had been useful.", date(2019, 7, 2), "IRN"),
    ("fr", "Zarif a jugé les discussions utiles.", date(2019, 7, 2), "IRN"),
    ("en", "Merkel and Macron spoke on Monday.", date(2020, 6, 1), "DEU"),
    ("fr", "Merkel et Macron se sont parlé lundi.", date(2020, 6, 1), "DEU"),
    ("en", "Vucic rejected the proposal.", date(2023, 3, 1), "SRB"),
    ("fr", "Kurti a rejeté la proposition.", date(2023, 3, 1), "XKX"),
])
def test_earlier_office_holder_is_their_state_within_the_term(nlp, language, text, published, code):
    assert code in actor_codes(nlp, language, text, published)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Merkel and Macron spoke on Monday."),
    ("fr", "Merkel et Macron se sont parlé lundi."),
])
def test_former_office_holder_is_nobody_after_the_term(nlp, language, text):
    assert "DEU" not in actor_codes(nlp, language, text, date(2024, 6, 3))


def test_one_holder_of_each_office_through_the_years():
    leaders = load_leaders()
    handovers = {day for leader in leaders for day in (leader.start, leader.end) if day is not None}
    day = date(2017, 1, 1)
    while day < date(2026, 1, 1):
        if day not in handovers:  # on a handover day both the outgoing and the incoming hold office
            offices = [(leader.code, leader.title, leader.label) for leader in leaders
                       if leader.holds(day) and leader.title != "monarch"]
            assert len(offices) == len(set(offices)), day
        day += timedelta(days=1)
