"""Generated bad inputs for the fuzz suite and ``make fuzz`` (issue #15), deterministic for a seed.

Each :class:`Case` writes one input (a file, or a folder for walking cases) under a directory it is
given and returns the path to ingest. Every family of the issue has a generator: random bytes, huge and
one-line texts, deeply nested and broken HTML, pages of 10^5 tags, wrong and mixed encodings, lone
surrogates in JSON, JSON of wrong types, deep JSON, 5,000-digit numbers, extreme ``published`` values,
broken JSONL, feeds with entity expansion or external entities, odd file names (undecodable bytes too),
symlink loops, FIFOs and devices, gzip bombs, broken sidecars. Texts are made-up sentences.

``cases(count, seed=..., scale=...)`` spreads ``count`` inputs over the families in turn; ``scale`` (0..1]
shrinks the huge ones for a quick run in the tests.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SENTENCES = (
    "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries.",
    "Both delegations agreed to hold a second round of talks in Santiago next spring.",
    "A spokesperson said the meeting had been frank and constructive.",
    "Les ministres des affaires étrangères du Portugal et du Sénégal se sont réunis jeudi à Dakar.",
    "Les deux pays ont signé un accord de coopération maritime pour une durée de cinq ans.",
    "Le porte-parole a indiqué que de nouvelles consultations auraient lieu en octobre 2019.",
    "Officials from Kenya and Japan held a phone call on Monday about trade in 2018.",
)
BOUNDARY_CHARS = "<>/\"'=&;{}[]():,.!? \n\t\\"


@dataclass(frozen=True)
class Case:
    """One generated input: ``write(folder)`` creates it inside ``folder`` and returns what to ingest."""
    name: str
    family: str
    write: Callable[[Path], Path]


def cases(count: int, *, seed: int = 15, scale: float = 1.0) -> Iterator[Case]:
    """``count`` cases, the families taken in turn, each case seeded by ``(seed, index)``."""
    for index in range(count):
        family = FAMILY_NAMES[index % len(FAMILY_NAMES)]
        rng = random.Random(f"{seed}:{index}")
        yield FAMILIES[family](rng, f"c{index:05d}", scale)


def article(rng: random.Random, sentences: int = 6) -> str:
    title = rng.choice(SENTENCES).rstrip(".")
    body = " ".join(rng.choice(SENTENCES) for _ in range(sentences))
    return f"{title}\n\n{body}\n"


def _file(name: str, family: str, data: bytes | Callable[[], bytes]) -> Case:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path
    return Case(name, family, write)


def _size(rng: random.Random, scale: float, low: int, high: int) -> int:
    return max(1, int(rng.randint(low, high) * scale))


# ----------------------------------------------------------------- bytes and texts

def random_bytes(rng: random.Random, key: str, scale: float) -> Case:
    size = rng.choice((0, 1, 7, 100, 4096, _size(rng, scale, 10_000, 200_000)))
    pick = rng.random()
    ext = rng.choice((".txt", ".html", ".json", ".jsonl", ".xml", ""))
    if pick < 0.4:
        data = rng.randbytes(size)
    elif pick < 0.7:  # printable noise passes the binary sniffing
        data = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz .,\n\t<>{}\"'&;") for _ in range(size))
    else:  # a real article with bytes overwritten here and there
        text = bytearray(article(rng, 12).encode("utf-8"))
        for _ in range(rng.randint(1, 40)):
            text[rng.randrange(len(text))] = rng.randrange(256)
        data = bytes(text)
    return _file(f"{key}-bytes{ext}", "random_bytes", data)


def huge_text(rng: random.Random, key: str, scale: float) -> Case:
    kind = rng.choice(("paragraphs", "one_line", "one_word", "long_sentence", "many_lines", "punctuation"))
    size = _size(rng, scale, 300_000, 4_900_000)

    def data() -> bytes:
        if kind == "paragraphs":
            unit = article(rng, 8) + "\n"
        elif kind == "one_line":
            unit = " ".join(rng.choice(SENTENCES) for _ in range(20)) + " "
        elif kind == "one_word":
            unit = "diplomatie"
        elif kind == "long_sentence":
            unit = "the minister and the envoy and "
        elif kind == "many_lines":
            unit = "Oslo\n"
        else:
            unit = ")]}>.!?»“…"
        return (article(rng, 2) + unit * (size // len(unit) + 1))[:size].encode("utf-8")
    return _file(f"{key}-huge-{kind}.txt", "huge_text", data)


def encodings(rng: random.Random, key: str, scale: float) -> Case:
    text = article(rng, 5)
    kind = rng.choice(("cp1252", "latin-1", "utf-16-nobom", "utf-32-nobom", "shift_jis", "mixed", "bom_lies",
                       "koi8_r", "utf-7", "half_utf8"))
    if kind == "utf-16-nobom":
        data = text.encode("utf-16-le")
    elif kind == "utf-32-nobom":
        data = text.encode("utf-32-be")
    elif kind == "shift_jis":
        data = text.encode("shift_jis", "replace")
    elif kind == "mixed":
        data = text.encode("utf-8") + text.encode("cp1252", "replace") + text.encode("utf-16")
    elif kind == "bom_lies":
        data = b"\xff\xfe" + text.encode("utf-8")
    elif kind == "half_utf8":
        raw = text.encode("utf-8")
        data = raw[: len(raw) // 2] + b"\xc3" + raw[len(raw) // 2:] + b"\xe2\x80"
    else:
        data = text.encode(kind, "replace")
    return _file(f"{key}-enc-{kind}{rng.choice(('.txt', '.html', '.json', ''))}", "encodings", data)


# ----------------------------------------------------------------- HTML

def nested_html(rng: random.Random, key: str, scale: float) -> Case:
    depth = _size(rng, scale, 1_000, 200_000)
    tag = rng.choice(("div", "span", "table", "b", "li", "blockquote", "a"))
    closed = rng.random() < 0.5

    def data() -> bytes:
        inner = article(rng, 3)
        parts = ["<html><body>", f"<{tag}>" * depth, inner]
        if closed:
            parts.append(f"</{tag}>" * depth)
        if rng.random() < 0.3:
            parts.append("<p>unclosed <b><i>" * 1000 + "<!-- never closed")
        return "".join(parts).encode("utf-8")
    return _file(f"{key}-nested-{tag}.html", "nested_html", data)


def many_tags(rng: random.Random, key: str, scale: float) -> Case:
    count = _size(rng, scale, 100_000, 300_000)
    tag = rng.choice(("p", "span", "br", "a", "div", "td"))

    def data() -> bytes:
        cell = f"<{tag}>{rng.choice(SENTENCES)[:20]}</{tag}>" if tag != "br" else "<br>x"
        return ("<!doctype html><html><head><title>Tags</title></head><body><article>"
                + cell * count + "</article></body></html>").encode("utf-8")
    return _file(f"{key}-tags-{tag}.html", "many_tags", data)


def broken_html(rng: random.Random, key: str, scale: float) -> Case:
    page = (f"<html><head><title>{rng.choice(SENTENCES)}</title><meta property=\"article:published_time\" "
            f"content=\"{rng.choice(EXTREME_DATES)}\"></head><body><article><p>{article(rng, 8)}</p></article>"
            "</body></html>")
    chars = list(page)
    for _ in range(rng.randint(1, 200)):
        chars.insert(rng.randrange(len(chars)), rng.choice(BOUNDARY_CHARS))
    data = "".join(chars[: rng.randint(1, len(chars))]).encode("utf-8")
    return _file(f"{key}-broken.html", "broken_html", data)


# ----------------------------------------------------------------- JSON

EXTREME_DATES = (
    "0001-01-01", "9999-12-31", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1970-01-01T00:00:00Z",
    "+275760-09-13", "10000-01-01", "2019-02-30", "2019-13-01", "-0001-01-01", "1900-01-01", "2262-04-12",
    "9999-12-31T23:59:59.999999+23:59", "0001-01-01T00:00:00-23:59", "2019-06-01T25:61:61", "",
)
WRONG_VALUES: tuple[object, ...] = (
    None, True, False, 0, -1, 1.5, float("1e308"), [], ["x"], {}, {"text": "x"}, [[["deep"]]], "", " ",
)


def json_types(rng: random.Random, key: str, scale: float) -> Case:
    record: dict[str, object] = {"text": article(rng, 5), "title": "Talks", "published": "2019-05-02",
                                 "language": "en", "url": "https://example.org/a", "id": "a1"}
    for name in rng.sample(sorted(record) + ["html", "outlet"], rng.randint(1, 3)):
        record[name] = rng.choice(WRONG_VALUES)
    shape = rng.choice(("object", "list", "scalar", "mixed_list"))
    value: object = record
    if shape == "list":
        value = [record, record]
    elif shape == "scalar":
        value = rng.choice((42, "text", None, True, 3.25))
    elif shape == "mixed_list":
        value = [record, 7, None, "x", [record], {"html": 5}]
    data = json.dumps(value, allow_nan=True).encode("utf-8")
    return _file(f"{key}-types.json", "json_types", data)


def json_surrogates(rng: random.Random, key: str, scale: float) -> Case:
    lone = rng.choice(("\\ud800", "\\udfff", "\\ud83d", "\\udc00\\ud800", "\\u0000"))
    field = rng.choice(("text", "title", "id", "url", "language", "outlet", "html", "published"))
    body = json.dumps(article(rng, 4))[1:-1]
    record = {"text": f"@@{body}@@", "title": "Talks in Oslo", "language": "en"}
    if field == "html":
        record["html"] = f"<p>{body} @@</p>"
        del record["text"]
    record[field] = f"@@{record.get(field, '')}@@"
    data = json.dumps(record).replace("@@", lone, 2).replace("@@", "")
    return _file(f"{key}-surrogate.json", "json_surrogates", data.encode("utf-8"))


def deep_json(rng: random.Random, key: str, scale: float) -> Case:
    depth = _size(rng, scale, 2_000, 500_000)
    where = rng.choice(("top", "field", "text"))
    opener, closer = rng.choice((("[", "]"), ('{"a":', "}")))
    nest = opener * depth + "1" + closer * depth
    if where == "top":
        data = nest
    elif where == "field":
        data = json.dumps({"text": article(rng, 3), "title": "x"})[:-1] + f', "extra": {nest}}}'
    else:
        data = '{"text": ' + nest + "}"
    return _file(f"{key}-deep.json", "deep_json", data.encode("utf-8"))


def big_numbers(rng: random.Random, key: str, scale: float) -> Case:
    digits = rng.choice((4_301, 5_000, 50_000))
    number = "9" * digits
    place = rng.choice(("top", "published", "id", "title", "text", "float", "exponent"))
    if place == "top":
        data = number
    elif place == "float":
        data = json.dumps({"text": article(rng, 3)})[:-1] + f', "published": 1.{number}}}'
    elif place == "exponent":
        data = json.dumps({"text": article(rng, 3)})[:-1] + f', "id": 1e{number}}}'
    else:
        data = json.dumps({"text": article(rng, 3), "title": "t"})[:-1] + f', "{place}": {number}}}'
    return _file(f"{key}-number.json", "big_numbers", data.encode("utf-8"))


def extreme_published(rng: random.Random, key: str, scale: float) -> Case:
    value = rng.choice(EXTREME_DATES)
    where = rng.choice(("json", "jsonl", "sidecar", "feed"))
    text = article(rng, 5)
    if where == "json":
        return _file(f"{key}-date.json", "extreme_published",
                     json.dumps({"text": text, "published": value}).encode("utf-8"))
    if where == "jsonl":
        return _file(f"{key}-date.jsonl", "extreme_published",
                     (json.dumps({"text": text, "published": value}) + "\n").encode("utf-8"))
    if where == "feed":
        stamp = rng.choice(("Mon, 01 Jan 0001 00:00:00 +1400", "Fri, 31 Dec 9999 23:59:59 -1400",
                            "Sun, 00 Jan 0000 00:00:00 GMT", value))
        return _file(f"{key}-date.xml", "extreme_published", rss(text, pub_date=stamp).encode("utf-8"))

    def write(folder: Path) -> Path:
        (folder / f"{key}-date.txt").write_text(text, encoding="utf-8")
        (folder / f"{key}-date.meta.json").write_text(json.dumps({"published": value}), encoding="utf-8")
        return folder / f"{key}-date.txt"
    return Case(f"{key}-date.txt", "extreme_published", write)


def broken_jsonl(rng: random.Random, key: str, scale: float) -> Case:
    good = json.dumps({"text": article(rng, 4), "title": "Talks", "language": "en"})
    lines = []
    for _ in range(rng.randint(1, 30)):
        pick = rng.random()
        if pick < 0.2:
            lines.append(good)
        elif pick < 0.4:
            lines.append(good[: rng.randrange(len(good))])
        elif pick < 0.5:
            lines.append("[" * 5000)
        elif pick < 0.6:
            lines.append(rng.choice(("42", "null", '"x"', "[]", "{}", "\ufeff{}", "\x00")))
        elif pick < 0.7:
            lines.append(json.dumps({"text": 5, "title": ["t"]}))
        elif pick < 0.8:
            lines.append(good.replace("Talks", "\\ud800"))
        else:
            lines.append("")
    separator = rng.choice(("\n", "\r\n", "\r", "\u2028"))
    return _file(f"{key}-lines.jsonl", "broken_jsonl", separator.join(lines).encode("utf-8"))


# ----------------------------------------------------------------- feeds

def rss(text: str, *, pub_date: str = "Tue, 07 May 2019 10:00:00 GMT", doctype: str = "", items: int = 1,
        description: str | None = None) -> str:
    body = description if description is not None else text.replace("&", "&amp;").replace("<", "&lt;")
    item = (f"<item><title>Talks</title><link>https://example.org/a</link><pubDate>{pub_date}</pubDate>"
            f"<description>{body}</description></item>")
    return (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>Wire</title>'
            f"{item * items}</channel></rss>")


def feeds(rng: random.Random, key: str, scale: float) -> Case:
    text = article(rng, 4)
    kind = rng.choice(("laughs", "external", "remote_dtd", "many_items", "broken", "atom_dates", "huge_item",
                       "parameter_entity", "quadratic"))
    if kind == "laughs":
        levels = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        doc = rss(text, doctype=f'<!DOCTYPE rss [<!ENTITY l0 "lol">{levels}]>', description="&l9;")
    elif kind == "external":
        doc = rss(text, doctype='<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', description="&x;")
    elif kind == "remote_dtd":
        doc = rss(text, doctype='<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">')
    elif kind == "parameter_entity":
        doc = rss(text, doctype='<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>')
    elif kind == "quadratic":
        doc = rss(text, doctype=f'<!DOCTYPE rss [<!ENTITY a "{"x" * 50_000}">]>', description="&a;" * 2000)
    elif kind == "many_items":
        doc = rss(text, items=_size(rng, scale, 200, 2_000))
    elif kind == "broken":
        full = rss(text, items=3)
        doc = full[: rng.randrange(len(full))]
    elif kind == "atom_dates":
        doc = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry>'
               f"<title>T</title><updated>{rng.choice(EXTREME_DATES)}</updated>"
               f"<content type=\"html\">{text}</content></entry></feed>")
    else:
        doc = rss(text, description="&lt;div&gt;" * _size(rng, scale, 10_000, 200_000) + "x")
    return _file(f"{key}-feed-{kind}.{rng.choice(('xml', 'rss', 'atom'))}", "feeds", doc.encode("utf-8"))


# ----------------------------------------------------------------- names and the file system

ODD_NAMES: tuple[bytes, ...] = (
    b"line\nbreak.txt", b"tab\there.txt", b"-rf.txt", b"\xff\xfe-latin.txt", b"caf\xe9.txt", b"\xc3(.txt",
    b"\xed\xa0\x80-surrogate.txt", "\u202eevil\u202dtxt.txt".encode(), "emoji-\U0001f30d.json".encode(),
    b"x" * 250 + b".txt", b" leading space.txt", b"trailing.txt ", b"back\\slash.html", b"quote\"'.txt",
    b"CON.txt", b"a.b.c.d.jsonl", b"noext", b"UPPER.TXT", b"\x1b[31mred.txt",
)


def odd_names(rng: random.Random, key: str, scale: float) -> Case:
    raw = rng.choice(ODD_NAMES)
    data = rng.choice((article(rng, 4).encode("utf-8"), json.dumps({"text": article(rng, 4)}).encode("utf-8")))

    def write(folder: Path) -> Path:
        sub = folder / f"{key}-names"
        sub.mkdir()
        path = os.path.join(os.fsencode(sub), raw)
        with open(path, "wb") as handle:
            handle.write(data)
        return sub if rng.random() < 0.5 else Path(os.fsdecode(path))
    return Case(f"{key}-names", "odd_names", write)


def walking(rng: random.Random, key: str, scale: float) -> Case:
    kind = rng.choice(("loop", "self_loop", "parent", "dangling", "dev_zero", "dev_urandom", "fifo", "socket",
                       "fifo_given", "deep_folders"))

    def write(folder: Path) -> Path:
        sub = folder / f"{key}-walk-{kind}"
        sub.mkdir()
        (sub / "good.txt").write_text(article(rng, 4), encoding="utf-8")
        if kind == "loop":
            os.symlink(sub / "b", sub / "a")
            os.symlink(sub / "a", sub / "b")
            (sub / "d").mkdir()
            os.symlink(sub, sub / "d" / "up")
        elif kind == "self_loop":
            os.symlink("self.txt", sub / "self.txt")
        elif kind == "parent":
            os.symlink("..", sub / "parent")
        elif kind == "dangling":
            os.symlink(sub / "missing.txt", sub / "dangling.txt")
        elif kind in ("dev_zero", "dev_urandom"):
            os.symlink(f"/dev/{kind[4:]}", sub / "device.txt")
        elif kind in ("fifo", "fifo_given"):
            os.mkfifo(sub / "pipe.txt")
            if kind == "fifo_given":
                return sub / "pipe.txt"
        elif kind == "socket":
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind(str(sub / "sock.txt"))
        else:
            deep = sub
            for _ in range(60):
                deep = deep / "d"
            deep.mkdir(parents=True)
            (deep / "deep.txt").write_text(article(rng, 3), encoding="utf-8")
        return sub
    return Case(f"{key}-walk-{kind}", "walking", write)


def bombs(rng: random.Random, key: str, scale: float) -> Case:
    kind = rng.choice(("gzip", "gzip_named", "sidecar_deep", "sidecar_number", "sidecar_binary"))
    if kind.startswith("gzip"):
        blob = gzip.compress(b"\x00" * _size(rng, scale, 1_000_000, 50_000_000), compresslevel=9)
        name = f"{key}-bomb.txt.gz" if kind == "gzip" else f"{key}-bomb.txt"
        return _file(name, "bombs", blob)
    meta = {"sidecar_deep": "[" * 100_000, "sidecar_number": '{"published": ' + "9" * 5000 + "}",
            "sidecar_binary": "\x00\x01\x02"}[kind]

    def write(folder: Path) -> Path:
        (folder / f"{key}-side.txt").write_text(article(rng, 4), encoding="utf-8")
        (folder / f"{key}-side.meta.json").write_text(meta, encoding="utf-8")
        return folder / f"{key}-side.txt"
    return Case(f"{key}-side", "bombs", write)


FAMILIES: dict[str, Callable[[random.Random, str, float], Case]] = {
    "random_bytes": random_bytes, "huge_text": huge_text, "encodings": encodings, "nested_html": nested_html,
    "many_tags": many_tags, "broken_html": broken_html, "json_types": json_types,
    "json_surrogates": json_surrogates, "deep_json": deep_json, "big_numbers": big_numbers,
    "extreme_published": extreme_published, "broken_jsonl": broken_jsonl, "feeds": feeds,
    "odd_names": odd_names, "walking": walking, "bombs": bombs,
}
FAMILY_NAMES = tuple(FAMILIES)
