"""resolve_quantities and summarize_casualties: several reports of one event's figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.records import (
    Actor,
    ActorMention,
    Attribution,
    AttributionMention,
    Estimate,
    Quantity,
    QuantityMention,
    Span,
)
from eventwire.resolve.quantities import resolve_quantities, summarize_casualties


def mention(
    what: str, value: int | None, low: int | None = None, high: int | None = None, *, at: int = 0
) -> QuantityMention:
    text = f"{what} {value}"
    return QuantityMention(
        what=what, value=value, low=low, high=high, span=Span(text, at, at + len(text)), sentence=0
    )


def quantity(what: str, value: int | None, low: int | None = None, high: int | None = None) -> Quantity:
    return Quantity(what=what, value=value, low=low, high=high, text=f"{what} {value}")


def test_mentions_become_quantities_with_their_evidence() -> None:
    first = mention("drones", 13, at=10)
    assert resolve_quantities([first]) == [
        Quantity(what="drones", value=13, low=None, high=None, text=first.span.text, span=first.span)
    ]


def test_the_same_figure_reported_twice_is_kept_once() -> None:
    resolved = resolve_quantities([mention("killed", 2, at=0), mention("killed", 2, at=50)])
    assert [(q.what, q.value) for q in resolved] == [("killed", 2)]
    assert resolved[0].span is not None and resolved[0].span.start == 0


def test_different_figures_and_kinds_all_stay_in_order() -> None:
    resolved = resolve_quantities(
        [
            mention("killed", 2),
            mention("wounded", 13),
            mention("killed", 3),
            mention("killed", 2, 2, None),  # "at least 2" is another figure than "2"
        ]
    )
    assert [(q.what, q.value, q.low) for q in resolved] == [
        ("killed", 2, None),
        ("wounded", 13, None),
        ("killed", 3, None),
        ("killed", 2, 2),
    ]


def test_no_mentions() -> None:
    assert resolve_quantities([]) == []


def test_no_figures_give_no_estimates() -> None:
    assert summarize_casualties([]) == (None, None)
    assert summarize_casualties([quantity("drones", 13), quantity("shot_down", 7)]) == (None, None)


def test_one_exact_figure() -> None:
    fatalities, injuries = summarize_casualties([quantity("killed", 2), quantity("wounded", 13)])
    assert fatalities == Estimate(2, 2, 2)
    assert injuries == Estimate(13, 13, 13)


def test_explicit_zero() -> None:
    assert summarize_casualties([quantity("killed", 0), quantity("wounded", 0)]) == (
        Estimate(0, 0, 0),
        Estimate(0, 0, 0),
    )


def test_two_sources_disagree_best_is_the_conservative_figure() -> None:
    fatalities, injuries = summarize_casualties([quantity("killed", 12), quantity("killed", 9)])
    assert fatalities == Estimate(low=9, best=9, high=12)
    assert injuries is None


def test_the_same_figure_twice_is_not_added() -> None:
    quantities = resolve_quantities([mention("killed", 13), mention("killed", 13, at=40)])
    assert summarize_casualties(quantities)[0] == Estimate(13, 13, 13)
    # Even without de-duplication, figures are alternatives, never summed.
    assert summarize_casualties([quantity("killed", 13), quantity("killed", 13)])[0] == Estimate(13, 13, 13)


def test_open_bounds() -> None:
    at_least = quantity("killed", 25, 25, None)
    up_to = quantity("killed", 40, None, 40)
    assert summarize_casualties([at_least])[0] == Estimate(25, 25, None)
    assert summarize_casualties([up_to])[0] == Estimate(None, 40, 40)
    assert summarize_casualties([at_least, up_to])[0] == Estimate(25, 25, 40)
    assert summarize_casualties([at_least, quantity("killed", 30)])[0] == Estimate(25, 25, 30)


def test_ranges_and_vague_figures() -> None:
    between = quantity("wounded", 10, 10, 15)
    dozens = quantity("wounded", 12, 12, None)
    assert summarize_casualties([between])[1] == Estimate(10, 10, 15)
    assert summarize_casualties([between, dozens])[1] == Estimate(10, 10, 15)


def test_a_ceiling_without_a_figure() -> None:
    assert summarize_casualties([quantity("killed", None, None, 9)])[0] == Estimate(None, None, 9)


def test_zero_against_a_figure_is_a_dispute() -> None:
    assert summarize_casualties([quantity("killed", 0), quantity("killed", 3)])[0] == Estimate(0, 0, 3)


def test_casualties_do_not_say_how_many_died() -> None:
    assert summarize_casualties([quantity("casualties", 30)]) == (None, None)


# --------------------------------------------------------------------------- sources and status

_SECTORS = {"the monitor": ("GBR", "NGO"), "the army": ("SYR", "MIL"), "the rebels": (None, "REB")}


def code_actors(mentions: Sequence[ActorMention]) -> list[Actor]:
    """A stand-in for the actor dictionary: codes the few phrases these tests use."""
    return [Actor(m.head, *_SECTORS.get(m.span.text, (None, None)), span=m.span) for m in mentions]


def said_by(
    figure: QuantityMention, source: str, status: str = "asserted", cue: str = "say"
) -> QuantityMention:
    attribution = AttributionMention(
        source=Span(source, 100, 100 + len(source)),
        cue=cue,
        sentence=0,
        status=status,  # type: ignore[arg-type]
        scope=Span("...", 0, 99),
    )
    return replace(figure, attribution=attribution)


def test_each_figure_keeps_its_source_resolved_to_an_actor() -> None:
    (killed,) = resolve_quantities([said_by(mention("killed", 11), "the monitor")], code_actors)
    assert killed.source == Attribution("the monitor", "GBR", "NGO", Span("the monitor", 100, 111), "say")
    assert killed.status == "asserted"
    (bare,) = resolve_quantities([said_by(mention("killed", 11), "the monitor")])
    assert bare.source is not None and (bare.source.text, bare.source.country) == ("the monitor", None)


def test_a_figure_without_a_source_is_the_article_s_own_assertion() -> None:
    (killed,) = resolve_quantities([mention("killed", 4)], code_actors)
    assert (killed.source, killed.status) == (None, "asserted")


def test_an_armed_party_s_figure_is_its_claim() -> None:
    army, rebels = resolve_quantities(
        [
            said_by(mention("killed", 0), "the army"),
            said_by(mention("killed", 25), "the rebels", "claimed", "claim"),
        ],
        code_actors,
    )
    assert (army.status, rebels.status) == ("claimed", "claimed")


def test_two_sources_disagreeing_both_stay_and_the_estimate_spans_them() -> None:
    quantities = resolve_quantities(
        [said_by(mention("killed", 11), "the monitor"), said_by(mention("killed", 6, at=60), "the army")],
        code_actors,
    )
    fatalities, _ = summarize_casualties(quantities)
    assert fatalities == Estimate(low=6, best=6, high=11)
    assert fatalities is not None
    assert [(q.value, q.source.text if q.source else None) for q in fatalities.reports] == [
        (11, "the monitor"),
        (6, "the army"),
    ]


def test_the_same_figure_from_two_sources_is_one_figure_twice_vouched_for() -> None:
    quantities = resolve_quantities(
        [said_by(mention("killed", 5), "the monitor"), said_by(mention("killed", 5, at=60), "the army")],
        code_actors,
    )
    assert [q.source.text for q in quantities if q.source] == ["the monitor", "the army"]
    assert summarize_casualties(quantities)[0] == Estimate(5, 5, 5)


def test_a_denied_figure_stays_on_the_event_but_no_estimate_draws_on_it() -> None:
    (denied,) = resolve_quantities(
        [said_by(mention("killed", 30), "the army", "denied", "deny")], code_actors
    )
    assert denied.status == "denied"
    assert summarize_casualties([denied]) == (None, None)
