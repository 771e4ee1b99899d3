"""Bounds on what one input may cost (issue #15): characters kept, clean strings, printable sources.

A text over the character limit is cut at its last sentence boundary before the limit (else at a line
break or a space, else at the limit) and flagged ``truncated``; lone surrogates (which JSON's ``\\ud800``
escapes produce and no encoder accepts) become U+FFFD; a file name's undecodable bytes and control
characters are written as escapes, so any name can be stored, listed and printed.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from ..config import settings
from ..errors import InputError, InputFailure

T = TypeVar("T")

TRUNCATED = "truncated"
_SENTENCE_END = re.compile(r"[.!?…。][\"'»”’)\]]*\s")
_SURROGATE = re.compile("[\ud800-\udfff]")
# a cut is looked for in the last part of the allowed text only: a cut keeps at least this share of it
_KEEP_SHARE = 0.5


def truncate(text: str, max_chars: int) -> tuple[str, bool]:
    """The text, or its longest head of at most ``max_chars`` ending at a sentence boundary; and whether it was cut."""
    if len(text) <= max_chars:
        return text, False
    window = text[:max_chars]
    floor = int(max_chars * _KEEP_SHARE)
    ends = [m.end() for m in _SENTENCE_END.finditer(window, floor)]
    if ends:
        return window[:ends[-1]].rstrip(), True
    for mark in ("\n", " "):
        cut = window.rfind(mark, floor)
        if cut > 0:
            return window[:cut].rstrip(), True
    return window, True


def scrub(text: str) -> str:
    """The text with every lone surrogate replaced by U+FFFD (a paired one cannot occur in a ``str``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def scrub_value(value: object) -> object:
    """A JSON value with its strings (keys included) scrubbed, containers copied one level deep."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {scrub(str(k)): (scrub(v) if isinstance(v, str) else v) for k, v in value.items()}
    return value


def display_path(path: str | Path) -> str:
    """A path as text that any store and terminal accept: undecodable bytes and control characters escaped."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def guarded(results: Iterator[T], source: str, *, strict: bool | None = None) -> Iterator[T | InputError]:
    """``results``, ending with an :class:`InputFailure` naming ``source`` if producing them raises
    something unexpected (re-raised in strict mode: a bug must fail the tests)."""
    strict = settings().strict if strict is None else strict
    try:
        yield from results
    except InputError as exc:
        yield exc
    except Exception as exc:
        if strict:
            raise
        yield InputFailure(source=source, detail=f"{type(exc).__name__}: {scrub(str(exc))[:300]}")
