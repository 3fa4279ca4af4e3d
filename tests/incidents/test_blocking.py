"""Blocking and scoring on their own: the pairs worth scoring grow near-linearly, and scores
order true reports of one incident above near misses."""

from __future__ import annotations

import random
from datetime import date, timedelta

from builders import make_place
from incidents.incident_reports import ALEPPO, IDLIB, strike

from eventwire.incidents import IncidentRules
from eventwire.incidents.blocking import candidate_pairs, compatible
from eventwire.incidents.profiles import make_profile
from eventwire.incidents.scoring import score_pair
from eventwire.records import StoredEvent

RULES = IncidentRules.load()


def profile(event, seq=1, outlet="Outlet"):  # type: ignore[no-untyped-def]
    return make_profile(StoredEvent(event, seq, outlet, "2024-03-02"), RULES.family(event.type) or "", RULES)


def spread_out_events(count: int, duplicated: int) -> tuple[list, set[tuple[str, str]]]:  # type: ignore[type-arg]
    """`count` events over 300 towns in 5 countries and a year, the first `duplicated` of them
    reported a second time by another article (the pairs blocking must keep)."""
    rng = random.Random(13)
    countries = ["SYR", "IRQ", "AFG", "YEM", "NGA"]
    towns = [
        make_place(f"Town {n}", geonameid=n, lat=rng.uniform(10, 40), lon=rng.uniform(10, 70),
                   country=countries[n % 5], admin1=f"Province {n % 40}")
        for n in range(300)
    ]  # fmt: skip
    first_day = date(2023, 1, 1)
    events, truth = [], set()
    for n in range(count):
        day = (first_day + timedelta(days=rng.randrange(365))).isoformat()
        town = towns[rng.randrange(len(towns))]
        events.append(strike(f"e{n}", f"a{n}", day=day, place=town))
        if n < duplicated:
            events.append(strike(f"e{n}-again", f"b{n}", day=day, place=town))
            truth.add((f"e{n}", f"e{n}-again"))
    return events, truth


def test_blocking_keeps_the_scored_pairs_near_linear_and_the_true_pairs_in() -> None:
    events, truth = spread_out_events(2000, duplicated=100)
    profiles = [profile(event, seq) for seq, event in enumerate(events)]

    pairs = candidate_pairs(profiles, RULES)

    n = len(profiles)
    assert len(pairs) < 5 * n < n * n / 2 / 100  # over a hundred times fewer than every pair
    found = {tuple(sorted((profiles[i].event_id, profiles[j].event_id))) for i, j in pairs}
    assert {tuple(sorted(pair)) for pair in truth} <= found


def test_blocking_restricted_to_new_events_finds_only_their_pairs() -> None:
    events, _ = spread_out_events(300, duplicated=30)
    profiles = [profile(event, seq) for seq, event in enumerate(events)]
    everything = candidate_pairs(profiles, RULES)
    fresh = set(range(20))  # the first ten reported twice, both reports

    some = candidate_pairs(profiles, RULES, involving=fresh)

    assert some == [pair for pair in everything if fresh & set(pair)]
    assert 0 < len(some) < len(everything)


def test_the_input_order_does_not_change_the_pairs() -> None:
    events, _ = spread_out_events(300, duplicated=30)
    shuffled = events[:]
    random.Random(3).shuffle(shuffled)

    def named(evs):  # type: ignore[no-untyped-def]
        profiles = [profile(event) for event in evs]
        return {
            frozenset((profiles[i].event_id, profiles[j].event_id))
            for i, j in candidate_pairs(profiles, RULES)
        }

    assert named(shuffled) == named(events)


def test_a_province_is_compatible_with_its_towns_not_with_another_province() -> None:
    idlib_province = make_place("Idlib", geonameid=169387, lat=35.8, lon=36.6, country="SYR",
                                admin1="Idlib", precision=3, feature_code="ADM1")  # fmt: skip
    town = profile(strike("town", "a1", place=IDLIB))
    province = profile(strike("province", "a2", place=idlib_province))
    elsewhere = profile(strike("elsewhere", "a3", place=ALEPPO))

    assert compatible(town, province, RULES)
    assert not compatible(elsewhere, province, RULES)


def test_a_report_of_the_same_strike_scores_above_a_different_attack_on_the_same_day() -> None:
    first = profile(strike("first", "a1", killed=4, sentence="Warplanes struck a market in Aleppo."))
    same = profile(strike("same", "a2", killed=3, sentence="An airstrike on an Aleppo market killed three."))
    other = profile(
        strike(
            "other",
            "a3",
            killed=40,
            mode="suicide-attack",
            sentence="A suicide bomber hit a mosque in Aleppo.",
        )
    )

    assert score_pair(first, same, RULES) >= RULES.thresholds["link"]
    assert score_pair(first, other, RULES) < RULES.thresholds["link"]
