"""Ranking of gazetteer candidates, on a small hand-made gazetteer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import make_entry, mention_at

from eventwire.records import PlaceMention, Span
from eventwire.resolve.gazetteer import GazetteerEntry, InMemoryGazetteer
from eventwire.resolve.places import resolve_places

ENTRIES = [
    make_entry(6252001, "United States", 38.895, -77.036, "USA", "PCLI", 327_000_000),
    make_entry(2635167, "United Kingdom", 51.509, -0.126, "GBR", "PCLI", 66_000_000),
    make_entry(163843, "Syria", 33.510, 36.291, "SYR", "PCLI", 17_000_000),
    make_entry(272103, "Lebanon", 33.889, 35.495, "LBN", "PCLI", 6_800_000),
    make_entry(2215636, "Libya", 32.888, 13.191, "LBY", "PCLI", 6_600_000),
    make_entry(4140963, "Washington", 38.895, -77.036, "USA", "PPLC", 689_545, "District of Columbia"),
    make_entry(2634308, "Washington", 54.900, -1.517, "GBR", "PPL", 67_085, "England"),
    make_entry(5815135, "Washington", 47.606, -122.332, "USA", "ADM1", 0, "Washington"),
    make_entry(2636531, "Sunderland", 54.904, -1.382, "GBR", "PPL", 174_286, "England"),
    make_entry(4791259, "Virginia", 37.541, -77.434, "USA", "ADM1", 0, "Virginia"),
    make_entry(163345, "Ţarţūs", 34.889, 35.887, "SYR", "PPL", 458_327, "Tartus"),
    make_entry(-2, "Tartus naval facility", 34.910, 35.871, "SYR", "NVB", 0, "Tartus"),
    make_entry(169389, "Idlib", 35.931, 36.634, "SYR", "PPL", 128_840, "Idlib"),
    make_entry(-2012, "Idlib", 35.931, 36.634, "SYR", "ADM1", 0, "Idlib"),
    make_entry(173576, "Latakia", 35.531, 35.791, "SYR", "PPL", 709_000, "Latakia"),
    make_entry(170654, "Damascus", 33.510, 36.291, "SYR", "PPLC", 1_569_394, "Damascus"),
    make_entry(-15, "Saqba", 33.525, 36.383, "SYR", "PPL", 0, "Rif Dimashq"),
    make_entry(2210247, "Tripoli", 32.888, 13.191, "LBY", "PPLC", 1_150_989),
    make_entry(266826, "Tripoli", 34.437, 35.850, "LBN", "PPL", 229_398),
    make_entry(4951788, "Springfield", 42.101, -72.590, "USA", "PPL", 154_341, "Massachusetts"),
    make_entry(4250542, "Springfield", 39.802, -89.644, "USA", "PPL", 114_394, "Illinois"),
    make_entry(4236895, "Decatur", 39.840, -88.955, "USA", "PPL", 71_290, "Illinois"),
    make_entry(2873891, "Hamm", 51.681, 7.820, "DEU", "PPL", 178_967),
    make_entry(2971090, "Us", 49.100, 1.967, "FRA", "PPL", 1_248),
    make_entry(4398678, "Missouri", 38.489, -92.174, "USA", "ADM1", 0, "Missouri"),
    make_entry(5641727, "Bozeman", 45.680, -111.039, "USA", "PPL", 45_250, "Montana"),
]
NAMES = {
    -2: ["Tartus"],
    163345: ["Tartus", "Tartous"],
    2873891: ["Hamas"],
    6252001: ["US", "U.S."],
    5641727: ["Missouri"],  # GeoNames lists odd alternates; the state's own name must win
}


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer(ENTRIES, names=NAMES)


def mentions(*specs: tuple[str, ...]) -> list[PlaceMention]:
    """("Washington",) or ("Tartus", "base") or ("Syrian", None, "demonym") or with a label."""
    out, offset = [], 0
    for spec in specs:
        text = spec[0]
        hint = spec[1] if len(spec) > 1 else None
        kind = spec[2] if len(spec) > 2 else "toponym"
        label = spec[3] if len(spec) > 3 else ("NORP" if kind == "demonym" else "GPE")
        out.append(PlaceMention(Span(text, offset, offset + len(text)), 0, kind, label, hint))
        offset += len(text) + 1
    return out


def test_one_place_per_mention_in_order(gazetteer: InMemoryGazetteer) -> None:
    found = resolve_places(mentions(("Damascus",), ("Syrian", None, "demonym"), ("Idlib",)), gazetteer)
    assert [p.text for p in found] == ["Damascus", "Syrian", "Idlib"]
    assert all(p.span is not None and p.span.text == p.text for p in found)


@pytest.mark.parametrize(
    ("context", "country", "admin1"),
    [
        ([("Sunderland",), ("British", None, "demonym")], "GBR", "England"),
        ([("Virginia",), ("American", None, "demonym")], "USA", "District of Columbia"),
        ([], "USA", "District of Columbia"),  # no context: the capital
    ],
)
def test_washington_follows_the_article_context(
    gazetteer: InMemoryGazetteer, context: list[tuple[str, ...]], country: str, admin1: str
) -> None:
    place = resolve_places(mentions(("Washington",), *context), gazetteer)[0]
    assert (place.country, place.admin1) == (country, admin1), place.reason
    assert place.precision == 1 and 0 < place.score <= 1


def test_washington_in_england_says_why(gazetteer: InMemoryGazetteer) -> None:
    place = resolve_places(mentions(("Washington",), ("Sunderland",)), gazetteer)[0]
    assert place.country == "GBR"
    assert place.reason in {"country context GBR", "near Sunderland"}


@pytest.mark.parametrize(
    ("hint", "code", "precision"),
    [
        ("base", "NVB", 1),
        ("naval base", "NVB", 1),
        (None, "PPL", 1),
        ("city", "PPL", 1),
        ("near", "PPL", 2),
        ("near base", "NVB", 2),
    ],
)
def test_base_hint_prefers_the_base(
    gazetteer: InMemoryGazetteer, hint: str | None, code: str, precision: int
) -> None:
    place = resolve_places(mentions(("Tartus", hint)), gazetteer)[0]
    assert (place.feature_code, place.precision) == (code, precision)
    if hint and "base" in hint:
        assert place.reason == "feature hint base" or place.reason.startswith("feature hint")


def test_province_hint_prefers_the_province(gazetteer: InMemoryGazetteer) -> None:
    province = resolve_places(mentions(("Idlib", "province")), gazetteer)[0]
    city = resolve_places(mentions(("Idlib",)), gazetteer)[0]
    assert (province.feature_code, province.precision) == ("ADM1", 3)
    assert (city.feature_code, city.precision) == ("PPL", 1)
    # No ADM1 entry: the namesake town stands for the province, at province precision.
    latakia = resolve_places(mentions(("Latakia", "province")), gazetteer)[0]
    assert (latakia.feature_code, latakia.precision) == ("PPL", 3)
    assert "province" in latakia.reason


def test_unresolvable_name_does_not_affect_the_others(gazetteer: InMemoryGazetteer) -> None:
    alone = resolve_places(mentions(("Saqba",), ("Damascus", "near")), gazetteer)
    mixed = resolve_places(
        mentions(("Al-Ba'ir Al-Mar",), ("Saqba",), ("Soviet Union",), ("Damascus", "near")),
        gazetteer,
    )
    # A polity the gazetteer lacks stays unresolved; an unlisted village is drawn, coarsely, at
    # the article's main place (as ACLED codes a location it cannot find), and says so.
    assert mixed[2].geonameid is None and mixed[2].lat is None and mixed[2].score == 0.0
    village, main = mixed[0], mixed[1]
    assert (village.lat, village.lon, village.precision) == (main.lat, main.lon, 3)
    assert "main place" in village.reason and "not in the gazetteer" in village.reason
    assert [replace(p, span=None) for p in (mixed[1], mixed[3])] == [replace(p, span=None) for p in alone]


@pytest.mark.parametrize(
    ("word", "country", "geonameid"),
    [("Syrian", "SYR", 163843), ("Americans", "USA", 6252001), ("Lebanese", "LBN", 272103)],
)
def test_demonym_resolves_to_its_country(
    gazetteer: InMemoryGazetteer, word: str, country: str, geonameid: int
) -> None:
    (place,) = resolve_places(mentions((word, None, "demonym")), gazetteer)
    assert (place.country, place.geonameid, place.precision, place.feature_code) == (
        country,
        geonameid,
        3,
        "PCLI",
    )
    assert place.reason == f"demonym of {country}"


def test_non_country_demonym_stays_unresolved(gazetteer: InMemoryGazetteer) -> None:
    (place,) = resolve_places(mentions(("Sunni", None, "demonym")), gazetteer)
    assert place.geonameid is None and place.reason == "not a country demonym"


def test_demonym_context_disambiguates_tripoli(gazetteer: InMemoryGazetteer) -> None:
    default = resolve_places(mentions(("Tripoli",)), gazetteer)[0]
    lebanese = resolve_places(mentions(("Tripoli",), ("Lebanese", None, "demonym")), gazetteer)[0]
    biased = resolve_places(mentions(("Tripoli",)), gazetteer, country_bias="LBN")[0]
    assert default.country == "LBY"
    assert lebanese.country == "LBN" and lebanese.reason == "country context LBN"
    assert biased.country == "LBN" and biased.reason == "country bias LBN"


def test_proximity_to_co_mentioned_places(gazetteer: InMemoryGazetteer) -> None:
    alone = resolve_places(mentions(("Springfield",)), gazetteer)[0]
    assert (alone.admin1, alone.reason) == ("Massachusetts", "largest population")
    place = resolve_places(mentions(("Springfield",), ("Decatur",)), gazetteer)[0]
    assert (place.admin1, place.reason) == ("Illinois", "near Decatur")


def test_mislabelled_name_needs_support_from_the_article(gazetteer: InMemoryGazetteer) -> None:
    # "Hamas" (ORG) is an alternate name of Hamm, Germany; nothing in a Syria story supports it.
    hamas, *_ = resolve_places(
        mentions(("Hamas", None, "toponym", "ORG"), ("Damascus",), ("Syrian", None, "demonym")),
        gazetteer,
    )
    assert hamas.geonameid is None and "no place evidence" in hamas.reason
    # "Tartus" (ORG) in the same story fits its geography.
    tartus, *_ = resolve_places(mentions(("Tartus", None, "toponym", "ORG"), ("Damascus",)), gazetteer)
    assert tartus.country == "SYR" and tartus.geonameid == 163345


def test_scores_are_probabilities_and_single_candidates_say_so(
    gazetteer: InMemoryGazetteer,
) -> None:
    places = resolve_places(mentions(("Saqba",), ("Washington",), ("Tripoli",)), gazetteer)
    assert places[0].reason == "only candidate" and places[0].score == 1.0
    assert all(0.0 < p.score <= 1.0 for p in places)


@pytest.mark.parametrize("text", ["US", "U.S."])
def test_abbreviation_is_not_a_village_spelt_like_it(gazetteer: InMemoryGazetteer, text: str) -> None:
    # Even in a French story, "US" is the United States, not the village of Us.
    place = resolve_places(mentions((text,), ("French", None, "demonym")), gazetteer)[0]
    assert place.country == "USA" and place.feature_code == "PCLI"


@pytest.mark.parametrize(("text", "expected"), [("BONN", "Bonn"), ("IRAN", "Iran"), ("BONNE", "Bonnevoie")])
def test_a_place_name_in_capitals_is_the_place_when_it_is_well_known(text: str, expected: str) -> None:
    # "BONN (AP) _" is a wire dateline, not an abbreviation that only alternate names may match;
    # a village is not well known, so its capitalised name still goes to the alternate ("BONNE").
    gazetteer = InMemoryGazetteer(
        [
            make_entry(2946447, "Bonn", 50.73, 7.1, "DEU", "PPLA3", 330_000),
            make_entry(3034006, "Beaune", 47.02, 4.84, "FRA", "PPL", 21_000),
            make_entry(130758, "Iran", 32.0, 53.0, "IRN", "PCLI", 81_000_000),
            make_entry(1, "Eraan", 9.06, 117.7, "PHL", "PPL", 3_000),
            make_entry(2, "Bonne", 46.2, 6.3, "FRA", "PPL", 2_900),
            make_entry(3, "Bonnevoie", 49.6, 6.1, "LUX", "PPL", 15_000),
        ],
        names={3034006: ["Bonn"], 1: ["Iran"], 3: ["Bonne"]},
    )
    place = resolve_places(mentions((text,)), gazetteer)[0]
    assert place.name == expected


def test_own_name_beats_an_alternate_name(gazetteer: InMemoryGazetteer) -> None:
    place = resolve_places(mentions(("Missouri",)), gazetteer)[0]
    assert (place.feature_code, place.precision, place.reason) == ("ADM1", 3, "name match")


# --------------------------------------------------------------------------- ranking rules

US_TOWNS = InMemoryGazetteer(
    [
        make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
        make_entry(2017370, "Russia", 60.0, 100.0, "RUS", "PCLI", 144_000_000),
        make_entry(5165418, "Russia", 40.234, -84.409, "USA", "PPL", 640, "Ohio"),
        make_entry(4896861, "Illinois", 40.0, -89.25, "USA", "ADM1", 0, "Illinois"),
        make_entry(4736286, "Texas", 31.25, -99.25, "USA", "ADM1", 0, "Texas"),
        make_entry(3515040, "Texas", 17.0, -96.0, "MEX", "PPL", 993, "Oaxaca"),
        make_entry(4250542, "Springfield", 39.802, -89.644, "USA", "PPL", 114_394, "Illinois"),
        make_entry(4409896, "Springfield", 37.215, -93.298, "USA", "PPL", 170_188, "Missouri"),
        make_entry(4717560, "Paris", 33.661, -95.556, "USA", "PPL", 24_782, "Texas"),
        make_entry(2988507, "Paris", 48.853, 2.349, "FRA", "PPLC", 2_138_551, "Ile-de-France"),
        make_entry(4702732, "Huntsville", 30.724, -95.551, "USA", "PPL", 40_000, "Texas"),
        make_entry(4068590, "Huntsville", 34.730, -86.586, "USA", "PPL", 190_000, "Alabama"),
        make_entry(4741616, "Walker County", 30.733, -95.567, "USA", "ADM2", 0, "Texas"),
        make_entry(4096497, "Walker County", 33.8, -87.3, "USA", "ADM2", 0, "Alabama"),
        make_entry(4140963, "Washington", 38.895, -77.036, "USA", "PPLC", 689_545, "District of Columbia"),
        make_entry(5815135, "Washington", 47.5, -120.5, "USA", "ADM1", 0, "Washington"),
        make_entry(4155966, "Florida", 28.75, -82.5, "USA", "ADM1", 0, "Florida"),
        make_entry(3558020, "Florida", 22.0, -78.0, "CUB", "PPL", 50_000, "Camagüey"),
        make_entry(1000001, "Springfield Airport", 39.84, -89.68, "USA", "AIRP", 0, "Illinois"),
    ],
    names={1000001: ["Fla."], 4155966: ["Fla."], 6252001: ["U.S."]},
)


def test_a_comma_qualifier_picks_the_namesake_in_that_region() -> None:
    text = "Paris, Texas and Springfield, Illinois"
    paris, texas, springfield, illinois = resolve_places(
        [
            mention_at(text, "Paris", qualifier="Texas"),
            mention_at(text, "Texas"),
            mention_at(text, "Springfield", qualifier="Illinois"),
            mention_at(text, "Illinois"),
        ],
        US_TOWNS,
    )
    assert (paris.country, paris.admin1) == ("USA", "Texas")
    assert paris.reason == "qualified by Texas"
    assert (springfield.admin1, texas.feature_code, illinois.feature_code) == ("Illinois", "ADM1", "ADM1")


def test_a_country_name_means_the_country_despite_country_context() -> None:
    text = "Flights from Springfield and Paris to Russia"
    places = resolve_places(
        [
            mention_at(text, "Springfield"),
            mention_at(text, "Paris", qualifier=None),
            mention_at(text, "Russia"),
        ],
        US_TOWNS,
    )
    assert places[2].feature_code == "PCLI" and places[2].country == "RUS"


def test_a_state_name_beats_its_namesake_villages_and_washington_is_the_capital() -> None:
    text = "Texas and Washington"
    texas, washington = resolve_places([mention_at(text, "Texas"), mention_at(text, "Washington")], US_TOWNS)
    assert texas.feature_code == "ADM1"
    assert washington.feature_code == "PPLC"


def test_places_that_lie_together_win_together() -> None:
    text = "Huntsville, in Walker County"
    huntsville, walker = resolve_places(
        [mention_at(text, "Huntsville"), mention_at(text, "Walker County")], US_TOWNS
    )
    assert huntsville.admin1 == walker.admin1 == "Texas"
    assert huntsville.reason == "near Walker County"


def test_a_dotted_abbreviation_means_a_state_or_country_not_an_airport() -> None:
    (florida,) = resolve_places([mention_at("Miami, Fla.", "Fla.")], US_TOWNS)
    assert (florida.name, florida.feature_code) == ("Florida", "ADM1")


def test_country_bias_accepts_several_countries() -> None:
    (paris,) = resolve_places([mention_at("Paris", "Paris")], US_TOWNS, country_bias=["USA", "CAN"])
    assert (paris.country, paris.reason) == ("USA", "country bias USA")


def test_a_capital_used_as_an_adjective_is_a_demonym_at_the_capital(gazetteer: InMemoryGazetteer) -> None:
    (washington,) = resolve_places(mentions(("Washington", None, "demonym")), gazetteer)
    assert (washington.kind, washington.country, washington.feature_code) == ("demonym", "USA", "PPLC")
    assert washington.precision == 3 and washington.reason == "capital standing for USA"


@pytest.mark.parametrize(("name", "code"), [("Pacific", "OCN"), ("Java", "ISL"), ("Middle East", "RGN")])
def test_a_curated_world_region_outranks_its_namesake_village(name: str, code: str) -> None:
    feature_class = {"OCN": "H", "ISL": "T", "RGN": "L"}[code]
    region = GazetteerEntry(-3999, name, 0.0, 100.0, "", "", feature_class, code, 0)
    village = make_entry(99, name, 38.5, -90.7, "USA", "PPL", 7_161, "Missouri")
    (place,) = resolve_places(mentions((name, None, "toponym", "LOC")), InMemoryGazetteer([village, region]))
    assert (place.geonameid, place.feature_code) == (-3999, code), place.reason
    assert place.precision >= 2


def test_a_demonym_that_names_towns_abroad_means_its_country() -> None:
    gazetteer = InMemoryGazetteer([
        make_entry(6251999, "Canada", 60.0, -95.0, "CAN", "PCLI", 37_000_000),
        make_entry(5520552, "Canadian", 35.91, -100.38, "USA", "PPL", 2_600, "Texas"),
    ])
    (canadian,) = resolve_places([mention_at("a Canadian-born writer", "Canadian")], gazetteer)
    assert (canadian.kind, canadian.feature_code, canadian.country) == ("demonym", "PCLI", "CAN")


def test_a_town_lies_near_a_name_whose_reading_is_its_province() -> None:
    # Redding, California, not the Scottish village beside the Scottish "California": the
    # state's drawn point lies 450 km from Redding, but Redding lies inside it.
    gazetteer = InMemoryGazetteer([
        make_entry(5570160, "Redding", 40.59, -122.39, "USA", "PPL", 91_582, "California"),
        make_entry(2639323, "Redding", 55.98, -3.73, "GBR", "PPL", 2_540, "Scotland"),
        make_entry(5332921, "California", 37.25, -119.75, "USA", "ADM1", 0, "California"),
        make_entry(2653920, "California", 55.99, -3.74, "GBR", "PPL", 830, "Scotland"),
        # namesake villages enough to make "California" a name of many readings
        *(make_entry(9_000_000 + i, "California", -10.0 - i, -50.0, "BRA", "PPL", 1_000) for i in range(9)),
    ])
    text = "She was taken in Redding, northern California."
    redding, california = resolve_places(
        [mention_at(text, "Redding"), mention_at(text, "California")], gazetteer
    )
    assert (redding.country, redding.admin1, california.feature_code) == ("USA", "California", "ADM1")


def test_a_town_and_its_namesake_province_share_a_name_known_only_as_an_alternate() -> None:
    # "Hodeidah" is an alternate of both Al Hudaydah the city and the governorate: a bare name
    # means the town, as it does for "Idlib"; "Hodeidah province" (a hint) the governorate.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(79415, "Al Hudaydah", 14.8, 42.95, "YEM", "PPL", 735_000, "Al Hudaydah"),
            make_entry(79416, "Al Hudaydah", 14.77, 43.13, "YEM", "ADM1", 0, "Al Hudaydah"),
        ],
        names={79415: ["Hodeidah"], 79416: ["Hodeidah"]},
    )
    town = resolve_places(mentions(("Hodeidah",)), gazetteer)[0]
    province = resolve_places(mentions(("Hodeidah", "province")), gazetteer)[0]
    assert (town.feature_code, province.feature_code) == ("PPL", "ADM1")


def test_a_foreign_towns_english_name_beats_a_village_that_bears_it_as_its_own() -> None:
    # GeoNames names the West Bank town "Janīn" and lists "Jenin" among its alternates; the
    # Polish village called Jenin is not what a bare "Jenin" means. Within one country two
    # spellings are local usage, so a big town's variant does not take a small town's name.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(283506, "Janīn", 32.46, 35.3, "PSE", "PPL", 34_730),
            make_entry(3097228, "Jenin", 52.7, 15.1, "POL", "PPL", 1_100),
            make_entry(4278604, "St. George", 39.19, -96.42, "USA", "PPL", 600),
            make_entry(5546220, "Saint George", 37.1, -113.58, "USA", "PPL", 87_000),
        ],
        names={283506: ["Jenin"], 5546220: ["St. George"]},
    )
    jenin = resolve_places(mentions(("Jenin",)), gazetteer)[0]
    assert (jenin.country, jenin.reason) == ("PSE", "largest population")
    kansas = resolve_places(mentions(("St. George",)), gazetteer)[0]
    assert kansas.geonameid == 4278604


@pytest.mark.parametrize(("text", "country"), [("Samarra", "IRQ"), ("Samara", "RUS")])
def test_the_spelling_as_written_decides_between_romanisations_that_meet(text: str, country: str) -> None:
    # The lookup key evens out doubled letters, so "Samarra" and "Samara" meet; letter for
    # letter, "Samarra" is the Iraqi city (Sāmarrā’) and "Samara" the Russian one.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(91597, "Sāmarrā’", 34.2, 43.89, "IRQ", "PPL", 158_508),
            make_entry(499099, "Samara", 53.2, 50.15, "RUS", "PPL", 1_163_399),
        ]
    )
    place = resolve_places(mentions((text,)), gazetteer)[0]
    assert place.country == country
