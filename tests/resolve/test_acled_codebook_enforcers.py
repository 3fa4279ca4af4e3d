"""ACLED codebook rules written at stop 37 from the misses of a blind SATP file (holdout14),
after its scoring, and the ordinary sentences they must leave alone: strike enforcers,
kidnappers arrested, forces moved in after an attack, an exchange of fire that is no fire,
police vehicles, civilians the cue words lacked.

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
    # those who enforce a strike or a shutdown call by burning are violent demonstrators ...
    ("The organisers of the strike set two buses ablaze on the highway.", "VIOL_DEMONSTR"),
    ("Masked men torched two taxis for defying the shutdown call of the traders' union.", "VIOL_DEMONSTR"),
    # ... unless an armed group does it: then it destroys property
    ("Militants torched two shops for defying their shutdown call.", "PROPERTY_DISTRUCT"),
    # kidnappers arrested: the arrest is the news; a kidnapping told with the arrest stays one
    ("Police arrested two kidnappers in the city.", "ARREST"),
    ("Two abductors of a schoolteacher have been arrested, police said.", "ARREST"),
    ("Kidnappers abducted a businessman and demanded a ransom; police later arrested one suspect.",
     "ABDUCT_DISSAP"),
    # forces moved in after an attack: the move is the news, whatever means the attack used ...
    ("Troops were deployed in the villages a day after militants blew up a bridge.", "CHANGE_TO_GROUP_ACT"),
    ("Reinforcements and helicopter gunships were moved into the valley to quell the attack.",
     "CHANGE_TO_GROUP_ACT"),
    ("Additional security forces have been rushed to the district.", "CHANGE_TO_GROUP_ACT"),
    # ... but the wounded rushed to hospital, residents moving to camps and words of an abduction,
    # an appointment or a base are no deployment
    ("Gunmen shot and injured a trader, who was rushed to hospital.", "ATTACK"),
    ("Three soldiers wounded in the ambush were rushed to hospital.", "ARMED_CLASH"),
    ("Residents moved into relief camps after militants attacked their village.", "ATTACK"),
    ("Rebels abducted the newly appointed village chief.", "ABDUCT_DISSAP"),
    # an exchange of fire breaks out between armed sides; a fire breaking out, a boat capsizing
    # or a bridge collapsing in a district of the fighting is still an accident
    ("An exchange of fire broke out between the two sides near the border.", "ARMED_CLASH"),
    ("A fire broke out at a warehouse in the port, killing two workers.", "MAN_MADE_DISASTER"),
    ("A boat carrying refugees fleeing the fighting capsized, killing 30.", "MAN_MADE_DISASTER"),
    # police who report an attack are no target of it; a police vehicle carries armed men
    ("Gunmen killed three villagers in the district, police officials said.", "ATTACK"),
    ("Gunmen opened fire on a police vehicle, killing two.", "ARMED_CLASH"),
    # youths are civilians
    ("Militants attacked a group of youths at the market, killing one.", "ATTACK"),
    # an armed group that damages a railway track destroys property
    ("Maoists damaged the rail track near the station overnight.", "PROPERTY_DISTRUCT"),
]


@pytest.mark.parametrize(("text", "code"), _CASES)
def test_codebook_rules(rules: AcledRules, text: str, code: str) -> None:
    snippet = ExtractionResult(article=Article(id="s", text=text), events=[], places=[])
    assert classify_acled(snippet, rules).code == code
