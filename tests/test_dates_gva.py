"""Time phrases whose arithmetic would leave the calendar resolve to nothing instead of raising."""

from datetime import date

from sitrep.resolve.dates import find_time_expressions


def test_a_count_of_years_beyond_the_calendar_is_not_a_date():
    found = find_time_expressions("It happened 2016 years earlier.", date(2000, 1, 1))
    assert all(e.value is None or e.value.start.year >= 1 for e in found)


def test_a_clock_time_on_a_named_day_is_that_day():
    found = find_time_expressions("It happened around 12:30 a.m. on Sunday.", date(2016, 1, 27))
    assert [e.value.start for e in found if e.value] == [date(2016, 1, 24)]


def test_a_two_digit_year_stays_in_the_publication_century():
    found = find_time_expressions("(01/12/16) - A toddler was hurt.", date(2016, 1, 20))
    assert found[0].value.start == date(2016, 1, 12)


def test_a_two_digit_year_is_never_moved_past_publication():
    from datetime import date

    from sitrep.resolve.date_rules import parse_numeric_date

    assert parse_numeric_date("01/25/66", date(2016, 1, 30)) == date(1966, 1, 25)
    assert parse_numeric_date("01/25/16", date(2016, 1, 30)) == date(2016, 1, 25)


def test_a_two_digit_year_a_day_after_publication_is_that_day_not_a_century_back():
    from sitrep.resolve.date_rules import parse_numeric_date

    assert parse_numeric_date("8/14/13", date(2013, 8, 13)) == date(2013, 8, 14)


def test_a_street_number_is_not_a_year():
    for text in ("He was shot in the 2000 block of Elm Street.", "Police were called to 1900 W. Main St. at noon."):
        assert not [e for e in find_time_expressions(text, date(2016, 1, 20)) if e.rule == "year"], text
    assert [e.timex_value for e in find_time_expressions("In 2014, the city grew.", date(2016, 1, 20))] == ["2014"]


def test_a_bare_year_dates_an_event_only_through_the_parse(nlp):
    from sitrep.resolve.event_dates import event_date

    text = "A report on the 2014 post shooting made several recommendations."
    doc = nlp(text)
    start = text.index("recommendations")
    found = find_time_expressions(text, date(2015, 1, 30))
    when = event_date(doc, start, start + len("recommendations"), found, date(2015, 1, 30))
    assert when is None or when.rule.endswith("/dependency")


def test_early_before_a_month_and_day_is_that_day():
    found = find_time_expressions("The shooting happened early Jan. 3 outside a bar.", date(2016, 1, 20))
    assert [(e.text, e.timex_value) for e in found] == [("Jan. 3", "2016-01-03")]


def test_a_weekday_with_a_yearless_date_goes_with_that_date_and_names_its_year():
    found = find_time_expressions("It happened at 2:30 a.m. Saturday, Sept. 12, near the bar.", date(2017, 3, 20))
    assert [e.timex_value for e in found if e.rule == "month_day"] == ["2015-09-12"]


def test_a_count_of_hours_after_counts_whole_days_back():
    found = find_time_expressions("Nearly 48 hours after a gunman opened fire, police are digging.", date(2016, 9, 17))
    assert [e.value.start for e in found] == [date(2016, 9, 15)]
    found = find_time_expressions("He circled the block for nearly an hour before the shooting.", date(2016, 9, 17))
    assert [e.value.start for e in found] == [date(2016, 9, 17)]
