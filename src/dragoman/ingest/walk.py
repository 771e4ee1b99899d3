"""Walking given files and folders safely (issue #15).

Folders are read depth first in name order (the order of ``sorted(rglob)``); hidden entries, sidecars
and a folder's own notes (README, LICENCE...) are skipped silently. What cannot be an article becomes an
error naming it, and the walk goes on: a symbolic link loop, a broken link, a named pipe, socket or
device (never opened: reading one blocks or never ends), a folder that cannot be listed, nesting deeper
than :data:`MAX_DEPTH`. A link to a folder is followed once: a folder already on the walk is a loop.
Any byte sequence in a name is fine: paths stay ``str`` with Python's surrogate escapes, and sources
are printed with :func:`display_path`.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError, UnreadableInput
from .limits import display_path

MAX_DEPTH = 100
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))

Skip = Callable[[Path], bool]


def walk(paths: Iterable[str | Path], *, skip: Skip, skip_given: Skip) -> Iterator[Path | InputError]:
    """Given files (unless ``skip_given``), and every visible file under given folders (unless ``skip``)."""
    for given in paths:
        path = Path(given)
        info = _stat(path)
        if isinstance(info, InputError):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            yield from _folder(path, info, skip=skip)
        elif not skip_given(path):
            yield path  # a given special file is refused when read (read_bytes checks the kind)


def _folder(root: Path, info: os.stat_result, *, skip: Skip) -> Iterator[Path | InputError]:
    on_walk: set[tuple[int, int]] = set()

    def visit(folder: Path, folder_info: os.stat_result, depth: int) -> Iterator[Path | InputError]:
        key = (folder_info.st_dev, folder_info.st_ino)
        if key in on_walk:
            yield UnreadableInput(source=display_path(folder), detail="symbolic link loop (folder already on the walk)")
            return
        if depth > MAX_DEPTH:
            yield UnreadableInput(source=display_path(folder), detail=f"folders nested deeper than {MAX_DEPTH}")
            return
        on_walk.add(key)
        try:
            yield from _entries(folder, depth, skip=skip, visit=visit)
        finally:
            on_walk.discard(key)

    yield from visit(root, info, 0)


def _entries(folder: Path, depth: int, *, skip: Skip, visit: Callable) -> Iterator[Path | InputError]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as exc:
        yield UnreadableInput(source=display_path(folder), detail=exc.strerror or str(exc))
        return
    for name in names:
        path = folder / name
        if name.startswith("."):
            continue
        info = _stat(path)
        if isinstance(info, InputError):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            yield from visit(path, info, depth + 1)
        elif skip(path):
            continue
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield UnreadableInput(source=display_path(path), detail=f"not a regular file ({_kind(info)})")


def _stat(path: Path) -> os.stat_result | InputError:
    """The path's status, its link followed; a loop, a broken link or a missing path is an error."""
    try:
        return path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            detail = "symbolic link loop"
        elif path.is_symlink():
            detail = "broken symbolic link"
        elif exc.errno == errno.ENOENT:
            detail = "no such file or directory"
        else:
            detail = exc.strerror or str(exc)
        return UnreadableInput(source=display_path(path), detail=detail)


def _kind(info: os.stat_result) -> str:
    return next((name for test, name in _KINDS if test(info.st_mode)), "not a file")
