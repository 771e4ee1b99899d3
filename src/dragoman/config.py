"""Every setting of dragoman, declared once: name, default, help.

A setting is read from the environment as ``DRAGOMAN_<NAME>`` (upper case)
unless a caller passes it explicitly; :func:`settings` returns the frozen
result. Modules take the values they need as keyword arguments rather than
reading the environment themselves.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///dragoman.sqlite", "Store URL: a SQLite file (default) or postgresql://..."),
    Setting("max_bytes", 5_000_000, "Largest input file accepted, in bytes; larger ones get error E105."),
    Setting("max_chars", 20_000, "Most characters of one article analysed; a longer text is cut at a sentence "
                                  "boundary and flagged truncated."),
    Setting("max_html_chars", 3_000_000, "Largest HTML page (or posted html field) parsed, in characters (E105)."),
    Setting("stage_seconds", 30.0, "Time budget of one document in one stage; a document over it gets error E109."),
    Setting("max_request_bytes", 10_000_000, "Largest body of POST /api/documents, in bytes (413 beyond it)."),
    Setting("min_chars", 40, "Fewer characters than this after cleaning is an empty document (E103)."),
    Setting("batch_size", 16, "Documents per spaCy nlp.pipe batch."),
    Setting("languages", "fr,en", "Languages with a full extraction pipeline."),
    Setting("embedder", "e5", "Sentence embedder for stories: e5 (multilingual-e5-small, best recall) or use "
                              "(Universal Sentence Encoder, about 25x faster)."),
    Setting("story_threshold", "", "Lowest combined similarity for a document to join a story "
                                   "(empty: the embedder's calibrated threshold)."),
    Setting("token", "", "Bearer token guarding POST /api/documents."),
    Setting("watch_interval", 900.0, "Seconds between two polls of a watched feed (dragoman watch)."),
    Setting("watch_host_delay", 2.0, "Seconds between two requests of the watcher to the same host."),
    Setting("watch_timeout", 20.0, "Seconds the watcher waits for a feed or page to answer."),
    Setting("user_agent", "dragoman/0.1 (+https://github.com/dragoman)", "User-Agent of the watcher's requests "
                                                                          "(and the name robots.txt rules are read for)."),
    Setting("strict", False, "Raise unexpected exceptions instead of recording them as the document's error "
                             "(tests run strict: a bug must fail them, not become data)."),
)


@dataclass(frozen=True)
class Settings:
    db: str
    max_bytes: int
    max_chars: int
    max_html_chars: int
    stage_seconds: float
    max_request_bytes: int
    min_chars: int
    batch_size: int
    languages: str
    embedder: str
    story_threshold: str
    token: str
    watch_interval: float
    watch_host_delay: float
    watch_timeout: float
    user_agent: str
    strict: bool

    @property
    def threshold(self) -> float | None:
        """The story threshold as a number, or None for the embedder's own."""
        if not self.story_threshold.strip():
            return None
        try:
            return float(self.story_threshold)
        except ValueError:
            raise ConfigError(name="story_threshold", detail=f"{self.story_threshold!r} is not a number") from None

    @property
    def language_list(self) -> tuple[str, ...]:
        return tuple(x.strip() for x in self.languages.split(",") if x.strip())


def settings(**overrides: object) -> Settings:
    """Defaults, overridden by ``DRAGOMAN_*`` variables, overridden by ``overrides``."""
    values: dict[str, object] = {}
    for spec in SETTINGS:
        raw = overrides.get(spec.name)
        if raw is None:
            raw = os.environ.get(f"DRAGOMAN_{spec.name.upper()}", spec.default)
        values[spec.name] = _coerce(spec, raw)
    return Settings(**values)  # type: ignore[arg-type]  # _coerce gives each value its default's type


DEFAULT = Settings(**{spec.name: spec.default for spec in SETTINGS})  # type: ignore[arg-type]  # defaults match fields
"""The declared defaults, for signatures (the environment is read by :func:`settings`, at run time)."""


def _coerce(spec: Setting, raw: object) -> object:
    kind: type = type(spec.default)  # str, int, float or bool: each converts any raw value or raises
    if kind is bool:
        return _flag(spec, raw)
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(name=spec.name, detail=f"{raw!r} is not a {kind.__name__}") from exc


def _flag(spec: Setting, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise ConfigError(name=spec.name, detail=f"{raw!r} is not a yes/no value")


def data_dir() -> Path:
    """Folder of the packaged domain knowledge (lexicons, actor lists, topics)."""
    return Path(__file__).parent / "data"

