"""A death toll told only in the headline goes to the lead incident when the body states none."""

from __future__ import annotations

import datetime

import pytest

from sitrep.headline_toll import headline_deaths
from sitrep.model import Span


def _title(text: str) -> Span:
    return Span(0, len(text), text)


@pytest.mark.parametrize(("headline", "low", "high"), [
    ("Two killed in Springfield shooting", 2, 2),
    ("1 dead, 3 hurt in Old Town shooting", 1, 1),
    ("Shooting leaves 2 dead", 2, 2),
    ("Drive-by shooter kills 1, injures 3", 1, 1),
    ("Man killed in Dayton shooting", 1, 1),
    ("Fatal shooting on Elm Street", 1, None),
])
def test_headline_states_a_toll(headline, low, high):
    figure = headline_deaths(_title(headline))
    assert (figure.low, figure.high) == (low, high)
    assert headline[figure.text.start:figure.text.end] == figure.text.text


@pytest.mark.parametrize("headline", [
    "3 killed in separate shootings across the city",  # a roundup, not one incident's toll
    "Man shot in leg outside bar",  # no death
    "2 killed in Dayton, 3 killed in Toledo",  # two different figures
    "Police: 1500 block of Elm Street closed",  # an address, not a count
])
def test_headline_states_no_single_toll(headline):
    assert headline_deaths(_title(headline)) is None


@pytest.mark.model
def test_headline_toll_goes_to_the_lead_incident_with_its_words():
    from sitrep import extract

    body = ("A man was shot outside a store on Main Street in Springfield on Saturday night, police said. "
            "Officers found him in the parking lot.")
    result = extract(body, published=datetime.date(2016, 3, 6), title="Two killed in Springfield shooting")
    incident = result.events[0]
    assert (incident.fatalities.low, incident.fatalities.high) == (2, 2)
    span = incident.fatalities.text
    assert result.article.source_text[span.start:span.end] == "Two killed"
    assert incident.rules["fatalities"] == "fatalities:headline-toll"


@pytest.mark.model
def test_body_toll_wins_over_the_headline():
    from sitrep import extract

    body = "A man was shot dead outside a store on Main Street in Springfield on Saturday night, police said."
    result = extract(body, published=datetime.date(2016, 3, 6), title="Three killed in Springfield shooting")
    assert result.events[0].fatalities.low == 1


@pytest.mark.model
def test_headline_toll_told_of_another_event_in_the_body_stays_there():
    from sitrep import extract

    body = ("Two drones struck a gas field near Sulaymaniyah on Monday. No one was hurt, the operator said.\n\n"
            "On Sunday, a Turkish drone struck a car near Sidakan, killing three people.")
    result = extract(body, published=datetime.date(2024, 3, 5),
                     title="Drones hit gas field as Turkish strike kills three near Sidakan")
    assert [e.fatalities.low if e.fatalities else None for e in result.events] == [None, 3]


@pytest.mark.model
def test_headline_count_beats_one_named_victim_in_the_body():
    from sitrep import extract

    body = ("Shots were fired at a house on Elm Street in Springfield on Saturday night, police said. "
            "John Miller, 24, died at the scene.")
    result = extract(body, published=datetime.date(2016, 3, 6), title="3 dead in Springfield shooting")
    incident = result.events[0]
    assert incident.fatalities.low == 3
    assert incident.rules["fatalities"] == "fatalities:headline-toll"
