"""The publication date a cleaned page states about itself, for the clean stage (``sitrep.clean``).

Split out of ``clean`` because dates are their own small language (day/month orders, month names, agency
datelines) with their own property tests, and the line reader does not need to know it. The date is only a
fallback: a date given on the command line or in the document's metadata wins (see ``clean.clean``). Looked
for, in order: a date in the furniture the cleaner removed ("Published 3 March 2023", a timestamp line) —
labelled "published" before unlabelled before "updated" — then the agency dateline that opens the body
("KABUL, 3 March (Reuters) -"), as ``dateline_text`` reads it.
"""

from __future__ import annotations

import re
from datetime import date

from .dateline_text import DatelineText, read_dateline
from .model import Removal

__all__ = ["NOT_PUBLICATION_DATES", "dateline_day", "find_published", "parse_date"]


def _month_numbers() -> dict[str, int]:
    """Month names and their abbreviations (rules/time_words.toml) -> month number."""
    from .resolve.dates import words

    return {**words()["months"], **words()["month_abbreviations"]}


_MONTHS = _month_numbers()
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
)
_PUBLISHED_LABEL = re.compile(r"\b(first published|published|posted|created|filed)\b", re.I)
_UPDATED_LABEL = re.compile(r"\b(updated|last updated|modified|last modified)\b", re.I)
# Removed stretches whose dates are not this page's publication date (they name events or other articles).
NOT_PUBLICATION_DATES = frozenset({"title", "standfirst", "related_links", "read_more", "photo_credit", "photo_caption"})


def parse_date(text: str) -> date | None:
    """The first full calendar date written in ``text`` ("3 March 2023", "March 3, 2023", "2023-03-03")."""
    found = []
    for form in _DATE_FORMS:
        match = form.search(text)
        if match:
            found.append((match.start(), match))
    for _, match in sorted(found, key=lambda item: item[0]):
        made = _make_date(match.group("year"), match.group("month"), match.group("day"))
        if made:
            return made
    return None


def _make_date(year: str, month: str, day: str) -> date | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        return date(int(year), month_number or 0, int(day))
    except ValueError:
        return None


def find_published(text: str, removed: tuple[Removal, ...], first_paragraph: str) -> date | None:
    """The publication date the page states: a labelled or stand-alone date in its furniture (published before
    unlabelled before updated), else the agency dateline that opens the body ("KABUL, 3 March (Reuters) -")."""
    ranked = []
    for order, removal in enumerate(removed):
        if removal.rule in NOT_PUBLICATION_DATES:
            continue
        found = parse_date(removal.span.text)
        if found:
            label = 0 if _PUBLISHED_LABEL.search(removal.span.text) else 2 if _UPDATED_LABEL.search(removal.span.text) else 1
            ranked.append((label, order, found))
    if ranked:
        return min(ranked)[2]
    return _filing_day(read_dateline(first_paragraph), text)


def _filing_day(dateline: DatelineText | None, text: str) -> date | None:
    """The day an agency dateline was filed. Its place must be in capitals ("KABUL, 3 March (Reuters) -"), or, with
    a two-digit year, at least capitalised (FBIS copy after truecasing: "San Salvador, 3 jan 90 --"): in running
    text "Tuesday, March 3 -" is a sentence or page furniture. A year-less date takes the latest year in ``text``."""
    filed = dateline.filed if dateline else None
    if filed is None:
        return None
    place = dateline.place.text
    if filed.year is not None and len(filed.year) == 2:
        if all(word[0].isupper() for word in place.split()):
            return dateline_day(filed.day, filed.month, int(filed.year), date.today())
        return None
    if not place.isupper():
        return None
    year = filed.year or _latest_year(text)
    return _make_date(str(year), filed.month, filed.day) if year else None


def dateline_day(day: str, month: str, two_digit_year: int, today: date) -> date | None:
    """The day a two-digit-year dateline names: the latest such date not after ``today`` ("3 JAN 90" is 1990,
    "9 JAN 21" 2021; in November 2026, "31 DEC 26" is 1926, a filing date is never in the future)."""
    for century in (2000, 1900):
        made = _make_date(str(century + two_digit_year), month, day)
        if made is not None and made <= today:
            return made
    return None


def _latest_year(text: str) -> int | None:
    """A year-less dateline takes the latest past year the article mentions (none mentioned: no date)."""
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text) if int(y) <= date.today().year]
    return max(years) if years else None
