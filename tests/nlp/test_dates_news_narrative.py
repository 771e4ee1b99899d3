""""Le lendemain", "two days later", "the following week" count from the date the text has just stated (the
time under discussion), not from the report's day; "two days ago" and "demain" still count from the report."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.nlp.temporal import find_dates

REPORT = date(2025, 3, 12)


def value_of(text: str, expression: str, language: str):
    return next(v for s, e, v in find_dates(text, REPORT, language=language) if text[s:e] == expression)


@pytest.mark.parametrize(("language", "text", "expression", "start", "end"), [
    ("fr", "Le 3 mars, les ministres norvégien et suédois se sont réunis à Oslo. Le lendemain, ils ont signé un "
           "accord de pêche.", "Le lendemain", date(2025, 3, 4), date(2025, 3, 4)),
    ("en", "On March 3, the Norwegian and Swedish ministers met in Oslo. The next day, they signed a fishing deal.",
     "The next day", date(2025, 3, 4), date(2025, 3, 4)),
    ("fr", "Le 3 mars, la Norvège a proposé un accord. Deux jours plus tard, la Suède l'a refusé.",
     "Deux jours plus tard", date(2025, 3, 5), date(2025, 3, 5)),
    ("en", "On March 3, Norway proposed a deal. Two days later, Sweden turned it down.", "Two days later",
     date(2025, 3, 5), date(2025, 3, 5)),
    ("fr", "Les ministres se sont vus le 3 février. La semaine suivante, leurs adjoints ont pris le relais.",
     "La semaine suivante", date(2025, 2, 10), date(2025, 2, 16)),
    ("en", "The ministers met on February 3. The following week, their deputies took over.", "The following week",
     date(2025, 2, 10), date(2025, 2, 16)),
    ("fr", "En octobre 2023, la Norvège avait rappelé son ambassadeur. Un mois plus tard, il était revenu.",
     "Un mois plus tard", date(2023, 11, 1), date(2023, 11, 30)),
    ("en", "In October 2023, Norway recalled its ambassador. A month later, he was back.", "A month later",
     date(2023, 11, 1), date(2023, 11, 30)),
])
def test_an_anaphoric_expression_counts_from_the_date_stated_before_it(language, text, expression, start, end):
    value = value_of(text, expression, language)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(("language", "text", "expression", "day"), [
    ("fr", "Le lendemain, les ministres ont signé un accord de pêche.", "Le lendemain", date(2025, 3, 13)),
    ("en", "The next day, the ministers signed a fishing deal.", "The next day", date(2025, 3, 13)),
    ("fr", "Le 3 mars, la Norvège a proposé un accord. La Suède l'a refusé il y a deux jours.",
     "il y a deux jours", date(2025, 3, 10)),
    ("en", "On March 3, Norway proposed a deal. Sweden turned it down two days ago.", "two days ago",
     date(2025, 3, 10)),
])
def test_without_a_date_before_it_or_when_deictic_it_counts_from_the_report(language, text, expression, day):
    assert value_of(text, expression, language).start == day


@pytest.mark.parametrize(("language", "filler"), [
    ("fr", "Les négociations ont ensuite longtemps piétiné, chaque camp campant sur ses positions. "),
    ("en", "The negotiations then stalled for a long while, with each side sticking to its positions. "),
])
def test_a_date_stated_paragraphs_before_is_not_the_time_under_discussion(language, filler):
    opening = {"fr": "Le 3 janvier, la Norvège a proposé un accord. ", "en": "On January 3, Norway proposed a deal. "}
    closing = {"fr": "Le lendemain, la Suède l'a accepté.", "en": "The next day, Sweden accepted it."}
    text = opening[language] + filler * 5 + closing[language]
    expression = closing[language].split(",")[0]
    assert value_of(text, expression, language).start == date(2025, 3, 13)


@pytest.mark.parametrize(("language", "text", "expression"), [
    ("fr", "Le 3 février 2019, la Norvège a rappelé son ambassadeur ; il a regagné Stockholm à la fin du mois.",
     "à la fin du mois"),
    ("en", "On Feb. 3, 2019, Norway recalled its ambassador; he was back in Stockholm at the end of the month.",
     "at the end of the month"),
])
def test_the_end_of_the_month_is_that_of_the_month_under_discussion(language, text, expression):
    value = value_of(text, expression, language)
    assert (value.start, value.end) == (date(2019, 2, 21), date(2019, 2, 28))


@pytest.mark.parametrize(("language", "text", "expression"), [
    ("fr", "Les ministres se retrouveront à la fin du mois.", "à la fin du mois"),
    ("en", "The ministers will meet at the end of the month.", "at the end of the month"),
    ("fr", "Le 3 février 2019, la Norvège a rappelé son ambassadeur. Il reviendra à la fin de ce mois.",
     "à la fin de ce mois"),
])
def test_the_end_of_this_month_or_of_a_month_nothing_dated_is_the_reports(language, text, expression):
    value = value_of(text, expression, language)
    assert (value.start.year, value.start.month) == (2025, 3)
