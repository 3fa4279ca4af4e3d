"""Sites, landmarks and natural features the gazetteer lacks, and seas and world regions against
their namesake towns and provinces. A small hand-made gazetteer; each case names the rule."""

from __future__ import annotations

from dataclasses import replace

from builders import make_entry, make_place, mention_at

from eventwire.data.place_words import site_kind
from eventwire.records import PlaceMention, Span
from eventwire.resolve.gazetteer import GazetteerEntry, InMemoryGazetteer, normalize_toponym
from eventwire.resolve.places import resolve_places
from eventwire.resolve.places.sites import _in_container, _name_parts, main_place


def _sea(gid: int, name: str, lat: float, lon: float, code: str = "SEA") -> GazetteerEntry:
    return GazetteerEntry(gid, name, lat, lon, "", "", "H", code, 0)


ENTRIES = [
    make_entry(1, "Syria", 35.0, 38.0, "SYR", "PCLI", 18_000_000),
    make_entry(2, "Qamishli", 37.05, 41.23, "SYR", "PPL", 184_000, "Hasaka"),
    make_entry(3, "Hasaka", 36.50, 40.75, "SYR", "ADM1", admin1="Hasaka"),
    make_entry(4, "Aleppo", 36.20, 37.16, "SYR", "PPLA", 1_600_000, "Aleppo"),
    make_entry(5, "Baltimore", 39.29, -76.61, "USA", "PPL", 600_000, "Maryland"),
    make_entry(6, "Hopkins", 44.92, -93.40, "USA", "PPL", 17_000, "Minnesota"),
    make_entry(7, "United States", 39.8, -98.5, "USA", "PCLI", 327_000_000),
    make_entry(8, "Miami", 25.77, -80.19, "USA", "PPL", 440_000, "Florida"),
    make_entry(9, "Cuba", 22.0, -79.5, "CUB", "PCLI", 11_000_000),
    make_entry(10, "Duke", 34.66, -99.57, "USA", "PPL", 400, "Oklahoma"),
    make_entry(11, "Red Sea", 19.5, 36.0, "SDN", "ADM1", admin1="Red Sea"),
    _sea(-3033, "Red Sea", 20.0, 38.5),
    make_entry(12, "Aqaba", 29.53, 35.0, "JOR", "PPLA", 95_000),
    make_entry(13, "Pacific", 38.49, -90.74, "USA", "PPL", 7_000, "Missouri"),
    _sea(-3021, "Pacific Ocean", 0.0, -160.0, "OCN"),
    make_entry(-3001, "Middle East", 29.0, 41.0, "", "RGN"),
    make_entry(14, "Middle East", 5.0, 5.0, "NGA", "PPL", 300),
]
NAMES = {-3021: ["Pacific"]}


def _resolve(text: str, names: list[tuple[str, str | None]], label: str = "given"):  # type: ignore[no-untyped-def]
    """Resolve each (name, qualifier) found in `text`, in the context of all of them."""
    gazetteer = InMemoryGazetteer(ENTRIES, names=NAMES)
    mentions = []
    for name, qualifier in names:
        start = text.index(name)
        mentions.append(
            PlaceMention(Span(name, start, start + len(name)), 0, label=label, qualifier=qualifier)
        )
    return resolve_places(mentions, gazetteer)


def test_site_kind_reads_the_head_of_a_name() -> None:
    assert site_kind("Aleppo University") == "site"
    assert site_kind("University of Aleppo") == "site"
    assert site_kind("National University of Colombia") == site_kind("STATE UNIVERSITY OF OHIO") == "site"
    assert site_kind("Republic of Korea") is None
    assert site_kind("Newark International Airport") == "site"
    assert site_kind("Red River") == "natural"
    assert site_kind("Aleppo") is None
    assert site_kind("Field") is None  # one word is a name, not a site
    # Head-first names, as Spanish, French or Italian write them, joined by a preposition.
    assert site_kind("Hospital Universitario de Caracas") == "site"
    assert site_kind("Aeropuerto Internacional de Maiquetia") == "site"
    assert site_kind("Universidad Central") is None
    assert site_kind("Oxford Street") == site_kind("Rue de Rivoli") == "street"


def test_name_parts_leave_out_generic_words_longest_first() -> None:
    assert _name_parts("Qamishli National Hospital") == ["Qamishli"]
    assert _name_parts("Johns Hopkins University Hospital") == ["Johns Hopkins", "Hopkins", "Johns"]
    # Of parts of one length the last first: a person's given name comes first.
    assert _name_parts("George Washington University") == ["George Washington", "Washington", "George"]
    assert _name_parts("Hospital Universitario de Caracas") == ["Caracas"]
    assert _name_parts("Rio de Janeiro International Airport")[0] == "Rio de Janeiro"
    assert _name_parts("Oxford Street bus station") == []  # the street's namesake, not its town


