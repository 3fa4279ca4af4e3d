"""Choosing among namesakes: lists, big cities, named and neighbouring countries, names with
many readings that lie together, alternate names of smaller towns (a hand-made gazetteer)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import make_entry, mention_at

from eventwire.resolve.gazetteer import GazetteerEntry, InMemoryGazetteer
from eventwire.resolve.places import resolve_places


def _towns(name: str, county: bool = False) -> list[GazetteerEntry]:
    """A dozen namesakes across the United States, as a common town or county name has (the
    counties lie some 300 km from the towns)."""
    code = "ADM2" if county else "PPL"
    spots = [
        (33.66, -95.56, "Texas"),
        (39.61, -87.70, "Illinois"),
        (38.21, -84.25, "Kentucky"),
        (44.26, -70.50, "Maine"),
        (39.48, -91.99, "Missouri"),
        (42.10, -72.59, "Massachusetts"),
        (45.50, -122.60, "Oregon"),
        (35.15, -90.05, "Arkansas"),
        (40.98, -91.55, "Iowa"),
        (33.45, -84.15, "Georgia"),
        (36.70, -79.87, "Virginia"),
        (41.15, -87.90, "Indiana"),
    ]
    base = 7_000_000 if county else 8_000_000
    return [
        make_entry(
            base + i, name, lat + (3 if county else 0), lon, "USA", code, 0 if county else 5_000 + i, state
        )
        for i, (lat, lon, state) in enumerate(spots)
    ]


GAZETTEER = InMemoryGazetteer(
    [
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(6251999, "Canada", 60.1, -113.6, "CAN", "PCLI", 37_000_000),
        make_entry(294640, "Israel", 31.5, 34.75, "ISR", "PCLI", 8_900_000),
        make_entry(357994, "Egypt", 27.0, 30.0, "EGY", "PCLI", 98_000_000),
        make_entry(2988507, "Paris", 48.85, 2.35, "FRA", "PPLC", 2_138_551, "Île-de-France"),
        make_entry(4624601, "Paris", 36.30, -88.33, "USA", "PPL", 10_150, "Tennessee"),
        *_towns("Paris"),
        make_entry(4626334, "Henry County", 36.33, -88.32, "USA", "ADM2", 0, "Tennessee"),
        *_towns("Henry County", county=True),
        make_entry(2643743, "London", 51.51, -0.13, "GBR", "PPLC", 8_961_989, "England"),
        make_entry(6058560, "London", 42.98, -81.23, "CAN", "PPL", 346_765, "Ontario"),
        make_entry(4298960, "London", 37.13, -84.08, "USA", "PPL", 8_126, "Kentucky"),
        make_entry(6167865, "Toronto", 43.70, -79.42, "CAN", "PPL", 2_600_000, "Ontario"),
        make_entry(524901, "Moscow", 55.75, 37.62, "RUS", "PPLC", 10_381_222, "Moscow"),
        make_entry(5601538, "Moscow", 46.73, -117.00, "USA", "PPL", 25_060, "Idaho"),
        make_entry(5811696, "Spokane", 47.66, -117.43, "USA", "PPL", 217_108, "Washington"),
        make_entry(281133, "Gaza", 31.50, 34.47, "PSE", "PPL", 410_000, "Gaza Strip"),
        make_entry(1045114, "Gaza", -23.0, 32.5, "MOZ", "ADM1", 0, "Gaza"),
        make_entry(3860259, "Córdoba", -31.41, -64.18, "ARG", "PPL", 1_428_214, "Córdoba"),
        make_entry(3685889, "Córdoba", 8.33, -75.67, "COL", "ADM1", 0, "Córdoba"),
        make_entry(4896861, "Illinois", 40.0, -89.0, "USA", "ADM1", 0, "Illinois"),
        make_entry(4398678, "Missouri", 38.5, -92.5, "USA", "ADM1", 0, "Missouri"),
        make_entry(1814991, "China", 35.0, 105.0, "CHN", "PCLI", 1_400_000_000),
        make_entry(1861060, "Japan", 35.69, 139.69, "JPN", "PCLI", 126_000_000),
        make_entry(1864565, "China", 27.33, 128.57, "JPN", "PPL", 12_000, "Kagoshima"),
        make_entry(4405794, "Riverside", 38.6, -90.3, "USA", "PPL", 2_900, "Missouri"),
        make_entry(4247703, "Maryville", 38.72, -89.96, "USA", "PPL", 7_902, "Illinois"),
        make_entry(4646571, "Maryville", 35.76, -83.97, "USA", "PPL", 28_464, "Tennessee"),
        make_entry(4673353, "Beeville", 28.40, -97.75, "USA", "PPL", 13_277, "Texas"),
        make_entry(4691930, "Fort Worth", 32.73, -97.32, "USA", "PPL", 895_008, "Texas"),
        make_entry(4736286, "Texas", 31.25, -99.25, "USA", "ADM1", 0, "Texas"),
    ],
    names={4405794: ["Illinois"], 4673353: ["Maryville"]},
)


@pytest.mark.parametrize(
    ("first", "second", "code"), [("Illinois", "Missouri", "ADM1"), ("China", "Japan", "PCLI")]
)
def test_a_state_or_country_followed_by_another_is_a_list_not_a_qualified_town(
    first: str, second: str, code: str
) -> None:
    text = f"Floods in {first}, {second}"
    places = resolve_places([mention_at(text, first, qualifier=second), mention_at(text, second)], GAZETTEER)
    assert [(p.name, p.feature_code) for p in places] == [(first, code), (second, code)]


def test_names_with_many_readings_that_lie_together_tell_the_region() -> None:
    text = "Paris and Henry County are rich in history. Henry County archives are in Paris."
    places = resolve_places(
        [
            mention_at(text, "Paris"),
            mention_at(text, "Henry County"),
            mention_at(text, "Henry County", nth=1),
            mention_at(text, "Paris", nth=1),
        ],
        GAZETTEER,
    )
    assert {(p.admin1, p.country) for p in places} == {("Tennessee", "USA")}
    assert places[0].reason == "near Henry County"


def test_a_big_city_outranks_a_foreign_province_of_its_name() -> None:
    (cordoba,) = resolve_places([mention_at("Córdoba", "Córdoba")], GAZETTEER)
    assert (cordoba.country, cordoba.feature_code) == ("ARG", "PPL")


def test_a_country_the_text_names_next_door_picks_the_namesake_beside_it() -> None:
    text = "Egypt and Israel keep the crossings into Gaza closed."
    places = resolve_places(
        [mention_at(text, "Egypt"), mention_at(text, "Israel"), mention_at(text, "Gaza")], GAZETTEER
    )
    assert (places[2].country, places[2].feature_code) == ("PSE", "PPL")


def test_a_named_country_keeps_a_big_namesake_in_it() -> None:
    text = "Canada: a vigil in London drew hundreds"
    canada, london = resolve_places([mention_at(text, "Canada"), mention_at(text, "London")], GAZETTEER)
    assert (london.country, london.admin1) == ("CAN", "Ontario")


def test_a_capital_used_as_an_adjective_follows_the_article_to_its_namesake() -> None:
    text = "Toronto and Canada: London police said the London man was held"
    places = resolve_places(
        [
            mention_at(text, "Toronto"),
            mention_at(text, "Canada"),
            mention_at(text, "London", "GPE", kind="demonym"),
            mention_at(text, "London", "GPE", kind="demonym", nth=1),
        ],
        GAZETTEER,
    )
    assert [(p.country, p.kind) for p in places[2:]] == [("CAN", "toponym"), ("CAN", "toponym")]
    assert places[2].precision == 1


def test_without_context_a_capital_adjective_still_stands_for_its_state() -> None:
    (place,) = resolve_places([mention_at("London officials said", "London", kind="demonym")], GAZETTEER)
    assert (place.kind, place.country, place.feature_code) == ("demonym", "GBR", "PPLC")


def test_country_context_alone_does_not_move_a_capital_adjective_to_a_namesake() -> None:
    text = "Farmers in Spokane, United States, fear that Moscow officials will ban imports"
    places = resolve_places(
        [
            mention_at(text, "Spokane"),
            mention_at(text, "United States"),
            mention_at(text, "Moscow", kind="demonym"),
        ],
        GAZETTEER,
    )
    assert (places[2].kind, places[2].country) == ("demonym", "RUS")


def test_an_alternate_name_of_a_smaller_town_does_not_follow_the_context() -> None:
    text = "A Fort Worth, Texas pastor spoke at the church in Maryville"
    places = resolve_places(
        [
            mention_at(text, "Fort Worth", qualifier="Texas"),
            mention_at(text, "Texas"),
            mention_at(text, "Maryville"),
        ],
        GAZETTEER,
    )
    assert places[2].name == "Maryville"
    assert places[2].reason != "only candidate"


def test_a_country_named_beside_other_countries_is_no_small_namesake_of_it() -> None:
    # Japan and Tokyo, named again and again, set the report in Japan, and a village "China"
    # lies by Tokyo; but "China" in a list of countries is the country: a country's name, like
    # a capital's, is not pulled to a small namesake by the countries and capitals around it.
    gazetteer = InMemoryGazetteer([
        make_entry(1814991, "China", 35.0, 105.0, "CHN", "PCLI", 1_400_000_000),
        make_entry(1861060, "Japan", 36.0, 138.0, "JPN", "PCLI", 126_000_000),
        make_entry(1850147, "Tokyo", 35.69, 139.69, "JPN", "PPLC", 8_336_599, "Tokyo"),
        make_entry(1900001, "China", 35.6, 139.5, "JPN", "PPL", 1_400, "Tokyo"),
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
    ])  # fmt: skip
    text = "Japan and Tokyo: Japan confirmed cases, as did China and the United States. Tokyo, Japan"
    names = [("Japan", 0), ("Tokyo", 0), ("Japan", 1), ("China", 0), ("United States", 0), ("Tokyo", 1),
             ("Japan", 2)]  # fmt: skip
    places = resolve_places([mention_at(text, name, nth=n) for name, n in names], gazetteer)
    assert (places[3].country, places[3].feature_code) == ("CHN", "PCLI")


def test_a_dateline_in_capitals_with_its_state_is_that_town() -> None:
    # Capitals of four or five letters are read as an abbreviation or a well-known place
    # ("PARIS (AP)"), unless the dateline names the state the town lies in.
    text = "PARIS, Missouri — The council met."
    paris, _ = resolve_places(
        [mention_at(text, "PARIS", qualifier="Missouri"), mention_at(text, "Missouri")], GAZETTEER
    )
    assert (paris.country, paris.admin1) == ("USA", "Missouri")
    (bare,) = resolve_places([mention_at("PARIS (AP) — The council met.", "PARIS")], GAZETTEER)
    assert bare.country == "FRA"


def test_a_province_of_a_populous_country_outranks_a_small_countrys_namesake_province() -> None:
    # Provinces carry no population: each stands for its country's share of people, so a bare
    # "Florida" is the US state, not the Uruguayan department nor its seat.
    gazetteer = InMemoryGazetteer([
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(3439705, "Uruguay", -33.0, -56.0, "URY", "PCLI", 3_400_000),
        make_entry(4155751, "Florida", 28.75, -82.5, "USA", "ADM1", 0, "Florida"),
        make_entry(3442584, "Florida", -33.9, -56.2, "URY", "ADM1", 0, "Florida"),
        make_entry(3442587, "Florida", -34.1, -56.21, "URY", "PPL", 36_000, "Florida"),
    ])  # fmt: skip
    (florida,) = resolve_places([mention_at("Storms hit Florida", "Florida")], gazetteer)
    assert (florida.country, florida.feature_code) == ("USA", "ADM1")


def test_a_province_is_as_well_known_as_a_city_of_the_people_it_stands_for() -> None:
    # Belize's districts stand for a few tens of thousands of people: a bare "Toledo" is the
    # city of 270,000 in Ohio, not Toledo District; a populous country's province keeps its
    # standing against a town ("Florida" above).
    gazetteer = InMemoryGazetteer([
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(3582678, "Belize", 17.25, -88.75, "BLZ", "PCLI", 400_000),
        make_entry(3580913, "Toledo", 16.3, -88.87, "BLZ", "ADM1", 0, "Toledo"),
        make_entry(5174035, "Toledo", 41.66, -83.56, "USA", "PPL", 265_638, "Ohio"),
    ])  # fmt: skip
    (toledo,) = resolve_places([mention_at("Officials said Toledo was discussed.", "Toledo")], gazetteer)
    assert (toledo.country, toledo.feature_code) == ("USA", "PPL")


def test_a_towns_own_name_of_short_words_is_no_lesser_alternate() -> None:
    # An airport's bare name is an alternate of the airport; "Bonn" is the city's own name, which
    # stays a candidate though its one word is short.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(2946447, "Bonn", 50.73, 7.10, "DEU", "PPL", 330_579, "North Rhine-Westphalia"),
            make_entry(-8, "Cologne Bonn Airport", 50.87, 7.14, "DEU", "AIRP", 0),
            make_entry(4748305, "Bon Air", 37.52, -77.56, "USA", "PPL", 16_366, "Virginia"),
        ],
        names={-8: ["Bonn"], 4748305: ["Bonn"]},
    )
    (bonn,) = resolve_places([mention_at("Officials in Bonn said.", "Bonn")], gazetteer)
    assert (bonn.name, bonn.feature_code) == ("Bonn", "PPL")


def test_a_town_whose_own_name_is_the_name_qualified_bears_it() -> None:
    # No town's own name is "Frankfurt": Frankfurt am Main bears it with a qualifier, the
    # Frankforts only as an alternate. A story that names New York still means the German city.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
            make_entry(2925533, "Frankfurt am Main", 50.12, 8.68, "DEU", "PPL", 650_000, "Hesse"),
            make_entry(5117856, "Frankfort", 43.04, -75.07, "USA", "PPL", 2_507, "New York"),
            make_entry(5128638, "New York", 43.0, -75.5, "USA", "ADM1", 0, "New York"),
            make_entry(5128581, "New York City", 40.71, -74.01, "USA", "PPL", 8_175_133, "New York"),
        ],
        names={2925533: ["Frankfurt"], 5117856: ["Frankfurt"], 5128581: ["New York"]},
    )
    text = "The bank in Frankfurt raised rates. Markets in New York fell."
    frankfurt, _ = resolve_places([mention_at(text, "Frankfurt"), mention_at(text, "New York")], gazetteer)
    assert (frankfurt.name, frankfurt.country) == ("Frankfurt am Main", "DEU")


def test_a_name_spaced_otherwise_is_no_lesser_alternate() -> None:
    # "De Kalb", Texas, lists "DeKalb" among its names: the same name spaced otherwise, so the
    # bigger DeKalb, Illinois, does not drop it, and the text's "Texas" can choose it.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(4889553, "DeKalb", 41.93, -88.75, "USA", "PPL", 43_862, "Illinois"),
            make_entry(4684888, "De Kalb", 33.51, -94.62, "USA", "PPL", 1_657, "Texas"),
            make_entry(4736286, "Texas", 31.25, -99.25, "USA", "ADM1", 0, "Texas"),
        ],
        names={4684888: ["DeKalb"]},
    )
    text = "Schools in DeKalb, Texas, closed."
    (dekalb,) = resolve_places([mention_at(text, "DeKalb", qualifier="Texas")], gazetteer)
    assert dekalb.admin1 == "Texas"


def test_a_dateline_in_capitals_is_a_small_town_of_that_very_name() -> None:
    # "BEND -" heads a story from Oregon: Bend (87,000 people), not South Bend, which lists
    # "Bend" among its names; a well-known town of the name still wins ("TRUJILLO").
    gazetteer = InMemoryGazetteer(
        [
            make_entry(4926563, "South Bend", 41.68, -86.25, "USA", "PPL", 101_516, "Indiana"),
            make_entry(5713587, "Bend", 44.06, -121.32, "USA", "PPL", 87_014, "Oregon"),
            make_entry(3691175, "Trujillo", -8.12, -79.03, "PER", "PPLA", 747_450, "La Libertad"),
            make_entry(3625929, "Trujillo", 9.37, -70.44, "VEN", "PPLA", 38_110, "Trujillo"),
        ],
        names={4926563: ["Bend"]},
    )
    text = "BEND - Commuters will ride a bus downtown."
    (bend,) = resolve_places([replace(mention_at(text, "BEND"), feature_hint="dateline")], gazetteer)
    assert bend.name == "Bend"
    text = "TRUJILLO - The council met."
    (trujillo,) = resolve_places([replace(mention_at(text, "TRUJILLO"), feature_hint="dateline")], gazetteer)
    assert trujillo.country == "PER"
