"""Hand-built (Article, Event) rows for the export tests: a worked example from Syria.

`article` is the report; `strike(**fields)` builds its event, a Russian air strike on civilians
whose toll two sources dispute, with any field overridden; `event(type, **fields)` any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from builders import make_event, make_place

from eventwire.records import Actor, Article, Attribution, Estimate, Quantity, ResolvedDate, Span

TEXT = (
    "Russian warplanes struck a market in Maarat al-Numan on Friday, killing three civilians.\n\n"
    "The Syrian Observatory for Human Rights said three people died; the civil defence said five."
)
ARTICLE = Article(
    id="a-1",
    text=TEXT,
    title="Strike on market",
    published="2024-11-23",
    url="https://www.example-news.org/syria/strike",
    source="feed.jsonl:1",
)
OBSERVATORY = Attribution("Syrian Observatory for Human Rights", None, "NGO")
CIVIL_DEFENCE = Attribution("the civil defence", "SYR", "CVL")


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(words, start, start + len(words))


def killed(value: int, source: Attribution | None) -> Quantity:
    return Quantity("killed", value, value, value, f"{value} killed", source=source)


def market_place(name: str = "Maarat al-Numan", **fields: Any) -> Any:
    values: dict[str, Any] = {
        "geonameid": 169389,
        "lat": 35.6478,
        "lon": 36.6717,
        "country": "SYR",
        "admin1": "Idlib",
        "precision": 1,
        "feature_code": "PPL",
    }
    values.update(fields)
    return make_place(name, **values)


def air_strike(**fields: Any) -> Any:
    """The worked example: a Russian air strike on civilians, two sources disputing the toll."""
    start = TEXT.index("Russian warplanes")
    trigger = TEXT.index("struck")
    values: dict[str, Any] = {
        "id": "e-strike",
        "article_id": "a-1",
        "mode": "aerial",
        "cameo": "195",
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Air/drone strike",
        "source_actors": [Actor("Russian warplanes", "RUS", "MIL", _span("Russian warplanes"))],
        "target_actors": [Actor("civilians", "SYR", "CVL", _span("civilians"))],
        "date": ResolvedDate("2024-11-22", "day", "Friday"),
        "location": market_place(),
        "quantities": [killed(3, OBSERVATORY), killed(5, CIVIL_DEFENCE)],
        "fatalities": Estimate(3, 3, 5, reports=[killed(3, OBSERVATORY), killed(5, CIVIL_DEFENCE)]),
        "injuries": None,
        "evidence": Span(TEXT[start : TEXT.index("\n")], start, TEXT.index("\n")),
        "trigger": Span("struck", trigger, trigger + 6),
        "confidence": 0.8,
        "mentions": [Span(TEXT[: TEXT.index("\n")], 0, TEXT.index("\n")), _span("three people died")],
    }
    values.update(fields)
    return make_event("ASSAULT", **values)


@pytest.fixture
def article() -> Article:
    return ARTICLE


@pytest.fixture
def strike() -> Callable[..., Any]:
    return air_strike


@pytest.fixture
def event() -> Callable[..., Any]:
    return make_event


@pytest.fixture
def place() -> Callable[..., Any]:
    return market_place


@pytest.fixture
def toll() -> Callable[..., Estimate]:
    """`toll(3, 5)`: the observatory reports the first figure, the civil defence the second."""

    def build(first: int, second: int) -> Estimate:
        reports = [killed(first, OBSERVATORY), killed(second, CIVIL_DEFENCE)]
        return Estimate(min(first, second), min(first, second), max(first, second), reports=reports)

    return build
