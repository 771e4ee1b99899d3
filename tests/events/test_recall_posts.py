"""Envoys recalled from several posts ('ses ambassadeurs à Rome et à Madrid', 'its ambassadors to Italy and
Spain'): each post's state is the target of a recall of its own, decided at the recalling state's seat, not
at the posts."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

RECALLS = {
    "fr": ("Rappel\n\nLundi, Alger a rappelé pour consultations ses ambassadeurs à Rome et à Madrid, après la "
           "publication d'un rapport."),
    "en": ("Recall\n\nOn Monday, Algeria recalled its ambassadors to Italy and Spain for consultations after the "
           "publication of a report."),
}
ONE_POST = {
    "fr": "Rappel\n\nLundi, l'Algérie a rappelé son ambassadeur en Espagne pour consultations.",
    "en": "Recall\n\nOn Monday, Algeria recalled its ambassador in Madrid for consultations.",
}


def recalls(pipeline, text: str, language: str):
    return [c for c in candidates(pipeline, text, language, published="2024-06-11")
            if c.type == "SANCTION" and c.mode == "withdraw"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_recall_from_two_posts_is_one_recall_per_post(pipeline, language):
    found = recalls(pipeline, RECALLS[language], language)
    targets = sorted(next(a.code for a in c.actors if a.role == "target") for c in found)
    assert targets == ["ESP", "ITA"]
    assert all({a.code for a in c.actors if a.role == "source"} == {"DZA"} for c in found)
    assert all(c.location is None or c.location.name == "Algiers" for c in found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_recall_from_one_post_targets_its_state(pipeline, language):
    found = recalls(pipeline, ONE_POST[language], language)
    assert len(found) == 1
    assert {a.code for a in found[0].actors if a.role == "target"} == {"ESP"}
    assert found[0].location is None or found[0].location.name != "Madrid"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Retour\n\nL'ambassadeur d'Algérie en Espagne a regagné Madrid mercredi.", "regagné"),
    ("en", "Return\n\nThe Algerian ambassador to Spain returned to Madrid on Wednesday.", "returned"),
])
def test_an_envoy_back_at_his_post_eases_the_recall(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2022-11-10") if c.trigger == trigger]
    assert [(c.type, set(c.actor_codes)) for c in found] == [("CONCEDE", {"DZA", "ESP"})]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Rappel\n\nL'ambassadeur d'Algérie en Espagne a regagné Alger mercredi.", "regagné"),
    ("en", "Recall\n\nThe Algerian ambassador to Spain returned to Algiers on Wednesday.", "returned"),
])
def test_an_envoy_gone_home_from_his_post_is_no_return_to_post(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2022-11-10") if c.trigger == trigger]
    assert all(c.type != "CONCEDE" for c in found)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Retour\n\nL'ambassadeur d'Algérie va regagner Madrid la semaine prochaine.", "regagner"),
    ("fr", "Retour\n\nL'ambassadeur d'Algérie doit retourner à Madrid la semaine prochaine.", "retourner"),
    ("en", "Return\n\nAlgeria's ambassador is set to return to Madrid next week.", "return"),
])
def test_an_envoy_going_back_to_a_city_returns_to_a_post_in_its_state(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2022-11-10") if c.trigger == trigger]
    assert [(c.type, c.status) for c in found] == [("CONCEDE", "planned")]
    assert {a.code for a in found[0].actors if a.role == "target"} == {"ESP"}
    assert {a.code for a in found[0].actors if a.role == "source"} == {"DZA"}


def test_an_envoy_going_back_to_his_own_capital_returns_to_no_post(pipeline):
    text = "Retour\n\nL'ambassadeur d'Algérie va regagner Alger la semaine prochaine."
    found = [c for c in candidates(pipeline, text, "fr", published="2022-11-10") if c.trigger == "regagner"]
    assert all(c.type != "CONCEDE" for c in found)
