"""The id-aware accuracy of `eval geoparse`: an area is right at the gold's own GeoNames id."""

from __future__ import annotations

from eventwire.eval.geoparse import _Outcome, format_geoparse_report, geoparse_metrics


def test_an_area_drawn_elsewhere_counts_at_its_own_id() -> None:
    outcomes = [
        _Outcome(5.0, True, True),  # near and the same id
        _Outcome(400.0, True, True),  # Canada drawn 400 km from the gold's point: its own id
        _Outcome(900.0, False, False),  # another place
        _Outcome(10.0, False, True),  # a neighbouring entry within 161 km
    ]
    report = geoparse_metrics(outcomes)
    assert report["acc_at_161km"] == 0.5
    assert report["acc_at_161km_or_id"] == 0.75
    assert "acc_at_161km_or_id" in format_geoparse_report(report)


def test_gold_without_ids_counts_by_distance_alone() -> None:
    report = geoparse_metrics([_Outcome(400.0, None, None), _Outcome(1.0, None, None)])
    assert report["acc_at_161km_or_id"] == report["acc_at_161km"] == 0.5
