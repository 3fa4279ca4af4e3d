"""A city of millions against the province it lies in (New York), and the province a list of
provinces or a qualifier names (a hand-made gazetteer)."""

from __future__ import annotations

from dataclasses import replace

from builders import make_entry, mention_at

from eventwire.extract.place_qualifiers import with_qualifiers
from eventwire.resolve.gazetteer import InMemoryGazetteer
from eventwire.resolve.places import resolve_places

GAZETTEER = InMemoryGazetteer(
    [
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(5128638, "New York", 43.0, -75.5, "USA", "ADM1", 0, "New York"),
        make_entry(5128581, "New York City", 40.71, -74.01, "USA", "PPL", 8_804_190, "New York"),
        make_entry(5110302, "The Bronx", 40.85, -73.87, "USA", "PPL", 1_400_000, "New York"),
        make_entry(5101760, "New Jersey", 40.17, -74.5, "USA", "ADM1", 0, "New Jersey"),
        make_entry(4180439, "Atlanta", 33.75, -84.39, "USA", "PPLA", 498_000, "Georgia"),
        make_entry(4544379, "Oklahoma", 35.5, -97.5, "USA", "ADM1", 0, "Oklahoma"),
        make_entry(4544349, "Oklahoma City", 35.47, -97.52, "USA", "PPLA", 650_000, "Oklahoma"),
    ],
    names={5128581: ["New York"], 5110302: ["Bronx"], 4544349: ["Oklahoma"]},
)


def _resolved(text: str, *names: str) -> list[tuple[str, str | None]]:
    mentions = with_qualifiers(text, [mention_at(text, name) for name in names])
    return [(p.name, p.feature_code) for p in resolve_places(mentions, GAZETTEER)]


def test_a_bare_name_means_the_city_of_millions_not_the_province_it_lies_in() -> None:
    assert _resolved("We go back to New York, where the news goes on.", "New York") == [
        ("New York City", "PPL")
    ]
    # a city of half a million does not outrank its state
    assert _resolved("Storms hit Oklahoma overnight.", "Oklahoma") == [("Oklahoma", "ADM1")]


def test_the_province_hint_still_means_the_province() -> None:
    # the extractor reads "New York state" as the name with the hint "province"
    text = "Doctors in New York state were warned."
    mention = replace(mention_at(text, "New York"), feature_hint="province")
    assert [(p.name, p.feature_code) for p in resolve_places([mention], GAZETTEER)] == [("New York", "ADM1")]


def test_an_area_after_a_compass_word_is_the_province_not_the_city() -> None:
    mention = replace(mention_at("Helicopters flew over northern New York.", "New York"), feature_hint="area")
    assert [(p.name, p.feature_code) for p in resolve_places([mention], GAZETTEER)] == [("New York", "ADM1")]


def test_a_name_listed_with_provinces_is_the_province() -> None:
    assert _resolved("Concerts in New Jersey and New York opened the tour.", "New Jersey", "New York") == [
        ("New Jersey", "ADM1"), ("New York", "ADM1"),
    ]
    # listed with a city, it stays the city
    assert _resolved("Flights between New York and Atlanta resumed.", "New York", "Atlanta")[0] == (
        "New York City", "PPL",
    )


def test_a_qualifier_read_as_a_town_of_the_province_is_the_province() -> None:
    assert _resolved("She works in Bronx, New York.", "Bronx", "New York") == [
        ("The Bronx", "PPL"), ("New York", "ADM1"),
    ]


def test_a_name_listed_with_a_neighbours_province_is_the_province_across_the_border() -> None:
    # "Michigan and Ontario" is the Canadian province, not Ontario, California; "New York and
    # Savannah" keeps the Georgia port, though Ghana has a Savannah Region.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(5001836, "Michigan", 44.25, -85.5, "USA", "ADM1", 0, "Michigan"),
            make_entry(6093943, "Ontario", 49.25, -84.5, "CAN", "ADM1", 0, "Ontario"),
            make_entry(5379439, "Ontario", 34.06, -117.65, "USA", "PPL", 175_000, "California"),
            make_entry(5128638, "New York", 43.0, -75.5, "USA", "ADM1", 0, "New York"),
            make_entry(4221552, "Savannah", 32.08, -81.1, "USA", "PPL", 147_780, "Georgia"),
            make_entry(2294206, "Savannah", 9.18, -2.12, "GHA", "ADM1", 0, "Savannah"),
        ]
    )
    text = "Parts are shipped to carmakers in Michigan and Ontario."
    _, ontario = resolve_places([mention_at(text, "Michigan"), mention_at(text, "Ontario")], gazetteer)
    assert (ontario.country, ontario.feature_code) == ("CAN", "ADM1")
    text = "Trade between ports such as New York and Savannah grew."
    _, savannah = resolve_places([mention_at(text, "New York"), mention_at(text, "Savannah")], gazetteer)
    assert (savannah.country, savannah.feature_code) == ("USA", "PPL")


def test_a_name_listed_with_a_foreign_capital_is_the_capital_of_that_name() -> None:
    # "new routes from Madrid and Amsterdam" in a report from Colombia: Spain's capital, not
    # Madrid, Cundinamarca; alone in that report, the Colombian town keeps it.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(3686110, "Colombia", 4.0, -72.0, "COL", "PCLI", 49_000_000),
            make_entry(3674962, "Madrid", 4.73, -74.26, "COL", "PPL", 62_000, "Cundinamarca"),
            make_entry(3117735, "Madrid", 40.42, -3.7, "ESP", "PPLC", 3_255_944, "Madrid"),
            make_entry(2759794, "Amsterdam", 52.37, 4.89, "NLD", "PPLC", 741_636, "North Holland"),
            make_entry(3687238, "Cartagena", 10.4, -75.49, "COL", "PPL", 952_024, "Bolivar"),
            make_entry(3688689, "Bogota", 4.61, -74.08, "COL", "PPLC", 7_674_366, "Bogota"),
            make_entry(3672486, "Soacha", 4.58, -74.22, "COL", "PPL", 398_295, "Cundinamarca"),
        ]
    )
    text = "In Cartagena, Colombia, new routes from Madrid and Amsterdam land; Bogota and Soacha agreed."
    names = ["Cartagena", "Colombia", "Madrid", "Amsterdam", "Bogota", "Soacha"]
    places = resolve_places([mention_at(text, n) for n in names], gazetteer)
    assert (places[2].country, places[2].feature_code) == ("ESP", "PPLC")
    # A small capital does not take the name from a bigger town of the report's own province.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(5909050, "British Columbia", 54.0, -125.0, "CAN", "ADM1", 0, "British Columbia"),
            make_entry(6174041, "Victoria", 48.43, -123.37, "CAN", "PPLA", 289_625, "British Columbia"),
            make_entry(241131, "Victoria", -4.62, 55.45, "SYC", "PPLC", 22_881, "English River"),
            make_entry(1816670, "Beijing", 39.91, 116.4, "CHN", "PPLC", 18_960_744, "Beijing"),
        ]
    )
    text = "British Columbia's premier said Victoria and Beijing would talk."
    names = ["British Columbia", "Victoria", "Beijing"]
    assert resolve_places([mention_at(text, n) for n in names], gazetteer)[1].country == "CAN"
