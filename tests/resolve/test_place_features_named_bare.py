"""One name, one place in a story: a natural feature the gazetteer lacks, named once with its
feature word ("the Son river"), is that feature when it comes again bare ("on the Son"), not a
namesake town abroad; a country's or a province's reading of the bare name stays, and so does a
town the text places ("Son, Netherlands") (stop 37)."""

from __future__ import annotations

from dataclasses import replace

from builders import make_entry, mention_at

from eventwire.resolve.gazetteer import InMemoryGazetteer
from eventwire.resolve.places import resolve_places

GAZETTEER = InMemoryGazetteer(
    [
        make_entry(1269750, "India", 22.0, 79.0, "IND", "PCLI", 1_300_000_000),
        make_entry(1278483, "Aurangabad", 24.75, 84.37, "IND", "PPL", 100_000, "Bihar"),
        make_entry(1275715, "Bihar", 25.5, 85.5, "IND", "ADM1", 100_000_000, "Bihar"),
        make_entry(2038632, "Son", 41.12, 122.99, "CHN", "PPL", 1_450_000, "Liaoning"),
        make_entry(2747000, "Son", 51.51, 5.49, "NLD", "PPL", 4_930, "North Brabant"),
        make_entry(248816, "Jordan", 31.0, 36.0, "JOR", "PCLI", 10_000_000),
        make_entry(2750405, "Netherlands", 52.5, 5.75, "NLD", "PCLI", 17_000_000),
    ]
)


def _story(text: str, names: list[tuple[str, int, str | None]]):
    mentions = [replace(mention_at(text, name, nth=nth), feature_hint=hint) for name, nth, hint in names]
    return resolve_places(mentions, GAZETTEER)


def test_a_river_named_with_its_word_keeps_its_sense_when_named_bare() -> None:
    text = ("The clash broke out on the Son river near Aurangabad in Bihar. "
            "Sand is money on the Son now, a police officer in Aurangabad said.")
    places = _story(text, [("Son", 0, "river"), ("Aurangabad", 0, None), ("Bihar", 0, None),
                           ("Son", 1, None), ("Aurangabad", 1, None)])
    bare = places[3]
    assert bare.country != "CHN" and bare.name != "Son"
    # like the first mention, the bare one is drawn where the story is set
    assert (bare.lat, bare.lon) == (places[0].lat, places[0].lon)


def test_the_bare_name_stays_a_town_when_no_mention_calls_it_a_feature() -> None:
    text = "Traders from Son and Aurangabad met in Bihar."
    places = _story(text, [("Son", 0, None), ("Aurangabad", 0, None), ("Bihar", 0, None)])
    assert places[0].name == "Son"


def test_a_country_reading_of_the_bare_name_stays() -> None:
    text = "Pilgrims waded into the Jordan river at dawn. Jordan has opened the site to visitors."
    places = _story(text, [("Jordan", 0, "river"), ("Jordan", 1, None)])
    assert places[1].country == "JOR"


def test_a_town_the_text_places_keeps_its_reading() -> None:
    text = "Floods rose on the Son river in Bihar. Officials from Son, Netherlands, sent pumps to Gaya."
    son = replace(mention_at(text, "Son", nth=1), qualifier="Netherlands")
    river = replace(mention_at(text, "Son"), feature_hint="river")
    places = resolve_places([river, mention_at(text, "Bihar"), son], GAZETTEER)
    assert (places[2].name, places[2].country) == ("Son", "NLD")
