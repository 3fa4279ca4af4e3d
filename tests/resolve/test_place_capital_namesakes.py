"""A country's capital against a small namesake in a province the article names (a hand-made
gazetteer): one town of that province named once does not bring the namesake forward."""

from __future__ import annotations

from builders import make_entry, mention_at

from eventwire.resolve.gazetteer import InMemoryGazetteer
from eventwire.resolve.places import resolve_places

GAZETTEER = InMemoryGazetteer(
    [
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(4140963, "Washington", 38.90, -77.04, "USA", "PPLC", 689_545, "District of Columbia"),
        make_entry(4954380, "Washington", 42.37, -73.12, "USA", "PPL", 538, "Massachusetts"),
        make_entry(4930956, "Boston", 42.36, -71.06, "USA", "PPLA", 667_137, "Massachusetts"),
        make_entry(4947459, "Pittsfield", 42.45, -73.25, "USA", "PPL", 43_927, "Massachusetts"),
        make_entry(4951305, "Springfield", 42.10, -72.59, "USA", "PPL", 153_606, "Massachusetts"),
    ]
)


def _resolved(text: str, *names: str) -> list[str | None]:
    mentions = [mention_at(text, name, nth=names[:i].count(name)) for i, name in enumerate(names)]
    return [p.admin1 for p in resolve_places(mentions, GAZETTEER)]


def test_the_capital_named_beside_one_town_of_its_namesakes_province_is_the_capital() -> None:
    text = "In Washington today, the agency released the tapes. The controller at Boston center called."
    assert _resolved(text, "Washington", "Boston") == ["District of Columbia", "Massachusetts"]


def test_a_story_set_among_the_towns_of_a_province_means_its_namesake() -> None:
    text = "Washington selectmen met in Pittsfield, near Springfield and Boston, to plan the road."
    assert _resolved(text, "Washington", "Pittsfield", "Springfield", "Boston")[0] == "Massachusetts"
