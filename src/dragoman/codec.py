"""Encoders and decoders of the storage format (:mod:`dragoman.serialize`), built once per type.

Storing or reading a page of events went through each record step by step, reading its type hints again at
every field (issue #16: writing the events of a 10k-document store spent 37 s there). A function built once
per type does the same checks several times faster. Each accepts exactly what the step-by-step code accepts
and gives up (:class:`Slow`) on anything else, so :mod:`dragoman.serialize` still names what does not fit.
"""
from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, Union, cast, get_args, get_origin, get_type_hints

__all__ = ["Slow", "compiled_decoder", "compiled_encoder", "fields_of"]

Codec = Callable[[Any], Any]


class Slow(Exception):
    """The compiled code met a value that does not fit: the step-by-step code decides and explains."""


@cache
def fields_of(cls: type) -> dict[str, Any]:
    """A dataclass's init fields and their resolved type hints."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.init}


def _optional_of(tp: Any) -> Any | None:
    """``X`` for ``X | None``, else None."""
    args = get_args(tp)
    if get_origin(tp) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return next(arg for arg in args if arg is not type(None))
    return None


def _lazy(build: Callable[[], Codec]) -> Codec:
    """A codec built on first use: a record may name its own type."""
    made: list[Codec] = []

    def run(value: Any) -> Any:
        if not made:
            made.append(build())
        return made[0](value)
    return run


# ---------------------------------------------------------------- decoding

@cache
def compiled_decoder(tp: Any) -> Any:
    """``data -> value`` of type ``tp``; raises :class:`Slow` on data that does not fit."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType) and len(get_args(tp)) == 2 and type(None) in get_args(tp):
        return _optional(next(arg for arg in get_args(tp) if arg is not type(None)))
    if origin is Literal:
        return _literal(get_args(tp))
    if origin in (tuple, list):
        return _sequence(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record(tp)
    if tp in _PLAIN:
        return _PLAIN[tp]
    return _delegate(tp)


def _delegate(tp: Any) -> Any:
    def decode(data: Any) -> Any:
        from .serialize import _decode, _Mismatch  # the step-by-step decoder: unions, dicts, Any

        try:
            return _decode(tp, data, "")
        except _Mismatch as exc:
            raise Slow from exc
    return decode


def _optional(tp: Any) -> Any:
    inner: list[Any] = []  # built on first use: a record may name its own type

    def decode(data: Any) -> Any:
        if data is None:
            return None
        if not inner:
            inner.append(compiled_decoder(tp))
        return inner[0](data)
    return decode


def _literal(allowed: tuple[Any, ...]) -> Any:
    def decode(data: Any) -> Any:
        if data is None or data not in allowed:
            raise Slow
        return data
    return decode


def _sequence(tp: Any) -> Any:
    args, as_list = get_args(tp), get_origin(tp) is list
    if as_list or (len(args) == 2 and args[1] is Ellipsis):
        def decode_all(data: Any) -> Any:
            if not isinstance(data, list):
                raise Slow
            item = compiled_decoder(args[0])
            decoded = [item(x) for x in data]
            return decoded if as_list else tuple(decoded)
        return decode_all

    def decode_fixed(data: Any) -> Any:
        if not isinstance(data, list) or len(data) != len(args):
            raise Slow
        return tuple(compiled_decoder(arg)(x) for arg, x in zip(args, data))
    return decode_fixed


def _record(cls: type) -> Any:
    fields: list[tuple[str, Any]] = []  # built on first use: a record may name its own type

    def decode(data: Any) -> Any:
        if not isinstance(data, dict):
            raise Slow
        if not fields:
            fields.extend((name, compiled_decoder(hint)) for name, hint in fields_of(cls).items())
        try:
            return cls(**{name: field(data[name]) for name, field in fields if name in data})
        except TypeError as exc:  # a required field is missing
            raise Slow from exc
    return decode


def _plain(check: Any) -> Any:
    def decode(data: Any) -> Any:
        if not check(data):
            raise Slow
        return data
    return decode


def _day(kind: Any) -> Any:
    def decode(data: Any) -> Any:
        if not isinstance(data, str):
            raise Slow
        try:
            return kind.fromisoformat(data)
        except ValueError as exc:
            raise Slow from exc
    return decode


def _number(data: Any) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise Slow
    return float(data) if isinstance(data, int) else data


_PLAIN: dict[Any, Any] = {
    str: _plain(lambda d: isinstance(d, str)),
    int: _plain(lambda d: isinstance(d, int) and not isinstance(d, bool)),
    bool: _plain(lambda d: isinstance(d, bool)),
    type(None): _plain(lambda d: d is None),
    float: _number, date: _day(date), datetime: _day(datetime), Any: _delegate(Any),
}


# ---------------------------------------------------------------- encoding

@cache
def compiled_encoder(tp: Any) -> Codec:
    """``value -> data`` for values of type ``tp``; raises :class:`Slow` on anything unexpected."""
    inner = _optional_of(tp)
    if inner is not None:
        encode_inner = _lazy(lambda: compiled_encoder(inner))
        return lambda value: None if value is None else encode_inner(value)
    origin = get_origin(tp)
    if origin in (tuple, list):
        args = get_args(tp)
        if origin is list or (len(args) == 2 and args[1] is Ellipsis):
            item = _lazy(lambda: compiled_encoder(args[0] if args else Any))

            def encode_all(value: Any) -> Any:
                if value is None:
                    return None
                if not isinstance(value, (tuple, list)):
                    raise Slow
                return [item(x) for x in value]
            return encode_all
        items = [_lazy(_builder(arg)) for arg in args]

        def encode_fixed(value: Any) -> Any:
            if value is None:
                return None
            if not isinstance(value, (tuple, list)) or len(value) != len(items):
                raise Slow
            return [encode(x) for encode, x in zip(items, value)]
        return encode_fixed
    if origin is Literal:
        allowed = get_args(tp)
        return lambda value: value if value is None or value in allowed else _slow()
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_encoder(tp)
    if tp is Any:
        return _any_out
    return _PLAIN_OUT.get(tp) or _delegated_encoder(tp)


def _any_out(value: Any) -> Any:
    """What an ``Any`` field holds: JSON scalars as they are, dates and registered records tagged."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, date):
        return {"$type": "date", "value": value.isoformat()}
    if isinstance(value, (tuple, list)):
        return [_any_out(item) for item in value]
    if isinstance(value, dict) and "$type" not in value and all(isinstance(k, str) for k in value):
        return {k: _any_out(v) for k, v in value.items()}
    cls = type(value)
    if dataclasses.is_dataclass(value):
        from .serialize import TAG, registered

        if registered(cls.__name__) is cls:
            return {TAG: cls.__name__, **compiled_encoder(cast(Any, cls))(value)}
    raise Slow  # what has no JSON form: the step-by-step encoder names it


def _builder(tp: Any) -> Callable[[], Codec]:
    return lambda: compiled_encoder(tp)


def _record_encoder(cls: type) -> Codec:
    fields: list[tuple[str, Codec]] = []

    def encode(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is not cls:
            raise Slow
        if not fields:
            fields.extend((name, compiled_encoder(hint)) for name, hint in fields_of(cast(Any, cls)).items())
        return {name: field(getattr(value, name)) for name, field in fields}
    return encode


def _delegated_encoder(tp: Any) -> Codec:
    def encode(value: Any) -> Any:
        from .serialize import _encode  # the step-by-step encoder: unions, dicts, Any

        try:
            return _encode(tp, value)
        except TypeError as exc:
            raise Slow from exc
    return encode


def _slow() -> Any:
    raise Slow


def _scalar_out(kind: type) -> Codec:
    def encode(value: Any) -> Any:
        if value is None:
            return None
        if kind is float and isinstance(value, (int, float)) or kind is not float and isinstance(value, kind):
            return value
        raise Slow
    return encode


def _day_out(kind: type) -> Codec:
    def encode(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (date, datetime)) and isinstance(value, kind) \
                and (kind is datetime or not isinstance(value, datetime)):
            return value.isoformat()
        raise Slow
    return encode


_PLAIN_OUT: dict[Any, Codec] = {str: _scalar_out(str), int: _scalar_out(int), bool: _scalar_out(bool),
                                float: _scalar_out(float), date: _day_out(date), datetime: _day_out(datetime)}
