"""Command-line interface: a thin layer over the Python API (each command calls one function)."""

from __future__ import annotations

import json
import logging
import sys
import textwrap
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import click

from eventwire import __version__
from eventwire.config import Config, load_config
from eventwire.errors import EventwireError
from eventwire.records import Actor, Attribution, Event, ExtractionResult, Failure, to_dict

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="A TOML config file.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    """eventwire: conflict news in, structured, geolocated, source-attributed events out.

    \b
    Example:
      eventwire extract article.txt --published 2018-01-12
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    try:
        ctx.obj = load_config(config_path)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
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
    try:
        pipeline = Pipeline.load(config)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    inputs = read_articles(
        files, config.ingest, published=published, encoding=encoding, stdin=sys.stdin.buffer
    )
    failed = _write(pipeline.extract(inputs), fmt)
    if failed:
        click.echo(f"eventwire: {failed} input(s) failed; see the messages above", err=True)
        sys.exit(1)


@main.group(name="eval")
def eval_group() -> None:
    """Measure eventwire against gold data; prints metrics (JSON with --json).

    \b
    Example:
      eventwire eval dates --gold ../shared/gold/dates/tempeval3_training/TBAQ-cleaned --json
    """


@eval_group.command(name="dates")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, file_okay=False), help="A folder of TimeML files."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_dates(config: Config, gold: str, as_json: bool) -> None:
    """Date extraction and normalisation against TimeML (<DCT> is the publication date).

    Prints strict and relaxed span F1 and value F1 for DATE expressions and for all TIMEX3 types.

    \b
    Example:
      eventwire eval dates --gold ../shared/gold/dates/tempeval3_training/TBAQ-cleaned --json
    """
    from eventwire.eval.dates import evaluate_dates, format_date_report
    from eventwire.eval.timeml import read_timeml_dir
    from eventwire.nlp import load_nlp

    _print_report(
        lambda: evaluate_dates(read_timeml_dir(gold), load_nlp(config.nlp), batch_size=config.nlp.batch_size),
        format_date_report,
        as_json,
    )


@eval_group.command(name="fakes")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="FA-KES-Dataset.csv"
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_fakes(config: Config, gold: str, as_json: bool) -> None:
    """Main incident date and governorate against the FA-KES Syria articles.

    \b
    Example:
      eventwire eval fakes --gold ../shared/gold/corpus/fakes_syria/FA-KES-Dataset.csv --json
    """
    from eventwire.eval.fakes import evaluate_fakes, format_fakes_report, read_fakes
    from eventwire.pipeline import Pipeline

    _print_report(
        lambda: evaluate_fakes(read_fakes(gold), Pipeline.load(config)), format_fakes_report, as_json
    )


def _print_report(
    evaluate: Callable[[], dict[str, Any]], render: Callable[[dict[str, Any]], str], as_json: bool
) -> None:
    """Run an evaluation and print its report; our errors become a clean CLI message."""
    try:
        report = evaluate()
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report, indent=2) if as_json else render(report))


@main.command()
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


def render_table(result: ExtractionResult) -> str:
    """A readable text table of one article's events."""
    article = result.article
    lines = [
        f"# {article.title or article.source or article.id}  (published {article.published or 'unknown'})"
    ]
    for warning in result.warnings:
        lines.append(f"! {warning}")
    for check in result.checks:
        lines.append(f"{'ok' if check.passed else '??'} {check.kind}: {check.message}")
    header = f"{'#':>2}  " + " ".join(_cut(title, width) for title, width in _COLUMNS) + " status"
    lines += [header, "-" * len(header)]
    for number, event in enumerate(result.events, 1):
        lines.append(_row(number, event))
        lines.append("    " + textwrap.shorten(f'"{event.evidence.text}"', 150))
    if not result.events:
        lines.append("   (no events found)")
    return "\n".join(lines) + "\n"


_COLUMNS = (
    ("event", 24),
    ("date", 16),
    ("where", 26),
    ("who -> whom", 40),
    ("figures", 28),
    ("says who", 26),
)


def _row(number: int, event: Event) -> str:
    what = event.type + (f"/{event.mode}" if event.mode else "")
    when = f"{event.date.value or '?'} ({event.date.precision})" if event.date.basis != "publication" else "-"
    where = f"{event.location.name} [{event.location.precision}]" if event.location else "-"
    who = ", ".join(_actor(a) for a in event.source_actors) or "?"
    whom = ", ".join(_actor(a) for a in event.target_actors)
    figures = ", ".join(f"{q.what}={_figure(q.value, q.low, q.high)}" for q in event.quantities)
    says = ", ".join(_actor(a) for a in event.attributed_to)
    cells = (what, when, where, who + (" -> " + whom if whom else ""), figures, says)
    return (
        f"{number:>2}  "
        + " ".join(_cut(c, w) for c, (_, w) in zip(cells, _COLUMNS, strict=True))
        + f" {event.status}"
    )


def _actor(actor: Actor | Attribution) -> str:
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    return textwrap.shorten(actor.text, 24, placeholder="…") + (f" ({code})" if code else "")


def _figure(value: int | None, low: int | None, high: int | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    return str(value if value is not None else low if low is not None else f"<={high}")


def _cut(text: str, width: int) -> str:
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)
