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


def test_a_stop_listed_word_the_text_places_is_a_town():
    text = "A woman was killed when a fight turned into a shooting Sunday night in Forest, authorities said."
    assert "Forest" in _names(text)


def test_a_stop_listed_word_not_placed_by_the_text_is_no_town():
    text = "The Forest Service closed the trail after a hunter was shot on Sunday."
    assert "Forest" not in _names(text)


def test_a_town_name_in_a_pages_video_link_is_not_the_town():
    text = "A girl was shot inside a home in Louisville, police said. Watch Mobile Video. She died on Monday."
    names = _names(text)
    assert "Mobile" not in names and "Louisville" in names


def test_a_town_name_inside_a_county_hospitals_name_is_not_the_town():
    text = "The three other people were treated at Erie County Medical Center after the shooting in Buffalo."
    names = _names(text)
    assert "Erie" not in names and "Erie County" not in names and "Buffalo" in names
