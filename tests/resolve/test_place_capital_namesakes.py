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


WORLD = InMemoryGazetteer(
    [
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(6251999, "Canada", 60.10867, -113.64258, "CAN", "PCLI", 38_000_000),
        make_entry(6167865, "Toronto", 43.71, -79.40, "CAN", "PPLA", 2_794_356, "Ontario"),
        make_entry(5174095, "Toronto", 40.46, -80.60, "USA", "PPL", 4_882, "Ohio"),
        make_entry(4142224, "Delaware", 39.0, -75.5, "USA", "ADM1", 0, "Delaware"),
        make_entry(3932488, "Peru", -10.0, -75.25, "PER", "PCLI", 33_000_000),
        make_entry(3938527, "Ica", -14.07, -75.73, "PER", "PPLA", 282_407, "Ica"),
        make_entry(3932145, "Pisco", -13.71, -76.20, "PER", "PPL", 53_000, "Ica"),
    ]
)


def test_a_world_citys_small_namesake_needs_its_own_province_named() -> None:
    text = "The Delaware company agreed to buy a rival in Toronto."
    places = resolve_places([mention_at(text, "Delaware"), mention_at(text, "Toronto")], WORLD)
    assert places[1].country == "CAN"


def test_in_an_all_capitals_wire_a_short_word_is_a_name_not_initials() -> None:
    text = "TROOPS LEFT AREQUIPA AND ARRIVED IN ICA, NEAR PISCO, PERU, TODAY."
    names = ["AREQUIPA", "ICA", "PISCO", "PERU"]
    places = resolve_places([mention_at(text, n) for n in names], WORLD)
    assert places[1].name == "Ica"
    # in mixed case the same letters are initials, and no town bears them as its own name
    text = "The ICA said prices in Pisco, Peru rose."
    places = resolve_places([mention_at(text, n) for n in ["ICA", "Pisco", "Peru"]], WORLD)
    assert places[0].name != "Ica"
