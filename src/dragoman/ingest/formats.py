"""Readers for each input format; each gives RawItems (or InputErrors to pass on)."""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

import feedparser
import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document as Extracted

from ..errors import EmptyInput, InputError, MalformedInput
from ..model import RawItem

Result = RawItem | InputError
RECORD_FIELDS = ("title", "url", "language", "id", "outlet")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th",
           "section", "article", "header", "footer", "ul", "ol", "table", "figcaption", "dd", "dt")
_DROP = "//script|//style|//noscript|//template|//head"
MAX_EXTRACTED_TAGS = 20_000
_OPEN_TAG = re.compile(r"<[A-Za-z]")
# Dates only from the page's metadata: guessing them from the body confuses
# the date an article mentions with the date it was published.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HAS_TIME = re.compile(r"\d[T ]\d{2}:\d{2}")
# A publication date outside these years is a typo or a placeholder (0001-01-01, 9999-12-31); later
# stages add and subtract years around it, which would leave the calendar.
MIN_YEAR, MAX_YEAR = 1800, 2200
_MAX_DATE_CHARS = 64


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None


def parse_text(text: str, source: str) -> RawItem:
    return RawItem(source=source, text=text, media_type="text/plain")


def parse_html(markup: str, source: str) -> RawItem:
    page = extract_html(markup, source)
    return RawItem(source=source, text=page.text, title=page.title, url=page.url,
                   published=page.published, media_type="text/html", outlet=page.outlet)


def extract_html(markup: str, source: str) -> Page:
    """Main text and metadata with trafilatura; lxml's text when it finds nothing, or for a page of more
    than :data:`MAX_EXTRACTED_TAGS` tags (trafilatura's time grows faster than the page: 80 s for 10^5)."""
    doc = _bare_extraction(markup, source) if len(_OPEN_TAG.findall(markup)) <= MAX_EXTRACTED_TAGS else None
    text = paragraphs(doc.text) if doc is not None and doc.text else ""
    if not text:
        text = html_to_text(markup)
    if not text:
        raise MalformedInput(source=source, detail="no text in the HTML")
    if doc is None:
        return Page(text)
    return Page(text, doc.title or None, _lenient_date(doc.date), doc.url or None, doc.sitename or None)


def _bare_extraction(markup: str, source: str) -> Extracted | None:
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise MalformedInput(source=source, detail=f"HTML does not parse ({exc})") from exc
    # a dict comes back only with as_dict=True, which trafilatura's return annotation does not tell apart
    return cast("Extracted | None", doc)


def paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines."""
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page or fragment, one block per paragraph."""
    try:
        tree = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for node in tree.xpath(_DROP):
        node.drop_tree()
    for node in tree.iter(*_BLOCKS):
        node.text = "\n" + (node.text or "")
        node.tail = "\n" + (node.tail or "")
    return paragraphs(tree.text_content())


# ----------------------------------------------------------------- JSON

def parse_json(text: str, source: str) -> Iterator[Result]:
    """One article object, or a list of them (``source#index`` each)."""
    try:
        value = load_json(text, source)
    except MalformedInput as exc:
        yield exc
        return
    if isinstance(value, dict):
        yield _record_or_error(value, source)
    elif isinstance(value, list):
        if not value:
            yield EmptyInput(source=source)
        for index, record in enumerate(value):
            yield _record_or_error(record, f"{source}#{index}")
    else:
        yield MalformedInput(source=source, detail="expected an article object or a list of them")


