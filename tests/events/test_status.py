"""Event status from tense, mood and cue words, in French and English."""
from __future__ import annotations

import pytest

from dragoman.errors import LanguageDataError, UnsupportedLanguage
from dragoman.events.status import event_status
from dragoman.events.status_lexicon import _modals, status_lexicon
from dragoman.events.verb_groups import governing_verb
from dragoman.model import STATUSES


def _status(nlp, language: str, text: str, trigger: str) -> tuple[str, str]:
    doc = nlp[language](text)
    token = next(t for t in doc if t.text == trigger)
    return event_status(token, language=language)


PLANNED = [
    ("fr", "Les ministres négocieront la semaine prochaine à Genève.", "négocieront", "négocieront"),
    ("fr", "Une réunion se tiendra mardi à Ankara.", "réunion", "se tiendra"),
    ("fr", "Le chef de la diplomatie va rencontrer son homologue.", "rencontrer", "va rencontrer"),
    ("fr", "Les délégations devraient se retrouver à Doha.", "retrouver", "devraient"),
    ("fr", "Les deux camps ont accepté de reprendre les négociations.", "négociations", "ont accepté"),
    ("fr", "Le Quai d'Orsay a précisé que les consultations se dérouleraient à Vienne.", "consultations",
     "se dérouleraient"),
    ("fr", "Les émissaires se rencontrent dans les prochains jours à Oman.", "rencontrent", "prochains jours"),
    ("fr", "La prochaine session de dialogue est prévue en juin.", "session", "prochaine"),
    ("fr", "Le Kremlin a annoncé un sommet pour l'automne.", "sommet", "a annoncé"),
    ("en", "The foreign ministers will meet in Vienna on Friday.", "meet", "will meet"),
    ("en", "The envoy is to meet Iranian officials in Muscat.", "meet", "is to"),
    ("en", "Negotiators are due to resume talks in Doha.", "talks", "due to"),
    ("en", "Beijing plans to host a summit in the spring.", "host", "plans to"),
    ("en", "The delegations are expected to gather in Geneva.", "gather", "expected"),
    ("en", "The two leaders are going to talk by phone.", "talk", "going"),
    ("en", "Officials said the consultations would take place in Cairo.", "consultations", "would"),
    ("en", "The next round of negotiations is scheduled for March.", "round", "next"),
    ("en", "Diplomats are meeting in Oslo next week.", "meeting", "next week"),
]

OCCURRED = [
    ("fr", "Les deux pays ont signé un accord commercial.", "signé", "ont signé"),
    ("fr", "Une rencontre s'était tenue à Genève en janvier.", "rencontre", "s'était tenue"),
    ("fr", "Les entretiens se sont déroulés dans un climat cordial.", "entretiens", "se sont déroulés"),
    ("fr", "Le président reçut son homologue au palais.", "reçut", "reçut"),
    ("fr", "Les ministres avaient discuté pendant trois heures.", "discuté", "avaient discuté"),
    ("fr", "La précédente réunion a duré quatre heures.", "réunion", "précédente"),
    ("en", "The talks were held behind closed doors.", "talks", "were held"),
    ("en", "The two presidents met in Helsinki.", "met", "met"),
    ("en", "Both sides signed a memorandum on grain exports.", "signed", "signed"),
    ("en", "The envoys had spoken by phone in February.", "spoken", "had spoken"),
    ("en", "The previous talks lasted five hours.", "talks", "previous"),
]

ONGOING = [
    ("fr", "Les pourparlers débutent ce matin à Riyad.", "pourparlers", "débutent"),
    ("fr", "Des négociations ont démarré jeudi à Bakou.", "négociations", "ont démarré"),
    ("fr", "Les discussions sont en cours au siège de l'ONU.", "discussions", "en cours"),
    ("fr", "Les consultations se poursuivent à Vienne.", "consultations", "se poursuivent"),
    ("en", "Negotiators are meeting in Geneva.", "meeting", "are meeting"),
    ("en", "Talks began on Monday in Riyadh.", "Talks", "began"),
    ("en", "The negotiations are under way in Vienna.", "negotiations", "under way"),
    ("en", "Talks between the delegations resumed on Tuesday.", "Talks", "resumed"),
]

CANCELLED = [
    ("fr", "La rencontre prévue à Minsk n'aura pas lieu.", "rencontre", "n'aura pas lieu"),
    ("fr", "Le sommet a été annulé à la dernière minute.", "sommet", "annulé"),
    ("fr", "Paris a reporté la visite du ministre.", "visite", "a reporté"),
    ("fr", "La réunion du conseil ne se tiendra pas.", "réunion", "ne se tiendra pas"),
    ("en", "The summit was called off on Sunday.", "summit", "called off"),
    ("en", "The meeting has been postponed until further notice.", "meeting", "postponed"),
    ("en", "Washington cancelled the talks.", "talks", "cancelled"),
    ("en", "The conference did not take place.", "conference", "did not take place"),
    ("en", "The talks won't be held after all.", "talks", "won't be held"),
]

