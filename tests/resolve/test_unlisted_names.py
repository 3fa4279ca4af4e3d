"""Names the gazetteer does not hold as written: aliases, generic heads, parts, region demonyms.

A small hand-made gazetteer; each row of the tables names the rule that must read the name, and
what it must not turn into.
"""

from __future__ import annotations

import pytest
from builders import make_entry

from eventwire.data.place_words import PlaceWords
from eventwire.records import PlaceMention, Span
from eventwire.resolve.gazetteer import InMemoryGazetteer
from eventwire.resolve.places import resolve_places

ENTRIES = [
    make_entry(1, "British Columbia", 54.0, -125.0, "CAN", "ADM1", admin1="British Columbia"),
    make_entry(2, "Ontario", 49.25, -84.5, "CAN", "ADM1", admin1="Ontario"),
    make_entry(3, "Ontario", 34.06, -117.65, "USA", "PPL", 171_214, "California"),
    make_entry(4, "Ohio", 40.25, -83.0, "USA", "ADM1", admin1="Ohio"),
    make_entry(5, "Los Angeles", 34.05, -118.24, "USA", "PPL", 3_820_914, "California"),
    make_entry(6, "La", 47.0, 15.0, "AUT", "PPL", 550),
    make_entry(7, "Brussels", 50.85, 4.35, "BEL", "PPLC", 1_019_022),
    make_entry(8, "Europe", 48.69, 9.14, "", "CONT", 741_000_000),
    make_entry(9, "South Ossetia", 42.3, 44.0, "GEO", "RGN"),
    make_entry(10, "London", 51.51, -0.13, "GBR", "PPLC", 8_961_989, "England"),
    make_entry(11, "Hamilton", 40.21, -74.68, "USA", "PPL", 88_000, "New Jersey"),
    make_entry(12, "Gwinnett County", 33.96, -84.02, "USA", "ADM2", admin1="Georgia"),
    make_entry(13, "Loudon County", 35.74, -84.31, "USA", "ADM2", admin1="Tennessee"),
    make_entry(14, "Toronto", 43.70, -79.42, "CAN", "PPL", 2_794_356, "Ontario"),
    make_entry(15, "Toronto Pearson International Airport", 43.68, -79.63, "CAN", "AIRP", admin1="Ontario"),
    make_entry(16, "Dallas", 32.78, -96.81, "USA", "PPL", 1_326_087, "Texas"),
    make_entry(17, "Dallas Love Field", 32.85, -96.85, "USA", "AIRP", admin1="Texas"),
    make_entry(18, "Nyanza", -2.35, 29.75, "RWA", "PPL", 32_016),
    make_entry(19, "Danvers", 42.57, -70.93, "USA", "PPL", 26_000, "Massachusetts"),
    make_entry(20, "Vancouver", 49.25, -123.12, "CAN", "PPL", 600_000, "British Columbia"),
    make_entry(21, "Smalltown", 10.0, 10.0, "NGA", "PPL", 5_000),
    make_entry(22, "Sri Lanka", 7.0, 81.0, "LKA", "PCLI", 21_670_000),
    make_entry(23, "Russia", 60.0, 100.0, "RUS", "PCLI", 144_000_000),
    make_entry(2921044, "Germany", 51.5, 10.5, "DEU", "PCLI", 82_900_000),
    make_entry(24, "New South Wales", -32.16, 147.01, "AUS", "ADM1", admin1="New South Wales"),
    make_entry(25, "Red River Parish", 32.09, -93.34, "USA", "ADM2", admin1="Louisiana"),
    make_entry(26, "Southeast Asia", 10.0, 110.0, "", "RGN"),
    make_entry(27, "Gaza Strip", 31.4, 34.4, "PSE", "ADM1", admin1="Gaza Strip"),
    make_entry(28, "Gaza", -23.0, 32.5, "MOZ", "ADM1", admin1="Gaza"),
    make_entry(29, "Wales", 52.4, -3.97, "GBR", "ADM1", admin1="Wales"),
    make_entry(30, "Welsh", 30.24, -92.82, "USA", "PPL", 3_300, "Louisiana"),
    make_entry(31, "Sicily", 37.74, 13.76, "ITA", "ADM1", admin1="Sicily"),
    make_entry(32, "Italy", 42.83, 12.83, "ITA", "PCLI", 60_000_000),
    make_entry(33, "Louisiana", 31.0, -92.0, "USA", "ADM1", admin1="Louisiana"),
    make_entry(34, "South Korea", 37.0, 127.5, "KOR", "PCLI", 51_000_000),
    make_entry(35, "Koréa", 6.83, -6.65, "CIV", "PPL", 0),
    make_entry(36, "U.S. Virgin Islands", 18.33, -64.79, "VIR", "PCLI", 107_000),
    make_entry(37, "Mus", 39.0, 41.9, "TUR", "ADM1", admin1="Mus"),
]
NAMES = {19: ["Plains"], 16: ["Dallas"]}


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer(ENTRIES, names=NAMES)