def test_a_street_named_after_a_town_lies_in_the_articles_place_not_in_that_town() -> None:
    # Oxford Street is in London; the street's own name says nothing of where it lies.
    text = "Shelling in Aleppo, then in Aleppo again; a rally on Qamishli Street."
    places = _resolve(text, [("Aleppo", None), ("Qamishli Street", None)])
    assert places[1].name == "Aleppo" and places[1].precision == 2
    assert places[1].reason.startswith("drawn at the article's main place Aleppo")


def test_a_site_lies_in_the_place_the_text_puts_it() -> None:
    # "Johns Hopkins University Hospital in Baltimore": the container, not Hopkins, Minnesota.
    text = "surgeon at Johns Hopkins University Hospital in Baltimore"
    site, town = _resolve(text, [("Johns Hopkins University Hospital", "Baltimore"), ("Baltimore", None)])
    assert (site.name, site.lat) == ("Baltimore", town.lat)
    assert site.precision == 2 and site.text == "Johns Hopkins University Hospital"
    assert site.reason.startswith("site in Baltimore")


def test_a_site_named_after_a_town_of_the_articles_country_lies_there() -> None:
    text = "Wounded reached Qamishli National Hospital, the Syria observatory said."
    site, _ = _resolve(text, [("Qamishli National Hospital", None), ("Syria", None)])
    assert site.name == "Qamishli" and site.precision == 2
    assert site.reason.startswith("site named after Qamishli")


def test_a_site_named_after_a_person_is_named_by_the_surname_next_to_its_facility_word() -> None:
    # "George Washington University": Washington, not George, South Africa.
    gazetteer = InMemoryGazetteer([
        *ENTRIES,
        make_entry(20, "George", -33.96, 22.46, "ZAF", "PPL", 160_000, "Western Cape"),
        make_entry(21, "Washington", 38.90, -77.04, "USA", "PPLC", 690_000, "District of Columbia"),
    ])
    text = "Students at George Washington University marched to the United States embassy."
    site_at, country_at = text.index("George"), text.index("United")
    mentions = [
        PlaceMention(Span("George Washington University", site_at, site_at + 28), 0, label="given"),
        PlaceMention(Span("United States", country_at, country_at + 13), 0, label="given"),
    ]
    site, _ = resolve_places(mentions, gazetteer)
    assert site.name == "Washington" and site.reason.startswith("site named after Washington")


def test_a_site_named_after_a_province_lies_in_it_not_in_a_town_of_its_name_elsewhere() -> None:
    # A story naming Miami and Cuba: "Florida International University" is in the US state, not
    # the Cuban town of Florida, and where the story is set in that state: at Miami. A site
    # named after a province's namesake seat lies at the seat.
    gazetteer = InMemoryGazetteer([
        *ENTRIES,
        make_entry(22, "Florida", 28.0, -81.7, "USA", "ADM1", admin1="Florida"),
        make_entry(23, "Florida", 21.53, -78.22, "CUB", "PPL", 54_000, "Camagüey"),
    ])
    text = "Exiles in Miami, Cuba and Florida International University."
    mentions = [
        PlaceMention(Span(name, text.index(name), text.index(name) + len(name)), 0, label="given")
        for name in ("Miami", "Cuba", "Florida International University")
    ]
    site = resolve_places(mentions, gazetteer)[2]
    assert (site.name, site.country) == ("Miami", "USA")
    assert site.reason.startswith("drawn at the article's main place Miami")
    text = "Wounded reached Hasaka National Hospital and Qamishli, Syria."
    mentions = [
        PlaceMention(Span(name, text.index(name), text.index(name) + len(name)), 0, label="given")
        for name in ("Hasaka National Hospital", "Qamishli", "Syria")
    ]
    seat = make_entry(24, "Hasaka", 36.49, 40.74, "SYR", "PPLA", 190_000, "Hasaka")
    site = resolve_places(mentions, InMemoryGazetteer([*ENTRIES, seat]))[0]
    assert (site.name, site.feature_code) == ("Hasaka", "PPLA")


