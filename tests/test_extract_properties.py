"""Properties of extraction over arbitrary Unicode text: it never raises nor fails, every span indexes
the text as given, and a second run gives the same output."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import ExtractionResult, Failure, Span, to_dict

# Words that make the extractors fire, so the arbitrary text around them reaches every stage.
NEWS_WORDS = [
    "Drones",
    "attacked",
    "the",
    "Hmeymim",
    "air base",
    "in",
    "Latakia",
    "province",
    "on",
    "Saturday",
    "killing",
    "two",
    "soldiers",
    ",",
    ".",
    "the ministry said",
    "according to",
    "rebels",
    "shelled",
    "Aleppo",
    "3",
    "dozens",
    "wounded",
    "\n",
]
INVISIBLE = [
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u2066",
    "\u2069",
    "\u202e",
    "\r\n",
    "\x00",
    "\x97",
    "e\u0301",
    "\t",
    "\u2028",
]

texts = st.lists(
    st.one_of(
        st.sampled_from(NEWS_WORDS),
        st.sampled_from(INVISIBLE),
        st.text(max_size=12),
        st.just(" "),
    ),
    max_size=40,
).map("".join)


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - eventwire.Pipeline, the real resources
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


def _spans(value: Any) -> list[Span]:
    if isinstance(value, Span):
        return [value]
    if isinstance(value, list | tuple):
        return [span for item in value for span in _spans(item)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [span for f in dataclasses.fields(value) for span in _spans(getattr(value, f.name))]
    return []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_extract_never_raises_and_every_span_indexes_the_text(pipeline, text: str) -> None:
    from eventwire.records import Article

    article = Article(id="a-prop", text=text, published="2024-03-15")
    (first,) = pipeline.extract([article])
    assert not isinstance(first, Failure), f"{first.error}: {first.message}"
    assert isinstance(first, ExtractionResult)
    assert first.article is article
    for span in _spans(first):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    (second,) = pipeline.extract([article])
    assert to_dict(second) == to_dict(first)
