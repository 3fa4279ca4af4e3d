"""`from_dict` is the inverse of `to_dict`: a stored record loads back as the same record."""

from __future__ import annotations

from builders import make_event, make_place

from eventwire.records import (
    Actor,
    Article,
    Attribution,
    ConsistencyCheck,
    Estimate,
    ExtractionResult,
    Quantity,
    ResolvedDate,
    Span,
    from_dict,
    to_dict,
)


def rich_event():
    ministry = Attribution("the ministry", "SYR", "GOV", Span("the ministry", 40, 52), "said")
    monitor = Attribution("the Observatory", None, "NGO", Span("the Observatory", 60, 75), "said")
    reports = [
        Quantity("killed", 4, 4, 4, "four", Span("four", 10, 14), ministry, "claimed"),
        Quantity("killed", 7, 7, 9, "seven", Span("seven", 80, 85), monitor, "asserted"),
    ]
    return make_event(
        "ASSAULT",
        mode="aerial",
        source_actors=[Actor("Russian jets", "RUS", "MIL", Span("Russian jets", 0, 12))],
        target_actors=[Actor("civilians", None, "CVL", transnational=False)],
        date=ResolvedDate("2018-01-06", "day", "on Saturday", Span("on Saturday", 20, 31), anchored=True),
        location=make_place("Hmeymim", country="SYR", feature_code="AIRB", kind="toponym"),
        quantities=reports,
        fatalities=Estimate(4, 4, 9, reports),
        attributed_to=[ministry],
        mentions=[Span("a", 1, 2), Span("b", 3, 4)],
    )


def test_an_event_loads_back_with_every_nested_record():
    event = rich_event()
    loaded = from_dict(type(event), to_dict(event))
    assert loaded == event
    # Estimate.reports is left out of equality; the figures and their sources must still load.
    assert to_dict(loaded) == to_dict(event)
    assert isinstance(loaded.fatalities.reports[1].source, Attribution)
    assert isinstance(loaded.location.span, type(None))


def test_a_result_loads_back_with_its_provenance():
    article = Article("a-1", "Text.", "Title", "2018-01-07", "https://example.org/a", "Example")
    check = ConsistencyCheck("parts_of_whole", False, "4 + 3 is not 9", [Span("x", 0, 1)])
    result = ExtractionResult(
        article, [rich_event()], [make_place()], ["a warning"], [check], data_fingerprint="abc"
    )
    loaded = from_dict(ExtractionResult, to_dict(result))
    assert to_dict(loaded) == to_dict(result)
    assert loaded.data_fingerprint == "abc" and loaded.extractor.startswith("eventwire-")


def test_keys_a_record_does_not_have_are_ignored():
    data = to_dict(Span("x", 0, 1)) | {"added_in_a_later_version": 1}
    assert from_dict(Span, data) == Span("x", 0, 1)
