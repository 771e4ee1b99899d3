"""A year naming a thing ('l'accord de 2015', 'the agreement of 2015') dates that thing, not the event whose
sentence names it: the event keeps a date of its own clause, or none."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

OWN_DATE = {
    "fr": ("Rappel des faits\n\nEn octobre 2022, à Bruxelles, les présidents serbe et kosovar avaient reconnu les frontières "
           "sur la base de la déclaration de Helsinki de 1975, et accepté une mission civile."),
    "en": ("Negotiators in Vienna\n\nIranian and Chinese negotiators held talks in Vienna in October 2022 about the future of the "
           "nuclear agreement of 2015."),
}
NO_DATE = {
    "fr": ("Réunion\n\nLa réunion de la commission conjointe de l'accord de 2015 s'est ouverte à Vienne entre "
           "l'Iran et la Chine."),
    "en": ("Talks\n\nIranian and Chinese negotiators held talks in Vienna about the future of the nuclear agreement "
           "of 2015."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dating_year_of_a_thing_leaves_the_events_own_date(pipeline, language):
    found = [c for c in candidates(pipeline, OWN_DATE[language], language, published="2023-05-05")
             if c.date.start is not None]
    assert found and all(str(c.date.start) == "2022-10-01" for c in found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dating_year_of_a_thing_is_no_date_of_the_event(pipeline, language):
    found = candidates(pipeline, NO_DATE[language], language, published="2023-05-05")
    assert found and all(c.date.start is None or c.date.start.year == 2023 for c in found)
