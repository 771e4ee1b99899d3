"""A capital after a partner preposition is a party, not the meeting's place ("des pourparlers avec
Washington"), and a partitive object the parser hung on a time adverbial ("a tenu lundi des pourparlers")
is still what the verb holds; "le sommet de Singapour" stays a place."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Pourparlers\n\nTéhéran a tenu lundi des pourparlers avec Washington à Oman.", "pourparlers"),
    ("fr", "Pourparlers\n\nTéhéran a eu des pourparlers avec Washington lundi à Mascate.", "pourparlers"),
    ("en", "Talks\n\nTehran held talks with Washington in Oman on Monday.", "talks"),
])
def test_talks_with_a_capital_are_talks_with_its_state(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-04-10") if c.trigger == trigger]
    assert [c.type for c in found] == ["CONSULT"]
    assert set(found[0].actor_codes) == {"IRN", "USA"}
    assert found[0].date.start == date(2019, 4, 8)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Sommet\n\nLe sommet de Singapour entre les États-Unis et la Corée du Nord s'est tenu mardi."),
])
def test_a_capital_completing_a_meeting_noun_stays_its_place(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2018-06-13") if c.type == "CONSULT"]
    assert found and all("SGP" not in c.actor_codes for c in found)
