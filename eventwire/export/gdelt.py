"""GDELT 2.0 exports: the Events table (61 columns) and the Mentions table (16 columns).

Both are written as GDELT publishes them: tab-delimited UTF-8, one record a line, **no header
row** and no quoting, so the readers people already use for GDELT files (gdeltPyR, BigQuery
loads, ``pandas.read_csv(sep="\\t", header=None, names=...)``) read them unchanged; the column
names are `GDELT_EVENT_COLUMNS` and `GDELT_MENTION_COLUMNS`. Tabs and line breaks inside a text
cell become spaces, so no value can shift a column.

Events, one row per event:

- ``GLOBALEVENTID``: a stable 60-bit integer from the event id (GDELT's ids are integers); the
  Mentions rows of an event carry the same number.
- dates from `columns.event_day` (SQLDATE, MonthYear, Year, FractionDate = year + day of year /
  365); ``DATEADDED`` is the export time, UTC.
- actors: ``ActorNCode`` is CAMEO's country code (ISO3, or IMG for a transnational armed group)
  followed by the role: PLOVER's sectors are CAMEO's role codes. Only the first actor of each
  side fits GDELT's two actor slots.
- ``EventCode``/``EventBaseCode``/``EventRootCode`` are the CAMEO code and its 3- and 2-digit
  prefixes, as text; ``QuadClass`` by root (``data/cameo_quad.tsv``); ``GoldsteinScale`` by code
  (``data/cameo_goldstein.tsv``, falling back from the full code to its base and root).
- ``IsRootEvent`` is 1 when the event's evidence starts in the lead paragraph.
- ``NumMentions`` counts the passages reporting the event; ``NumSources`` and ``NumArticles`` are
  1 (one article per row at unit "event"). ``AvgTone`` is left empty: eventwire measures no tone.
- ``ActionGeo_*`` from the event's place: Type 1 country, 2 US state, 3 US city, 4 world city,
  5 world state (first-order division or region); CountryCode is FIPS 10-4; FeatureID is the
  GeoNames id. ADM1/ADM2 codes and the actor geographies are left empty (not known).

Mentions, one row per passage reporting an event (``Event.mentions``, else its evidence):
offsets are character offsets into the article text, -1 when not known; ``Confidence`` is the
event's confidence as a percentage; ``MentionType`` 1 (web document).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from eventwire.data import read_table
from eventwire.export.columns import CountryCodes, cameo_code, country_codes, event_day, one_line, publisher
from eventwire.export.exporter import Row, text_stream
from eventwire.records import Actor, Article, Event, Place

__all__ = [
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "CameoScales",
    "cameo_scales",
    "gdelt_event_row",
    "gdelt_mention_rows",
    "geo_type",
    "global_event_id",
    "write_gdelt_events",
    "write_gdelt_mentions",
]

GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

_WEB_DOCUMENT = 1
_TRANSNATIONAL = "IMG"  # CAMEO's code for an international militarised group
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+|\n+")
_FIELD_BREAKS = re.compile(r"[\t\r\n]+")


@dataclass(frozen=True, slots=True)
class CameoScales:
    """CAMEO's QuadClass by root code and Goldstein scores by code."""

    quad_classes: Mapping[str, int]
    goldstein: Mapping[str, float]

    @classmethod
    def load(cls) -> CameoScales:
        quads = {row["root"]: int(row["quad_class"]) for row in read_table("cameo_quad.tsv")}
        scores = {row["cameo"]: float(row["goldstein"]) for row in read_table("cameo_goldstein.tsv")}
        return cls(quad_classes=quads, goldstein=scores)

    def quad_class(self, code: str) -> int | None:
        return self.quad_classes.get(code[:2])

    def goldstein_scale(self, code: str) -> float | None:
        for prefix in (code, code[:3], code[:2]):
            if prefix in self.goldstein:
                return self.goldstein[prefix]
        return None


def cameo_scales() -> CameoScales:
    """The bundled CAMEO tables; each export reads them once, when it starts."""
    return CameoScales.load()


def global_event_id(event: Event) -> int:
    """GDELT's integer event id for an eventwire event: stable, below 2**60."""
    return int(hashlib.sha1(event.id.encode("utf-8")).hexdigest()[:15], 16)


