"""Talks named as what a parting closes ('au terme de cinq heures de discussions', 'at the end of two days
of talks') are the parting subject's talks: its parties, its date and its place."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

CLOSED = {
    "fr": ("Fin de session\n\nLes délégations serbe et kosovare se sont quittées jeudi soir sans accord, au terme "
           "de six heures de discussions près de Genève, en Suisse."),
    "en": ("End of session\n\nThe Serbian and Kosovar delegations went home on Thursday at the close of two days "
           "of negotiations in Geneva, Switzerland."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_talks_closed_by_a_parting_are_its_subjects(pipeline, language):
    found = [c for c in candidates(pipeline, CLOSED[language], language, published="2024-03-15")
             if c.type == "CONSULT"]
    assert found, "no meeting read"
    cand = found[0]
    assert {a.code for a in cand.actors} == {"SRB", "XKX"}
    assert str(cand.date.start) == "2024-03-14"
    assert cand.location is not None and cand.location.name == "Geneva"
