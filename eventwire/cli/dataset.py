"""Dataset commands: ingest a corpus into a store, look at it, re-code it, export it."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING

import click

from eventwire.backends import EXECUTORS
from eventwire.cli.common import clean_errors, json_option
from eventwire.config import Config
from eventwire.export import FORMATS, UNITS
from eventwire.records import Incident, IncidentSummary, RunSummary, to_dict
from eventwire.store.rows import parse_bbox

if TYPE_CHECKING:
    from eventwire.backends import Executor
    from eventwire.corpus import Progress
    from eventwire.store import Store

DEFAULT_DB = "eventwire.db"

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite store (created when missing).",
)


def executor_options(command):  # type: ignore[no-untyped-def]
    """Where extraction runs: here, in local worker processes, or on Dask."""
    options = [
        click.option(
            "--executor",
            type=click.Choice(EXECUTORS),
            default="local",
            show_default=True,
            help="local: this process (or --workers N local processes); processes; dask: a Dask cluster.",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Worker processes (local or processes), or the size of a Dask LocalCluster.",
        ),
        click.option(
            "--scheduler", help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --executor dask)."
        ),
        click.option(
            "--partition-size",
            type=click.IntRange(min=1),
            default=200,
            show_default=True,
            help="Articles per task sent to a worker.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--fetch", is_flag=True, help="Fetch URLs given as inputs, and feed items' pages.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let --fetch reach private, loopback and link-local addresses (refused by default).",
)
@click.option("--text-column", help="The text column of CSV/TSV inputs (default: found from the header).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of text inputs.")
@click.option("--update", is_flag=True, help="Replace a stored article whose text has changed.")
@click.option("--no-incidents", is_flag=True, help="Do not merge the run's events into incidents.")
@executor_options
@quiet_option
@json_option
@click.pass_obj
def ingest(
    config: Config,
    inputs: tuple[str, ...],
    db_path: str,
    fetch: bool,
    allow_private: bool,
    text_column: str | None,
    published: str | None,
    encoding: str,
    update: bool,
    no_incidents: bool,
    executor: str,
    workers: int,
    scheduler: str | None,
    partition_size: int,
    quiet: bool,
    as_json: bool,
) -> None:
    """Read reports into the store and code their events.

    INPUTS are files, folders (read recursively), globs, - for stdin, and (with --fetch) URLs.
    Formats are found from the content: plain text, HTML pages, RSS/Atom feeds, WARC, JSONL,
    CSV/TSV, and .gz of any of them. An article already stored is skipped, so rerunning the
    same command (after a crash, too) adds only what is new. An input that cannot be read is
    recorded as a failure; the rest go on, and the exit status is 0 when the run completed.

    \b
    Examples:
      eventwire ingest reports/ --db conflict.db
      eventwire ingest feed.xml crawl.warc.gz dump.jsonl.gz
      eventwire ingest https://example.org/news/1 --fetch
      eventwire ingest dump.jsonl --executor dask --workers 2
    """
    from eventwire.corpus import ingest_corpus
    from eventwire.ingest import read_articles

    with _store(db_path) as store, _progress(quiet, "ingesting") as progress:
        articles = clean_errors(
            lambda: read_articles(
                list(inputs),
                config.ingest,
                published=published,
                encoding=encoding,
                stdin=sys.stdin.buffer,
                fetch=fetch,
                allow_private=allow_private,
                text_column=text_column,
            )
        )
        with _executor(config, executor, workers, scheduler, partition_size) as extractor:
            summary = clean_errors(
                lambda: ingest_corpus(articles, store, extractor, update=update, progress=progress)
            )
        merged = None if no_incidents else _build_incidents(store)
    _report(summary, db_path, quiet, as_json, merged)


@click.command()
@db_option
@executor_options
@quiet_option
@json_option
@click.pass_obj
def reprocess(
    config: Config,
    db_path: str,
    executor: str,
    workers: int,
    scheduler: str | None,
    partition_size: int,
    quiet: bool,
    as_json: bool,
) -> None:
    """Re-code stored articles whose results an older extractor or other data files made.

    \b
    Example:
      eventwire reprocess --db conflict.db
    """
    from eventwire.corpus import reprocess_corpus

    with _store(db_path) as store, _progress(quiet, "re-coding") as progress:
        with _executor(config, executor, workers, scheduler, partition_size) as extractor:
            summary = clean_errors(lambda: reprocess_corpus(store, extractor, progress=progress))
        merged = _build_incidents(store)
    _report(summary, db_path, quiet, as_json, merged)


@click.command()
@db_option
@json_option
def status(db_path: str, as_json: bool) -> None:
    """Counts of what the store holds: articles, events, places, failures, conflicts, runs.

    \b
    Example:
      eventwire status --db conflict.db --json
    """
    with _store(db_path, must_exist=True) as store:
        counts = clean_errors(store.status)
    if as_json:
        click.echo(json.dumps(counts, indent=2))
    else:
        click.echo(f"{db_path}: " + ", ".join(f"{value} {name}" for name, value in counts.items()))


def filter_options(command):  # type: ignore[no-untyped-def]
    """The event filters shared by `export` and `events`."""
    options = [
        click.option("--since", help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this date."),
        click.option(
            "--type", "types", multiple=True, help="PLOVER type or ACLED event/sub-event type; repeatable."
        ),
        click.option("--country", "countries", multiple=True, help="ISO3 country code; repeatable."),
        click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(list(FORMATS)),
    help="; ".join(f"{name}: {exporter.description}" for name, exporter in FORMATS.items()),
)
@click.option("--output", "-o", default="-", show_default=True, help="Output file; - for stdout.")
@click.option(
    "--unit",
    default="event",
    show_default=True,
    type=click.Choice(UNITS),
    help="event: one row an event; incident: one row an incident (acled, geojson, parquet, csv).",
)
@filter_options
def export(
    db_path: str,
    fmt: str,
    output: str,
    unit: str,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    countries: tuple[str, ...],
    bbox: str | None,
) -> None:
    """Write the store's events in a format other tools load.

    \b
    Examples:
      eventwire export --db conflict.db --format acled -o events.csv
      eventwire export --db conflict.db --format geojson --country SYR --since 2018-01 -o syria.geojson
      eventwire export --db conflict.db --format parquet -o events.parquet
      eventwire export --db conflict.db --format acled --unit incident -o incidents.csv
    """
    from eventwire.export import export as write_export

    if fmt == "parquet" and output == "-":
        raise click.BadParameter("parquet is binary: give a file", param_hint="--output")
    with _store(db_path, must_exist=True) as store:
        read = store.iter_incidents if unit == "incident" else store.iter_events
        rows = read(since=since, until=until, types=types, countries=countries, bbox=_bbox(bbox))
        target = sys.stdout.buffer if output == "-" else output
        written = clean_errors(lambda: write_export(rows, fmt, target, unit=unit))
    if output != "-":
        click.echo(f"eventwire: {written} {unit}(s) written to {output}", err=True)


@click.command()
@db_option
@filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0), help="0 for all.")
def events(
    db_path: str,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    countries: tuple[str, ...],
    bbox: str | None,
    limit: int,
) -> None:
    """List the store's events as a readable table, by date.

    \b
    Example:
      eventwire events --db conflict.db --country YEM --since 2024-01
    """
    from eventwire.cli.render import render_events  # noqa: PLC0415 - keeps --help fast

    with _store(db_path, must_exist=True) as store:
        rows = store.iter_events(since=since, until=until, types=types, countries=countries, bbox=_bbox(bbox))
        click.echo(clean_errors(lambda: render_events(rows, limit=limit)), nl=False)


@click.command()
@db_option
@filter_options
@click.option("--rebuild", is_flag=True, help="Recompute every incident from the stored events first.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0), help="0 for all.")
@json_option
def incidents(
    db_path: str,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    countries: tuple[str, ...],
    bbox: str | None,
    rebuild: bool,
    limit: int,
    as_json: bool,
) -> None:
    """List incidents: the events of several reports merged, each source's figures kept.

    A readable table, or with --json a JSON array of incidents (id, type, date with its range,
    location, article_ids, event_ids, sources, fatalities and injuries as low/best/high with
    each report's figure, reports, corroboration, disagreements). `eventwire ingest` keeps the
    incidents up to date; --rebuild recomputes them all.

    \b
    Examples:
      eventwire incidents --db conflict.db --country SYR --since 2018-01
      eventwire incidents --db conflict.db --rebuild --json > incidents.json
    """
    from eventwire.cli.render import render_incidents

    with _store(db_path, must_exist=True) as store:
        if rebuild:
            from eventwire.incidents import build_incidents

            clean_errors(lambda: build_incidents(store, rebuild=True))
        found = store.iter_incidents(
            since=since, until=until, types=types, countries=countries, bbox=_bbox(bbox)
        )
        chosen = clean_errors(lambda: list(islice(found, limit or None)))
        if as_json:
            data = [to_dict(incident) | {"reports": _reports(store, incident)} for incident in chosen]
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            click.echo(render_incidents(chosen), nl=False)


def _reports(store: Store, incident: Incident) -> list[dict[str, str | None]]:
    """The reports of an incident, each with its outlet, title, date and URL."""
    reports = []
    for article_id in incident.article_ids:
        article = store.get_article(article_id)
        if article is not None:
            reports.append(
                {
                    "article_id": article.id,
                    "source": article.source,
                    "title": article.title,
                    "published": article.published,
                    "url": article.url,
                }
            )
    return reports


@contextmanager
def _store(db_path: str, *, must_exist: bool = False) -> Iterator[Store]:
    from pathlib import Path

    from eventwire.store import Store

    if must_exist and not Path(db_path).exists():
        raise click.ClickException(
            f"no store at {db_path}; create one with `eventwire ingest ... --db {db_path}`"
        )
    store = clean_errors(lambda: Store.open(db_path))
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress(quiet: bool, label: str) -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn(label),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done: bar.advance(task, done)


@contextmanager
def _executor(
    config: Config, kind: str, workers: int, scheduler: str | None, partition_size: int
) -> Iterator[Executor]:
    from eventwire.backends import close_executor, open_executor

    if kind == "local" and workers > 1:
        kind = "processes"  # --workers N asks for local worker processes
    executor = clean_errors(
        lambda: open_executor(
            config,
            kind,
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size,  # type: ignore[arg-type]
        )
    )
    try:
        yield executor
    finally:
        close_executor(executor)


def _build_incidents(store: Store) -> IncidentSummary:
    from eventwire.incidents import build_incidents

    return clean_errors(lambda: build_incidents(store))


def _report(
    summary: RunSummary, db_path: str, quiet: bool, as_json: bool, merged: IncidentSummary | None
) -> None:
    if as_json:
        data = to_dict(summary) | {"articles_per_second": round(summary.articles_per_second, 2)}
        data["incidents"] = None if merged is None else to_dict(merged)
        click.echo(json.dumps(data, indent=2))
    elif not quiet:
        incidents = (
            ""
            if merged is None
            else f"; incidents: {merged.new} new, {merged.updated} updated, {merged.incidents} in all"
        )
        click.echo(
            f"eventwire: {summary.new} new, {summary.updated} updated, {summary.skipped} skipped, "
            f"{summary.conflicts} conflict(s), {summary.failed} failed; {summary.events} events"
            f"{incidents}; {summary.articles_per_second:.1f} articles/s; store {db_path}",
            err=True,
        )


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        return parse_bbox(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--bbox") from exc


COMMANDS = (ingest, status, reprocess, export, events, incidents)
