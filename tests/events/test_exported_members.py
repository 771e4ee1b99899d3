"""The events stage's front door: __all__ names what it exports, and importing it loads nothing heavy."""
from __future__ import annotations

import subprocess
import sys

import pytest

import dragoman.events as events


def test_every_exported_name_resolves_to_its_module_object():
    for name in events.__all__:
        value = getattr(events, name)
        assert value is not None, name
        assert value.__module__.startswith("dragoman.events."), name


def test_the_entry_points_other_stages_use_are_exported():
    assert {"build_candidates", "code_doc", "run_code", "CodedEvent"} <= set(events.__all__)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        events.no_such_thing  # noqa: B018


def test_importing_the_package_imports_no_stage_module():
    code = "import sys, dragoman.events; print(sorted(m for m in sys.modules if m.startswith('dragoman.events.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
