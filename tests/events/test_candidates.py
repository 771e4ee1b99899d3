"""Assembling event candidates from a parsed article (French and English, our own texts)."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)


def codes(cand) -> set[str]:
    return {a.code for a in cand.actors}


FRAME = {
    "fr": ("Le Japon et la Corée du Sud reprennent leurs pourparlers à Séoul\n\n"
           "Le Japon et la Corée du Sud ont repris mercredi à Séoul leurs pourparlers sur la pêche. "
           "Les discussions ont duré quatre heures."),
    "en": ("Japan and South Korea resume fisheries talks in Seoul\n\n"
           "Japan and South Korea resumed talks on fisheries in Seoul on Wednesday. "
           "The discussions lasted four hours."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_talks_without_named_parties_take_the_articles_parties_and_place(pipeline, language):
    cands = candidates(pipeline, FRAME[language], language)
    assert cands, "no event found"
    for cand in cands:
        assert codes(cand) == {"JPN", "KOR"}
        assert cand.location is not None and cand.location.country == "KOR"


RECALLED = {
    "fr": ("Le Japon et la Corée du Sud reprennent leurs pourparlers à Séoul\n\n"
           "Le Japon et la Corée du Sud ont repris mercredi à Séoul leurs pourparlers sur la pêche. "
           "En janvier 2024, une première réunion des deux pays avait échoué."),
    "en": ("Japan and South Korea resume fisheries talks in Seoul\n\n"
           "Japan and South Korea resumed talks on fisheries in Seoul on Wednesday. "
           "In January 2024, a first meeting between the two countries had failed."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_earlier_meeting_is_background_and_keeps_its_own_date_without_borrowing_the_place(pipeline, language):
    cands = candidates(pipeline, RECALLED[language], language)
    old = [c for c in cands if c.date.start and c.date.start.year == 2024]
    assert old, [(c.type, c.date) for c in cands]
    assert all(c.background and c.status == "occurred" for c in old)
    assert all(c.location is None for c in old)
    assert any(not c.background for c in cands)


CAPITALS = {
    "fr": "Les ministres turc et grec se sont rencontrés mardi à Athènes pour discuter de la frontière maritime.",
    "en": "The Turkish and Greek foreign ministers met in Athens on Tuesday to discuss the maritime border.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_capital_after_a_locative_preposition_is_the_place_not_a_party(pipeline, language):
    text = ("Rencontre gréco-turque\n\n" if language == "fr" else "Greek-Turkish meeting\n\n") + CAPITALS[language]
    cands = candidates(pipeline, text, language)
    meeting = [c for c in cands if c.type == "CONSULT"]
    assert meeting
    assert all(codes(c) == {"GRC", "TUR"} for c in meeting)
    assert any(c.location and c.location.country == "GRC" for c in meeting)


COMING = {
    "fr": "Les délégations chinoise et indienne se retrouvent jeudi à Genève pour des pourparlers sur la frontière.",
    "en": "Chinese and Indian delegations meet in Geneva on Thursday for talks on the border.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_present_tense_with_a_weekday_announces_the_coming_day(pipeline, language):
    # published on Wednesday 12 March 2025: "jeudi" / "Thursday" is the 13th
    text = ("Pourparlers sino-indiens\n\n" if language == "fr" else "China-India talks\n\n") + COMING[language]
    cands = [c for c in candidates(pipeline, text, language) if c.type == "CONSULT" and c.date.known]
    assert cands
    assert all(c.date.start == date(2025, 3, 13) and c.status == "planned" for c in cands)


def test_a_single_party_statement_is_not_an_event(pipeline):
    cands = candidates(pipeline, "Note\n\nLa France a publié mardi un rapport sur son économie.", "fr")
    assert all(len(codes(c)) >= 2 for c in cands)


PUNCTUAL = [
    ("fr", "Le Japon et l'Inde signent un accord de défense\n\nLe Japon et l'Inde signent un accord de défense.",
     "SUPPORT", {"JPN", "IND"}),
    ("en", "Canada expels two Iranian diplomats\n\nCanada expels two Iranian diplomats accused of spying.",
     "SANCTION", {"CAN", "IRN"}),
]


@pytest.mark.parametrize("language, text, type_, parties", PUNCTUAL)
def test_present_tense_of_a_punctual_act_reports_it_done(pipeline, language, text, type_, parties):
    cands = [c for c in candidates(pipeline, text, language) if c.type == type_]
    assert cands
    assert {c.status for c in cands} == {"occurred"}
    assert all(codes(c) == parties for c in cands)


@pytest.mark.parametrize("language, text", [
    ("fr", "Les États-Unis et l'Iran ont tenu des pourparlers samedi à Mascate, les premiers depuis le retour de "
           "Donald Trump à la Maison Blanche."),
    ("en", "The United States and Iran held talks in Muscat on Saturday, the first since Donald Trump returned "
           "to the White House."),
    ("fr", "Les ministres de l'Union européenne ont adopté lundi à Bruxelles des sanctions contre la Russie. "
           "Ils promettent de maintenir la pression sur le Kremlin."),
])
def test_a_seat_of_government_is_no_venue_for_an_event_in_another_country(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language) if c.location is not None]
    assert found and all(c.location.venue is None for c in found), [(c.type, c.location) for c in found]


@pytest.mark.parametrize("language, text, venue", [
    ("fr", "Le président français a reçu lundi à Paris, à l'Élysée, le président ukrainien Volodymyr Zelensky.",
     "Élysée"),
    ("en", "Russian President Vladimir Putin met the Chinese foreign minister at the Kremlin in Moscow on Monday.",
     "Kremlin"),
    # a consulate stands for its state too, but is abroad by nature
    ("fr", "Les délégations russe et américaine se sont réunies à Istanbul, dans les locaux du consulat "
           "général russe.", "consulat général russe"),
    ("en", "Russian and American diplomats met in Istanbul at the US consul general's residence.",
     "residence"),
])
def test_a_seat_of_government_is_the_venue_of_an_event_held_there(pipeline, language, text, venue):
    found = [c for c in candidates(pipeline, text, language) if c.location is not None and c.location.venue]
    assert found and venue in found[0].location.venue


@pytest.mark.parametrize("language, text", [
    ("fr", "Le 18 février, les deux pays ont décidé de rétablir leurs ambassades, affaiblies par des années "
           "d'expulsions réciproques de diplomates entre la Russie et les États-Unis."),
    ("en", "On February 18 the two countries decided to restore their embassies, weakened by years of "
           "expulsions of diplomats between Russia and the United States."),
])
def test_a_habit_or_series_is_background_without_the_sentences_date(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language) if c.type == "SANCTION"]
    assert found and all(c.background and not c.date.known and c.status == "occurred" for c in found), \
        [(c.background, c.date, c.status) for c in found]


@pytest.mark.parametrize("language, text", [
    ("en", "Russian and Ukrainian delegations met in Istanbul for the first time in more than three years and "
           "agreed to exchange prisoners."),
])
def test_a_stretch_reaching_back_from_the_event_is_not_its_date(pipeline, language, text):
    found = candidates(pipeline, text, language)
    assert found and all(not c.date.known or c.date.start.year == 2025 for c in found), [c.date for c in found]


def test_leaders_parting_without_a_deal_is_no_withdrawal(pipeline):
    found = candidates(pipeline, "Donald Trump et Vladimir Poutine se quittent sans accord à Anchorage.", "fr")
    assert all(c.type != "SANCTION" for c in found), [(c.type, c.trigger) for c in found]
