"""The command line: a thin shell over :mod:`dragoman.service`.

Only this module prints and chooses exit codes: a DragomanError becomes one
line on stderr and exit code 1.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import service
from .config import settings
from .contract import event_json, outlet, result_json, story_json
from .errors import ConfigError, DragomanError, NotFound
from .model import Event

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only for the commands that open one
    from .store import Store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dragoman: multilingual news to a source-linked timeline of diplomatic events.")
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Store URL (default: DRAGOMAN_DB or sqlite:///dragoman.sqlite).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(name="--published", detail=f"{value!r} is not YYYY-MM-DD") from exc


@contextmanager
def open_db(url: str | None) -> Iterator:
    from .store import open_store

    store = open_store(url or settings().db)
    try:
        yield store
    finally:
        store.close()


def make_pipeline(actor_files: list[Path] | None = None):
    from .pipeline import Pipeline
    from .stories import embedder_named

    conf = settings()
    extra: tuple = ()
    if actor_files:
        from .nlp import load_dictionaries

        extra = tuple(load_dictionaries(actor_files))
    return Pipeline(batch_size=conf.batch_size, story_threshold=conf.threshold,
                    embedder=embedder_named(conf.embedder), extra_actors=extra)


def _column(field: str) -> object:
    return typer.Option(f"--{field}-column", help=f"Parquet column of the {field}.")


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")], db: DbOption = None,
           published: Annotated[str | None, typer.Option(help="Publication date for inputs without one.")] = None,
           text_column: Annotated[str, _column("text")] = "text", title_column: Annotated[str, _column("title")] = "title",
           published_column: Annotated[str, _column("published")] = "published",
           url_column: Annotated[str, _column("url")] = "url",
           workers: Annotated[int, typer.Option(help="Analyse in N worker processes (with --ray: N Ray workers).")] = 0,
           ray: Annotated[str | None, typer.Option(
               "--ray", help="Run on Ray: at ADDRESS, or alone for a local Ray started for the run.",
               metavar="[ADDRESS]")] = None) -> None:
    """Read articles into the store; rebuild stories and events."""
    from .ingest import Columns

    if ray not in (None, "local", "auto") and ":" not in ray:  # `--ray corpus/` reads the path as the address
        raise ConfigError(name="--ray", detail=f"{ray!r} is not a Ray address (auto, HOST:PORT, ray://HOST:PORT); "
                                               "put the paths before a bare --ray")
    conf = settings()
    columns = Columns(text=text_column, title=title_column, published=published_column, url=url_column)
    with open_db(db) as store, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                        console=err, transient=True) as bar:
        task = bar.add_task("analysing", total=None)
        options = {"store": store, "pipeline": make_pipeline(), "progress": lambda _doc: bar.advance(task)}
        if workers or ray:
            from .scale import Reading, ingest_parallel

            reading = Reading(max_bytes=conf.max_bytes, min_chars=conf.min_chars, published=parse_day(published),
                              columns=columns)
            report = ingest_parallel(paths, db=db or conf.db, reading=reading, workers=workers or 2, ray=bool(ray),
                                     address=None if ray in (None, "local") else ray, **options)
        else:
            report = service.ingest(paths, published=parse_day(published), max_bytes=conf.max_bytes,
                                    min_chars=conf.min_chars, max_chars=conf.max_chars, columns=columns, **options)
    for doc in report.failed:
        err.print(f"[yellow]skipped[/] {escape(str(doc.error))}", markup=True, highlight=False)
    out.print(report.summary(), markup=False, highlight=False)
    if not report.read_any:  # every failure is stored and listed by `dragoman documents --errors`
        raise typer.Exit(1)


@app.command()
def rebuild(db: DbOption = None) -> None:
    """Recompute stories, events and series over everything stored (from stored analyses and vectors)."""
    with open_db(db) as store:
        result = service.rebuild(store=store, pipeline=make_pipeline())
    out.print(f"{len(result.stories)} stories, {len(result.events)} events")


@app.command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
            as_json: Annotated[bool, typer.Option("--json", help="Print the JSON contract (the default).")] = True,
            published: Annotated[str | None, typer.Option(help="Publication date for inputs without one.")] = None,
            actors: Annotated[list[Path] | None,
                              typer.Option("--actors", help="PETRARCH/TABARI actor dictionary.")] = None) -> None:
    """Run the whole pipeline in memory and print one JSON object."""
    conf = settings()
    result = service.extract(paths, pipeline=make_pipeline(actors), published=parse_day(published),
                             max_bytes=conf.max_bytes, min_chars=conf.min_chars, max_chars=conf.max_chars)
    sys.stdout.write(json.dumps(result_json(result), ensure_ascii=False, indent=1) + "\n")


@app.command()
def events(db: DbOption = None, actor: str | None = None, type: str | None = None,
           status: str | None = None, topic: str | None = None, limit: int = 100, as_json: JsonFlag = False) -> None:
    """List events in date order."""
    with open_db(db) as store:
        rows = store.events(actor=actor, type=type, status=status, topic=topic, limit=limit)
        show_events(rows, as_json=as_json, title="Events", outlets=outlet_names(store))


@app.command()
def timeline(a: Annotated[str, typer.Argument(help="Actor code, e.g. RUS")],
             b: Annotated[str, typer.Argument(help="Actor code, e.g. USA")], db: DbOption = None,
             as_json: JsonFlag = False) -> None:
    """The series of events between two actors: date, place, venue, heads of delegation, topics, sources."""
    with open_db(db) as store:
        rows = service.timeline(store.events(dyad=(a.upper(), b.upper()), limit=10_000), a, b)
        show_events(rows, as_json=as_json, title=f"Timeline {a.upper()}–{b.upper()}", outlets=outlet_names(store))


@app.command()
def stories(db: DbOption = None, as_json: JsonFlag = False) -> None:
    """List stories with their documents and events."""
    with open_db(db) as store:
        rows = store.stories(limit=10_000)
    if as_json:
        out.print_json(json.dumps([story_json(s) for s in rows]))
        return
    table = Table("story", "title", "documents", "events", title="Stories")
    for s in rows:
        table.add_row(s.id, s.title, str(len(s.documents)), str(len(s.events)))
    out.print(table)


@app.command()
def documents(db: DbOption = None, errors: Annotated[bool, typer.Option("--errors", help="Only failed ones.")] = False,
              limit: int = 100) -> None:
    """List stored documents (and why any failed)."""
    with open_db(db) as store:
        rows = store.documents(limit=limit, errors=True if errors else None)
    table = Table("id", "lang", "published", "title / error", "flags", title="Documents")
    for d in rows:
        shown = str(d.error) if d.error else d.title or ""
        table.add_row(d.id, d.language or "", str(d.published or ""), escape(shown), ",".join(d.flags))
    out.print(table)


@app.command()
def dates(jsonl: Annotated[Path, typer.Option("--jsonl", help="Input lines {text, anchor, language?, context?}.")]) -> None:
    """Resolve temporal expressions (contract §3)."""
    from .nlp import run_dates

    for row in run_dates(read_jsonl(jsonl)):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def code(jsonl: Annotated[Path, typer.Option("--jsonl", help="Input lines {id, text, date, language?}.")],
         actors: Annotated[list[Path] | None, typer.Option("--actors", help="PETRARCH/TABARI actor dictionary.")] = None,
         verbs: Annotated[list[Path] | None, typer.Option("--verbs", help="PETRARCH verb dictionary.")] = None) -> None:
    """Code sentences into PLOVER events (contract §2)."""
    from .events import run_code

    for row in run_code(read_jsonl(jsonl), dictionaries=tuple(actors or ()), verbs=tuple(verbs or ())):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def serve(db: DbOption = None, host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> None:
    """Serve the REST API (/api) and the web UI; POST needs the bearer token DRAGOMAN_TOKEN."""
    from .server import serve as serve_app

    conf = settings()
    with open_db(db) as store:
        serve_app(store, host=host, port=port, token=conf.token, max_bytes=conf.max_bytes, min_chars=conf.min_chars,
                  max_chars=conf.max_chars, max_request_bytes=conf.max_request_bytes)


@app.command()
def watch(feeds: Annotated[list[str] | None, typer.Argument(help="Feed URLs (RSS/Atom), or @FILE of URLs.")] = None,
          db: DbOption = None,
          feeds_file: Annotated[list[Path] | None,
                                typer.Option("--feeds-file", help="File of feed URLs, one a line.")] = None,
          once: Annotated[bool, typer.Option("--once", help="Poll each due feed once, then exit (for cron).")] = False,
          interval: Annotated[float | None, typer.Option(help="Seconds between polls of a feed.")] = None,
          host_delay: Annotated[float | None, typer.Option(help="Seconds between requests to one host.")] = None,
          timeout: Annotated[float | None, typer.Option(help="Seconds to wait for a feed or page.")] = None) -> None:
    """Poll RSS/Atom feeds and ingest new articles as they come (state in the store; SIGTERM stops cleanly)."""
    import signal
    import threading
    from functools import cache

    from .service import LiveStore
    from .watch import feed_urls, open_watcher

    urls = feed_urls(feeds or (), files=feeds_file or ())
    with open_db(db) as store:
        live = cache(lambda: LiveStore(store, make_pipeline()))  # built on the first new article: 304s need no models
        watcher = open_watcher(store, live=live, interval=interval, host_delay=host_delay, timeout=timeout)
        watcher.add(urls)
        if not store.feeds():
            raise ConfigError(name="FEED", detail="no feed to watch: give URLs, @FILE or --feeds-file")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        reports = watcher.run(once=once, stop=stop, progress=lambda r: out.print(r.line(), markup=False,
                                                                                 highlight=False))
    if once and reports and all(r.status == "failed" for r in reports):
        raise typer.Exit(1)


@app.command("feeds")
def feed_list(db: DbOption = None, as_json: JsonFlag = False) -> None:
    """List watched feeds: state, last and next poll, items, last error."""
    from .contract import feed_json

    with open_db(db) as store:
        rows = [feed_json(f) for f in store.feeds()]
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table("feed", "status", "last poll", "next poll", "items", "added", "failures", "error", title="Feeds")
    for f in rows:
        table.add_row(escape(f["url"]), f["status"], f["last_poll"] or "", f["next_poll"] or "", str(f["items"]),
                      str(f["added"]), str(f["failures"]), escape(f["error"] or ""))
    out.print(table)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="plover, jsonl, csv or parquet.")] = "jsonl",
           db: DbOption = None,
           output: Annotated[Path | None, typer.Option("--output", help="File to write (default: stdout).")] = None) -> None:
    """Write every event as PLOVER records, contract JSON lines, a CSV table or a Parquet file."""
    from .export import FORMATS, document_urls, stored_events
    from .export import export as write_export

    if fmt not in FORMATS:
        raise ConfigError(name="--format", detail=f"{fmt!r} is not one of {', '.join(FORMATS)}")
    with open_db(db) as store:
        try:
            sink = open(output, "wb") if output else sys.stdout.buffer
        except OSError as exc:
            raise ConfigError(name="--output", detail=f"cannot write {output}: {exc.strerror or exc}") from exc
        try:
            count = write_export(stored_events(store), fmt, sink, url_of=document_urls(store))
        finally:
            if output:
                sink.close()
            else:
                sink.flush()
    if output:
        err.print(f"{count} events written to {output}")


def read_jsonl(path: Path) -> Iterator[dict]:
    from .errors import MalformedInput, UnreadableInput

    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise UnreadableInput(source=str(path), detail=exc.strerror or str(exc)) from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise MalformedInput(source=f"{path}:{number}", detail=exc.msg) from exc


def outlet_names(store: Store) -> Callable[[str], str]:
    """Document id -> the outlet that published it (each document read once)."""
    seen: dict[str, str] = {}

    def name(doc_id: str) -> str:
        if doc_id not in seen:
            try:
                seen[doc_id] = outlet(store.document(doc_id))
            except NotFound:
                seen[doc_id] = doc_id
        return seen[doc_id]

    return name


def show_events(rows: list[Event], *, as_json: bool, title: str, outlets: Callable[[str], str] = str) -> None:
    if as_json:
        sys.stdout.write(json.dumps([event_json(e) for e in rows], ensure_ascii=False, indent=1) + "\n")
        return
    table = Table("date", "type", "status", "actors", "place", "heads of delegation", "topics", "not on the table",
                  "sources", "conflicts", title=title)
    for e in rows:
        place = e.location.name + (f" ({e.location.venue})" if e.location and e.location.venue else "") if e.location else ""
        heads = ", ".join(f"{p.name} ({p.actor})" for p in e.people if p.role == "head_of_delegation")
        when = e.date.start.isoformat() if e.date.start else "?"
        if e.date.precision not in ("day", "unknown"):
            when += f" ~{e.date.precision}"
        table.add_row(when, e.type + (f"/{e.mode}" if e.mode else ""), e.status, ",".join(a.code for a in e.actors),
                      place, heads, ", ".join(e.topics), ", ".join(e.excluded_topics),
                      ", ".join(sorted({outlets(d) for d in e.documents})),
                      ", ".join(c.field for c in e.conflicts))
    out.print(table)


def bare_ray(args: list[str]) -> list[str]:
    """``--ray`` without an address (last, or before another option) stands for ``--ray=local``: the CLI
    library has no options with an optional value."""
    return [f"{arg}=local" if arg == "--ray" and (i + 1 == len(args) or args[i + 1].startswith("-")) else arg
            for i, arg in enumerate(args)]


def _usage_error(exc: Exception) -> bool:
    """A usage error of the CLI library (click's, or the copy of click newer typer releases carry)."""
    import click

    kinds: list[type] = [click.ClickException]
    try:
        from typer._click.exceptions import ClickException as Vendored  # typer >= 0.20 carries its own click
        kinds.append(Vendored)
    except ImportError:
        pass
    return isinstance(exc, tuple(kinds))


def main() -> None:
    try:
        code = app(args=bare_ray(sys.argv[1:]), standalone_mode=False)  # a command's typer.Exit: its code
    except DragomanError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise SystemExit(1) from None
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted")
        raise SystemExit(130) from None
    except Exception as exc:  # usage errors come through here in non-standalone mode
        if _usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            raise SystemExit(exc.exit_code) from None  # type: ignore[attr-defined]
        raise
    if isinstance(code, int) and code:
        raise SystemExit(code)
