"""Precision on news about meetings, expulsions, sanctions and signatures: words near these events
that name no event of their own, and headline repairs that must not invent parties."""
from __future__ import annotations

import pytest

from dragoman.events import code_doc, contract_events
from dragoman.nlp.actors import ActorMatcher


def coded(nlp, language: str, text: str) -> list[dict]:
    doc = nlp[language](text)
    return contract_events(code_doc(doc, ActorMatcher.for_language(language).find(text), language=language))


# (language, sentence, a type that must not be coded)
NOT_CODED = [
    ("en", "The two sides discussed Taiwan, the war in Ukraine and trade.", "CONSULT"),
    ("en", "The EU adopted new sanctions against Russia, targeting 200 vessels of the shadow fleet.", "ASSAULT"),
    ("en", "The ceremony took place in the Philippine capital.", "CONSULT"),
    ("en", "The signing of the agreement took place in the Philippine capital.", "ASSAULT"),
    ("en", "The US sanctions regime against Iran is crumbling, analysts say.", "SANCTION"),
    ("fr", "Les délégations israélienne et libanaise ont repris les négociations sur la frontière maritime.", "ASSAULT"),
    ("fr", "Le sommet a pris fin mardi à Bruxelles en présence du président français.", "CONSULT"),
    ("fr", "L'UE a adopté de nouvelles sanctions contre la Russie, visant 200 navires de la flotte fantôme.", "ASSAULT"),
    ("fr", "Moscou a promis une riposte à l'expulsion de ses diplomates par la Pologne.", "AGREE"),
    # "call off" is a cancellation, never a call for something, even with a "for" further on
    ("en", "On Monday, Tokyo called off the meeting with Chinese officials scheduled for next week.", "REQUEST"),
]


@pytest.mark.parametrize(("language", "text", "kind"), NOT_CODED)
def test_words_near_diplomatic_events_name_no_other_event(nlp, language, text, kind):
    assert kind not in {event["type"] for event in coded(nlp, language, text)}


def test_discussed_topics_are_not_parties(nlp):
    events = coded(nlp, "en", "Russia and China discussed Taiwan and Ukraine in Moscow.")
    consult = [e for e in events if e["type"] == "CONSULT"]
    assert consult and all(set(e["source"]) | set(e["target"]) <= {"RUS", "CHN"} for e in consult)


def test_promised_retaliation_is_a_threat(nlp):
    events = coded(nlp, "fr", "Moscou a promis des représailles contre Varsovie.")
    assert any(e["type"] == "THREATEN" and e["source"] == ["RUS"] for e in events)


@pytest.mark.parametrize(("language", "text", "source", "target"), [
    ("fr", "Le Canada expulse des migrants vers Haïti", ["CAN"], ["HTI"]),
    ("fr", "La Pologne expulse l'ambassadeur de Russie", ["POL"], ["RUS"]),
])
def test_headline_repair_keeps_subject_and_object_apart(nlp, language, text, source, target):
    events = coded(nlp, language, text)
    assert any(e["source"] == source and e["target"] == target for e in events), events


@pytest.mark.parametrize(("language", "text", "kind", "mode"), [
    ("fr", "Le Canada expulse des migrants vers Haïti", "COERCE", "deport"),
    ("en", "Tunisia deported dozens of migrants to Libya.", "COERCE", "deport"),
    ("fr", "Le Canada expulse deux diplomates iraniens", "SANCTION", "expel"),
    ("en", "Canada expels two Iranian diplomats", "SANCTION", "expel"),
])
def test_expelling_diplomats_is_a_sanction_and_deporting_others_coercion(nlp, language, text, kind, mode):
    assert any(e["type"] == kind and e["mode"] == mode for e in coded(nlp, language, text))


@pytest.mark.parametrize(("language", "text", "parties"), [
    ("fr", "Le président américain a reporté sa visite en Allemagne.", {"USA", "DEU"}),
    ("en", "The US president postponed his visit to Germany.", {"USA", "DEU"}),
    ("fr", "Washington a annulé le sommet prévu avec Moscou.", {"USA", "RUS"}),
    ("en", "Washington called off the summit with Moscow.", {"USA", "RUS"}),
])
def test_called_off_meeting_is_extracted_besides_the_refusal(nlp, language, text, parties):
    doc = nlp[language](text)
    found = ActorMatcher.for_language(language).find(text)
    events = contract_events(code_doc(doc, found, language=language, called_off_meetings=True))
    assert not any(e["type"] == "CONSULT" for e in coded(nlp, language, text))  # PLOVER codes the refusal only
    assert any(e["type"] == "REJECT" for e in events), events
    assert any(e["type"] == "CONSULT" and set(e["target"]) <= parties for e in events), events
