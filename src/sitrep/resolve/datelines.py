"""The dateline that opens a news story: "MANASSAS, Va. —", "LOUISVILLE, KY (WAVE) -", "CHICAGO (AP) —".

A dateline names where the story was filed, which for local news is where it happened, and its state settles
which of many same-named towns the story's other places are ("Tyrone, Mo." is not Tyrone, Ga.). The state part
comes in three spellings: the AP abbreviation ("Va.", "N.C.", "Tenn"), the postal code ("KY", "TX") or the
full name; postal codes are read only here, never as place names in running text, where "IN", "OR" and "ME"
are words. Code to state: ISO 3166-2 subdivisions (pycountry, ``US-KY``); abbreviation to state: the gazetteer's
own aliases ("Va." is already an alias of Virginia).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Dateline", "find_dateline", "state_named"]

DATELINE_SEARCH_CHARS = 1500  # a dateline opens the story, after at most a few lines of page furniture
MAX_CITY_WORDS = 4
def _month_pattern() -> str:
    """Month names and abbreviations (rules/time_words.toml), case-insensitive, with an optional full stop."""
    from .dates import alternation, words

    return rf"(?i:{alternation([*words()['months'], *words()['month_abbreviations']])})\.?"


_MONTH = _month_pattern()
# The filing date an international wire puts after the city: "KABUL, March 3 (Reuters) -", "GENEVA, March 3, 2023
# (AFP) -", "SAN SALVADOR, 30 MAR 89 (DPA) --".
_FILED = rf"(?:\d{{1,2}}[ \t]+{_MONTH}|{_MONTH}[ \t]+\d{{1,2}})(?:,?[ \t]+\d{{2}}(?:\d{{2}})?)?"
_DATELINE = re.compile(
    r"^[ \t\-–—•]*(?P<city>[A-Z][A-Za-z.'’ -]{1,40}?)"
    r"(?:,[ \t]*(?P<state>[A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,12})?))?\.?"
    rf"(?:,[ \t]*(?P<filed>{_FILED}))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?[ \t]*(?:—|–|--|-|:)(?=\s|\w)",
    re.MULTILINE,
)
# Lines that look like a dateline but are labels: "UPDATE:", "CORRECTION -", "WATCH:".
LABEL_WORDS = frozenset("update updated correction watch video photos photo breaking editor note listen read "
                        "related advertisement more police exclusive warning analysis opinion live comment "
                        "explainer review".split())


@dataclass(frozen=True)
class Dateline:
    """Where a dateline sits in the text, its city part, and the state it names (country code, admin1)."""

    start: int
    end: int
    city_start: int
    city_end: int
    city: str
    state: tuple[str, str] | None


def find_dateline(text: str) -> Dateline | None:
    """The first dateline at a line start near the top of ``text``, or None."""
    for match in _DATELINE.finditer(text[:DATELINE_SEARCH_CHARS]):
        city = match.group("city").strip(" -")
        words = city.split()
        if not words or len(words) > MAX_CITY_WORDS or city.lower() in LABEL_WORDS or words[0].lower() in LABEL_WORDS:
            continue
        state_text = match.group("state")
        if not city.isupper() and not state_text and not match.group("agency") and not (
                match.group("filed") and _names_a_place(city)):
            continue  # "Police said - ..." is a sentence; a mixed-case dateline needs its state, agency or a date
            # after a place ("Tuesday, March 3 -" and "Last Updated, Mar 3, 2023 -" are page furniture)
        state = state_named(state_text) if state_text else None
        if state_text and state is None and not city.isupper():
            continue
        start = match.start("city") + (len(match.group("city")) - len(match.group("city").lstrip(" -")))
        return Dateline(match.start(), match.end(), start, start + len(city), city, state)
    return None


def _names_a_place(city: str) -> bool:
    """The gazetteer knows ``city`` by its own name or an alias as a town, a capital or a region."""
    from .gazetteer import load_gazetteer

    return any(e.kind <= 1 and e.feature in ("city", "capital", "town", "admin1", "country")
               for e in load_gazetteer().lookup(city))


@functools.lru_cache(maxsize=256)
def state_named(text: str) -> tuple[str, str] | None:
    """(country code, admin1 name) for a US state written as an AP abbreviation, postal code or full name."""
    cleaned = text.strip()
    if re.fullmatch(r"[A-Z]{2}", cleaned):
        return _postal_state(cleaned)
    from .gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    for surface in (cleaned, cleaned.rstrip(".") + ".", cleaned.rstrip(".")):
        entries = [e for e in gazetteer.lookup(surface, surface=surface) if e.feature == "admin1"]
        if entries:
            return entries[0].country_code, entries[0].admin1
    return None


@functools.lru_cache(maxsize=64)
def _postal_state(code: str) -> tuple[str, str] | None:
    import pycountry

    from .gazetteer import load_gazetteer

    subdivision = pycountry.subdivisions.get(code=f"US-{code}")
    if subdivision is None:
        return None
    entries = [e for e in load_gazetteer().lookup(subdivision.name) if e.feature == "admin1" and e.country_code == "US"]
    return ("US", entries[0].admin1) if entries else ("US", subdivision.name)
