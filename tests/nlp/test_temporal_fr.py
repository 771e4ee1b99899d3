"""French temporal expressions, resolved against Thursday 10 April 2025."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.nlp.temporal import resolve

ANCHOR = date(2025, 4, 10)  # a Thursday


def span(text: str, **kw: object) -> tuple[str | None, str | None, str | None]:
    value = resolve(text, ANCHOR, language="fr", **kw)
    if value is None:
        return None, None, None
    return str(value.start), str(value.end), value.precision


@pytest.mark.parametrize("text, start, end", [
    ("hier", "2025-04-09", "2025-04-09"),
    ("avant-hier", "2025-04-08", "2025-04-08"),
    ("avant hier", "2025-04-08", "2025-04-08"),
    ("aujourd'hui", "2025-04-10", "2025-04-10"),
    ("Aujourd’hui", "2025-04-10", "2025-04-10"),
    ("ce jour", "2025-04-10", "2025-04-10"),
    ("demain", "2025-04-11", "2025-04-11"),
    ("après-demain", "2025-04-12", "2025-04-12"),
    ("hier soir", "2025-04-09", "2025-04-09"),
    ("aujourd'hui jeudi", "2025-04-10", "2025-04-10"),
])
def test_deictic_days_are_offsets_from_the_anchor(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end, precision", [
    ("cette semaine", "2025-04-07", "2025-04-13", "week"),
    ("la semaine dernière", "2025-03-31", "2025-04-06", "week"),
    ("la semaine prochaine", "2025-04-14", "2025-04-20", "week"),
    ("le mois dernier", "2025-03-01", "2025-03-31", "month"),
    ("l'an dernier", "2024-01-01", "2024-12-31", "year"),
    ("l'année prochaine", "2026-01-01", "2026-12-31", "year"),
    ("cette année", "2025-01-01", "2025-12-31", "year"),
    ("ce trimestre", "2025-04-01", "2025-06-30", "quarter"),
    ("ce week-end", "2025-04-12", "2025-04-13", "week"),
])
def test_calendar_periods_relative_to_the_anchor(text: str, start: str, end: str, precision: str) -> None:
    assert span(text) == (start, end, precision)


@pytest.mark.parametrize("text, start, end", [
    ("début mars", "2025-03-01", "2025-03-10"),
    ("fin février", "2025-02-21", "2025-02-28"),
    ("mi-avril", "2025-04-10", "2025-04-19"),
    ("à la mi-juin", "2025-06-10", "2025-06-19"),
    ("en début de mois", "2025-04-01", "2025-04-10"),
    ("en fin de mois", "2025-04-21", "2025-04-30"),
    ("fin du mois de mars", "2025-03-21", "2025-03-31"),
    ("début 2025", "2025-01-01", "2025-02-28"),
    ("fin 2024", "2024-11-01", "2024-12-31"),
])
def test_parts_of_months_and_years_are_windows(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end", [
    ("le 27 février", "2025-02-27", "2025-02-27"),
    ("le 27 février dernier", "2025-02-27", "2025-02-27"),
    ("1er septembre prochain", "2025-09-01", "2025-09-01"),
    ("le 6 avril prochain", "2026-04-06", "2026-04-06"),
    ("samedi 5 avril", "2025-04-05", "2025-04-05"),
    ("le mardi 1er avril", "2025-04-01", "2025-04-01"),
    ("27 février 2025", "2025-02-27", "2025-02-27"),
    ("8 avr. 2025", "2025-04-08", "2025-04-08"),
    ("le 10 novembre 93", "1993-11-10", "1993-11-10"),
    ("27/02/2025", "2025-02-27", "2025-02-27"),
    ("2025-02-27", "2025-02-27", "2025-02-27"),
    ("le 2/3", "2025-03-02", "2025-03-02"),
    ("premier mars", "2025-03-01", "2025-03-01"),
])
def test_calendar_dates(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end, precision", [
    ("en 2025", "2025-01-01", "2025-12-31", "year"),
    ("1999", "1999-01-01", "1999-12-31", "year"),
    ("l'année 2001", "2001-01-01", "2001-12-31", "year"),
    ("avril 2001", "2001-04-01", "2001-04-30", "month"),
    ("octobre 98", "1998-10-01", "1998-10-31", "month"),
    ("en mars", "2025-03-01", "2025-03-31", "month"),
    ("juin prochain", "2025-06-01", "2025-06-30", "month"),
    ("septembre dernier", "2024-09-01", "2024-09-30", "month"),
    ("les années 90", "1990-01-01", "1999-12-31", "year"),
    ("le premier trimestre 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("T3 2024", "2024-07-01", "2024-09-30", "quarter"),
])
def test_months_years_decades_quarters(text: str, start: str, end: str, precision: str) -> None:
    assert span(text) == (start, end, precision)


@pytest.mark.parametrize("text, start, end", [
    ("il y a trois semaines", "2025-03-20", "2025-03-20"),
    ("il y a deux mois", "2025-02-10", "2025-02-10"),
    ("il ya un jour", "2025-04-09", "2025-04-09"),
    ("dans deux semaines", "2025-04-24", "2025-04-24"),
    ("dans un mois", "2025-05-10", "2025-05-10"),
    ("deux jours plus tard", "2025-04-12", "2025-04-12"),
    ("vingt-deux jours plus tôt", "2025-03-19", "2025-03-19"),
])
def test_counted_offsets_are_exact_days(text: str, start: str, end: str) -> None:
    assert span(text) == (start, end, "day")


@pytest.mark.parametrize("text", ["il y a un mois et demi", "il y a à peine un mois et demi"])
def test_a_month_and_a_half_ago_is_a_window_around_45_days(text: str) -> None:
    start, end, precision = span(text)
    assert start <= "2025-02-24" <= end  # 10 April minus 45 days
    assert (date.fromisoformat(end) - date.fromisoformat(start)).days <= 10
    assert precision == "week"


@pytest.mark.parametrize("text, start, end", [
    ("dans les prochains jours", "2025-04-11", "2025-04-20"),
    ("ces derniers jours", "2025-03-31", "2025-04-09"),
    ("il y a quelques jours", "2025-04-03", "2025-04-08"),
    ("d'ici la fin de l'année", "2025-04-10", "2025-12-31"),
    ("d'ici deux semaines", "2025-04-10", "2025-04-24"),
    ("depuis trois ans", "2022-04-10", "2025-04-10"),
    ("depuis le début de l'année", "2025-01-01", "2025-04-10"),
    ("plus tôt cette année", "2025-01-01", "2025-04-10"),
    ("les 2 derniers jours", "2025-04-08", "2025-04-09"),
    ("les 3 prochaines semaines", "2025-04-14", "2025-05-04"),
])
def test_vague_and_open_stretches_give_intervals(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end", [
    ("du 3 au 5 mars", "2025-03-03", "2025-03-05"),
    ("entre le 3 et le 5 mars", "2025-03-03", "2025-03-05"),
    ("du 28 décembre au 3 janvier", "2024-12-28", "2025-01-03"),
    ("mars-avril 2024", "2024-03-01", "2024-04-30"),
    ("entre 1990 et 1999", "1990-01-01", "1999-12-31"),
    ("la première semaine de mars", "2025-03-03", "2025-03-09"),
    ("le dernier jour de février", "2025-02-28", "2025-02-28"),
    ("le premier lundi de mai", "2025-05-05", "2025-05-05"),
    ("la première quinzaine d'avril", "2025-04-01", "2025-04-14"),
    ("le lendemain du 13 février", "2025-02-14", "2025-02-14"),
    ("la veille de Noël", "2025-12-24", "2025-12-24"),
])
def test_ranges_and_composite_expressions(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


@pytest.mark.parametrize("text, day", [
    ("Noël", "2025-12-25"), ("la Toussaint", "2025-11-01"), ("Pâques", "2025-04-20"),
    ("la Pentecôte", "2025-06-08"), ("le lundi de Pâques", "2025-04-21"), ("le 14 juillet", "2025-07-14"),
])
def test_holidays(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


@pytest.mark.parametrize("text, day", [
    ("mardi dernier", "2025-04-08"),
    ("jeudi dernier", "2025-04-03"),
    ("lundi prochain", "2025-04-14"),
    ("jeudi prochain", "2025-04-17"),
    ("mardi de la semaine prochaine", "2025-04-15"),
    ("lundi en huit", "2025-04-21"),
])
def test_weekdays_with_explicit_direction(text: str, day: str) -> None:
    assert span(text)[:2] == (day, day)


@pytest.mark.parametrize("context, day", [
    ("Le ministre a annoncé mardi sa démission.", "2025-04-08"),
    ("Le ministre annonçait mardi sa démission.", "2025-04-08"),
    ("Le ministre s'est rendu mardi à Berlin.", "2025-04-08"),
    ("Le ministre se rendra mardi à Berlin.", "2025-04-15"),
    ("Le ministre va se rendre mardi à Berlin.", "2025-04-15"),
    ("Le ministre devrait se rendre mardi à Berlin.", "2025-04-15"),
    ("Le sommet est prévu mardi à Berlin.", "2025-04-15"),
])
def test_bare_weekday_follows_the_tense_of_its_sentence(context: str, day: str) -> None:
    assert span("mardi", context=context)[:2] == (day, day)


@pytest.mark.parametrize("text, context, day", [
    ("ce jeudi", "Le président a reçu ce jeudi son homologue.", "2025-04-10"),
    ("ce jeudi", "Le président recevra ce jeudi son homologue.", "2025-04-10"),
    ("ce lundi", "Le président a reçu ce lundi son homologue.", "2025-04-07"),
    ("ce lundi", "Le président recevra ce lundi son homologue.", "2025-04-14"),
])
def test_this_weekday_is_today_or_the_nearest_in_the_tense(text: str, context: str, day: str) -> None:
    assert span(text, context=context)[:2] == (day, day)


def test_bare_weekday_without_tense_is_the_latest_one_including_today() -> None:
    assert span("jeudi")[:2] == ("2025-04-10", "2025-04-10")
    assert span("mercredi")[:2] == ("2025-04-09", "2025-04-09")


def test_yearless_date_in_a_past_sentence_is_before_the_anchor() -> None:
    assert span("le 21 juin", context="Le drame s'est produit le 21 juin.")[:2] == ("2024-06-21", "2024-06-21")
    assert span("le 21 juin", context="Le sommet se tiendra le 21 juin.")[:2] == ("2025-06-21", "2025-06-21")


def test_fragment_of_a_range_takes_month_from_its_context() -> None:
    context = "Un stage se déroulera du 19 au 23 juillet au centre social."
    assert span("19", context=context)[:2] == ("2025-07-19", "2025-07-19")
    assert span("23 juillet", context=context)[:2] == ("2025-07-23", "2025-07-23")


def test_month_anchor_widens_relative_expressions() -> None:
    value = resolve("il y a un mois et demi", date(2025, 4, 15), language="fr", anchor_precision="month")
    assert value.start <= date(2025, 2, 15) and value.end >= date(2025, 3, 15)
    assert value.precision == "month"


def test_month_anchor_puts_a_weekday_in_the_anchor_month() -> None:
    value = resolve("ce jeudi", date(2025, 4, 15), language="fr", anchor_precision="month")
    assert (value.start, value.end, value.precision) == (date(2025, 4, 1), date(2025, 4, 30), "month")


def test_month_anchor_leaves_absolute_dates_alone() -> None:
    value = resolve("le 6 mai 2025", date(2025, 4, 15), language="fr", anchor_precision="month")
    assert (value.start, value.end, value.precision) == (date(2025, 5, 6), date(2025, 5, 6), "day")


@pytest.mark.parametrize("text", ["", "Le président a parlé longtemps.", "Premier ministre", "mettre fin aux combats"])
def test_no_temporal_expression_gives_none(text: str) -> None:
    assert resolve(text, ANCHOR, language="fr") is None


@pytest.mark.parametrize("text, start, end", [
    ("il y a près d'un an", "2024-03-05", "2024-05-16"),
    ("il y a tout juste un an", "2024-04-10", "2024-04-10"),
    ("voici deux semaines", "2025-03-27", "2025-03-27"),
    ("d'ici à 2030", "2025-04-10", "2030-12-31"),
    ("au début de l'année prochaine", "2026-01-01", "2026-02-28"),
    ("à la fin du mois dernier", "2025-03-21", "2025-03-31"),
    ("en 2024-2025", "2024-01-01", "2025-12-31"),
    ("deux semaines avant le 13 mai", "2025-04-29", "2025-04-29"),
])
def test_hedges_deadlines_and_offsets_from_a_date(text: str, start: str, end: str) -> None:
    assert span(text)[:2] == (start, end)


def test_the_day_before_an_event_is_not_the_day_before_the_anchor() -> None:
    assert resolve("la veille du sommet", ANCHOR, language="fr") is None
    assert span("la veille")[:2] == ("2025-04-09", "2025-04-09")


def test_a_feast_inside_a_hyphenated_name_is_a_name() -> None:
    assert resolve("le ministre Jean-Noël Barrot", ANCHOR, language="fr") is None


def test_telephone_numbers_are_not_dates() -> None:
    assert resolve("s'adresser au 03.29.88.43.12", ANCHOR, language="fr") is None
