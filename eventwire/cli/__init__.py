"""Command-line interface: a thin layer over the Python API (each command calls one function).

One module per family of commands: `articles` (extract, places, schema), `dataset` (ingest,
status, reprocess, export, events), `evaluate` (eval ...), `gazetteer` (gazetteer ...),
`serve` (the web app).
"""

from __future__ import annotations

import logging

import click

from eventwire import __version__
from eventwire.cli import articles, dataset, evaluate, gazetteer, serve
from eventwire.config import load_config
from eventwire.errors import EventwireError

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


for command in (
    articles.extract,
    articles.places,
    articles.schema,
    *dataset.COMMANDS,
    evaluate.eval_group,
    gazetteer.gazetteer_group,
    serve.serve,
):
    main.add_command(command)
