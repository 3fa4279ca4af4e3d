"""One name, one place in a story: a natural feature the gazetteer lacks, named once with its
feature word ("the Tana river"), is that feature when it comes again bare ("on the Tana"), not a
namesake town abroad; a country's or a province's reading of the bare name stays, and so does a
town the text places where it lies ("Tana, Norway") (stop 37)."""

from __future__ import annotations

from dataclasses import replace

from builders import make_entry, mention_at

from eventwire.resolve.gazetteer import InMemoryGazetteer
from eventwire.resolve.places import resolve_places

GAZETTEER = InMemoryGazetteer(
    [
        make_entry(192950, "Kenya", 1.0, 38.0, "KEN", "PCLI", 50_000_000),
        make_entry(197745, "Garissa", -0.45, 39.65, "KEN", "PPL", 160_000, "Garissa"),
        make_entry(3134400, "Tana", 70.2, 28.2, "NOR", "PPL", 2_800, "Finnmark"),
        make_entry(1070940, "Tana", -18.91, 47.54, "MDG", "PPL", 1_400_000, "Analamanga"),
        make_entry(3144096, "Norway", 62.0, 10.0, "NOR", "PCLI", 5_000_000),
        make_entry(248816, "Jordan", 31.0, 36.0, "JOR", "PCLI", 10_000_000),
    ]
)


def _story(text: str, names: list[tuple[str, int, str | None, str | None]]):
    mentions = [
        replace(mention_at(text, name, nth=nth), feature_hint=hint, qualifier=qualifier)
        for name, nth, hint, qualifier in names
    ]
    return resolve_places(mentions, GAZETTEER)


def test_a_river_named_with_its_word_keeps_its_sense_when_named_bare() -> None:
    text = ("Floods on the Tana river cut the roads near Garissa in Kenya. "
            "Herders on the Tana lost cattle, officials in Garissa said.")
    places = _story(text, [("Tana", 0, "river", None), ("Garissa", 0, None, None), ("Kenya", 0, None, None),
                           ("Tana", 1, None, None), ("Garissa", 1, None, None)])
    bare = places[3]
    assert bare.country not in {"NOR", "MDG"} and bare.name != "Tana"
    # like the first mention, the bare one is drawn where the story is set
    assert (bare.lat, bare.lon) == (places[0].lat, places[0].lon)


def test_the_bare_name_stays_a_town_when_no_mention_calls_it_a_feature() -> None:
    text = "Traders from Tana and Garissa met in Kenya."
    places = _story(text, [("Tana", 0, None, None), ("Garissa", 0, None, None), ("Kenya", 0, None, None)])
    assert places[0].name == "Tana"


def test_a_country_reading_of_the_bare_name_stays() -> None:
    text = "Pilgrims waded into the Jordan river at dawn. Jordan has opened the site to visitors."
    places = _story(text, [("Jordan", 0, "river", None), ("Jordan", 1, None, None)])
    assert places[1].country == "JOR"


def test_a_town_the_text_places_where_it_lies_keeps_its_reading() -> None:
    text = "Floods rose on the Tana river in Kenya. Officials from Tana, Norway, sent pumps."
    places = _story(text, [("Tana", 0, "river", None), ("Kenya", 0, None, None), ("Tana", 1, None, "Norway")])
    assert (places[2].name, places[2].country) == ("Tana", "NOR")
    # a qualifier that holds none of its readings places none of them
    text = "Floods rose on the Tana river in Kenya. Boats on the Tana, Kenya, were lost."
    places = _story(text, [("Tana", 0, "river", None), ("Kenya", 0, None, None), ("Tana", 1, None, "Kenya")])
    assert places[2].country not in {"NOR", "MDG"}