def _resolve(text: str, gazetteer: InMemoryGazetteer):  # type: ignore[no-untyped-def]
    mention = PlaceMention(Span(text, 0, len(text)), 0, label="given")
    return resolve_places([mention], gazetteer)[0]


@pytest.mark.parametrize(
    ("text", "name", "precision", "kind", "reason"),
    [
        # written aliases (place_aliases.tsv), before the gazetteer: "L.A." is not the village La
        ("B.C.", "British Columbia", 3, "toponym", "B.C. abbreviates British Columbia"),
        ("NSW", "New South Wales", 3, "toponym", "NSW abbreviates New South Wales"),
        ("Ont.", "Ontario", 3, "toponym", "Ont. abbreviates Ontario"),
        ("L.A.", "Los Angeles", 1, "toponym", "L.A. abbreviates Los Angeles"),
        ("EU", "Brussels", 1, "toponym", "EU drawn at its seat Brussels"),
        ("European Union", "Brussels", 1, "toponym", "European Union drawn at its seat Brussels"),
        ("Soviet Union", "Russia", 3, "toponym", "Soviet Union drawn at its successor state Russia"),
        ("FRG", "Germany", 3, "toponym", "FRG drawn at its successor state Germany"),
        ("Korea", "South Korea", 3, "toponym", "Korea is the short name of South Korea"),
        ("Virgin Islands", "U.S. Virgin Islands", 3, "toponym",
         "Virgin Islands is the short name of U.S. Virgin Islands"),
        # written-out abbreviations and generic heads
        ("Loudon Co.", "Loudon County", 2, "toponym", "Loudon Co. written out as Loudon County"),
        ("Town of Hamilton", "Hamilton", 2, "toponym", "town of Hamilton"),
        ("Port of Los Angeles", "Los Angeles", 2, "toponym", "port of Los Angeles"),
        ("Gwinnett", "Gwinnett County", 2, "toponym", "county name without its head"),
        # demonyms of regions, continents and towns, regular and irregular
        ("Ontarians", "Ontario", 3, "demonym", "demonym of Ontario"),
        ("Ohioans", "Ohio", 3, "demonym", "demonym of Ohio"),
        ("South Ossetian", "South Ossetia", 2, "demonym", "demonym of South Ossetia"),
        ("European", "Europe", 3, "demonym", "demonym of Europe"),
        ("Angeleno", "Los Angeles", 1, "demonym", "demonym of Los Angeles"),
        ("Southeast Asians", "Southeast Asia", 2, "demonym", "demonym of Southeast Asia"),
        ("Gazans", "Gaza Strip", 3, "demonym", "demonym of Gaza Strip"),
        ("SOUTHEAST ASIANS", "Southeast Asia", 2, "demonym", "demonym of Southeast Asia"),  # all capitals
        ("Sinhalese", "Sri Lanka", 3, "demonym", "demonym of Sri Lanka"),
        # a listed demonym names its region before a town of that name or the country
        ("Welsh", "Wales", 3, "demonym", "demonym of Wales"),
        ("Sicilians", "Sicily", 3, "demonym", "demonym of Sicily"),
        ("Londoners", "London", 1, "demonym", "demonym of London"),
        # parts of a place
        ("North London", "London", 2, "toponym", "part of London"),
        ("South L.A.", "Los Angeles", 2, "toponym", "part of Los Angeles"),
        ("Greater Toronto Area", "Toronto", 2, "toponym", "part of Toronto"),
        ("Southern Europe", "Europe", 3, "toponym", "part of Europe"),
        ("North Dallas", "Dallas", 2, "toponym", "part of Dallas"),
        # a site named after its town
        ("Vancouver Art Gallery", "Vancouver", 2, "toponym", "site named after its town Vancouver"),
    ],
)
def test_unlisted_name_resolves_and_says_how(
    gazetteer: InMemoryGazetteer, text: str, name: str, precision: int, kind: str, reason: str
) -> None:
    place = _resolve(text, gazetteer)
    assert (place.name, place.precision, place.kind) == (name, precision, kind), place.reason
    assert place.reason.startswith(reason)
    assert place.text == text and place.lat is not None