def parse_jsonl(text: str, source: str) -> Iterator[Result]:
    """One article object per line; a bad line is its own error (``source:line``)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            record = load_json(line, line_source, line=number)
        except MalformedInput as exc:
            yield exc
            continue
        yield _record_or_error(record, line_source)


def load_json(text: str, source: str, *, line: int | None = None) -> object:
    """Parsed JSON (``line``: of a JSONL file); malformed for bad syntax, nesting deeper than the parser's
    stack, or over-long numbers."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        detail = (f"line {line} is not JSON ({exc.msg} at column {exc.colno})" if line is not None
                  else f"bad JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        raise MalformedInput(source=source, detail=detail) from None
    except RecursionError:
        raise MalformedInput(source=source, detail="JSON nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4,300 digits (sys.int_info.default_max_str_digits)
        raise MalformedInput(source=source, detail=f"bad JSON value: {str(exc)[:120]}") from None


def _record_or_error(record: object, source: str) -> Result:
    try:
        return record_item(record, source)
    except InputError as exc:
        return exc


def record_item(record: object, source: str) -> RawItem:
    """An article dict (``text`` or ``html``; ``title url published language id``)."""
    if not isinstance(record, dict):
        raise MalformedInput(source=source, detail="expected a JSON object with 'text' or 'html'")
    fields = {name: _string_field(record, name, source) for name in RECORD_FIELDS}
    day, moment = parse_published(record.get("published"), source)
    page = _record_body(record, source)
    return RawItem(
        source=source, text=page.text, title=fields["title"] or page.title, url=fields["url"] or page.url,
        published=day or page.published, published_at=moment,
        language=fields["language"], given_id=fields["id"], outlet=fields["outlet"] or page.outlet,
        media_type="text/html" if "text" not in record else "text/plain",
    )


def _record_body(record: dict, source: str) -> Page:
    text, markup = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return Page(text)
    if isinstance(markup, str) and markup.strip():
        return extract_html(markup, source)
    if text is None and markup is None:
        raise MalformedInput(source=source, detail="no 'text' or 'html' field")
    if isinstance(text, str) or isinstance(markup, str):
        raise EmptyInput(source=source)
    raise MalformedInput(source=source, detail="'text'/'html' must be strings")


def _string_field(record: dict, name: str, source: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedInput(source=source, detail=f"'{name}' must be a string, not {type(value).__name__}")
    return str(value).strip() or None


def parse_date(value: object, source: str, name: str = "published") -> date | None:
    """``YYYY-MM-DD`` or an ISO datetime; anything else is malformed."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and len(value) <= _MAX_DATE_CHARS:
        try:
            day = datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
        else:
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise MalformedInput(source=source, detail=f"'{name}' is out of range (years {MIN_YEAR}-{MAX_YEAR}): "
                                                           f"{value!r}")
            return day
    shown = repr(value) if not isinstance(value, int) or value.bit_length() < 64 else "a huge number"
    raise MalformedInput(source=source, detail=f"'{name}' is not a YYYY-MM-DD date or ISO datetime: {shown[:80]}")


def parse_published(value: object, source: str, name: str = "published") -> tuple[date | None, datetime | None]:
    """The day as written and, for an ISO datetime, its time (in UTC when it carries an offset, else as given)."""
    day = parse_date(value, source, name)
    if day is None or not isinstance(value, str) or not _HAS_TIME.search(value):
        return day, None
    stamp = datetime.fromisoformat(value.strip())
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    return day, stamp


def _lenient_date(value: object) -> date | None:
    try:
        return parse_date(value, "<metadata>")
    except MalformedInput:
        return None


# ----------------------------------------------------------------- feeds

# Entity expansion ("billion laughs") and external entities both need a declaration; a DTD is never fetched.
_DECLARATIONS = re.compile(rb"<!ENTITY", re.IGNORECASE)
_PROLOG_BYTES = 1_000_000

def parse_feed(data: bytes, source: str) -> Iterator[Result]:
    """One item per RSS/Atom entry (``source#index``); never fetches anything, never expands entities."""
    if _DECLARATIONS.search(data[:_PROLOG_BYTES]):
        yield MalformedInput(source=source, detail="the feed declares entities, which are not expanded")
        return
    # a stream, not bytes: feedparser treats a short bytes value as a file name or URL to open
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        detail = f"not a readable feed ({feed.get('bozo_exception', 'no entries')})"
        yield MalformedInput(source=source, detail=detail)
        return
    media_type = "application/atom+xml" if str(feed.get("version", "")).startswith("atom") else "application/rss+xml"
    for index, entry in enumerate(feed.entries):
        yield _entry_item(entry, f"{source}#{index}", media_type, _feed_title(feed))


def _feed_title(feed: Any) -> str | None:
    return " ".join(str(feed.get("feed", {}).get("title", "")).split()) or None


def _entry_item(entry: dict, source: str, media_type: str, outlet: str | None) -> Result:
    contents = [c.get("value", "") for c in entry.get("content", ())]
    body = max(contents + [entry.get("summary", "")], key=len)
    text = html_to_text(body) if body.strip() else ""
    if not text:
        return MalformedInput(source=source, detail="feed entry has no content or summary")
    moment = _entry_time(entry.get("published_parsed") or entry.get("updated_parsed"))
    title = " ".join(entry.get("title", "").split()) or None
    return RawItem(source=source, text=text, title=title, url=entry.get("link") or None,
                   published=moment.date() if moment else None, published_at=moment, media_type=media_type,
                   outlet=outlet)


def _entry_time(stamp: Any) -> datetime | None:
    """feedparser's time tuple (in UTC) as a datetime; none when it is out of range."""
    if not stamp:
        return None
    try:
        moment = datetime(*stamp[:6])
    except (TypeError, ValueError, OverflowError):
        return None
    return moment if MIN_YEAR <= moment.year <= MAX_YEAR else None
