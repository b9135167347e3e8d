"""Tests for sitrep.resolve.dates: time expressions resolved against the publication date (CODING.md, Time).

Publication date 2016-09-22 is a Thursday, as in the seed article.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model import When
from sitrep.resolve import dates, event_dates
from sitrep.resolve.dates import TimeExpression, find_time_expressions, normalise
from sitrep.resolve.event_dates import event_date, implied_date

PUBLISHED = date(2016, 9, 22)


def interval(phrase: str, published: date = PUBLISHED) -> tuple[str, str, str]:
    when = normalise(phrase, published)
    assert when is not None, phrase
    return when.start.isoformat(), when.end.isoformat(), when.precision


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Wednesday", ("2016-09-21", "2016-09-21", "day")),
        ("on Thursday", ("2016-09-22", "2016-09-22", "day")),
        ("on Friday", ("2016-09-16", "2016-09-16", "day")),
        ("on Monday evening", ("2016-09-19", "2016-09-19", "day")),
        ("on Saturday night", ("2016-09-17", "2016-09-17", "day")),
        ("yesterday", ("2016-09-21", "2016-09-21", "day")),
        ("today", ("2016-09-22", "2016-09-22", "day")),
        ("the previous day", ("2016-09-21", "2016-09-21", "day")),
        ("two days ago", ("2016-09-20", "2016-09-20", "day")),
        ("last week", ("2016-09-12", "2016-09-18", "week")),
        ("this week", ("2016-09-19", "2016-09-22", "week")),
        ("three weeks ago", ("2016-08-29", "2016-09-04", "week")),
        ("last month", ("2016-08-01", "2016-08-31", "month")),
        ("in July", ("2016-07-01", "2016-07-31", "month")),
        ("in October", ("2015-10-01", "2015-10-31", "month")),
        ("early July", ("2016-07-01", "2016-07-10", "month")),
        ("mid-July", ("2016-07-11", "2016-07-20", "month")),
        ("late July", ("2016-07-21", "2016-07-31", "month")),
        ("September 2016", ("2016-09-01", "2016-09-30", "month")),
        ("earlier this year", ("2016-01-01", "2016-09-22", "year")),
        ("last year", ("2015-01-01", "2015-12-31", "year")),
        ("in 2015", ("2015-01-01", "2015-12-31", "year")),
        ("on 3 January", ("2016-01-03", "2016-01-03", "day")),
        ("January 3", ("2016-01-03", "2016-01-03", "day")),
        ("3 Jan 2016", ("2016-01-03", "2016-01-03", "day")),
        ("Sept. 21, 2016", ("2016-09-21", "2016-09-21", "day")),
        ("2016-09-21", ("2016-09-21", "2016-09-21", "day")),
        ("09/21/2016", ("2016-09-21", "2016-09-21", "day")),
        ("overnight", ("2016-09-21", "2016-09-22", "day")),
        ("in the past 24 hours", ("2016-09-21", "2016-09-22", "week")),
        ("since Friday", ("2016-09-16", "2016-09-22", "week")),
        ("days earlier", ("2016-09-12", "2016-09-20", "unknown")),
        ("days after the attack", ("2016-09-12", "2016-09-20", "unknown")),
        ("weeks ago", ("2016-07-28", "2016-09-08", "unknown")),
        ("the past week", ("2016-09-16", "2016-09-22", "week")),
        ("in the past few days", ("2016-09-12", "2016-09-22", "unknown")),
        ("since 2011", ("2011-01-01", "2016-09-22", "unknown")),
        ("last Thursday", ("2016-09-15", "2016-09-15", "day")),
        ("a month ago", ("2016-08-01", "2016-08-31", "month")),
        ("the 21st of September", ("2016-09-21", "2016-09-21", "day")),
        ("5 MAY 2016", ("2016-05-05", "2016-05-05", "day")),
    ],
)
def test_normalise_against_a_thursday_publication(phrase, expected):
    assert interval(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "kind", "timex"),
    [
        ("on Wednesday", "date", "2016-09-21"),
        ("on Monday evening", "time", "2016-09-19TEV"),
        ("last week", "date", "2016-W37"),
        ("in July", "date", "2016-07"),
        ("the third quarter", "date", "2016-Q3"),
        ("for three days", "duration", "P3D"),
        ("the past 24 hours", "duration", "P1D"),
        ("every Monday", "set", "XXXX-WXX-1"),
        ("recently", "date", "PAST_REF"),
        ("now", "date", "PRESENT_REF"),
        ("the 1990s", "date", "199"),
        ("nineteen ninety-six", "date", "1996"),
        ("at 10 p.m. Wednesday", "time", "2016-09-21T22:00"),
    ],
)
def test_timex_values(phrase, kind, timex):
    found = find_time_expressions(phrase, PUBLISHED)
    assert [(e.kind, e.timex_value) for e in found] == [(kind, timex)]


def test_when_carries_span_and_rule():
    text = "Jets struck the town on Wednesday, officials said."
    (expression,) = find_time_expressions(text, PUBLISHED)
    assert (expression.start, expression.end, expression.text) == (24, 33, "Wednesday")
    assert expression.value.text.text == "Wednesday" and text[expression.value.text.start : expression.value.text.end] == "Wednesday"
    assert expression.value.rule == "weekday"


def test_future_cue_looks_ahead():
    assert interval("Talks will resume on Monday.") == ("2016-09-26", "2016-09-26", "day")
    assert interval("next Friday") == ("2016-09-23", "2016-09-23", "day")


@pytest.mark.parametrize(("sentence", "day"), [
    ("He is expected to be charged on Monday.", "2016-09-26"),
    ("The suspect will be charged and booked on Monday.", "2016-09-26"),
    ("She is expected to be arraigned after her son shot himself late Monday night.", "2016-09-19"),
    ("Nobody will be charged after a boy was wounded on Monday.", "2016-09-19"),
    ("The would-be robber was killed in a shootout on Monday.", "2016-09-19"),
    ("The town will recover from Monday night's shooting.", "2016-09-19"),
    ("Voters will go to the polls in Monday's election.", "2016-09-26"),
])
def test_a_past_clause_after_a_future_cue_looks_back(sentence, day):
    (expression,) = find_time_expressions(sentence, PUBLISHED)
    assert expression.value.start.isoformat() == day


def test_a_clock_time_in_the_small_hours_ends_the_night_before():
    found = find_time_expressions("Gunfire erupted overnight. Officers arrived about 2 a.m.", PUBLISHED)
    assert [e.value.start.isoformat() for e in found] == ["2016-09-21", "2016-09-22"]


def test_now_is_no_anchor_for_a_later_clock_time():
    found = find_time_expressions("On Tuesday a man was shot. He is now stable. He was shot at 7 p.m.", PUBLISHED)
    assert found[-1].value.start.isoformat() == "2016-09-20"


def test_may_the_verb_is_not_a_month():
    assert find_time_expressions("Fighting may resume; it may be over by May.", PUBLISHED)[-1].text == "May"
    assert len(find_time_expressions("Fighting may resume; it may be over by May.", PUBLISHED)) == 1


def test_ages_and_fractions_are_not_durations():
    assert find_time_expressions("The 52 years old man lost three-quarters of his land.", PUBLISHED) == []


def test_anchored_phrases_count_from_the_last_date():
    found = find_time_expressions("Clashes began on 3 September. Two days later, rebels took the town. "
                                  "The next day they withdrew.", PUBLISHED)
    values = [e.value.start.isoformat() for e in found]
    assert values == ["2016-09-03", "2016-09-05", "2016-09-06"]


def test_days_after_dates_the_background_event_before_the_anchor():
    text = "The jet was downed on Wednesday. It came days after a pilot was killed. Days later, talks resumed."
    found = find_time_expressions(text, PUBLISHED)
    assert [(e.text, str(e.value.start), str(e.value.end), e.value.precision) for e in found] == [
        ("Wednesday", "2016-09-21", "2016-09-21", "day"),
        ("days after", "2016-09-11", "2016-09-19", "unknown"),
        ("Days later", "2016-09-22", "2016-09-22", "day"),
    ]


def test_weekday_beside_a_date_picks_its_year():
    assert interval("on Saturday, April 25: the court", date(1998, 4, 24)) == ("1998-04-25", "1998-04-25", "day")


def test_without_publication_only_absolute_dates_resolve():
    found = find_time_expressions("On Wednesday, 21 September 2016, and again yesterday.", None)
    assert [e.value is not None for e in found] == [True, False]


def test_implied_date_is_the_week_up_to_publication():
    assert implied_date(PUBLISHED) == When(date(2016, 9, 16), PUBLISHED, "week", None, True, "implied_week_before_publication")
    assert implied_date(None) is None


def test_public_api_is_listed():
    assert set(dates.__all__) == {"TimeExpression", "find_time_expressions", "normalise"}
    assert set(event_dates.__all__) == {"event_date", "implied_date", "is_statement_time"}


@pytest.fixture(scope="module")
def sentencized():
    """A blank English pipeline with sentence boundaries only (no model needed)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_event_date_nearest_in_the_same_sentence(sentencized):
    text = "Rebels attacked a convoy on Wednesday. Talks collapsed in July."
    doc = sentencized(text)
    expressions = find_time_expressions(text, PUBLISHED)
    start = text.index("attacked")
    when = event_date(doc, start, start + len("attacked"), expressions, PUBLISHED)
    assert when.start == date(2016, 9, 21) and when.rule == "weekday/nearest"
    start = text.index("collapsed")
    assert event_date(doc, start, start + 9, expressions, PUBLISHED).precision == "month"


