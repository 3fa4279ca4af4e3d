"""Record builders shared by the tests: a complete record with neutral defaults.

Test modules wrap these in builders named for what they vary; only the fields a test cares
about are spelled out there.
"""

from __future__ import annotations

import itertools
from typing import Any

from eventwire.records import Event, Place, PlaceMention, ResolvedDate, Span
from eventwire.resolve.gazetteer import GazetteerEntry

_EVENT_NUMBERS = itertools.count()


def make_event(type_: str = "ASSAULT", **fields: Any) -> Event:
    """An `Event` of `type_` with no actors, place, date or figures; `fields` override any field."""
    values: dict[str, Any] = {
        "id": f"e-{type_}-{next(_EVENT_NUMBERS)}",
        "type": type_,
        "mode": None,
        "cameo": "-",
        "acled_event_type": None,
        "acled_sub_event_type": None,
        "source_actors": [],
        "target_actors": [],
        "date": ResolvedDate(value=None, precision="unknown", text=""),
        "location": None,
        "quantities": [],
        "fatalities": None,
        "injuries": None,
        "attributed_to": [],
        "status": "asserted",
        "evidence": Span("x", 0, 1),
        "confidence": 0.5,
    }
    values.update(fields)
    return Event(**values)


def make_place(name: str = "Somewhere", **fields: Any) -> Place:
    """A resolved `Place` at (0, 0) with precision 1; `fields` override any field."""
    values: dict[str, Any] = {
        "name": name,
        "geonameid": 1,
        "lat": 0.0,
        "lon": 0.0,
        "country": None,
        "admin1": None,
        "precision": 1,
        "text": name,
    }
    values.update(fields)
    return Place(**values)


def make_entry(
    geonameid: int,
    name: str,
    lat: float,
    lon: float,
    country: str,
    code: str = "PPL",
    population: int = 0,
    admin1: str = "",
) -> GazetteerEntry:
    """A gazetteer entry whose GeoNames feature class follows from its feature `code`."""
    if code.startswith(("PCL", "ADM")):
        feature_class = "A"
    elif code.startswith("PPL"):
        feature_class = "P"
    elif code in {"CONT", "RGN"}:
        feature_class = "L"
    else:
        feature_class = "S"
    return GazetteerEntry(geonameid, name, lat, lon, country, admin1, feature_class, code, population)


def mention_at(
    text: str,
    name: str,
    label: str = "GPE",
    *,
    qualifier: str | None = None,
    kind: str = "toponym",
    nth: int = 0,
) -> PlaceMention:
    """The `PlaceMention` of the `nth` occurrence (from 0) of `name` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(Span(name, start, start + len(name)), 0, kind, label, None, qualifier)
