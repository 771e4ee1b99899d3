"""An undated report speaks from its dateline's date, else from the latest date it states outside a future
clause; a year stated once carries to the days and months after it; a weekday sets a year only when the text
states none."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.ingest import documents_from_records
from dragoman.nlp.datelines import find_dateline
from dragoman.nlp.temporal import infer_anchor
from dragoman.pipeline import Pipeline
from fakes import NoEmbedder


def anchor(text: str, language: str, latest: date | None = None):
    found = find_dateline(text, language=language)
    return infer_anchor(text, language=language, dateline=(found.start, found.end) if found else None,
                        latest=latest)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Pêche\n\nOSLO, 3 mars 2024 (AFP) – La Norvège et la Suède ont signé un accord de pêche. Elles se "
           "retrouveront le 20 avril 2024 à Bergen."),
    ("en", "Fishing\n\nOSLO, March 3, 2024 (AFP) - Norway and Sweden signed a fishing deal. They will meet again in "
           "Bergen on April 20, 2024."),
])
def test_the_dateline_date_anchors_an_undated_report(language, text):
    assert anchor(text, language) == (date(2024, 3, 3), "day")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Pêche\n\nOSLO, 3 mars (AFP) – La Norvège et la Suède ont signé un accord de pêche. Le précédent, "
           "conclu le 14 avril 2023, avait expiré en janvier."),
    ("en", "Fishing\n\nOSLO, March 3 (AFP) - Norway and Sweden signed a fishing deal. The previous one, reached on "
           "April 14, 2023, expired in January."),
])
def test_a_dateline_day_comes_after_the_full_dates_the_report_recalls(language, text):
    assert anchor(text, language) == (date(2024, 3, 3), "day")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Pêche\n\nLa Norvège et la Suède ont signé le 4 mars 2024 un accord de pêche. Leurs ministres se "
           "retrouveront le 20 avril 2024 à Bergen."),
    ("en", "Fishing\n\nNorway and Sweden signed a fishing deal on March 4, 2024. Their ministers will meet again in "
           "Bergen on April 20, 2024."),
])
def test_a_date_of_a_future_clause_is_not_the_reports_day(language, text):
    assert anchor(text, language) == (date(2024, 3, 4), "day")


@pytest.mark.parametrize(("language", "text", "day"), [
    ("fr", "Pêche\n\nLe 10 février 2024, la Norvège a proposé un accord. La Suède l'a accepté le 14 février.",
     date(2024, 2, 14)),
    ("en", "Fishing\n\nOn February 10, 2024, Norway proposed a deal. Sweden accepted it on February 14.",
     date(2024, 2, 14)),
    ("en", "Fishing\n\nOn December 28, 2023, Norway proposed a deal. Sweden accepted it on January 4.",
     date(2024, 1, 4)),
    ("fr", "Pêche\n\nLes ministres se sont retrouvés le 29 novembre 2023 à Oslo. Leur dernière réunion s'était "
           "achevée le 20 juin.", date(2023, 11, 29)),
])
def test_a_year_stated_once_carries_to_the_days_after_it(language, text, day):
    assert anchor(text, language) == (day, "day")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Pêche\n\nLa Norvège et la Suède ont signé jeudi 28 mars un accord de pêche. Leur premier accord, le 12 "
           "septembre 2023, n'avait pas tenu."),
    ("en", "Fishing\n\nNorway and Sweden signed a fishing deal on Thursday, March 28. Their first deal, on September "
           "12, 2023, had not held."),
])
def test_days_before_a_recalled_full_date_are_in_the_year_after_it(language, text):
    assert anchor(text, language) == (date(2024, 3, 28), "day")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Pêche\n\nLa Norvège et la Suède ont signé un accord de pêche. Leurs négociations ont duré du 2 au 5 "
           "mars 2024."),
    ("en", "Fishing\n\nNorway and Sweden signed a fishing deal. Their talks ran from March 2 to March 5, 2024."),
])
def test_a_range_gives_its_last_day(language, text):
    assert anchor(text, language) == (date(2024, 3, 5), "day")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Pêche\n\nLa Norvège et la Suède ont signé mardi 5 mars un accord de pêche."),
    ("en", "Fishing\n\nNorway and Sweden signed a fishing deal on Tuesday, March 5."),
])
def test_a_weekday_sets_the_year_when_no_year_is_stated(language, text):
    # Tuesday 5 March: 2019, 2024; the latest year up to the last possible day of the report
    assert anchor(text, language, latest=date(2023, 6, 1)) == (date(2019, 3, 5), "day")
    assert anchor(text, language, latest=date(2026, 12, 7)) == (date(2024, 3, 5), "day")


@pytest.mark.parametrize(("language", "text", "found"), [
    ("fr", "Pêche\n\nLa Norvège et la Suède ont signé mardi 5 mars un accord de pêche, après l'échec du "
           "mercredi 27 février.", (date(2019, 3, 5), "day")),
    ("en", "Fishing\n\nNorway and Sweden signed a fishing deal on Tuesday, March 5, after talks failed on "
           "Wednesday, February 27.", (date(2019, 3, 5), "day")),
    ("en", "Fishing\n\nNorway and Sweden signed a fishing deal on Tuesday, March 5, after talks failed on "
           "Tuesday, March 6.", None),
])
def test_several_weekdays_set_the_year_they_all_fit_or_none(language, text, found):
    # Tuesday 5 March and Wednesday 27 February: 2019 and 2013, not 2024 (Tuesday 27 February)
    assert anchor(text, language, latest=date(2026, 12, 7)) == found


def test_a_weekday_does_not_override_a_stated_year():
    text = "Fishing\n\nNorway and Sweden signed a fishing deal on Tuesday, March 5. Talks began in January 2021."
    assert anchor(text, "en", latest=date(2026, 12, 7)) == (date(2021, 1, 1), "month")


@pytest.mark.parametrize(("language", "text", "day"), [
    ("fr", "Pêche : accord entre Oslo et Stockholm\n\nOSLO, 3 mars (AFP) – La Norvège et la Suède ont signé lundi un "
           "accord de pêche. Le précédent, conclu le 14 avril 2023, avait expiré en janvier.", date(2024, 3, 3)),
    ("en", "Oslo and Stockholm sign fishing deal\n\nOSLO, March 3 (AFP) - Norway and Sweden signed a fishing deal on "
           "Monday. The previous one, reached on April 14, 2023, expired in January.", date(2024, 3, 3)),
])
def test_an_undated_report_dates_its_events_from_its_dateline(language, text, day):
    [doc] = documents_from_records([{"title": text.split("\n")[0], "text": text, "language": language}])
    [analysis] = Pipeline(embedder=NoEmbedder()).analyse([doc])
    assert analysis.document.published == day and "published_inferred" in analysis.document.flags
    signed = [c for c in analysis.candidates if c.trigger in ("signé", "signed")]
    assert signed and {(c.date.start, c.date.end) for c in signed} == {(date(2024, 2, 26), date(2024, 2, 26))}
