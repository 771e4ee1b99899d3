"""A dyad anaphor ("the two leaders", "les deux hommes") points back to the two parties its sentence named
before it, when the article's frame has no two sides of its own (an article naming one leader far more
often than the other)."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

ONE_SIDED = {
    "en": " Trump later told reporters in Seoul that Trump's team would call. Trump said Trump was pleased.",
    "fr": " Trump a ensuite déclaré à Séoul que l'équipe de Trump appellerait. Trump s'est dit satisfait.",
}


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "At the border\n\nDonald Trump walked past the border at Panmunjom alongside Kim Jong Un on Sunday, before "
     "the two leaders sat down for an hour of talks.", "talks"),
    ("fr", "À la frontière\n\nDonald Trump a franchi dimanche la ligne de démarcation aux côtés de Kim Jong Un, puis "
     "les deux hommes ont tenu des pourparlers pendant près d'une heure.", "pourparlers"),
])
def test_the_two_leaders_are_the_two_parties_the_sentence_named(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text + ONE_SIDED[language], language, published="2019-06-30")
             if c.trigger == trigger]
    assert [c.type for c in found] == ["CONSULT"]
    assert set(found[0].actor_codes) == {"USA", "PRK"}


def test_three_named_parties_leave_the_dyad_to_the_frame(pipeline):
    text = ("At the border\n\nDonald Trump walked past the border with Kim Jong Un and Moon Jae-in on Sunday, before "
            "the two leaders sat down for talks." + ONE_SIDED["en"])
    found = [c for c in candidates(pipeline, text, "en", published="2019-06-30") if c.trigger == "talks"]
    assert all(set(c.actor_codes) != {"USA", "PRK"} for c in found)
