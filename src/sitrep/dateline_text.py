"""The dateline that opens a news story, read as text: "KABUL, 3 March (Reuters) -", "GENEVA, March 3, 2023 (AFP) -",
"SAN SALVADOR, 3 JAN 90 (DPA) --", "MANASSAS, Va. —", "LOUISVILLE, KY (WAVE) -", "CHICAGO (AP) —".

One grammar for the two stages that read datelines, so they cannot drift apart: the clean stage takes the filing
date as a fallback publication date and keeps a line that opens with a dateline out of the standfirst; the resolve
stage takes the place and its state to geocode the story (``resolve.datelines`` checks the parts against the
gazetteer). This module only reads the parts and their offsets; which readings count as a dateline (a label such as
"UPDATE:", a mixed-case sentence, a place the gazetteer does not know) is for each user to decide. Pure text: it
reads the month names (rules/time_words.toml, through ``resolve.dates``, which loads no gazetteer and no spaCy
model), so the clean stage can use it without the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Span

__all__ = ["DatelineText", "FilingDate", "read_dateline", "read_datelines"]


def _month_pattern() -> str:
    """Month names and abbreviations (rules/time_words.toml), case-insensitive, with an optional full stop."""
    from .resolve.dates import alternation, words

    return rf"(?i:{alternation([*words()['months'], *words()['month_abbreviations']])})\.?"


_MONTH = _month_pattern()
# The parts, in the order a dateline writes them. Leading bullets or dashes are page furniture before the line.
_LEAD = r"[ \t\-–—•]*"
_PLACE = r"(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)"
# The state or country after the place: "Va.", "N.C.", "KY", "Tenn", "Ukraine", "Costa Rica".
_STATE = r"(?P<state>[A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,12})?)"
# The filing date an international wire puts after the place: "3 March", "March 3, 2023", "30 MAR 89" (FBIS and
# older agency copy write a two-digit year).
_FILED = (rf"(?P<filed>(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month>{_MONTH})"
          rf"|(?P<month_first>{_MONTH})[ \t]+(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?)"
          r"(?:,?[ \t]+(?P<year>\d{2}(?:\d{2})?))?)")
_AGENCY = r"\((?P<agency>[^()\n]{1,40})\)"
# The dash (or colon) that ends the dateline, followed by the story, or by nothing when the text is cut there (a
# hard-wrapped wire line "CLANDESTINE, 14 NOV 89 (CADENA REVOLUCIONARIA NACIONAL) --" read on its own).
_DASH = r"(?P<dash>—|–|--|-|:)(?=\s|\w|$)"
_DATELINE = re.compile(
    rf"^{_LEAD}{_PLACE}(?:,[ \t]*{_STATE})?\.?(?:,[ \t]*{_FILED})?[ \t]*(?:{_AGENCY})?[ \t]*{_DASH}",
    re.MULTILINE,
)


@dataclass(frozen=True)
class FilingDate:
    """The date a wire dateline was filed, as written: day and month always, the year when given ("90", "2023")."""

    span: Span
    day: str
    month: str
    year: str | None


@dataclass(frozen=True)
class DatelineText:
    """A dateline's parts and where they sit in the text read: [start, end) runs from the line start through the
    dash; the place, state and agency spans hold their text without the surrounding punctuation."""

    start: int
    end: int
    place: Span
    state: Span | None
    filed: FilingDate | None
    agency: Span | None
    dash: Span


def read_datelines(text: str) -> Iterator[DatelineText]:
    """Every line of ``text`` that opens with a dateline's shape, in order (the callers decide which is one)."""
    for match in _DATELINE.finditer(text):
        yield _parts(match)


def read_dateline(text: str) -> DatelineText | None:
    """The dateline whose place is the first thing in ``text``, or None (the clean stage reads lines it has
    already trimmed, where a bullet before a capitalised word is a list item, not a dateline)."""
    match = _DATELINE.match(text)
    return _parts(match) if match and match.start("place") == 0 else None


def _parts(match: re.Match) -> DatelineText:
    place = match.group("place").rstrip(" -")  # "KABUL , Va. -": the space before the comma is not the place's
    place_start = match.start("place")
    return DatelineText(match.start(), match.end(), Span(place_start, place_start + len(place), place),
                        _span(match, "state"), _filing_date(match), _span(match, "agency"), _span(match, "dash"))


def _span(match: re.Match, group: str) -> Span | None:
    return None if match.group(group) is None else Span(match.start(group), match.end(group), match.group(group))


def _filing_date(match: re.Match) -> FilingDate | None:
    filed = _span(match, "filed")
    if filed is None:
        return None
    day_first = match.group("day") is not None
    return FilingDate(filed, match.group("day" if day_first else "day_after"),
                      match.group("month" if day_first else "month_first"), match.group("year"))
