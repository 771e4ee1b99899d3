"""Round trip between the records of :mod:`dragoman.model` and JSON-able data.

The conversion is driven by each dataclass's type hints, so a new field needs
no code here: dates become ``"YYYY-MM-DD"``, tuples become lists, nested
records become dicts. ``from_data(T, to_data(x)) == x`` for every record.

A field typed ``Any`` (``Mention.value``, ``FieldValue.value``, the values of
a ``Conflict``) keeps JSON scalars as they are and tags what JSON cannot tell
apart, so it comes back as the same class::

    Actor(...)        -> {"$type": "Actor", "code": ..., ...}
    date(2024, 5, 1)  -> {"$type": "date", "value": "2024-05-01"}
    (a, b)            -> [a, b]          (lists in an Any slot come back as tuples)

This is the storage format; the public JSON contract lives in
:mod:`dragoman.contract`.
"""
from __future__ import annotations

import dataclasses
import types
from datetime import date, datetime
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from . import model
from .codec import Slow, compiled_decoder, compiled_encoder
from .codec import fields_of as _fields
from .errors import MalformedInput

__all__ = ["from_data", "register", "to_data"]

T = TypeVar("T")
TAG = "$type"
_SCALARS = (str, int, float, bool)
_REGISTRY: dict[str, type] = {}


def register(cls: type[T]) -> type[T]:
    """Let instances of the dataclass ``cls`` travel in ``Any`` fields (usable as a decorator)."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    _REGISTRY[cls.__name__] = cls
    return cls


def registered(name: str) -> type | None:
    """The dataclass registered under ``name``."""
    return _REGISTRY.get(name)


for _cls in vars(model).values():
    if isinstance(_cls, type) and dataclasses.is_dataclass(_cls):
        register(_cls)


class _Mismatch(Exception):
    """Data that does not fit the expected type; ``path`` says where."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


# ---------------------------------------------------------------- encoding

def to_data(obj: Any) -> Any:
    """``obj`` (a record, or anything an ``Any`` field may hold) as JSON-able data.

    Raises ``TypeError`` when something in it has no JSON form.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        try:
            return compiled_encoder(type(obj))(obj)
        except Slow:
            return _encode(type(obj), obj)  # the step-by-step encoder names what has no JSON form
    return _encode_any(obj)


def _encode(tp: Any, value: Any) -> Any:
    if tp is Any:
        return _encode_any(value)
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _encode(_pick(get_args(tp), value), value)
    if origin in (tuple, list):
        return _encode_sequence(tp, value)
    if origin is dict:
        return {str(k): _encode(get_args(tp)[1], v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, tp):
        return {name: _encode(hint, getattr(value, name)) for name, hint in _fields(tp).items()}
    if origin is Literal and value in get_args(tp):
        return value
    if tp is datetime and isinstance(value, datetime):
        return value.isoformat()
    if tp is date and isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if tp in _SCALARS and isinstance(value, (int, float) if tp is float else tp):
        return value
    raise TypeError(f"cannot serialise {type(value).__name__} {value!r:.60} as {_name(tp)}")


def _encode_sequence(tp: Any, value: Any) -> list[Any]:
    if not isinstance(value, (tuple, list)):
        raise TypeError(f"expected a sequence for {tp!r}, got {type(value).__name__}")
    args = get_args(tp)
    if get_origin(tp) is list or (len(args) == 2 and args[1] is Ellipsis):
        return [_encode(args[0] if args else Any, item) for item in value]
    if len(args) != len(value):
        raise TypeError(f"expected {len(args)} items for {tp!r}, got {len(value)}")
    return [_encode(arg, item) for arg, item in zip(args, value)]


def _pick(options: tuple[Any, ...], value: Any) -> Any:
    """The member of a union that ``value`` belongs to."""
    for option in options:
        if get_origin(option) is Literal:
            if value in get_args(option):
                return option
        elif option is Any or isinstance(value, get_origin(option) or option):
            return option
    raise TypeError(f"{type(value).__name__} fits none of {options!r}")


def _encode_any(value: Any) -> Any:
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, date):
        return {TAG: "date", "value": value.isoformat()}
    if isinstance(value, (tuple, list)):
        return [_encode_any(item) for item in value]
    if isinstance(value, dict):
        if TAG in value or not all(isinstance(k, str) for k in value):
            raise TypeError(f"a dict in an Any field needs str keys other than {TAG!r}")
        return {k: _encode_any(v) for k, v in value.items()}
    cls = type(value)
    if dataclasses.is_dataclass(value) and _REGISTRY.get(cls.__name__) is cls:
        return {TAG: cls.__name__, **_encode(cls, value)}
    raise TypeError(f"cannot serialise {cls.__name__} (register dataclasses with serialize.register)")


# ---------------------------------------------------------------- decoding

def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a ``cls`` from what :func:`to_data` made; ``MalformedInput`` if it does not fit."""
    try:
        return compiled_decoder(cast(Any, cls))(data)
    except Slow:
        pass  # the step-by-step decoder finds what does not fit, and where
    try:
        return _decode(cls, data, cls.__name__)
    except _Mismatch as exc:
        raise MalformedInput(source=exc.path, detail=exc.detail) from exc


