"""Modality word look-ups: governing-word classes, a phrasal verb whole, a reporting verb read as a verb."""

from __future__ import annotations

import pytest

from sitrep.mentions.modality_words import governor_class, words
from sitrep.mentions.parse_paths import is_means_of

from modality_helpers import modality_of, token_of

pytestmark = pytest.mark.model


def test_phrasal_verb_is_looked_up_whole(nlp):
    called = token_of(nlp, "The army called off the offensive.", "called")
    assert governor_class(called) == "negative_implicative"
    assert "threaten" in words("governors", "threat")


def test_reported_as_a_verb_reports_but_reports_as_a_noun_claims(nlp):
    verb = modality_of(nlp, "Local media reported that gunmen attacked the village.", "attacked")
    noun = modality_of(nlp, "There were reports that gunmen attacked the village.", "attacked")
    assert verb.hedge is None and "reported" in verb.cues
    assert noun.hedge is not None


@pytest.mark.parametrize("sentence, trigger", [
    ("The government is studying options for ending the siege.", "ending"),
    ("The court upheld the right to strike.", "strike"),
    ("Refugees were given permission to stay in the camp.", "stay"),
])
def test_an_event_a_means_noun_governs_is_in_prospect(nlp, sentence, trigger):
    event = token_of(nlp, sentence, trigger)
    noun = event.head.head if event.dep_ in ("pobj", "pcomp") else event.head
    assert is_means_of(event, noun)
    mood = modality_of(nlp, sentence, trigger)
    assert mood.hypothetical == "plan" and 0.5 < mood.score < 2.0


def test_an_event_below_the_means_nouns_object_is_not_in_prospect(nlp):
    mood = modality_of(nlp, "The government is studying options for ending the siege that began in May.", "began")
    assert mood.hypothetical is None
