"""A year written before a count (a dateline run into the first sentence) is not part of it."""

from __future__ import annotations

import pytest

from eventwire.data.quantity_words import QuantityWords
from eventwire.extract.quantities import extract_quantities

WORDS = QuantityWords.load()


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Date of publication 14 August 2016 Scores of civilians were killed in the raids.", 20),
        ("9 Aug 2016 5 people were killed and 12 others wounded in the attack.", 5),
        ("Oct 2016 Thirty one militants have been killed in clashes.", 31),
        ("In 2014 1500 people were killed in the city.", 1500),
        ("About 2 million people were displaced and 3 thousand were killed.", 3000),
    ],
)
def test_a_year_before_a_count_stays_out_of_it(nlp, text: str, killed: int) -> None:  # noqa: ANN001
    figures = [m for m in extract_quantities(nlp(text), WORDS) if m.what == "killed"]
    assert [m.value for m in figures] == [killed]
