"""Status as news reports it (issue #13): a conditional, a wish or a doubt leaves an event uncertain; an
announced meeting is planned; a measure announced is taken; calling off is an act of its own; a joint
event one party denies in the same article is uncertain there."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401  (pipeline is a fixture)

from dragoman.events.status import event_status


def _status(nlp, language: str, text: str, trigger: str) -> str:
    doc = nlp[language](text)
    token = next(t for t in doc if t.text == trigger)
    return event_status(token, language=language)[0]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Si la trêve tient, le Liban coopérera avec Israël sur la frontière, a déclaré le ministre.", "coopérera"),
    ("fr", "Le Liban négocierait avec Israël si les frappes cessaient, selon le ministre.", "négocierait"),
    ("en", "If the truce holds, Lebanon would negotiate with Israel on the border, the minister said.", "negotiate"),
    ("en", "Lebanon will cooperate with Israel on the border if the strikes stop, the minister said.", "cooperate"),
    # the parser hangs "si" on the subject
    ("fr", "Si Beyrouth ou Damas venait à dénoncer l'accord, la Russie perdrait son influence.", "dénoncer"),
])
def test_status_event_under_a_condition_is_uncertain(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger) == "uncertain"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Même si les frappes continuent, le Liban coopérera avec Israël sur la frontière.", "coopérera"),
    ("en", "Lebanon will cooperate with Israel on the border even if the strikes go on.", "cooperate"),
])
def test_status_concession_is_no_condition(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger) == "planned"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Le Liban a dit espérer rencontrer Israël le mois prochain.", "rencontrer"),
    ("fr", "Le Liban a dit souhaiter négocier avec Israël.", "négocier"),
    ("en", "Analysts doubt that Lebanon will negotiate with Israel.", "negotiate"),
    ("en", "Lebanon tried to negotiate with Israel on the border.", "negotiate"),
])
def test_status_wish_doubt_or_attempt_is_uncertain(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger) == "uncertain"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Les ministres libanais et israélien ne se sont rencontrés qu'une heure.", "rencontrés"),
    ("fr", "Le Liban et Israël n'ont signé qu'un mémorandum.", "signé"),
])
def test_status_restrictive_ne_que_is_no_negation(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger) == "occurred"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Le président libanais a annulé mardi sa visite à Paris.", "annulé"),
    ("fr", "Le Liban a suspendu sa participation aux négociations.", "suspendu"),
    ("en", "Lebanon suspended its participation in the talks on Tuesday.", "suspended"),
])
def test_status_calling_off_is_an_act_that_occurred(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger) == "occurred"


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Liban, Iran\n\nLe Liban expulsera trois diplomates iraniens, a annoncé mardi le ministre libanais."),
    ("fr", "Liban, Iran\n\nBeyrouth a annoncé mardi l'expulsion de trois diplomates iraniens."),
    ("en", "Liban, Iran\n\nLebanon will expel three Iranian diplomats, the Lebanese foreign minister said on Tuesday."),
    ("en", "Liban, Iran\n\nLebanon announced on Tuesday the expulsion of three Iranian diplomats."),
])
def test_status_announced_measure_is_taken(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language) if c.type == "SANCTION"]
    assert found and all(c.status == "occurred" for c in found), found


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Liban, Syrie\n\nLes présidents libanais et syrien se rencontreront à Damas, a annoncé Beyrouth."),
    ("fr", "Liban, Syrie\n\nUn sommet entre le Liban et la Syrie est prévu à Damas."),
    ("en", "Lebanon, Syria\n\nThe Lebanese and Syrian presidents will meet in Damascus, Beirut said."),
    ("en", "Lebanon, Syria\n\nA summit between Lebanon and Syria is scheduled in Damascus."),
])
def test_status_announced_meeting_is_planned(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language) if c.type == "CONSULT"]
    assert found and all(c.status == "planned" for c in found), found


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Liban, Israël\n\nDes responsables libanais et israéliens mènent des pourparlers à Chypre, a affirmé "
           "Washington. Beyrouth a démenti toute négociation avec Israël."),
    ("en", "Lebanon, Israel\n\nLebanese and Israeli officials are holding talks in Cyprus, Washington said. Beirut denied "
           "that any negotiations with Israel were taking place."),
])
def test_status_talks_denied_by_one_party_are_uncertain(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language) if c.type == "CONSULT"]
    assert found and all(c.status == "uncertain" for c in found), found


@pytest.mark.parametrize(("language", "text", "status"), [
    ("fr", "Sommet entre le Liban et la Syrie à Damas\n\nLes présidents libanais et syrien se rencontreront à "
           "Damas, a annoncé Beyrouth.", "planned"),
    ("en", "Lebanon-Syria summit in Damascus\n\nThe Lebanese and Syrian presidents will meet in Damascus, "
           "Beirut said.", "planned"),
    ("en", "Lebanon-Syria summit in Damascus\n\nThe Lebanese and Syrian presidents met in Damascus on "
           "Tuesday.", "occurred"),
])
def test_status_verbless_headline_takes_the_body_status(pipeline, language, text, status):
    found = [c for c in candidates(pipeline, text, language) if c.type == "CONSULT"]
    assert len(found) >= 2 and all(c.status == status for c in found), found
