"""Where the baseline evaluations look for the shared gold sets."""

from __future__ import annotations

from pathlib import Path

from eventwire.eval.baseline import gold_path, gold_root


def test_the_gold_root_is_given_else_the_environment_else_beside_the_repository(monkeypatch, tmp_path):
    repo = tmp_path / "main"
    monkeypatch.delenv("EVENTWIRE_GOLD", raising=False)
    assert gold_root(repo) == tmp_path / "shared" / "gold"
    monkeypatch.setenv("EVENTWIRE_GOLD", str(tmp_path / "elsewhere"))
    assert gold_root(repo) == tmp_path / "elsewhere"
    assert gold_root(repo, tmp_path / "given") == tmp_path / "given"


def test_an_entry_reads_its_gold_under_the_root_and_repository_gold_in_the_repository(tmp_path):
    root = tmp_path / "gold"
    assert gold_path({"gold": "geo/lgl.xml"}, Path("/repo"), root) == root / "geo" / "lgl.xml"
    assert gold_path({"repo_gold": "benchmarks/data/x.jsonl"}, Path("/repo"), root) == Path(
        "/repo/benchmarks/data/x.jsonl"
    )
