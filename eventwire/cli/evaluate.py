"""`eventwire eval ...`: each evaluation against its gold format, printing metrics."""

from __future__ import annotations

import dataclasses
from typing import Any

import click

from eventwire.cli.common import print_report
from eventwire.config import Config
from eventwire.resolve.acled import DECISIONS


@click.group(name="eval")
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

    print_report(
        lambda: evaluate_dates(read_timeml_dir(gold), load_nlp(config.nlp), batch_size=config.nlp.batch_size),
        format_date_report,
        as_json,
    )


@eval_group.command(name="fakes")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="FA-KES-Dataset.csv"
)
@click.option(
    "--dates",
    type=click.Path(exists=True, dir_okay=False),
    help="Adjudicated incident dates (benchmarks/data/fakes_dates_adjudicated.tsv) to score too.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_fakes(config: Config, gold: str, dates: str | None, as_json: bool) -> None:
    """Main incident date and governorate against the FA-KES Syria articles.

    With --dates, also eventwire's, FA-KES' and the publication date's agreement with incident
    dates labelled by reading.

    \b
    Example:
      eventwire eval fakes --gold ../shared/gold/corpus/fakes_syria/FA-KES-Dataset.csv \\
        --dates benchmarks/data/fakes_dates_adjudicated.tsv --json
    """
    from eventwire.eval.fakes import evaluate_fakes, format_fakes_report, read_adjudicated, read_fakes
    from eventwire.pipeline import Pipeline

    def run() -> dict[str, Any]:
        adjudicated = read_adjudicated(dates) if dates else ()
        return evaluate_fakes(read_fakes(gold), Pipeline.load(config), adjudicated)

    print_report(run, format_fakes_report, as_json)


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

    print_report(
        lambda: evaluate_plover(read_plover(gold), Pipeline.load(config)), format_plover_report, as_json
    )


@eval_group.command(name="geoparse")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A gold XML file in the LGL/TR-News or GeoVirus layout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["lgl", "geovirus"]),
    default=None,
    help="The gold layout (default: detected from the file).",
)
@click.option(
    "--mode",
    type=click.Choice(["resolve", "end2end"]),
    default="resolve",
    show_default=True,
    help="resolve: resolve the gold spans; end2end: recognise and resolve, also scoring recognition.",
)
@click.option(
    "--corrections",
    type=click.Path(exists=True, dir_okay=False),
    help="A corrections_mlg TSV (toponym, old lat,lon, new lat,lon) applied to the gold.",
)
@click.option(
    "--count-demonyms",
    is_flag=True,
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

    Prints n_gold, acc_at_161km, acc_at_161km_or_id (an area also counts as right at the gold's
    own GeoNames id, wherever a gazetteer draws it), exact_id_match, country_match, mean/median
    error in km, the AUC of the log error curve, and in end2end mode precision, recall and f1.

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
            documents,
            Pipeline.load(config),
            mode=mode,
            count_demonyms=count_demonyms,  # type: ignore[arg-type]
        )

    print_report(evaluate, format_geoparse_report, as_json)


@eval_group.command(name="toponyms")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A JSONL file of held-out toponyms (doc, toponym, start, end, lat, lon, class).",
)
@click.option(
    "--corpus",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The corpus JSONL that holds their articles (id, text).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_toponyms(config: Config, gold: str, corpus: str, as_json: bool) -> None:
    """Toponym resolution on eventwire's own held-out toponyms from real news, by class.

    Prints acc@161 km overall and for each class (facilities, seas and regions, a state against
    its namesake city, world cities) and every miss.

    \b
    Example:
      eventwire eval toponyms --gold benchmarks/data/toponyms_holdout.jsonl \\
        --corpus ../shared/gold/corpus/dev_news.jsonl
    """
    from eventwire.eval.toponym_holdout import evaluate_holdout_file, format_holdout_report
    from eventwire.pipeline import Pipeline

    print_report(
        lambda: evaluate_holdout_file(gold, corpus, Pipeline.load(config)), format_holdout_report, as_json
    )


@eval_group.command(name="casualties")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
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

    print_report(
        lambda: evaluate_casualties(read_casualty_gold(gold), Pipeline.load(config)),
        format_casualties_report,
        as_json,
    )


@eval_group.command(name="incidents")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A JSONL file of reports labelled by incident, or FA-KES-Dataset.csv (weak labels).",
)
@click.option("--split", type=click.Choice(["dev", "holdout"]), default=None, help="Score only this split.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Score only the first N reports of the file."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_incidents(config: Config, gold: str, split: str | None, limit: int | None, as_json: bool) -> None:
    """Incident clustering across reports: pairwise and B-cubed P/R/F1, wrong merges, missed
    links, and fatality ranges, per split (see eventwire/eval/incidents.py).

    On FA-KES, articles that share an incident date and governorate count as one incident, so
    those labels are weak.

    \b
    Example:
      eventwire eval incidents --gold benchmarks/data/incident_reports.jsonl --json
    """
    from eventwire.eval.incidents import evaluate_incidents, format_incidents_report, read_incident_gold
    from eventwire.pipeline import Pipeline

    print_report(
        lambda: evaluate_incidents(read_incident_gold(gold, limit=limit), Pipeline.load(config), split=split),
        format_incidents_report,
        as_json,
    )


@eval_group.command(name="acled")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A TSV of id, snippet and CASE 2021 label (an id/EventSnippet/SubType header may come first).",
)
@click.option(
    "--decision",
    type=click.Choice(sorted(DECISIONS)),
    help="Decide by the rules alone or with the learned second opinion (default: [acled] decision).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_acled(config: Config, gold: str, decision: str | None, as_json: bool) -> None:
    """ACLED sub-event classification of snippets (CASE 2021 labels, one code per snippet).

    Prints micro, macro and weighted F1 for the 25, 28 and 30 label sets, per-label scores and
    a confusion table. Bad lines are reported and skipped.

    \b
    Example:
      eventwire eval acled --gold benchmarks/data/acled_snippets_tuning.tsv --json
      eventwire eval acled --gold benchmarks/data/acled_news_holdout10.tsv --decision rules
    """
    from eventwire.eval.acled import evaluate_acled_file, format_acled_report
    from eventwire.pipeline import Pipeline

    if decision is not None:
        config = dataclasses.replace(config, acled=dataclasses.replace(config.acled, decision=decision))

    print_report(lambda: evaluate_acled_file(gold, Pipeline.load(config)), format_acled_report, as_json)


@eval_group.command(name="satp")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
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

    print_report(lambda: evaluate_satp_file(gold, Pipeline.load(config)), format_satp_report, as_json)


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

    print_report(
        lambda: evaluate_wikievents(read_wikievents(gold), Pipeline.load(config)),
        format_wikievents_report,
        as_json,
    )
