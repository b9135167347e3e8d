"""Tests for sitrep.mentions.numbers: number words and fatality-phrase bounds (CODING.md, Fatalities)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.mentions import numbers
from sitrep.mentions.numbers import number_value, parse_quantity

UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(number: int) -> str:
    """Write a non-negative integer in English words (test helper, independent of the parser)."""
    if number < 20:
        return UNITS[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{UNITS[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if number >= scale:
            high, rest = divmod(number, scale)
            return f"{spell(high)} {name}" + (f" {spell(rest)}" if rest else "")
    raise AssertionError(number)


@pytest.mark.parametrize(
    ("phrase", "bounds"),
    [
        ("at least 12", (12, None)),
        ("more than 20", (21, None)),
        ("over 20", (21, None)),
        ("up to 30", (1, 30)),
        ("as many as 30", (1, 30)),
        ("12 to 15", (12, 15)),
        ("between 12 and 15", (12, 15)),
        ("12-15", (12, 15)),
        ("nine or ten", (9, 10)),
        ("12", (12, 12)),
        ("fourteen", (14, 14)),
        ("twenty-one", (21, 21)),
        ("a hundred", (100, 100)),
        ("two hundred and fifty", (250, 250)),
        ("1,200", (1200, 1200)),
        ("1.5 million", (1_500_000, 1_500_000)),
        ("two dozen", (24, 24)),
        ("a dozen", (12, 12)),
        ("dozens", (12, None)),
        ("dozens of civilians", (12, None)),
        ("several", (3, None)),
        ("a few", (3, None)),
        ("many", (10, None)),
        ("tens", (10, None)),
        ("hundreds", (100, None)),
        ("tens of thousands", (10_000, None)),
        ("scores", (20, None)),
        ("a", (1, 1)),
        ("an", (1, 1)),
        ("one", (1, 1)),
        ("a pilot", (1, 1)),
        ("two soldiers", (2, 2)),
        ("nearly 40", (1, 39)),
        ("almost 40", (1, 39)),
        ("about 30", (30, 30)),
        ("some 30", (30, 30)),
        ("around 30", (30, 30)),
        ("more than a dozen", (13, None)),
        ("at least a dozen", (12, None)),
        ("no one", (0, 0)),
        ("nobody", (0, 0)),
        ("no deaths", (0, 0)),
        ("half a dozen", (6, 6)),
        ("more than half a dozen", (7, None)),
        ("a handful of", (3, None)),
        ("killing at least 12 people", (12, None)),
        ("in a village, 12 people were killed", (12, 12)),
        ("killed a pilot", (1, 1)),
    ],
)
def test_parse_quantity_follows_coding_rules(phrase, bounds):
    assert parse_quantity(phrase) == bounds


@pytest.mark.parametrize("phrase", ["", "the soldiers", "at least", "between", "1,2", "no immediate word on casualties"])
def test_parse_quantity_without_a_number_is_none(phrase):
    assert parse_quantity(phrase) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("fourteen", 14), ("twenty-one", 21), ("1,200", 1200), ("a", 1), ("one million", 1_000_000), ("2.5", None), ("dozens", None)],
)
def test_number_value(word, value):
    assert number_value(word) == value


def test_public_api_is_listed():
    assert set(numbers.__all__) == {"number_value", "number_words", "parse_quantity"}


@given(st.integers(min_value=0, max_value=999_999_999))
def test_digits_round_trip(number):
    assert parse_quantity(str(number)) == (number, number)
    assert parse_quantity(f"{number:,}") == (number, number)
    assert number_value(str(number)) == number


@given(st.integers(min_value=0, max_value=999_999_999))
def test_words_round_trip(number):
    assert number_value(spell(number)) == number
    assert parse_quantity(spell(number)) == (number, number)


@given(st.integers(min_value=0, max_value=10**6), st.booleans())
def test_at_least_keeps_the_low_bound(number, as_words):
    rendered = spell(number) if as_words else str(number)
    assert parse_quantity(f"at least {rendered}") == (number, None)


@given(st.text())
def test_parse_never_raises(text):
    result = parse_quantity(text)
    assert result is None or (isinstance(result, tuple) and len(result) == 2)
    number_value(text)


@pytest.mark.parametrize("phrase, bounds", [
    ("an 8 yo boy", (1, 1)),
    ("a 17 y/o girl", (1, 1)),
    ("two 8 yo boys", (2, 2)),
    ("a 5 yr old", (1, 1)),
    ("a 15-year-girl", (1, 1)),  # a hyphenated span of time with its "old" dropped
    ("two 16-year boys", (2, 2)),
    ("8 people", (8, 8)),
])
def test_short_forms_of_an_age_are_not_counts(phrase, bounds):
    assert parse_quantity(phrase) == bounds
