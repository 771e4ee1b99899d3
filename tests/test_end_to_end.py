"""The whole path: files -> extraction -> contract JSON -> scorer; store; CLI."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.contract import result_json
from dragoman.pipeline import Pipeline
from dragoman.service import extract, ingest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.fixture(scope="module")
def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds_output(shared_dir, pipeline):
    result = extract(sorted((shared_dir / "seeds").glob("*.txt")), pipeline=pipeline)
    return json.loads(json.dumps(result_json(result)))


def summary(line: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in line.split())


def test_seeds_form_one_story_with_expected_document_checks(seeds_output, scorer, shared_dir):
    gold = json.loads((shared_dir / "seeds" / "gold.json").read_text())
    _, line = scorer.score_events(gold, seeds_output)
    figures = summary(line)
    assert figures["story_bcubed_f1"] == "1.000", line
    assert figures["document_checks"] == "1.000", line
    assert float(figures["events_recall"]) >= 0.67, line


def test_every_event_has_evidence_pointing_into_its_document(seeds_output, shared_dir, pipeline):
    texts = {}
    from dragoman.ingest import read_documents

    for doc in read_documents(sorted((shared_dir / "seeds").glob("*.txt"))):
        texts[doc.id] = doc.text
    for event in seeds_output["events"]:
        assert event["evidence"], event["id"]
        for ev in event["evidence"]:
            assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["text"]


def test_examples_cluster_by_story_across_languages(pipeline):
    result = extract([EXAMPLES], pipeline=pipeline)
    story_of = dict(result.story_of)
    by_folder: dict[str, set[str]] = {}
    for doc in result.documents:
        folder = Path(doc.source).parent.name
        if folder != "examples" and doc.ok:
            by_folder.setdefault(folder, set()).add(story_of[doc.id])
    assert by_folder, "no example documents were read"
    assert sum(len(stories) for stories in by_folder.values()) <= len(by_folder) + 3
    languages = {d.language for d in result.documents if d.ok}
    assert languages == {"fr", "en"}


def test_ingest_twice_adds_nothing_the_second_time(tmp_path, pipeline, shared_dir):
    from dragoman.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    first = ingest(seeds, store=store, pipeline=pipeline)
    second = ingest(seeds, store=store, pipeline=pipeline)
    assert len(first.added) == 2 and not second.added and len(second.skipped) == 2
    assert store.counts()["events"] >= 1
    store.close()


def test_bad_file_among_good_ones_is_reported_and_the_rest_ingested(tmp_path, pipeline, shared_dir):
    from dragoman.store import open_store

    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    report = ingest([bad, *sorted((shared_dir / "seeds").glob("*.txt"))], store=store, pipeline=pipeline)
    assert len(report.added) == 2
    assert [Path(d.source).name for d in report.failed] == ["broken.txt"]
    assert "broken.txt" in str(report.failed[0].error)
    failed = store.documents(errors=True)
    assert len(failed) == 1 and "broken.txt" in str(failed[0].error)
    store.close()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dragoman", *args], capture_output=True, text=True, timeout=300)


def test_cli_unknown_option_is_a_usage_message_not_a_traceback():
    done = cli("code", "--no-such-option", "x")
    assert done.returncode == 2
    assert "No such option" in done.stderr and "Traceback" not in done.stderr and "│" not in done.stderr


def test_cli_bad_option_value_is_one_line_and_nonzero(tmp_path):
    done = cli("extract", "--published", "yesterday", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "E401" in done.stderr


def test_cli_unreachable_store_is_one_line_and_nonzero():
    done = cli("events", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert done.returncode == 1
    assert "E301" in done.stderr and "Traceback" not in done.stderr


def test_cli_help_everywhere():
    for command in ("ingest", "extract", "events", "stories", "timeline", "documents", "dates", "code", "rebuild"):
        done = cli(command, "--help")
        assert done.returncode == 0 and "Usage" in done.stdout, command


def test_language_without_pipeline_is_a_per_document_error_and_the_run_goes_on(tmp_path, pipeline):
    (tmp_path / "de.txt").write_text("Gespräche in Genf\n\nDie Außenminister Deutschlands und Polens trafen sich am "
                                     "Montag in Genf, um über die Zusammenarbeit an der Grenze zu sprechen.\n")
    (tmp_path / "en.txt").write_text("Talks in Geneva\n\nThe foreign ministers of Germany and Poland met in Geneva "
                                     "on Monday to discuss cooperation on the border.\n")
    result = extract([tmp_path], pipeline=pipeline, published=None)
    by_name = {Path(d.source).name: d for d in result.documents}
    assert "E107" in str(by_name["de.txt"].error) and "'de'" in str(by_name["de.txt"].error)
    assert by_name["en.txt"].error is None


def test_wire_copies_are_flagged_near_duplicate(tmp_path, pipeline):
    body = ("Talks in Geneva\n\nThe foreign ministers of Germany and Poland met in Geneva on Monday to discuss "
            "cooperation on the border, officials said after the meeting, which lasted three hours.\n")
    (tmp_path / "site-a.txt").write_text(body)
    (tmp_path / "site-b.txt").write_text(body.replace("three hours", "three full hours"))
    result = extract([tmp_path], pipeline=pipeline)
    flagged = [Path(d.source).name for d in result.documents if "near_duplicate" in d.flags]
    assert len(flagged) == 1


def test_cli_rebuild_recomputes_what_ingest_wrote(tmp_path, shared_dir):
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    assert cli("ingest", "--db", db, *map(str, sorted((shared_dir / "seeds").glob("*.txt")))).returncode == 0
    events = json.loads(cli("events", "--db", db, "--json").stdout)
    done = cli("rebuild", "--db", db)
    assert done.returncode == 0 and f"{len(events)} events" in done.stdout
    assert json.loads(cli("events", "--db", db, "--json").stdout) == events