@pytest.mark.parametrize(
    "text",
    [
        "Nyanza Province",  # a province: the Rwandan town Nyanza is no reading of it
        "South Plains",  # "Plains" is only an alternate name of a town: no part of it
        "North Eastern",  # a direction, not the people of a "North East"
        "Smalltown Museum",  # a site named after a small town may be anywhere
        "Pearson International Airport",  # no town in the name
        "Hamilton Township",  # a US township seldom holds the best-known town of its name
        "Hamiltonian",  # the suffix rule reads regions only: too many towns are called Hamilton
        "Red River",  # the river, not Red River Parish
        "North",  # nothing left after the part word
        "Musi",  # a river: a three-letter root is no people of the province Mus (as "Iraqi" is)
    ],
)
def test_unreadable_name_stays_unresolved(gazetteer: InMemoryGazetteer, text: str) -> None:
    place = _resolve(text, gazetteer)
    assert place.geonameid is None and place.lat is None
    assert place.reason == "not in the gazetteer"


def test_part_of_a_town_is_never_its_airport(gazetteer: InMemoryGazetteer) -> None:
    place = _resolve("North Dallas", gazetteer)
    assert place.feature_code == "PPL"


def test_all_capitals_headline_alias(gazetteer: InMemoryGazetteer) -> None:
    assert _resolve("NSW", gazetteer).name == "New South Wales"
    assert _resolve("PHILA.", gazetteer).geonameid is None  # Philadelphia is not in this gazetteer


def test_unlisted_names_are_context_for_the_others(gazetteer: InMemoryGazetteer) -> None:
    # "Ontarians" puts the article in Canada, so the bare "Ontario" is the province.
    texts = ["Ontarians", "Ontario"]
    mentions, offset = [], 0
    for text in texts:
        mentions.append(PlaceMention(Span(text, offset, offset + len(text)), 0, label="given"))
        offset += len(text) + 1
    places = resolve_places(mentions, gazetteer)
    assert [p.country for p in places] == ["CAN", "CAN"]


def test_a_region_demonym_labelled_a_people_still_names_its_region(gazetteer: InMemoryGazetteer) -> None:
    # NER calls "Sicilian" a people (NORP) and countrynames says Italian: the table says Sicily.
    people = PlaceMention(Span("Sicilian", 0, 8), 0, label="NORP", kind="demonym")
    (place,) = resolve_places([people], gazetteer)
    assert place.name == "Sicily"
    # ... but not where the text says the word is a town: "Welsh, Louisiana".
    town = PlaceMention(Span("Welsh", 0, 5), 0, label="GPE", qualifier="Louisiana")
    state = PlaceMention(Span("Louisiana", 7, 16), 0, label="GPE")
    assert resolve_places([town, state], gazetteer)[0].name == "Welsh"


def test_tables_are_well_formed() -> None:
    words = PlaceWords.load()
    assert all(a.kind in {"abbreviation", "seat", "successor", "short"} for a in words.aliases.values())
    heads = set(words.heads_after.values()) | set(words.heads_before.values())
    assert heads <= {"division", "county", "town"}
    assert {"north", "greater"} <= words.parts_before and "area" in words.parts_after
    assert words.abbreviations["co."] == "county" and "county" in words.county_heads


