"""A sentence in which one party negotiates with several others ('L'Éthiopie négocie avec l'Égypte, le Soudan
et le Kenya', 'Ethiopia negotiates with Egypt, Sudan and Kenya') lists the talks' participants: the
article's meeting has them all, not the three most named."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

ARTICLES = {
    "fr": "Reprise des pourparlers sur le barrage à Genève\n\nLes discussions sur le barrage ont repris lundi à Genève, au palais des Nations. L'Éthiopie négocie avec l'Égypte, le Soudan et le Kenya.",
    "en": 'Dam talks resume in Geneva\n\nThe discussions on the dam resumed on Monday in Geneva, at the Palais des Nations. Ethiopia negotiates with Egypt, Sudan and Kenya.',
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_negotiating_with_several_lists_the_meetings_parties(pipeline, language):
    found = [c for c in candidates(pipeline, ARTICLES[language], language, published="2024-04-09")
             if c.type == "CONSULT" and c.date.start is not None]
    assert found and all({a.code for a in c.actors} == {"ETH", "EGY", "SDN", "KEN"} for c in found)
