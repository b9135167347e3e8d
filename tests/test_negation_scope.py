"""Negation scope: "not until" and "not only" leave the event standing; "nor" negates its own conjunct."""

from __future__ import annotations

import pytest

from sitrep.mentions.modality import is_event_real
from sitrep.mentions.negation_scope import (
    is_focus_negation, negated_object, neither_subject, no_of_modified_noun, nor_of_conjunct,
)

from modality_helpers import modality_of, token_of

pytestmark = pytest.mark.model


def test_not_until_is_a_focus_negation(nlp):
    doc = nlp("It was not until Friday that the army confirmed the raid.")
    assert is_focus_negation(next(t for t in doc if t.lower_ == "not"))
    assert is_event_real(modality_of(nlp, "It was not until Friday that the army confirmed the raid.", "confirmed"))


def test_not_only_leaves_the_event_standing(nlp):
    assert is_event_real(modality_of(nlp, "The gunmen did not only loot the shops but also burned the market.", "loot"))


def test_plain_not_still_negates(nlp):
    doc = nlp("The army did not confirm the raid.")
    assert not is_focus_negation(next(t for t in doc if t.lower_ == "not"))
    assert modality_of(nlp, "The army did not confirm the raid.", "confirm").negated


def test_nor_negates_a_conjunct_with_its_own_subject(nlp):
    question = token_of(nlp, "The police did not arrest him, nor did they question him.", "question")
    assert nor_of_conjunct(question, question.head) is not None
    assert modality_of(nlp, "The police did not arrest him, nor did they question him.", "question").negated


def test_nor_continues_the_first_negation_once(nlp):
    mood = modality_of(nlp, "He did not confirm the shooting, nor any arrests.", "arrests")
    assert mood.negated and mood.score < 0


def test_neither_subject_negates_its_verb(nlp):
    reached = token_of(nlp, "Neither the army nor the rebels could be reached for comment.", "reached")
    assert neither_subject(reached) is not None
    assert modality_of(nlp, "Neither the army nor the rebels could be reached for comment.", "reached").negated


def test_no_on_the_described_noun_negates_the_participle(nlp):
    fired = token_of(nlp, "Witnesses said there were no shots fired.", "fired")
    assert no_of_modified_noun(fired) is not None
    assert modality_of(nlp, "Witnesses said there were no shots fired.", "fired").negated
    assert not modality_of(nlp, "Witnesses said there were shots fired.", "fired").negated


@pytest.mark.parametrize("sentence, trigger", [
    ("The gunmen took no hostages from the village.", "took"),
    ("The two sides have reached no agreement on a ceasefire.", "reached"),
    ("The neighbours said they heard nothing that night.", "heard"),
])
def test_an_emptied_object_negates_its_verb(nlp, sentence, trigger):
    verb = token_of(nlp, sentence, trigger)
    assert negated_object(verb) is not None
    mood = modality_of(nlp, sentence, trigger)
    assert mood.negated and not is_event_real(mood)
    assert "negated_object" in mood.cues


def test_an_object_with_its_own_determiner_leaves_the_verb_standing(nlp):
    mood = modality_of(nlp, "The gunmen took two hostages from the village.", "took")
    assert not mood.negated and is_event_real(mood)


def test_there_is_no_names_no_event_of_the_copula(nlp):
    assert negated_object(token_of(nlp, "There is no easy answer to the crisis.", "is")) is None


def test_an_emptied_object_does_not_reach_the_next_conjunct(nlp):
    mood = modality_of(nlp, "The gunmen took no money and fled the scene.", "fled")
    assert not mood.negated


@pytest.mark.parametrize("sentence, trigger", [
    ("Officials said there was nothing preventing the convoy from leaving.", "preventing"),
    ("There were no unexploded shells left in the street.", "unexploded"),
])
def test_a_negative_head_negates_the_word_describing_it(nlp, sentence, trigger):
    assert modality_of(nlp, sentence, trigger).negated


def test_a_second_no_repeats_the_negation_rather_than_cancelling_it(nlp):
    sentence = "No flags and no banners urging revenge hung from the windows."
    urging = token_of(nlp, sentence, "urging")
    assert no_of_modified_noun(urging) is not None
    assert modality_of(nlp, sentence, "urging").negated
