"""The linking rules a conflict-data coder would state: a drone strike is an air strike, protests
without a place do not link on the day alone, and a denial does not take a report from the
account it denies."""

from __future__ import annotations

from builders import make_place
from incidents.incident_reports import ALEPPO, memberships, store_report, strike

from eventwire.incidents import IncidentRules, build_incidents
from eventwire.incidents.profiles import make_profile
from eventwire.incidents.scoring import score_pair
from eventwire.records import StoredEvent
from eventwire.store import Store

RULES = IncidentRules.load()
KHARTOUM = make_place("Khartoum", geonameid=379252, lat=15.55, lon=32.53, country="SDN", admin1="Khartoum")


def profile(event, seq=1):  # type: ignore[no-untyped-def]
    return make_profile(
        StoredEvent(event, seq, "Outlet", "2024-03-02"), RULES.family(event.type) or "", RULES
    )


def test_the_rules_file_groups_drone_and_air_strikes() -> None:
    assert RULES.same_mode_group("drone", "aerial")
    assert not RULES.same_mode_group("aerial", "explosives")
    assert not RULES.same_mode_group("drone", "no-such-mode")


def test_a_drone_strike_scores_like_an_air_strike_and_above_a_bombing() -> None:
    air = profile(strike("air", "a1", sentence="Warplanes hit the airfield overnight."))
    drone = profile(strike("drone", "a2", mode="drone", sentence="Drones struck the base."))
    unstated = profile(strike("unstated", "a3", mode=None, sentence="Drones struck the base."))
    bombing = profile(strike("bombing", "a4", mode="explosives", sentence="Drones struck the base."))

    assert score_pair(air, drone, RULES) == score_pair(air, unstated, RULES)
    assert score_pair(air, drone, RULES) > score_pair(air, bombing, RULES)


def test_outlets_calling_one_attack_an_air_and_a_drone_strike_a_day_apart_make_one_incident(
    store: Store,
) -> None:
    air = strike("air", "a1", sentence="An attack from the air hit Aleppo.")
    drone = strike("drone", "a2", mode="drone", day="2024-03-02", sentence="UAVs raided overnight.")
    store_report(store, "a1", "Wire", [air])
    store_report(store, "a2", "Monitor", [drone])
    modes_apart = profile(
        strike("drone", "a2", mode="explosives", day="2024-03-02", sentence="UAVs raided overnight.")
    )

    build_incidents(store)

    assert score_pair(profile(air), modes_apart, RULES) < RULES.thresholds["link"]  # a link by the rule

    assert memberships(store) == {frozenset({"air", "drone"})}


def protest(event_id: str, article_id: str, sentence: str, place=None):  # type: ignore[no-untyped-def]
    return strike(event_id, article_id, type_="PROTEST", mode="demo", place=place, sentence=sentence)


def test_two_protests_without_a_place_on_one_day_stay_apart(store: Store) -> None:
    march = protest("march", "a1", "Thousands marched on the palace.")
    traders = protest("traders", "a2", "Traders closed shops over new taxes.")
    store_report(store, "a1", "Wire", [march])
    store_report(store, "a2", "Daily", [traders])
    pair = score_pair(profile(march), profile(traders), RULES)

    build_incidents(store)

    assert RULES.thresholds["link"] <= pair < RULES.thresholds["weak"]  # a link but for the rule
    assert memberships(store) == {frozenset({"march"}), frozenset({"traders"})}


def test_two_reports_of_a_protest_in_one_city_on_one_day_link(store: Store) -> None:
    store_report(store, "a1", "Wire", [protest("march", "a1", "Thousands marched in Khartoum.", KHARTOUM)])
    store_report(store, "a2", "Daily", [protest("again", "a2", "Protesters rallied on Monday.", KHARTOUM)])

    build_incidents(store)

    assert memberships(store) == {frozenset({"march", "again"})}


def test_a_report_joins_the_account_of_a_strike_not_the_same_outlets_denial(store: Store) -> None:
    told = "Air strikes hit a vegetable market in Aleppo on Friday, killing civilians."
    denied = "The ministry denied its aircraft carried out strikes near the market."
    store_report(
        store,
        "a1",
        "Wire",
        [strike("account", "a1", sentence=told), strike("denial", "a1", status="denied", sentence=denied)],
    )
    store_report(store, "a2", "Rescuers", [strike("rescuers", "a2", place=None, sentence=denied)])
    account, denial, rescuers = (
        profile(strike("account", "a1", sentence=told)),
        profile(strike("denial", "a1", status="denied", sentence=denied)),
        profile(strike("rescuers", "a2", place=None, sentence=denied)),
    )

    build_incidents(store)

    # By score alone the rescuers' report would join the denial.
    assert (
        score_pair(rescuers, denial, RULES) > score_pair(rescuers, account, RULES) >= RULES.thresholds["link"]
    )
    assert memberships(store) == {frozenset({"account", "rescuers"}), frozenset({"denial"})}


def test_a_denial_still_joins_the_incident_it_denies(store: Store) -> None:
    store_report(store, "a1", "Wire", [strike("claim", "a1", killed=5, place=ALEPPO)])
    store_report(store, "a2", "Ministry", [strike("denial", "a2", killed=5, status="denied")])

    build_incidents(store)

    assert memberships(store) == {frozenset({"claim", "denial"})}
