"""Who vouches for each figure, on real parses (marked `model`): cues, scopes, two sources."""

from __future__ import annotations

import pytest

from eventwire.data.lexicon import EventLexicon
from eventwire.extract import extract_mentions
from eventwire.extract.attributions import extract_attributions
from eventwire.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def figures_by_source(nlp, lexicon: EventLexicon, text: str) -> list[tuple[str, int | None, str | None]]:  # noqa: ANN001
    mentions = extract_mentions(
        nlp(text),
        Article(id="t", text=text),
        lexicon,
        known_place=lambda _: False,
        is_demonym=lambda _: False,
    )
    return [
        (q.what, q.value, q.attribution.source.text if q.attribution else None)
        for event in mentions.events
        for q in event.quantities
    ]


def test_a_parenthetical_cue_vouches_for_the_clause_before_it(nlp, lexicon: EventLexicon) -> None:  # noqa: ANN001
    text = (
        "Security forces killed 12 protesters, the opposition said, while the government said two had died."
    )
    cues = {(a.source.text, a.scope_kind): a.scope.text for a in extract_attributions(nlp(text), lexicon)}
    assert cues[("opposition", "parataxis")] == "Security forces killed 12 protesters"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The insurgents claimed they had killed 40 soldiers, but the army said six soldiers were killed.",
            [("killed", 40, "insurgents"), ("killed", 6, "army")],
        ),
        (
            "Two children were killed and more than 30 people injured in an air raid, rescuers said.",
            [("killed", 2, "rescuers"), ("wounded", 31, "rescuers")],
        ),
        (
            # no one, no place, no date: the count of victims makes the bombardment an event
            "Dozens of civilians were killed in the bombardment, activists said.",
            [("killed", 12, "activists")],
        ),
        (
            "Four people were killed and nine wounded when a bomb exploded on a bus in the city centre.",
            [("killed", 4, None), ("wounded", 9, None)],
        ),
    ],
)
def test_each_figure_keeps_its_own_source(nlp, lexicon: EventLexicon, text: str, expected: list) -> None:  # noqa: ANN001
    assert sorted(figures_by_source(nlp, lexicon, text)) == sorted(expected)
