"""Holidays as dates (sitrep.resolve.holidays); sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.resolve.dates import find_time_expressions
from sitrep.resolve.holidays import holiday_date, holiday_names

PUBLISHED = date(2016, 12, 28)  # a Wednesday


@pytest.mark.parametrize("name, year, day", [
    ("Christmas Eve", 2016, date(2016, 12, 24)),
    ("Fourth of July", 2015, date(2015, 7, 4)),
    ("Thanksgiving", 2016, date(2016, 11, 24)),
    ("Memorial Day", 2016, date(2016, 5, 30)),
    ("Labor Day", 2015, date(2015, 9, 7)),
    ("Father's Day", 2015, date(2015, 6, 21)),
    ("Easter", 2016, date(2016, 3, 27)),
])
def test_a_holiday_falls_on_its_day(name, year, day):
    assert holiday_date(name, year) == day


@pytest.mark.parametrize("sentence, value", [
    ("A man was shot on Christmas Eve.", "2016-12-24"),
    ("Three were killed Christmas night at a bar.", "2016-12-25TNI"),
    ("A shooting on the Fourth of July left two hurt.", "2016-07-04"),
    ("He was shot on New Year’s Eve.", "2015-12-31"),
])
def test_a_holiday_in_a_story_is_its_latest_day(sentence, value):
    (expression,) = find_time_expressions(sentence, PUBLISHED)
    assert expression.timex_value == value


@pytest.mark.parametrize("sentence", ["Christmas shopping was busy.", "A Halloween party ended in gunfire."])
def test_a_holiday_word_without_a_cue_is_no_date(sentence):
    assert find_time_expressions(sentence, PUBLISHED) == []


@given(st.sampled_from(holiday_names()), st.integers(min_value=1900, max_value=2100))
def test_every_holiday_has_one_day_in_every_year(name, year):
    day = holiday_date(name, year)
    assert day is not None and day.year == year
