"""Office-holders named without a title: "Macron met Xi in Beijing", "Lavrov et Rubio se sont parlé".

``data/common/leaders.json`` lists heads of state and government, foreign
ministers and the heads of the EU, NATO and the UN with their terms of office.
A name of that list, in a document dated within the term (or undated), is

* an actor mention of the state or organisation, sector ``GOV``, so that the
  coder takes "Macron" as France the way it takes "l'Élysée";
* a person with that affiliation and title, for the people the reader found
  under that name and for those it missed ("M. Lavrov" at a sentence start).

A name the people reader already tied to another affiliation by its own
title zone keeps that reading: the text wins over the list.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from ..languages import common_data, language_data
from ..model import Mention, Person
from ..text import fold_same_length
from .actors import Lexicon
from .gazetteer import PhraseTable, Tokens

GOV = "GOV"


@dataclass(frozen=True)
class Leader:
    name: str
    forms: tuple[str, ...]
    code: str
    title: str
    start: date | None
    end: date | None
    label: tuple[tuple[str, str], ...] = ()

    def holds(self, day: date | None) -> bool:
        return day is None or ((self.start is None or day >= self.start) and (self.end is None or day <= self.end))

    def title_in(self, language: str) -> str | None:
        shown = dict(self.label).get(language)
        return shown or title_forms(language).get(self.title)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def load_leaders() -> tuple[Leader, ...]:
    rows = common_data("leaders")["leaders"]
    return tuple(Leader(r["name"], tuple(r.get("forms", ())), r["code"], r["title"], _day(r.get("start")),
                        _day(r.get("end")), tuple(sorted(r.get("label", {}).items()))) for r in rows)


@cache
def title_forms(language: str) -> dict[str, str]:
    """Title key → the title as shown (its first form in ``people.json``)."""
    return {key: spec["forms"][0] for key, spec in language_data(language, "people")["titles"].items()}


@lru_cache(maxsize=64)
def _table(day: date | None) -> PhraseTable:
    table: PhraseTable = PhraseTable()
    for leader in load_leaders():
        if leader.holds(day):
            for form in (leader.name, *leader.forms):
                table.add(form, leader)
    return table


def find_leaders(text: str, day: date | None) -> list[tuple[int, int, Leader]]:
    """Spans of office-holders' names valid on ``day`` (any term when ``day`` is None)."""
    return [(hit.start, hit.end, hit.value) for hit in _table(day).scan(Tokens.of(text))]


def leader_actors(text: str, found: Sequence[tuple[int, int, Leader]], actors: Sequence[Mention], *,
                  language: str) -> list[Mention]:
    """``actors`` with a GOV actor for each leader's name that no actor mention overlaps."""
    lexicon = Lexicon.load(language)
    added = [Mention("actor", start, end, text[start:end], 0,
                     lexicon.actor(leader.code, _sector(lexicon, leader.code)))
             for start, end, leader in found
             if not any(m.start < end and start < m.end for m in actors)]
    return sorted([*actors, *added], key=lambda m: (m.start, m.end))


def _sector(lexicon: Lexicon, code: str) -> str | None:
    return GOV if code in lexicon.countries else (lexicon.organisations.get(code) or {}).get("sector")


def leader_people(text: str, found: Sequence[tuple[int, int, Leader]], people: Sequence[Mention], *,
                  language: str) -> list[Mention]:
    """People mentions completed by the list: known names get the leader's affiliation and title where
    the text gave none; names the reader missed become person mentions."""
    by_name = {fold_same_length(form): leader for _, _, leader in found for form in (leader.name, *leader.forms)}
    completed: list[Mention] = []
    seen: dict[str, Person] = {}
    for m in people:
        leader = _leader_of(m.value, by_name, found, m)
        m = _completed(m, leader, language)
        completed.append(m)
        if leader is not None and m.value.actor == leader.code:
            seen.setdefault(leader.name, m.value)
    missing = [Mention("person", start, end, text[start:end], 0, seen.get(leader.name) or _person(leader, language))
               for start, end, leader in found
               if not any(m.start < end and start < m.end for m in people)]
    return sorted([*completed, *missing], key=lambda m: (m.start, m.end))

def _leader_of(person: Person, by_name: dict[str, Leader], found, mention: Mention) -> Leader | None:
    if fold_same_length(person.name) in by_name:
        return by_name[fold_same_length(person.name)]
    inside = [leader for start, end, leader in found if mention.start <= start and end <= mention.end]
    return inside[0] if inside else None


def _completed(mention: Mention, leader: Leader | None, language: str) -> Mention:
    person: Person = mention.value
    if leader is None or person.actor not in (None, leader.code):
        return mention
    name = person.name if len(person.name.split()) > 1 else leader.name  # a bare surname takes the full name
    value = replace(person, name=name, actor=leader.code, title=person.title or leader.title_in(language))
    return replace(mention, value=value)


def _person(leader: Leader, language: str) -> Person:
    return Person(leader.name, leader.code, leader.title_in(language), None)

