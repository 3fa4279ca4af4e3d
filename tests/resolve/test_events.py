"""Assembling events from resolved mentions: date choice, location choice, merging, splitting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.data.lexicon import EventLexicon
from eventwire.records import (
    ActorMention,
    Article,
    DateMention,
    EventMention,
    Place,
    PlaceMention,
    ResolvedDate,
    Span,
)
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.events import key, resolve_events

TEXT = "x" * 400
ARTICLE = Article(id="a-1", text=TEXT, published="2024-03-15")


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.from_rows([("rebels", "", "REB", "role", "")])


def span(start: int, end: int) -> Span:
    return Span(TEXT[start:end], start, end)


def place(
    name: str, geonameid: int, start: int, precision: int = 1, country: str = "SYR", code: str = "PPL"
) -> Place:
    return Place(name, geonameid, 35.0, 36.0, country, None, precision, name, span(start, start + 5), code)


def mention(
    trigger_at: int,
    *,
    type_: str = "ASSAULT",
    mode: str | None = "drone",
    places=(),
    dates=(),
    sources=(),
    sentence=(0, 100),
    status="asserted",
):
    return EventMention(
        type=type_,
        mode=mode,
        cameo="195",
        acled_event_type=None,
        acled_sub_event_type=None,
        trigger=span(trigger_at, trigger_at + 6),
        sentence=0,
        sentence_span=span(*sentence),
        status=status,
        sources=tuple(sources),
        places=tuple(PlaceMention(p.span, 0) for p in places),
        dates=tuple(DateMention(d.span, 0) for d in dates),
    )


def run(mentions, places=(), dates=(), lexicon=None, actors=None):
    return resolve_events(
        ARTICLE,
        mentions,
        places={key(p.span): p for p in places},
        dates={key(d.span): d for d in dates},
        actors=actors,
        lexicon=lexicon,
    )


def test_coordinated_sites_split_into_linked_events(lexicon, actors):
    base_a, base_b = place("Base A", -1, 10), place("Base B", -2, 20)
    events = run([mention(0, places=[base_a, base_b])], [base_a, base_b], lexicon=lexicon, actors=actors)
    assert [e.location.name for e in events] == ["Base A", "Base B"]
    assert events[0].link == events[1].link is not None
    assert events[0].id != events[1].id


def test_most_specific_place_wins_over_its_country(lexicon, actors):
    town, country = place("Saqba", -15, 10), place("Syria", 163843, 20, precision=3, code="PCLI")
    (event,) = run([mention(0, places=[country, town])], [town, country], lexicon=lexicon, actors=actors)
    assert event.location.name == "Saqba" and event.link is None


def test_repeated_mentions_of_one_attack_merge(lexicon, actors):
    base = place("Base A", -1, 10)
    country = place("Syria", 163843, 150, precision=3, code="PCLI")
    saturday = ResolvedDate("2024-03-09", "day", "Saturday", span(30, 38))
    first = mention(0, places=[base], dates=[saturday])
    second = mention(110, places=[country], sentence=(100, 200))
    third = mention(210, sentence=(200, 300))
    events = run([first, second, third], [base, country], [saturday], lexicon=lexicon, actors=actors)
    assert len(events) == 1
    assert events[0].location.name == "Base A" and events[0].date.value == "2024-03-09"
    assert [m.start for m in events[0].mentions] == [0, 100, 200]


@pytest.mark.parametrize(
    "other",
    [
        {"mode": "aerial"},  # another means of attack
        {"status": "hypothetical"},  # "might attack again"
        {"dates": "2024-03-01"},  # another day
        {"places": "elsewhere"},  # another place in another country
    ],
)
def test_mentions_that_conflict_stay_apart(lexicon, actors, other):
    saturday = ResolvedDate("2024-03-09", "day", "Saturday", span(30, 38))
    base = place("Base A", -1, 10)
    first = mention(0, places=[base], dates=[saturday])
    extra_places, extra_dates, kwargs = [base], [saturday], {}
    if other.get("dates"):
        earlier = ResolvedDate(other["dates"], "day", "March 1", span(130, 137))
        extra_dates.append(earlier)
        kwargs["dates"] = [earlier]
    if other.get("places"):
        far = place("Kyiv", 703448, 150, country="UKR")
        extra_places.append(far)
        kwargs["places"] = [far]
    second = mention(
        110,
        sentence=(100, 200),
        mode=other.get("mode", "drone"),
        status=other.get("status", "asserted"),
        **kwargs,
    )
    assert len(run([first, second], extra_places, extra_dates, lexicon=lexicon, actors=actors)) == 2


def test_date_basis_sentence_then_publication(lexicon, actors):
    monday = ResolvedDate("2024-03-11", "day", "Monday", span(50, 56))
    in_sentence = mention(0, sentence=(0, 100))
    elsewhere = mention(110, mode=None, sentence=(100, 200))
    first, second = run([in_sentence, elsewhere], dates=[monday], lexicon=lexicon, actors=actors)
    assert (first.date.value, first.date.basis) == ("2024-03-11", "sentence")
    assert (second.date.value, second.date.precision, second.date.basis) == (
        "2024-03-15",
        "unknown",
        "publication",
    )


def test_a_date_attached_to_another_event_is_not_borrowed(lexicon, actors):
    wednesday = ResolvedDate("2024-03-13", "day", "Wednesday", span(50, 59))
    request = mention(0, mode=None, dates=[wednesday])
    offensive = mention(70, mode=None)
    _, second = run([request, offensive], dates=[wednesday], lexicon=lexicon, actors=actors)
    assert second.date.basis == "publication"


def test_a_target_thing_takes_the_country_of_the_event_place(lexicon, actors):
    # CAMEO codes what was hit by the country it is in; a party the dictionary knows is left as is.
    town = place("Saqba", -15, 10)
    roads = ActorMention(Span("roads", 30, 35), 0, "roads")
    rebels = ActorMention(Span("rebels", 40, 46), 0, "rebels")
    event_mention = replace(mention(0, places=[town]), targets=(roads, rebels))
    (event,) = run([event_mention], [town], lexicon=lexicon, actors=actors)
    assert [(a.country, a.sector) for a in event.target_actors] == [("SYR", None), (None, "REB")]


def test_without_a_place_a_target_thing_stays_uncoded(lexicon, actors):
    roads = ActorMention(Span("roads", 30, 35), 0, "roads")
    (event,) = run([replace(mention(0), targets=(roads,))], lexicon=lexicon, actors=actors)
    assert [a.country for a in event.target_actors] == [None]


# The actor coded when the text names none: unidentified attackers, a country's authorities.


def test_an_attack_with_no_named_attacker_is_coded_to_unidentified_forces_of_its_country(lexicon, actors):
    samarra = place("Samarra", -1, 20, country="IRQ")
    (event,) = run(
        [mention(0, mode="explosive", places=[samarra])], [samarra], lexicon=lexicon, actors=actors
    )
    (source,) = event.source_actors
    assert (source.country, source.sector, source.span) == ("IRQ", "UAF", None)


def test_a_named_attacker_is_kept(lexicon, actors):
    samarra = place("Samarra", -1, 20, country="IRQ")
    rebels = ActorMention(span(40, 46), 0, "rebel")
    attack = mention(0, mode=None, places=[samarra], sources=[rebels])
    (event,) = run([attack], [samarra], lexicon=lexicon, actors=actors)
    assert [a.span for a in event.source_actors] == [rebels.span]  # no unidentified one beside it


def test_an_arrest_with_no_agent_is_by_the_authorities_of_its_country(lexicon, actors):
    beirut = place("Beirut", -1, 20, country="LBN")
    arrest = mention(0, type_="COERCE", mode="arrest", places=[beirut])
    (event,) = run([arrest], [beirut], lexicon=lexicon, actors=actors)
    assert [(a.country, a.sector) for a in event.source_actors] == [("LBN", None)]


def test_no_unnamed_source_without_one_located_country(lexicon, actors):
    (event,) = run([mention(0, mode=None)], lexicon=lexicon, actors=actors)
    assert event.source_actors == ()
    kano = place("Kano", -1, 20, country="NGA")  # an abduction is no act of state: no authorities added
    (event,) = run(
        [mention(0, type_="COERCE", mode="abduct", places=[kano])], [kano], lexicon=lexicon, actors=actors
    )
    assert event.source_actors == ()


@pytest.mark.parametrize(("town_at", "merged"), [((14.8, 42.95), True), ((40.7, -74.0), False)])
def test_a_sea_holds_the_places_within_its_reach(lexicon, actors, town_at, merged):
    # a headline's "attack in the Red Sea" and the body's "off the port of Hodeidah": one attack
    sea = Place("Red Sea", -3033, 20.0, 38.5, None, None, 3, "Red Sea", span(10, 15), "SEA")
    town = Place("Port", -9, *town_at, "YEM", None, 1, "Port", span(110, 115), "PPL")
    first = mention(0, places=[sea])
    second = mention(105, places=[town], sentence=(100, 200))
    events = run([first, second], [sea, town], lexicon=lexicon, actors=actors)
    assert (len(events) == 1) is merged
    assert events[-1].location.name == "Port"