UNCERTAIN = [
    ("fr", "Le ministre aurait rencontré l'émissaire en secret.", "rencontré", "aurait rencontré"),
    ("fr", "Les négociations pourraient reprendre à l'automne.", "négociations", "pourraient"),
    ("fr", "Le gouvernement a démenti toute rencontre avec les rebelles.", "rencontre", "démenti"),
    ("fr", "Si les pourparlers échouent, l'embargo sera renforcé.", "pourparlers", "Si"),
    ("fr", "Moscou refuse de négocier avec Kiev.", "négocier", "refuse"),
    ("fr", "Un éventuel sommet entre les deux dirigeants.", "sommet", "éventuel"),
    ("en", "The Kremlin denied that a meeting had taken place.", "meeting", "denied"),
    ("en", "If the talks fail, sanctions could be tightened.", "talks", "If"),
    ("en", "The two leaders could meet in the autumn.", "meet", "could"),
    ("en", "The envoy reportedly met rebel leaders.", "met", "reportedly"),
    ("en", "Tehran wants direct talks with Washington.", "talks", "wants"),
    ("en", "The ministers did not meet.", "meet", "did not meet"),
    ("en", "The president said he was ready to meet his rival.", "meet", "ready"),
    ("fr", "Le président s'est dit prêt à rencontrer son rival.", "rencontrer", "prêt"),
]


@pytest.mark.parametrize("language, text, trigger, cue", PLANNED)
def test_status_future_and_plans_are_planned(nlp, language, text, trigger, cue):
    status, found = _status(nlp, language, text, trigger)
    assert status == "planned"
    assert cue in found


@pytest.mark.parametrize("language, text, trigger, cue", OCCURRED)
def test_status_past_tenses_are_occurred(nlp, language, text, trigger, cue):
    status, found = _status(nlp, language, text, trigger)
    assert status == "occurred"
    assert cue in found


@pytest.mark.parametrize("language, text, trigger, cue", ONGOING)
def test_status_started_or_progressive_is_ongoing(nlp, language, text, trigger, cue):
    status, found = _status(nlp, language, text, trigger)
    assert status == "ongoing"
    assert cue in found


@pytest.mark.parametrize("language, text, trigger, cue", CANCELLED)
def test_status_called_off_or_not_taking_place_is_cancelled(nlp, language, text, trigger, cue):
    status, found = _status(nlp, language, text, trigger)
    assert status == "cancelled"
    assert cue in found


@pytest.mark.parametrize("language, text, trigger, cue", UNCERTAIN)
def test_status_hearsay_denial_hypothesis_is_uncertain(nlp, language, text, trigger, cue):
    status, found = _status(nlp, language, text, trigger)
    assert status == "uncertain"
    assert cue in found


@pytest.mark.parametrize("language, text, trigger", [
    ("fr", "Ces entretiens ne dureront pas aussi longtemps que prévu.", "entretiens"),
    ("fr", "Les discussions ne porteront pas sur le nucléaire.", "discussions"),
    ("en", "The talks will not last long.", "talks"),
])
def test_status_negated_property_verb_does_not_negate_the_event(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger)[0] == "planned"


@pytest.mark.parametrize("language, text, trigger, verb", [
    ("fr", "Les pourparlers débutent à Istanbul.", "pourparlers", "débutent"),
    ("fr", "La réunion s'était tenue à Genève.", "réunion", "tenue"),
    ("en", "The talks were held in Istanbul.", "talks", "held"),
    ("en", "Talks on the border are in progress.", "Talks", "are"),
])
def test_governing_verb_of_a_noun_trigger(nlp, language, text, trigger, verb):
    doc = nlp[language](text)
    token = next(t for t in doc if t.text == trigger)
    gov = governing_verb(token)
    assert gov is not None and gov.text == verb


@pytest.mark.parametrize("language", ["fr", "en"])
def test_status_is_always_a_contract_value(nlp, language):
    doc = nlp[language]("Talks. Réunion. Negotiations resumed; the summit, if any, may follow.")
    for token in doc:
        status, cue = event_status(token, language=language)
        assert status in STATUSES
        assert isinstance(cue, str)


def test_status_lexicon_unknown_language_raises():
    with pytest.raises(UnsupportedLanguage):
        status_lexicon("xx")