def test_a_small_namesake_in_a_province_the_article_never_nears_does_not_name_a_site() -> None:
    # A hospital named after a president in a report from Buffalo: not Fillmore, California
    # (15,000 people), a town of the article's country but of no province the article names.
    gazetteer = InMemoryGazetteer([
        *ENTRIES,
        make_entry(25, "Buffalo", 42.89, -78.88, "USA", "PPL", 260_000, "New York"),
        make_entry(26, "Fillmore", 34.40, -118.92, "USA", "PPL", 15_000, "California"),
    ])
    text = "Buffalo police said he died at Millard Fillmore Suburban Hospital."
    mentions = [
        PlaceMention(Span(name, text.index(name), text.index(name) + len(name)), 0, label="given")
        for name in ("Buffalo", "Millard Fillmore Suburban Hospital")
    ]
    site = resolve_places(mentions, gazetteer)[1]
    assert site.name == "Buffalo" and site.reason.startswith("drawn at the article's main place Buffalo")
    # Named in the text, the state holds the town, and the site is drawn there.
    text = "Millard Fillmore Suburban Hospital staff in California said."
    mentions = [
        PlaceMention(Span(name, text.index(name), text.index(name) + len(name)), 0, label="given")
        for name in ("Millard Fillmore Suburban Hospital", "California")
    ]
    state = make_entry(27, "California", 37.25, -119.75, "USA", "ADM1", admin1="California")
    site = resolve_places(mentions, InMemoryGazetteer([*ENTRIES, state, *gazetteer.lookup("Fillmore")]))[0]
    assert site.name == "Fillmore" and site.reason.startswith("site named after Fillmore")


def test_a_small_namesake_abroad_does_not_name_a_site() -> None:
    # Duke, Oklahoma (400 people) is too small to have a university named after it; the article
    # is set in Aleppo, and that is where the unplaced site is drawn.
    text = "Fighting in Aleppo and Aleppo again; a doctorate from Duke University."
    places = _resolve(text, [("Aleppo", None), ("Duke University", None)])
    assert places[1].name == "Aleppo"
    assert places[1].reason.startswith("drawn at the article's main place Aleppo")


def test_a_town_abroad_that_bears_the_name_only_in_another_language_names_no_site() -> None:
    # Xincheng (100,000 people, Xinjiang) lists "Kouga" among its alternate names; the Kouga
    # Dam of a report from Gqeberha is drawn where the report is set.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "Gqeberha", -33.96, 25.6, "ZAF", "PPL", 967_000, "Eastern Cape"),
            make_entry(2, "Xincheng", 41.71, 82.93, "CHN", "PPL", 102_752, "Xinjiang"),
            make_entry(3, "Kyiv", 50.45, 30.52, "UKR", "PPLC", 2_797_553, "Kyiv City"),
        ],
        names={2: ["Kouga"], 3: ["Kiev"]},
    )
    text = "In Gqeberha and Gqeberha again, rain filled the Kouga Dam; a Kiev University team came."
    names = ["Gqeberha", "Kouga Dam", "Kiev University"]
    mentions = [PlaceMention(Span(n, text.index(n), text.index(n) + len(n)), 0, label="given") for n in names]
    _, dam, institute = resolve_places(mentions, gazetteer)
    assert dam.name == "Gqeberha" and dam.reason.startswith("drawn at the article's main place")
    # A city everyone knows is still named by its exonym.
    assert institute.name == "Kyiv" and institute.reason.startswith("site named after Kyiv")


def test_an_organisation_named_like_a_site_stays_unresolved_without_a_container() -> None:
    text = "In Aleppo, a statement by Duke University."
    gazetteer = InMemoryGazetteer(ENTRIES, names=NAMES)
    mentions = [
        PlaceMention(Span("Aleppo", 3, 9), 0, label="GPE"),
        PlaceMention(Span("Duke University", text.index("Duke"), len(text) - 1), 0, label="ORG"),
    ]
    places = resolve_places(mentions, gazetteer)
    assert places[1].lat is None


def test_a_natural_feature_is_drawn_coarsely_at_its_container() -> None:
    text = "the Qamishli River near Qamishli"
    river, _ = _resolve(text, [("Qamishli River", "Qamishli"), ("Qamishli", None)])
    assert river.name == "Qamishli" and river.precision == 3


def test_a_bare_sea_name_means_the_sea_not_the_province() -> None:
    text = "Aqaba on the Red Sea"
    _, sea = _resolve(text, [("Aqaba", None), ("Red Sea", None)])
    assert sea.geonameid == -3033


def test_an_ocean_and_a_world_region_beat_their_namesake_towns() -> None:
    text = "the Pacific and the Middle East"
    ocean, region = _resolve(text, [("Pacific", None), ("Middle East", None)])
    assert ocean.geonameid == -3021
    assert region.geonameid == -3001


