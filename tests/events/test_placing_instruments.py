"""A city naming an instrument ('le groupe de Minsk', 'les accords de Minsk', 'the Helsinki declaration')
is not the place of the event whose sentence names it."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

NO_PLACE = {
    "fr": "Rencontre\n\nLes ministres arménien et azerbaïdjanais ont négocié lundi sous l'égide du groupe de Minsk.",
    "en": "Meeting\n\nArmenian and Azerbaijani ministers met on Monday to discuss the principles of the Minsk Group.",
}
OTHER_PLACE = {
    "fr": ("Accord\n\nÀ Bruxelles, les dirigeants serbe et kosovar se sont entendus lundi sur le respect de la "
           "déclaration de Helsinki."),
    "en": ("Deal\n\nIn Brussels, the Serbian and Kosovar leaders agreed on Monday to respect the Helsinki "
           "declaration."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_city_naming_an_instrument_is_no_place(pipeline, language):
    found = candidates(pipeline, NO_PLACE[language], language, published="2024-04-10")
    assert found and all(c.location is None or c.location.name != "Minsk" for c in found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_city_naming_an_instrument_leaves_the_events_own(pipeline, language):
    found = candidates(pipeline, OTHER_PLACE[language], language, published="2024-04-10")
    assert found and all(c.location is not None and c.location.name == "Brussels" for c in found)
