"""The nlp stage's front door: what it exports, what importing it costs, and who goes through it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import dragoman.nlp
import dragoman.nlp.temporal

ROOT = Path(__file__).resolve().parents[2]
INNER_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:\.+|dragoman\.)nlp\.(?!temporal\b\s)(\w+)", re.MULTILINE)
# events/ is being restructured in parallel (issue #12); it moves to the front door with that work
NOT_YET = ("src/dragoman/events/",)


@pytest.mark.parametrize("module", [dragoman.nlp, dragoman.nlp.temporal])
def test_every_exported_name_is_the_stages_own(module):
    for name in module.__all__:
        assert getattr(module, name).__module__.startswith(module.__name__ + "."), name


def test_importing_the_stage_does_not_import_spacy():
    probe = "import sys, dragoman.nlp; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_code_outside_the_stage_imports_only_its_front_doors():
    files = [*ROOT.glob("src/dragoman/**/*.py"), *ROOT.glob("scripts/*.py")]
    inner = [f"{path.relative_to(ROOT)}: nlp.{match}" for path in files
             if not path.relative_to(ROOT).as_posix().startswith(("src/dragoman/nlp/", *NOT_YET))
             for match in INNER_IMPORT.findall(path.read_text(encoding="utf-8"))]
    assert inner == []
