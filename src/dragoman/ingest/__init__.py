"""Ingestion: files, folders and posted records to cleaned :class:`Document` s.

``iter_raw`` reads sources into :class:`RawItem` s, ``clean`` turns one into
a :class:`Document`, and ``read_documents`` / ``documents_from_records`` do
both. A problem with one document never stops the others: it is yielded as
an :class:`InputError` by ``iter_raw`` and as a Document with ``error`` set
by the other two.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..config import DEFAULT, settings
from ..errors import InputError, InputFailure
from ..model import Document, DocumentError, RawItem
from . import files
from .clean import clean
from .corpora import Columns
from .decode import check_bytes, decode_bytes
from .formats import record_item
from .language import detect_language
from .limits import TRUNCATED, scrub, truncate

__all__ = ["Columns", "clean", "detect_language", "document_of", "documents_from_records", "error_document", "iter_raw",
           "read_documents", "read_page"]


def iter_raw(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT.max_bytes, published: date | None = None,
    columns: Columns | None = None
) -> Iterator[RawItem | InputError]:
    """Articles in files and folders (recursive, sorted; hidden files and sidecars skipped).

    ``published`` is the date for items that carry none of their own; ``columns`` maps Parquet columns.
    """
    return files.iter_raw(paths, max_bytes=max_bytes, published=published, columns=columns)


def read_documents(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT.max_bytes, min_chars: int = DEFAULT.min_chars,
    published: date | None = None, columns: Columns | None = None, max_chars: int = DEFAULT.max_chars
) -> Iterator[Document]:
    """Cleaned documents; a failing one comes out with ``error`` set."""
    for item in iter_raw(paths, max_bytes=max_bytes, published=published, columns=columns):
        yield document_of(item, min_chars=min_chars, max_chars=max_chars)


def documents_from_records(
    records: Iterable[dict], *, source: str = "<api>", published: date | None = None, min_chars: int = DEFAULT.min_chars,
    max_chars: int = DEFAULT.max_chars
) -> Iterator[Document]:
    """Cleaned documents from article dicts (``text`` or ``html``, ``title url published language id``)."""
    for index, record in enumerate(records):
        record_source = f"{source}#{index}"
        try:
            item = record_item(record, record_source)
        except InputError as exc:
            yield error_document(record_source, exc)
            continue
        if item.published is None and published is not None:
            item = dataclasses.replace(item, published=published)
        yield document_of(item, min_chars=min_chars, max_chars=max_chars)


def read_page(data: bytes, *, url: str, title: str | None = None, published: str | None = None,
              outlet: str | None = None, given_id: str | None = None, min_chars: int = DEFAULT.min_chars,
              max_chars: int = DEFAULT.max_chars) -> Document:
    """A fetched web page (its bytes) as a cleaned document named by its URL; ``title``, ``published`` (ISO) and
    ``outlet`` (from a feed) win over the page's own; a page that cannot be read is a document with ``error``."""
    record = {"html": None, "url": url, "title": title, "published": published, "outlet": outlet, "id": given_id}
    try:
        check_bytes(data, url)
        record["html"] = decode_bytes(data, url)
        item = record_item(record, url)
    except InputError as exc:
        return error_document(url, exc)
    return document_of(item, min_chars=min_chars, max_chars=max_chars)


def error_document(source: str, error: InputError) -> Document:
    """The placeholder for a document that could not be read or cleaned."""
    source = scrub(source)
    key = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    record = error.record()
    return Document(id=key, source=source, text="", error=DocumentError(record.code, scrub(record.message)))


def document_of(item: RawItem | InputError, *, min_chars: int, max_chars: int = DEFAULT.max_chars) -> Document:
    """The cleaned document of a read item, or the placeholder of a read error."""
    if isinstance(item, InputError):
        return error_document(str(item.fields.get("source", "<unknown>")), item)
    item, cut = bounded(item, max_chars)
    try:
        doc = clean(item, min_chars=min_chars)
    except InputError as exc:
        return error_document(item.source, exc)
    except Exception as exc:
        if settings().strict:
            raise
        return error_document(item.source, InputFailure(source=item.source, detail=f"{type(exc).__name__}: {exc}"))
    return dataclasses.replace(doc, flags=tuple(sorted({*doc.flags, TRUNCATED}))) if cut else doc


def bounded(item: RawItem, max_chars: int) -> tuple[RawItem, bool]:
    """The item with its strings scrubbed of lone surrogates and its text cut to ``max_chars``; whether it was cut."""
    text, cut = truncate(scrub(item.text), max_chars)
    return dataclasses.replace(item, text=text, source=scrub(item.source), title=_scrubbed(item.title),
                               url=_scrubbed(item.url), language=_scrubbed(item.language),
                               given_id=_scrubbed(item.given_id), outlet=_scrubbed(item.outlet)), cut


def _scrubbed(value: str | None) -> str | None:
    return None if value is None else scrub(value)
