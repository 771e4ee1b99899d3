"""A decision of one party (a sanction, an expulsion) happens where that party decides and announces it:
the city of its own act, else its seat; never the city of what it concerns, of another event of the
sentence, or the dateline."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)


def sanctions(pipeline, text: str, language: str):
    return [c for c in candidates(pipeline, text, language) if c.type == "SANCTION"]


def place_of(found, source: str) -> str | None:
    (cand,) = [c for c in found if {a.code for a in c.actors if a.role == "source"} == {source}]
    return cand.location.name if cand.location is not None else None


SEAT = {
    "fr": "La Norvège expulse des diplomates russes\n\nLa Norvège a expulsé mardi quinze diplomates russes soupçonnés d'espionnage.",
    "en": "Norway expels Russian diplomats\n\nNorway expelled fifteen Russian diplomats suspected of spying on Tuesday.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_decision_without_a_named_place_is_at_its_partys_seat(pipeline, language):
    found = sanctions(pipeline, SEAT[language], language)
    assert found and all(c.location is not None and c.location.name == "Oslo" for c in found)


THING = {
    "fr": ("La Russie ferme un consulat norvégien\n\n"
           "La Russie a fermé mercredi le consulat général de Norvège à Saint-Pétersbourg."),
    "en": ("Russia shuts a Norwegian consulate\n\n"
           "Russia closed the Norwegian consulate general in St. Petersburg on Wednesday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_decision_is_not_at_the_city_of_what_it_concerns(pipeline, language):
    found = sanctions(pipeline, THING[language], language)
    assert found and all(c.location is not None and c.location.name == "Moscow" for c in found)


ANNOUNCED = {
    "fr": ("Moscou riposte\n\n"
           "Le ministre russe des affaires étrangères a annoncé jeudi à Sotchi l'expulsion de dix diplomates "
           "norvégiens et la fermeture du consulat de Norvège à Saint-Pétersbourg."),
    "en": ("Moscow retaliates\n\n"
           "Russia will expel ten Norwegian diplomats and close the Norwegian consulate in St. Petersburg, "
           "the Russian foreign minister said in Sochi on Thursday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_decision_takes_the_city_where_it_is_announced(pipeline, language):
    found = sanctions(pipeline, ANNOUNCED[language], language)
    assert found and all(c.location is not None and c.location.name == "Sochi" for c in found)


FILED = {
    "fr": ("Washington sanctionne des responsables iraniens\n\n"
           "GENÈVE (AFP) - Les États-Unis ont imposé mardi des sanctions contre des responsables iraniens."),
    "en": ("Washington sanctions Iranian officials\n\n"
           "GENEVA (AFP) - The United States imposed sanctions on Iranian officials on Tuesday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_dateline_is_not_where_a_decision_is_taken(pipeline, language):
    found = sanctions(pipeline, FILED[language], language)
    assert found and all(c.location is not None and c.location.name == "Washington" for c in found)


AFTER = {
    "fr": ("Riposte russe\n\n"
           "Trois jours après l'annonce faite à Oslo, la Russie a expulsé samedi quinze diplomates norvégiens."),
    "en": ("Russian response\n\n"
           "Three days after the announcement in Oslo, Russia expelled fifteen Norwegian diplomats on Saturday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_city_of_a_preceding_event_is_not_the_decisions(pipeline, language):
    found = sanctions(pipeline, AFTER[language], language)
    assert found and place_of(found, "RUS") == "Moscow"


TIT_FOR_TAT = {
    "fr": ("Expulsions croisées\n\n"
           "La Norvège a expulsé lundi à Oslo quinze diplomates russes, et la Russie a expulsé mardi à Moscou "
           "quinze diplomates norvégiens."),
    "en": ("Tit-for-tat expulsions\n\n"
           "Norway expelled fifteen Russian diplomats in Oslo on Monday, and Russia expelled fifteen Norwegian "
           "diplomats in Moscow on Tuesday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_two_expulsions_of_one_sentence_keep_their_cities(pipeline, language):
    found = sanctions(pipeline, TIT_FOR_TAT[language], language)
    assert place_of(found, "NOR") == "Oslo"
    assert place_of(found, "RUS") == "Moscow"
