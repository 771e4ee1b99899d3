"""One person, one record across languages and transliterations."""
from __future__ import annotations

import pytest

from dragoman.model import Person
from dragoman.stories.people import merge_people, same_person


@pytest.mark.parametrize(("french", "english"), [
    ("Nikol Pachinian", "Nikol Pashinyan"), ("Ilham Aliev", "Ilham Aliyev"), ("Sergueï Riabkov", "Sergei Ryabkov"),
    ("Vladimir Medinski", "Vladimir Medinsky"), ("Mikhaïl Oulianov", "Mikhail Ulyanov"),
    ("Alexandre Dartchiev", "Alexander Darchiev"), ("Sergueï Choïgou", "Sergei Shoigu"), ("Charles Michel", "Charles Michel"),
    ("Kim Jong-un", "Kim Jong Un"), ("Dmytro Kouleba", "Dmytro Kuleba"),
])
def test_a_name_spelled_the_french_and_the_english_way_is_one_person(french, english):
    assert same_person(french, english) and same_person(english, french)


@pytest.mark.parametrize(("a", "b"), [
    ("Ilham Aliyev", "Heydar Aliyev"), ("Kim Jong Un", "Kim Yo Jong"), ("Sergei Lavrov", "Sergei Ryabkov"),
    ("Charles Michel", "Charles Miche"),
])
def test_different_people_stay_apart(a, b):
    assert not same_person(a, b)


def test_the_record_takes_the_leaders_spelling_or_the_english_one_and_keeps_the_others_as_aliases():
    readings = [(Person("Nikol Pachinian", "ARM", "premier ministre arménien"), "fr"),
                (Person("Pashinyan", "ARM", None, "head_of_delegation"), "en"),
                (Person("Vladimir Medinski", "RUS", "conseiller"), "fr"),
                (Person("Vladimir Medinsky", "RUS", None, "head_of_delegation"), "en")]
    people = {p.name: p for p in merge_people(readings)}
    assert set(people) == {"Nikol Pashinyan", "Vladimir Medinsky"}
    assert people["Nikol Pashinyan"].aliases == ("Nikol Pachinian",)
    assert people["Nikol Pashinyan"].role == "head_of_delegation" and people["Nikol Pashinyan"].actor == "ARM"
    assert people["Vladimir Medinsky"].aliases == ("Vladimir Medinski",)
