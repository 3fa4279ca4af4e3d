"""The ranking's feature hook and the learned ranker behind ``[gazetteer] ranker = "learned"``
(a hand-made gazetteer; the bundled model file)."""

from __future__ import annotations

import math

import pytest
from builders import make_entry, mention_at

from eventwire.config import load_config
from eventwire.errors import ConfigError, ResourceError
from eventwire.resolve.gazetteer import InMemoryGazetteer
from eventwire.resolve.places import resolve_places
from eventwire.resolve.places.article import recorded_rankings
from eventwire.resolve.places.learned import LearnedRanker, entry_features, load_place_ranker
from eventwire.resolve.places.ranking import _WEIGHTS

GAZETTEER = InMemoryGazetteer([
    make_entry(2968815, "France", 46.0, 2.0, "FRA", "PCLI", 67_000_000),
    make_entry(6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327_000_000),
    make_entry(294640, "Israel", 31.5, 34.75, "ISR", "PCLI", 8_900_000),
    make_entry(357994, "Egypt", 27.0, 30.0, "EGY", "PCLI", 98_000_000),
    make_entry(2988507, "Paris", 48.85, 2.35, "FRA", "PPLC", 2_138_551, "Île-de-France"),
    make_entry(4717560, "Paris", 33.66, -95.56, "USA", "PPL", 24_171, "Texas"),
    make_entry(4624601, "Paris", 36.30, -88.33, "USA", "PPL", 10_150, "Tennessee"),
    make_entry(4736286, "Texas", 31.25, -99.25, "USA", "ADM1", 0, "Texas"),
    make_entry(4691930, "Fort Worth", 32.73, -97.32, "USA", "PPL", 895_008, "Texas"),
    make_entry(281133, "Gaza", 31.50, 34.47, "PSE", "PPL", 410_000, "Gaza Strip"),
    make_entry(1045114, "Gaza", -23.0, 32.5, "MOZ", "ADM1", 0, "Gaza"),
    make_entry(1851632, "Lyon", 45.76, 4.84, "FRA", "PPLA", 516_092, "Auvergne"),
    make_entry(4300000, "Lyon", 34.0, -86.0, "USA", "PPL", 3_000, "Alabama"),
])

TEXTS = [
    ("Crowds gathered in Paris and Lyon, France said.", ["Paris", "Lyon", "France"]),
    ("A storm hit Paris near Fort Worth in Texas.", ["Paris", "Fort Worth", "Texas"]),
    ("Shelling in Gaza as Israel and Egypt met.", ["Gaza", "Israel", "Egypt"]),
]


def _mentions(text: str, names: list[str]) -> list:
    return [mention_at(text, name) for name in names]


@pytest.fixture(scope="module")
def learned() -> LearnedRanker:
    ranker = load_place_ranker("learned")
    assert ranker is not None
    return ranker


@pytest.mark.parametrize(("text", "names"), TEXTS)
def test_the_feature_hook_returns_the_rankers_own_decision(text: str, names: list[str]) -> None:
    plain = resolve_places(_mentions(text, names), GAZETTEER)
    with recorded_rankings() as calls:
        recorded = resolve_places(_mentions(text, names), GAZETTEER)
    assert recorded == plain  # recording changes nothing
    assert len(calls) == 1
    for place, choice in zip(recorded, calls[0], strict=True):
        assert choice is not None and choice.ranked
        assert choice.ranked[0].entry.geonameid == place.geonameid
        for candidate in choice.ranked:
            rules_total = sum(_WEIGHTS[name] * value for name, value in candidate.features.items())
            assert math.isclose(candidate.total, rules_total)
        totals = [c.total for c in choice.ranked]
        assert totals == sorted(totals, reverse=True)


def test_the_hook_records_nothing_outside_its_block() -> None:
    with recorded_rankings() as calls:
        pass
    resolve_places(_mentions(*TEXTS[0]), GAZETTEER)
    assert calls == []


def test_the_model_file_loads_with_its_declared_features(learned: LearnedRanker) -> None:
    declared = {*_WEIGHTS, *entry_features(make_entry(1, "X", 0.0, 0.0, "FRA"))}
    assert set(learned.features) == declared
    assert learned.version and "logistic regression" in learned.fitted
    assert learned.sharpness > 0
    assert all(math.isfinite(c) for c in learned.coefficients.values())
    # The evidence a geographer names first must count for a candidate, not against it.
    for name in ("qualifier", "context", "name"):
        assert learned.coefficients[name] > 0, name


@pytest.mark.parametrize(
    ("text", "names", "name", "country"),
    [
        (*TEXTS[0], "Paris", "FRA"),
        (*TEXTS[1], "Paris", "USA"),
        (*TEXTS[2], "Gaza", "PSE"),
        ("Protests spread across Paris on Sunday.", ["Paris"], "Paris", "FRA"),
    ],
)
def test_with_the_learned_ranker_simple_cases_resolve_sensibly(
    learned: LearnedRanker, text: str, names: list[str], name: str, country: str
) -> None:
    places = resolve_places(_mentions(text, names), GAZETTEER, ranker=learned)
    place = places[names.index(name)]
    assert place.country == country
    assert place.reason.startswith("learned: ")
    assert 0.0 < place.score <= 1.0


def test_a_model_file_without_a_version_is_refused() -> None:
    with pytest.raises(ResourceError, match="version"):
        LearnedRanker.parse("feature\tcoefficient\nhint\t1.0\n")
    with pytest.raises(ResourceError, match="line 2"):
        LearnedRanker.parse("# version: 1\nhint\tmany\n")


def test_the_config_switch_defaults_to_the_rules(tmp_path) -> None:
    assert load_config().gazetteer.ranker == "rules"
    assert load_place_ranker("rules") is None
    user = tmp_path / "eventwire.toml"
    user.write_text('[gazetteer]\nranker = "learned"\n', "utf-8")
    assert isinstance(load_place_ranker(load_config(user).gazetteer.ranker), LearnedRanker)
    with pytest.raises(ConfigError, match="ranker"):
        load_place_ranker("trees")