def test_extraction_reads_the_container_of_a_site() -> None:
    from eventwire.extract.place_qualifiers import with_qualifiers

    def at(text: str, name: str) -> PlaceMention:
        start = text.index(name)
        return PlaceMention(Span(name, start, start + len(name)), 0, label="given")

    text = "Qamishli National Hospital in Hasaka and London's Wembley Stadium near Aleppo University"
    names = ["Qamishli National Hospital", "Hasaka", "London", "Wembley Stadium", "Aleppo University"]
    qualified = with_qualifiers(text, [at(text, n) for n in names])
    assert [m.qualifier for m in qualified] == ["Hasaka", None, None, "London", None]
    # Any place the text puts in another, also after the kind of place it is, and the first
    # of a pair; resolution uses the qualifier only where it holds the name.
    for plain, name, holder in [
        ("Qamishli in Hasaka", "Qamishli", "Hasaka"),
        ("the Gondra district of Uttar Pradesh", "Gondra", "Uttar Pradesh"),
        ("Wedza district, Mashonaland East province", "Wedza", "Mashonaland East"),
        ("Abu Shok refugee camp in the Darfur region", "Abu Shok", "Darfur"),
        ("the villages of Foua and Kfraya in Idlib", "Foua", "Idlib"),
        # a bearing from a place puts a name beside it
        ("Wadi Barada valley northwest of Damascus", "Wadi Barada", "Damascus"),
        ("Tal Rifaat village, 20 km north of Aleppo", "Tal Rifaat", "Aleppo"),
    ]:
        mentions = with_qualifiers(plain, [at(plain, name), at(plain, holder)] if "Kfraya" not in plain
                                   else [at(plain, name), at(plain, "Kfraya"), at(plain, holder)])
        assert mentions[0].qualifier == holder, plain
    # A site put in a place by an aside, after a comma and "the".
    text = "The Grand Ethiopian Renaissance Dam, in the Benishangul-Gumuz region, opened."
    names = ["Grand Ethiopian Renaissance Dam", "Benishangul-Gumuz"]
    dam, _ = with_qualifiers(text, [at(text, n) for n in names])
    assert dam.qualifier == "Benishangul-Gumuz"
    text = "Al-Shifa Hospital in the Hamas stronghold was hit."
    hamas = replace(at(text, "Hamas"), label="ORG")
    assert with_qualifiers(text, [at(text, "Al-Shifa Hospital"), hamas])[0].qualifier is None
    # Words that put nothing in a place, and a name NER did not call a place.
    for plain, name, holder in [("Qamishli and Hasaka", "Qamishli", "Hasaka"),
                                ("Hasaka of Qamishli", "Hasaka", "Qamishli"),
                                ("Hasaka was shelled north of Qamishli", "Hasaka", "Qamishli"),
                                ("Bagram, 60 km north of Kabul", "Bagram", "Kabul")]:
        assert with_qualifiers(plain, [at(plain, name), at(plain, holder)])[0].qualifier is None
    text = "Jabal Hayyan in the Western parts of Palmyra"
    western = replace(at(text, "Western"), label="NORP")
    assert with_qualifiers(text, [at(text, "Jabal Hayyan"), western])[0].qualifier is None
    # A place's possessive holds the place after it, as it holds a site.
    text = "dry weather in Vietnam's Central Highlands"
    _, highlands = with_qualifiers(text, [at(text, "Vietnam"), at(text, "Central Highlands")])
    assert highlands.qualifier == "Vietnam"
    # A place that holds another passes no qualifier back along a pair.
    text = "Dallas in Texas and Houston in Louisiana"
    names = ["Dallas", "Texas", "Houston", "Louisiana"]
    assert [m.qualifier for m in with_qualifiers(text, [at(text, n) for n in names])] == [
        "Texas", None, "Louisiana", None
    ]


def test_an_unlisted_village_is_drawn_at_its_container_or_the_main_place_but_a_polity_is_not() -> None:
    # Qamishli, named twice, is the article's main place.
    text = "Shelling hit Kafr Naha, Aleppo, and Tal Jabin near Qamishli, the Soviet Union's heir said."
    village, aleppo, other, qamishli, _, union = _resolve(
        text,
        [("Kafr Naha", "Aleppo"), ("Aleppo", None), ("Tal Jabin", None), ("Qamishli", None),
         ("Qamishli", None), ("Soviet Union", None)],
    )  # fmt: skip
    assert (village.lat, village.precision) == (aleppo.lat, 3) and "site in Aleppo" in village.reason
    assert other.lat == qamishli.lat and "main place Qamishli" in other.reason
    assert site_kind("Soviet Union") == site_kind("Caliphate") == "polity"
    assert union.lat is None


