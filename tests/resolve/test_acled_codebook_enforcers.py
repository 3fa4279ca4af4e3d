"""ACLED codebook rules written at stop 37 from the misses of a blind SATP file (holdout14, now a
training file of the learned decision), after its scoring, and the ordinary sentences they must
leave alone (found by two reviews): strike enforcers, kidnappers arrested, forces moved in after
an attack, an exchange of fire that is no fire, police vehicles, civilians the cue words lacked.

Each case states the rule in general terms, in words of its own.
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
    ("Strikers torched a lorry whose driver ignored the shutdown call.", "VIOL_DEMONSTR"),
    # ... unless an armed group or the police does it, or only an effigy burns
    ("Militants torched two shops for defying their shutdown call.", "PROPERTY_DISTRUCT"),
    ("Police burned the stalls of hawkers who defied the shutdown call.", "PROPERTY_DISTRUCT"),
    ("Residents burned an effigy of the minister during the bandh.", "PEACE_PROTEST"),
    # kidnappers arrested: the arrest is the news; a kidnapping told with the arrest stays one
    ("Police arrested two kidnappers in the city.", "ARREST"),
    ("Two abductors of a schoolteacher have been arrested, police said.", "ARREST"),
    ("Kidnappers abducted a businessman and demanded a ransom; police later arrested one suspect.",
     "ABDUCT_DISSAP"),
    # forces moved in after an attack: the move is the news, whatever means the attack used ...
    ("Soldiers were deployed along the highway two days after rebels mined it.", "CHANGE_TO_GROUP_ACT"),
    ("Reinforcements arrived by helicopter to quell the riot in the prison.", "CHANGE_TO_GROUP_ACT"),
    ("More troops have been sent to the province.", "CHANGE_TO_GROUP_ACT"),
    # ... but the wounded rushed to hospital, men sent to jail, residents moving to camps, police
    # who rush to the scene of a killing and words of an abduction or an appointment are no
    # deployment
    ("Gunmen shot and injured a trader, who was rushed to hospital.", "ATTACK"),
    ("Three soldiers wounded in the ambush were rushed to hospital.", "ARMED_CLASH"),
    ("Five policemen were sent to jail for taking bribes.", "OTHER"),
    ("Residents moved into relief camps after militants attacked their village.", "ATTACK"),
    ("Police rushed to the spot after a woman was stabbed.", "ATTACK"),
    ("Soldiers were sent to the area after gunmen shot and wounded a trader.", "ATTACK"),
    ("Rebels abducted the newly appointed village chief.", "ABDUCT_DISSAP"),
    # an exchange of fire breaks out between armed sides; a fire breaking out, a boat capsizing
    # or a building collapsing after fighting broke out elsewhere is still an accident
    ("An exchange of fire broke out between the two sides near the border.", "ARMED_CLASH"),
    ("A fire broke out at a warehouse in the port, killing two workers.", "MAN_MADE_DISASTER"),
    ("A boat carrying refugees fleeing the fighting capsized, killing 30.", "MAN_MADE_DISASTER"),
    ("A building collapsed in the capital, a week after fighting broke out in the north.",
     "MAN_MADE_DISASTER"),
    # police who report an attack are no target of it; a police vehicle carries armed men
    ("Gunmen killed three villagers in the district, police officials said.", "ATTACK"),
    ("Gunmen opened fire on a police vehicle, killing two.", "ARMED_CLASH"),
    # youths are civilians
    ("Gunmen fired on youths playing football, killing two.", "ATTACK"),
    # an armed group that damages a railway track or a bridge destroys property
    ("Rebels damaged a railway track outside the town.", "PROPERTY_DISTRUCT"),
]


@pytest.mark.parametrize(("text", "code"), _CASES)
def test_codebook_rules(rules: AcledRules, text: str, code: str) -> None:
    snippet = ExtractionResult(article=Article(id="s", text=text), events=[], places=[])
    assert classify_acled(snippet, rules).code == code
