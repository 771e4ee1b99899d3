#!/usr/bin/env python3
"""Story assignment cost per document at 10k and 100k documents, and memory.

Synthetic stream: stories of 1-12 reports whose 512-d vectors scatter around
a random centre (cosine about 0.8 within a story, about 0 across), two
parties per story, own event date and publication dates within three days,
all published over a fixed ``--days`` period, so ten times more documents
means ten times more news per day: the index shards get denser and switch to
HNSW. Documents arrive in random order through ``StoryIndex.add``
(provisional assignment: neighbour search, linking, joining a story);
``stories()`` then settles everything once. Embedding time is not included
(``scripts/bench_embed.py`` measures it). With ``--titles`` every document is a
title alone with a publication time, placed with the e5 title calibration,
which asks the index for 128 neighbours instead of an article's 32.

Prints a JSON report: per-document add time (mean, over each tenth of the
stream as the index fills up, and over the last thousand adds, when it is
fullest), settle time, resident memory.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock

import numpy as np

from dragoman.stories import Profile, StoryIndex, load_calibration

DIM = 512
START = date(2025, 1, 1)
CODES = ("USA", "RUS", "UKR", "FRA", "DZA", "IRN", "CHN", "DEU", "TUR", "ISR", "PSE", "IND")


@dataclass(frozen=True)
class Item:
    profile: Profile
    vector: np.ndarray
    story: int


def stream(n: int, days: int, seed: int, titles: bool = False) -> list[Item]:
    rng = np.random.default_rng(seed)
    items: list[Item] = []
    story = 0
    while len(items) < n:
        size = min(int(rng.geometric(0.25)), 12, n - len(items))
        items.extend(story_items(rng, story, size, days, titles))
        story += 1
    order = rng.permutation(len(items))
    return [items[i] for i in order]


def story_items(rng: np.random.Generator, story: int, size: int, days: int, titles: bool) -> list[Item]:
    centre = unit(rng.normal(size=DIM))
    held = START + timedelta(days=int(rng.integers(0, days)))
    actors = frozenset(rng.choice(CODES, size=2, replace=False).tolist())
    found = []
    for k in range(size):
        vector = unit(centre + rng.normal(scale=0.5 / np.sqrt(DIM), size=DIM))
        published = held + timedelta(days=int(rng.integers(0, 3)))
        doc_id = f"s{story:06d}-{k:02d}"
        moment = datetime.combine(published, clock(int(rng.integers(0, 24)), int(rng.integers(0, 60))))
        prof = Profile(doc_id, doc_id, actors, frozenset(), (held, held), published, doc_id, short=titles,
                       published_at=moment if titles else None)
        found.append(Item(prof, vector.astype(np.float32), story))
    return found


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def run(n: int, days: int, seed: int, titles: bool = False) -> dict:
    items = stream(n, days, seed, titles)
    before = rss_mb()
    e5 = load_calibration("e5")
    index = StoryIndex(settings=e5.articles, titles=e5.titles) if titles else StoryIndex()
    times = np.empty(len(items))
    for i, item in enumerate(items):
        start = time.perf_counter()
        index.add(item.profile, item.vector)
        times[i] = time.perf_counter() - start
    start = time.perf_counter()
    stories = index.stories()
    settle = time.perf_counter() - start
    return {"documents": n, "days": days, "stories_true": len({it.story for it in items}),
            "stories_found": len(stories), "purity": purity(items, stories),
            "add_ms_mean": round(1000 * times.mean(), 3), "add_ms_last_1000": round(1000 * times[-1000:].mean(), 3),
            "add_ms_p99": round(1000 * float(np.percentile(times, 99)), 3),
            "add_ms_by_tenth": [round(1000 * float(part.mean()), 3) for part in np.array_split(times, 10)],
            "settle_s": round(settle, 2), "settle_ms_per_doc": round(1000 * settle / n, 3),
            "hnsw_shards": sum(s.approximate for s in index.vectors.shards.values()),
            "shards": len(index.vectors.shards), "rss_mb_index": round(rss_mb() - before, 1)}


def purity(items: list[Item], stories) -> float:
    """Share of documents whose found story holds only reports of their true story."""
    truth = {it.profile.doc_id: it.story for it in items}
    pure = sum(len(s.documents) for s in stories if len({truth[d] for d in s.documents}) == 1)
    return round(pure / len(items), 4)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--titles", action="store_true", help="titles alone, e5 title calibration")
    args = parser.parse_args(argv)
    runs = [run(n, args.days, args.seed, args.titles) for n in args.sizes]
    report = {"runs": runs, "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(json.dumps(report, indent=2))
    figures = " ".join(f"add_ms_{r['documents']}={r['add_ms_mean']}" for r in runs)
    label = "bench_stories_titles" if args.titles else "bench_stories"
    print(f"{label} {figures} max_rss_mb={report['max_rss_mb']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
