"""Finding every temporal expression in an article, and the ``dragoman dates`` contract."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.nlp.temporal import detect_language, find_dates, resolve, run_dates

ANCHOR = date(2025, 4, 10)

ARTICLE_FR = (
    "Le ministre des Affaires étrangères a reçu mardi son homologue allemand, arrivé la veille à Paris. "
    "Les deux hommes se reverront le 27 avril à Berlin, puis début mai à Varsovie, a-t-il précisé. "
    "Il y a un mois et demi, les négociations avaient échoué. Un sommet est prévu d'ici la fin de l'année; "
    "en 2024, 2000 soldats avaient été déployés. Le Premier ministre a mis fin aux discussions. "
)
PROSE_FR = (
    "Les deux délégations ont longuement évoqué la question des visas, du personnel diplomatique et des comptes "
    "bancaires des ambassades, selon un communiqué publié à l'issue de la rencontre. Les diplomates ont insisté sur "
    "la nécessité de rétablir un dialogue régulier, sans toutefois annoncer de percée majeure sur le fond du dossier. "
)
ARTICLE_EN = (
    "The foreign minister met his German counterpart on Tuesday, a day after talks collapsed. "
    "They will meet again on April 27 in Berlin and in early May in Warsaw. "
    "Two weeks ago, 2000 troops were deployed; a summit is expected by the end of the year. "
)


def found_texts(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_dates(text, ANCHOR, language=language)]


def test_french_article_expressions_are_all_found() -> None:
    assert found_texts(ARTICLE_FR, "fr") == [
        "mardi", "la veille", "le 27 avril", "début mai", "Il y a un mois et demi", "d'ici la fin de l'année",
        "en 2024"]


def test_english_article_expressions_are_all_found() -> None:
    assert found_texts(ARTICLE_EN, "en") == [
        "on Tuesday", "on April 27", "in early May", "Two weeks ago", "by the end of the year"]


def test_value_text_is_the_matched_span() -> None:
    for start, end, value in find_dates(ARTICLE_FR, ANCHOR, language="fr"):
        assert value.text == ARTICLE_FR[start:end]


def test_each_expression_takes_the_tense_of_its_own_clause() -> None:
    text = "Le ministre a annoncé mardi qu'il se rendra jeudi à Berlin."
    days = [value.start for _, _, value in find_dates(text, ANCHOR, language="fr")]
    assert days == [date(2025, 4, 8), date(2025, 4, 10)]


def test_a_list_of_days_gives_one_date_each() -> None:
    text = "Les élections auront lieu les 6 et 13 avril prochains."
    found = find_dates(text, date(2003, 2, 24), language="fr")
    assert [(text[s:e], v.start) for s, e, v in found] == [
        ("6", date(2003, 4, 6)), ("13 avril prochains", date(2003, 4, 13))]


def test_without_anchor_only_absolute_expressions_get_dates() -> None:
    found = find_dates("Le 27 février 2025, hier, il a parlé de mars 2024.", None, language="fr")
    values = [(v.start, v.precision) for _, _, v in found]
    assert values == [(date(2025, 2, 27), "day"), (None, "unknown"), (date(2024, 3, 1), "month")]


@pytest.mark.parametrize("text", ["2000 soldats ont été déployés.", "Il a 1999 raisons.", "le score de 3-1"])
def test_numbers_that_count_things_are_not_dates(text: str) -> None:
    assert find_dates(text, ANCHOR, language="fr") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789/-.,'aéz") + [
    "mars", "hier", "il y a", "jours", "le", "du", "au", "fin", "mi", "dernier", "2025", "lundi", "et", "entre"]),
    max_size=20).map(" ".join))
def test_spans_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    found = find_dates(text, ANCHOR, language="fr")
    previous_end = 0
    for start, end, value in found:
        assert previous_end <= start < end <= len(text)
        assert value.start is None or value.end is None or value.start <= value.end
        previous_end = end


def test_run_dates_follows_the_contract() -> None:
    rows = [{"id": "a", "text": "hier", "anchor": "2025-04-10T08:00:00+02:00"},
            {"text": "il a fait beau", "anchor": "2025-04-10"},
            {"text": "mardi", "anchor": "2025-04-10", "context": "Il se rendra mardi à Berlin.", "language": "fr"},
            {"text": "last month", "anchor": "2025-04-10"}]
    out = list(run_dates(rows))
    assert out[0] == {"id": "a", "anchor": "2025-04-10T08:00:00+02:00", "text": "hier",
                      "start": "2025-04-09", "end": "2025-04-09", "grain": "day"}
    assert (out[1]["start"], out[1]["end"], out[1]["grain"]) == (None, None, None)
    assert out[2]["start"] == "2025-04-15"
    assert (out[3]["start"], out[3]["grain"]) == ("2025-03-01", "month")


def test_run_dates_accepts_timeml_field_names() -> None:
    row = {"text": "dimanche", "dct": "1999-05-18", "sentence": "Le village fera la fête dimanche."}
    assert next(run_dates([row]))["start"] == "1999-05-23"


@pytest.mark.parametrize("text, language", [
    ("La réunion a eu lieu hier à Paris.", "fr"), ("The meeting was held yesterday in Paris.", "en"),
    ("hier", "fr"), ("last week", "en"), ("", "fr")])
def test_language_is_detected_from_lexicon_words(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_resolve_reads_a_datetime_anchor_as_its_day() -> None:
    from datetime import datetime

    assert resolve("hier", datetime(2025, 4, 10, 23, 59), language="fr").start == date(2025, 4, 9)


@pytest.mark.parametrize("text, day", [
    ("La rencontre n'aura duré qu'une heure, lundi.", date(2025, 4, 7)),  # news' future perfect looks back
    ("Le sommet n'aura pas apporté de percée, vendredi.", date(2025, 4, 4)),
    ("D'ici lundi, les deux pays auront signé l'accord.", date(2025, 4, 14)),  # a deadline points ahead
    ("Quand ils auront signé lundi, la trêve commencera.", date(2025, 4, 14)),
    ("L'accord sera signé lundi.", date(2025, 4, 14)),
])
def test_future_perfect_weekday_direction(text: str, day: date) -> None:
    assert [value.start for _, _, value in find_dates(text, ANCHOR, language="fr")] == [day]


@pytest.mark.parametrize("language, text, day", [
    # the reporting verb after a comma does not give its tense to what it reports
    ("en", "The president will meet his counterpart in Anchorage on Friday, the White House said.", date(2025, 4, 11)),
    ("fr", "Le président rencontrera son homologue vendredi, a indiqué l'Élysée.", date(2025, 4, 11)),
    ("en", "They met in Geneva on Friday, the ministry said.", date(2025, 4, 4)),
    ("fr", "Les ministres se sont rencontrés vendredi, a précisé le ministère.", date(2025, 4, 4)),
])
def test_an_attribution_after_a_comma_does_not_set_the_tense(language: str, text: str, day: date) -> None:
    assert [value.start for _, _, value in find_dates(text, ANCHOR, language=language)] == [day]


@pytest.mark.parametrize("text", ["les 0 derniers jours", "0 jours dernier"])
def test_a_run_of_zero_units_is_no_date(text: str) -> None:
    assert all(value.start is None or value.start <= value.end for _, _, value in find_dates(text, ANCHOR, language="fr"))
