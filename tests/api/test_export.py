"""Exports: contract JSON lines, a GDELT-like CSV/Parquet table, PLOVER records."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from api_samples import all_events, round_three
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.contract import event_json
from dragoman.errors import ConfigError
from dragoman.export import COLUMNS, export, plover_record, stored_events

URLS = {"d-en1": "https://news.example/en1", "d-fr2": "https://news.example/fr2"}


def run(fmt: str, events=None) -> bytes:
    sink = io.BytesIO()
    count = export(all_events() if events is None else events, fmt, sink, url_of=URLS.get)
    assert count == len(all_events() if events is None else events)
    return sink.getvalue()


def test_jsonl_is_one_contract_event_per_line():
    lines = run("jsonl").decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [event_json(e) for e in all_events()]


def test_csv_is_a_flat_table_with_the_columns():
    rows = list(csv.DictReader(io.StringIO(run("csv").decode("utf-8"))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 6
    first = rows[0]
    assert (first["id"], first["date_start"], first["date_precision"], first["type"]) == ("e-r1", "2025-02-27",
                                                                                         "day", "CONSULT")
    assert (first["source_actors"], first["target_actors"], first["actors"]) == ("RUS", "USA", "RUS;USA")
    assert (first["location_name"], first["location_country"], first["lat"]) == ("Istanbul", "TUR", "41.01")
    assert first["excluded_topics"] == "ukraine_war" and first["num_documents"] == "2"
    assert first["first_source_url"] == "https://news.example/en1"
    assert first["conflict_fields"] == "date" and json.loads(first["conflicts"])[0]["field"] == "date"
    sanction = next(r for r in rows if r["id"] == "e-sanction")
    assert (sanction["source_actors"], sanction["target_actors"], sanction["topics"]) == ("USA", "RUS",
                                                                                          "sanctions;energy")
    undated = next(r for r in rows if r["id"] == "e-undated")
    assert (undated["date_start"], undated["location_name"], undated["conflicts"]) == ("", "", "")


def test_parquet_has_the_same_columns_and_typed_values():
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(run("parquet")))
    assert tuple(table.column_names) == COLUMNS
    rows = table.to_pylist()
    assert rows[0]["actors"] == ["RUS", "USA"] and rows[0]["lat"] == 41.01 and rows[0]["num_documents"] == 2
    assert str(rows[0]["date_start"]) == "2025-02-27"
    assert [r["id"] for r in rows] == [e.id for e in all_events()]


def test_plover_records_carry_the_plover_fields():
    records = [json.loads(line) for line in run("plover").decode("utf-8").splitlines()]
    sanction = next(r for r in records if r["id"] == "e-sanction")
    assert {k: sanction[k] for k in ("date", "event_type", "mode", "quad", "context", "source_actor",
                                     "source_sector", "target_actor", "target_sector", "url")} == {
        "date": "2025-03-05", "event_type": "SANCTION", "mode": None, "quad": "material conflict",
        "context": ["sanctions", "energy"], "source_actor": "USA", "source_sector": "GOV", "target_actor": "RUS",
        "target_sector": "GOV", "url": "https://news.example/fr2"}
    first = records[0]
    assert first["location"]["name"] == "Istanbul" and first["event_type"] == "CONSULT"


def test_a_planned_consult_is_exported_as_plover_agree():
    record = plover_record(round_three())
    assert (record["event_type"], record["cameo"], record["mode"]) == ("AGREE", "036", None)
    assert (record["dragoman_type"], record["status"], record["quad"]) == ("CONSULT", "planned", "verbal cooperation")
    assert (record["source_actor"], record["target_actor"]) == ("RUS", "USA")


@pytest.mark.parametrize(("kind", "expected"), [
    ("SUPPORT", ("AGREE", "030", None)), ("RETREAT", ("CONCEDE", "080", None)),
    ("SANCTION", ("THREATEN", "130", "relations")), ("ASSAULT", ("THREATEN", "138", "violence"))])
def test_a_planned_act_is_exported_as_the_sentence_coder_codes_an_announced_one(kind, expected):
    from dragoman.events import plover_coding

    record = plover_record(replace(round_three(), type=kind, mode="visit"))
    assert (record["event_type"], record["cameo"], record["mode"]) == expected
    announced = plover_coding(coded_like(kind, future=True))
    assert announced == expected


def coded_like(kind, *, future):
    from dragoman.events import CodedEvent

    return CodedEvent(type=kind, mode=None, cameo=None, trigger=(0, 1), source=(), target=(), negated=False,
                      sentence=0, future=future)


@pytest.mark.parametrize("status", ["occurred", "ongoing", "cancelled", "uncertain"])
def test_a_consult_not_planned_stays_consult(status):
    record = plover_record(replace(round_three(), status=status, mode="visit"))
    assert (record["event_type"], record["mode"]) == ("CONSULT", "visit")


def test_an_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError, match="--format"):
        export([], "xml", io.BytesIO())


def test_stored_events_pages_through_the_whole_store(store):
    assert [e.id for e in stored_events(store, batch=4)] == [e.id for e in store.events(limit=100)]


@pytest.mark.parametrize("fmt", ["plover", "jsonl", "csv", "parquet"])
def test_cli_export_writes_the_file(store, tmp_path, fmt):
    output = tmp_path / f"events.{fmt}"
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--db", str(store.url), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 0
    if fmt == "plover":
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        assert next(r for r in records if r["id"] == "e-r3")["event_type"] == "AGREE"
        assert next(r for r in records if r["id"] == "e-r1")["url"] == "https://news.example/en1"
