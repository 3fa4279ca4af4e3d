"""An event its own arguments do not place takes the most specific place its sentence names."""

from __future__ import annotations

import pytest

from eventwire.data.lexicon import EventLexicon
from eventwire.records import EventMention, Place
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.events import key, resolve_events

from .test_events import ARTICLE, mention, span


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.from_rows([("rebels", "", "REB", "role", "")])


def place(name: str, start: int, *, country: str = "SYR", admin1: str | None = "Idlib",
          precision: int = 1, code: str = "PPL", geonameid: int = 1) -> Place:  # fmt: skip
    return Place(name, geonameid, 35.0, 36.0, country, admin1, precision, name, span(start, start + 5), code)


def run(mentions: list[EventMention], places: list[Place], lexicon, actors):  # noqa: ANN001
    return resolve_events(
        ARTICLE, mentions, places={key(p.span): p for p in places}, dates={}, actors=actors, lexicon=lexicon
    )


def test_unplaced_event_takes_its_sentence_place(lexicon, actors):
    town = place("Saraqib", 40)
    (event,) = run([mention(0)], [town], lexicon, actors)
    assert event.location is not None and event.location.name == "Saraqib"


def test_a_place_of_another_sentence_is_only_the_articles_setting(lexicon, actors):
    town = place("Saraqib", 140)
    (event,) = run([mention(0)], [town], lexicon, actors)
    assert (event.location.name, event.location.basis, event.location.precision) == ("Saraqib", "setting", 2)
    assert event.location.reason.startswith("the article's setting")


def test_country_level_event_is_refined_within_its_country_only(lexicon, actors):
    syria = place("Syria", 10, admin1=None, precision=3, code="PCLI", geonameid=163843)
    idlib = place("Idlib", 40, admin1="Idlib", precision=3, code="ADM1", geonameid=2)
    (event,) = run([mention(0, places=[syria])], [syria, idlib], lexicon, actors)
    assert event.location.name == "Idlib"
    kilis = place("Kilis", 40, country="TUR", admin1="Kilis", geonameid=3)
    (event,) = run([mention(0, places=[syria])], [syria, kilis], lexicon, actors)
    assert event.location.name == "Syria"


def test_sentence_naming_two_countries_leaves_the_event_unplaced(lexicon, actors):
    town, other = place("Saraqib", 40), place("Kilis", 60, country="TUR", admin1="Kilis", geonameid=3)
    (event,) = run([mention(0)], [town, other], lexicon, actors)
    assert event.location.basis == "setting"  # the sentence does not say which; the setting stands in


def test_own_place_below_country_level_is_kept(lexicon, actors):
    own, other = place("Saraqib", 10), place("Ariha", 40, geonameid=4)
    (event,) = run([mention(0, places=[own])], [own, other], lexicon, actors)
    assert event.location.name == "Saraqib"


def test_most_specific_sentence_place_is_taken_and_never_split(lexicon, actors):
    province = place("Idlib", 20, precision=3, code="ADM1", geonameid=2)
    towns = [place("Saraqib", 40, geonameid=5), place("Ariha", 60, geonameid=6)]
    events = run([mention(0)], [province, *towns], lexicon, actors)
    assert [e.location.name for e in events] == ["Saraqib"]


def test_own_province_is_kept_against_a_town_in_its_sentence(lexicon, actors):
    # "halt the offensive in Idlib province, which Damascus launched": the province is the place
    idlib = place("Idlib", 10, precision=3, code="ADM1", geonameid=2)
    damascus = place("Damascus", 40, admin1="Damascus", code="PPLC", geonameid=7)
    (event,) = run([mention(0, places=[idlib])], [idlib, damascus], lexicon, actors)
    assert event.location.name == "Idlib"