def test_a_village_put_in_a_province_that_holds_no_place_of_its_name_is_drawn_there() -> None:
    # "Duke" is only a village in Oklahoma: "Duke in Hasaka" is the Syrian village the
    # gazetteer lacks, drawn in Hasaka province.
    text = "Shelling hit Duke in Hasaka."
    duke, hasaka = _resolve(text, [("Duke", "Hasaka"), ("Hasaka", None)])
    assert duke.country == "SYR" and duke.lat == hasaka.lat and "site in Hasaka" in duke.reason
    assert "no Duke in the gazetteer in Hasaka" in duke.reason
    # A province that holds a reading keeps it; a country or a big city keeps its own reading.
    qamishli, _ = _resolve("Shelling hit Qamishli in Hasaka.", [("Qamishli", "Hasaka"), ("Hasaka", None)])
    assert qamishli.geonameid == 2
    miami, _ = _resolve("Miami in Hasaka", [("Miami", "Hasaka"), ("Hasaka", None)])
    assert miami.geonameid == 8
    # A province that continues a list is no holder: "Duke, Hasaka and Raqqa" lists places.
    entries = [*ENTRIES, make_entry(16, "Raqqa", 35.95, 39.0, "SYR", "ADM1", admin1="Raqqa")]
    text = "Floods hit Duke, Hasaka and Raqqa"
    qualifiers = {"Duke": "Hasaka"}
    spans = [Span(n, text.index(n), text.index(n) + len(n)) for n in ("Duke", "Hasaka", "Raqqa")]
    mentions = [PlaceMention(span, 0, label="given", qualifier=qualifiers.get(span.text)) for span in spans]
    assert resolve_places(mentions, InMemoryGazetteer(entries, names=NAMES))[0].geonameid == 10
    # A qualifier read by an alternate name is no holder ("Elida in the Teen category").
    gazetteer = InMemoryGazetteer(ENTRIES, names={**NAMES, 3: ["Teen"]})
    text = "Duke in the Teen category"
    mentions = [PlaceMention(Span("Duke", 0, 4), 0, label="given", qualifier="Teen"),
                PlaceMention(Span("Teen", 12, 16), 0, label="GPE")]  # fmt: skip
    assert resolve_places(mentions, gazetteer)[0].geonameid == 10


def test_a_site_put_only_in_the_reports_country_takes_the_reports_setting() -> None:
    # "Al-Kindi Hospital in Syria" in a report from Qamishli: nearer than Syria's point, and
    # so for a name NER called an organisation too.
    text = "Shells hit Al-Kindi Hospital in Syria, Qamishli sources said; Qamishli was calm."
    names = [("Al-Kindi Hospital", "ORG", "Syria"), ("Syria", "GPE", None), ("Qamishli", "GPE", None)]
    mentions = [PlaceMention(Span(n, text.index(n), text.index(n) + len(n)), 0, label=label, qualifier=q)
                for n, label, q in names]  # fmt: skip
    hospital, *_ = resolve_places(mentions, InMemoryGazetteer(ENTRIES, names=NAMES))
    assert hospital.geonameid == 2 and hospital.basis == "setting"


def test_a_site_put_in_a_province_is_drawn_at_the_town_of_it_that_it_is_named_after() -> None:
    # "Hopkins Proving Ground in Minnesota": the village Hopkins of that province, whatever its size.
    entries = [*ENTRIES, make_entry(15, "Minnesota", 46.0, -94.0, "USA", "ADM1", admin1="Minnesota")]
    gazetteer = InMemoryGazetteer(entries, names=NAMES)
    text = "the Hopkins Proving Ground in Minnesota"
    start = text.index("Hopkins")
    mentions = [
        PlaceMention(
            Span("Hopkins Proving Ground", start, start + 22), 0, label="given", qualifier="Minnesota"
        ),
        PlaceMention(Span("Minnesota", text.index("Minnesota"), len(text)), 0, label="given"),
    ]
    site, _ = resolve_places(mentions, gazetteer)
    assert site.geonameid == 6 and "site named after Hopkins" in site.reason


def test_a_small_town_abroad_named_in_passing_in_a_report_set_elsewhere_is_its_unlisted_village() -> None:
    # Three names place the report in Syria; "Duke" (a village in Oklahoma, and only its name
    # brought it in) is the Syrian village the gazetteer lacks, drawn where the report is set.
    text = "Aleppo, Qamishli and Hasaka were shelled; Duke was hit too, Qamishli officials said."
    *_, duke, _ = _resolve(
        text, [("Aleppo", None), ("Qamishli", None), ("Hasaka", None), ("Duke", None), ("Qamishli", None)]
    )
    assert duke.country == "SYR" and duke.basis == "setting"
    assert "best guess Duke, USA" in duke.reason
    # Named as often as the rest, the town is what the report dwells on: it stays itself.
    dwelt = _resolve(
        "Aleppo, Qamishli and Hasaka were shelled; Duke was hit too.",
        [("Aleppo", None), ("Qamishli", None), ("Hasaka", None), *[("Duke", None)] * 3],
    )
    assert dwelt[-1].country == "USA"
    # "The town of Duke" says Duke is a town, not that it is the one in Oklahoma.
    text = "Aleppo, Qamishli and Hasaka were shelled; the town of Duke was hit, Qamishli officials said."
    names = ["Aleppo", "Qamishli", "Hasaka", "Duke"]
    mentions = [PlaceMention(Span(n, text.index(n), text.index(n) + len(n)), 0, label="given",
                             feature_hint="city" if n == "Duke" else None) for n in names]
    later = text.rindex("Qamishli")
    mentions.append(PlaceMention(Span("Qamishli", later, later + 8), 0, label="given"))
    town = resolve_places(mentions, InMemoryGazetteer(ENTRIES, names=NAMES))[3]
    assert town.country == "SYR" and "best guess Duke, USA" in town.reason


