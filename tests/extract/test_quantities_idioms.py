"""Tolls told by an idiom: the subject of "lost their lives" or "fell victim to" is counted killed."""

from __future__ import annotations

import pytest

from eventwire.data.quantity_words import QuantityWords
from eventwire.extract.quantities import extract_quantities

WORDS = QuantityWords.load()


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Seven people lost their lives in the blast.", [7]),
        ("At least 25 people have fallen victim to the shelling of the town.", [25]),
        ("Twelve civilians fell victim to an air strike on the market on Monday.", [12]),
        # not the idiom: a lost object, a victim named without a count
        ("Rebels lost three tanks in the fighting.", []),
        ("The victim was taken to hospital.", []),
    ],
)
def test_an_idiom_counts_its_subject_as_killed(nlp, text: str, killed: list[int]) -> None:  # noqa: ANN001
    figures = [m for m in extract_quantities(nlp(text), WORDS) if m.what == "killed"]
    assert [m.value for m in figures] == killed
