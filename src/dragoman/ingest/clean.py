"""Cleaning: a :class:`RawItem` becomes a :class:`Document`.

The cleaned text is made only of slices of the raw text (whole lines or runs
of sentences) joined by separators, so every kept character maps back to the
raw text through ``Document.offsets``. What to remove and which quality
flags to raise comes from the per-language lexicons in ``data/<lang>/``.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import DEFAULT
from ..errors import EmptyInput
from ..model import Document, OffsetMap, RawItem
from .flags import text_flags
from .head import Head, first_content, same_title, scan_head
from .language import detect_language, normalise_language
from .layout import Line, Span, TextBuilder, line_break, split_lines, split_sentences
from .lexicon import Lexicon, Rule, fold, lexicon_for

LEAD_PARAGRAPHS = 3
TAIL_PARAGRAPHS = 3


@dataclass(frozen=True)
class Verdict:
    """What the lexicon rules decided about one document."""
    flags: frozenset[str]
    paragraphs: frozenset[int]  # raw paragraphs removed whole
    lines: frozenset[int]  # line indexes removed
    sentences: frozenset[Span]  # sentences removed


def clean(item: RawItem, *, min_chars: int = DEFAULT.min_chars) -> Document:
    """Clean one article; raises :class:`EmptyInput` when too little text is left."""
    given_language = normalise_language(item.language)
    lex = lexicon_for(given_language or detect_language(item.text))
    # Section labels are matched in every language: sites mix them ("Live",
    # "Tech") and they are too short to tell the page's language.
    labels = lexicon_for(None)
    raw = with_title(item, labels)
    head = scan_head(raw, split_lines(raw), labels, has_title=bool(_title_of(item)))
    folded = fold(raw)
    verdict = judge(folded, head, lex)
    text, offsets = assemble(raw, folded, head, verdict, lex)
    # A headline record (its text is its title) says little by design; it still clusters into stories.
    minimum = 1 if headline(item) else max(min_chars, 1)
    if len(text.strip()) < minimum:
        raise EmptyInput(source=item.source)
    title = head.lines[head.title].of(raw) if head.title is not None else None
    lead = raw[head.lines[head.title].span.end:] if head.title is not None else raw
    flags = verdict.flags | text_flags(text, title, lead, lex)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=item.given_id or digest[:16], source=item.source, text=text, title=title,
        language=given_language or detect_language(text), published=item.published, url=item.url,
        flags=tuple(sorted(flags)), content_hash=digest, raw_text=raw, offsets=offsets,
        published_at=item.published_at, outlet=item.outlet,
    )


def headline(item: RawItem) -> bool:
    """Whether the item is a title alone: its text says no more than its title."""
    title = _title_of(item)
    return bool(title) and " ".join(item.text.split()) == title


def _title_of(item: RawItem) -> str:
    return " ".join((item.title or "").split())


def with_title(item: RawItem, lex: Lexicon) -> str:
    """The raw text, with a metadata title put on top when the body lacks it."""
    title = _title_of(item)
    if not title:
        return item.text
    first = first_content(item.text, split_lines(item.text), lex)
    if first is not None and same_title(first, title):
        return item.text
    return f"{title}\n\n{item.text}"


# ----------------------------------------------------------------- rules

@dataclass(frozen=True)
class Hit:
    index: int  # line index
    line: Line
    rule: Rule
    units: tuple[Span, ...]  # the matched sentences, or the line


def judge(folded: str, head: Head, lex: Lexicon) -> Verdict:
    """Run every rule over the lines it applies to (the title is never removed)."""
    hits = list(_hits(folded, head, lex))
    removable = [hit for hit in hits if hit.index != head.title and hit.rule.scope != "none"]
    return Verdict(
        flags=frozenset(hit.rule.flag for hit in hits if hit.rule.flag),
        paragraphs=frozenset(hit.line.paragraph for hit in removable if hit.rule.scope == "paragraph"),
        lines=frozenset(hit.index for hit in removable if hit.rule.scope == "line"),
        sentences=frozenset(unit for hit in removable if hit.rule.scope == "sentence" for unit in hit.units),
    )


def _hits(folded: str, head: Head, lex: Lexicon) -> Iterator[Hit]:
    """Rule matches on sentences (sentence rules) or whole lines (the others)."""
    regions = _regions(head)
    for i, line in enumerate(head.lines):
        if i in head.dropped:
            continue
        sentences = split_sentences(folded, line.span, lex.abbreviations)
        for rule in lex.rules:
            if line.paragraph not in regions[rule.where]:
                continue
            units = sentences if rule.scope == "sentence" else (line.span,)
            matched = tuple(unit for unit in units if rule.pattern.search(unit.of(folded)))
            if matched:
                yield Hit(i, line, rule, matched)


def _regions(head: Head) -> dict[str, frozenset[int]]:
    order = list(dict.fromkeys(line.paragraph for i, line in enumerate(head.lines) if i not in head.dropped))
    return {
        "any": frozenset(order),
        "lead": frozenset(order[:LEAD_PARAGRAPHS + 1]),  # + 1: the title's own paragraph
        "tail": frozenset(order[-TAIL_PARAGRAPHS:]),
    }


# ----------------------------------------------------------------- assembly

def assemble(raw: str, folded: str, head: Head, verdict: Verdict, lex: Lexicon) -> tuple[str, OffsetMap]:
    """Join the kept slices: lines by newlines, paragraphs by blank lines."""
    builder = TextBuilder(raw)
    previous: tuple[Line, str] | None = None
    for i, line in enumerate(head.lines):
        pieces = _kept_pieces(folded, i, line, head, verdict, lex)
        if not pieces:
            continue
        first = pieces[0].of(raw)
        if previous is not None:
            builder.separate(_separator(previous, line, first, head))
        for k, piece in enumerate(pieces):
            if k:
                builder.separate(" ")
            builder.add(piece)
        previous = (line, pieces[-1].of(raw))
    return builder.build()


def _separator(previous: tuple[Line, str], line: Line, first: str, head: Head) -> str:
    before_line, before_text = previous
    title = head.lines[head.title] if head.title is not None else None
    if before_line == title or before_line.paragraph != line.paragraph:
        return "\n\n"
    return line_break(before_text, first)


def _kept_pieces(folded: str, i: int, line: Line, head: Head, verdict: Verdict, lex: Lexicon) -> list[Span]:
    """The runs of sentences of a line that survive, or the whole line."""
    if i in head.dropped:
        return []
    if i == head.title:
        return [line.span]
    if i in verdict.lines or line.paragraph in verdict.paragraphs:
        return []
    if not verdict.sentences:
        return [line.span]
    runs: list[Span] = []
    current: Span | None = None
    for sentence in split_sentences(folded, line.span, lex.abbreviations):
        if sentence in verdict.sentences:
            current = None
            continue
        current = Span(current.start, sentence.end) if current else sentence
        if runs and current.start == runs[-1].start:
            runs[-1] = current
        else:
            runs.append(current)
    return runs
