"""The factuality score from modality's cues: an event noun in an irrealis clause is only partly doubted."""

from __future__ import annotations

import pytest

from modality_helpers import modality_of

pytestmark = pytest.mark.model


def test_noun_in_a_modal_clause_scores_between_the_modal_and_an_uncued_noun(nlp):
    verb = modality_of(nlp, "The deal could bring a ceasefire to the region.", "bring")
    noun = modality_of(nlp, "The deal could bring a ceasefire to the region.", "ceasefire")
    plain = modality_of(nlp, "A ceasefire was signed.", "ceasefire")
    assert verb.hypothetical == "possible"
    assert any(cue.startswith("clause:") for cue in noun.cues)
    assert verb.score < noun.score < plain.score


def test_negated_event_scores_below_zero(nlp):
    assert modality_of(nlp, "The rebels did not attack the town.", "attack").score < 0


def test_event_noun_role_sets_its_commitment(nlp):
    subject = modality_of(nlp, "The attack killed five soldiers.", "attack")
    modifier = modality_of(nlp, "Police guarded the abortion clinic.", "abortion")
    assert subject.score > modifier.score


def test_compound_noun_takes_its_head_nouns_negation(nlp):
    mood = modality_of(nlp, "The group has no takeover bids outstanding.", "takeover")
    assert mood.negated and mood.score < 0


def test_gerund_after_a_prospective_preposition_is_in_prospect(nlp):
    prospect = modality_of(nlp, "There is little chance of rebuilding the bridge.", "rebuilding")
    done = modality_of(nlp, "The army withdrew after shelling the town.", "shelling")
    assert "prospective" in prospect.cues and prospect.hypothetical is None
    assert prospect.score < done.score


def test_gerund_takes_the_irrealis_of_its_clause(nlp):
    mood = modality_of(nlp, "The rebels could win by attacking the town.", "attacking")
    assert "clause:possible" in mood.cues


def test_plan_shades_score_apart(nlp):
    agreed = modality_of(nlp, "The rebels agreed to withdraw from the town.", "withdraw")
    able = modality_of(nlp, "The rebels are able to withdraw from the town.", "withdraw")  # a present ability
    planned = modality_of(nlp, "The rebels plan to withdraw from the town.", "withdraw")
    assert agreed.hypothetical == planned.hypothetical == "plan"
    assert able.score < planned.score < agreed.score
