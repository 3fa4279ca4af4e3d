"""Date evaluation: strict, relaxed and value F1 on small documents whose answers we know.

`spacy.blank("en")` stands in for the model: without NER or a parse, `extract_dates` uses its
patterns alone and every clause has tense "unknown", so the system output is fixed.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from eventwire.eval.dates import evaluate_dates, format_date_report
from eventwire.eval.timeml import TimemlDocument, TimexGold

DCT = date(2024, 1, 12)  # a Friday


def gold(text: str, phrase: str, type_: str, value: str) -> TimexGold:
    start = text.index(phrase)
    return TimexGold(start, start + len(phrase), phrase, type_, value)


def documents() -> list[TimemlDocument]:
    first = (
        "Talks resumed on Friday. Prices rose in March 2024 & then fell in the fourth quarter. "
        "The strike lasted two weeks. Officials meet Monday."
    )
    second = "The vote came on Sunday night."
    return [
        TimemlDocument(
            "first",
            first,
            DCT,
            (
                gold(first, "Friday", "DATE", "2024-01-12"),  # exact span, right value
                gold(first, "in March 2024", "DATE", "2024-03"),  # overlap only, right value
                gold(first, "the fourth quarter", "DATE", "2023-Q4"),  # missed
                gold(first, "two weeks", "DURATION", "P2W"),  # missed (not a point)
                gold(first, "Monday", "DATE", "2024-01-15"),  # exact span, wrong value (past)
            ),
        ),
        # The system finds "Sunday" inside a TIME: counted in "all", left out of "date".
        TimemlDocument("second", second, DCT, (gold(second, "Sunday night", "TIME", "2024-01-07TNI"),)),
    ]


def test_scores_on_a_controlled_case() -> None:
    report = evaluate_dates(documents(), spacy.blank("en"))
    # date: 3 system timexes (Friday, March 2024, Monday), 4 gold DATEs.
    assert report["date"] == {
        "strict_f1": 0.5714,  # Friday, Monday: 2 * 2 / (3 + 4)
        "relaxed_f1": 0.8571,  # + March 2024: 2 * 3 / 7
        "value_f1": 0.5714,  # Friday, March 2024
        "n_gold": 4,
        "precision": 0.6667,
        "recall": 0.5,
    }
    # all: 4 system timexes (+ Sunday), 6 gold timexes.
    assert report["all"] == {
        "strict_f1": 0.4,
        "relaxed_f1": 0.8,
        "value_f1": 0.4,
        "n_gold": 6,
        "precision": 0.5,
        "recall": 0.3333,
    }


def test_a_range_is_scored_as_its_two_ends_as_timeml_has_them() -> None:
    text = "Fighting went on between 3 and 5 May."
    document = TimemlDocument(
        "range",
        text,
        DCT,
        (gold(text, "3", "DATE", "2024-05-03"), gold(text, "5 May", "DATE", "2024-05-05")),
    )
    report = evaluate_dates([document], spacy.blank("en"))
    assert report["date"]["strict_f1"] == 1.0
    assert report["date"]["value_f1"] == 1.0


def test_no_documents_give_zeros() -> None:
    report = evaluate_dates([], spacy.blank("en"))
    assert report["all"] == {
        "strict_f1": 0.0,
        "relaxed_f1": 0.0,
        "value_f1": 0.0,
        "n_gold": 0,
        "precision": 0.0,
        "recall": 0.0,
    }


def test_report_table() -> None:
    report = evaluate_dates(documents(), spacy.blank("en"))
    assert format_date_report(report).splitlines() == [
        "      strict_f1  relaxed_f1  value_f1  precision  recall  n_gold",
        "date     0.5714      0.8571    0.5714     0.6667  0.5000       4",
        "all      0.4000      0.8000    0.4000     0.5000  0.3333       6",
    ]


@pytest.mark.model
def test_with_the_real_pipeline(nlp) -> None:  # noqa: ANN001 - spaCy Language
    report = evaluate_dates(documents(), nlp)
    assert report["date"]["n_gold"] == 4
    # Friday and March 2024 need neither tense nor parse to come out right.
    assert report["date"]["value_f1"] >= 0.5
    assert report["all"]["n_gold"] == 6
