"""English temporal expressions, resolved against Thursday 10 April 2025."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from dragoman.nlp.temporal import resolve

ANCHOR = date(2025, 4, 10)  # a Thursday


def span(text: str, **kw: object) -> tuple[str | None, str | None, str | None]:
    value = resolve(text, ANCHOR, language="en", **kw)
    if value is None:
        return None, None, None
    return str(value.start), str(value.end), value.precision


@pytest.mark.parametrize("text, day", [
    ("yesterday", "2025-04-09"), ("today", "2025-04-10"), ("tomorrow", "2025-04-11"),
    ("the day before yesterday", "2025-04-08"), ("the day after tomorrow", "2025-04-12"),
    ("last night", "2025-04-09"), ("this morning", "2025-04-10"),
])
def test_deictic_days(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


@pytest.mark.parametrize("text, start, end, precision", [
    ("last week", "2025-03-31", "2025-04-06", "week"),
    ("next month", "2025-05-01", "2025-05-31", "month"),
    ("this year", "2025-01-01", "2025-12-31", "year"),
    ("last year", "2024-01-01", "2024-12-31", "year"),
    ("this weekend", "2025-04-12", "2025-04-13", "week"),
    ("the previous week", "2025-03-31", "2025-04-06", "week"),
])
def test_calendar_periods(text: str, start: str, end: str, precision: str) -> None:
    assert span(text) == (start, end, precision)


@pytest.mark.parametrize("text, day", [
    ("on Feb. 27", "2025-02-27"),
    ("Feb 27, 2025", "2025-02-27"),
    ("February 27th", "2025-02-27"),
    ("27 February", "2025-02-27"),
    ("the 27th of February", "2025-02-27"),
    ("Tuesday, April 8", "2025-04-08"),
    ("May 5", "2025-05-05"),
    ("02/27/2025", "2025-02-27"),
    ("2025-02-27", "2025-02-27"),
    ("Christmas", "2025-12-25"),
    ("Easter", "2025-04-20"),
    ("New Year's Day", "2025-01-01"),
    ("Thanksgiving", "2025-11-27"),
])
def test_calendar_dates_and_holidays(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


@pytest.mark.parametrize("text, start, end", [
    ("early March", "2025-03-01", "2025-03-10"),
    ("mid-April", "2025-04-10", "2025-04-19"),
    ("late February", "2025-02-21", "2025-02-28"),
    ("the end of March", "2025-03-21", "2025-03-31"),
    ("at the end of the month", "2025-04-21", "2025-04-30"),
    ("late 2024", "2024-11-01", "2024-12-31"),
    ("the second half of 2024", "2024-07-01", "2024-12-31"),
])
def test_parts_of_periods(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end, precision", [
    ("in 2025", "2025-01-01", "2025-12-31", "year"),
    ("1999", "1999-01-01", "1999-12-31", "year"),
    ("March 2024", "2024-03-01", "2024-03-31", "month"),
    ("in May", "2025-05-01", "2025-05-31", "month"),
    ("the 1990s", "1990-01-01", "1999-12-31", "year"),
    ("Q1 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("the first quarter of 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("summer 2024", "2024-06-21", "2024-09-23", "quarter"),
])
def test_months_years_and_longer(text: str, start: str, end: str, precision: str) -> None:
    assert span(text) == (start, end, precision)


@pytest.mark.parametrize("text, day", [
    ("two weeks ago", "2025-03-27"),
    ("three years ago", "2022-04-10"),
    ("in three days", "2025-04-13"),
    ("in a week", "2025-04-17"),
    ("two days later", "2025-04-12"),
])
def test_counted_offsets(text: str, day: str) -> None:
    assert span(text) == (day, day, "day")


def test_a_month_and_a_half_ago_is_an_approximate_window() -> None:
    start, end, precision = span("a month and a half ago")
    assert start <= "2025-02-24" <= end and precision == "week"


@pytest.mark.parametrize("text, start, end", [
    ("earlier this month", "2025-04-01", "2025-04-10"),
    ("later this year", "2025-04-10", "2025-12-31"),
    ("the coming days", "2025-04-11", "2025-04-20"),
    ("in recent days", "2025-03-31", "2025-04-09"),
    ("a few days ago", "2025-04-03", "2025-04-08"),
    ("the next three days", "2025-04-11", "2025-04-13"),
    ("over the past two weeks", "2025-03-24", "2025-04-06"),
    ("by the end of the year", "2025-04-10", "2025-12-31"),
    ("within two weeks", "2025-04-10", "2025-04-24"),
    ("March 3-5", "2025-03-03", "2025-03-05"),
    ("from March 3 to March 5", "2025-03-03", "2025-03-05"),
    ("between March 3 and 5", "2025-03-03", "2025-03-05"),
    ("the first week of March", "2025-03-03", "2025-03-09"),
])
def test_stretches_and_ranges(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, day", [
    ("last Tuesday", "2025-04-08"),
    ("next Tuesday", "2025-04-15"),
    ("Monday next week", "2025-04-14"),
    ("Tuesday", "2025-04-08"),
    ("on Thursday", "2025-04-10"),
])
def test_weekdays(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


@pytest.mark.parametrize("text, day", [
    ("The minister said on Tuesday that talks had failed.", "2025-04-08"),
    ("He met the president on Friday.", "2025-04-04"),
    ("Talks will resume on Tuesday.", "2025-04-15"),
    ("The summit is scheduled for Friday.", "2025-04-11"),
    ("The vote is expected on Monday.", "2025-04-14"),
])
def test_weekday_in_a_sentence_follows_its_tense(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


def test_hours_ago_count_from_the_anchor_time() -> None:
    value = resolve("23 hours ago", datetime(2025, 4, 10, 10, 30), language="en")
    assert value.start == date(2025, 4, 9)


@pytest.mark.parametrize("text", ["He may come.", "They march on the capital.", "The first secretary spoke."])
def test_words_that_only_look_temporal_give_none(text: str) -> None:
    assert resolve(text, ANCHOR, language="en") is None


@pytest.mark.parametrize("text, start, end", [
    ("over the weekend", "2025-04-05", "2025-04-06"),
    ("this past weekend", "2025-04-05", "2025-04-06"),
    ("the past decade", "2015-04-10", "2025-04-10"),
    ("in 2024-25", "2024-01-01", "2025-12-31"),
    ("late last year", "2024-11-01", "2024-12-31"),
    ("early next month", "2025-05-01", "2025-05-10"),
    ("by 2030", "2025-04-10", "2030-12-31"),
    ("two weeks before May 13", "2025-04-29", "2025-04-29"),
])
def test_weekends_decades_and_anchored_offsets(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


def test_first_time_in_years_looks_back() -> None:
    start, end, _ = span("met for the first time in more than three years")
    assert (start, end) == ("2022-04-10", "2025-04-10")


def test_a_date_inside_a_noun_phrase_is_still_a_day() -> None:
    assert span("the Feb. 18 talks in Riyadh")[:2] == ("2025-02-18", "2025-02-18")


@pytest.mark.parametrize("text, day", [
    ("march 3", "2025-03-03"), ("mon.", "2025-04-07"), ("Tuesday the 8th", "2025-04-08"),
    ("february the 15th", "2025-02-15"), ("wednesday of next week", "2025-04-16"), ("the 2nd of next month", "2025-05-02"),
])
def test_a_bare_expression_may_be_lower_case(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


@pytest.mark.parametrize("sentence, day", [
    # "before" with a phrase after it is a preposition: the clause's future tense dates the weekday
    ("Russian officials are due to meet NATO members in Brussels on Wednesday, before a meeting in Vienna.",
     "2025-04-16"),
    ("The envoys will meet on Wednesday before the summit.", "2025-04-16"),
    ("The envoys met on Wednesday before the summit.", "2025-04-09"),
    # ending its phrase, it looks back
    ("The envoys had met the Wednesday before.", "2025-04-09"),
])
def test_an_ago_word_that_opens_a_phrase_is_no_cue_of_the_past(sentence: str, day: str) -> None:
    from dragoman.nlp.temporal import find_dates

    found = find_dates(sentence, ANCHOR, language="en")
    assert [str(value.start) for _, _, value in found][-1] == day
