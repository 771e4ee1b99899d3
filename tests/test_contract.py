"""Sources are cited as an analyst names them: the outlet, its title and its date."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.contract import outlet, result_json, source_json
from dragoman.model import Actor, DateValue, Document, Event, Result


@pytest.mark.parametrize(("doc", "expected"), [
    (Document("d1", "feeds/wire.xml#3", "x", outlet="Le Fil diplomatique"), "Le Fil diplomatique"),
    (Document("d2", "page.html", "x", url="https://www.lecourrier.example/monde/1"), "lecourrier.example"),
    (Document("d3", "/data/articles/rappel-ambassadeur.txt", "x"), "rappel-ambassadeur.txt"),
    (Document("d4", "<api>#2", "x", url="not a url"), "<api>"),
])
def test_the_outlet_is_the_given_name_else_the_host_else_the_file(doc, expected):
    assert outlet(doc) == expected


def test_extract_json_cites_every_source_of_an_event():
    doc = Document("d1", "a.txt", "x", title="Rappel de l'ambassadeur", published=date(2021, 9, 18),
                   url="https://lavigie.example/a")
    event = Event("e1", "SANCTION", "occurred", actors=(Actor("FRA", "France"), Actor("USA", "United States")),
                  date=DateValue(date(2021, 9, 17), date(2021, 9, 17), "day"), documents=("d1",))
    [out] = result_json(Result((doc,), (), (event,)))["events"]
    assert out["sources"] == [source_json(doc)]
    assert out["sources"][0] == {"document": "d1", "outlet": "lavigie.example", "title": "Rappel de l'ambassadeur",
                                      "published": "2021-09-18", "url": "https://lavigie.example/a"}
