"""The package's shape: a front door per stage, imports through it, records that pickle, short modules."""
from __future__ import annotations

import ast
import importlib
import inspect
import pickle
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from dragoman.model import (
    Actor,
    Conflict,
    DateValue,
    Document,
    DocumentAnalysis,
    DocumentError,
    Event,
    EventCandidate,
    Evidence,
    FieldValue,
    Location,
    Mention,
    OffsetMap,
    Person,
    RawItem,
    Relation,
    Result,
    StatusChange,
    Story,
)

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dragoman"
SCRIPTS = PACKAGE.parents[1] / "scripts"
STAGES = ("ingest", "nlp", "events", "stories", "store", "contract", "watch")
MAX_LINES = 400


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_exports_its_front_door_with_all(stage):
    module = importlib.import_module(f"dragoman.{stage}")
    exported = getattr(module, "__all__", None)
    assert exported, f"dragoman.{stage} has no __all__"
    for name in exported:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            origin = value.__module__
            assert origin.startswith((f"dragoman.{stage}", "dragoman.model")), (name, origin)


def _inner_imports(path: Path) -> list[str]:
    """Modules named by ``path``'s imports, resolved to absolute ``dragoman.*`` names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(PACKAGE.parent).with_suffix("").parts if path.is_relative_to(PACKAGE) else ()
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[:len(here) - node.level])
                names.append(".".join([*base, *(node.module.split(".") if node.module else [])]))
            elif node.module:
                names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def _front_door(module: str) -> bool:
    """A sub-package with its own ``__all__`` (``dragoman.nlp.temporal``) is a front door too."""
    init = PACKAGE.parent.joinpath(*module.split(".")) / "__init__.py"
    return init.is_file() and "__all__" in init.read_text(encoding="utf-8")


def _code_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py")) + sorted(SCRIPTS.glob("*.py"))


@pytest.mark.parametrize("stage", ("nlp", "events", "stories", "contract", "watch"))
def test_code_outside_a_stage_imports_only_its_front_door(stage):
    offenders = []
    for path in _code_files():
        if path.is_relative_to(PACKAGE / stage):
            continue
        for name in _inner_imports(path):
            if name.startswith(f"dragoman.{stage}.") and not _front_door(name):
                offenders.append(f"{path.relative_to(PACKAGE.parents[1])}: {name}")
    assert not offenders, offenders


def test_no_module_is_over_the_line_budget():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES and "migrations" not in p.parts}
    assert not long, long


def _records() -> list[object]:
    quote = Evidence("d1", 0, 6, "Talks.")
    when = DateValue(date(2023, 3, 10), date(2023, 3, 10), "day", "vendredi")
    place = Location("Beijing", "CHN", 39.9, 116.4, 1816670, "Diaoyutai")
    actors = (Actor("SAU", "Saudi Arabia", "participant", "GOV"), Actor("CHN", "China", "participant", "GOV"))
    person = Person("Wang Yi", "CHN", "ministre", "host")
    doc = Document("d1", "a.txt", "Talks.", "Talks", "fr", date(2023, 3, 10), "https://x.example/a", ("wire",),
                   None, "h", "Talks.", OffsetMap(((0, 0, 6),)), datetime(2023, 3, 10, 9, 30))
    cand = EventCandidate("d1", "AGREE", "occurred", None, "030", actors, (person,), place, when, ("bilateral_relations",),
                          (), (quote,), "accord", 0.8, False)
    event = Event("e1", "AGREE", "occurred", None, "030", actors, (person,), place, when, ("bilateral_relations",), (),
                  ("d1",), (quote,), (Conflict("date", ((when, ("d1",)),)),), (Relation("e0", "previous_round"),))
    event = replace(event, provenance=(("date", (FieldValue(when, "d1", quote),)),),
                    status_history=(StatusChange("occurred", date(2023, 3, 10), "d1"),), story="s1")
    story = Story("s1", "Talks", ("d1",), ("e1",))
    analysis = DocumentAnalysis(doc, (Mention("actor", 0, 5, "Talks", 0, actors[0]),), (cand,))
    return [RawItem("a.txt", "Talks."), DocumentError("E106", "a.txt is malformed"), doc, cand, event, story,
            analysis, Result((doc,), (story,), (event,), (("d1", "s1"),))]


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_stage_records_pickle_intact(record):
    # Ray ships records between processes by pickling them.
    assert pickle.loads(pickle.dumps(record)) == record


def test_a_document_error_reads_back_from_its_stored_form():
    error = DocumentError("E106", "feed.xml is malformed: not a readable feed")
    assert DocumentError.parse(str(error)) == error
    assert DocumentError.parse("something went wrong") == DocumentError("E000", "something went wrong")
