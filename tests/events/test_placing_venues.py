"""An event's venue is a building of its own city: the one its sentence names, else the article's first
one known by a name; a venue of another city's meeting is not its venue."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

OTHER_CITY = {
    "fr": ("Rencontre à Vienne\n\nLes ministres serbe et kosovar se sont rencontrés mardi à Vienne, au palais "
           "Schwarzenberg. Leurs négociateurs se retrouveront à Bruxelles le mois prochain."),
    "en": ("Meeting in Vienna\n\nThe Serbian and Kosovar ministers met on Tuesday in Vienna at the Schwarzenberg "
           "Palace. Their negotiators will meet in Brussels next month."),
}
NAMED_FIRST = {
    "fr": ("Sommet à Singapour\n\nLes dirigeants indien et chinois se sont rencontrés mardi à Singapour, dans "
           "un hôtel de l'île. La cérémonie s'est tenue à l'hôtel Raffles, devant la presse."),
    "en": ("Summit in Singapore\n\nThe Indian and Chinese leaders met on Tuesday in Singapore, at a hotel on the "
           "island. The ceremony was held at the Raffles Hotel in front of the press."),
}
SEAT_AS_PARTY = {
    "fr": ("Visite\n\nLe président français a été reçu mardi à la Maison Blanche par le président américain."),
    "en": ("Visit\n\nThe French president was received by the US president at the White House on Tuesday."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_venue_of_another_city_is_not_the_events(pipeline, language):
    found = [c for c in candidates(pipeline, OTHER_CITY[language], language) if c.location is not None]
    brussels = [c for c in found if c.location.name == "Brussels"]
    vienna = [c for c in found if c.location.name == "Vienna"]
    assert brussels and all(c.location.venue is None for c in brussels)
    assert vienna and all("Schwarzenberg" in (c.location.venue or "") for c in vienna)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_venue_known_by_name_before_a_described_one(pipeline, language):
    found = [c for c in candidates(pipeline, NAMED_FIRST[language], language) if c.type == "CONSULT"]
    assert found and all("Raffles" in (c.location.venue or "") for c in found if c.location is not None)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_placing_seat_of_government_is_in_its_capital(pipeline, language):
    found = [c for c in candidates(pipeline, SEAT_AS_PARTY[language], language) if c.location is not None]
    assert found and all((c.location.name, c.location.country) == ("Washington", "USA") for c in found)