def test_a_village_of_a_country_named_nowhere_else_is_a_stranger_in_a_report_of_several() -> None:
    # No one country holds three in four of the report's places (Syria two, Jordan and Cuba one
    # each), but the village Duke lies in a country none of them is in: it is the report's
    # unlisted village, drawn where the report is set.
    text = "Aleppo and Qamishli were shelled, Aqaba and Cuba heard; Duke was hit too."
    names = [("Aleppo", None), ("Qamishli", None), ("Aqaba", None), ("Cuba", None), ("Duke", None)]
    *_, duke = _resolve(text, names)
    assert duke.country == "SYR" and "best guess Duke, USA" in duke.reason


def test_a_report_is_set_where_its_towns_lie_though_it_names_other_countries_often() -> None:
    # Russia is named three times as an actor, Moscow once: the report's towns and provinces
    # (five of six) set it in Syria, and a town of Iraq, a country it never names, is the
    # Syrian place of that name the gazetteer lacks.
    entries = [
        *ENTRIES,
        make_entry(20, "Russia", 60.0, 100.0, "RUS", "PCLI", 144_000_000),
        make_entry(21, "Moscow", 55.75, 37.62, "RUS", "PPLC", 10_000_000, "Moscow"),
        make_entry(22, "Hamdaniya", 33.0, 44.5, "IRQ", "PPL", 50_000, "Baghdad"),
    ]
    text = ("Aleppo, Qamishli and Hasaka were shelled; Russia said Aleppo would fall, Moscow and Russia "
            "said Hamdaniya was taken; Aleppo and Hamdaniya were calm, Russia said.")
    names = ["Aleppo", "Qamishli", "Hasaka", "Russia", "Aleppo", "Moscow", "Russia", "Hamdaniya", "Aleppo",
             "Hamdaniya", "Russia"]
    mentions, seen = [], {}
    for name in names:
        mentions.append(mention_at(text, name, "given", nth=seen.get(name, 0)))
        seen[name] = seen.get(name, 0) + 1
    places = resolve_places(mentions, InMemoryGazetteer(entries, names=NAMES))
    district = places[names.index("Hamdaniya")]
    assert district.country == "SYR" and "best guess Hamdaniya, IRQ" in district.reason


def test_a_report_settled_by_all_its_names_or_by_its_towns_alone_is_set_there() -> None:
    # Syria named three times, Aleppo and Qamishli, and Aqaba once: the report's names settle it
    # in Syria though its towns alone (two of three) do not, and the Iraqi town is a stranger.
    # A county named in full is no local village: "Cook County" stays in Illinois.
    entries = [
        *ENTRIES,
        make_entry(22, "Hamdaniya", 33.0, 44.5, "IRQ", "PPL", 50_000, "Baghdad"),
        make_entry(24, "Cook County", 41.8, -87.8, "USA", "ADM2", admin1="Illinois"),
    ]
    text = "Syria said Syria and Syria's allies held Aleppo, Qamishli and Aqaba; Hamdaniya fell."
    names = ["Syria", "Syria", "Syria", "Aleppo", "Qamishli", "Aqaba", "Hamdaniya"]
    mentions = [mention_at(text, name, "given", nth=names[:n].count(name)) for n, name in enumerate(names)]
    town = resolve_places(mentions, InMemoryGazetteer(entries, names=NAMES))[-1]
    assert town.country == "SYR" and "best guess Hamdaniya, IRQ" in town.reason
    text = "Storms hit Cook County while Aleppo, Qamishli and Hasaka sweltered."
    mentions = [mention_at(text, n, "given") for n in ("Cook County", "Aleppo", "Qamishli", "Hasaka")]
    assert resolve_places(mentions, InMemoryGazetteer(entries, names=NAMES))[0].geonameid == 24


def test_the_district_of_a_name_is_no_district_abroad_and_holds_no_site_there() -> None:
    # "The Maleh district" says Maleh is a district, not that it is the Algerian one: in a
    # report set in Syria it is the district the gazetteer lacks, and the road in it lies where
    # the report is set, not at a namesake of Maleh.
    entries = [*ENTRIES, make_entry(23, "Maleh", 36.0, 1.0, "DZA", "ADM2", admin1="Ain Defla")]
    text = "Rebels in Aleppo, Qamishli and Hasaka fought for the Castello Road in the Maleh district."
    mentions = [mention_at(text, n, "given") for n in ("Aleppo", "Qamishli", "Hasaka")]
    mentions.append(mention_at(text, "Castello Road", "given", qualifier="Maleh"))
    mentions.append(replace(mention_at(text, "Maleh", "given"), feature_hint="district"))
    *_, road, district = resolve_places(mentions, InMemoryGazetteer(entries, names=NAMES))
    assert district.country == road.country == "SYR"
    assert "site in" not in road.reason


