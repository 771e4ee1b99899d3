"""An act needs a doer among its parties: a reading whose parties are all its targets (a text thanking two
states, what an agreement provides for) is no event between them."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

NO_DOER = {
    "fr": "Communiqué\n\nLe communiqué remercie le Qatar et l'Égypte, qui avaient accueilli plusieurs cycles de discussions.",
    "en": "Statement\n\nThe communique thanked Qatar and Egypt, which had hosted several rounds of talks.",
}
DOER = {
    "fr": "Remerciements\n\nLe Soudan remercie le Qatar et l'Égypte pour leur médiation.",
    "en": "Thanks\n\nSudan thanked Qatar and Egypt for their mediation.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_candidates_targets_without_a_doer_are_no_event(pipeline, language):
    found = [c for c in candidates(pipeline, NO_DOER[language], language, published="2024-04-10")
             if c.type == "SUPPORT"]
    assert found == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_candidates_named_doer_keeps_the_event(pipeline, language):
    found = [c for c in candidates(pipeline, DOER[language], language, published="2024-04-10")
             if c.type == "SUPPORT"]
    assert found and all({a.code for a in c.actors if a.role == "source"} == {"SDN"} for c in found)
