"""`eventwire gazetteer ...`: build, inspect and extend the place index."""

from __future__ import annotations

from typing import Any

import click

from eventwire.cli.common import print_report
from eventwire.config import Config


@click.group(name="gazetteer")
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

    print_report(lambda: asdict(import_geonames(files, config.gazetteer)), render, as_json)


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

    print_report(lambda: gazetteer_info(config.gazetteer), render, as_json)


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

    print_report(build, render, as_json)
