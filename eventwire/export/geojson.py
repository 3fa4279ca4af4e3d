"""GeoJSON export (RFC 7946): one FeatureCollection, a Feature per event.

Each feature's ``properties`` are the event's flat columns (`columns.FLAT_COLUMNS`, the same
cells as the CSV export) and its ``id`` the event id. The geometry is a Point at [longitude,
latitude]; an event with no resolved coordinates keeps its feature with a null geometry (RFC
7946 3.2 allows it), so the count matches the other exports. Features are written one a line
as they come, so the collection streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventwire.export.columns import flat_row
from eventwire.export.exporter import Row, text_stream
from eventwire.records import Article, Event

__all__ = ["geojson_feature", "write_geojson"]


def write_geojson(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    count = 0
    with text_stream(stream) as text:
        text.write('{"type": "FeatureCollection", "features": [\n')
        for article, event in rows:
            if count:
                text.write(",\n")
            text.write(json.dumps(geojson_feature(article, event), ensure_ascii=False))
            count += 1
        text.write("\n]}\n")
    return count


def geojson_feature(article: Article, event: Event) -> dict[str, Any]:
    """The Feature of one event."""
    place = event.location
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": flat_row(article, event)}
