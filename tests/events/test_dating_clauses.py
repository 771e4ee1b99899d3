"""An event is dated from its own clause: a date of a clause above it is a fallback, never across a relative
clause in another tense or a clause of sequence, and a date of a relative clause beside it is that clause's."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

from dragoman.events.dating_clauses import SIBLING, clause_rank
from dragoman.model import Mention
from dragoman.nlp.temporal import find_dates

# published Wednesday 2025-03-12: "mardi"/"Tuesday" is the 11th
TUESDAY = (date(2025, 3, 11), date(2025, 3, 11))


def dates_of(found, trigger: str) -> list[tuple[date | None, date | None]]:
    return [(c.date.start, c.date.end) for c in found if c.trigger == trigger]


def rank(nlp, language: str, text: str, date_text: str, trigger: str) -> int | None:
    sdoc = nlp[language](text)
    [(start, end, value)] = [f for f in find_dates(text, date(2025, 3, 12), language=language)
                             if text[f[0]:f[1]].endswith(date_text)]
    at = text.index(trigger)
    mention = Mention("date", start, end, text[start:end], 0, value)
    return clause_rank(sdoc, mention, (at, at + len(trigger)), frozenset({"after", "après"}))


@pytest.mark.parametrize(("language", "text", "trigger", "when"), [
    ("en", "Talks\n\nA spokesman said on Tuesday that the meeting between Norway and Sweden planned for next week "
           "would take place in Oslo.", "meeting", (date(2025, 3, 17), date(2025, 3, 23))),
    ("fr", "Pourparlers\n\nLe porte-parole du gouvernement norvégien a déclaré mardi que la rencontre avec la Suède "
           "prévue le 20 mars aurait lieu à Oslo.", "rencontre", (date(2025, 3, 20), date(2025, 3, 20))),
])
def test_the_day_a_spokesperson_spoke_does_not_date_a_meeting_with_its_own_date(pipeline, language, text, trigger,
                                                                                 when):
    assert dates_of(candidates(pipeline, text, language), trigger) == [when]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Deal\n\nNorway and Sweden signed a fishing agreement that will expire in six years.", "signed"),
    ("fr", "Accord\n\nLa Norvège et la Suède ont signé un accord de pêche qui expirera dans six ans.", "signé"),
])
def test_a_date_of_a_relative_clause_beside_the_event_is_not_its_date(pipeline, language, text, trigger):
    assert dates_of(candidates(pipeline, text, language), trigger) == [(None, None)]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Talks\n\nNorway and Sweden, whose ministers met in Oslo on Tuesday, will hold another round next month.",
     "met"),
    ("fr", "Pourparlers\n\nLa Norvège et la Suède, dont les ministres se sont rencontrés mardi à Oslo, tiendront une "
           "nouvelle session le mois prochain.", "rencontrés"),
])
def test_a_past_weekday_goes_back_whatever_the_tense_of_the_main_verb(pipeline, language, text, trigger):
    found = candidates(pipeline, text, language)
    assert dates_of(found, trigger) == [TUESDAY]
    assert {c.status for c in found if c.trigger == trigger} == {"occurred"}


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Pourparlers\n\nMardi à Oslo, les ministres norvégien et suédois, qui se retrouvent chaque année, ont "
           "discuté des quotas de pêche.", "retrouvent"),
    ("fr", "Trêve\n\nLa Norvège et la Suède s'accusent de l'avoir violée dès son entrée en vigueur, samedi à midi.",
     "accusent"),
])
def test_a_weekday_of_another_clause_or_read_as_past_is_not_the_coming_one(pipeline, language, text, trigger):
    assert all(start is None or start < date(2025, 3, 12) for start, _ in dates_of(candidates(pipeline, text, language),
                                                                                 trigger))


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Expulsions\n\nNorway announced on Wednesday that it would expel 12 Swedish diplomats, its largest such "
           "move in more than three decades.", "expel"),
    ("fr", "Expulsions\n\nLa Norvège a annoncé mercredi qu'elle expulserait douze diplomates suédois, une mesure qui "
           "restera en vigueur dans dix ans.", "expulserait"),
])
def test_a_stretch_of_years_ahead_is_never_the_events_date(pipeline, language, text, trigger):
    assert dates_of(candidates(pipeline, text, language), trigger) == [(date(2025, 3, 12), date(2025, 3, 12))]


@pytest.mark.parametrize(("language", "text", "trigger", "when"), [
    ("en", "Deal\n\nThe agreement builds on a declaration signed in Oslo on 11 March, in which Norway and Sweden "
           "pledged to share fishing data.", "pledged", TUESDAY),
    ("fr", "Accord\n\nL'accord prolonge une déclaration signée à Oslo le 11 mars, par laquelle la Norvège et la Suède "
           "s'engagent à partager leurs données de pêche.", "engagent", TUESDAY),
])
def test_a_relative_clause_takes_the_date_of_its_antecedent(pipeline, language, text, trigger, when):
    assert dates_of(candidates(pipeline, text, language), trigger) == [when]


@pytest.mark.parametrize(("language", "text", "date_text", "trigger"), [
    ("en", "Missiles hit the port on Saturday, a day after Norway and Sweden signed a deal.", "Saturday", "signed"),
    ("fr", "Des missiles ont frappé le port samedi, au lendemain du jour où la Norvège et la Suède ont signé un accord, "
           "deux jours après que leurs ministres se sont rencontrés.", "samedi", "rencontrés"),
])
def test_a_clause_of_sequence_is_not_dated_by_the_clause_above(nlp, language, text, date_text, trigger):
    assert rank(nlp, language, text, date_text, trigger) is None


@pytest.mark.parametrize(("language", "text", "date_text", "trigger", "expected"), [
    ("en", "Norway said on Tuesday that the talks with Sweden had ended.", "Tuesday", "talks", 1),
    ("en", "When they met on Tuesday, Norway and Sweden agreed to share fishing data.", "Tuesday", "agreed", SIBLING),
    ("fr", "La Norvège a annoncé mardi que les pourparlers avec la Suède étaient terminés.", "mardi", "pourparlers", 1),
    ("fr", "Les ministres se sont rencontrés mardi et ont signé un accord.", "mardi", "signé", 1),
])
def test_a_date_above_or_beside_the_event_is_a_fallback(nlp, language, text, date_text, trigger, expected):
    assert rank(nlp, language, text, date_text, trigger) == expected


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Talks\n\nThe foreign ministers of Egypt and Jordan will meet in Geneva, the State Department said on "
           "Tuesday.", "meet"),
    ("fr", "Pourparlers\n\nLes ministres égyptien et jordanien des affaires étrangères se rencontreront à Genève, a "
           "indiqué mardi le département d'État.", "rencontreront"),
    ("en", "Talks\n\nEgypt said on Tuesday that it would hold talks with Jordan in Geneva.", "talks"),
])
def test_a_meeting_still_to_come_is_not_dated_by_the_day_it_was_announced(pipeline, language, text, trigger):
    assert dates_of(candidates(pipeline, text, language), trigger) == [(None, None)]


@pytest.mark.parametrize(("language", "text", "trigger", "when"), [
    ("en", "Talks\n\nNorway and Sweden held their first talks in three months on Monday.", "talks",
     (date(2025, 3, 10), date(2025, 3, 10))),
    ("en", "Talks\n\nThe Norwegian and Swedish ministers met in Oslo, their first meeting in three months.", "met",
     (None, None)),
    ("fr", "Pourparlers\n\nLes ministres norvégien et suédois se sont rencontrés à Oslo, une première en trois mois.",
     "rencontrés", (None, None)),
])
def test_a_stretch_back_from_a_past_event_is_not_its_date(pipeline, language, text, trigger, when):
    assert dates_of(candidates(pipeline, text, language), trigger) == [when]


@pytest.mark.parametrize(("language", "text", "trigger", "when"), [
    ("en", "Talks\n\nNorway and Sweden will hold talks in two weeks.", "talks", (date(2025, 3, 26), date(2025, 3, 26))),
    ("fr", "Pourparlers\n\nLa Norvège et la Suède se rencontreront dans deux semaines à Oslo.", "rencontreront",
     (date(2025, 3, 26), date(2025, 3, 26))),
])
def test_an_offset_ahead_dates_an_event_to_come(pipeline, language, text, trigger, when):
    assert dates_of(candidates(pipeline, text, language), trigger) == [when]


@pytest.mark.parametrize(("language", "text", "trigger", "when"), [
    ("en", "Talks\n\nFrance announced on Tuesday a meeting with Algeria.", "meeting", (None, None)),
    ("fr", "Rencontre\n\nLa France a annoncé mardi une rencontre avec l'Algérie.", "rencontre", (None, None)),
    ("fr", "Rencontre\n\nLa France a confirmé lundi la rencontre avec l'Algérie prévue jeudi.", "rencontre",
     (date(2025, 3, 13), date(2025, 3, 13))),
    ("en", "Talks\n\nFrance and Algeria held a meeting on Tuesday.", "meeting", TUESDAY),
])
def test_a_meeting_announced_is_dated_by_its_own_phrase_only(pipeline, language, text, trigger, when):
    assert dates_of(candidates(pipeline, text, language), trigger) == [when]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Expulsions\n\nLa Norvège a annoncé mardi l'expulsion de trois diplomates suédois.", "expulsion"),
])
def test_an_act_announced_is_dated_by_its_announcement(pipeline, language, text, trigger):
    assert dates_of(candidates(pipeline, text, language), trigger) == [TUESDAY]


@pytest.mark.parametrize(("language", "text", "date_text", "trigger"), [
    ("en", "Oleg Gordievsky, a former Soviet intelligence officer who passed secrets to British intelligence, "
           "was honoured in London on Tuesday.", "Tuesday", "passed"),
    ("fr", "Oleg Gordievsky, un ancien officier du renseignement soviétique qui a transmis des secrets aux "
           "services britanniques, a été honoré mardi à Londres.", "mardi", "transmis"),
])
def test_the_relative_clause_of_an_apposition_is_not_dated_by_the_main_clause(nlp, language, text, date_text,
                                                                            trigger):
    assert rank(nlp, language, text, date_text, trigger) is None
