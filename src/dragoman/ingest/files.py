"""Files and folders to RawItems: walking, format choice, sidecar metadata."""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawItem
from .corpora import Columns, corpus_kind, read_corpus
from .decode import check_bytes, decode_bytes, read_bytes
from .formats import Result, load_json, parse_feed, parse_html, parse_json, parse_jsonl, parse_published, parse_text
from .language import normalise_language
from .limits import display_path, guarded
from .walk import walk as walk_paths

SIDECAR = ".meta.json"
FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})
SIDECAR_MAX_BYTES = 1_000_000
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_FEED_TAGS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_TAG = re.compile(rb"<(html|head|body|p|div|article|h1|br)[\s/>]")


def iter_raw(paths: Iterable[str | Path], *, max_bytes: int, published: date | None,
             columns: Columns | None = None) -> Iterator[Result]:
    for path in walk(paths):
        if isinstance(path, InputError):
            yield path
            continue
        for result in guarded(read_file(path, max_bytes=max_bytes, columns=columns), display_path(path)):
            if isinstance(result, RawItem) and result.published is None and published is not None:
                result = dataclasses.replace(result, published=published)
            yield result


def walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Given files, and every visible non-sidecar file under given folders, sorted (see :mod:`.walk`)."""
    return walk_paths(paths, skip=_not_article, skip_given=is_sidecar)


def _not_article(path: Path) -> bool:
    # a folder's own README or LICENCE describes the folder; it is not an article
    return path.stem.upper() in FOLDER_NOTES or is_sidecar(path)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR)


def read_file(path: Path, *, max_bytes: int, columns: Columns | None = None) -> Iterator[Result]:
    """Every article in one file; problems come out as InputErrors."""
    source = display_path(path)
    if corpus_kind(path):  # JSONL, Parquet, WARC: streamed, max_bytes bounds each record
        yield from read_corpus(path, max_bytes=max_bytes, columns=columns or Columns())
        return
    try:
        data = read_bytes(path, source, max_bytes)
        check_bytes(data, source)
        kind = kind_of(path, data)
        if kind == "feed":
            yield from parse_feed(data, source)
            return
        text = decode_bytes(data, source)
        if kind in ("json", "jsonl"):
            yield from (parse_json if kind == "json" else parse_jsonl)(text, source)
            return
        item = parse_html(text, source) if kind == "html" else parse_text(text, source)
        yield with_sidecar(item, path, max_bytes=max_bytes)
    except InputError as exc:
        yield exc


def kind_of(path: Path, data: bytes) -> str:
    """Format by extension, else by sniffing the first bytes."""
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind:
        return kind
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(tag in head for tag in _FEED_TAGS):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or _HTML_TAG.search(head):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


# ----------------------------------------------------------------- sidecars

SIDECAR_STRINGS = ("title", "url", "language", "id", "outlet")

def sidecar_of(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR)


def with_sidecar(item: RawItem, path: Path, *, max_bytes: int) -> RawItem:
    """``NAME.meta.json`` beside ``NAME.txt`` overrides title, url, published, language, id, outlet."""
    sidecar = sidecar_of(path)
    if not os.path.isfile(sidecar):  # False, not an error, for a name too long once ".meta.json" is added
        return item
    meta = _read_sidecar(sidecar, item.source, max_bytes=min(max_bytes, SIDECAR_MAX_BYTES))
    day, moment = parse_published(meta.get("published"), item.source, name=f"{sidecar.name}: published")
    # an empty or missing sidecar value keeps the item's own
    return dataclasses.replace(
        item, title=meta.get("title") or item.title, url=meta.get("url") or item.url,
        published=day or item.published, published_at=moment or item.published_at,
        language=normalise_language(meta.get("language")) or item.language, given_id=meta.get("id") or item.given_id,
        outlet=meta.get("outlet") or item.outlet)


def _read_sidecar(sidecar: Path, source: str, *, max_bytes: int) -> dict:
    data = read_bytes(sidecar, display_path(sidecar), max_bytes)
    try:
        meta = load_json(decode_bytes(data, display_path(sidecar)), source)
    except MalformedInput as exc:
        detail = f"sidecar {sidecar.name} is not JSON ({exc.fields['detail']})"
        raise MalformedInput(source=source, detail=detail) from exc
    if not isinstance(meta, dict):
        raise MalformedInput(source=source, detail=f"sidecar {sidecar.name} is not a JSON object")
    bad = [k for k in SIDECAR_STRINGS if meta.get(k) is not None and not isinstance(meta[k], str)]
    if bad:
        raise MalformedInput(source=source, detail=f"sidecar {sidecar.name}: {', '.join(bad)} must be strings")
    return meta
