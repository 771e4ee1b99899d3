#!/usr/bin/env python3
"""Story clustering on OG2021: 10,940 news titles in 9 languages with gold stories.

Reads ``../shared/eval/peers/clustering/og2021_titles_reconstructed.tsv`` at
run time (never copied into the repo), builds one DocumentAnalysis per title
(title = text, language, publication time, cleaned by ingest; with ``--actors`` the real
gazetteer adds actor mentions to English and French titles, as the pipeline
would), clusters with :func:`dragoman.stories.cluster.cluster` and scores
B-cubed with the shared scorer's own ``bcubed``. Prints a JSON report, then
one summary line::

    og2021 bcubed_p=... bcubed_r=... bcubed_f1=... docs=... seconds=...

Titles are much shorter than the title-and-lead text the pipeline embeds, so
their cosines run lower: pairs of title-only documents are scored with the
embedder's title calibration (``dragoman.stories.calibration``, chosen by the
pipeline itself); its values are options here, for tuning. ``--embedder``
picks the sentence embedder (``e5``, the default, or ``use``).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path

import numpy as np

from dragoman.ingest.clean import clean
from dragoman.model import DocumentAnalysis, RawItem
from dragoman.stories import EMBEDDERS, StorySettings, calibration_of, cluster, embedder_named

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "eval" / "peers" / "clustering" / "og2021_titles_reconstructed.tsv"
TUNED_BEFORE = "2021-07-23"
LANGUAGES = {"eng": "en", "fra": "fr", "deu": "de", "spa": "es", "por": "pt", "rus": "ru", "slv": "sl",
             "ara": "ar", "zho": "zh"}


class CachedEmbedder:
    """USE vectors kept in a .npy file keyed by the texts, so repeated runs skip encoding."""

    def __init__(self, inner, path: Path | None) -> None:
        self.inner = inner
        self.path = path
        self.calibration = calibration_of(inner)

    def encode(self, texts: list[str]) -> np.ndarray:
        if self.path is None:
            return self.inner.encode(texts)
        name = getattr(self.inner, "name", type(self.inner).__name__)
        key = hashlib.sha1((name + "\n" + "\n".join(texts)).encode()).hexdigest()[:16]
        cached = self.path.with_name(f"{self.path.stem}-{key}.npy")
        if cached.exists():
            return np.load(cached)
        vectors = self.inner.encode(texts)
        np.save(cached, vectors)
        return vectors


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_rows(path: Path, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return rows[:limit] if limit else rows


def analysis_of(row: dict, with_actors: bool) -> DocumentAnalysis:
    language = LANGUAGES.get(row["lang"], row["lang"])
    # cleaned as ingest cleans a headline record (a trailing publisher name is cut)
    stamp = datetime.fromisoformat(row["datetime"])
    doc = clean(RawItem(source=f"og2021:{row['uri']}", text=row["title"], title=row["title"], language=language,
                        published=stamp.date(), published_at=stamp, given_id=row["uri"]))
    title = doc.title or doc.text
    if not (with_actors and language in ("en", "fr")):
        return DocumentAnalysis(doc)
    from dragoman.nlp import ActorMatcher

    return DocumentAnalysis(doc, tuple(ActorMatcher.for_language(language).find(title)))


TUNABLE = ("threshold", "floor_margin", "window_days", "day_penalty", "neighbours", "term_bonus",
           "cross_language_bonus", "actor_bonus")


def settings_from(args: argparse.Namespace) -> StorySettings:
    """The embedder's title calibration, with any setting given on the command line."""
    given = {name: getattr(args, name) for name in TUNABLE if getattr(args, name) is not None}
    return replace(calibration_of(embedder_named(args.embedder)).titles, **given)


def record_of(row: dict) -> dict:
    """The title as a JSONL article for ``dragoman extract``: its text is its title."""
    return {"id": row["uri"], "title": row["title"], "text": row["title"],
            "language": LANGUAGES.get(row["lang"], row["lang"]), "published": row["datetime"].replace(" ", "T")}


