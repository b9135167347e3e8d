"""Negative implicatives: "refused to sign" firmly did not happen; "stopped the shelling" presupposes it did."""

from __future__ import annotations

import pytest

from sitrep.mentions.implicatives import denied_speech_verb, incapacity_cue, is_failed_infinitive, presupposing_verb
from sitrep.mentions.modality import is_event_real, modality

from modality_helpers import modality_of, token_of

pytestmark = pytest.mark.model


def test_refused_infinitive_is_firmly_negated(nlp):
    refused = modality_of(nlp, "The rebels refused to sign the ceasefire agreement.", "sign")
    prevented = modality_of(nlp, "Police prevented the crowd from marching to the square.", "marching")
    assert refused.negated and "failed_to" in refused.cues
    assert refused.score < prevented.score  # firmer than a prevented event
    assert not is_event_real(refused)


def test_failed_to_stop_the_attack_the_attack_happened(nlp):
    attack = modality_of(nlp, "Guards failed to stop the attack on the convoy.", "attack")
    stop = modality_of(nlp, "Guards failed to stop the attack on the convoy.", "stop")
    assert not attack.negated and "presupposed" in attack.cues
    assert is_event_real(attack)
    assert stop.negated


def test_halted_offensive_is_presupposed(nlp):
    noun = token_of(nlp, "The army halted the offensive near the border.", "offensive")
    assert presupposing_verb(noun) is not None and presupposing_verb(noun).lemma_ == "halt"
    assert is_event_real(modality_of(nlp, "The army halted the offensive near the border.", "offensive"))


def test_prevented_attack_is_not_presupposed(nlp):
    noun = token_of(nlp, "Troops prevented an attack on the airport.", "attack")
    assert presupposing_verb(noun) is None
    assert not is_event_real(modality_of(nlp, "Troops prevented an attack on the airport.", "attack"))


def test_failed_infinitive_reaches_only_its_own_complement(nlp):
    doc = nlp("The ministry declined to say who ordered the strike.")
    say = next(t for t in doc if t.text == "say")
    ordered = next(t for t in doc if t.text == "ordered")
    assert is_failed_infinitive(say, say.head)
    assert "failed_to" not in modality(doc, ordered.i).cues


def test_did_not_fail_to_is_not_negated(nlp):
    mood = modality_of(nlp, "The patrol did not fail to report the clash.", "report")
    assert not mood.negated


def test_bare_activity_is_not_presupposed(nlp):
    """Regression: "unless the group stopped kidnapping" named no kidnapping event."""
    noun = token_of(nlp, "Talks will not resume unless the group stopped kidnapping.", "kidnapping")
    assert presupposing_verb(noun) is None


def test_could_end_the_war_presupposes_the_war(nlp):
    mood = modality_of(nlp, "The talks could end the war.", "war")
    assert "presupposed" in mood.cues and mood.hypothetical is None


def test_helped_or_allowed_complement_happened(nlp):
    helped = modality_of(nlp, "Villagers helped the wounded soldiers escape.", "escape")
    allowed = modality_of(nlp, "The army allowed the convoy to pass the checkpoint.", "pass")
    will_allow = modality_of(nlp, "The army will allow the convoy to pass the checkpoint.", "pass")
    assert "enabled" in helped.cues and is_event_real(helped)
    assert is_event_real(allowed)
    assert will_allow.hypothetical == "directive"


@pytest.mark.parametrize("sentence, trigger", [
    ("The villagers were unable to reach the town.", "reach"),
    ("The rescue teams were not able to enter the building.", "enter"),
    ("The soldiers were too afraid to return to the base.", "return"),
    ("The shelling made it impossible for the convoy to leave the city.", "leave"),
])
def test_a_negated_or_excessive_capacity_did_not_let_it_happen(nlp, sentence, trigger):
    event = token_of(nlp, sentence, trigger)
    assert incapacity_cue(event, event.head) is not None
    mood = modality_of(nlp, sentence, trigger)
    assert mood.negated and "unable" in mood.cues and mood.score < 0
    assert not is_event_real(mood)


def test_a_plain_capacity_is_no_negation(nlp):
    mood = modality_of(nlp, "The rescue teams were able to enter the building.", "enter")
    assert not mood.negated


def test_an_impersonal_too_early_is_a_judgement_not_an_outcome(nlp):
    mood = modality_of(nlp, "It is too early to say who carried out the bombing.", "say")
    assert not mood.negated


def test_incapacity_reaches_only_its_own_complement(nlp):
    mood = modality_of(nlp, "The wage rise was not enough to stop the strike that began in May.", "began")
    assert not mood.negated


@pytest.mark.parametrize("sentence, trigger", [
    ("The ministry denied the allegations of torture.", "allegations"),
    ("The commander rejected reports of heavy losses.", "reports"),
    ("The general denied accusations made by the opposition.", "made"),
])
def test_a_denied_speech_act_was_still_made(nlp, sentence, trigger):
    mood = modality_of(nlp, sentence, trigger)
    assert not mood.negated and "presupposed" in mood.cues and mood.score > 2


def test_what_a_denied_report_says_stays_denied(nlp):
    sentence = "The army denied reports that its troops had burned the village."
    doc = nlp(sentence)
    reports = next(t for t in doc if t.text == "reports")
    assert denied_speech_verb(reports, next(t for t in doc if t.text == "burned")) is None
    assert modality_of(nlp, sentence, "burned").negated


def test_a_denied_event_noun_is_no_speech_act(nlp):
    assert modality_of(nlp, "The army denied the airstrike on the market.", "airstrike").negated


def test_a_negated_permission_did_not_let_it_happen(nlp):
    mood = modality_of(nlp, "The refugees were not allowed to leave the camp.", "leave")
    assert mood.negated and mood.hypothetical is None and mood.score < 0
    assert not modality_of(nlp, "The refugees were allowed to leave the camp.", "leave").negated


def test_not_available_to_comment_is_no_comment(nlp):
    mood = modality_of(nlp, "The ministry's spokesman was not available to comment.", "comment")
    assert mood.negated and "unable" in mood.cues


@pytest.mark.parametrize("sentence, trigger", [
    ("The soldiers came too, to fight the rebels.", "fight"),        # "too" as "also", on a verb
    ("The rebels were too few to begin with.", "begin"),             # a set phrase
])
def test_too_as_also_and_to_begin_with_are_no_incapacity(nlp, sentence, trigger):
    assert "unable" not in modality_of(nlp, sentence, trigger).cues


def test_a_negated_blocker_lets_its_complement_happen(nlp):
    mood = modality_of(nlp, "Troops did not stop firing on the protesters.", "firing")
    assert not mood.negated and mood.score == 3.0
