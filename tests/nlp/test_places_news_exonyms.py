"""A city written in any transliteration resolves to one place reported under its usual English name
("Homel", "Gomel", "Homyel'" are Gomel; "Djeddah" is Jeddah; "Makkah" is Mecca)."""
from __future__ import annotations

import pytest

from dragoman.nlp.places import PlaceResolver


@pytest.mark.parametrize(("language", "spelling", "english", "country"), [
    ("fr", "Homel", "Gomel", "BLR"), ("en", "Gomel", "Gomel", "BLR"), ("en", "Homyel'", "Gomel", "BLR"),
    ("fr", "Djeddah", "Jeddah", "SAU"), ("en", "Jeddah", "Jeddah", "SAU"), ("en", "Jiddah", "Jeddah", "SAU"),
    ("fr", "Odessa", "Odesa", "UKR"), ("en", "Odessa", "Odesa", "UKR"), ("en", "Odesa", "Odesa", "UKR"),
    ("fr", "La Mecque", "Mecca", "SAU"), ("en", "Makkah", "Mecca", "SAU"),
    ("fr", "Zaporijia", "Zaporizhzhia", "UKR"), ("en", "Zaporizhzhia", "Zaporizhzhia", "UKR"),
    ("fr", "Bakhmout", "Bakhmut", "UKR"), ("fr", "Khan Younès", "Khan Younis", "PSE"),
    ("fr", "Tartous", "Tartus", "SYR"), ("en", "Hama", "Hama", "SYR"), ("fr", "New York", "New York", "USA"),
])
def test_places_news_transliteration_resolves_to_the_english_name(language, spelling, english, country):
    found = PlaceResolver.for_language(language).resolve(spelling)
    assert found is not None and (found.name, found.country) == (english, country)