def stories_by_extract(rows: list[dict], embedder: str) -> dict[str, str]:
    """Document id -> story id, as ``dragoman extract --json`` prints them (default settings)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "og2021.jsonl"
        path.write_text("".join(json.dumps(record_of(row), ensure_ascii=False) + "\n" for row in rows),
                        encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "dragoman", "extract", "--json", str(path)],
                              capture_output=True, text=True, check=True, env={**os.environ, "DRAGOMAN_EMBEDDER": embedder})
    output = json.loads(done.stdout)
    return {doc["id"]: doc["story"] for doc in output["documents"] if doc.get("story")}


def stories_by_cluster(rows: list[dict], args: argparse.Namespace) -> dict[str, str]:
    analyses = [analysis_of(row, args.actors) for row in rows]
    embedder = CachedEmbedder(embedder_named(args.embedder), args.cache)
    stories = cluster(analyses, embedder=embedder, titles=settings_from(args))
    return {doc: story.id for story in stories for doc in story.documents}


def evaluate(args: argparse.Namespace) -> dict:
    rows = read_rows(args.data, args.limit)
    settings = settings_from(args)
    start = time.perf_counter()
    found = stories_by_extract(rows, args.embedder) if args.via_extract else stories_by_cluster(rows, args)
    seconds = time.perf_counter() - start
    # a title the pipeline refused (no story) is a story of its own
    pred = {row["uri"]: found.get(row["uri"], "alone:" + row["uri"]) for row in rows}
    gold = {row["uri"]: row["cluster_gold"] for row in rows}
    scorer = load_scorer()
    p, r, f1 = scorer.bcubed(gold, pred)
    halves = {name: round(scorer.bcubed({d: gold[d] for d in ids}, {d: pred[d] for d in ids})[2], 4)
              for name, ids in split_by_date(rows).items()}
    sizes = sorted(Counter(pred.values()).values(), reverse=True)
    return {"data": str(args.data), "docs": len(rows), "gold_stories": len(set(gold.values())),
            "stories": len(sizes), "largest_stories": sizes[:5], "actors": args.actors,
            "path": "dragoman extract" if args.via_extract else "cluster()", "embedder": args.embedder,
            "settings": asdict(settings), "bcubed_p": round(p, 4), "bcubed_r": round(r, 4),
            "bcubed_f1": round(f1, 4), "bcubed_f1_by_half": halves, "seconds": round(seconds, 1)}


def split_by_date(rows: list[dict]) -> dict[str, list[str]]:
    """The tuning half (before the opening day, 2021-07-23) and the held-out rest."""
    tuned = [row["uri"] for row in rows if row["datetime"] < TUNED_BEFORE]
    held_out = [row["uri"] for row in rows if row["datetime"] >= TUNED_BEFORE]
    return {"tuned": tuned, "held_out": held_out}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N titles")
    parser.add_argument("--embedder", choices=sorted(EMBEDDERS), default=os.environ.get("DRAGOMAN_EMBEDDER", "e5"))
    for name in TUNABLE:  # default: the embedder's title calibration
        kind = int if name in ("window_days", "neighbours") else float
        parser.add_argument("--" + name.replace("_", "-"), type=kind, default=None)
    parser.add_argument("--actors", action=argparse.BooleanOptionalAction, default=True,
                        help="add gazetteer actor mentions to English and French titles")
    parser.add_argument("--via-extract", action="store_true",
                        help="go through `dragoman extract --json` on a JSONL of the titles (the acceptance path; "
                             "default settings, spaCy on the English and French titles) instead of cluster()")
    parser.add_argument("--cache", type=Path, default=None, help="keep title vectors next to this path")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    if not args.data.exists():
        print(f"no OG2021 data at {args.data}", file=sys.stderr)
        return 2
    report = evaluate(args)
    print(json.dumps(report, indent=2))
    label = "og2021-extract" if args.via_extract else "og2021"
    print(f"{label} bcubed_p={report['bcubed_p']:.3f} bcubed_r={report['bcubed_r']:.3f} "
          f"bcubed_f1={report['bcubed_f1']:.3f} tuned_f1={report['bcubed_f1_by_half']['tuned']:.3f} "
          f"held_out_f1={report['bcubed_f1_by_half']['held_out']:.3f} docs={report['docs']} "
          f"seconds={report['seconds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
