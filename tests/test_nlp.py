"""The NLP stage's own rules: what it changes before spaCy reads a text, and where a sentence must end."""

from __future__ import annotations

import pytest

from sitrep.nlp import parse

pytestmark = pytest.mark.model


def test_a_blank_line_ends_a_sentence_without_a_full_stop():
    doc = parse("Teen wounded in drive-by on Oak Avenue\n\nA 17-year-old was hurt when someone fired at a car.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Teen wounded in drive-by on Oak Avenue", "A 17-year-old was hurt when someone fired at a car."]


def test_a_single_line_break_is_left_to_the_parser():
    doc = parse("Police said a woman was hurt.\nShe is in stable condition.")
    assert len(list(doc.sents)) == 2
    assert parse("No blank line here").text == "No blank line here"
