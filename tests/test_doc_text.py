"""The Doc text joined once: equal to spaCy's own, kept with the Doc, and right after parse's retokenizing."""

from __future__ import annotations

import pytest

from sitrep.doc_text import TEXT_KEY, text_of

pytestmark = pytest.mark.model


def test_text_of_is_the_docs_text_and_is_kept_with_it(nlp):
    doc = nlp.make_doc("Gunmen attacked a checkpoint in Kandahar.")
    assert TEXT_KEY not in doc.user_data
    assert text_of(doc) == doc.text
    assert doc.user_data[TEXT_KEY] == doc.text
    doc.user_data[TEXT_KEY] = "kept"  # a second call reads what the first kept, it does not join again
    assert text_of(doc) == "kept"


def test_text_of_a_parsed_doc_survives_the_abbreviation_merge():
    from sitrep.nlp import parse

    text = "Sgt. John Smith said troops shelled the town.\n\nAt 11:42 a.m. Monday, rebels fired back."
    doc = parse(text)
    assert any(token.text == "Sgt." for token in doc)  # parse merged "Sgt" and "." after reading the text
    assert text_of(doc) == doc.text == text
