"""The ACLED codebook's who-against-whom rules (issue 17): protests, territory, arrests, disruption.

Each case states a codebook line in general terms; none is a sentence of a labelled file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from builders import make_event

from eventwire.errors import ResourceError
from eventwire.records import Actor, Article, Event, ExtractionResult, Span
from eventwire.resolve.acled import AcledRules, backdrop_spans, classify_acled, code_acled_events

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


_FIRST_ROUND = [
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
]


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


# --------------------------------------------------------------------------- second round: backdrop
# clauses, Other, mob violence, violent demonstrations, clash against attack


_SECOND_ROUND = [
    # a protest named only as the setting or the reason of another act is not the event
    ("The prime minister resigned after weeks of street protests in the capital.", "OTHER"),
    ("Workers staged a sit-in outside the ministry on Monday.", "PEACE_PROTEST"),
    # a clash told as the background of a protest does not make the protest a riot
    ("Farmers began a hunger strike, after days of clashes with police left two dead.", "PEACE_PROTEST"),
    ("Demonstrators clashed with riot police outside parliament.", "VIOL_DEMONSTR"),
    ("Hundreds of protesters and police officers were injured in the demonstrations.", "VIOL_DEMONSTR"),
    # mob violence: crowds of residents fighting, with no demonstration
    ("Villagers clashed with machetes over a disputed plot of land.", "MOB_VIOL"),
    ("A brawl between rival groups of residents spread into the street.", "MOB_VIOL"),
    # the codebook's Other: coups, displacement, mass graves; exercises and intentions
    ("Army officers staged a coup and dissolved the cabinet.", "OTHER"),
    ("Thousands of families fled their homes in the border district.", "OTHER"),
    ("The two navies began joint military exercises off the coast.", "OTHER"),
    ("The president vowed to retake every town held by the insurgents.", "OTHER"),
    ("Investigators unearthed a mass grave of prisoners executed years ago.", "OTHER"),
    # deployments and recruitment change a group's activity (not Other)
    ("The government deployed troops to the northern province.", "CHANGE_TO_GROUP_ACT"),
    # an agreement reached after fighting is the agreement
    ("The two sides agreed a truce, after several days of clashes in the city.", "AGREEMENT"),
    # executed captives are an attack, whichever side they fought on; an ambush on fighters a clash
    ("Militants executed four captured soldiers because they had fought against them.", "ATTACK"),
    ("Troops ambushed a group of insurgents near the border, killing six.", "ARMED_CLASH"),
]


def test_backdrop_clause_runs_to_the_next_comma(rules: AcledRules) -> None:
    text = "Amid heavy fighting, residents marched to the town hall."
    spans = backdrop_spans(text, rules)
    assert spans == [(0, text.index(","))]


def test_sentence_opening_backdrop_without_comma_is_not_taken(rules: AcledRules) -> None:
    # FA-KES style text has no commas: the clause has no end, so nothing is set aside
    assert backdrop_spans("Since March the group has recruited three thousand fighters.", rules) == []


def test_an_event_told_in_a_backdrop_clause_does_not_count(rules: AcledRules) -> None:
    text = "The minister resigned after weeks of protests."
    start = text.index("protests")
    protest = make_event(
        "PROTEST",
        mode="demo",
        cameo="141",
        acled_event_type="Protests",
        acled_sub_event_type="Peaceful protest",
        trigger=Span("protests", start, start + len("protests")),
    )
    assert classify_acled(snippet(text, protest), rules).code == "OTHER"
    told = "Thousands held protests in the capital."
    at = told.index("protests")
    in_main = replace(protest, trigger=Span("protests", at, at + len("protests")))
    assert classify_acled(snippet(told, in_main), rules).code == "PEACE_PROTEST"


def test_an_event_coded_alone_is_not_the_backdrop_of_its_own_sentence(rules: AcledRules) -> None:
    text = "The envoy urged the army to halt an offensive in the province, despite a deal to end hostilities."
    start = text.index("offensive")
    offensive = make_event(
        "ASSAULT",
        cameo="190",
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        trigger=Span("offensive", start, start + len("offensive")),
        evidence=Span(text, 0, len(text)),
    )
    (coded,) = code_acled_events([offensive], rules)
    assert coded.acled_sub_event_type == "Armed clash"  # not the deal named beside it: "Agreement"


def test_a_mask_drops_events_only_when_its_row_says_so(tmp_path: Path) -> None:
    masks = tmp_path / "masks.tsv"
    masks.write_text("group\tby\thow\twhy\tevents\nair\tsupported\tobject\tx\tmaybe\n", "utf-8")
    with pytest.raises(ResourceError, match="events"):
        AcledRules.load(masks=str(masks))
    masks.write_text("group\tby\thow\twhy\tevents\nair\tsupported\tobject\tx\t\n", "utf-8")
    # without "drop" the aerial event on "strikes" still counts, though the cue word is set aside
    text = "Rebels backed by Russian air strikes advanced on the town."
    start = text.index("strikes")
    strikes = make_event("ASSAULT", cameo="195", mode="aerial", trigger=Span("strikes", start, start + 7))
    assert classify_acled(snippet(text, strikes), AcledRules.load(masks=str(masks))).code == "AIR_STRIKE"


def test_a_main_fact_must_name_a_cue_group(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.tsv"
    rules_file.write_text("code\twhen\tunless\twhy\nOTHER\tmain:no_such_group\t\tx\n", "utf-8")
    with pytest.raises(ResourceError, match="no_such_group"):
        AcledRules.load(rules=str(rules_file))


def test_news_holdout2_file_reads_cleanly_and_covers_the_weak_labels(rules: AcledRules) -> None:
    from eventwire.eval.acled import read_acled_snippets

    snippets, bad = read_acled_snippets(REPO / "benchmarks/data/acled_news_holdout2.tsv", rules.classes)
    assert not bad
    assert len(snippets) >= 80
    assert len({s.id for s in snippets}) == len(snippets)
    first = {
        s.text for s in read_acled_snippets(REPO / "benchmarks/data/acled_news_holdout.tsv", rules.classes)[0]
    }
    assert not first & {s.text for s in snippets}  # a second held-out file: no sentence repeated
    labels = {s.label for s in snippets}
    weak = {"OTHER", "MOB_VIOL", "VIOL_DEMONSTR", "PEACE_PROTEST", "ARMED_CLASH", "ATTACK"}
    assert weak <= labels, sorted(weak - labels)


_THIRD_ROUND = [
    # quiet forms of protest are protests too
    ("Hundreds of nurses formed a human chain outside the hospital to demand back pay.", "PEACE_PROTEST"),
    ("Shops stayed shut for a ville morte called to denounce the killings.", "PEACE_PROTEST"),
    # a factory named in a protest is the protesters' workplace, not an industrial accident
    ("Textile factory workers held a sit-in over unpaid wages.", "PEACE_PROTEST"),
    # serious injury is excessive force, as killing is
    ("Police beat demonstrators at a march, leaving ten seriously injured.", "FORCE_AGAINST_PROTEST"),
    # loitering munitions are drones; chloropicrin is a chemical weapon
    ("A loitering munition hit an armoured vehicle near the border.", "AIR_STRIKE"),
    ("Troops dropped chloropicrin munitions on trenches near the village.", "CHEM_WEAP"),
    # taken to an unknown place: a forced disappearance
    ("Men in plain clothes picked up a journalist; his whereabouts remain unknown.", "ABDUCT_DISSAP"),
    # a killing over what was not handed over is no transfer of territory
    ("Militiamen shot dead a herder who refused to hand over his cattle.", "ATTACK"),
    # fighters who surrender change their group's activity
    ("Forty rebels surrendered to the army with their weapons.", "CHANGE_TO_GROUP_ACT"),
    ("The two clans signed a peace accord ending years of raids over stolen cattle.", "AGREEMENT"),
    ("Border troops of the two countries exchanged small-arms fire overnight.", "ARMED_CLASH"),
    # a political crowd that storms, stones or fights police riots, though no protest is named;
    # rival crowds fighting each other are a mob
    ("Party supporters threw stones at a police station after the results came out.", "VIOL_DEMONSTR"),
    ("University students clashed with police outside the ministry.", "VIOL_DEMONSTR"),
    # a community leader is a civilian; a chemical barrel bomb is a chemical weapon
    ("Unidentified gunmen shot dead a community leader outside his home.", "ATTACK"),
    ("Helicopters dropped chemical barrel bombs on the town.", "CHEM_WEAP"),
    # a place only fought for ("trying to retake") has changed no hands: the fighting is the event
    ("Troops fought rebels all day, trying to retake the hill.", "ARMED_CLASH"),
    ("Troops fought rebels all day and retook the hill.", "GOV_REGAINS_TERIT"),
    # an armed group named is no mob, whoever told the story
    ("Militants attacked a police post, killing four officers, vigilante sources said.", "ARMED_CLASH"),
    # a group's name is no event: the National Liberation Army liberated nothing here
    ("The National Liberation Army ambushed an army patrol near the border.", "ARMED_CLASH"),
    # aerial bombardment is an air strike; a dynamite charge a remote explosive
    ("Aerial bombardment of the rebel-held towns killed nine people.", "AIR_STRIKE"),
    ("Guerrillas set off a dynamite charge under the pipeline.", "REM_EXPLOS"),
    # "established full control over" a town is taking it
    ("The army established full control over the town after the militants fled.", "GOV_REGAINS_TERIT"),
    # reinforcements sent "to fight" are a deployment, not yet a battle
    ("The army sent reinforcements to the base to fight the insurgents.", "CHANGE_TO_GROUP_ACT"),
    # abducted and then killed: the killing is coded, an attack; a hostage rescued is not
    ("Gunmen abducted a trader last week; his body was found on Sunday.", "ATTACK"),
    # a ground attack repelled is a clash; a battle fought with air support is the battle
    ("Troops foiled an attack by insurgents on a checkpoint near the border.", "ARMED_CLASH"),
    ("Soldiers clashed with rebels north of the city, supported by helicopter gunships.", "ARMED_CLASH"),
    # "the strikes" that hit a place are air strikes; sabotage destroys property
    ("Strikes on the market killed twelve people, the monitor said.", "AIR_STRIKE"),
    ("Two power pylons were sabotaged overnight, cutting power to the city.", "PROPERTY_DISTRUCT"),
    # a military aircraft shot down is a clash; a drone shot down stays disrupted weapons use
    ("Rebels shot down an army helicopter over the valley.", "ARMED_CLASH"),
    # arrests over an earlier bombing are the arrests; a bomb that went off is no bomb defused
    ("Police arrested three men in connection with the bombing of the market.", "ARREST"),
    ("The bomb squad was examining a second bomb that exploded near the bank.", "REM_EXPLOS"),
    # a bomb thrown by hand is a grenade attack; a murder is an attack on a civilian
    ("A bomb was thrown at a shop near the market entrance.", "GRENADE"),
    ("Insurgents murdered two local officials on the road to the town.", "ATTACK"),
    # barrel bombs are dropped from the air; missiles fired from the ground are shelling
    ("Barrel bombs killed nine civilians in the town on Thursday.", "AIR_STRIKE"),
    ("Missile strikes on the town killed nine civilians.", "ART_MISS_ATTACK"),
    ("Jets carried out a missile strike on army positions near the border.", "AIR_STRIKE"),
    # a bomber who detonates his charge is a suicide bomber; looters are a mob
    ("A bomber detonated his explosive device at the gate of the police station.", "SUIC_BOMB"),
    ("Looters emptied shops in the market after the blackout.", "MOB_VIOL"),
    ("Guerrillas set two trucks on fire on the highway.", "PROPERTY_DISTRUCT"),
]


def test_rival_crowds_fighting_each_other_are_no_demonstration(rules: AcledRules) -> None:
    text = "Rival party supporters threw stones at each other after the vote count."
    assert classify_acled(snippet(text), rules).code != "VIOL_DEMONSTR"


def test_a_label_set_keeps_the_decision_within_its_codes(rules: AcledRules) -> None:
    # The 28-label set calls a cartel shoot-out organised crime; the 25 ACLED types, which know
    # no crime class, code the fighting it tells.
    text = "Cartel gunmen exchanged fire with soldiers for two hours."
    assert classify_acled(snippet(text), rules).code == "ORG_CRIME"
    assert classify_acled(snippet(text), rules, rules.label_set(25)).code == "ARMED_CLASH"


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("acled_notes_holdout2.tsv", 200),
        ("acled_notes_holdout3.tsv", 206),
        ("acled_notes_holdout4.tsv", 206),
        ("acled_notes_holdout5.tsv", 206),
        ("acled_notes_holdout6.tsv", 220),
        ("acled_notes_holdout7.tsv", 390),
        ("acled_notes_holdout8.tsv", 260),
    ],
)
def test_the_blind_notes_files_read_cleanly_and_hold_every_acled_type(
    rules: AcledRules, name: str, lines: int
) -> None:
    from eventwire.eval.acled import read_acled_snippets

    snippets, bad = read_acled_snippets(REPO / "benchmarks/data" / name, rules.classes)
    assert not bad and len(snippets) == lines
    assert len({s.id for s in snippets}) == len({s.text for s in snippets}) == lines
    assert {s.label for s in snippets} == rules.label_set(25)


@pytest.mark.parametrize(
    ("name", "lines"),
    # holdouts 12 and 15 are short: their corpora had no more sentences that fit (see the .md files)
    [
        *((f"acled_news_holdout{n}.tsv", 150) for n in (*range(3, 12), 13, 14)),
        ("acled_news_holdout12.tsv", 40),
        ("acled_news_holdout15.tsv", 17),  # WikiEvents dev has 20 articles
        ("acled_news_holdout16.tsv", 120),
    ],
)
def test_the_blind_real_news_files_read_cleanly_and_repeat_no_other(
    rules: AcledRules, name: str, lines: int
) -> None:
    from eventwire.eval.acled import read_acled_snippets

    data = REPO / "benchmarks/data"
    snippets, bad = read_acled_snippets(data / name, rules.classes)
    assert not bad and len(snippets) == lines and len({s.id for s in snippets}) == lines
    assert {s.label for s in snippets} <= rules.label_set(25)
    others = {
        " ".join(s.text.split()).casefold()
        for path in data.glob("acled_*.tsv") if path.name != name
        for s in read_acled_snippets(path, rules.classes)[0]
    }  # fmt: skip
    assert not others & {" ".join(s.text.split()).casefold() for s in snippets}


_FOURTH_ROUND = [
    # "according to" reports; it is no accord
    ("Heavy shooting broke out in the capital, according to reports.", "ARMED_CLASH"),
    # weapons received, confiscated or destroyed are not the means of the event
    (
        "A rebel group that has received TOW missiles from the US captured two villages.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("The army said 25 anti-aircraft missiles have been confiscated.", "DISR_WEAP"),
    # people captured are no territory; a hill or an airport seized is
    ("Militants began murdering the hostages captured from the villages.", "ATTACK"),
    (
        "Rebel forces seized the strategic Tal al-Jabiyeh hill on Thursday.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    # "has since" is no backdrop clause
    ("Al-Nusra has since seized control of most of the countryside.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    # an air force named as an institution strikes nothing; helicopters overhead are no strike
    ("The son of the chief of the Salvadoran air force was wounded in an attack on his car.", "ATTACK"),
    # mayors, peasants and miners are civilians
    ("Guerrillas killed the mayor of the town and two peasants.", "ATTACK"),
    # rifles with rockets: the attackers were there, a ground battle
    ("The attack, carried out with rocket launchers and rifles, hit a police post.", "ARMED_CLASH"),
    # a pipeline attacked, no one hurt: property destroyed
    ("The ELN carried out a new attack on the oil pipeline near the town.", "PROPERTY_DISTRUCT"),
    # what a suspect is suspected of is the reason for the arrest
    ("Police arrested ten people suspected of having detonated a car bomb.", "ARREST"),
    # "cases of suffocation" tell a gas attack
    ("More than 35 people suffered suffocation due to the attack on the district.", "CHEM_WEAP"),
    # a demand to free those arrested is no intervention in the protest
    (
        "Students held a demonstration to demand the release of students who had been arrested.",
        "PEACE_PROTEST",
    ),
    # state forces that withdraw under a rebel attack leave the place to the attackers
    (
        "The army withdrew from the farms as they faced a rebel counter-offensive.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    # casualties inflicted on troops tell a battle; a state's "strike" in a war is an air strike
    ("The FMLN has inflicted 47 casualties on army troops in San Miguel.", "ARMED_CLASH"),
    ("The Russian strike targeted a warehouse and a civil defense centre.", "AIR_STRIKE"),
    # the agent of a passive is no target; a possessive still names the victim
    ("Fourteen residents of the village were killed by the insurgents.", "ATTACK"),
    ("The paid assassins opened fire on the judge's car.", "ATTACK"),
    # land wrested back is regained
    ("The army said five villages had been wrested back from the insurgents.", "GOV_REGAINS_TERIT"),
]


def test_a_cue_with_a_gap_and_a_choice() -> None:
    from eventwire.resolve.acled import compile_cue

    pattern = compile_cue("{seized,took} the ** {hill,airport}")
    assert pattern.search("had seized the strategic Tal al-Jabiyeh hill")
    assert pattern.search("took the airport")
    assert not pattern.search("seized the weapons stored in a house near the hill")  # more than three words
    with pytest.raises(ResourceError):
        compile_cue("{oil field,hill}")


def test_a_mask_sets_aside_only_the_qualified_cue(rules: AcledRules) -> None:
    # shelling that destroyed a house is the means; the artillery pieces it destroyed are not
    assert (
        classify_acled(snippet("Shelling destroyed two houses in the village."), rules).code
        == "ART_MISS_ATTACK"
    )
    text = "Jets destroyed 8 artillery pieces and a truck near the village."
    assert classify_acled(snippet(text), rules).code == "AIR_STRIKE"
    assert classify_acled(snippet("Houses were destroyed by shelling."), rules).code == "ART_MISS_ATTACK"


def test_aircraft_that_land_or_fly_over_strike_nothing(rules: AcledRules) -> None:
    text = "The troops retreated to the town, where four helicopters landed."
    assert classify_acled(snippet(text), rules).code != "AIR_STRIKE"
    text = "Helicopters flew over the village and bombed the market, killing six people."
    assert classify_acled(snippet(text), rules).code == "AIR_STRIKE"


_FIFTH_ROUND = [
    # porters and shepherds are civilians; "engaged" an armed group is a battle
    ("Border guards shot dead two porters near the town.", "ATTACK"),
    ("Army troops engaged the militants near the village.", "ARMED_CLASH"),
    # "no confrontations were reported" tells no clash; "injured no one" no harm
    ("Israeli forces arrested 15 Palestinians in raids. No confrontations were reported.", "ARREST"),
    ("Terrorists set fire to the offices of the corporation but injured no one.", "PROPERTY_DISTRUCT"),
    # a rally that dispersed peacefully met no intervention; one blocked or kettled did
    ("Students held a march in the city. The rally dispersed peacefully.", "PEACE_PROTEST"),
    ("Police kettled several hundred protesters in the square.", "PROTEST_WITH_INTER"),
    # firing into crowds of marchers is excessive force; the killing a vigil mourns is not
    ("Security forces shot into crowds of peaceful marchers in the capital.", "FORCE_AGAINST_PROTEST"),
    ("Hundreds held a vigil in the square mourning six men killed by soldiers.", "PEACE_PROTEST"),
    # a crowd that stones someone is a mob; a rape that is only the reason is not the event
    ("Villagers stoned a suspected thief to death in the market.", "MOB_VIOL"),
    ("A police officer was accused of raping a detainee in a police station.", "SEX_VIOL"),
    # crude bombs are hurled; a mine stepped on is an explosive; one dismantled is disrupted
    ("Party activists hurled crude bombs at a rival meeting, injuring five.", "GRENADE"),
    ("A shepherd was killed when he stepped on a mine left in a field.", "REM_EXPLOS"),
    ("Soldiers dismantled an IED planted on the road near the town.", "DISR_WEAP"),
    # MLRS fire is shelling; an aircraft hit on the ground is its target
    ("Forces fired Grad rockets at the airport, damaging a civilian aircraft.", "ART_MISS_ATTACK"),
    ("Russian forces struck the town with MLRS fire, damaging houses.", "ART_MISS_ATTACK"),
    # combat readiness is no combat
    ("Troops were placed on combat readiness and deployed near the border.", "CHANGE_TO_GROUP_ACT"),
]


_SIXTH_ROUND = [
    # a toll "claimed the lives" of people is no claim of responsibility
    ("The car bomb claimed the lives of four soldiers at the checkpoint.", "REM_EXPLOS"),
    # improvised and anti-personnel mines, and mines set off, are explosives
    ("Two farmers were killed when they set off a mine near the village.", "REM_EXPLOS"),
    ("Eleven children were killed by improvised mines planted in the school.", "REM_EXPLOS"),
    # a bombing run or sortie is flown
    ("A bombing run on the market killed nine people.", "AIR_STRIKE"),
    # a court official assassinated is an attack, not court news
    ("A judge of the provincial court was assassinated outside his home.", "ATTACK"),
    # a manager or a prosecutor shot by gunmen is a civilian; a national guard patrol is armed
    ("The manager of the newspaper was killed by gunmen on a motorcycle.", "ATTACK"),
    ("Guerrillas ambushed a National Guard unit on the highway, inflicting 20 casualties.", "ARMED_CLASH"),
    # a transport workers' strike is a protest
    ("The bus strike in the capital entered its third day.", "PEACE_PROTEST"),
    # an army incursion into a neighbour's territory changes the group's activity
    ("The radio reported a new army incursion into the neighbouring country's territory.",
     "CHANGE_TO_GROUP_ACT"),
    # marchers who condemn the government protest; the volcano an air raid hits is only a place
    ("Hundreds of activists marched through the capital condemning the election.", "PEACE_PROTEST"),
    ("Air force planes bombed guerrilla positions on the slopes of the volcano.", "AIR_STRIKE"),
    # men who occupy a square shouting slogans protest
    ("Hooded students occupied a square on campus, shouting slogans against the government.",
     "PEACE_PROTEST"),
    # an arrest over a bomb factory is an arrest, not an accident
    ("Police arrested two men in connection with a bomb factory found in the town.", "ARREST"),
    # a coup de grace is a killing shot, no coup
    ("The bodies bore signs of torture, each with a coup de grace shot to the head.", "ATTACK"),
    # police confined to barracks or put on alert change their activity
    ("The national police were confined to barracks across the country.", "CHANGE_TO_GROUP_ACT"),
    # bombs dropped on a town fall from aircraft
    ("Government forces dropped several bombs on the town, killing four.", "AIR_STRIKE"),
    # a clash in which the wounded were carried off is a clash, not an abduction
    ("A patrol clashed with rebels, who took away their wounded as they fled.", "ARMED_CLASH"),
    # a gunman shooting an ambassador is an attack, not diplomacy
    ("A gunman fired eight shots at the ambassador as he spoke at the gallery.", "ATTACK"),
    # residents looting shops riot; armed men looting destroy property
    ("Residents were looting shops in the town centre overnight.", "MOB_VIOL"),
    ("Armed men looted shops and a health centre before leaving the town.", "PROPERTY_DISTRUCT"),
    # rebels besieging a garrison are in contact with it
    ("Rebel forces have laid siege to the police garrison of the town.", "ARMED_CLASH"),
    # killers disguised in military uniforms attack the priests they shoot
    ("Six Jesuits were shot dead by armed men wearing military uniforms.", "ATTACK"),
    # a fighter blowing himself up is a suicide bomber
    ("A fighter opened fire on the crowd before blowing himself up.", "SUIC_BOMB"),
    # troops two km inside a neighbour's territory make an incursion
    ("Foreign troops entered 2 km inside the country's territory on Tuesday.", "CHANGE_TO_GROUP_ACT"),
    # kidnappers killed as police rescued their hostage fought the police
    ("Police said six kidnappers were killed during the rescue operation.", "ARMED_CLASH"),
    # the air strikes that back a ground attack are its support, not the event
    ("Rebels backed by air strikes fought their way into the town.", "ARMED_CLASH"),
]


_SEVENTH_ROUND = [
    # a drugstore sells medicines: no drug trade
    ("Gunmen shot dead a man outside his drugstore.", "ATTACK"),
    # dynamite thrown by hand is a grenade attack
    ("Men in a passing car threw two sticks of dynamite at the mayor's house.", "GRENADE"),
    # an air base, or the air force's installations, is a place, not an air strike
    ("Rebels shelled army positions from the Kuweires air base.", "ART_MISS_ATTACK"),
    ("A bomb went off outside air force installations in the capital.", "REM_EXPLOS"),
    # ground fire at a military helicopter: the sides fought
    ("Guerrillas machinegunned an army helicopter as it landed near the town.", "ARMED_CLASH"),
    # air strikes that help a ground advance support it; the villages taken are the event
    ("Government troops with the help of Russian air strikes seized 12 villages.", "GOV_REGAINS_TERIT"),
    ("Militants extended their advance, seizing Marea town.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Rebels drove government troops out of the town on Sunday.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    # an aerospace force, and a coalition that "struck", fly
    ("Russia's Aerospace Forces killed 120 militants near Palmyra.", "AIR_STRIKE"),
    ("The US-led coalition mistakenly struck a school, killing 12 people.", "AIR_STRIKE"),
    # arsenals dismantled and rifles turned in are weapons taken out of use, unless in a battle
    ("Troops dismantled three guerrilla arsenals in the hills.", "DISR_WEAP"),
    ("Two deserters turned in their rifles and ammunition to the army.", "DISR_WEAP"),
    ("Two rebels were killed in a clash with troops, who seized their weapons.", "ARMED_CLASH"),
    # fighters crossing a border or infiltrating an area move a force; refugees do not
    ("Some 200 fighters crossed the border from Turkey to join their comrades.", "CHANGE_TO_GROUP_ACT"),
    ("Thousands of refugees crossed the border into Jordan last week.", "OTHER"),
    ("About 100 militants infiltrated the province from the north, the army said.", "CHANGE_TO_GROUP_ACT"),
    # forces sent to barracks, put on a general alert or denied leave change their activity
    ("The minister ordered all police to their barracks.", "CHANGE_TO_GROUP_ACT"),
    ("Security forces declared a general alert after the threats.", "CHANGE_TO_GROUP_ACT"),
    ("All police leave was cancelled ahead of the vote.", "CHANGE_TO_GROUP_ACT"),
    # a halt of fighting is agreed, no fighting told
    ("The army announced a daily four-hour halt of fighting to let aid convoys in.", "AGREEMENT"),
    # signs held up are a protest
    ("Opposition deputies held up signs during the president's speech.", "PEACE_PROTEST"),
    # a former minister, a man shot, travellers on a bus, a veteran general: civilians
    ("Gunmen attacked a former interior minister outside his home.", "ATTACK"),
    ("He was shot three times as he left the shop.", "ATTACK"),
    ("Four tourists on a bus were attacked with rifles.", "ATTACK"),
    # soldiers travelling in a convoy are soldiers, and police raids strike from no aircraft
    ("Soldiers travelling in a convoy were ambushed by militants.", "ARMED_CLASH"),
    ("Police raids targeted militant hideouts in the district.", "ARMED_CLASH"),
    ("Rebels machinegunned a retired army general in the capital.", "ATTACK"),
    # machine-gunning policemen is fighting armed men, not a killing of the defenceless
    ("Urban commandos machinegunned policemen guarding the bank.", "ARMED_CLASH"),
    # explosives that damage, or a device that goes off at a factory, are an explosion
    ("Five shops were damaged by explosives overnight.", "REM_EXPLOS"),
    ("An explosive device went off at a textile factory, injuring two workers.", "REM_EXPLOS"),
    # a person named by name ambushed is attacked
    ("Congressman Juan Perez was ambushed by two gunmen outside his office.", "ATTACK"),
    # raids that hit a town are flown; troops that arrive move, and jets that arrive strike nothing
    ("Overnight raids hit the town of Hajin, the monitor said.", "AIR_STRIKE"),
    ("Troops from Guatemala arrived in the capital on Monday.", "CHANGE_TO_GROUP_ACT"),
    ("Four combat jets and their crews arrived at the airport on Monday.", "OTHER"),
    # the reporter a report is quoted from is no victim
    ("The army ambushed a group of militants, killing 15, according to a local reporter.", "ARMED_CLASH"),
    # sides that confront or engage each other, or meet in an "encounter" (South Asian usage), fight
    ("Rebels and soldiers confronted each other near the river for hours.", "ARMED_CLASH"),
    ("Two Maoists were killed in an encounter with the police in the forest.", "ARMED_CLASH"),
    # tools downed, streets taken, a bandh or a dharna, shops shut in protest: protests
    ("Nurses at the city hospital downed tools over unpaid wages.", "PEACE_PROTEST"),
    ("Thousands took to the streets of the capital against the new law.", "PEACE_PROTEST"),
    ("The Maoists called a bandh in two districts.", "PEACE_PROTEST"),
    ("Farmers held a dharna outside the district office.", "PEACE_PROTEST"),
    ("Traders closed their shops in protest against the tax.", "PEACE_PROTEST"),
    # a unit dissolved or an alliance announced changes the groups
    ("The militia announced the dissolution of its brigade in the city.", "CHANGE_TO_GROUP_ACT"),
    ("The two armed groups announced an alliance against the government.", "CHANGE_TO_GROUP_ACT"),
    # people incinerated were killed
    ("Gunmen incinerated five members of a police patrol.", "ARMED_CLASH"),
    # rival supporters or neighbouring communities fighting with sticks, and mob justice: mobs
    ("Supporters of rival candidates fought with sticks and stones after the vote.", "MOB_VIOL"),
    ("Villagers of two neighbouring communities fought over farmland, leaving two dead.", "MOB_VIOL"),
    ("Community members beat a suspected thief to death at the market.", "MOB_VIOL"),
    # an off-duty soldier, pedestrians and a governor are civilians
    ("Gunmen shot dead an off-duty soldier at his home.", "ATTACK"),
    ("Two pedestrians were killed in the shooting downtown.", "ATTACK"),
    ("Gunmen killed the governor of the province outside his office.", "ATTACK"),
    # a battle fought with air strikes is the battle
    ("Fighting went on all night with air strikes on the front line.", "ARMED_CLASH"),
    # South Asian ranks (constable, havildar, jawan) are armed; peacekeepers who arrive move a force
    ("A constable was injured in an encounter with Maoists deep inside the forest.", "ARMED_CLASH"),
    ("The first contingents of peacekeepers arrive in the capital on Monday.", "CHANGE_TO_GROUP_ACT"),
    # a surrender to the authorities is an arrest; operations ceased are agreed
    ("A wanted opposition leader surrendered to the authorities on Tuesday.", "ARREST"),
    ("The army says it has ceased its military operations in several areas near the capital.", "AGREEMENT"),
    # a shutdown observed and blockaders are protests; cadres on a rampage are a mob
    ("A complete shutdown was observed in the town after the killings.", "PEACE_PROTEST"),
    ("Blockaders hurled a petrol bomb at a truck on the highway.", "VIOL_DEMONSTR"),
    ("Party cadres rampaged through the market, injuring five traders.", "MOB_VIOL"),
    # a party leader is a civilian
    ("Gunmen attacked a party leader on his way home.", "ATTACK"),
    ("Armed men opened fire and killed a head constable at the market.", "ARMED_CLASH"),
    # explosives "also recovered"; victims abducted and then killed are attacked
    ("Five kilograms of explosives were also recovered by the security forces.", "DISR_WEAP"),
    ("Two men were abducted from their houses and shot, killing them on the spot.", "ATTACK"),
    # an election rally is a campaign meeting; police sent to quell a protest set no protest
    ("Suicide bombers killed 48 people near an election rally.", "SUIC_BOMB"),
    ("Militants threw a grenade at a police party on duty to quell protests in the town.", "GRENADE"),
]


def test_an_event_told_by_a_cue_a_mask_sets_aside_gives_no_facts(rules: AcledRules) -> None:
    # the pipeline's aerial event on "strikes" is the support of the advance, not the event
    text = "Rebels backed by Russian air strikes advanced on the town."
    start = text.index("strikes")
    strikes = make_event("ASSAULT", cameo="195", mode="aerial", trigger=Span("strikes", start, start + 7))
    assert classify_acled(snippet(text, strikes), rules).code != "AIR_STRIKE"
    told = "Rebels advanced on the town as Russian air strikes hit it."
    start = told.index("strikes")
    strikes = replace(strikes, trigger=Span("strikes", start, start + 7))
    assert classify_acled(snippet(told, strikes), rules).code == "AIR_STRIKE"


#: Each round's cases are the codebook rules written at one stop (the later ones from the misses
#: of blind files, after their scoring); one test runs them all.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        *_FIRST_ROUND, *_SECOND_ROUND, *_THIRD_ROUND, *_FOURTH_ROUND,
        *_FIFTH_ROUND, *_SIXTH_ROUND, *_SEVENTH_ROUND,
    ],  # fmt: skip
)
def test_codebook_rules(rules: AcledRules, text: str, code: str) -> None:
    assert classify_acled(snippet(text), rules).code == code
