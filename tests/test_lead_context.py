"""lead_context: the lead paragraph's place and date, given to the event the lead tells of."""

from __future__ import annotations

from datetime import date

import sitrep

PUBLISHED = date(2016, 1, 28)  # a Thursday
FILLER = "Officers said the man was booked into the county jail. Neighbors said the street had been quiet for years. "


def _events(text: str):
    return sitrep.extract(text, published=PUBLISHED).events


def test_a_story_opening_with_an_arrest_gives_its_lead_context_to_the_incident():
    events = _events("Police in Dayton arrested a man Thursday after a woman was found wounded on Tuesday night. "
                     + FILLER + "The woman had been shot in the leg while she sat in her car, police said.")
    arrest, incident = events[0], next(e for e in events if e.event_type == "Violence against civilians")
    assert arrest.sub_event_type == "Arrests"
    assert incident.location is not None and incident.location.name == "Dayton"
    assert incident.rules["location"] == "lead-paragraph place"
    assert (incident.date.start, incident.date.precision) == (date(2016, 1, 26), "day")
    assert incident.rules["date"] == "lead-paragraph date" and incident.date.text.text.startswith("Tuesday")


def test_a_story_opening_with_a_protest_keeps_its_lead_context_for_the_protest():
    events = _events("Hundreds of people marched peacefully through Dayton on Tuesday to protest against new taxes. "
                     "Organisers said the march was the largest in years. Shops stayed open along the route. "
                     "Rioters later smashed windows and set cars on fire, police said.")
    riot = next(e for e in events if e.sub_event_type == "Violent demonstration")
    assert riot.location is None
    assert riot.date.implied
