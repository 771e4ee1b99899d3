#!/usr/bin/env python3
"""`make bench`: ingest throughput with 1 and 2 workers (processes, Ray) against raw spaCy, and memory per worker.

The corpus (``--n`` articles, 1000 by default) is built at run time from the project's examples and the
French news of FR-TimeBank (../shared, read there, never copied), varied so no two texts are equal
(paragraphs rotated, an update line added), and written as JSONL, Parquet and WARC.gz in a temporary
folder. Measured on the same texts in the same run: raw ``nlp.pipe`` (one process), reading each format,
the stage split of one worker (raw spaCy, the analysis, e5 embedding: CPU milliseconds per document, one thread),
then each ingest mode into a fresh SQLite store, each in its own process (``--run``): documents per second
end to end and over the analysis (first stored document to last), peak RSS of the driver and of each
worker (VmHWM, sampled from /proc). The stores are compared (document ids, stories, events). Writes
reports/bench_ray.json and prints a summary.

  python scripts/bench_ray.py                     # n=1000: ingest, --workers 2, --ray --workers 2
  python scripts/bench_ray.py --n 10000 --modes ingest workers-1 workers-2 ray-2
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = ROOT.parent / "shared" / "eval" / "peers" / "temporal" / "fr_timebank"
MODES = {"ingest": {}, "workers-1": {"workers": 1}, "workers-2": {"workers": 2},
         "ray-1": {"ray": True, "workers": 1}, "ray-2": {"ray": True, "workers": 2}}
UPDATE = {"fr": "Mise à jour n° {}.", "en": "Update no. {}."}


# ----------------------------------------------------------------- corpus

def bases() -> list[dict]:
    """Articles to vary: the examples, then FR-TimeBank's French news when ../shared has them."""
    from dragoman.ingest import read_documents

    found = [{"title": d.title or "", "text": d.text, "language": d.language, "published": str(d.published or "2023-01-01")}
             for d in read_documents([ROOT / "examples"]) if d.ok]
    for path in sorted(TIMEBANK.glob("*.tml")) if TIMEBANK.is_dir() else []:
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")).strip()
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        found.append({"title": lines[0][:120], "text": "\n\n".join(lines[1:]) or lines[0], "language": "fr",
                      "published": path.stem[:10]})
    return found


def corpus(n: int) -> list[dict]:
    source = bases()
    records, seen = [], set()
    for i in range(n):
        base, rounds = source[i % len(source)], i // len(source)
        paragraphs = base["text"].split("\n\n")
        if rounds:
            shift = rounds % len(paragraphs)
            paragraphs = paragraphs[shift:] + paragraphs[:shift] + [UPDATE[base["language"]].format(rounds)]
        text = "\n\n".join(paragraphs)
        if text in seen:
            raise SystemExit(f"corpus: text {i} repeats an earlier one")
        seen.add(text)
        records.append({**base, "text": text, "id": f"bench-{i:05d}", "url": f"https://bench.example/{i}"})
    return records


def write_formats(records: list[dict], folder: Path) -> dict[str, Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = {"jsonl": folder / "corpus.jsonl", "parquet": folder / "corpus.parquet", "warc": folder / "corpus.warc.gz"}
    with paths["jsonl"].open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    pq.write_table(pa.table({key: [r[key] for r in records] for key in records[0]}), paths["parquet"], row_group_size=256)
    write_warc(records, paths["warc"])
    return paths


def write_warc(records: list[dict], path: Path) -> None:
    from html import escape

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for r in records:
            body = "".join(f"<p>{escape(p)}</p>" for p in r["text"].split("\n\n"))
            page = (f'<!DOCTYPE html><html lang="{r["language"]}"><head><title>{escape(r["title"])}</title></head>'
                    f'<body><article><h1>{escape(r["title"])}</h1>{body}</article></body></html>').encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            capture = {"WARC-Date": f"{r['published']}T12:00:00Z"}
            writer.write_record(writer.create_warc_record(r["url"], "response", payload=io.BytesIO(page),
                                                          http_headers=headers, warc_headers_dict=capture))


# ----------------------------------------------------------------- measures

def raw_spacy(paths: dict[str, Path]) -> dict:
    """Raw ``nlp.pipe`` over the cleaned texts, per language, in this process (models loaded before timing)."""
    from dragoman.ingest import read_documents
    from dragoman.nlp import load_pipeline

    docs = [d for d in read_documents([paths["jsonl"]]) if d.ok]
    by_lang: dict[str, list[str]] = {}
    for d in docs:
        by_lang.setdefault(d.language or "", []).append(d.text)
    for lang in by_lang:
        load_pipeline(lang)("warm up")
    start, cpu_start = time.perf_counter(), time.process_time()
    for lang, texts in by_lang.items():
        for _ in load_pipeline(lang).pipe(texts, batch_size=16):
            pass
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"documents": len(docs), "seconds": round(seconds, 2), "docs_per_s": round(len(docs) / seconds, 2),
            "docs_per_cpu_s": round(len(docs) / cpu, 2)}