def _decode(tp: Any, data: Any, path: str) -> Any:
    if tp is Any:
        return _decode_any(data, path)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _decode_union(get_args(tp), data, path)
    if data is None and tp is not type(None):
        raise _Mismatch(path, f"null where {_name(tp)} is expected")
    if origin is Literal:
        return _decode_literal(tp, data, path)
    if origin in (tuple, list):
        return _decode_sequence(tp, data, path)
    if origin is dict:
        items = _expect(dict, data, path).items()
        return {k: _decode(get_args(tp)[1], v, f"{path}.{k}") for k, v in items}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_record(tp, data, path)
    return _decode_scalar(tp, data, path)


def _decode_union(options: tuple[Any, ...], data: Any, path: str) -> Any:
    if data is None and type(None) in options:
        return None
    problems = []
    for option in options:
        if option is type(None):
            continue
        try:
            return _decode(option, data, path)
        except _Mismatch as exc:
            problems.append(exc.detail)
    raise _Mismatch(path, "; ".join(problems))


def _decode_literal(tp: Any, data: Any, path: str) -> Any:
    if data not in get_args(tp):
        raise _Mismatch(path, f"{data!r} is not one of {list(get_args(tp))}")
    return data


def _decode_sequence(tp: Any, data: Any, path: str) -> Any:
    items = _expect(list, data, path)
    args = get_args(tp)
    if get_origin(tp) is list or (len(args) == 2 and args[1] is Ellipsis):
        kind = args[0] if args else Any
        decoded = [_decode(kind, item, f"{path}[{i}]") for i, item in enumerate(items)]
        return decoded if get_origin(tp) is list else tuple(decoded)
    if len(args) != len(items):
        raise _Mismatch(path, f"expected {len(args)} items, got {len(items)}")
    return tuple(_decode(arg, item, f"{path}[{i}]") for i, (arg, item) in enumerate(zip(args, items)))


def _decode_record(cls: type, data: Any, path: str) -> Any:
    mapping = _expect(dict, data, path)
    kwargs = {name: _decode(hint, mapping[name], f"{path}.{name}")
              for name, hint in _fields(cls).items() if name in mapping}
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        raise _Mismatch(path, str(exc)) from exc


def _decode_scalar(tp: Any, data: Any, path: str) -> Any:
    if tp is datetime:
        try:
            return datetime.fromisoformat(_expect(str, data, path))
        except ValueError as exc:
            raise _Mismatch(path, f"{data!r} is not an ISO datetime") from exc
    if tp is date:
        try:
            return date.fromisoformat(_expect(str, data, path))
        except ValueError as exc:
            raise _Mismatch(path, f"{data!r} is not a YYYY-MM-DD date") from exc
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if tp is int and isinstance(data, bool):
        raise _Mismatch(path, "a boolean where an integer is expected")
    if tp in _SCALARS or tp is type(None):
        return _expect(tp, data, path)
    raise _Mismatch(path, f"no decoder for {_name(tp)}")


def _decode_any(data: Any, path: str) -> Any:
    if isinstance(data, list):
        return tuple(_decode_any(item, f"{path}[{i}]") for i, item in enumerate(data))
    if not isinstance(data, dict):
        return data
    tag = data.get(TAG)
    if tag is None:
        return {k: _decode_any(v, f"{path}.{k}") for k, v in data.items()}
    if tag == "date":
        return _decode_scalar(date, data.get("value"), path)
    if tag not in _REGISTRY:
        raise _Mismatch(path, f"unknown record type {tag!r}")
    return _decode_record(_REGISTRY[tag], data, path)


def _expect(kind: type, data: Any, path: str) -> Any:
    if not isinstance(data, kind):
        raise _Mismatch(path, f"expected {kind.__name__}, got {type(data).__name__}")
    return data


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or repr(tp)
