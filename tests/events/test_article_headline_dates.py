"""An article's headline names its event without a date; the body's report of the same event dates it. A
country the body names only as the place of the talks ('en Suisse', 'in Switzerland') does not keep those
talks from being the article's, between the headline's parties."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

ARTICLES = {
    "fr": "Premiers pourparlers entre la Serbie et le Kosovo près de Genève\n\nLes deux délégations se sont quittées mardi soir sans accord, au terme de six heures de discussions dans un hôtel près de Genève, en Suisse. Pour la Serbie comme pour le Kosovo, l'enjeu reste le nord du territoire.",
    "en": 'First talks between Serbia and Kosovo near Geneva\n\nThe two delegations met on Tuesday evening at a hotel near Geneva, in Switzerland, for six hours of discussions. For Serbia as for Kosovo, the north of the territory remains the stake.',
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_headline_is_dated_by_the_bodys_report(pipeline, language):
    found = [c for c in candidates(pipeline, ARTICLES[language], language, published="2024-04-10")
             if c.type == "CONSULT"]
    assert len(found) >= 2, "the headline's and the body's readings"
    assert all({a.code for a in c.actors} == {"SRB", "XKX"} for c in found)
    assert all(str(c.date.start) == "2024-04-09" for c in found)
