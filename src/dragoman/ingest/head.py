"""The top of an article: section labels, breadcrumbs, the title and its repeats."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .layout import Line, Span, continues, is_heading
from .lexicon import Lexicon, fold, section_tokens, split_camel

HEAD_LINES = 8  # labels and repeated titles are looked for in the first lines only
TITLE_MAX = 200
LABEL_MAX = 80
_BREADCRUMB = re.compile(r"\s*(?:>|/|\||»|›|·|•|→|::)\s*")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_DECORATION = {"So", "Sk", "Cf", "Mn", "Co", "Cs", "Zs"}
# A title's trailing publisher name or section ("… - ISTOÉ Independente", "… | The China Post, Taiwan"):
# after a spaced dash, bar or bullet, a few words that read as a name, never most of the title.
_MASTHEAD_SEPARATOR = re.compile(r"\s+[-–—|·•»]\s+|\s*\|\s*")
MASTHEAD_WORDS = 8
TITLE_MIN_WORDS = 3  # what is left of a title after its masthead is cut
NAME_WORD = 4  # a lower-case word this long is prose, not part of a name ("de", "del", "and" may be)
_DOMAIN = re.compile(r"\w\.[a-z]{2,}$", re.IGNORECASE)


@dataclass(frozen=True)
class Head:
    lines: tuple[Line, ...]  # the input lines, some trimmed at the start
    dropped: frozenset[int]  # indexes of section labels and repeated titles
    title: int | None  # index of the title line


def is_section_label(text: str, lex: Lexicon) -> bool:
    """``"Politique"``, ``"Accueil > Monde"``, ``"ActualitésInternational"``, ``"World News"``."""
    if len(text) > LABEL_MAX:
        return False
    parts = [part for part in _BREADCRUMB.split(text) if part.strip()]
    return bool(parts) and all(_covered(section_tokens(part), lex) for part in parts)


def _covered(tokens: tuple[str, ...], lex: Lexicon) -> bool:
    """Whether ``tokens`` is a sequence of known section names (longest match first)."""
    i = 0
    while i < len(tokens):
        for size in range(min(lex.longest_section, len(tokens) - i), 0, -1):
            if tokens[i:i + size] in lex.sections:
                i += size
                break
        else:
            return False
    return bool(tokens)


def glued_prefix(text: str, lex: Lexicon) -> int:
    """Length of two or more section words glued to the start of a line, else 0."""
    first = text.split(maxsplit=1)[0]
    parts = split_camel(first)
    count = 0
    while count < len(parts) and parts[count].casefold() in lex.section_words:
        count += 1
    if count < 2:
        return 0
    cut = sum(len(part) for part in parts[:count])
    return cut + len(text[cut:]) - len(text[cut:].lstrip())


def decoration(text: str) -> int:
    """Length of leading emoji, flags, symbols and Markdown ``#`` (``"🇺🇲🇷🇺 USA..."`` -> 5)."""
    i = 0
    while i < len(text) and (unicodedata.category(text[i]) in _DECORATION or text[i].isspace()):
        i += 1
    marker = _MARKDOWN_HEADING.match(text, i)
    i = marker.end() if marker else i
    return i if i < len(text) else 0


def same_title(a: str, b: str) -> bool:
    return _key(a) == _key(b) and bool(_key(a))


def _key(text: str) -> str:
    letters = (ch if ch.isalnum() else " " for ch in fold(text).casefold())
    return " ".join("".join(letters).split())


def first_content(raw: str, lines: tuple[Line, ...], lex: Lexicon) -> str | None:
    """Text of the first line that is not a section label (glued labels cut off)."""
    for line in lines[:HEAD_LINES]:
        text = line.of(raw)
        if not is_section_label(text, lex):
            return text[glued_prefix(text, lex):]
    return None


def scan_head(raw: str, lines: tuple[Line, ...], lex: Lexicon, *, has_title: bool) -> Head:
    """Find labels, the title and its repeats among the first lines.

    ``has_title`` says the first content line is known to be the title (it
    came from metadata); otherwise it must look like one.
    """
    edited = list(lines)
    dropped: set[int] = set()
    for i, line in enumerate(edited[:HEAD_LINES]):
        if is_section_label(line.of(raw), lex):
            dropped.add(i)
            continue
        edited[i] = _trimmed(raw, line, lex)
        if has_title or looks_like_title(raw, edited, i):
            edited[i] = _without_masthead(raw, edited[i])
            dropped |= _repeats(raw, edited, i, lex)
            return Head(tuple(edited), frozenset(dropped), i)
        break
    return Head(tuple(edited), frozenset(dropped), None)


def _trimmed(raw: str, line: Line, lex: Lexicon) -> Line:
    text = line.of(raw)
    cut = glued_prefix(text, lex)
    cut += decoration(text[cut:])
    return Line(Span(line.span.start + cut, line.span.end), line.paragraph)


def _without_masthead(raw: str, line: Line) -> Line:
    text = line.of(raw)
    keep = len(text) - masthead(text)
    return Line(Span(line.span.start, line.span.start + keep), line.paragraph)


def masthead(title: str) -> int:
    """Length of the publisher names and sections that end ``title`` (cut one after the other), else 0.

    ``"Casos de covid em hotel - 13/07/2021 - Esporte - Folha"`` -> the length of
    ``" - 13/07/2021 - Esporte - Folha"``. A segment is cut when it reads as a name
    (every long word capitalised, or a domain) or a date, is at most
    :data:`MASTHEAD_WORDS` words and shorter than what stays, which keeps at least
    :data:`TITLE_MIN_WORDS` words.
    """
    keep = len(title)
    while True:
        separators = list(_MASTHEAD_SEPARATOR.finditer(title, 0, keep))
        if not separators:
            break
        last = separators[-1]
        segment, rest = title[last.end():keep], title[:last.start()]
        if not (_reads_as_name(segment) and len(segment) < len(rest) and len(rest.split()) >= TITLE_MIN_WORDS):
            break
        keep = last.start()
    return len(title) - keep


def _reads_as_name(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > MASTHEAD_WORDS:
        return False
    if len(words) == 1 and _DOMAIN.search(words[0]):
        return True
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if not all(any(ch.isupper() for ch in w) or len(w.strip(",.:;")) < NAME_WORD for w in letters):
        return False
    # at least one capitalised word (a date or a number alone counts too); uncased scripts are never cut
    return any(w[0].isupper() for w in letters) or not letters and any(ch.isdigit() for ch in segment)


def looks_like_title(raw: str, lines: list[Line], i: int) -> bool:
    """Short, no final sentence punctuation, followed by a blank line or a body."""
    if i + 1 >= len(lines):
        return False
    text, following = lines[i].of(raw), lines[i + 1]
    blank_after = following.paragraph != lines[i].paragraph
    if len(text) > TITLE_MAX or text[-1] in ".,;:…":
        return False
    if not blank_after and (text[-1] in "?!" or continues(following.of(raw))):
        return False
    return blank_after or not is_heading(following.of(raw))


def _repeats(raw: str, lines: list[Line], title: int, lex: Lexicon) -> set[int]:
    """Later head lines repeating the title, and labels before the body starts."""
    found: set[int] = set()
    title_text = lines[title].of(raw)
    in_head = True
    for j in range(title + 1, min(len(lines), HEAD_LINES)):
        text = lines[j].of(raw)
        if same_title(text, title_text) or (in_head and is_section_label(text, lex)):
            found.add(j)
        elif not is_heading(text):
            in_head = False
    return found