def test_a_name_the_report_left_unresolved_holds_no_site_at_a_namesake() -> None:
    gazetteer = InMemoryGazetteer(ENTRIES, names=NAMES)
    road = mention_at("the Castello Road in Qamishli", "Castello Road", "given", qualifier="Qamishli")
    assert _in_container(road, {}, gazetteer, {"SYR"}, set())[0].geonameid == 2
    assert _in_container(road, {}, gazetteer, {"SYR"}, {normalize_toponym("Qamishli")}) is None


def test_the_main_place_is_in_the_country_whose_towns_and_provinces_the_report_names_most() -> None:
    def place(name: str, gid: int, country: str, code: str = "PPL"):  # type: ignore[no-untyped-def]
        return make_place(name, geonameid=gid, country=country, feature_code=code)

    london = place("London", 1, "GBR", "PPLC")
    aleppo, manbij = place("Aleppo", 2, "SYR"), place("Manbij", 3, "SYR")
    syria = place("Syria", 4, "SYR", "PCLI")
    # "the London-based Syrian Observatory" in a report from Aleppo: London is named first.
    assert main_place([london, syria, aleppo, manbij]) == aleppo
    # Country names are as often actors ("U.S. aid"): a report from a Salvadoran department
    # that names "U.S." thrice and Miami once is set in the department, not in Miami.
    usa, miami = place("United States", 5, "USA", "PCLI"), place("Miami", 6, "USA")
    department, el_salvador = place("San Salvador", 7, "SLV", "ADM1"), place("El Salvador", 8, "SLV", "PCLI")
    assert main_place([department, miami, el_salvador, usa, usa, usa]) == department
    # Among one country's places, the most mentioned town, the first among equals.
    assert main_place([syria, manbij, aleppo, aleppo]) == aleppo
    assert main_place([syria, manbij, aleppo]) == manbij
    # A province's name counts for its namesake seat: "Idlib province" twice and "Idlib" once
    # set the report in Idlib more than "Madaya" twice.
    madaya = place("Madaya", 9, "SYR")
    idlib = replace(place("Idlib", 10, "SYR"), admin1="Idlib")
    province = replace(place("Idlib", 11, "SYR", "ADM1"), admin1="Idlib")
    assert main_place([madaya, madaya, province, idlib, province]) == idlib


def test_a_site_in_a_county_stays_there_when_the_report_is_set_elsewhere_in_the_state() -> None:
    gazetteer = InMemoryGazetteer([
        *ENTRIES,
        make_entry(30, "San Francisco", 37.77, -122.42, "USA", "PPL", 870_000, "California"),
        make_entry(31, "Orange County", 33.68, -117.78, "USA", "ADM2", admin1="California"),
        make_entry(32, "California", 37.25, -119.75, "USA", "ADM1", admin1="California"),
    ])
    text = "San Francisco police said he was taken to Mission Hope Hospital in Orange County, California."
    site_at, county_at = text.index("Mission"), text.index("Orange")
    mentions = [
        PlaceMention(Span("San Francisco", 0, 13), 0, label="given"),
        PlaceMention(Span("Mission Hope Hospital", site_at, site_at + 21), 0, label="given",
                     qualifier="Orange County"),
        PlaceMention(Span("Orange County", county_at, county_at + 13), 0, label="given"),
    ]
    site = resolve_places(mentions, gazetteer)[1]
    assert site.name == "Orange County" and site.reason.startswith("site in Orange County")


def _resolve_sentences(sentences: list[list[str]], text: str):  # type: ignore[no-untyped-def]
    """Resolve the names of each sentence (in order of the text), numbered by sentence."""
    mentions, at = [], 0
    for number, names in enumerate(sentences):
        for name in names:
            at = text.index(name, at)
            mentions.append(PlaceMention(Span(name, at, at + len(name)), number, label="given"))
            at += len(name)
    return resolve_places(mentions, InMemoryGazetteer(ENTRIES, names=NAMES))


