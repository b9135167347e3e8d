"""Irrealis kinds settled after the walk: a reported "would" is a future; an "if" clause is a condition."""

from __future__ import annotations

import pytest

from sitrep.mentions.irrealis import condition_adjective, is_condition_marker
from sitrep.mentions.modality import is_event_real

from modality_helpers import modality_of, token_of

pytestmark = pytest.mark.model


def test_reported_would_is_a_future(nlp):
    mood = modality_of(nlp, "The army said it would withdraw from the town.", "withdraw")
    assert mood.hypothetical == "future" and "reported_would" in mood.cues
    assert not is_event_real(mood)


def test_plain_would_stays_conditional(nlp):
    mood = modality_of(nlp, "A withdrawal would weaken the army.", "weaken")
    assert mood.hypothetical == "conditional"


def test_reported_would_have_stays_counterfactual(nlp):
    mood = modality_of(nlp, "The minister said the troops would have attacked the town.", "attacked")
    assert mood.hypothetical == "counterfactual"


def test_if_clause_is_more_doubtful_than_would(nlp):
    condition = modality_of(nlp, "If the rebels attack the town, the army will respond.", "attack")
    would = modality_of(nlp, "A withdrawal would weaken the army.", "weaken")
    assert condition.hypothetical == "conditional"
    assert condition.score < would.score


def test_condition_marker_is_a_subordinator(nlp):
    doc = nlp("If the rebels attack the town, the army will respond.")
    assert is_condition_marker(doc[0])
    assert not is_condition_marker(None)


def test_told_with_a_finite_clause_reports(nlp):
    reported = modality_of(nlp, "The commander told reporters that troops had left the town.", "left")
    directed = modality_of(nlp, "The commander told the troops to leave the town.", "leave")
    assert reported.hypothetical is None and "reported" in reported.cues
    assert is_event_real(reported)
    assert directed.hypothetical == "directive"


def test_prevented_event_is_not_real_and_left_open(nlp):
    mood = modality_of(nlp, "Police prevented the crowd from marching to the square.", "marching")
    assert mood.negated and not is_event_real(mood)
    assert mood.score < 0


def test_event_noun_asked_for_is_in_prospect(nlp):
    asked = modality_of(nlp, "The families asked for the release of the hostages.", "release")
    ruled = modality_of(nlp, "The court ruled on the release of the hostages.", "release")
    assert asked.hypothetical == "directive" and not is_event_real(asked)
    assert ruled.hypothetical is None


def test_no_plans_to_attack_leans_to_not_happening(nlp):
    mood = modality_of(nlp, "The rebels have no plans to attack the town.", "attack")
    assert mood.hypothetical == "plan" and mood.negated
    assert mood.score < 0 < modality_of(nlp, "The rebels plan to attack the town.", "attack").score


def test_naming_verb_states_but_call_for_wants(nlp):
    named = modality_of(nlp, "The minister called the raid a massacre.", "raid")
    wanted = modality_of(nlp, "The union called for a general strike on Monday.", "strike")
    urged = modality_of(nlp, "The opposition called on supporters to protest outside parliament.", "protest")
    assert named.hypothetical is None and is_event_real(named)
    assert wanted.hypothetical == "desire" and urged.hypothetical == "desire"


@pytest.mark.parametrize("sentence, trigger", [
    ("The ceasefire is subject to approval by both parliaments.", "approval"),
    ("The prisoner swap is conditional on a halt to the shelling.", "halt"),
])
def test_an_event_after_a_condition_phrase_is_a_condition(nlp, sentence, trigger):
    mood = modality_of(nlp, sentence, trigger)
    assert mood.hypothetical == "conditional"
    assert not is_event_real(mood)
    assert mood.score == modality_of(nlp, "If the parliaments approve it, the ceasefire holds.", "approve").score


def test_a_subject_of_a_manhunt_is_no_condition(nlp):
    assert condition_adjective(token_of(nlp, "The commander became the subject of a manhunt.", "of")) is None
    assert modality_of(nlp, "The commander became the subject of a manhunt.", "manhunt").hypothetical is None


def test_subjected_to_is_a_verb_not_a_condition(nlp):
    mood = modality_of(nlp, "The villagers were subjected to repeated raids by the militia.", "raids")
    assert mood.hypothetical is None
