"""GeoJSON export (RFC 7946): one FeatureCollection, a Feature per event.

Each feature's ``properties`` are the event's flat columns (`columns.FLAT_COLUMNS`, the same
cells as the CSV export) and its ``id`` the event id. The geometry is a Point at [longitude,
latitude]; an event with no resolved coordinates keeps its feature with a null geometry (RFC
7946 3.2 allows it), so the count matches the other exports. Features are written one a line
as they come, so the collection streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from eventwire.export.columns import flat_row
from eventwire.export.exporter import Row, text_stream
from eventwire.records import Article, Event, Place

__all__ = ["geojson_feature", "point", "write_features", "write_geojson"]


def write_geojson(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    return write_features((geojson_feature(article, event) for article, event in rows), stream)


def write_features(features: Iterable[Mapping[str, Any]], stream: BinaryIO) -> int:
    """Write one FeatureCollection of `features`, a feature a line; the number written."""
    count = 0
    with text_stream(stream) as text:
        text.write('{"type": "FeatureCollection", "features": [\n')
        for feature in features:
            if count:
                text.write(",\n")
            text.write(json.dumps(feature, ensure_ascii=False))
            count += 1
        text.write("\n]}\n")
    return count


def point(place: Place | None) -> dict[str, Any] | None:
    """A Point geometry at the place, None (a null geometry) without coordinates."""
    if place is None or place.lat is None or place.lon is None:
        return None
    return {"type": "Point", "coordinates": [place.lon, place.lat]}


def geojson_feature(article: Article, event: Event) -> dict[str, Any]:
    """The Feature of one event."""
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": point(event.location),
        "properties": flat_row(article, event),
    }
