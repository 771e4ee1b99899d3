"""The shape of a raw text as offsets: paragraphs of lines, lines of sentences.

Cleaning never edits characters; it chooses which slices of the raw text to
keep and :class:`TextBuilder` glues them with separators while recording
where every kept slice came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import OffsetMap

TERMINAL = ".!?…"
_CLOSERS = "\"'»”’)]"
_OPENERS = "«\"“'([–—-•¿¡"
_SENTENCE_END = re.compile(f"[{re.escape(TERMINAL)}]+[{re.escape(_CLOSERS)}]*\\s+")
_WORD_BEFORE = re.compile(r"[\w.°'-]+$")
HEADING_MAX = 120


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, raw: str) -> str:
        return raw[self.start:self.end]


@dataclass(frozen=True)
class Line:
    """A non-blank raw line, stripped of surrounding spaces."""
    span: Span
    paragraph: int

    def of(self, raw: str) -> str:
        return self.span.of(raw)


def split_lines(raw: str) -> tuple[Line, ...]:
    """Non-blank lines with their paragraph number (blank lines separate paragraphs)."""
    lines: list[Line] = []
    paragraph, start, blank_before = 0, 0, False
    for chunk in raw.split("\n"):
        span = _strip(raw, start, start + len(chunk))
        start += len(chunk) + 1
        if span is None:
            blank_before = True
            continue
        if blank_before and lines:
            paragraph += 1
        lines.append(Line(span, paragraph))
        blank_before = False
    return tuple(lines)


def _strip(raw: str, start: int, end: int) -> Span | None:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def split_sentences(raw: str, span: Span, abbreviations: frozenset[str]) -> tuple[Span, ...]:
    """Sentences of one line, as spans without their trailing spaces."""
    text = span.of(raw)
    pieces: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = match.end()
        if following >= len(text) or not _opens_sentence(text[following]):
            continue
        if _after_abbreviation(text, match.start(), abbreviations):
            continue
        end = match.start() + len(match.group().rstrip())
        pieces.append(Span(span.start + start, span.start + end))
        start = following
    pieces.append(Span(span.start + start, span.end))
    return tuple(pieces)


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _after_abbreviation(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text[:stop])
    if word is None:
        return False
    token = word.group()
    return token.casefold() in abbreviations or (len(token) == 1 and token.isupper())


def is_heading(text: str) -> bool:
    """Short and without final punctuation: a title, a subheading, a table row."""
    return len(text) <= HEADING_MAX and text[-1] not in TERMINAL + ",;:"


def line_break(before: str, after: str) -> str:
    """Separator between two kept lines of the same raw paragraph.

    A finished sentence, or a heading followed by running text, ends a
    paragraph; list items, table rows and hard-wrapped lines (the next line
    going on in lower case) keep a single newline.
    """
    if continues(after) or (_is_list_item(before) and _is_list_item(after)):
        return "\n"
    if before[-1] in TERMINAL + _CLOSERS or (is_heading(before) and not is_heading(after)):
        return "\n\n"
    return "\n"


def continues(text: str) -> bool:
    """A line that carries on the previous one rather than starting afresh."""
    return text[0].islower()


def _is_list_item(text: str) -> bool:
    return text[0] in "•*-–—·" or bool(re.match(r"\d{1,2}[.)]\s", text))


class TextBuilder:
    """Concatenates raw slices and separators, recording an :class:`OffsetMap`."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, int]] = []
        self.length = 0

    def add(self, span: Span) -> None:
        if span.end <= span.start:
            return
        self.segments.append((self.length, span.start, span.end - span.start))
        self.parts.append(span.of(self.raw))
        self.length += span.end - span.start

    def separate(self, separator: str) -> None:
        if self.length:
            self.parts.append(separator)
            self.length += len(separator)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(tuple(self.segments))
