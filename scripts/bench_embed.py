#!/usr/bin/env python3
"""Story embedding cost per document, for each embedder (e5, the default, and USE).

Corpus: the project's examples plus the 108 FR-TimeBank news documents
(../shared, read at run time), embedded the way stories embed them: the
title alone, and the title with the embedder's lead (its ``lead_chars``).
Best of three runs after a warm-up; prints a JSON report and one line per
embedder::

    embed e5 title_ms=... article_ms=... docs=...
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import corpus
from dragoman.stories import EMBEDDERS, calibration_of

ROUNDS = 3


def best_ms(embedder, texts: list[str]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        embedder.encode(texts)
        times.append(time.perf_counter() - start)
    return 1000 * min(times) / len(texts)


def main() -> int:
    docs = corpus()
    report = {"docs": len(docs)}
    for name, make in EMBEDDERS.items():
        embedder = make()
        embedder.encode(["warm up"])
        lead = calibration_of(embedder).lead_chars
        titles = [(d.title or d.text[:80]).strip() for d in docs]
        articles = [(d.title or "") + "\n" + d.text[:lead] for d in docs]
        report[name] = {"title_ms": round(best_ms(embedder, titles), 2),
                        "article_ms": round(best_ms(embedder, articles), 2), "lead_chars": lead}
    print(json.dumps(report, indent=2))
    for name in EMBEDDERS:
        print(f"embed {name} title_ms={report[name]['title_ms']} article_ms={report[name]['article_ms']} "
              f"lead_chars={report[name]['lead_chars']} docs={len(docs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
