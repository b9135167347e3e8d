"""Modality word look-ups: governing-word classes, a phrasal verb whole, a reporting verb read as a verb."""

from __future__ import annotations

import pytest

from sitrep.mentions.modality_words import governor_class, words

from modality_helpers import modality_of

pytestmark = pytest.mark.model


def test_phrasal_verb_is_looked_up_whole(nlp):
    doc = nlp("The army called off the offensive.")
    called = next(t for t in doc if t.text == "called")
    assert governor_class(called) == "negative_implicative"
    assert "threaten" in words("governors", "threat")


def test_reported_as_a_verb_reports_but_reports_as_a_noun_claims(nlp):
    verb = modality_of(nlp, "Local media reported that gunmen attacked the village.", "attacked")
    noun = modality_of(nlp, "There were reports that gunmen attacked the village.", "attacked")
    assert verb.hedge is None and "reported" in verb.cues
    assert noun.hedge is not None
