"""Time phrases whose arithmetic would leave the calendar resolve to nothing instead of raising."""

from datetime import date

from sitrep.resolve.dates import find_time_expressions


def test_a_count_of_years_beyond_the_calendar_is_not_a_date():
    found = find_time_expressions("It happened 2016 years earlier.", date(2000, 1, 1))
    assert all(e.value is None or e.value.start.year >= 1 for e in found)
