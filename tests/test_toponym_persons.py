"""Person names that are also the names of towns (resolve/toponyms.py); texts written for these tests."""

from __future__ import annotations

from sitrep.nlp import parse
from sitrep.resolve.toponyms import find_toponyms


def _names(text: str) -> list[str]:
    return [t.text for t in find_toponyms(text, parse(text))]


def test_a_name_with_an_age_after_it_is_a_person_not_a_town():
    text = "Police say the man fatally shot his fiancee, Jaime Salazar, 34, and then himself in Tucson."
    assert "Salazar" not in _names(text)
    assert "Tucson" in _names(text)


def test_a_town_with_a_year_after_it_is_still_a_town():
    text = "The shooting in Tucson, 2011, shocked the country."
    assert "Tucson" in _names(text)


def test_a_town_name_inside_a_street_or_school_name_is_not_the_town():
    text = ("Two men were shot on Wheeler Road on Monday. A student at Woodland High School was hurt. "
            "The shooting happened in Tucson.")
    names = _names(text)
    assert "Wheeler" not in names and "Woodland" not in names
    assert "Tucson" in names
