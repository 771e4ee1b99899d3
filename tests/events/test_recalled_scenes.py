"""A scene that reports what happened is read for its event in extraction: "after their meeting on Sunday",
"before the two leaders sat down for talks", "quand les deux dirigeants se sont retrouvés". A scene that
only sets conditions or a future ("if they meet", "avant que les deux dirigeants ne se retrouvent") is not;
nor is any scene when sentences are coded on PLOVER's conventions."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

from dragoman.events.coder import code_doc
from dragoman.ingest import documents_from_records
from dragoman.nlp import load_pipeline
from dragoman.nlp.mentions import find_mentions


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "At the border\n\nDonald Trump walked past the border at Panmunjom alongside Kim Jong Un on Sunday, "
     "before the two leaders sat down for talks.", "talks"),
    ("en", "A good man\n\nAfter their meeting in Hanoi on Sunday, Donald Trump said Kim Jong Un was a good man.",
     "meeting"),
    ("fr", "Un homme bien\n\nAprès leur rencontre à Hanoï dimanche, Donald Trump a affirmé que Kim Jong Un était un "
     "homme bien.", "rencontre"),
    ("fr", "À la frontière\n\nDonald Trump a franchi dimanche la ligne de démarcation aux côtés de Kim Jong Un, "
     "quand les deux dirigeants se sont retrouvés à Panmunjom.", "retrouvés"),
])
def test_a_scene_that_reports_a_meeting_yields_it(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-30") if c.trigger == trigger]
    assert [c.type for c in found] == ["CONSULT"]
    assert {"USA", "PRK"} <= set(found[0].actor_codes)
    assert found[0].status == "occurred"
    assert found[0].date.start in (None, date(2019, 6, 30))


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Conditions\n\nDonald Trump said he would lift sanctions if he met Kim Jong Un in Hanoi."),
    ("en", "A call\n\nDonald Trump called Moon Jae-in before meeting Kim Jong Un."),
    ("fr", "Conditions\n\nDonald Trump a franchi la frontière aux côtés de Kim Jong Un, avant que les deux "
     "dirigeants ne se retrouvent à Panmunjom."),
])
def test_a_scene_of_conditions_or_of_what_is_to_come_yields_no_meeting(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-30") if c.type == "CONSULT"]
    assert all(c.status != "occurred" for c in found)


@pytest.mark.parametrize("language", ["en"])
def test_sentence_coding_leaves_every_scene_out(language):
    text = "Donald Trump walked past the border alongside Kim Jong Un, before the two leaders sat down for talks."
    (doc,) = documents_from_records([{"text": text, "language": language, "published": "2019-06-30"}])
    sdoc = load_pipeline(language)(doc.text)
    actors = find_mentions(doc, sdoc, language=language).actors
    coded = {extraction: [e.type for e in code_doc(sdoc, actors, language=language, called_off_meetings=extraction)]
             for extraction in (False, True)}
    assert coded == {False: [], True: ["CONSULT"]}


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Third meeting\n\nDonald Trump met Kim Jong Un at Panmunjom on Sunday. It was the third time the two men had "
     "met, after their summit in Singapore last June.", "summit"),
    ("fr", "Troisième rencontre\n\nDonald Trump a rencontré Kim Jong Un à Panmunjom dimanche. Les deux hommes se "
     "voyaient pour la troisième fois, après leur sommet de juin 2018 à Singapour.", "sommet"),
    # the parser hangs "en juin 2018" on "voyaient": the date still follows the scene's noun
    ("fr", "Troisième rencontre\n\nDonald Trump a rencontré Kim Jong Un à Panmunjom dimanche. Les deux hommes se "
     "voyaient pour la troisième fois, après leur sommet à Singapour en juin 2018.", "sommet"),
])
def test_the_meeting_a_scene_recalls_is_its_own_event_with_its_own_date(pipeline, language, text, trigger):
    found = candidates(pipeline, text, language, published="2019-06-30")
    recalled = [c for c in found if c.trigger == trigger]
    assert [c.type for c in recalled] == ["CONSULT"]
    assert recalled[0].background and (recalled[0].date.start.year, recalled[0].date.start.month) == (2018, 6)
    assert recalled[0].location is not None and recalled[0].location.name == "Singapore"
    assert any(c.date.start == date(2019, 6, 30) and not c.background for c in found)
