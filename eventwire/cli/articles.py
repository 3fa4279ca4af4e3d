"""Commands on single articles: `extract`, `places`, `schema`."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date

import click

from eventwire.cli.common import clean_errors
from eventwire.cli.render import render_table
from eventwire.config import Config
from eventwire.errors import EventwireError
from eventwire.records import Article, ExtractionResult, Failure, to_dict


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="table for reading; json (one object, or an array for several inputs); jsonl (one line per input).",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
@click.pass_obj
def extract(config: Config, files: tuple[str, ...], published: str | None, fmt: str, encoding: str) -> None:
    """Extract events from news articles: plain-text files, JSONL files, or - for stdin.

    JSONL lines are objects with id, title, date, url and text. An input that cannot be read
    (empty, binary, not UTF-8, too large, not English, missing) is reported on stderr and
    recorded as a failure in json/jsonl output; the others are still processed, and the exit
    status is 1.

    \b
    Examples:
      eventwire extract report.txt --published 2018-01-12
      eventwire extract corpus.jsonl --format jsonl > events.jsonl
      cat report.txt | eventwire extract - --format json
    """
    from eventwire.ingest import read_articles
    from eventwire.pipeline import Pipeline

    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError as exc:
            raise click.BadParameter("use YYYY-MM-DD, e.g. 2018-01-12", param_hint="--published") from exc
    inputs = clean_errors(
        lambda: read_articles(
            files, config.ingest, published=published, encoding=encoding, stdin=sys.stdin.buffer
        )
    )
    pipeline = clean_errors(lambda: Pipeline.load(config))
    failed = _write(pipeline.extract(refuse_reused_ids(inputs)), fmt)
    if failed:
        click.echo(f"eventwire: {failed} input(s) failed; see the messages above", err=True)
        sys.exit(1)


def refuse_reused_ids(inputs: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """An id given to a second, different text is a failure for that input: its events would
    take the same ids as the first text's. (A store records it as a conflict instead.)"""
    seen: dict[str, tuple[str, str | None]] = {}  # id -> (text hash, where first read)
    for item in inputs:
        if isinstance(item, Article):
            digest = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
            first = seen.setdefault(item.id, (digest, item.source))
            if first[0] != digest:
                item = Failure(
                    item.source or item.id, "ingest", "DuplicateIdError",
                    f"id {item.id!r} was already given to another text ({first[1]}); "
                    f"give each record its own id", item.id,
                )
        yield item


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of places.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input file.")
@click.pass_obj
def places(config: Config, file: str, as_json: bool, encoding: str) -> None:
    """Find and resolve the places of a text (a file, or - for stdin).

    Prints each toponym and demonym with its span, GeoNames id, name, lat, lon, country,
    admin1, feature code, score and the reason it was chosen.

    \b
    Example:
      eventwire places article.txt --json
    """
    from eventwire.pipeline import Pipeline

    try:
        with click.open_file(file, encoding=encoding) as handle:
            text = handle.read()
        found = Pipeline.load(config).places(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read {file}: {exc}") from exc
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([to_dict(p) for p in found], indent=2, ensure_ascii=False))
        return
    for p in found:
        where = f"{p.lat:.4f},{p.lon:.4f}" if p.lat is not None and p.lon is not None else "-"
        span = f"{p.span.start}-{p.span.end}" if p.span else "-"
        click.echo(
            f"{span:>11}  {p.text!r:<24} {p.geonameid or '-'!s:>10}  {p.name} ({where}) "
            f"{p.country or '-'}/{p.admin1 or '-'} {p.feature_code or '-'} {p.kind} "
            f"score={p.score:.2f}  {p.reason}"
        )


@click.command()
def schema() -> None:
    """Print the JSON Schema of `eventwire extract --format json` output.

    \b
    Example:
      eventwire schema > eventwire.schema.json
    """
    from eventwire.schema import output_schema

    click.echo(json.dumps(output_schema(), indent=2))


def _write(outcomes: Iterable[ExtractionResult | Failure], fmt: str) -> int:
    failed = 0
    collected: list[dict] = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            failed += 1
            click.echo(f"eventwire: {outcome.source}: {outcome.message} [{outcome.error}]", err=True)
        if fmt == "table":
            if isinstance(outcome, ExtractionResult):
                click.echo(render_table(outcome))
            continue
        data = {"failure": to_dict(outcome)} if isinstance(outcome, Failure) else to_dict(outcome)
        if fmt == "jsonl":
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            collected.append(data)
    if fmt == "json":
        click.echo(
            json.dumps(collected[0] if len(collected) == 1 else collected, indent=2, ensure_ascii=False)
        )
    return failed