@pytest.mark.parametrize("language, text, trigger, status", [
    ("fr", "Depuis le retrait américain de l'accord, les relations restent tendues.", "retrait", "occurred"),
    ("fr", "Les entretiens, organisés au consulat, ont duré trois heures.", "organisés", "occurred"),
    ("fr", "Paris a lancé une offensive diplomatique en mars.", "lancé", "occurred"),
    ("en", "Since the invasion, trade between the two countries has collapsed.", "invasion", "occurred"),
    ("en", "The talks, held at the consulate, lasted three hours.", "held", "occurred"),
    ("en", "The talks, held at the consulate, will last three hours.", "held", "planned"),
    ("en", "Russia launched a new offensive in the east.", "launched", "occurred"),
])
def test_status_of_participles_and_recalled_events(nlp, language, text, trigger, status):
    assert _status(nlp, language, text, trigger)[0] == status


@pytest.mark.parametrize("text, trigger, status", [
    # the journalistic future perfect reports what is over
    ("La rencontre n'aura duré qu'une heure, lundi, à Istanbul.", "rencontre", "occurred"),
    ("Le sommet aura finalement été un échec pour les deux délégations.", "sommet", "occurred"),
    # ... unless a deadline or a temporal clause points ahead
    ("D'ici vendredi, les deux pays auront signé l'accord.", "signé", "planned"),
    ("Quand les ministres auront conclu leur réunion, un communiqué sera publié.", "réunion", "planned"),
    ("L'accord sera signé lundi à Bruxelles.", "signé", "planned"),
])
def test_status_french_future_perfect_looks_back_unless_pointed_ahead(nlp, text, trigger, status):
    assert _status(nlp, "fr", text, trigger)[0] == status


@pytest.mark.parametrize("language, text, trigger", [
    # fr_core_news_md tags some participles as infinitives; the 'aux:tense' auxiliary still marks the tense
    ("fr", "Les États-Unis et l'Iran ont renoué le dialogue samedi à Mascate.", "renoué"),
    ("fr", "Les deux pays ont renoué leurs relations diplomatiques.", "renoué"),
    ("en", "The United States and Iran have restored their diplomatic ties.", "restored"),
])
def test_status_compound_past_is_occurred_whatever_the_participle_tag(nlp, language, text, trigger):
    assert _status(nlp, language, text, trigger)[0] == "occurred"


@pytest.mark.parametrize("language, text, trigger, status", [
    # the agreeing, promising or deciding is itself the event: its own tense decides
    ("en", "Both sides agreed to hold a second round next week.", "agreed", "occurred"),
    ("fr", "Les deux camps ont convenu de se retrouver la semaine prochaine.", "convenu", "occurred"),
    # ... while what was agreed on is still to come
    ("en", "Both sides agreed to hold talks next week.", "talks", "planned"),
    ("fr", "Les deux camps ont accepté de reprendre les négociations.", "négociations", "planned"),
])
def test_status_of_an_agreement_and_of_what_it_agrees_on(nlp, language, text, trigger, status):
    assert _status(nlp, language, text, trigger)[0] == status


@pytest.mark.parametrize("text, trigger", [
    ("Russia and Ukraine to meet in Istanbul on Friday", "meet"),
    ("EU to impose new sanctions on Russia", "impose"),
    ("Trump and Putin to meet in Alaska", "meet"),
])
def test_status_headline_infinitive_is_planned(nlp, text, trigger):
    assert _status(nlp, "en", text, trigger)[0] == "planned"


@pytest.mark.parametrize("text, trigger, status", [
    ("The two leaders met to discuss the war.", "met", "occurred"),
    ("Russia has agreed to meet Ukraine.", "agreed", "occurred"),
])
def test_status_an_infinitive_under_a_verb_is_not_a_headline(nlp, text, trigger, status):
    assert _status(nlp, "en", text, trigger)[0] == status


@pytest.mark.parametrize("text, trigger, status", [
    ("Iran, US open indirect nuclear talks in Muscat", "talks", "ongoing"),
    ("Iran is ready to resume talks with Washington.", "talks", "uncertain"),
])
def test_status_opening_talks_is_not_being_open_to_them(nlp, text, trigger, status):
    assert _status(nlp, "en", text, trigger)[0] == status


@pytest.mark.parametrize("language", ["fr", "en"])
def test_status_lexicon_modals_read_as_a_status_or_reported(language):
    assert {reading for _, reading in status_lexicon(language).modals} <= {*STATUSES, "reported"}


def test_status_lexicon_modal_reading_neither_a_status_nor_reported_is_broken_data():
    with pytest.raises(LanguageDataError) as caught:
        _modals("en", {"might": "perhaps"})
    assert caught.value.code == "E203" and "might" in caught.value.message