def stages(paths: dict[str, Path], limit: int = 400) -> dict:
    """Where a worker's time goes, per document, in this process on one thread: raw ``nlp.pipe``, the whole
    single-document analysis (parse included, no embedding), and embedding the story texts (e5), on the same
    first ``limit`` documents; CPU seconds, so a loaded machine does not skew the ratios."""
    from dragoman.ingest import read_documents
    from dragoman.nlp import load_pipeline
    from dragoman.pipeline import Pipeline
    from dragoman.stories import E5Embedder, calibration_of, profile

    docs = [d for d in read_documents([paths["jsonl"]]) if d.ok][:limit]
    for lang in {d.language or "" for d in docs}:
        load_pipeline(lang)("warm up")
    cpu = time.process_time()
    for lang in sorted({d.language or "" for d in docs}):
        for _ in load_pipeline(lang).pipe([d.text for d in docs if (d.language or "") == lang], batch_size=16):
            pass
    raw = time.process_time() - cpu
    pipeline = Pipeline(embedder=None)
    cpu = time.process_time()
    analyses = list(pipeline.analyse(docs))
    analysis = time.process_time() - cpu
    embedder = E5Embedder()
    embedder.encode(["warm up"])
    texts = [profile(a, calibration_of(embedder).lead_chars).text for a in analyses if a.document.ok]
    cpu = time.process_time()
    for start in range(0, len(texts), 16):
        embedder.encode(texts[start:start + 16])
    embedding = time.process_time() - cpu
    n = len(docs)
    return {"documents": n, "raw_ms": round(raw / n * 1000, 1), "analysis_ms": round(analysis / n * 1000, 1),
            "embedding_ms": round(embedding / n * 1000, 1),
            "analysis_vs_raw": round(raw / analysis, 2),
            "analysis_and_embedding_vs_raw": round(raw / (analysis + embedding), 2)}


def reading(paths: dict[str, Path]) -> dict:
    """Documents per second read and cleaned from each format (one process)."""
    from dragoman.ingest import read_documents

    found = {}
    for kind, path in paths.items():
        start = time.perf_counter()
        count = sum(1 for d in read_documents([path], max_bytes=50_000_000) if d.ok)
        found[kind] = {"documents": count, "docs_per_s": round(count / (time.perf_counter() - start), 1)}
    return found


def run_mode(mode: str, path: Path, url: str) -> dict:
    """In a child process: one ingest, timed; the first and last stored documents frame the analysis."""
    from dragoman.pipeline import Pipeline
    from dragoman.scale import ingest_parallel
    from dragoman.service import ingest
    from dragoman.store import open_store

    stamps: list[float] = []
    store = open_store(url)
    start = time.perf_counter()
    note = lambda _doc: stamps.append(time.perf_counter())
    if MODES[mode]:
        report = ingest_parallel([path], store=store, db=url, pipeline=Pipeline(), progress=note, **MODES[mode])
    else:
        report = ingest([path], store=store, pipeline=Pipeline(), progress=note)
    end = time.perf_counter()
    n = len(report.added)
    return {"added": n, "failed": len(report.failed), "seconds": round(end - start, 2),
            "docs_per_s": round(n / (end - start), 2),
            "analysis_docs_per_s": round((len(stamps) - 1) / max(stamps[-1] - stamps[0], 1e-9), 2) if stamps else 0,
            "first_document_s": round(stamps[0] - start, 2) if stamps else None,
            "rebuild_s": round(end - stamps[-1], 2) if stamps else None, "fingerprint": fingerprint(store)}


def fingerprint(store) -> dict:
    from dragoman.contract import event_json, story_json

    parts = {"documents": sorted(f"{d.id}:{d.content_hash}" for d in store.documents(limit=10**7)),
             "stories": sorted(json.dumps(story_json(s), sort_keys=True) for s in store.stories(limit=10**7)),
             "events": sorted(json.dumps(event_json(e), sort_keys=True, default=str) for e in store.events(limit=10**7))}
    return {key: [len(value), hashlib.sha1("\n".join(value).encode()).hexdigest()[:12]] for key, value in parts.items()}


