"""The ACLED codebook's who-against-whom rules (issue 17): protests, territory, arrests, disruption.

Each case states a codebook line in general terms; none is a sentence of a labelled file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import make_event

from eventwire.records import Actor, Article, Event, ExtractionResult, Span
from eventwire.resolve.acled import AcledRules, classify_acled

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rules() -> AcledRules:
    return AcledRules.load()


def snippet(text: str, *events: Event) -> ExtractionResult:
    return ExtractionResult(article=Article(id="s", text=text), events=list(events), places=[])


def by(sector: str, type_: str = "ASSAULT") -> Event:
    """An asserted event whose source actor has `sector` (MIL, REB, COP ...)."""
    return make_event(
        type_,
        cameo="190",
        source_actors=[Actor(text="they", country=None, sector=sector)],
        trigger=Span("t", 0, 1),
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # protests: who uses force against whom, and how much
        ("The Observatory said shots were fired at the protesters, wounding five.", "FORCE_AGAINST_PROTEST"),
        ("The regime repressed demonstrations with brutal force in two cities.", "FORCE_AGAINST_PROTEST"),
        ("Protesters threw stones at police outside the ministry.", "VIOL_DEMONSTR"),
        ("Riot police were sent to break up a protest rally in the capital.", "PROTEST_WITH_INTER"),
        ("Hundreds of workers began a hunger strike over unpaid wages.", "PEACE_PROTEST"),
        # a protest that is only the reason or the object of another act
        ("Opposition leaders agreed to call off their protest planned for Friday.", "AGREEMENT"),
        ("Authorities imposed a curfew in the city to stop fresh demonstrations.", "CHANGE_TO_GROUP_ACT"),
        # a deal to leave a place is a transfer of territory, not only an agreement
        ("Rebels agreed to hand over the town to the army.", "NON_VIOL_TERRIT_TRANSFER"),
        # territory: who it fell to
        ("The district fell to Islamist militants after a week.", "NON_STATE_ACTOR_OVERTAKES_TER"),
        ("The district fell to government forces after a week.", "GOV_REGAINS_TERIT"),
        # disruption: an attack repelled in a fight is a clash; a drone shot down is disruption
        ("Troops foiled an attack on a checkpoint, killing dozens of militants.", "ARMED_CLASH"),
        ("Soldiers shot down a surveillance drone near the front line.", "DISR_WEAP"),
    ],
)
def test_codebook_cue_rules(rules: AcledRules, text: str, code: str) -> None:
    assert classify_acled(snippet(text), rules).code == code


def test_protestants_are_not_protesters(rules: AcledRules) -> None:
    decision = classify_acled(snippet("Protestants gathered for a service in the church."), rules)
    assert decision.code not in {"PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR"}


@pytest.mark.parametrize(
    ("sector", "code"),
    [("REB", "NON_STATE_ACTOR_OVERTAKES_TER"), ("MIL", "GOV_REGAINS_TERIT"), ("GOV", "GOV_REGAINS_TERIT")],
)
def test_who_retakes_a_place_decides_the_territory_code(rules: AcledRules, sector: str, code: str) -> None:
    text = "They recaptured the villages after a week."  # no actor word: only the event's source tells
    assert classify_acled(snippet(text, by(sector)), rules).code == code


def test_a_rebel_group_detaining_someone_is_an_abduction(rules: AcledRules) -> None:
    text = "They detained a prominent activist in the city."
    assert classify_acled(snippet(text, by("REB", "COERCE")), rules).code == "ABDUCT_DISSAP"
    assert classify_acled(snippet(text, by("COP", "COERCE")), rules).code == "ARREST"


def test_news_holdout_file_reads_cleanly_and_covers_the_weak_labels(rules: AcledRules) -> None:
    from eventwire.eval.acled import read_acled_snippets

    snippets, bad = read_acled_snippets(REPO / "benchmarks/data/acled_news_holdout.tsv", rules.classes)
    assert not bad
    assert len(snippets) >= 100
    assert len({s.id for s in snippets}) == len(snippets)
    labels = {s.label for s in snippets}
    weak = {
        "PEACE_PROTEST",
        "PROTEST_WITH_INTER",
        "FORCE_AGAINST_PROTEST",
        "VIOL_DEMONSTR",
        "GOV_REGAINS_TERIT",
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "NON_VIOL_TERRIT_TRANSFER",
        "AGREEMENT",
        "CHANGE_TO_GROUP_ACT",
        "DISR_WEAP",
        "ARMED_CLASH",
        "ATTACK",
    }
    assert weak <= labels, sorted(weak - labels)
