"""A meeting the verb does not qualify (no visit, call or hosting) held in none of its parties' countries
is at a third location between two sides ('third-party'), 'multilateral' among more; in a party's country
it keeps no mode."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

MEETINGS = [
    ("fr", "Sommet\n\nLes dirigeants indien et pakistanais se sont rencontrés mardi à Singapour.", "third-party"),
    ("en", "Summit\n\nThe Indian and Pakistani leaders met in Singapore on Tuesday.", "third-party"),
    ("fr", "Réunion\n\nLes ministres indien, pakistanais et bangladais se sont réunis mardi à Genève.", "multilateral"),
    ("en", "Meeting\n\nThe Indian, Pakistani and Bangladeshi ministers met in Geneva on Tuesday.", "multilateral"),
    ("fr", "Sommet\n\nLes dirigeants indien et pakistanais se sont rencontrés mardi à Islamabad.", None),
    ("en", "Summit\n\nThe Indian and Pakistani leaders met in Islamabad on Tuesday.", None),
]


@pytest.mark.parametrize(("language", "text", "mode"), MEETINGS)
def test_meeting_mode_from_its_place_and_sides(pipeline, language, text, mode):
    found = [c for c in candidates(pipeline, text, language, published="2024-04-10")
             if c.type == "CONSULT" and c.location is not None]
    assert found and {c.mode for c in found} == {mode}
