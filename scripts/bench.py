#!/usr/bin/env python3
"""`make bench`: throughput of extraction against raw spaCy, and memory.

Corpus: the 108 French news documents of FR-TimeBank (../shared, read at run
time) plus the project's own examples. Reports articles per second of the
whole single-document extraction (mentions, coding, candidates) on this
machine, the same for raw ``nlp.pipe`` on the same texts, their ratio, and
peak resident memory. Writes reports/bench.json.
"""
from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus() -> list:
    from dragoman.ingest import read_documents

    docs = [d for d in read_documents([ROOT / "examples"]) if d.ok]
    tml = sorted((SHARED / "eval" / "peers" / "temporal" / "fr_timebank").glob("*.tml"))
    for path in tml:
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
        docs.extend(d for d in documents_from_text(text, path) if d.ok)
    return docs


def documents_from_text(text: str, path: Path):
    from dragoman.ingest import documents_from_records

    day = path.stem[:10]
    return documents_from_records([{"text": text, "published": day, "language": "fr", "id": path.stem}],
                                  source=str(path))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_extraction(docs, *, rounds: int = 3) -> dict:
    """Best of ``rounds`` alternating runs of each, so that machine noise hits both alike."""
    from dragoman.nlp import load_pipeline
    from dragoman.pipeline import Pipeline

    by_lang: dict[str, list] = {}
    for d in docs:
        by_lang.setdefault(d.language, []).append(d)
    for lang in by_lang:
        load_pipeline(lang)("warm up")
    pipeline = Pipeline()
    list(pipeline.analyse(docs[:3]))  # warm the lexicons and gazetteers
    raw_times, full_times = [], []
    for _ in range(rounds):
        raw_times.append(timed(lambda: [list(load_pipeline(lang).pipe([d.text for d in ds], batch_size=16))
                                        for lang, ds in by_lang.items()]))
        full_times.append(timed(lambda: list(pipeline.analyse(docs))))
    raw, full, n = min(raw_times), min(full_times), len(docs)
    return {"documents": n, "characters": sum(len(d.text) for d in docs), "rounds": rounds,
            "raw_nlp_pipe_docs_per_s": round(n / raw, 2), "extraction_docs_per_s": round(n / full, 2),
            "ratio_to_raw": round(raw / full, 3)}


def bench_dates(docs, *, rounds: int = 5) -> dict:
    """The date resolver alone over every document's text (CPU time, best of ``rounds``)."""
    from dragoman.nlp import find_dates

    texts = [(d.text, d.published, d.language) for d in docs if d.language in ("fr", "en") and d.published]
    def scan() -> None:
        for text, day, lang in texts:
            find_dates(text, day, language=lang)
    scan()
    best = min(_cpu(scan) for _ in range(rounds))
    chars = sum(len(t) for t, _, _ in texts)
    return {"documents": len(texts), "ms_per_document": round(1000 * best / len(texts), 3),
            "ms_per_5000_chars": round(1000 * best * 5000 / chars, 3)}


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> int:
    docs = corpus()
    report = {"extraction": bench_extraction(docs), "dates": bench_dates(docs),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "bench.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
