"""Actor gazetteer: states, organisations, agencies and armed groups named in text.

The lexicon is data: ``data/common/countries.json`` (generated from pycountry
and geonames by ``scripts/build_gazetteer.py``), ``data/common/organisations.json``
(codes, canonical names, default sectors) and ``data/<lang>/actors.json``
(surface forms: names, demonyms, capitals and seats of government, agencies,
sector templates such as "armée {f}" and blockers such as "Amérique latine").

Sectors follow PLOVER/CAMEO: a country name or demonym has none, a capital or
seat of government is ``GOV``, templates and agencies carry their own.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..languages import common_data, language_data
from ..model import Actor, Mention
from .gazetteer import PhraseTable, Tokens, strip_article

SLOTS = ("{m}", "{f}", "{mp}", "{fp}", "{name}")


@dataclass(frozen=True)
class Lexicon:
    """One language's actor data, as read from its files."""
    language: str
    countries: dict
    organisations: dict
    local: dict

    @classmethod
    def load(cls, language: str) -> "Lexicon":
        return cls(language, common_data("countries"), common_data("organisations"),
                   language_data(language, "actors"))

    def actor(self, code: str, sector: str | None = None, name: str | None = None) -> Actor:
        known = self.countries.get(code) or self.organisations.get(code) or {}
        return Actor(code=code, name=name or known.get("name", code), role="participant", sector=sector)

    def curated(self, code: str) -> dict:
        return self.local["countries"].get(code, {})


# ----------------------------------------------------------------- word forms

def inflect(lexicon: Lexicon, adjective: str | list[str]) -> dict[str, list[str]]:
    """Masculine/feminine, singular/plural forms of one adjective entry."""
    masc, fem = (adjective, adjective) if isinstance(adjective, str) else adjective
    rule = lexicon.local.get("plural")
    return {"{m}": [masc], "{f}": [fem], "{mp}": [_plural(masc, rule)], "{fp}": [_plural(fem, rule)]}


def _plural(word: str, rule: dict | None) -> str:
    if rule is None or word.endswith(tuple(rule["invariant_endings"])):
        return word
    return word + rule["suffix"]


def demonyms(lexicon: Lexicon, code: str) -> dict[str, list[str]]:
    """Slot → forms for one country ({m}, {f}, {mp}, {fp}, {name})."""
    slots: dict[str, list[str]] = {slot: [] for slot in SLOTS}
    for adjective in lexicon.curated(code).get("adj", []):
        for slot, forms in inflect(lexicon, adjective).items():
            slots[slot].extend(forms)
    slots["{name}"] = list(lexicon.curated(code).get("names", []))
    return {slot: list(dict.fromkeys(forms)) for slot, forms in slots.items()}


def country_names(language: str) -> dict[str, list[str]]:
    """Every name of every state or territory in ``language`` (generated, then curated)."""
    lexicon = Lexicon.load(language)
    excluded = set(lexicon.local.get("exclude_names", []))
    names: dict[str, list[str]] = {}
    for code, info in lexicon.countries.items():
        generated = [n for n in info["names"].get(language, []) if n not in excluded]
        names[code] = list(dict.fromkeys(generated + lexicon.curated(code).get("names", [])))
    return names


def capitals(lexicon: Lexicon, code: str) -> list[str]:
    """Capitals standing for the government: curated list, else the geonames capital of a state."""
    curated = lexicon.curated(code)
    if "capital" in curated:
        return curated["capital"]
    info = lexicon.countries[code]
    if not info["sovereign"] or not info["capital"]:
        return []
    return [info["capital"]["name"]]


# ----------------------------------------------------------------- building

def _country_forms(lexicon: Lexicon) -> Iterator[tuple[str, Actor | None, bool]]:
    """(form, actor, is_prefix) for names, demonyms and compound prefixes."""
    for code, names in country_names(lexicon.language).items():
        plain = lexicon.actor(code)
        for name in names:
            yield name, plain, False
        slots = demonyms(lexicon, code)
        for form in slots["{m}"] + slots["{f}"] + slots["{mp}"] + slots["{fp}"]:
            yield form, plain, False
        for form in lexicon.curated(code).get("people", []):
            yield form, plain, False
        for form in lexicon.curated(code).get("prefix", []):
            yield form, plain, True


def _seat_forms(lexicon: Lexicon, table: PhraseTable) -> Iterator[tuple[str, Actor]]:
    for code in lexicon.countries:
        for city in capitals(lexicon, code):
            if city not in table:  # "Mexico", "Singapore": the country name wins
                yield city, lexicon.actor(code, "GOV")


def _template_forms(lexicon: Lexicon) -> Iterator[tuple[str, Actor]]:
    templates = lexicon.local.get("templates", [])
    for code in lexicon.local["countries"]:
        slots = demonyms(lexicon, code)
        for group in templates:
            actor = lexicon.actor(code, group["sector"])
            for template in group["forms"]:
                slot = next((s for s in SLOTS if s in template), None)
                for form in slots.get(slot, []) if slot else []:
                    yield template.replace(slot, form), actor


def _entry_forms(lexicon: Lexicon) -> Iterator[tuple[str, Actor]]:
    for entry in lexicon.local.get("entries", []):
        default = (lexicon.organisations.get(entry["code"]) or {}).get("sector")
        actor = lexicon.actor(entry["code"], entry.get("sector", default), entry.get("name"))
        for form in entry["forms"]:
            yield form, actor


