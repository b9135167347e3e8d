"""The factuality score from modality's cues: an event noun in an irrealis clause is only partly doubted."""

from __future__ import annotations

import pytest

from sitrep.mentions.modality import modality

pytestmark = pytest.mark.model


def _mood(nlp, sentence: str, trigger: str):
    doc = nlp(sentence)
    return modality(doc, next(t.i for t in doc if t.text == trigger))


def test_noun_in_a_modal_clause_scores_between_the_modal_and_an_uncued_noun(nlp):
    verb = _mood(nlp, "The deal could bring a ceasefire to the region.", "bring")
    noun = _mood(nlp, "The deal could bring a ceasefire to the region.", "ceasefire")
    plain = _mood(nlp, "A ceasefire was signed.", "ceasefire")
    assert verb.hypothetical == "possible"
    assert any(cue.startswith("clause:") for cue in noun.cues)
    assert verb.score < noun.score < plain.score


def test_negated_event_scores_below_zero(nlp):
    assert _mood(nlp, "The rebels did not attack the town.", "attack").score < 0