def test_airport_named_without_its_town_takes_the_articles_town(gazetteer: InMemoryGazetteer) -> None:
    texts = ["Toronto", "Pearson International Airport"]
    mentions, offset = [], 0
    for text in texts:
        mentions.append(PlaceMention(Span(text, offset, offset + len(text)), 0, label="given"))
        offset += len(text) + 1
    airport = resolve_places(mentions, gazetteer)[1]
    assert airport.name == "Toronto Pearson International Airport" and airport.precision == 1
    assert airport.reason.startswith("site named with the article's town")


def test_a_name_the_text_calls_a_division_finds_the_division_listed_under_its_full_name() -> None:
    # A district's bare name is no key of the gazetteer, but "Morowali regency" says which
    # name is meant: the gazetteer's "Morowali Regency"; "Sulu province" its "Province of Sulu".
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "Morowali Regency", -2.5, 122.0, "IDN", "ADM2", admin1="Central Sulawesi"),
            make_entry(2, "Province of Sulu", 5.9, 121.0, "PHL", "ADM2", admin1="Bangsamoro"),
        ]
    )
    for name, hint, expected in [("Morowali", "district", 1), ("Sulu", "province", 2)]:
        mention = PlaceMention(Span(name, 0, len(name)), 0, label="given", feature_hint=hint)
        assert resolve_places([mention], gazetteer)[0].geonameid == expected
    # Without the text's division word the bare name finds nothing.
    mention = PlaceMention(Span("Morowali", 0, 8), 0, label="given")
    assert resolve_places([mention], gazetteer)[0].geonameid is None
    # The full name is a reading beside divisions of the bare name: "York and Kennebec
    # counties" in a report from Portland, Maine are the Maine counties, not York, Ontario.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(3, "York", 44.0, -79.45, "CAN", "ADM2", admin1="Ontario"),
            make_entry(4, "York County", 43.43, -70.67, "USA", "ADM2", admin1="Maine"),
            make_entry(5, "Kennebec County", 44.41, -69.77, "USA", "ADM2", admin1="Maine"),
            make_entry(6, "Portland", 43.66, -70.26, "USA", "PPL", 66_000, "Maine"),
        ]
    )
    text = "Portland forecasters warned York and Kennebec counties."
    mentions = [
        PlaceMention(Span(name, text.index(name), text.index(name) + len(name)), 0, label="given",
                     feature_hint=None if name == "Portland" else "district")
        for name in ("Portland", "York", "Kennebec")
    ]  # fmt: skip
    assert [p.geonameid for p in resolve_places(mentions, gazetteer)] == [6, 4, 5]
    # A province's own name keeps its reading: "Texas counties" are the state's, not Texas
    # County, Missouri.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(7, "Texas", 31.25, -99.25, "USA", "ADM1", admin1="Texas"),
            make_entry(8, "Texas County", 37.32, -91.97, "USA", "ADM2", admin1="Missouri"),
        ]
    )
    mention = PlaceMention(Span("Texas", 0, 5), 0, label="given", feature_hint="district")
    assert resolve_places([mention], gazetteer)[0].geonameid == 7


def test_a_compass_part_of_a_small_town_in_another_province_is_no_reading() -> None:
    # "South Esk" and "North Esk" in a report from Launceston are its rivers, not parts of Esk,
    # a Queensland village; the report's own town takes them. "North Hobart" is a part of Hobart.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "Launceston", -41.44, 147.13, "AUS", "PPL", 75_000, "Tasmania"),
            make_entry(2, "Esk", -27.24, 152.42, "AUS", "PPL", 1_400, "Queensland"),
            make_entry(3, "Hobart", -42.88, 147.33, "AUS", "PPL", 206_000, "Tasmania"),
        ]
    )
    text = "LAUNCESTON - Launceston said the South Esk and North Hobart flooded; Launceston again."
    names = [("LAUNCESTON", 0), ("Launceston", 0), ("South Esk", 0), ("North Hobart", 0), ("Launceston", 1)]
    mentions = []
    for name, nth in names:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        mentions.append(PlaceMention(Span(name, start, start + len(name)), 0, label="given"))
    places = resolve_places(mentions, gazetteer)
    assert places[2].name == "Launceston" and "no part of Esk" in places[2].reason
    assert places[3].name == "Hobart" and places[3].reason.startswith("part of Hobart")


