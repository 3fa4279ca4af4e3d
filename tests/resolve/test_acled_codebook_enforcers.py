"""ACLED codebook rules written at stop 37 from the misses of a blind SATP file (holdout14),
after its scoring: strike enforcers, kidnappers arrested, forces moved in after an attack, an
exchange of fire that is no fire, police on patrol, civilians the cue words lacked.

Each case states the rule in general terms; none is a sentence of a labelled file.
"""

from __future__ import annotations

import pytest

from eventwire.records import Article, ExtractionResult
from eventwire.resolve.acled import AcledRules, classify_acled


@pytest.fixture(scope="module")
def rules() -> AcledRules:
    return AcledRules.load()


_CASES = [
    # those who enforce a strike, bandh or shutdown by burning are violent demonstrators ...
    ("Strike enforcers set a bus ablaze on the highway during the general strike.", "VIOL_DEMONSTR"),
    ("Youths torched two shops for defying the shutdown call of the traders' union.", "VIOL_DEMONSTR"),
    # ... unless an armed group does it: then it destroys property
    ("Militants torched two shops for defying their shutdown call.", "PROPERTY_DISTRUCT"),
    # kidnappers arrested: the arrest is the news; a kidnapping stays one
    ("Police arrested two kidnappers in the city.", "ARREST"),
    ("Two abductors of a schoolteacher have been arrested, police said.", "ARREST"),
    ("Gunmen kidnapped a trader in the city.", "ABDUCT_DISSAP"),
    # forces moved in after an attack: the move is the news, whatever means the attack used
    ("Troops were deployed in the villages a day after militants blew up a bridge.", "CHANGE_TO_GROUP_ACT"),
    ("Reinforcements and helicopter gunships were moved into the valley to quell the attack.",
     "CHANGE_TO_GROUP_ACT"),
    ("Additional security forces have been rushed to the district.", "CHANGE_TO_GROUP_ACT"),
    ("They agreed to deploy observers along the front line.", "AGREEMENT"),
    ("The army withdrew from the town and rebels moved into it without a fight.", "NON_VIOL_TERRIT_TRANSFER"),
    # an exchange of fire breaks out between armed sides; a fire breaking out at a warehouse is an accident
    ("An exchange of fire broke out between troops and rebels near the border.", "ARMED_CLASH"),
    ("A fire broke out at a warehouse in the port, killing two workers.", "MAN_MADE_DISASTER"),
    # an aircraft that takes off strikes nothing
    ("The minister's helicopter took off as protesters blocked the road with burning tyres.",
     "VIOL_DEMONSTR"),
    # a prayer leader and youths are civilians; a police vehicle carries armed men
    ("Gunmen shot dead a prayer leader outside the mosque.", "ATTACK"),
    ("Militants attacked a group of youths at the market, killing one.", "ATTACK"),
    ("Gunmen opened fire on a police vehicle, killing an officer.", "ARMED_CLASH"),
    # an armed group that damages a railway track destroys property
    ("Maoists damaged the rail track near the station overnight.", "PROPERTY_DISTRUCT"),
]


@pytest.mark.parametrize(("text", "code"), _CASES)
def test_codebook_rules(rules: AcledRules, text: str, code: str) -> None:
    snippet = ExtractionResult(article=Article(id="s", text=text), events=[], places=[])
    assert classify_acled(snippet, rules).code == code
