"""A date the trigger's own phrase holds dates the event before a nearer date of the clause around it."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

# published Wednesday 2025-03-12: "mardi"/"Tuesday" is the 11th, "lundi"/"Monday" the 10th


def meeting_dates(found, trigger: str) -> list[tuple[date | None, date | None]]:
    return [(c.date.start, c.date.end) for c in found if c.type == "CONSULT" and c.trigger == trigger]


@pytest.mark.parametrize(("text", "trigger", "when"), [
    # the participle hangs on "annulation", the noun whose complement the trigger is
    ("Le sommet entre Paris et Alger est annulé\n\nLa France a annoncé mardi l'annulation de la rencontre "
     "entre Emmanuel Macron et Abdelmadjid Tebboune, prévue le 20 mars à Alger.",
     "rencontre", (date(2025, 3, 20), date(2025, 3, 20))),
    ("Moscou annule une réunion avec Kiev\n\nLa Russie a annulé lundi la réunion avec l'Ukraine qui devait "
     "se tenir à Istanbul la semaine prochaine.",
     "réunion", (date(2025, 3, 17), date(2025, 3, 23))),
])
def test_planned_date_of_a_called_off_meeting_is_not_the_announcement_day(pipeline, text, trigger, when):
    found = candidates(pipeline, text, "fr")
    dated = meeting_dates(found, trigger)
    assert when in dated
    assert set(dated) <= {when, (None, None)}  # the headline's own mention may stay undated
    assert {c.status for c in found if c.trigger == trigger} == {"cancelled"}


@pytest.mark.parametrize(("language", "text", "trigger", "when"), [
    ("fr", "Le Maroc et l'Espagne se sont réunis\n\nLa rencontre entre les ministres marocain et espagnol a eu "
     "lieu mardi à Rabat.", "rencontre", (date(2025, 3, 11), date(2025, 3, 11))),
    ("en", "Japan and China hold talks\n\nJapanese and Chinese officials met on Monday in Beijing, the ministry "
     "said on Tuesday.", "met", (date(2025, 3, 10), date(2025, 3, 10))),
])
def test_a_date_outside_the_phrase_still_dates_the_event(pipeline, language, text, trigger, when):
    assert meeting_dates(candidates(pipeline, text, language), trigger) == [when]


def test_english_planned_for_a_day(pipeline):
    """ "set for 20 March" is the day it was meant to happen ("for" before a date is no duration)."""
    text = ("Hanoi postpones summit\n\nVietnam announced on Tuesday the postponement of the summit with South "
            "Korea set for 20 March in Hanoi.")
    dated = meeting_dates(candidates(pipeline, text, "en"), "summit")
    assert (date(2025, 3, 20), date(2025, 3, 20)) in dated
    assert set(dated) <= {(date(2025, 3, 20), date(2025, 3, 20)), (None, None)}


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Moscou annule une réunion avec Kiev\n\nLa Russie a annulé lundi la réunion avec l'Ukraine prévue à "
     "Istanbul.", "réunion"),
    ("en", "Japan and China cancel talks\n\nOn Monday, Tokyo called off the meeting with Chinese officials in "
     "Beijing.", "meeting"),
    ("en", "Talks postponed\n\nThe talks between Iran and the United States were postponed on Monday, Oman said.",
     "talks"),
])
def test_called_off_meeting_without_its_own_date_is_undated(pipeline, language, text, trigger):
    """Monday is when it was called off; the meeting itself did not happen then."""
    found = candidates(pipeline, text, language)
    assert meeting_dates(found, trigger) and set(meeting_dates(found, trigger)) == {(None, None)}
    assert any(c.date.start == date(2025, 3, 10) for c in found if c.type == "REJECT")


def test_meeting_of_a_named_day_called_off_keeps_that_day(pipeline):
    found = candidates(pipeline, "Sommet annulé\n\nLe sommet de mardi entre la France et l'Algérie a été annulé.", "fr")
    assert meeting_dates(found, "sommet") == [(date(2025, 3, 11), date(2025, 3, 11))]