def test_a_name_the_text_calls_a_river_is_a_river_not_a_village() -> None:
    # "the Douro river": a Pakistani village lists "Douro" among its names; "the Jordan river"
    # is the gazetteer's "Jordan River", not the country.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "Daromehar", 24.79, 68.18, "PAK", "PPL", 10_869),
            make_entry(2, "Jordan", 31.0, 36.0, "JOR", "PCLI", 10_000_000),
            make_entry(-3404, "Jordan River", 31.76, 35.56, "", "STM"),
        ],
        names={1: ["Douro"], -3404: ["River Jordan"]},
    )
    douro = PlaceMention(Span("Douro", 0, 5), 0, label="given", feature_hint="river")
    jordan = PlaceMention(Span("Jordan", 20, 26), 0, label="given", feature_hint="river")
    (douro_place,) = resolve_places([douro], gazetteer)
    assert douro_place.lat is None and "not in the gazetteer" in douro_place.reason
    (jordan_place,) = resolve_places([jordan], gazetteer)
    assert jordan_place.name == "Jordan River"
    # Nor a city of the name elsewhere: "near the Juba river" in Somalia is not South Sudan's
    # capital (the hint is split from its "near").
    juba = make_entry(3, "Juba", 4.85, 31.58, "SSD", "PPLC", 300_000, "Central Equatoria")
    mention = PlaceMention(Span("Juba", 0, 4), 0, label="given", feature_hint="near river")
    assert resolve_places([mention], InMemoryGazetteer([juba]))[0].lat is None


def test_a_compass_part_of_a_province_abroad_is_no_reading() -> None:
    # "the Northern Rivers region" of a report from New South Wales is no part of Rivers State,
    # Nigeria; the report's own town takes it.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "Lismore", -28.81, 153.28, "AUS", "PPL", 28_000, "New South Wales"),
            make_entry(2, "Rivers", 4.9, 7.0, "NGA", "ADM1", admin1="Rivers"),
        ]
    )
    text = "LISMORE - Rain fell across the Northern Rivers region, Lismore said."
    mentions = [
        PlaceMention(Span("LISMORE", 0, 7), 0, label="given"),
        PlaceMention(Span("Northern Rivers", 31, 46), 0, label="given", feature_hint="province"),
        PlaceMention(Span("Lismore", 55, 62), 0, label="given"),
    ]
    assert text[31:46] == "Northern Rivers" and text[55:62] == "Lismore"
    assert resolve_places(mentions, gazetteer)[1].country == "AUS"


def test_a_city_formally_named_city_of_x_is_a_town_named_x() -> None:
    # The gazetteer holds "City of San Pablo" only as a division abroad; the city of that formal
    # name is listed as "San Pablo", in the province the dateline names. A full form listed as a
    # town keeps its reading: "the City of London" is no London of Ontario.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "San Pablo", 10.0, -62.0, "VEN", "ADM2", admin1="Sucre"),
            make_entry(2, "San Pablo", 14.07, 121.33, "PHL", "PPL", 260_000, "Calabarzon"),
            make_entry(3, "Laguna", 14.17, 121.33, "PHL", "ADM2", admin1="Calabarzon"),
            make_entry(4, "City of London", 51.51, -0.09, "GBR", "PPL", 8_000, "England"),
            make_entry(5, "London", 42.98, -81.23, "CAN", "PPL", 420_000, "Ontario"),
            make_entry(6, "London", 51.51, -0.13, "GBR", "PPLC", 8_900_000, "England"),
        ],
        names={1: ["City of San Pablo"]},
    )
    text = "CITY OF SAN PABLO, Laguna -- The council met on Monday."
    city = PlaceMention(Span("CITY OF SAN PABLO", 0, 17), 0, label="given", qualifier="Laguna")
    province = PlaceMention(Span("Laguna", 19, 25), 0, label="given")
    assert text[19:25] == "Laguna"
    assert resolve_places([city, province], gazetteer)[0].geonameid == 2
    mention = PlaceMention(Span("City of London", 4, 18), 0, label="given")
    assert resolve_places([mention], gazetteer)[0].geonameid == 4
