"""Presentation of contract JSON for the pages: labels, dates, flags, field rows.

Plain functions over the dicts the data functions return; the templates
call them as filters and never build strings of HTML themselves (Jinja
escapes every value).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FLAGS = ("fr", "en")  # languages with a flag image in static/flags (SVG, no emoji font needed)
LABELS = {"type": "Type", "mode": "Mode", "cameo": "CAMEO", "status": "Status", "date": "Date", "location": "Place",
          "location.venue": "Venue", "actors": "Actors", "people": "People", "topics": "Topics",
          "excluded_topics": "Not on the table"}
FIELD_ORDER = ("type", "mode", "cameo", "status", "date", "location", "location.venue", "actors", "people",
               "topics", "excluded_topics")


def flag(language: str | None) -> str | None:
    """The URL of the language's flag image, if there is one; the pages always show the code too."""
    return f"/static/flags/{language}.svg" if language in FLAGS else None


def when(value: dict[str, Any] | None) -> str:
    """A contract Date as text: ``2024-03-05``, ``2024-02-01 – 2024-02-29 (month)``, ``undated``."""
    if not value or not (value.get("start") or value.get("end")):
        return "undated"
    start, end = str(value.get("start") or "?"), str(value.get("end") or "?")
    text = start if start == end else f"{start} – {end}"
    precision = value.get("precision")
    return text if precision in ("day", None) else f"{text} ({precision})"


def show(value: Any) -> str:
    """Any provenance or conflict value (value_json output) as one line of text."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dict) and "precision" in value:
        return when(value)
    if isinstance(value, dict) and "title" in value and "actor" in value:
        return person(value)
    if isinstance(value, dict) and "name" in value:
        return str(value["name"])
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v) for v in value) or "—"
    return str(value)


def person(value: dict[str, Any]) -> str:
    extra = ", ".join(x for x in (value.get("title"), value.get("actor")) if x)
    text = f"{value['name']} ({extra})" if extra else str(value["name"])
    return f"{text} — {value['role'].replace('_', ' ')}" if value.get("role") else text


def actor(value: dict[str, Any]) -> str:
    name = value.get("name") or value["code"]
    label = value["code"] if name == value["code"] else f"{value['code']} {name}"
    return f"{label} ({value['role']})" if value.get("role") and value["role"] != "participant" else label


def place(event: dict[str, Any]) -> str:
    loc = event.get("location")
    if not loc:
        return ""
    return loc["name"] + (f", {loc['country']}" if loc.get("country") else "")


def heads(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Heads of delegation; without any marked, every named person."""
    people = event.get("people") or []
    marked = [p for p in people if p.get("role") == "head_of_delegation"]
    return marked or people


def chosen_value(event: dict[str, Any], name: str) -> str:
    if name == "location":
        return place(event) or "—"
    if name == "location.venue":
        return show((event.get("location") or {}).get("venue"))
    if name == "actors":
        return ", ".join(actor(a) for a in event["actors"]) or "—"
    if name == "people":
        return "; ".join(person(p) for p in event["people"]) or "—"
    return show(event.get(name))


@dataclass
class SourceRow:
    document: str
    value: str
    quote: dict[str, Any] | None
    title: str | None = None
    language: str | None = None


@dataclass
class FieldRow:
    name: str
    label: str
    value: str
    sources: list[SourceRow] = field(default_factory=list)
    conflict: dict[str, Any] | None = None


def field_rows(event: dict[str, Any]) -> list[FieldRow]:
    """Each field with its chosen value, every source's version (with its quote) and its conflict."""
    docs = {d["id"]: d for d in event.get("sources", [])}
    quotes = {(q["document"], q["start"], q["end"]): q for q in event.get("quotes", [])}
    conflicts = {c["field"]: c for c in event.get("conflicts", [])}
    rows = []
    for name in FIELD_ORDER:
        sources = [_source_row(fv, docs, quotes) for fv in event.get("provenance", {}).get(name, [])]
        value = chosen_value(event, name)
        if value == "—" and not sources and name not in conflicts:
            continue
        rows.append(FieldRow(name, LABELS[name], value, sources, conflicts.get(name)))
    return rows


def _source_row(fv: dict[str, Any], docs: dict[str, dict], quotes: dict[tuple, dict]) -> SourceRow:
    ev = fv.get("evidence")
    quote = quotes.get((ev["document"], ev["start"], ev["end"])) if ev else None
    if ev and quote is None:
        quote = {**ev, "before": "", "after": ""}
    doc = docs.get(fv["document"], {})
    return SourceRow(fv["document"], show(fv["value"]), quote, doc.get("title"), doc.get("language"))


def web_url(url: str | None) -> str | None:
    """``url`` if it is http(s); a posted ``javascript:`` URL must never become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


FILTERS = {"flag": flag, "when": when, "show": show, "person": person, "actor": actor, "place": place,
           "heads": heads, "web_url": web_url}
