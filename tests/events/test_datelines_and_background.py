"""Datelines are where a report was filed; "since" clauses date the background, not the event."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

from dragoman.nlp.datelines import find_dateline
from dragoman.nlp.places import PlaceResolver


@pytest.mark.parametrize(("language", "text", "place"), [
    ("en", "Title\n\nBRUSSELS — European ministers met.", "Brussels"),
    ("fr", "Titre\n\nPARIS (AFP) - Le président a reçu.", "Paris"),
    ("fr", "Titre\n\nMoscou, 12 mars (Reuters) – La Russie a annoncé.", "Moscow"),
    ("en", "Title\n\nWASHINGTON, March 3 (Reuters) - The United States said.", "Washington"),
    ("fr", "Titre\n\nGENÈVE, 4 juin - Les délégations se sont retrouvées.", "Geneva"),
    ("en", "Ukraine - Russia talks\n\nThe two sides met.", None),
    ("fr", "Titre\n\nLes ministres - réunis mardi - ont parlé.", None),
])
def test_dateline_is_found_at_a_paragraph_start(language, text, place):
    found = find_dateline(text, language=language)
    assert (found.place.name if found else None) == place


ELSEWHERE = {
    "fr": ("La Chine et l'Inde reprennent leurs pourparlers frontaliers\n\n"
           "PÉKIN (AFP) - La Chine et l'Inde ont tenu mardi à Genève une nouvelle série de pourparlers "
           "sur leur frontière commune, a annoncé Pékin."),
    "en": ("China and India resume border talks\n\n"
           "BEIJING (AFP) - China and India held a new round of border talks in Geneva on Tuesday, "
           "Beijing said."),
}
ONLY_DATELINE = {
    "fr": ("La Chine et l'Inde reprennent leurs pourparlers frontaliers\n\n"
           "GENÈVE, 11 mars (Reuters) - La Chine et l'Inde ont tenu mardi une nouvelle série de pourparlers "
           "sur leur frontière commune."),
    "en": ("China and India resume border talks\n\n"
           "GENEVA, March 11 (Reuters) - China and India held a new round of border talks on Tuesday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_text_gives_the_place_not_the_dateline(pipeline, language):
    talks = [c for c in candidates(pipeline, ELSEWHERE[language], language) if c.type == "CONSULT"]
    assert talks and all(c.location is not None and c.location.name == "Geneva" for c in talks)
    assert all({a.code for a in c.actors} == {"CHN", "IND"} for c in talks)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dateline_is_a_fallback_place_for_a_meeting(pipeline, language):
    talks = [c for c in candidates(pipeline, ONLY_DATELINE[language], language) if c.type == "CONSULT"]
    assert talks and all(c.location is not None and c.location.name == "Geneva" for c in talks)


SINCE = {
    "fr": ("Séoul et Tokyo renouent le dialogue\n\n"
           "La Corée du Sud et le Japon ont tenu lundi à Séoul leurs premiers pourparlers depuis la rupture "
           "de leurs consultations en 2019."),
    "en": ("Seoul and Tokyo resume dialogue\n\n"
           "South Korea and Japan held talks in Seoul on Monday, their first since consultations broke down "
           "in 2019."),
}
SINCE_ONLY = {
    "fr": ("Séoul et Tokyo renouent le dialogue\n\n"
           "La Corée du Sud et le Japon ont tenu à Séoul leurs premiers pourparlers depuis 2019."),
    "en": ("Seoul and Tokyo resume dialogue\n\n"
           "South Korea and Japan held talks in Seoul, the first since 2019."),
}


@pytest.mark.parametrize("texts", [SINCE, SINCE_ONLY], ids=["clause", "phrase"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_since_clause_does_not_date_the_event(pipeline, language, texts):
    talks = [c for c in candidates(pipeline, texts[language], language) if c.type == "CONSULT"]
    assert talks
    assert all(c.date.start is None or c.date.start.year == 2025 for c in talks), [c.date for c in talks]


@pytest.mark.parametrize(("language", "name"), [("en", "Luxembourg"), ("fr", "Luxembourg"), ("fr", "Singapour")])
def test_city_state_name_is_its_city(language, name):
    location = PlaceResolver.for_language(language).resolve(name)
    assert location is not None and location.geonames_id is not None


SEAT = {
    "fr": "Le président kényan reçu à l'Élysée\n\nLe président français a reçu mardi à l'Élysée son homologue kényan.",
    "en": ("Kenyan president received at the White House\n\n"
           "The US president received his Kenyan counterpart at the White House on Tuesday."),
}
LOCATED = {
    "fr": ("Américains et Ukrainiens se retrouveront en Arabie saoudite\n\n"
           "Des responsables américains et ukrainiens se retrouveront en Arabie saoudite la semaine prochaine."),
    "en": ("US and Ukrainian officials to meet in Saudi Arabia\n\n"
           "US and Ukrainian officials will meet in Saudi Arabia next week."),
}


@pytest.mark.parametrize(("language", "city"), [("fr", "Paris"), ("en", "Washington")])
def test_seat_of_government_places_the_event_in_the_capital(pipeline, language, city):
    talks = [c for c in candidates(pipeline, SEAT[language], language) if c.type == "CONSULT"]
    assert talks and all(c.location is not None and c.location.name == city for c in talks)
    assert all(c.location.venue for c in talks)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_country_named_as_the_place_of_talks_is_no_party(pipeline, language):
    talks = [c for c in candidates(pipeline, LOCATED[language], language) if c.type == "CONSULT"]
    assert talks and all({a.code for a in c.actors} == {"USA", "UKR"} for c in talks), talks


PARSED = {
    "fr": ("L'UE adopte de nouvelles sanctions\n\n{}Les ministres européens réunis lundi à Luxembourg ont adopté "
           "de nouvelles sanctions contre la Russie.", "BRUXELLES (AFP) - "),
    "en": ("EU adopts new sanctions\n\n{}European Union foreign ministers meeting in Luxembourg on Monday adopted "
           "new sanctions against Russia.", "BRUSSELS — "),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dateline_does_not_change_the_reading_of_its_sentence(pipeline, language):
    template, dateline = PARSED[language]

    def reading(text):
        return sorted((c.type, tuple(sorted((a.code, a.role) for a in c.actors)), c.location and c.location.name)
                      for c in candidates(pipeline, text, language))
    assert reading(template.format(dateline)) == reading(template.format(""))


OTHER_CLAUSE = {
    "fr": ("Le Japon et la Corée du Sud se sont rencontrés\n\n"
           "Les ministres japonais et sud-coréen se sont rencontrés lundi, après que la Chine a annoncé "
           "qu'elle enverrait un émissaire à Hanoï."),
    "en": ("Japan and South Korea meet\n\n"
           "The Japanese and South Korean foreign ministers met on Monday, after China said it would send "
           "an envoy to Hanoi."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_place_of_another_clause_is_not_the_events(pipeline, language):
    talks = [c for c in candidates(pipeline, OTHER_CLAUSE[language], language) if c.type == "CONSULT"]
    assert talks and all(c.location is None or c.location.name != "Hanoi" for c in talks), talks


@pytest.mark.parametrize(("language", "text", "source", "target"), [
    ("fr", "Visite à Moscou\n\nLe chef de la diplomatie chinoise s'est rendu lundi à Moscou pour une visite de deux jours.",
     "CHN", "RUS"),
    ("en", "Visit to Beijing\n\nThe German chancellor arrived in Beijing on Monday for a two-day visit.", "DEU", "CHN"),
    ("fr", "Barrot à Pékin\n\nJean-Noël Barrot se rendra la semaine prochaine à Pékin.", "FRA", "CHN"),
    ("en", "Rubio to Riyadh\n\nMarco Rubio will travel to Riyadh next week for talks.", "USA", "SAU"),
])
def test_visit_to_a_capital_is_a_visit_to_its_state(pipeline, language, text, source, target):
    visits = [c for c in candidates(pipeline, text, language) if c.type == "CONSULT" and c.mode == "visit"]
    assert any({(a.code, a.role) for a in c.actors} >= {(source, "source"), (target, "target")} for c in visits), visits