def test_event_date_none_without_a_date_in_the_sentence(sentencized):
    text = "Rebels attacked a convoy. Talks collapsed on Wednesday."
    doc = sentencized(text)
    expressions = find_time_expressions(text, PUBLISHED)
    assert event_date(doc, 7, 15, expressions, PUBLISHED) is None


@pytest.mark.model
def test_event_date_prefers_the_dependency_attachment():
    from sitrep.nlp import load_pipeline

    text = "On Monday the ministry said that jets bombed the market on Wednesday."
    doc = load_pipeline()(text)
    expressions = find_time_expressions(text, PUBLISHED)
    start = text.index("bombed")
    when = event_date(doc, start, start + len("bombed"), expressions, PUBLISHED)
    assert when.start == date(2016, 9, 21)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_never_crashes_and_spans_match_text(text, published):
    found = find_time_expressions(text, published)
    for expression in found:
        assert isinstance(expression, TimeExpression)
        assert text[expression.start : expression.end] == expression.text
        assert expression.kind in ("date", "time", "duration", "set")
        if expression.value is not None:
            assert expression.value.start <= expression.value.end
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


WORDS = st.sampled_from(
    ["on", "Wednesday", "last", "week", "in", "July", "3", "January", "2016", "days", "ago", "two", "the", "previous",
     "day", "since", "Friday", "early", "mid-July", "overnight", "May", "may", "-", "21", "/", "09", "hours", "a",
     "year", "earlier", "quarter", "third", "10", "p.m.", ",", ".", "nineteen", "ninety"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12), st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)))
def test_word_soup_never_crashes(words, published):
    text = " ".join(words)
    for expression in find_time_expressions(text, published):
        assert text[expression.start : expression.end] == expression.text
