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


@eval_group.command(name="plover")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="PLOVER_GSR_CAMEO.txt"
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_plover(config: Config, gold: str, as_json: bool) -> None:
    """Event type, actor countries and sectors, and mode against the PLOVER gold records.

    \b
    Example:
      eventwire eval plover --gold ../shared/gold/events/plover_gsr/PLOVER_GSR_CAMEO.txt --json
    """
    from eventwire.eval.plover import evaluate_plover, format_plover_report, read_plover
    from eventwire.pipeline import Pipeline

    _print_report(
        lambda: evaluate_plover(read_plover(gold), Pipeline.load(config)), format_plover_report, as_json
    )


@eval_group.command(name="geoparse")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False),
    help="A gold XML file in the LGL/TR-News or GeoVirus layout.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["lgl", "geovirus"]), default=None,
    help="The gold layout (default: detected from the file).",
)
@click.option(
    "--mode", type=click.Choice(["resolve", "end2end"]), default="resolve", show_default=True,
    help="resolve: resolve the gold spans; end2end: recognise and resolve, also scoring recognition.",
)
@click.option(
    "--corrections", type=click.Path(exists=True, dir_okay=False),
    help="A corrections_mlg TSV (toponym, old lat,lon, new lat,lon) applied to the gold.",
)
@click.option(
    "--count-demonyms", is_flag=True,
    help="end2end: count demonyms (resolved to their country) as predicted toponyms "
    "(LGL and TR-News annotate them).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_geoparse(
    config: Config,
    gold: str,
    fmt: str | None,
    mode: str,
    corrections: str | None,
    count_demonyms: bool,
    as_json: bool,
) -> None:
    """Toponym resolution (and recognition) against LGL, TR-News or GeoVirus.

    Prints n_gold, acc_at_161km, exact_id_match, country_match, mean/median error in km, the
    AUC of the log error curve, and in end2end mode precision, recall and f1.

    \b
    Example:
      eventwire eval geoparse --gold ../shared/gold/geoparsing/corpora/lgl.xml --mode resolve --json
    """
    from eventwire.eval.geoparse import (
        apply_corrections,
        evaluate_geoparse,
        format_geoparse_report,
        read_corrections,
        read_geoparse_gold,
    )
    from eventwire.pipeline import Pipeline

    def evaluate() -> dict[str, Any]:
        documents = read_geoparse_gold(gold, fmt)  # type: ignore[arg-type]
        if corrections:
            documents = apply_corrections(documents, read_corrections(corrections))
        return evaluate_geoparse(
            documents, Pipeline.load(config), mode=mode, count_demonyms=count_demonyms  # type: ignore[arg-type]
        )

    _print_report(evaluate, format_geoparse_report, as_json)


@main.command()
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


@eval_group.command(name="casualties")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False),
    help="PLOVER_GSR_CAMEO.txt, or a JSONL file of casualty sentences (detected from the content).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_casualties(config: Config, gold: str, as_json: bool) -> None:
    """Casualty figures and their sources against PLOVER records or labelled sentences.

    PLOVER: exact match of dead and injured where the gold gives them. Sentences (see
    eventwire/eval/casualties.py for the format): figure P/R/F1, item exact match and
    attribution accuracy, for the dev and holdout halves.

    \b
    Example:
      eventwire eval casualties --gold benchmarks/data/casualty_sentences.jsonl --json
    """
    from eventwire.eval.casualties import evaluate_casualties, format_casualties_report, read_casualty_gold
    from eventwire.pipeline import Pipeline

    _print_report(
        lambda: evaluate_casualties(read_casualty_gold(gold), Pipeline.load(config)),
        format_casualties_report,
        as_json,
    )


@eval_group.command(name="acled")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False),
    help="A TSV of id, snippet and CASE 2021 label (an id/EventSnippet/SubType header may come first).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_acled(config: Config, gold: str, as_json: bool) -> None:
    """ACLED sub-event classification of snippets (CASE 2021 labels, one code per snippet).

    Prints micro, macro and weighted F1 for the 25, 28 and 30 label sets, per-label scores and
    a confusion table. Bad lines are reported and skipped.

    \b
    Example:
      eventwire eval acled --gold benchmarks/data/acled_snippets_tuning.tsv --json
    """
    from eventwire.eval.acled import evaluate_acled_file, format_acled_report
    from eventwire.pipeline import Pipeline

    _print_report(lambda: evaluate_acled_file(gold, Pipeline.load(config)), format_acled_report, as_json)


