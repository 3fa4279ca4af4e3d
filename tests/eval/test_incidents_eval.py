"""eval incidents: clustering metrics on hand-made clusterings, the gold file, format detection."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from builders import make_event, make_place

from eventwire.errors import RecordFormatError
from eventwire.eval.incidents import (
    bcubed_scores,
    detect_incident_gold_format,
    evaluate_incidents,
    format_incidents_report,
    link_errors,
    pairwise_scores,
    predicted_incidents,
    read_incident_gold,
)
from eventwire.records import Article, Estimate, ExtractionResult, Failure, ResolvedDate, Span

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "benchmarks" / "data" / "incident_reports.jsonl"

# gold: {a, b, c} {d, e} {f}; predicted: {a, b} {c, d, e} {f}
GOLD_SIX = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2", "f": "G3"}
PREDICTED_SIX = {"a": "P1", "b": "P1", "c": "P2", "d": "P2", "e": "P2", "f": "P3"}


# --------------------------------------------------------------------------- metrics


def test_pairwise_scores_count_pairs_by_hand():
    # gold pairs: ab ac bc de = 4; predicted pairs: ab cd ce de = 4; in both: ab de = 2
    # precision 2/4, recall 2/4, F1 0.5
    scores = pairwise_scores(GOLD_SIX, PREDICTED_SIX)
    assert (scores["gold_pairs"], scores["predicted_pairs"], scores["correct_pairs"]) == (4, 4, 2)
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.5, 0.5, 0.5)


def test_bcubed_scores_average_per_item_by_hand():
    # item: |pred ∩ gold| / |pred| , / |gold|
    # a, b: 2/2, 2/3   c: 1/3, 1/3   d, e: 2/3, 2/2   f: 1, 1
    # precision = (1 + 1 + 1/3 + 2/3 + 2/3 + 1) / 6 = 14/18 = 0.7778
    # recall    = (2/3 + 2/3 + 1/3 + 1 + 1 + 1) / 6 = 14/18 = 0.7778
    assert bcubed_scores(GOLD_SIX, PREDICTED_SIX) == {"precision": 0.7778, "recall": 0.7778, "f1": 0.7778}


def test_one_big_cluster_has_full_recall_and_low_precision():
    gold = {"a": "G1", "b": "G1", "c": "G2", "d": "G2"}
    everything = dict.fromkeys(gold, "P")
    # pairwise: 6 predicted pairs, 2 correct -> P 1/3, R 1, F1 0.5
    pairwise = pairwise_scores(gold, everything)
    assert (pairwise["precision"], pairwise["recall"], pairwise["f1"]) == (0.3333, 1.0, 0.5)
    # B-cubed: every item 2/4 precision, 2/2 recall -> P 0.5, R 1, F1 2*0.5/1.5 = 0.6667
    assert bcubed_scores(gold, everything) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}


def test_all_singletons_claim_nothing_and_find_nothing():
    gold = {"a": "G1", "b": "G1"}
    alone = {"a": "P1", "b": "P2"}
    # no predicted pair: precision is 1.0 by convention (nothing wrongly linked), recall 0/1
    pairwise = pairwise_scores(gold, alone)
    assert (pairwise["precision"], pairwise["recall"], pairwise["f1"]) == (1.0, 0.0, 0.0)
    # B-cubed: P 1 for both; R 1/2 for both -> F1 2*0.5/1.5 = 0.6667
    assert bcubed_scores(gold, alone) == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}


def test_link_errors_name_the_wrong_merges_and_missed_links():
    errors = link_errors(GOLD_SIX, PREDICTED_SIX)
    assert errors["wrong_merges"] == {"count": 2, "pairs": [["c", "d"], ["c", "e"]]}
    assert errors["missed_links"] == {"count": 2, "pairs": [["a", "c"], ["b", "c"]]}


def test_link_errors_count_everything_but_list_only_a_few():
    gold = {str(n): str(n) for n in range(30)}  # thirty incidents merged into one cluster
    errors = link_errors(gold, dict.fromkeys(gold, "P"), listed=5)
    assert errors["wrong_merges"]["count"] == 30 * 29 // 2
    assert len(errors["wrong_merges"]["pairs"]) == 5
    assert errors["missed_links"] == {"count": 0, "pairs": []}


def test_perfect_clustering_scores_one_whatever_the_labels_are_called():
    renamed = {item: f"incident-{label}" for item, label in GOLD_SIX.items()}
    assert pairwise_scores(GOLD_SIX, renamed)["f1"] == 1.0
    assert bcubed_scores(GOLD_SIX, renamed)["f1"] == 1.0


def test_clusterings_of_different_items_are_refused():
    with pytest.raises(ValueError):
        pairwise_scores({"a": "G"}, {"b": "P"})


# --------------------------------------------------------------------------- predicted incident


def test_a_report_maps_to_the_incident_of_its_deadliest_located_attack():
    statement = make_event("ACCUSE", id="s")
    small = make_event(id="small", fatalities=Estimate(1, 1, 1), location=make_place("Ariha"))
    deadly = make_event(id="deadly", fatalities=Estimate(15, 15, 15), location=make_place("Ariha"))
    events = {"r1": [statement, small, deadly]}
    incidents = {"s": "I-statement", "small": "I-small", "deadly": "I-deadly"}
    assert predicted_incidents(events, incidents, ["r1"]) == {"r1": "I-deadly"}


def test_a_main_event_in_no_incident_falls_back_to_the_incident_of_most_events():
    main = make_event(id="main", location=make_place("Azaz"))
    others = [make_event("PROTEST", id=f"p{n}") for n in range(3)]
    incidents = {"p0": "I-a", "p1": "I-b", "p2": "I-b"}
    assert predicted_incidents({"r": [main, *others]}, incidents, ["r"]) == {"r": "I-b"}


def test_a_report_without_events_in_incidents_is_unlinked():
    events = {"r1": [make_event(id="lonely")]}
    assert predicted_incidents(events, {}, ["r1", "r2"]) == {"r1": None, "r2": None}


# --------------------------------------------------------------------------- the gold file


@pytest.fixture(scope="module")
def gold_reports():
    return read_incident_gold(GOLD)


def test_the_gold_file_has_the_size_asked_for(gold_reports):
    incidents = {r.incident for r in gold_reports}
    assert 55 <= len(gold_reports) <= 70
    assert 20 <= len(incidents) <= 25
    assert len({r.id for r in gold_reports}) == len(gold_reports)


def test_every_incident_has_one_split_and_one_fatality_range(gold_reports):
    by_incident = defaultdict(list)
    for report in gold_reports:
        by_incident[report.incident].append(report)
    for label, members in by_incident.items():
        assert len({r.split for r in members}) == 1, label
        assert len({r.fatalities for r in members}) == 1, label
        low_high = members[0].fatalities
        assert low_high is None or 0 <= low_high[0] <= low_high[1], label


def test_both_splits_exist_and_the_holdout_is_about_a_third(gold_reports):
    splits = Counter(r.split for r in gold_reports)
    assert set(splits) == {"dev", "holdout"}
    holdout_incidents = {r.incident for r in gold_reports if r.split == "holdout"}
    share = len(holdout_incidents) / len({r.incident for r in gold_reports})
    assert 0.25 <= share <= 0.45


def test_reports_of_one_incident_come_from_different_outlets_and_dates_parse(gold_reports):
    outlets = defaultdict(list)
    for report in gold_reports:
        date.fromisoformat(report.published or "")
        outlets[report.incident].append(report.outlet)
    multi = [names for names in outlets.values() if len(names) > 1]
    assert len(multi) >= 15
    # an outlet may follow its own story up (a revised toll), but every incident has two outlets
    assert all(len(set(names)) >= 2 for names in multi)
    # several incidents whose sources disagree on the toll
    assert sum(r.fatalities[0] < r.fatalities[1] for r in gold_reports if r.fatalities) >= 30


# --------------------------------------------------------------------------- formats


def _fakes_csv(path: Path) -> Path:
    header = "unit_id,article_title,article_content,source,date,location,labels\n"
    rows = (
        '1,Strike on Ariha,"Mon 05 Aug 2019 Air strikes hit Ariha.",reuters,8/5/2019,idlib,1\n'
        '2,Ariha market,"05 August 2019 Strikes on the market of Ariha.",sana,8/5/2019,idlib,0\n'
    )
    path.write_text(header + rows, encoding="utf-8")
    return path


def test_the_format_is_detected_from_the_content(tmp_path):
    assert detect_incident_gold_format(GOLD) == "reports"
    assert detect_incident_gold_format(_fakes_csv(tmp_path / "fakes.txt")) == "fakes"
    other = tmp_path / "other.csv"
    other.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(RecordFormatError):
        detect_incident_gold_format(other)


def test_fakes_rows_become_weak_labels_of_date_and_governorate(tmp_path):
    reports = read_incident_gold(_fakes_csv(tmp_path / "fakes.csv"))
    assert [r.incident for r in reports] == ["2019-08-05|idlib", "2019-08-05|idlib"]
    assert all(r.weak for r in reports)
    assert reports[0].published == "2019-08-05"
    assert len(read_incident_gold(tmp_path / "fakes.csv", limit=1)) == 1


def test_a_bad_report_line_names_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {"id": "x", "incident": "i", "text": "t", "fatalities": {"low": 3, "high": 2}}
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(RecordFormatError, match="bad.jsonl:1"):
        read_incident_gold(path)


# --------------------------------------------------------------------------- end to end (stand-in)


class CannedPipeline:
    """One ASSAULT event per article whose text names a town; no events otherwise."""

    data_fingerprint = "fp-test"

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for item in inputs:
            if isinstance(item, Failure):
                yield item
                continue
            events = []
            if "Ariha" in item.text:
                place = make_place("Ariha", lat=35.81, lon=36.61, country="SYR", admin1="Idlib")
                events.append(
                    make_event(
                        id=f"e-{item.id}", article_id=item.id, location=place, evidence=Span("A", 0, 1)
                    )
                )
            yield ExtractionResult(item, events, [], data_fingerprint=self.data_fingerprint)


def test_evaluate_incidents_scores_each_split_and_counts_unlinked_reports(tmp_path):
    from eventwire.eval.incidents import GoldReport

    reports = [
        GoldReport("r1", "ariha", "dev", "Air strikes hit Ariha on Monday.", published="2019-08-05"),
        GoldReport("r2", "ariha", "dev", "Ariha market bombed on Monday.", published="2019-08-05"),
        GoldReport("r3", "other", "dev", "Nothing happened anywhere.", published="2019-08-05"),
        GoldReport("h1", "kharkiv", "holdout", "Nothing to code here.", published="2025-04-20"),
    ]
    report = evaluate_incidents(reports, CannedPipeline())  # type: ignore[arg-type]
    assert report["labels"] == "gold"
    assert report["dev"]["n_reports"] == 3 and report["holdout"]["n_reports"] == 1
    assert report["dev"]["unlinked"] == 1 and report["holdout"]["unlinked"] == 1
    assert report["all"]["n_reports"] == 4
    assert "pairwise" in format_incidents_report(report)
    only = evaluate_incidents(reports, CannedPipeline(), split="holdout")  # type: ignore[arg-type]
    assert set(only) & {"dev", "all"} == set()


def test_an_attack_recalled_from_years_before_is_not_the_main_event():
    old = make_event(
        id="ghouta",
        fatalities=Estimate(1400, 1400, 1400),
        location=make_place("Ghouta"),
        date=ResolvedDate(value="2013-08", precision="month", text="August 2013"),
    )
    new = make_event(
        id="khan",
        fatalities=Estimate(58, 58, 58),
        location=make_place("Khan Sheikhoun"),
        date=ResolvedDate(value="2017-04-04", precision="day", text="Tuesday"),
    )
    incidents = {"ghouta": "I-2013", "khan": "I-2017"}
    events = {"r": [old, new]}
    assert predicted_incidents(events, incidents, ["r"], published={"r": "2017-04-05"}) == {"r": "I-2017"}
    # with no publication date nothing is background: the deadliest attack wins
    assert predicted_incidents(events, incidents, ["r"]) == {"r": "I-2013"}
    # a report with only background events still maps to one
    only_old = {"r": [old]}
    assert predicted_incidents(only_old, incidents, ["r"], published={"r": "2017-04-05"}) == {"r": "I-2013"}


def test_the_command_reports_a_file_of_another_format_cleanly(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    other = tmp_path / "other.csv"
    other.write_text("id,text\n1,hello\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "incidents", "--gold", str(other)])
    assert result.exit_code == 1
    assert "neither JSON Lines" in result.output
    assert "Traceback" not in result.output
