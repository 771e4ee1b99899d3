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

from ..config import DEFAULT
from ..errors import InputError
from ..model import Document, RawItem
from . import files
from .clean import clean
from .corpora import Columns
from .formats import record_item
from .language import detect_language

__all__ = ["Columns", "clean", "detect_language", "document_of", "documents_from_records", "error_document", "iter_raw",
           "read_documents"]


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
    published: date | None = None, columns: Columns | None = None
) -> Iterator[Document]:
    """Cleaned documents; a failing one comes out with ``error`` set."""
    for item in iter_raw(paths, max_bytes=max_bytes, published=published, columns=columns):
        yield document_of(item, min_chars=min_chars)


def documents_from_records(
    records: Iterable[dict], *, source: str = "<api>", published: date | None = None, min_chars: int = DEFAULT.min_chars
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
        yield document_of(item, min_chars=min_chars)


def error_document(source: str, error: InputError) -> Document:
    """The placeholder for a document that could not be read or cleaned."""
    key = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return Document(id=key, source=source, text="", error=error.record())


def document_of(item: RawItem | InputError, *, min_chars: int) -> Document:
    """The cleaned document of a read item, or the placeholder of a read error."""
    if isinstance(item, InputError):
        return error_document(str(item.fields.get("source", "<unknown>")), item)
    try:
        return clean(item, min_chars=min_chars)
    except InputError as exc:
        return error_document(item.source, exc)
