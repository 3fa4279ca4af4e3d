"""Provenance: one version source, and a fingerprint of the data files that coded a result."""

from __future__ import annotations

import tomllib
from pathlib import Path

import eventwire
from eventwire.data import data_fingerprint
from eventwire.records import EXTRACTOR_VERSION

REPO = Path(__file__).resolve().parents[1]


def test_the_fingerprint_is_stable_and_follows_a_user_file(tmp_path):
    user_places = tmp_path / "places.csv"
    user_places.write_text("name,lat,lon\nCamp A,1,2\n", "utf-8")
    before = data_fingerprint((str(user_places),))
    assert before == data_fingerprint((str(user_places),))
    assert before != data_fingerprint(())
    user_places.write_text("name,lat,lon\nCamp A,1,3\n", "utf-8")
    assert data_fingerprint((str(user_places),)) != before
    # An unset user file ("" in the config) is no file at all; a moved one codes the same.
    assert data_fingerprint(("",)) == data_fingerprint(())
    moved = tmp_path / "moved.csv"
    moved.write_bytes(user_places.read_bytes())
    assert data_fingerprint((str(moved),)) == data_fingerprint((str(user_places),))


def test_the_model_and_deciding_settings_are_part_of_the_fingerprint():
    from dataclasses import replace

    from eventwire.config import load_config
    from eventwire.resources import resources_fingerprint

    config = load_config()
    other_model = replace(config, nlp=replace(config.nlp, model="en_core_web_md"))
    biased = replace(config, gazetteer=replace(config.gazetteer, country_bias=["SYR"]))
    assert len({resources_fingerprint(c) for c in (config, other_model, biased)}) == 3


def test_the_package_the_extractor_and_the_metadata_say_one_version():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert "version" in project["dynamic"] and "version" not in project
    assert EXTRACTOR_VERSION == f"eventwire-{eventwire.__version__}"
