"""``dragoman ingest`` (issue #15): exit 0 with a summary when anything could be read, 1 when nothing could;
every failure is stored and listed by ``dragoman documents --errors``, naming the document and the reason."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BAD = {"deep.json": "[" * 50_000, "number.json": '{"text": ' + "7" * 5000 + "}", "[bold]odd[red.txt": "\x00\x01\x02"}


def dragoman(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAGOMAN_EMBEDDER": "use", "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "dragoman", *args], env=env, capture_output=True, text=True,
                          timeout=600)


def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in BAD.items():
        (folder / name).write_text(data, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_nothing_readable_exits_1_and_lists_every_failure(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    run = dragoman("ingest", str(bad_folder(tmp_path)), "--db", db)
    assert run.returncode == 1, run.stderr
    assert "0 added, 0 already present, 4 failed" in run.stdout
    listed = dragoman("documents", "--errors", "--db", db)
    assert listed.returncode == 0
    for words in ("deep.json", "nested too deeply", "number.json", "bad JSON value", "[bold]odd[red.txt",
                  "looks binary", "pipe.txt", "named pipe"):
        assert words in listed.stdout, words


def test_one_readable_article_is_enough_to_exit_0(tmp_path):
    folder = bad_folder(tmp_path)
    shutil.copy(ROOT / "examples" / "us-iran-talks" / "thecourier-en-20250412.txt", folder / "good.txt")
    run = dragoman("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'store.sqlite'}")
    assert run.returncode == 0, run.stderr
    assert "1 added, 0 already present, 4 failed" in run.stdout
