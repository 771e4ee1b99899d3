"""An event that another one follows is reported too: "the visit follows a phone call", "la visite fait
suite à un appel" name two events, a visit and a call, not one."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401  (fixture)

FOLLOWS = [
    ("en", "Madrid and Rabat\nThe minister's trip follows a phone call between Pedro Sánchez and King Mohammed VI "
           "on March 2.", {"ESP", "MAR"}),
    ("fr", "Madrid et Rabat\nLe déplacement du ministre fait suite à un appel téléphonique entre Pedro Sánchez et "
           "le roi Mohammed VI le 2 mars.", {"ESP", "MAR"}),
]


@pytest.mark.parametrize(("language", "text", "parties"), FOLLOWS, ids=[f[0] for f in FOLLOWS])
def test_the_event_followed_is_its_own_event(pipeline, language, text, parties):
    found = candidates(pipeline, text, language, published="2025-03-10")
    calls = [c for c in found if c.type == "CONSULT" and c.mode == "phone"]
    assert calls, [(c.type, c.mode) for c in found]
    assert parties <= {a.code for a in calls[0].actors}
    assert calls[0].date.start is not None and calls[0].date.start.isoformat() == "2025-03-02"


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Madrid et Rabat\nLe ministre s'est rendu à Rabat lundi, après un appel téléphonique entre Pedro Sánchez "
           "et le roi Mohammed VI."),
    ("en", "Madrid and Rabat\nThe minister travelled to Rabat on Monday, after a phone call between Pedro Sánchez "
           "and King Mohammed VI."),
])
def test_a_call_a_scene_recalls_is_its_own_event_not_dated_by_the_trip(pipeline, language, text):
    found = candidates(pipeline, text, language, published="2019-03-13")
    calls = [c for c in found if c.mode == "phone"]
    trips = [c for c in found if c.type == "CONSULT" and c.mode != "phone"]
    assert len(calls) == 1 and {"ESP", "MAR"} <= set(calls[0].actor_codes), [(c.type, c.mode) for c in found]
    assert calls[0].date.start != date(2019, 3, 11)  # Monday is the trip's
    assert [c.date.start for c in trips] == [date(2019, 3, 11)]


@pytest.mark.parametrize(("language", "text", "parties"), FOLLOWS, ids=[f[0] for f in FOLLOWS])
def test_the_date_of_the_event_followed_does_not_date_the_one_that_follows(pipeline, language, text,
                                                                           parties):
    found = candidates(pipeline, text, language, published="2025-03-10")
    trips = [c for c in found if c.type == "CONSULT" and c.mode != "phone"]
    assert trips, [(c.type, c.mode) for c in found]
    assert all(c.date.start is None or c.date.start.isoformat() != "2025-03-02" for c in trips), \
        [(c.mode, c.date) for c in trips]


def test_a_state_phrase_dates_the_clause_it_sets(pipeline):
    text = ("Madrid et Rabat\nEn visite à Rabat lundi, le ministre a eu un entretien téléphonique avec son "
            "homologue marocain.")
    found = candidates(pipeline, text, "fr", published="2025-03-12")
    calls = [c for c in found if c.mode == "phone"]
    assert calls and calls[0].date.start is not None and calls[0].date.start.isoformat() == "2025-03-10"
