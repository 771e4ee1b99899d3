"""Bytes to text: size limit, binary sniffing, encoding detection, normalisation."""
from __future__ import annotations

import stat
from pathlib import Path

import charset_normalizer

from ..errors import BinaryInput, EmptyInput, OversizedInput, UndecodableInput, UnreadableInput
from ..text import normalise_text

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"), (b"\x1f\x8b", "GZIP archive"), (b"\x7fELF", "ELF executable"),
    (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"Rar!\x1a\x07", "RAR archive"), (b"\xfd7zXZ\x00", "XZ archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"), (b"BZh91AY&SY", "BZIP2 archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class"), (b"OggS\x00", "Ogg media"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
WESTERN = ("cp1252", "iso8859_15")
SNIFF_BYTES = 4096
MAX_CONTROL_SHARE = 0.1  # text files have almost no C0 control characters
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes; its size is checked before reading it."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UnreadableInput(source=source, detail=exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput(source=source, detail="not a regular file")
    if info.st_size > max_bytes:
        raise OversizedInput(source=source, size=info.st_size, limit=max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableInput(source=source, detail=exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:  # the file grew after stat()
        raise OversizedInput(source=source, size=f"more than {max_bytes}", limit=max_bytes)
    return data


def check_bytes(data: bytes, source: str) -> None:
    """Raise for empty or binary content (a BOM'd UTF-16/32 file is text)."""
    if not data.strip():
        raise EmptyInput(source=source)
    if _bom(data):
        return
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise BinaryInput(source=source, detail=kind)
    if b"\x00" in data:
        raise BinaryInput(source=source, detail="NUL bytes")
    head = data[:SNIFF_BYTES]
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(source=source, detail=f"{controls} control bytes in the first {len(head)}")


def decode_bytes(data: bytes, source: str) -> str:
    """BOM, else UTF-8, else charset-normalizer's best guess; then normalised."""
    encoding = _bom(data)
    try:
        text = data.decode(encoding) if encoding else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            raise UndecodableInput(source=source) from exc
        text = _guess(data, source)
    return normalise_text(text)


def _bom(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _guess(data: bytes, source: str) -> str:
    """charset-normalizer's least chaotic reading, Western legacy encodings included.

    Its full search can stop at a CJK double-byte reading of accented Latin
    text ("étrangères" -> "俸rang半es") without trying cp1252, so the Western
    encodings are always tried too; on equal chaos cp1252 (the web's default
    legacy encoding, per WHATWG) wins, since short texts tie with cp1250.
    """
    matches = list(charset_normalizer.from_bytes(data))
    matches += list(charset_normalizer.from_bytes(data, cp_isolation=list(WESTERN)))
    if not matches:
        raise UndecodableInput(source=source)
    best = min(matches, key=lambda m: (m.chaos, "cp1252" not in m.could_be_from_charset))
    return str(best)
