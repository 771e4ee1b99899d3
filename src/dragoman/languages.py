"""Language packs: what dragoman knows about one language, read by one loader.

A language is a folder ``data/<code>/``. Its ``pack.json`` names the spaCy model and the dependency
labels that model emits, by role (French is parsed with UD labels, English with ClearNLP labels: code
asks for a role, never for a label). The folder's other files are the language's lexicons
(``cleaning.json``, ``dates.json``, ``triggers.json``, ``status.json``...). ``data/common/`` holds what
every language shares. Adding a language is adding a folder; this module is the only reader of them,
and a missing or broken file is one error, :class:`~dragoman.errors.LanguageDataError`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .config import data_dir
from .errors import LanguageDataError, UnsupportedLanguage

__all__ = ["LanguagePack", "common_data", "language_data", "language_pack", "languages", "labels_for"]

PACK_FILE = "pack.json"


@dataclass(frozen=True)
class LanguagePack:
    """One language: its code, its spaCy model and its dependency labels by role."""
    code: str
    model: str
    label_sets: tuple[tuple[str, frozenset[str]], ...] = ()

    def labels(self, role: str) -> frozenset[str]:
        """The dependency labels that mark ``role`` (``subject``, ``object``...) in this language's parses."""
        for name, labels in self.label_sets:
            if name == role:
                return labels
        raise LanguageDataError(path=f"{self.code}/{PACK_FILE}", detail=f"no label set '{role}'")

    def data(self, name: str, *, optional: bool = False) -> dict[str, Any]:
        """The lexicon ``data/<code>/<name>.json``; ``{}`` for an absent optional one."""
        return language_data(self.code, name, optional=optional)


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Every packaged language (a folder of ``data/`` with a ``pack.json``), sorted."""
    return tuple(sorted(p.parent.name for p in data_dir().glob(f"*/{PACK_FILE}")))


@cache
def language_pack(code: str | None) -> LanguagePack:
    """The pack of ``code``; a language without one raises :class:`UnsupportedLanguage`."""
    if code not in languages():
        raise UnsupportedLanguage(source="<language pack>", language=code or "unknown",
                                  supported=", ".join(languages()))
    raw = _read(data_dir() / code / PACK_FILE)
    labels = tuple(sorted((role, frozenset(names)) for role, names in raw.get("labels", {}).items()))
    return LanguagePack(code=code, model=raw["model"], label_sets=labels)


def labels_for(token: Any, role: str) -> frozenset[str]:
    """The labels of ``role`` in the language of the spaCy document ``token`` belongs to."""
    return language_pack(token.doc.lang_).labels(role)


def language_data(code: str, name: str, *, optional: bool = False) -> dict[str, Any]:
    """``data/<code>/<name>.json``, read once per process."""
    if code not in languages():
        if optional:
            return {}
        raise UnsupportedLanguage(source=f"{name}.json", language=code or "unknown",
                                  supported=", ".join(languages()))
    return _read_file(code, name, optional)


def common_data(name: str) -> dict[str, Any]:
    """``data/common/<name>.json``, read once per process."""
    return _read_file("common", name, False)


@cache
def _read_file(folder: str, name: str, optional: bool) -> dict[str, Any]:
    path = data_dir() / folder / f"{name}.json"
    if optional and not path.exists():
        return {}
    return _read(path)


def _read(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LanguageDataError(path=str(path.relative_to(data_dir().parent)), detail=str(exc)) from exc
    if not isinstance(value, dict):
        raise LanguageDataError(path=str(path), detail="not a JSON object")
    return value
