"""Reading a headline set above a body that tells of no event (mentions/headline.py); headlines written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep

pytestmark = pytest.mark.model

PUBLISHED = date(2016, 5, 4)
FURNITURE = "Please enable Javascript to watch this video\nAdvertisement"
NO_EVENT_BODY = "Anyone with information is asked to call the county tip line.\nThe investigation continues."


def _events(title: str, text: str = FURNITURE):
    return sitrep.extract(text, title=title, published=PUBLISHED).events


@pytest.mark.parametrize("title", [
    "3 shot, 1 killed outside Oak Street laundromat",
    "Teen Shoots Cousin With Father's Rifle In Elm County",
    "Toddler shot in spray of bullets outside Dayton home",
    "Gunman who killed clerk in corner store sentenced",
    "Two slain in Maple Avenue apartment",
])
def test_headline_verbs_the_parser_reads_as_nouns_are_triggers(title):
    assert len(_events(title)) == 1
    assert len(_events(title, NO_EVENT_BODY)) == 1


@pytest.mark.parametrize("title", [
    "Flu shot clinic opens at Elm County library",
    "Mug shot of suspect released by deputies",
    "Man killed in crash on Route 9",
])
def test_other_senses_and_deaths_without_a_gun_are_not_events(title):
    assert _events(title) == ()


def test_headline_rules_do_not_reach_the_body():
    text = "A 3 shot lead held up for the home team on Friday night.\nThe coach said the players killed it."
    assert sitrep.extract(text, published=PUBLISHED).events == ()


def test_a_shooting_of_someone_in_the_headline_is_still_read():
    assert len(_events("Police investigate accidental shooting of teen girl", NO_EVENT_BODY)) == 1
