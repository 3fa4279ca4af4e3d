"""The exporters' data tables cover every code the pipeline can produce."""

from __future__ import annotations

from eventwire.data import read_table
from eventwire.export.acled import acled_coding
from eventwire.export.columns import country_codes
from eventwire.export.gdelt import cameo_scales
from eventwire.export.plover import plover_quads
from eventwire.resolve.actors import SECTORS


def test_every_sector_has_an_acled_inter_code():
    coding = acled_coding()
    assert SECTORS - {"UNK"} <= set(coding.actors)
    assert {code.inter for code in coding.actors.values()} <= set(range(1, 9))


def test_every_acled_sub_event_type_has_a_disorder_type():
    coding = acled_coding()
    for row in read_table("acled_codes.tsv"):
        if row["event_type"] != "-":
            assert coding.disorder_type(row["event_type"], row["sub_event_type"]), row["code"]


def test_every_cameo_code_the_pipeline_gives_has_a_quad_class_and_goldstein_score():
    scales = cameo_scales()
    codes = {row["cameo"] for row in read_table("triggers.tsv")} | {
        row["cameo"] for row in read_table("assault_modes.tsv")
    }
    codes.discard("-")
    assert codes
    for code in codes:
        assert scales.quad_class(code) in {1, 2, 3, 4}, code
        assert -10 <= (scales.goldstein_scale(code) or 99) <= 10, code


def test_every_plover_type_has_a_quad():
    types = {row["type"] for row in read_table("triggers.tsv")}
    assert types <= set(plover_quads())


def test_acled_regions_and_names_refer_to_real_countries():
    coding, countries = acled_coding(), country_codes()
    members = [m for m in coding.regions if not m.startswith("continent:")]
    assert set(members) <= set(countries) and len(members) == len(set(members))
    assert set(coding.country_names) <= set(countries)
    assert coding.region(countries["UKR"]) == "Europe"
    assert coding.region(countries["MEX"]) == "Central America"
    assert countries["SYR"].fips == "SY" and countries["SYR"].iso_numeric == 760
