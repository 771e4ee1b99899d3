"""PETRARCH/TABARI actor and agent dictionaries (``dragoman code --actors``)."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.errors import UnreadableInput
from dragoman.events import run_code
from dragoman.nlp.actor_dict import ActorDictionary, parse_code, read_entries

ACTORS = """\
<!-- a test dictionary -->
<!--
# a comment block over several lines
-->
NARNIA_  [NAR]   # exact: "Narnian" is not NARNIA
+CAIR_PARAVEL
CALORMEN [CAL]
+CALORMENE
ARCHENLAND  [ARC]
TASH
    [TSH < 950601]
    [TSHGOV 19950601 - 19990815]
    [TSHREB > 990816]
THE_LONE_ISLANDS [LNI/GLM]
ASLAN [---]
ENT [ENT]
"""

AGENTS = """\
!PERSON! = MAN, MEN
GOVERNMENT [~GOV]
POLICE {} [~COP]
FOREIGN_MINISTER [~GOVFRM]
LAWMAKER [~LEG]
CONGRESS!PERSON! [~LEG]
MSF {} [NGO~]
"""


@pytest.fixture()
def dictionary(tmp_path) -> ActorDictionary:
    actors, agents = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return ActorDictionary.load([actors, agents])


def _codes(dictionary: ActorDictionary, text: str, day: date | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.value.code) for m in dictionary.find(text, on=day)]


def test_entries_synonyms_comments_and_null_codes_are_read(dictionary):
    names = {entry.name for entry in dictionary.entries}
    assert {"NARNIA_", "CALORMEN", "TASH", "GOVERNMENT", "CONGRESS!PERSON!"} <= names
    assert _codes(dictionary, "Cair Paravel and Calormen met.") == [("Cair Paravel", "NAR"), ("Calormen", "CAL")]
    assert _codes(dictionary, "Aslan spoke.") == []


@pytest.mark.parametrize(("raw", "code", "start", "end"), [
    ("NAR", "NAR", None, None),
    ("TSH < 950601", "TSH", None, date(1995, 5, 31)),
    ("TSHREB >990816", "TSHREB", date(1999, 8, 16), None),
    ("TSHGOV 19950601 - 19990815", "TSHGOV", date(1995, 6, 1), date(1999, 8, 15)),
    ("--- <950630", "---", None, date(1995, 6, 29)),
])
def test_code_blocks_with_date_limits(raw, code, start, end):
    parsed = parse_code(raw)
    assert (parsed.code, parsed.start, parsed.end) == (code, start, end)


@pytest.mark.parametrize(("day", "code"), [
    (date(1994, 1, 1), "TSH"),
    (date(1997, 3, 3), "TSHGOV"),
    (date(2001, 1, 1), "TSHREB"),
])
def test_the_code_valid_at_the_sentence_date_is_chosen(dictionary, day, code):
    assert _codes(dictionary, "Tash is about to restore ties.", day) == [("Tash", code)]


def test_stems_match_short_suffixes_unless_the_entry_ends_with_underscore(dictionary):
    assert _codes(dictionary, "The Calormene envoy left.") == [("Calormene", "CAL")]
    assert _codes(dictionary, "A Narnian envoy left.") == []
    assert _codes(dictionary, "The entire world watched the Ent.") == [("Ent", "ENT")]


def test_a_slash_names_several_actors(dictionary):
    assert _codes(dictionary, "The Lone Islands protested.") == [("The Lone Islands", "LNI"),
                                                                 ("The Lone Islands", "GLM")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Calormen government condemned the attack.", [("Calormen government", "CALGOV")]),
    ("Archenland's foreign minister urged Calormen to respond.",
     [("Archenland's foreign minister", "ARCGOVFRM"), ("Calormen", "CAL")]),
    ("The government of Archenland protested.", [("government of Archenland", "ARCGOV")]),
    ("Calormen police arrested students.", [("Calormen police", "CALCOP")]),
    ("MSF Archenland is about to help.", [("MSF Archenland", "NGOARC")]),
    ("Congressmen from nowhere spoke.", [("Congressmen", "---LEG")]),
])
def test_agents_combine_with_the_actor_they_qualify(dictionary, text, expected):
    assert _codes(dictionary, text) == expected


def test_agents_distribute_over_listed_actors(dictionary):
    found = dict((m.value.code, m.text) for m in dictionary.find("Lawmakers in Narnia and Calormen welcomed it."))
    assert set(found) == {"NARLEG", "CALLEG"}


def test_agent_plurals_are_generated_or_suppressed():
    entries = read_entries(["LAWMAKER [~LEG]", "POLICE {} [~COP]", "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]"])
    phrases = {entry.name: entry.phrases for entry in entries}
    assert ("LAWMAKERS_",) in phrases["LAWMAKER"]
    assert phrases["POLICE"] == (("POLICE_",),)
    assert ("ATTORNEYS", "GENERAL_") in phrases["ATTORNEY_GENERAL"]


def test_a_missing_dictionary_is_an_input_error(tmp_path):
    with pytest.raises(UnreadableInput):
        ActorDictionary.load([tmp_path / "nope.txt"])


def test_run_code_uses_dictionary_actors_at_the_row_date(tmp_path, nlp):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    rows = [
        {"id": "a", "text": "Tash expelled ten Narnia diplomats.", "date": "1997-01-01"},
        {"id": "b", "text": "Tash expelled ten Narnia diplomats.", "date": "2003-01-01"},
        {"id": "c", "text": "La Russie a expulsé quinze diplomates français.", "date": "2023-04-05", "language": "fr"},
    ]
    out = list(run_code(rows, dictionaries=[path], nlp=nlp.__getitem__))
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert [(e["type"], e["source"], e["target"]) for e in out[0]["events"]] == [("SANCTION", ["TSHGOV"], ["NAR"])]
    assert out[1]["events"][0]["source"] == ["TSHREB"]
    assert [(e["type"], e["source"], e["target"]) for e in out[2]["events"]] == [("SANCTION", ["RUS"], ["FRA"])]
