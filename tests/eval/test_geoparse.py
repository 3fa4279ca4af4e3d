"""Geoparsing evaluation: gold readers, corrections, metrics, and a small run of both modes.

The fixtures in `data/` are invented articles written for these tests, one per layout. The run
uses `spacy.blank("en")` (no NER: names are found by gazetteer matching of capitalised words)
and a hand-made gazetteer, so its output is fixed.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from eventwire.config import Config
from eventwire.data.lexicon import EventLexicon
from eventwire.eval.geoparse import (
    MAX_ERROR_KM,
    GeoparseDocument,
    GoldToponym,
    apply_corrections,
    error_auc,
    evaluate_geoparse,
    format_geoparse_report,
    read_corrections,
    read_geoparse_gold,
)
from eventwire.pipeline import Pipeline
from eventwire.resolve.gazetteer import GazetteerEntry, InMemoryGazetteer

DATA = Path(__file__).parent / "data"
LGL = DATA / "toponyms_article_layout.xml"
GEOVIRUS = DATA / "toponyms_location_layout.xml"
CORRECTIONS = DATA / "coordinate_patches.tsv"


def test_lgl_layout_is_read_and_shifted_spans_are_reanchored() -> None:
    documents = read_geoparse_gold(LGL)
    assert [d.id for d in documents] == ["1", "2"]
    first = documents[0]
    assert [first.text[t.start:t.end] for t in first.toponyms] == ["Springfield", "Illinois", "Decatur"]
    springfield, illinois, decatur = first.toponyms
    assert (springfield.geonameid, springfield.country) == (4250542, "United States")
    assert (illinois.start, illinois.end) == (38, 46)  # given as 40-48
    assert decatur.lat is None and decatur.geonameid is None


def test_geovirus_layout_is_detected_and_its_offsets_lowered_by_one() -> None:
    (document,) = read_geoparse_gold(GEOVIRUS)
    assert [document.text[t.start:t.end] for t in document.toponyms] == [
        "Nairobi", "Kenya", "Kenya", "Geneva"
    ]
    assert document.toponyms[0].geonameid is None and document.toponyms[0].lat == -1.28
    assert read_geoparse_gold(GEOVIRUS, "geovirus") == [document]


def test_corrections_replace_matching_old_points_only() -> None:
    corrections = read_corrections(CORRECTIONS)
    assert corrections["Geneva"] == [(40.0, 6.0, 46.2, 6.15)]
    document = GeoparseDocument("x", "Nairobi Geneva", (
        GoldToponym(0, 7, "Nairobi", -1.28, 36.82),
        GoldToponym(8, 14, "Geneva", 46.0, 6.0),  # another old point: left alone
    ))
    (corrected,) = apply_corrections([document], corrections)
    assert (corrected.toponyms[0].lat, corrected.toponyms[0].lon) == (-1.286389, 36.817222)
    assert (corrected.toponyms[1].lat, corrected.toponyms[1].lon) == (46.0, 6.0)


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([0.0, 0.0], 0.0),
        ([MAX_ERROR_KM, MAX_ERROR_KM], 1.0),
        # sorted y = [0, 1]: a straight line from 0 to 1 over x in [0, 1]
        ([MAX_ERROR_KM, 0.0], 0.5),
        # y = [0, y1, 1] with y1 = ln(1+100)/ln(1+20038): two trapezoids of width 1/2
        ([0.0, 100.0, MAX_ERROR_KM], (2 * math.log1p(100) / math.log1p(MAX_ERROR_KM) + 1) / 4),
    ],
)
def test_auc_is_the_area_under_sorted_normalised_log_errors(errors: list[float], expected: float) -> None:
    assert error_auc(errors) == pytest.approx(expected)


def _entry(gid: int, name: str, lat: float, lon: float, country: str, code: str = "PPL",
           population: int = 0, admin1: str = "") -> GazetteerEntry:
    feature_class = "A" if code.startswith(("PCL", "ADM")) else "P"
    return GazetteerEntry(gid, name, lat, lon, country, admin1, feature_class, code, population)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    gazetteer = InMemoryGazetteer([
        _entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        _entry(4896861, "Illinois", 40.0, -89.25, "USA", "ADM1", 0, "Illinois"),
        _entry(4250542, "Springfield", 39.802, -89.644, "USA", "PPL", 114_394, "Illinois"),
        _entry(4409896, "Springfield", 37.215, -93.298, "USA", "PPL", 170_188, "Missouri"),
        _entry(2215636, "Libya", 28.0, 17.0, "LBY", "PCLI", 6_600_000),
        _entry(2210247, "Tripoli", 32.888, 13.191, "LBY", "PPLC", 1_150_989),
        _entry(266826, "Tripoli", 34.437, 35.850, "LBN", "PPL", 229_398),
        _entry(192950, "Kenya", 1.0, 38.0, "KEN", "PCLI", 51_000_000),
        _entry(184745, "Nairobi", -1.283, 36.817, "KEN", "PPLC", 2_750_547),
    ])
    # Geoparsing needs no actors; the lexicon holds the place words resolution reads.
    return Pipeline(Config(), nlp=spacy.blank("en"), gazetteer=gazetteer, actors=None,  # type: ignore[arg-type]
                    lexicon=EventLexicon.load())


def test_resolve_mode_resolves_gold_spans_in_context(pipeline: Pipeline) -> None:
    report = evaluate_geoparse(read_geoparse_gold(LGL), pipeline, mode="resolve")
    # "Springfield, Illinois" is the Illinois one; "Tripoli, Libya" the Libyan one.
    assert report["n_gold"] == 4 and report["n_skipped"] == 1
    assert report["acc_at_161km"] == 1.0
    assert report["exact_id_match"] == 1.0
    assert report["country_match"] == 1.0
    assert "precision" not in report


def test_end2end_mode_scores_recognition_and_counts_misses(pipeline: Pipeline) -> None:
    report = evaluate_geoparse(read_geoparse_gold(GEOVIRUS), pipeline, mode="end2end")
    # "in Nairobi, Kenya" is found and resolved. Without NER the second "Kenya" (a known name
    # with no locative cue) is not taken for a place, and Geneva is not in the gazetteer: two
    # misses with the largest error.
    assert report["n_gold"] == 4
    assert report["acc_at_161km"] == 0.5
    assert report["recall"] == 0.5 and report["precision"] == 1.0
    assert report["f1"] == pytest.approx(2 * 0.5 / 1.5, abs=1e-4)
    assert report["exact_id_match"] is None  # GeoVirus carries no GeoNames ids
    assert report["mean_error_km"] >= MAX_ERROR_KM / 4
    assert report["misses"] == {"unresolved": 2, "same_area_other_point": 0, "other_place": 0}
    assert "acc_at_161km" in format_geoparse_report(report)


def test_misses_tell_an_area_drawn_elsewhere_from_a_wrong_place(pipeline: Pipeline) -> None:
    text = "Officials in Kenya and in Tripoli spoke."
    document = GeoparseDocument("x", text, (
        # The gold draws Kenya 400 km from the gazetteer's point: same country, other point.
        GoldToponym(13, 18, "Kenya", 4.5, 38.0, geonameid=192950),
        # The gold means Lebanon's Tripoli; the capital of Libya is another place.
        GoldToponym(26, 33, "Tripoli", 34.437, 35.850, geonameid=266826),
    ))
    by_name = replace(
        document, toponyms=tuple(replace(t, geonameid=None, name=t.phrase) for t in document.toponyms)
    )
    for doc in (document, by_name):  # with GeoNames ids, and by name as GeoVirus has it
        report = evaluate_geoparse([doc], pipeline, mode="resolve")
        assert report["misses"] == {"unresolved": 0, "same_area_other_point": 1, "other_place": 1}
    assert "same_area_other_point 1" in format_geoparse_report(report)
