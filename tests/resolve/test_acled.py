"""The ACLED sub-event decision: cue patterns, the decision list, the main event, the tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import make_event as build_event

from eventwire.errors import ResourceError
from eventwire.records import Actor, Article, Event, ExtractionResult, Span, Status
from eventwire.resolve.acled import AcledRules, backdrop_spans, classify_acled, compile_cue, lead_sentence


@pytest.fixture(scope="module")
def rules() -> AcledRules:
    return AcledRules.load()


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("grenade*", "militants hurled grenades at a patrol", True),
        ("gang", "a girl was gang-raped", False),  # hyphens join words
        ("chlorine*", "chlorine-filled car bombs", True),
        ("killing #", "killing 12 protesters", True),
        ("killing #", "against the killing of a colleague", False),
        ("suspended * participation", "suspended Burundi's participation", True),
        ("air strike*|airstrike*", "an Air Strike hit the town", True),
        ("drone*", "a bus hit by a dronestrike", True),
    ],
)
def test_compile_cue(pattern: str, text: str, found: bool) -> None:
    assert bool(compile_cue(pattern).search(text)) is found


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("On 3 May, a bomb went off. IS claimed it.", "On 3 May, a bomb went off."),
        (
            "On 3 May, U.S. forces and Gen. Haftar met. Talks ended.",
            "On 3 May, U.S. forces and Gen. Haftar met.",
        ),
        ("No full stop here", "No full stop here"),
    ],
)
def test_lead_sentence(text: str, lead: str) -> None:
    assert lead_sentence(text) == lead


def event(
    type_: str = "ASSAULT",
    mode: str | None = None,
    sub_event_type: str | None = "Armed clash",
    *,
    status: Status = "asserted",
    start: int = 0,
    targets: tuple[str, ...] = (),
) -> Event:
    return build_event(
        type_,
        mode=mode,
        cameo="190",
        acled_sub_event_type=sub_event_type,
        target_actors=[Actor(text="x", country=None, sector=s) for s in targets],
        status=status,
        trigger=Span("t", start, start + 1),
    )


def snippet(text: str, *events: Event) -> ExtractionResult:
    return ExtractionResult(article=Article(id="s", text=text), events=list(events), places=[])


def test_cue_rule_gives_the_code(rules: AcledRules) -> None:
    decision = classify_acled(snippet("On 3 May 2017, a grenade was lobbed into a market."), rules)
    assert (decision.code, decision.event_type, decision.sub_event_type) == (
        "GRENADE", "Explosions/Remote violence", "Grenade"
    )
    assert decision.reason.startswith("rule ")


def test_event_mode_gives_the_code_without_a_cue(rules: AcledRules) -> None:
    strike = event(mode="aerial", sub_event_type="Air/drone strike")
    assert classify_acled(snippet("On 2 May, the coalition hit a camp.", strike), rules).code == "AIR_STRIKE"


def test_main_event_by_rank_when_no_rule_holds(rules: AcledRules) -> None:
    seizure = event("COERCE", "seize", "Looting/property destruction", start=0)
    clash = event(start=10)
    decision = classify_acled(snippet("Xyz abc.", seizure, clash), rules)
    assert decision.code == "ARMED_CLASH"  # battles outrank strategic developments
    assert decision.event_id == clash.id


def test_denied_events_do_not_count(rules: AcledRules) -> None:
    denied = event(mode="aerial", sub_event_type="Air/drone strike", status="denied")
    assert classify_acled(snippet("Xyz abc.", denied), rules).code == "OTHER"


def test_civilian_targets_make_an_attack(rules: AcledRules) -> None:
    shooting = event(mode="firearms", targets=("CVL",))
    assert classify_acled(snippet("Xyz abc.", shooting), rules).code == "ATTACK"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On 4 March, police fired tear gas to disperse students protesting.", "PROTEST_WITH_INTER"),
        ("On 4 March, soldiers shot dead three people at a protest in Yangon.", "FORCE_AGAINST_PROTEST"),
        ("On 4 March, protesters torched a police station in Lagos.", "VIOL_DEMONSTR"),
        ("On 4 March, the United States imposed sanctions on two generals.", "DIPLO"),
        ("On 4 March, the foreign minister received the new Chinese ambassador.", "DIPLO"),
        # an embassy or an envoy that violence or a protest befalls is where it happened
        ("On 4 March, a grenade was hurled at the Chinese embassy in Lima.", "GRENADE"),
        ("On 4 March, protesters threw stones at the Peruvian embassy in Quito.", "VIOL_DEMONSTR"),
        ("On 4 March, Al Shabaab claimed responsibility for the blast in Mogadishu.", "ATTRIB"),
        ("On 4 March, floods swept away houses in Beledweyne.", "NATURAL_DISASTER"),
        ("On 4 March, police defused a roadside bomb near Bannu.", "DISR_WEAP"),
        ("On 4 March, rebels laid siege to the army garrison in Kidal.", "ARMED_CLASH"),
        # the reason for an arrest runs past an abbreviation's full stop ("U.S."): its toll is told before
        ("A man was arrested in connection with the bombing of the U.S. embassy that killed 12, police said.",
         "ARREST"),
    ],
)
def test_cue_rules_in_order(rules: AcledRules, text: str, code: str) -> None:
    assert classify_acled(snippet(text), rules).code == code


def test_a_person_named_by_name_and_shot_is_the_target_of_an_attack(rules: AcledRules) -> None:
    def shooting(target: str) -> Event:
        return build_event(
            "ASSAULT", mode="firearms", cameo="190", acled_sub_event_type="Armed clash",
            target_actors=[Actor(text=target, country=None, sector=None)], trigger=Span("t", 0, 1),
        )

    shot = snippet("Gunmen shot Barnett Slepian.", shooting("Barnett Slepian"))
    assert classify_acled(shot, rules).code == "ATTACK"
    # fought back, it is a clash; a one-word target ("Kidal") is no personal name
    fought = snippet("Gunmen clashed with Ahmed Khan.", shooting("Ahmed Khan"))
    assert classify_acled(fought, rules).code == "ARMED_CLASH"
    assert classify_acled(snippet("Gunmen shot at Kidal.", shooting("Kidal")), rules).code == "ARMED_CLASH"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March, troops besieged villagers in Zinder.",
        "On 4 March, police encircled the parliament building in Kampala.",  # one armed side
        "On 4 March, soldiers besieged the homes of opposition leaders.",
    ],
)
def test_a_siege_of_no_armed_side_is_no_battle(rules: AcledRules, text: str) -> None:
    assert classify_acled(snippet(text), rules).code == "OTHER"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March, the foreign minister attacked the report as biased.",
        "On 4 March, the ambassador struck a conciliatory tone.",
        "On 4 March, the government expelled two Russian diplomats.",
    ],
)
def test_words_of_violence_said_of_diplomacy_leave_it_diplomatic(rules: AcledRules, text: str) -> None:
    assert classify_acled(snippet(text), rules).code == "DIPLO"


def test_an_acronym_ends_the_sentence_of_a_backdrop_but_an_abbreviation_does_not(rules: AcledRules) -> None:
    text = "Troops were deployed amid clashes with the RSF. Gunmen then killed 12 villagers."
    assert [text[s:e] for s, e in backdrop_spans(text, rules)] == ["amid clashes with the RSF"]
    text = "He was held in connection with the bombing of the U.S. embassy, police said."
    assert [text[s:e] for s, e in backdrop_spans(text, rules)] == [
        "in connection with the bombing of the U.S. embassy"]


def test_tables_are_checked(tmp_path: Path) -> None:
    bad_rules = tmp_path / "rules.tsv"
    bad_rules.write_text("code\twhen\tunless\twhy\nGRENADE\tno_such_group\t\ttest\n", "utf-8")
    with pytest.raises(ResourceError, match="no_such_group"):
        AcledRules.load(rules=str(bad_rules))


def test_label_sets(rules: AcledRules) -> None:
    assert (len(rules.label_set(25)), len(rules.label_set(28)), len(rules.label_set(30))) == (25, 28, 30)
    assert "ORG_CRIME" in rules.label_set(28) - rules.label_set(25)
    assert {"DIPLO", "ATTRIB"} == rules.label_set(30) - rules.label_set(28)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On 12 March 2018, unidentified gunmen shot dead a local councillor in Kandahar city.", "ATTACK"),
        ("On 9 May 2019, Afghan soldiers clashed with Taliban fighters in Faryab.", "ARMED_CLASH"),
        ("On 2 June 2020, Russian warplanes carried out airstrikes on Maarat al-Numan.", "AIR_STRIKE"),
        ("On 8 July 2018, regime forces shelled the town of Nawa with artillery.", "ART_MISS_ATTACK"),
        ("On 1 August 2019, a suicide bomber blew himself up at a checkpoint in Kabul.", "SUIC_BOMB"),
        ("On 5 October 2017, gunmen kidnapped two engineers in Kaduna state.", "ABDUCT_DISSAP"),
        ("On 5 October 2017, police arrested 12 opposition activists in Kampala.", "ARREST"),
        ("On 3 April 2019, hundreds of teachers marched peacefully in Accra.", "PEACE_PROTEST"),
    ],
)
def test_pipeline_snippets(text: str, code: str, acled_pipeline: object, rules: AcledRules) -> None:
    result = acled_pipeline.extract_text(text)  # type: ignore[attr-defined]
    assert classify_acled(result, rules).code == code


@pytest.fixture(scope="module")
def acled_pipeline() -> object:
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


def test_code_acled_events_recodes_each_event_from_its_sentence(rules: AcledRules) -> None:
    from dataclasses import replace

    from eventwire.resolve.acled import code_acled_events

    sentence = "Militants hurled a grenade at a police post in Pulwama."
    blast = replace(
        event(mode="explosives", sub_event_type="Remote explosive/landmine/IED"),
        evidence=Span(sentence, 0, len(sentence)),
    )
    accusation = replace(event("ACCUSE", "allege", None), evidence=Span(sentence, 0, len(sentence)))
    coded = code_acled_events([blast, accusation], rules)
    assert coded[0].acled_event_type == "Explosions/Remote violence"
    assert coded[0].acled_sub_event_type == "Grenade"
    assert coded[1] == accusation  # ACLED does not code accusations: left alone


def test_table_coding_and_decision_list_share_one_vocabulary(rules: AcledRules) -> None:
    # Events get ACLED types from the lexicon's tables (assault_modes.tsv, acled_types.tsv) and
    # are re-coded by these rules (acled_codes.tsv); a name only one side knows would be lost.
    from eventwire.data.lexicon import EventLexicon

    lexicon = EventLexicon.load()
    known = {(c.event_type, c.sub_event_type) for c in rules.classes.values() if c.sub_event_type}
    table = [*lexicon.assault_codes.values(), *lexicon.acled_codes.values()]
    coded = {(c.event_type, c.sub_event_type) for c in table if c.sub_event_type}
    assert coded, "the lexicon codes no ACLED sub-event type at all"
    assert coded <= known, sorted(coded - known)