def user_form(form: str) -> str:
    """PETRARCH-style upper-case forms: words over three letters match any capitalised spelling."""
    if not form.isupper():
        return form
    return " ".join(w if len(w) <= 3 else w.capitalize() for w in form.replace("_", " ").split())


@cache
def _base_forms(language: str) -> tuple[tuple[str, Actor | None, bool], ...]:
    lexicon = Lexicon.load(language)
    table: PhraseTable = PhraseTable()
    forms: list[tuple[str, Actor | None, bool]] = list(_country_forms(lexicon))
    for form, actor, prefix in forms:
        table.add(form, actor, prefix=prefix)
    forms += [(f, a, False) for f, a in _seat_forms(lexicon, table)]
    forms += [(f, a, False) for f, a in _template_forms(lexicon)]
    forms += [(f, a, False) for f, a in _entry_forms(lexicon)]
    forms += [(f, None, False) for f in lexicon.local.get("blockers", [])]
    return tuple(forms)


# ----------------------------------------------------------------- matching

class ActorMatcher:
    """Finds actor mentions in text; build with :meth:`for_language` (cached)."""

    def __init__(self, language: str, table: PhraseTable, articles: tuple[Tokens, ...],
                 anaphors: re.Pattern[str] | None = None) -> None:
        self.language = language
        self._table = table
        self._articles = articles
        self._anaphors = anaphors

    @classmethod
    def for_language(cls, language: str, *, extra: Iterable[tuple[str, Actor]] = ()) -> "ActorMatcher":
        """The matcher of ``language``; ``extra`` (surface form → Actor) overrides built-in forms."""
        return _matcher(language, tuple(extra))

    @property
    def size(self) -> int:
        """Number of distinct (form, case) entries, blockers included."""
        return self._table.size

    def find(self, text: str) -> list[Mention]:
        """Actor mentions in ``text``: longest match wins, no overlaps, character offsets; then the bare
        heads that name one of them again (:func:`named_again`)."""
        tokens = Tokens.of(text)
        found = [Mention("actor", hit.start, hit.end, text[hit.start:hit.end], 0, hit.value)
                 for hit in self._table.scan(tokens)]
        return named_again(text, found, self._anaphors)

    def lookup(self, phrase: str) -> Actor | None:
        """The actor a whole phrase names ("la Maison-Blanche", "Russie"), or None."""
        tokens = Tokens.of(phrase.strip())
        found = self._table.lookup(tokens)
        if found is None:
            stripped = strip_article(tokens, self._articles)
            found = self._table.lookup(stripped) if stripped is not None else None
        return found


@lru_cache(maxsize=16)
def _matcher(language: str, extra: tuple[tuple[str, Actor], ...]) -> ActorMatcher:
    table: PhraseTable = PhraseTable()
    for form, actor, prefix in _base_forms(language):
        table.add(form, actor, prefix=prefix)
    for form, actor in extra:
        table.add(user_form(form), replace(actor, role="participant"))
    local = Lexicon.load(language).local
    articles = tuple(Tokens.of(a) for a in local.get("articles", []))
    heads = sorted(local.get("anaphoric_heads", []), key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)"
    anaphors = re.compile(pattern, re.IGNORECASE) if heads else None
    return ActorMatcher(language, table, articles, anaphors)


def named_again(text: str, found: list[Mention], anaphors: re.Pattern[str] | None) -> list[Mention]:
    """ "l'armée soudanaise ... l'armée", "Sudan's army ... the army": a bare head (``anaphoric_heads`` of
    ``actors.json``) names the actor last named with that head; in the title, before any, the first one
    named after it."""
    if anaphors is None:
        return found
    title_end = text.find("\n")
    added = []
    for hit in anaphors.finditer(text):
        if any(m.start < hit.end() and hit.start() < m.end for m in found):
            continue
        head = hit.group().replace("’", "'").split("'")[-1].split()[-1].lower()
        named = [m for m in found if head in m.text.lower().replace("’", "'").split()]
        before = [m for m in named if m.end <= hit.start()]
        after = [m for m in named if m.start >= hit.end()] if 0 <= hit.start() < title_end else []
        antecedent = before[-1] if before else (after[0] if after else None)
        if antecedent is not None:
            added.append(Mention("actor", hit.start(), hit.end(), hit.group(), 0, antecedent.value))
    return sorted(found + added, key=lambda m: (m.start, m.end))


def bench(language: str = "fr", *, repeat: int = 50) -> dict[str, float]:
    """Build and search timings in milliseconds (a micro-benchmark, not a test)."""
    started = time.perf_counter()
    matcher = ActorMatcher.for_language(language)
    built = time.perf_counter() - started
    sample = ("Le ministère russe des Affaires étrangères a convoqué l'ambassadeur américain à Moscou, "
              "tandis que Washington et l'OTAN dénoncent la diplomatie russo-chinoise. ") * 30
    started = time.perf_counter()
    for _ in range(repeat):
        matcher.find(sample[:5000])
    return {"build_ms": built * 1000, "find_ms_per_5k_chars": (time.perf_counter() - started) / repeat * 1000}
