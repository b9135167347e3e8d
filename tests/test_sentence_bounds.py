"""Sentence boundaries set before parsing (sitrep.sentence_bounds): a full stop inside a sentence ("11:42 a.m.",
"Ave.") does not cut off what follows it."""

from __future__ import annotations

import pytest

from sitrep.nlp import parse

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The shooting was reported at 11:42 a.m. Monday in the 300 block of Elm Place, police said.",
    "A man was wounded in a drive-by shooting about 11:40 p.m. Wednesday, Sept. 14, outside a home.",
    "Police say that about 7:08 p.m. Saturday, officers found a man shot in a parked car.",
    "The crash happened around 5:30p.m. Thursday at the river bridge.",
    "Two men were shot at 2 a.m. Sept. 3 near the stadium.",
])
def test_a_day_named_after_a_clock_time_stays_in_its_sentence(text):
    assert [s.text for s in parse(text).sents] == [text]


@pytest.mark.parametrize("text", [
    "A man was shot at Washington Ave. and Empire Blvd. early Monday.",
    "Three people were shot on W. North Ave. in the 6500 block on Sunday night.",
])
def test_an_abbreviation_does_not_end_the_sentence(text):
    assert [s.text for s in parse(text).sents] == [text]


@pytest.mark.parametrize("text, first", [
    ("The bar closed at 2 a.m. The shooting began minutes later.", "The bar closed at 2 a.m."),
    ("The victim was Norris Greenhouse Sr. He was 54 years old.", "The victim was Norris Greenhouse Sr."),
    ("Send them any resources required. http://example.com/x", "Send them any resources required."),
    ("He was shot on the porch. later, police said, a man was held.", "He was shot on the porch."),
])
def test_a_full_stop_can_still_end_a_sentence(text, first):
    assert [s.text.strip() for s in parse(text).sents][0] == first
