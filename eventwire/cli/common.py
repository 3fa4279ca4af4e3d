"""What the command modules share: turning our errors into clean messages, report printing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from eventwire.errors import EventwireError

T = TypeVar("T")

json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")


def clean_errors(action: Callable[[], T]) -> T:
    """Run `action`; our errors become a clean message and exit status 1, never a traceback."""
    try:
        return action()
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc


def print_report(
    evaluate: Callable[[], dict[str, Any]], render: Callable[[dict[str, Any]], str], as_json: bool
) -> None:
    """Run an evaluation and print its report; our errors become a clean CLI message."""
    report = clean_errors(evaluate)
    click.echo(json.dumps(report, indent=2) if as_json else render(report))
