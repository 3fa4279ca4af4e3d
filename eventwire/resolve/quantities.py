"""Quantity mentions -> an event's quantities, each with its source, and its fatalities and
injuries as estimates.

The figures given to one event are reports of the same thing: two sources, or one source
updating itself. They are never added up (victims listed together in one phrase were already
added by the extractor). Following ACLED, the best figure is the most conservative one reported;
following UCDP, low and high span what the reports allow:

- low:  the least lower bound ("at least 25" gives 25; "up to 40" gives none);
- best: the least reported value;
- high: the greatest upper bound ("between 10 and 15" gives 15; "at least 25" gives none).

An explicit zero ("no casualties") is a figure like any other: alone it gives (0, 0, 0). A
figure its source denies ("denied killing 30 civilians") is kept on the event, marked, but no
estimate draws on it. Each estimate keeps the figures it drew on in `reports`, so that two
sources that disagree both stay visible with their sources.

**Status of a figure.** It follows the reporting cue ("claimed" -> claimed, "denied" -> denied,
"said", "according to" -> asserted), with one exception: a figure that an armed party gives
(a source coded as military or rebel, e.g. "the army said", "the ministry of defence said")
is that party's claim, as Airwars and ACLED treat belligerents' statements about a fight they
are in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.records import (
    Actor,
    ActorMention,
    Attribution,
    AttributionMention,
    Estimate,
    Quantity,
    QuantityMention,
    Status,
)
from eventwire.text.numbers import count_bounds

__all__ = ["resolve_quantities", "summarize_casualties"]

#: Sectors of a party to the fighting: what such a source says of it is a claim.
_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF"})
#: Statuses under which a figure is not evidence for an estimate.
_NOT_REPORTED = frozenset({"denied", "hypothetical"})

ActorCoder = Callable[[Sequence[ActorMention]], list[Actor]]


def resolve_quantities(
    mentions: Sequence[QuantityMention], code_actors: ActorCoder | None = None
) -> list[Quantity]:
    """One quantity per distinct figure and source, in the order first mentioned.

    The same figure for the same thing from the same source reported twice ("13 drones" in the
    lead and again in a quote) is kept once, with the evidence of its first mention; different
    figures all stay, because each is evidence the estimate draws on. `code_actors` resolves a
    figure's source to a country and sector; without it sources keep only their text.
    """
    seen: set[tuple[str, int | None, int | None, int | None, str | None]] = set()
    quantities: list[Quantity] = []
    for mention in mentions:
        source = _source(mention.attribution, mention.sentence, code_actors)
        key = (mention.what, mention.value, mention.low, mention.high, source.text if source else None)
        if key in seen:
            continue
        seen.add(key)
        quantities.append(
            Quantity(
                what=mention.what,
                value=mention.value,
                low=mention.low,
                high=mention.high,
                text=mention.span.text,
                span=mention.span,
                source=source,
                status=_status(mention.attribution, source),
            )
        )
    return quantities


def _source(
    attribution: AttributionMention | None, sentence: int, code_actors: ActorCoder | None
) -> Attribution | None:
    if attribution is None:
        return None
    phrase = attribution.source
    country = sector = None
    if code_actors is not None:
        (coded,) = code_actors([ActorMention(phrase, sentence, phrase.text)])
        country, sector = coded.country, coded.sector
    return Attribution(phrase.text, country, sector, phrase, attribution.cue)


def _status(attribution: AttributionMention | None, source: Attribution | None) -> Status:
    if attribution is None:
        return "asserted"
    if attribution.status == "asserted" and source is not None and source.sector in _ARMED_SECTORS:
        return "claimed"
    return attribution.status


def summarize_casualties(quantities: Sequence[Quantity]) -> tuple[Estimate | None, Estimate | None]:
    """(fatalities, injuries) across the figures for `killed` and `wounded`; None without any.

    A non-zero `casualties` figure is not used: it does not say how many of them died.
    """
    return _estimate(quantities, "killed"), _estimate(quantities, "wounded")


def _estimate(quantities: Sequence[Quantity], what: str) -> Estimate | None:
    figures = [q for q in quantities if q.what == what and q.status not in _NOT_REPORTED]
    if not figures:
        return None
    bounds = [count_bounds(q.value, q.low, q.high) for q in figures]
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds if high is not None]
    values = [q.value for q in figures if q.value is not None]
    return Estimate(
        low=min(lows) if lows else None,
        best=min(values) if values else None,
        high=max(highs) if highs else None,
        reports=tuple(figures),
    )