@eval_group.command(name="satp")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False),
    help="A SATP TSV: text and four 0/1 columns (armed assault, bombing, kidnapping, other).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_satp(config: Config, gold: str, as_json: bool) -> None:
    """Incident types of SATP summaries: per-label precision, recall and F1, micro and macro F1.

    \b
    Example:
      eventwire eval satp --gold ../shared/gold/events/satp/dev.tsv --json
    """
    from eventwire.eval.satp import evaluate_satp_file, format_satp_report
    from eventwire.pipeline import Pipeline

    _print_report(lambda: evaluate_satp_file(gold, Pipeline.load(config)), format_satp_report, as_json)


@eval_group.command(name="wikievents")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="A WikiEvents .jsonl file."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_wikievents(config: Config, gold: str, as_json: bool) -> None:
    """Event detection and argument head F1 against WikiEvents (KAIROS types mapped to PLOVER).

    \b
    Example:
      eventwire eval wikievents --gold ../shared/gold/events/wikievents_dev/dev.jsonl --json
    """
    from eventwire.eval.wikievents import evaluate_wikievents, format_wikievents_report, read_wikievents
    from eventwire.pipeline import Pipeline

    _print_report(
        lambda: evaluate_wikievents(read_wikievents(gold), Pipeline.load(config)),
        format_wikievents_report,
        as_json,
    )


@main.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build and inspect the place index, and add GeoNames places to it.

    \b
    Example:
      eventwire gazetteer import SY.txt IQ.txt && eventwire gazetteer info
    """


@gazetteer_group.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def gazetteer_import(config: Config, files: tuple[str, ...], as_json: bool) -> None:
    """Import places from GeoNames dump files (allCountries.txt, cities1000.txt, SY.txt ...).

    Imported places are kept in the cache directory, survive index rebuilds and are merged
    into the index on its next use. Importing a file again changes nothing. Bad lines are
    reported with their line numbers and skipped.

    \b
    Example:
      eventwire gazetteer import SY.txt
    """
    from dataclasses import asdict

    from eventwire.resolve.gazetteer import import_geonames

    def render(report: dict[str, Any]) -> str:
        lines = [
            f"{report['lines']} lines read: {report['changed']} places added or changed, "
            f"{report['unchanged']} unchanged, {report['skipped_count']} bad lines skipped; "
            f"{report['total']} imported places in {report['store']}",
            *report["skipped"],
        ]
        return "\n".join(lines)

    _print_report(lambda: asdict(import_geonames(files, config.gazetteer)), render, as_json)


@gazetteer_group.command(name="info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def gazetteer_info_command(config: Config, as_json: bool) -> None:
    """Show the place index: sources and their versions, counts, size and build time.

    Builds the index first when it is missing or out of date.

    \b
    Example:
      eventwire gazetteer info --json
    """
    from eventwire.resolve.gazetteer import gazetteer_info

    def render(info: dict[str, Any]) -> str:
        sources = ", ".join(f"{name} {version}" for name, version in info["sources"].items())
        lines = [
            f"index: {info['index']} ({info['index_mb']} MB, schema {info['schema_version']}, "
            f"built {info['built_at']} in {info['build_seconds']:.1f} s)",
            f"packages: {sources}",
            f"user places: {info['user_places'] or '-'}; imported places: {info['imported_places'] or '-'}",
            f"{info['places']} places under {info['names']} names",
            "by source: " + ", ".join(f"{k} {v}" for k, v in info["places_by_source"].items()),
            "by feature code: " + ", ".join(f"{k} {v}" for k, v in info["places_by_feature_code"].items()),
        ]
        return "\n".join(lines)

    _print_report(lambda: gazetteer_info(config.gazetteer), render, as_json)


@gazetteer_group.command(name="build")
@click.option("--force", is_flag=True, help="Rebuild even when the index is up to date.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (as `gazetteer info`).")
@click.pass_obj
def gazetteer_build_command(config: Config, force: bool, as_json: bool) -> None:
    """Build the place index now rather than on first use (about half a minute).

    An index that is up to date is kept unless --force is given.

    \b
    Example:
      eventwire gazetteer build --force
    """
    from eventwire.resolve.gazetteer import build_index, gazetteer_info

    def build() -> dict[str, Any]:
        build_index(config.gazetteer, force=force)
        return gazetteer_info(config.gazetteer)

    def render(info: dict[str, Any]) -> str:
        return (
            f"index: {info['index']} ({info['places']} places under {info['names']} names, "
            f"built {info['built_at']} in {info['build_seconds']:.1f} s)"
        )

    _print_report(build, render, as_json)


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
