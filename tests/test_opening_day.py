"""The day a story's opening names when no sentence of its violence does (sitrep.resolve.opening_day);
sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep
from sitrep.nlp import parse
from sitrep.resolve.dates import find_time_expressions
from sitrep.resolve.opening_day import OPENING_DAY_RULE, opening_day

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 7, 31)  # a Friday
LEAD = "A 16-year-old boy died after he was shot in the head, and his friend is now charged with murder.\n"


def _opening_day(text: str):
    return opening_day(parse(text), find_time_expressions(text, PUBLISHED), PUBLISHED)


def test_a_day_told_without_a_word_of_violence_is_the_opening_day():
    when = _opening_day(LEAD + "Thursday night around 8:30, neighbors rushed to try to save him using CPR.")
    assert when.start == date(2015, 7, 30) and when.rule == OPENING_DAY_RULE
    assert when.text.text == "Thursday night"


@pytest.mark.parametrize("later", [
    "The suspect was arraigned Tuesday in juvenile court.",  # a later act
    "Police said Wednesday that the two boys had been friends.",  # a statement
    "(Published Thursday, July 30, 2015)",  # the page's own stamp
    "Neighbors gathered at the house Friday to remember him.",  # the day of publication
    "Hotel deals: the choice for an overnight stay.",  # page furniture (an advert)
])
def test_a_day_of_something_else_is_not(later):
    assert _opening_day(LEAD + later) is None


def test_only_the_opening_is_read():
    filler = "".join(f"Neighbors said the boy liked sport number {n}.\n" for n in range(25))
    assert _opening_day(LEAD + filler + "On Thursday night the family went to church.") is None


def test_an_otherwise_undated_incident_takes_the_opening_day():
    memories = "".join(f"His mother said he loved {thing}.\n" for thing in ("music", "football", "school", "his dog",
                                                                           "his sisters", "fishing"))
    text = LEAD + memories + "Thursday night around 8:30, neighbors rushed to try to save him using CPR.\n"
    event = next(e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background)
    assert event.date.start == date(2015, 7, 30) and event.rules["date"] == OPENING_DAY_RULE
    assert text[event.date.text.start:event.date.text.end] == "Thursday night"