def write_gdelt_events(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    scales, countries = cameo_scales(), country_codes()
    added = dt.datetime.fromtimestamp(time.time(), dt.UTC).strftime("%Y%m%d%H%M%S")
    count = 0
    with text_stream(stream) as text:
        for article, event in rows:
            row = gdelt_event_row(article, event, scales, countries, added)
            text.write(_tsv_line(row[name] for name in GDELT_EVENT_COLUMNS))
            count += 1
    return count


def write_gdelt_mentions(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    count = 0
    with text_stream(stream) as text:
        for article, event in rows:
            for row in gdelt_mention_rows(article, event):
                text.write(_tsv_line(row[name] for name in GDELT_MENTION_COLUMNS))
                count += 1
    return count


def _tsv_line(cells: Iterable[Any]) -> str:
    return "\t".join("" if cell is None else _FIELD_BREAKS.sub(" ", str(cell)) for cell in cells) + "\n"


def gdelt_event_row(
    article: Article,
    event: Event,
    scales: CameoScales,
    countries: Mapping[str, CountryCodes],
    date_added: str,
) -> dict[str, Any]:
    """The 61 GDELT cells of one event (None for an empty cell)."""
    day, _ = event_day(article, event)
    code = cameo_code(event)
    row: dict[str, Any] = dict.fromkeys(GDELT_EVENT_COLUMNS)
    row.update(
        GLOBALEVENTID=global_event_id(event),
        SQLDATE=f"{day:%Y%m%d}" if day else None,
        MonthYear=f"{day:%Y%m}" if day else None,
        Year=day.year if day else None,
        FractionDate=f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else None,
        IsRootEvent=int(event.evidence.start < _lead_end(article.text)),
        EventCode=code,
        EventBaseCode=code[:3] if code else None,
        EventRootCode=code[:2] if code else None,
        QuadClass=scales.quad_class(code) if code else None,
        GoldsteinScale=scales.goldstein_scale(code) if code else None,
        NumMentions=max(len(event.mentions), 1),
        NumSources=1,
        NumArticles=1,
        DATEADDED=date_added,
        SOURCEURL=article.url or article.source,
    )
    for number, actors in ((1, event.source_actors), (2, event.target_actors)):
        if actors:
            row.update(_actor_cells(number, actors[0]))
    if event.location is not None:
        row.update(_action_geo(event.location, countries))
    return row


def _actor_cells(number: int, actor: Actor) -> dict[str, Any]:
    country = _TRANSNATIONAL if actor.transnational else actor.country
    code = f"{country or ''}{actor.sector or ''}" or None
    return {
        f"Actor{number}Code": code,
        f"Actor{number}Name": one_line(actor.text).upper() or None,  # GDELT writes names in capitals
        f"Actor{number}CountryCode": country,
        f"Actor{number}Type1Code": actor.sector,
    }


def _lead_end(text: str) -> int:
    """Where the lead paragraph ends: the first blank line, else the first line break."""
    for separator in ("\n\n", "\n"):
        found = text.find(separator)
        if found > 0:
            return found
    return len(text)


def geo_type(place: Place) -> int:
    """GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    code = place.feature_code or ""
    if code.startswith("PCL"):
        return 1
    # A division or region is a "state"; without a feature code, ACLED precision 3 is one.
    region = code.startswith(("ADM", "RGN")) if code else place.precision >= 3
    us = place.country == "USA"
    if region:
        return 2 if us else 5
    return 3 if us else 4


def _action_geo(place: Place, countries: Mapping[str, CountryCodes]) -> dict[str, Any]:
    codes = countries.get(place.country or "")
    country_name = codes.name if codes else place.country
    kind = geo_type(place)
    parts = [place.name] if kind == 1 else [place.name, place.admin1, country_name]
    full_name = ", ".join(dict.fromkeys(one_line(p) for p in parts if p))
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": full_name or None,
        "ActionGeo_CountryCode": codes.fips if codes else None,
        "ActionGeo_Lat": place.lat,
        "ActionGeo_Long": place.lon,
        "ActionGeo_FeatureID": place.geonameid,
    }


def gdelt_mention_rows(article: Article, event: Event) -> list[dict[str, Any]]:
    """The Mentions rows of one event: one per passage that reports it."""
    day, _ = event_day(article, event)
    published = _parse_published(article.published)
    passages = list(event.mentions) or [event.evidence]
    action = event.trigger or event.evidence
    rows = []
    for passage in passages:
        main = passage.start <= action.start < max(passage.end, passage.start + 1)
        rows.append(
            {
                "GLOBALEVENTID": global_event_id(event),
                "EventTimeDate": f"{day:%Y%m%d}000000" if day else None,
                "MentionTimeDate": f"{published:%Y%m%d}000000" if published else None,
                "MentionType": _WEB_DOCUMENT,
                "MentionSourceName": publisher(article) or article.source,
                "MentionIdentifier": article.url or article.source or article.id,
                "SentenceID": sentence_number(article.text, passage.start),
                "Actor1CharOffset": _offset(event.source_actors) if main else -1,
                "Actor2CharOffset": _offset(event.target_actors) if main else -1,
                "ActionCharOffset": action.start if main else passage.start,
                "InRawText": 1,
                "Confidence": round(event.confidence * 100),
                "MentionDocLen": len(article.text),
                "MentionDocTone": None,
                "MentionDocTranslationInfo": None,
                "Extras": None,
            }
        )
    return rows


def _offset(actors: Sequence[Actor]) -> int:
    spans = [a.span for a in actors if a.span is not None]
    return spans[0].start if spans else -1


def sentence_number(text: str, offset: int) -> int:
    """The 1-based number of the sentence holding `offset` (sentence ends and line breaks)."""
    return 1 + sum(1 for _ in _SENTENCE_END.finditer(text, 0, max(offset, 0)))


def _parse_published(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
