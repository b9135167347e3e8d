"""reality.is_reported_event: a trigger whose own participants are emptied by "no" reports no event."""

from __future__ import annotations

import pytest

from sitrep.mentions.reality import is_reported_event

from modality_helpers import token_of

pytestmark = pytest.mark.model


def _reported(nlp, sentence: str, trigger: str) -> bool:
    token = token_of(nlp, sentence, trigger)
    return is_reported_event(token.doc, token.i)


@pytest.mark.parametrize("sentence, trigger", [
    ("No one was kidnapped in the raid.", "kidnapped"),
    ("No shots were fired at the checkpoint.", "fired"),
    ("The militants kidnapped no civilians, the officer said.", "kidnapped"),
])
def test_a_no_on_the_triggers_participant_reports_no_event(nlp, sentence, trigger):
    assert not _reported(nlp, sentence, trigger)


@pytest.mark.parametrize("sentence, trigger", [
    ("Two men were kidnapped in the raid.", "kidnapped"),
    ("The militants kidnapped two civilians, the officer said.", "kidnapped"),
])
def test_the_same_sentences_with_a_participant_report_the_event(nlp, sentence, trigger):
    assert _reported(nlp, sentence, trigger)


def test_a_negation_on_a_verb_above_the_trigger_stays_with_that_verb(nlp):
    assert _reported(nlp, "The army did not confirm that rebels had kidnapped two aid workers.", "kidnapped")


@pytest.mark.parametrize("sentence, trigger", [
    ("The rebels failed to capture the airport.", "capture"),
    ("The militants were unable to seize the airport.", "seize"),
    ("Troops did not manage to capture the bridge.", "capture"),
    ("Police prevented the crowd from marching to the square.", "marching"),
    ("Protesters were not allowed to march through the city.", "march"),
])
def test_a_negation_on_the_word_the_trigger_complements_reports_no_event(nlp, sentence, trigger):
    assert not _reported(nlp, sentence, trigger)


def test_a_denied_event_stays_an_event_for_its_status(nlp):
    assert _reported(nlp, "The army denied that its troops shot two protesters.", "shot")


def test_a_presupposed_event_under_a_failed_stop_is_reported(nlp):
    assert _reported(nlp, "Guards failed to stop the attack on the convoy.", "attack")


@pytest.mark.parametrize("sentence, trigger", [
    ("Troops did not stop firing on the protesters.", "firing"),
    ("The militia never ceased shelling the town.", "shelling"),
    ("The soldiers did not hesitate to fire on the crowd.", "fire"),
])
def test_a_negated_blocker_reports_the_event(nlp, sentence, trigger):
    assert _reported(nlp, sentence, trigger)


@pytest.mark.parametrize("sentence, trigger", [
    ("The villagers were subject to repeated attacks.", "attacks"),
    ("Detainees were subject to torture in the prison.", "torture"),
])
def test_subject_to_violence_is_exposure_not_a_condition(nlp, sentence, trigger):
    assert _reported(nlp, sentence, trigger)


@pytest.mark.parametrize("sentence, trigger, reported", [
    ("Rebels were able to shoot down a helicopter near the airport.", "shoot", True),
    ("The militants had been able to seize the checkpoint before dawn.", "seize", True),
    ("Rebels are able to shoot down helicopters with the new missiles.", "shoot", False),
    ("Rebels will be able to seize the checkpoint.", "seize", False),
    ("Rebels were not able to seize the checkpoint.", "seize", False),
])
def test_a_past_ability_used_is_an_event_a_present_or_future_one_is_not(nlp, sentence, trigger, reported):
    assert _reported(nlp, sentence, trigger) is reported
