"""A meeting told in a relative clause on the subject ("the ministers, who met in Moscow on Tuesday,
praised ...", "les ministres, qui se sont rencontrés mardi à Moscou, ont salué ...") is an event of its own,
not a part of what the main verb says."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Meeting\n\nThe Russian and Chinese foreign ministers, who met in Moscow on Tuesday, praised their "
     "partnership.", "met"),
    ("fr", "Rencontre\n\nLes ministres russe et chinois des affaires étrangères, qui se sont rencontrés mardi à "
     "Moscou, ont salué un partenariat.", "rencontrés"),
])
def test_a_meeting_in_a_relative_clause_on_the_subject_is_its_own_event(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-04-11") if c.trigger == trigger]
    assert [c.type for c in found] == ["CONSULT"]
    assert set(found[0].actor_codes) == {"RUS", "CHN"}
    assert found[0].date.start == date(2019, 4, 9)
    assert found[0].location is not None and found[0].location.name == "Moscow"