def test_an_unlisted_name_lies_at_the_other_province_named_before_it_in_its_sentence() -> None:
    # A report set in Aleppo turns to Hasaka: the districts it names there lie in Hasaka, as
    # ACLED codes a place it cannot find at the nearest place the report names.
    text = ("Shells hit Aleppo and Aleppo again. In Hasaka, a reporter said shells hit Ghuwayran "
            "and Nashwa, in Hasaka.")
    places = _resolve_sentences([["Aleppo", "Aleppo"], ["Hasaka", "Ghuwayran", "Nashwa", "Hasaka"]], text)
    assert [p.name for p in places[3:5]] == ["Hasaka", "Hasaka"]
    assert places[3].reason.startswith("drawn at Hasaka, named before it in its sentence")
    assert places[3].precision == 3
    # Named once, another province is as likely a misreading: the main place stands.
    text = "Shells hit Aleppo and Aleppo again. In Hasaka, a reporter said shells hit Ghuwayran."
    places = _resolve_sentences([["Aleppo", "Aleppo"], ["Hasaka", "Ghuwayran"]], text)
    assert places[3].reason.startswith("drawn at the article's main place Aleppo")
    # In the main place's own province the main place stands too.
    text = "Shells hit Aleppo and Aleppo again. In Aleppo, shells hit Ghuwayran."
    places = _resolve_sentences([["Aleppo", "Aleppo"], ["Aleppo", "Ghuwayran"]], text)
    assert places[3].reason.startswith("drawn at the article's main place Aleppo")


def test_a_name_the_possessive_province_lacks_is_no_namesake_elsewhere() -> None:
    # "Florida's Big Bend": the gazetteer's only Big Bend is a village in Wisconsin; the name
    # lies in Florida, and the possessive is no list ("Tank, Punjab and Sindh").
    from eventwire.extract.place_qualifiers import with_qualifiers

    gazetteer = InMemoryGazetteer([
        make_entry(1, "Florida", 28.75, -82.5, "USA", "ADM1", admin1="Florida"),
        make_entry(2, "Tampa", 27.95, -82.46, "USA", "PPL", 384_959, "Florida"),
        make_entry(3, "Big Bend", 42.88, -88.21, "USA", "PPL", 1_312, "Wisconsin"),
    ])  # fmt: skip
    text = "TAMPA (AP) - The storm slammed into Florida's Big Bend coast near Tampa."
    mentions = []
    for name in ("TAMPA", "Florida", "Big Bend", "Tampa"):
        start = text.index(name)
        mentions.append(PlaceMention(Span(name, start, start + len(name)), 0, label="given"))
    _, _, big_bend, _ = resolve_places(with_qualifiers(text, mentions), gazetteer)
    assert big_bend.admin1 == "Florida" and "no Big Bend in the gazetteer in Florida" in big_bend.reason


def test_a_square_is_named_after_elsewhere_as_a_street_is() -> None:
    # Congo Square is in New Orleans: a square's namesake is not where it lies.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "New Orleans", 29.95, -90.08, "USA", "PPL", 390_000, "Louisiana"),
            make_entry(2, "Congo", -7.8, -36.66, "BRA", "ADM2", admin1="Paraiba"),
            make_entry(3, "Brazil", -10.0, -55.0, "BRA", "PCLI", 210_000_000),
        ]
    )
    text = "In New Orleans, a few blocks from Congo Square, a Brazil band played; New Orleans cheered."
    names = ["New Orleans", "Congo Square", "Brazil"]
    mentions = [PlaceMention(Span(n, text.index(n), text.index(n) + len(n)), 0, label="given") for n in names]
    _, square, _ = resolve_places(mentions, gazetteer)
    assert square.name == "New Orleans"


def test_a_museum_is_not_named_after_a_town_that_bears_its_name_only_as_an_alternate() -> None:
    # Little Rock lists "Acropolis" among its names; the Acropolis Museum of a report from
    # Athens is drawn there.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1, "Athens", 37.98, 23.73, "GRC", "PPLC", 664_000, "Attica"),
            make_entry(2, "Little Rock", 34.75, -92.29, "USA", "PPL", 202_591, "Arkansas"),
        ],
        names={2: ["Acropolis"]},
    )
    text = "ATHENS - Greece opened a wing of the Acropolis Museum in Athens."
    names = ["ATHENS", "Acropolis Museum", "Athens"]
    mentions = [PlaceMention(Span(n, text.index(n), text.index(n) + len(n)), 0, label="given") for n in names]
    _, museum, _ = resolve_places(mentions, gazetteer)
    assert museum.name == "Athens"
    # A town's own name with a qualifier, or its spelling, is no alternate: "Frankfurt Zoo" is in
    # Frankfurt am Main, "Seville Museum" in Sevilla.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(3, "Frankfurt am Main", 50.11, 8.68, "DEU", "PPL", 650_000, "Hesse"),
            make_entry(4, "Sevilla", 37.38, -5.97, "ESP", "PPL", 690_000, "Andalusia"),
        ],
        names={3: ["Frankfurt"], 4: ["Seville"]},
    )
    for name, town in [("Frankfurt Zoo", "Frankfurt am Main"), ("Seville Museum", "Sevilla")]:
        (site,) = resolve_places([PlaceMention(Span(name, 0, len(name)), 0, label="given")], gazetteer)
        assert site.name == town, name
