"""The dateline that opens a news story: "MANASSAS, Va. —", "LOUISVILLE, KY (WAVE) -", "CHICAGO (AP) —".

A dateline names where the story was filed, which for local news is where it happened, and its state settles
which of many same-named towns the story's other places are ("Tyrone, Mo." is not Tyrone, Ga.). The state part
comes in three spellings: the AP abbreviation ("Va.", "N.C.", "Tenn"), the postal code ("KY", "TX") or the
full name; postal codes are read only here, never as place names in running text, where "IN", "OR" and "ME"
are words. Code to state: ISO 3166-2 subdivisions (pycountry, ``US-KY``); abbreviation to state: the gazetteer's
own aliases ("Va." is already an alias of Virginia). The dateline's grammar (its place, state, filing date,
agency and dash) is ``sitrep.dateline_text``'s, shared with the clean stage; this module decides, with the
gazetteer, which of the lines of that shape are datelines and what their state is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..dateline_text import read_datelines

__all__ = ["Dateline", "find_dateline", "state_named"]

DATELINE_SEARCH_CHARS = 1500  # a dateline opens the story, after at most a few lines of page furniture
MAX_CITY_WORDS = 4
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
    """The first dateline at a line start near the top of ``text`` (bullets before it allowed), or None."""
    for dateline in read_datelines(text[:DATELINE_SEARCH_CHARS]):
        city = dateline.place.text
        words = city.split()
        if len(words) > MAX_CITY_WORDS or city.lower() in LABEL_WORDS or words[0].lower() in LABEL_WORDS:
            continue
        state_text = dateline.state.text if dateline.state else None
        if not city.isupper() and not state_text and not dateline.agency and not (
                dateline.filed and _names_a_place(city)):
            continue  # "Police said - ..." is a sentence; a mixed-case dateline needs its state, agency or a date
            # after a place ("Tuesday, March 3 -" and "Last Updated, Mar 3, 2023 -" are page furniture)
        state = state_named(state_text) if state_text else None
        if state_text and state is None and not city.isupper():
            continue
        return Dateline(dateline.start, dateline.end, dateline.place.start, dateline.place.end, city, state)
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