class Peaks(threading.Thread):
    """Peak RSS (VmHWM) of every process of a session, sampled every 0.3 s."""

    def __init__(self, session: int) -> None:
        super().__init__(daemon=True)
        self.session, self.peaks, self.names, self.done = session, {}, {}, threading.Event()
        self.cpu: dict[str, float] = {}  # CPU seconds (user + system) each process had used when last seen

    def run(self) -> None:
        while not self.done.wait(0.3):
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    if int(stat[3]) != self.session:
                        continue
                    kb = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                              if line.startswith("VmHWM"))
                    self.names[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:80]
                except (OSError, StopIteration, IndexError, ValueError):
                    continue
                self.peaks[pid] = max(self.peaks.get(pid, 0), kb)
                self.cpu[pid] = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")

    def worker_pids(self) -> list[str]:
        marks = ("MapWorker", "multiprocessing.spawn", "spawn_main")
        return [pid for pid in self.peaks if any(m in self.names[pid] for m in marks)]

    def workers(self) -> list[float]:
        return sorted(round(self.peaks[pid] / 1024, 1) for pid in self.worker_pids())


def measure(mode: str, path: Path, folder: Path) -> dict:
    url = f"sqlite:///{folder / (mode + '.sqlite')}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    job = subprocess.Popen([sys.executable, __file__, "--run", mode, "--input", str(path), "--db", url],
                           stdout=subprocess.PIPE, env=env, start_new_session=True, text=True)
    peaks = Peaks(job.pid)
    peaks.start()
    out, _ = job.communicate()
    peaks.done.set()
    peaks.join()
    if job.returncode:
        raise SystemExit(f"{mode} failed ({job.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["driver_peak_rss_mb"] = round(peaks.peaks.get(str(job.pid), 0) / 1024, 1)
    result["worker_peak_rss_mb"] = peaks.workers()
    # CPU seconds the analysing processes used: a throughput that other jobs on the machine do not skew
    cpu = sum(peaks.cpu[pid] for pid in peaks.worker_pids()) or peaks.cpu.get(str(job.pid), 0.0)
    result["analysis_cpu_s"] = round(cpu, 1)
    result["docs_per_cpu_s"] = round(result["added"] / cpu, 2) if cpu else None
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--modes", nargs="+", default=["ingest", "workers-2", "ray-2"], choices=sorted(MODES))
    parser.add_argument("--run", choices=sorted(MODES), help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_mode(args.run, Path(args.input), args.db)))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="bench_ray_"))
    paths = write_formats(corpus(args.n), folder)
    report: dict = {"n": args.n, "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                    "reading": reading(paths), "raw_nlp_pipe": raw_spacy(paths), "ingest": {}}
    from dragoman.scale.engines import one_thread_each  # as a worker runs: OpenMP on one thread

    with one_thread_each():
        report["stages_one_thread"] = stages(paths)
    print("stages", json.dumps(report["stages_one_thread"]), flush=True)
    for mode in args.modes:
        report["ingest"][mode] = measure(mode, paths["jsonl"], folder)
        print(mode, json.dumps(report["ingest"][mode]), flush=True)
    report["summary"] = summary(report)
    if report["summary"]["same_documents_stories_events"]:
        shutil.rmtree(folder)
    else:  # the stores that differ are kept, to be compared
        report["stores_kept_in"] = str(folder)
        print(f"the modes stored different stories or events: the stores are kept in {folder}", file=sys.stderr)
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "bench_ray.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report["summary"], indent=1))
    return 0


def summary(report: dict) -> dict:
    """Each mode against raw spaCy and against one worker of the same kind (processes, Ray; else plain ingest)."""
    runs, raw = report["ingest"], report["raw_nlp_pipe"]["docs_per_s"]
    found: dict = {"raw_nlp_pipe_docs_per_s": raw, "stages_one_thread": report.get("stages_one_thread"),
                   "same_documents_stories_events": len({json.dumps(r["fingerprint"]) for r in runs.values()}) == 1}
    for mode, run in runs.items():
        workers = MODES[mode].get("workers", 1)
        one = runs.get(mode.split("-")[0] + "-1") or runs.get("ingest") or run
        found[mode] = {"docs_per_s": run["docs_per_s"], "analysis_docs_per_s": run["analysis_docs_per_s"],
                       "per_worker_vs_raw": round(run["analysis_docs_per_s"] / workers / raw, 2),
                       "speedup_vs_1_worker": round(run["analysis_docs_per_s"] / one["analysis_docs_per_s"], 2),
                       "end_to_end_speedup_vs_1_worker": round(run["docs_per_s"] / one["docs_per_s"], 2),
                       "worker_peak_rss_mb": run["worker_peak_rss_mb"] or [run["driver_peak_rss_mb"]]}
        if run.get("docs_per_cpu_s") and report["raw_nlp_pipe"].get("docs_per_cpu_s"):
            found[mode]["per_cpu_vs_raw"] = round(run["docs_per_cpu_s"] / report["raw_nlp_pipe"]["docs_per_cpu_s"], 2)
    return found


if __name__ == "__main__":
    sys.exit(main())
