"""Holidays as dates: "on Christmas Eve", "the Fourth of July", "Thanksgiving night", "Memorial Day".

A holiday names one day a year; which year is read as for any day written without one (CODING.md, Time: the
latest not after publication, or the coming one when the sentence speaks of the future). Fixed holidays are a
month and day, movable ones the nth weekday of a month, Easter is computed; all from rules/holidays.toml.
"""

from __future__ import annotations

import calendar
import functools
import re
import tomllib
from datetime import date
from importlib import resources

__all__ = ["holiday_date", "holiday_names", "latest_holiday", "needs_cue"]


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    text = resources.files("sitrep").joinpath("rules", "holidays.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def holiday_names() -> list[str]:
    """Every holiday name of rules/holidays.toml, lower-case."""
    table = _table()
    return [*table["fixed"], *table["movable"], *table["computed"]["names"]]


def needs_cue(name: str) -> bool:
    """A bare "Christmas" dates something only after "on" or with a part of day."""
    return _normal(name) in _table()["needs_cue"]["names"]


def _normal(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("’", "'"))


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    days = [day for day in calendar.Calendar().itermonthdates(year, month)
            if day.month == month and day.weekday() == weekday]
    return days[n - 1] if n > 0 else days[n]


def holiday_date(name: str, year: int) -> date | None:
    """The day ``name`` falls on in ``year``, or None for a name not in rules/holidays.toml."""
    key, table = _normal(name), _table()
    if key in table["fixed"]:
        month, day = table["fixed"][key]
        return date(year, month, day)
    if key in table["movable"]:
        return _nth_weekday(year, *table["movable"][key])
    if key in table["computed"]["names"]:
        from dateutil.easter import easter

        return easter(year)
    return None


def latest_holiday(name: str, published: date, future: bool) -> date | None:
    """The holiday's day nearest publication on the side the sentence points to: the latest on or before it, or
    the coming one when the sentence speaks of the future."""
    days = [holiday_date(name, published.year + k) for k in (-1, 0, 1)]
    days = [d for d in days if d is not None]
    if future:
        coming = [d for d in days if d >= published]
        return min(coming) if coming else None
    past = [d for d in days if d <= published]
    return max(past) if past else None
