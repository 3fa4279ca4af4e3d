"""General actor coding rules: nationality adjectives, patrons and seats, pronoun referents,
local roles in events abroad, and scraped page furniture (issue 17)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.records import ActorMention, Place, Span
from eventwire.resolve.actors import ActorDictionary, is_agent, resolve_actors, without_seats

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _mention(text: str, start: int = 0, antecedent: Span | None = None) -> ActorMention:
    return ActorMention(Span(text, start, start + len(text)), 0, text.split()[-1], antecedent=antecedent)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        # a nationality adjective on another noun is that noun's nationality, wherever it is
        ("Russian targets in Syria", "RUS"),
        ("Turkish positions in northern Iraq", "TUR"),
        ("US bases in Qatar", "USA"),
        # a bare people "of/in" a country is still coded where it lives
        ("Hungarians of northern Serbia", "SRB"),
        ("Russians in Ukraine", "UKR"),
        # a patron is not the actor's country (ACLED and CAMEO code a proxy by its own country)
        ("Iranian-backed militias", None),
        ("US-backed fighters", None),
    ],
)
def test_nationality_adjective_and_patron(actors: ActorDictionary, phrase: str, country: str | None) -> None:
    assert actors.code(phrase, 2016)[0] == country


@pytest.mark.parametrize(
    "phrase",
    [
        "the Britain-based monitor",
        "a monitor based in Britain",
        "the London-based group",
        "a watchdog headquartered in London",
    ],
)
def test_an_offices_seat_is_not_its_country(actors: ActorDictionary, phrase: str) -> None:
    assert actors.code(phrase, 2016)[0] is None


def test_a_named_organisation_keeps_its_own_country_past_its_seat(actors: ActorDictionary) -> None:
    assert actors.code("the Britain-based Syrian Observatory for Human Rights", 2016) == ("SYR", "NGO")


def test_a_seat_place_does_not_give_the_phrase_its_country(actors: ActorDictionary) -> None:
    text = "a Britain-based monitor"
    britain = Place("United Kingdom", 1, 54.0, -2.0, "GBR", None, 3, "Britain", Span("Britain", 2, 9), "PCLI")
    (actor,) = resolve_actors([_mention(text)], actors, places=[britain], context_country="SYR")
    assert actor.country is None  # an NGO: neither its seat nor the story's country


def test_seats_are_not_story_places(actors: ActorDictionary) -> None:
    text = "The Britain-based Syrian Observatory said Aleppo was shelled. A group based in London agreed."

    def place(name: str, country: str) -> Place:
        start = text.index(name)
        return Place(name, 1, 0.0, 0.0, country, None, 3, name, Span(name, start, start + len(name)), "PCLI")

    kept = without_seats(
        [place("Britain", "GBR"), place("Aleppo", "SYR"), place("London", "GBR")], text, actors
    )
    assert [p.text for p in kept] == ["Aleppo"]


def test_a_pronoun_takes_its_referents_country(actors: ActorDictionary) -> None:
    referent = Span("the Turkish military", 0, 20)
    (soldiers, they) = resolve_actors(
        [_mention("its soldiers", 40, referent), _mention("They", 80, referent)],
        actors,
        context_country="SYR",
    )
    assert (soldiers.country, soldiers.sector) == ("TUR", "MIL")
    assert (they.country, they.sector) == ("TUR", "MIL")


def test_a_pronoun_without_a_referent_keeps_the_story_country(actors: ActorDictionary) -> None:
    (forces,) = resolve_actors([_mention("its forces")], actors, context_country="SYR")
    assert forces.country == "SYR"


def test_an_igo_does_not_take_its_referents_country(actors: ActorDictionary) -> None:
    (partners,) = resolve_actors(
        [_mention("its European Community partners", 30, Span("Greece", 0, 6))], actors
    )
    assert partners.country is None


def test_people_at_an_event_abroad_take_its_country(actors: ActorDictionary) -> None:
    people, police, army = resolve_actors(
        [_mention("thousands of people"), _mention("riot police"), _mention("the army")],
        actors,
        context_country="UKR",
        located_country="GEO",
    )
    assert people.country == "GEO" and police.country == "GEO"
    assert army.country == "UKR"  # an army acts across borders: still the story's


def test_page_furniture_is_no_agent(actors: ActorDictionary) -> None:
    assert not is_agent(_mention("Tags Syria Aleppo regime forces"), actors)
    assert not is_agent(_mention("Showcase Category News The blunders"), actors)
    assert is_agent(_mention("regime forces"), actors)
    assert is_agent(_mention("the tags"), actors)  # lower case: not a page label


def test_a_pronoun_for_a_thing_is_no_agent(actors: ActorDictionary) -> None:
    assert not is_agent(_mention("they", 60, Span("The Russian bases", 0, 17)), actors)
    assert is_agent(_mention("they", 60, Span("the Syrian army", 0, 15)), actors)


@pytest.mark.model
def test_seed_attack_on_russian_targets_codes_russia(pipeline) -> None:  # noqa: ANN001
    seed = REPO.parent / "shared" / "seed" / "hmeymim-drone-attack.txt"
    if not seed.exists():
        pytest.skip("seed article not available")
    result = pipeline.extract_text(seed.read_text("utf-8"), published="2018-01-12")
    targets = [a for e in result.events for a in e.target_actors if a.text.startswith("Russian targets")]
    assert targets and all(a.country == "RUS" for a in targets)


@pytest.mark.model
def test_extracted_pronoun_referents(pipeline) -> None:  # noqa: ANN001
    result = pipeline.extract_text(
        "The Turkish military said one of its soldiers had been killed in a car bomb in al-Bab.",
        published="2016-12-19",
    )
    targets = [a for e in result.events for a in e.target_actors]
    assert any(a.country == "TUR" for a in targets)


# Measured on benchmarks/data/actor_countries_holdout.jsonl (labelled before the rules were
# written): 0.5116 before, 0.5581 after; wrong-country share 0.551 before, 0.4419 after.
HOLDOUT_ACCURACY_FLOOR = 0.54
HOLDOUT_WRONG_CEILING = 0.46


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - eventwire.Pipeline; tests asking for it are marked model
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.mark.model
def test_actor_country_holdout(pipeline) -> None:  # noqa: ANN001
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from actor_holdout import load_items, score
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    figures = score(pipeline, load_items())
    assert figures["n_expected"] >= 40
    assert figures["accuracy"] >= HOLDOUT_ACCURACY_FLOOR, figures["misses"]
    assert figures["wrong_share"] <= HOLDOUT_WRONG_CEILING
