"""PLOVER export: one PLOVER 2.0 JSON record a line (JSON Lines), UTF-8.

Fields follow the PLOVER manual's record ("DRAFT Version 2.0", see
/work/shared/reference/formats.md 5d): ``id``, ``date`` (YYYY-MM-DD), ``actor`` and
``recipient`` (lists of entity objects: ``code``, ``sector``, ``entity_text``), ``event`` and
``mode`` (lists), ``quad_code`` (``data/plover_quad.tsv``), ``event_loc`` (a location object
with ``resolution`` 5 sub-city ... 1 country), ``event_text`` (the trigger), ``text`` (the
evidence), ``dead``/``injured`` (the conservative figures, as the PLOVER gold records give
them), ``link``, ``cite_info`` and ``coder``. A field with no value is left out rather than
written as null; a date known only to the month or year is written as far as it is known.
Status other than asserted goes in ``comment`` ("claimed by ..."), as PLOVER has no field for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from eventwire.data import read_table
from eventwire.export.columns import CountryCodes, cameo_code, country_codes, one_line, publisher
from eventwire.export.exporter import Row, text_stream
from eventwire.records import Actor, Article, Event, Place

__all__ = ["plover_quads", "plover_record", "plover_resolution", "write_plover"]


def plover_quads() -> Mapping[str, int]:
    """The quad of each PLOVER event type; each export reads it once, when it starts."""
    return {row["type"]: int(row["quad"]) for row in read_table("plover_quad.tsv")}


def write_plover(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    quads, countries = plover_quads(), country_codes()
    count = 0
    with text_stream(stream) as text:
        for article, event in rows:
            record = plover_record(article, event, quads, countries)
            text.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def plover_record(
    article: Article, event: Event, quads: Mapping[str, int], countries: Mapping[str, CountryCodes]
) -> dict[str, Any]:
    """The PLOVER record of one event."""
    record: dict[str, Any] = {
        "id": event.id,
        "has_event": True,
        "date": event.date.value or article.published,
        "actor": [_entity(actor) for actor in event.source_actors],
        "recipient": [_entity(actor) for actor in event.target_actors],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [],
        "quad_code": quads.get(event.type),
        "event_loc": _location(event.location, countries) if event.location else None,
        "event_text": event.trigger.text if event.trigger else None,
        "text": event.evidence.text,
        "dead": event.fatalities.best if event.fatalities else None,
        "injured": event.injuries.best if event.injuries else None,
        "link": event.link,
        "cite_info": _cite(article),
        "coder": event.extractor,
        "comment": _comment(event),
        "cameo": cameo_code(event),  # not a PLOVER field: kept for users mapping back to CAMEO
    }
    return {key: value for key, value in record.items() if value is not None and value != {}}


def _entity(actor: Actor) -> dict[str, Any]:
    country = "IMG" if actor.transnational else actor.country
    entity = {
        "code": f"{country or ''}{actor.sector or ''}" or None,
        "sector": actor.sector,
        "entity_text": one_line(actor.text),
        "country_code": actor.country,
    }
    return {key: value for key, value in entity.items() if value}


def plover_resolution(place: Place) -> int:
    """PLOVER's location resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country."""
    code = place.feature_code or ""
    if code.startswith("PCL"):
        return 1
    if code.startswith("ADM1") or code == "RGN":
        return 2
    if code.startswith("ADM"):
        return 3
    if code.startswith("PPL"):
        return 4
    if code:
        return 5 if place.precision == 1 else 4  # a site (base, airport, crossing) is sub-city
    return 4 if place.precision < 3 else 2


def _location(place: Place, countries: Mapping[str, CountryCodes]) -> dict[str, Any]:
    codes = countries.get(place.country or "")
    location = {
        "extracted_place": place.text,
        "resolved_place": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "province": place.admin1,
        "country": codes.name if codes else None,
        "country_code": place.country,
        "feature_code": place.feature_code,
        "resolution": plover_resolution(place),
    }
    return {key: value for key, value in location.items() if value is not None}


def _cite(article: Article) -> dict[str, Any]:
    cite = {
        "url": article.url,
        "title": article.title,
        "publication": publisher(article),
        "citation": article.id,
    }
    return {key: value for key, value in cite.items() if value}


def _comment(event: Event) -> str | None:
    if event.status == "asserted":
        return None
    sources = "; ".join(one_line(a.text) for a in event.attributed_to)
    if event.status == "claimed":
        return f"claimed by {sources}" if sources else "claimed"
    if event.status == "denied":
        return f"denied by {sources}" if sources else "denied"
    return event.status
