"""Yearless days near the report stay in its year whatever the tense; a weekday that contradicts its day and
month is the slip: the day and month are kept, in the year the tense gives, and the value says why."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.nlp.temporal import find_dates


def first(text: str, anchor: date, language: str):
    return find_dates(text, anchor, language=language)[0][2]


@pytest.mark.parametrize(("language", "text", "anchor", "day"), [
    ("en", "The two prime ministers spoke by phone on 12 February.", date(2019, 2, 10), date(2019, 2, 12)),
    ("fr", "Les deux premiers ministres se sont entretenus le 12 février.", date(2019, 2, 10), date(2019, 2, 12)),
    ("fr", "Signé vendredi 6 juin, l'accord entrera en vigueur d'ici trois mois.", date(2025, 6, 9),
     date(2025, 6, 6)),
    ("en", "Signed on June 6, the deal will take effect within three months.", date(2025, 6, 9), date(2025, 6, 6)),
])
def test_a_yearless_day_days_from_the_report_is_in_its_year(language, text, anchor, day):
    value = first(text, anchor, language)
    assert (value.start, value.end) == (day, day)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Les ministres norvégien et suédois se sont rencontrés jeudi 3 juin à Oslo."),
    ("en", "The Norwegian and Swedish ministers met in Oslo on Thursday, June 3."),
])
def test_a_weekday_that_contradicts_the_date_is_the_slip(language, text):
    value = first(text, date(2022, 6, 7), language)  # 3 June 2022 is a Friday
    assert (value.start, value.note) == (date(2022, 6, 3), "weekday_contradicts_date")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Les ministres norvégien et suédois s'étaient rencontrés vendredi 3 juin à Oslo."),
    ("en", "The Norwegian and Swedish ministers had met in Oslo on Friday, June 3."),
])
def test_a_contradicting_weekday_does_not_move_a_past_date_to_another_year(language, text):
    value = first(text, date(2021, 12, 28), language)  # 3 June 2021 is a Thursday, 3 June 2022 a Friday
    assert (value.start, value.note) == (date(2021, 6, 3), "weekday_contradicts_date")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Les ministres norvégien et suédois se sont rencontrés vendredi 3 juin à Oslo."),
    ("en", "The Norwegian and Swedish ministers met in Oslo on Friday, June 3."),
])
def test_a_weekday_that_fits_its_date_leaves_no_note(language, text):
    assert first(text, date(2022, 6, 7), language).note is None


@pytest.mark.parametrize(("language", "text", "expression"), [
    ("fr", "Les délégations tiendront samedi un dernier cycle de pourparlers.", "samedi"),
    ("en", "The delegations will hold on Saturday one last round of talks.", "on Saturday"),
])
def test_a_number_word_after_a_weekday_is_no_day_of_the_month(language, text, expression):
    [(start, end, value)] = find_dates(text, date(2025, 3, 12), language=language)
    assert (text[start:end], value.start) == (expression, date(2025, 3, 15))


@pytest.mark.parametrize(("text", "found"), [
    ("Le Kremlin multiplie les mises en garde à l'adresse des Vingt-Sept.", []),
    ("Les ministres se retrouveront à la mi-sept. à Bruxelles.", ["à la mi-sept."]),
    ("La réunion du 3 sept. se tiendra à Bruxelles.", ["3 sept."]),
])
def test_a_word_glued_to_a_number_word_is_no_month_abbreviation(text, found):
    assert [text[s:e] for s, e, _ in find_dates(text, date(2022, 6, 4), language="fr")] == found
