"""Builders of the incident tests (``from incidents.incident_reports import ...``): reports of
strikes, stored in a real store file."""

from __future__ import annotations

from collections.abc import Sequence

from builders import make_event, make_place

from eventwire.records import (
    Actor,
    Article,
    Attribution,
    Event,
    ExtractionResult,
    Place,
    Quantity,
    ResolvedDate,
    Span,
)
from eventwire.store import Store

ALEPPO = make_place("Aleppo", geonameid=170063, lat=36.20, lon=37.16, country="SYR", admin1="Aleppo")
IDLIB = make_place("Idlib", geonameid=169388, lat=35.93, lon=36.63, country="SYR", admin1="Idlib")
HMEYMIM = make_place("Hmeymim", geonameid=7730640, lat=35.41, lon=35.95, country="SYR", admin1="Latakia")
KABUL = make_place("Kabul", geonameid=1138958, lat=34.53, lon=69.17, country="AFG", admin1="Kabul")
JALALABAD = make_place(
    "Jalalabad", geonameid=1138336, lat=34.43, lon=70.45, country="AFG", admin1="Nangarhar"
)


def strike(
    event_id: str,
    article_id: str,
    *,
    day: str | None = "2024-03-01",
    precision: str = "day",
    place: Place | None = ALEPPO,
    killed: int | None = None,
    source: str | None = None,
    type_: str = "ASSAULT",
    mode: str | None = "aerial",
    status: str = "asserted",
    figure_status: str = "asserted",
    sentence: str = "Russian warplanes struck a market in Aleppo, killing civilians.",
    basis: str = "text",
) -> Event:
    """An event of one report; `killed` adds a death toll that `source` vouches for."""
    quantities = []
    if killed is not None:
        attribution = Attribution(source, None, "NGO") if source else None
        quantities.append(
            Quantity("killed", killed, None, None, f"{killed} killed", None, attribution, figure_status)
        )
    return make_event(
        type_,
        id=event_id,
        article_id=article_id,
        mode=mode,
        date=ResolvedDate(day, precision, day or "", basis=basis),  # type: ignore[arg-type]
        location=place,
        quantities=quantities,
        source_actors=[Actor("Russian warplanes", "RUS", "MIL")],
        target_actors=[Actor("civilians", "SYR", "CVL")],
        attributed_to=[Attribution(source, None, "NGO")] if source else [],
        status=status,
        evidence=Span(sentence, 0, len(sentence)),
    )


def store_report(
    store: Store, article_id: str, outlet: str, events: Sequence[Event], published: str = "2024-03-02"
) -> None:
    text = " ".join(event.evidence.text for event in events) or "nothing"
    article = Article(id=article_id, text=text, title=article_id, published=published, source=outlet)
    run_id = store.start_run("test", extractor="eventwire-test", data_fingerprint="fp")
    store.save_result(ExtractionResult(article, list(events), []), run_id)
    store.commit()


def memberships(store: Store) -> set[frozenset[str]]:
    return {frozenset(incident.event_ids) for incident in store.iter_incidents()}
