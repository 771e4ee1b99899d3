#!/usr/bin/env python3
"""Merge the development set's per-story gold (`eval/devset/<story>/gold.json`) into `eval/devset/gold.json`.

Each story folder is written and reviewed on its own; the scorer reads one file. Actor codes are written
as dragoman names them (`TALIBAN`, `NATO`) and stored as the shared scorer compares them: its `iso()`
keeps the first three letters of every code, so the merged gold holds `TAL`, `NAT` (for events' parties
and people's sides alike). The script checks
what a hand-written gold gets wrong: duplicate keys, documents that do not exist, series naming unknown
events. `--check` only verifies that gold.json is up to date (a test runs it).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "eval" / "devset"
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))


def scorer_code(code: str) -> str:
    import score  # the shared scorer (standard library only)

    return score.iso(code)


def merged() -> dict:
    gold: dict = {"about": "dragoman's development set: articles we wrote about real events of 2018-2023; "
                           "every event they report is listed (key events required). Made by "
                           "scripts/devset_gold.py from the story folders' gold.json.",
                  "documents": {}, "events": [], "series": []}
    for part in sorted(DEVSET.glob("*/gold.json")):
        story = json.loads(part.read_text(encoding="utf-8"))
        for name, doc in story["documents"].items():
            if name in gold["documents"] or not (part.parent / name).is_file():
                raise SystemExit(f"{part}: document {name} is duplicated or missing")
            gold["documents"][name] = doc
        for event in story["events"]:
            people = [dict(p, actor=scorer_code(p["actor"])) if p.get("actor") else p for p in event.get("people", [])]
            gold["events"].append(dict(event, actors=[scorer_code(a) for a in event["actors"]],
                                       **({"people": people} if "people" in event else {})))
        gold["series"] += [dict(s, actors=[scorer_code(a) for a in s["actors"]]) for s in story.get("series", [])]
    check(gold)
    return gold


def check(gold: dict) -> None:
    keys = [e["key"] for e in gold["events"]]
    if len(keys) != len(set(keys)):
        raise SystemExit(f"duplicate event keys: {sorted({k for k in keys if keys.count(k) > 1})}")
    for event in gold["events"]:
        unknown = set(event.get("documents", [])) - set(gold["documents"])
        if unknown:
            raise SystemExit(f"event {event['key']} names unknown documents {sorted(unknown)}")
    for series in gold["series"]:
        if set(series["order"]) - set(keys):
            raise SystemExit(f"series names unknown events {sorted(set(series['order']) - set(keys))}")


def main(argv: list[str]) -> int:
    text = json.dumps(merged(), indent=1, ensure_ascii=False) + "\n"
    target = DEVSET / "gold.json"
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print("eval/devset/gold.json is out of date: run scripts/devset_gold.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
