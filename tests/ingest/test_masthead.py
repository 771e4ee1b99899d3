"""A title's trailing publisher name or section is cut; the headline itself is never touched."""
from __future__ import annotations

import pytest

from dragoman.ingest.clean import clean
from dragoman.ingest.head import masthead
from dragoman.model import RawItem


def kept(title: str) -> str:
    return title[:len(title) - masthead(title)]


@pytest.mark.parametrize(("title", "headline"), [
    ("Paris et Alger rouvrent le dialogue sur les visas - Ouest-France", "Paris et Alger rouvrent le dialogue sur les visas"),
    ("Le Caire accueille une réunion sur Gaza | Le Journal de Montréal", "Le Caire accueille une réunion sur Gaza"),
    ("Seoul and Tokyo agree to resume shuttle diplomacy - The Korea Herald", "Seoul and Tokyo agree to resume shuttle diplomacy"),
    ("Talks on grain corridor stall in Ankara | Reuters.com", "Talks on grain corridor stall in Ankara"),
    # several segments, one after the other: a site, a section, a date
    ("Brasília e Buenos Aires assinam acordo - 04/03/2025 - Mundo - Folha", "Brasília e Buenos Aires assinam acordo"),
    ("Nouvelles sanctions européennes contre le régime de Minsk – Actualités de la Suisse et du Monde",
     "Nouvelles sanctions européennes contre le régime de Minsk"),
])
def test_publisher_and_section_are_cut(title: str, headline: str) -> None:
    assert kept(title) == headline


@pytest.mark.parametrize("title", [
    "Russie - États-Unis : reprise des discussions à Istanbul",  # the dash joins two parties
    "US and Russia meet in Istanbul - talks on embassies",  # prose after the dash
    "Macron - Scholz",  # too little would be left
    "The Latest | Tokyo weather forecast shifts rowing schedule",  # the rest would be shorter than the cut
    "Washington et Téhéran se parlent à Mascate",  # nothing to cut
    "غينيا تعلن انسحابها من أولمبياد طوكيو - اليوم السابع",  # an uncased script: no way to tell a name
])
def test_headlines_are_kept_whole(title: str) -> None:
    assert kept(title) == title


def test_headline_record_loses_its_masthead_in_title_and_text() -> None:
    title = "Madrid et Rabat signent un accord migratoire - Le Petit Journal"
    doc = clean(RawItem(source="t", text=title, title=title, language="fr"))
    assert doc.title == doc.text == "Madrid et Rabat signent un accord migratoire"


def test_article_title_line_loses_its_masthead_and_offsets_still_map() -> None:
    raw = ("Ottawa expels two diplomats after spying case | Global Times\n\n"
           "Canada ordered two diplomats to leave the country on Monday, the foreign ministry said.")
    doc = clean(RawItem(source="t", text=raw, language="en"))
    assert doc.title == "Ottawa expels two diplomats after spying case"
    assert "Global Times" not in doc.text
    body = doc.text.index("Canada")
    assert doc.raw_text[doc.offsets.to_raw(body):].startswith("Canada")
