"""The `Place` record a mention resolves to: from a ranked choice, as its text read the name,
or unresolved."""

from __future__ import annotations

from dataclasses import replace

from eventwire.records import Place, PlaceMention
from eventwire.resolve.gazetteer import GazetteerEntry
from eventwire.resolve.places.evidence import _PRECISION_2, _PRECISION_3, _Choice, _Found
from eventwire.resolve.places.ranking import _split_hint


def _precision(entry: GazetteerEntry, kind: str | None, near: bool) -> int:
    if entry.feature_code in _PRECISION_3 or kind == "province":
        precision = 3  # a province named after its seat is drawn at the seat, but means all of it
    elif entry.feature_code in _PRECISION_2 or kind == "district":
        precision = 2
    else:
        precision = 1
    return max(precision, 2) if near else precision


def _place(mention: PlaceMention, choice: _Choice) -> Place:
    entry = choice.entry
    kind, near = _split_hint(mention.feature_hint)
    reason = choice.reason
    if kind == "province" and entry.feature_code != "ADM1" and entry.feature_class == "P":
        reason += "; province drawn at its namesake town"
    return Place(
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country or None,
        admin1=entry.admin1 or None,
        precision=_precision(entry, kind, near),
        text=mention.span.text,
        span=mention.span,
        feature_code=entry.feature_code,
        score=round(choice.share, 3),
        reason=reason,
    )


def _as_found(place: Place, found: _Found) -> Place:
    """The place as its mention's text reads it (see `_Found`)."""
    if found.how is None:
        return place
    return replace(
        place,
        reason=f"{found.how.replace('{name}', place.name)}; {place.reason}",
        precision=max(place.precision, 2) if found.part else place.precision,
        kind="demonym" if found.demonym else place.kind,
    )


def _unresolved(mention: PlaceMention, reason: str) -> Place:
    return Place(
        name=mention.span.text,
        geonameid=None,
        lat=None,
        lon=None,
        country=None,
        admin1=None,
        precision=3,
        text=mention.span.text,
        span=mention.span,
        feature_code=None,
        score=0.0,
        reason=reason,
    )
