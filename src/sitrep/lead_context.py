"""The lead paragraph's place and date, given to the events the lead tells of.

News puts the main event's place and day in its lead. ``resolution.Resolver.lead_place``/``lead_date`` read them
(a day of violence before a day of the aftermath, never a court step's); here they go to the story's first event
when its own mentions give none, and, when the story opens with an arrest (the news peg of a follow-up: "Police
arrested a man Thursday in the shooting of ... in Dayton"), to the incident the arrest follows as well.
"""

from __future__ import annotations

from dataclasses import replace

from .headline_toll import followed_incident_index
from .model import Event, Place, When
from .resolve.story_dates import is_fallback_date

__all__ = ["BACKGROUND_GAP_DAYS", "NEWS_PEG_TYPES", "with_lead_context", "lead_context_to_incident"]

# An event that ended this many days before the lead event began is context, not news (a day apart is the
# same story's "overnight"/"the day before"; on the team corpus, 2 days instead of 1 raised background F1
# from 0.46 to 0.52, and 3 instead of 2 from 0.61 to 0.65 (holdout 0.40 to 0.50): a rally two days before
# an ambush is still the week's news).
BACKGROUND_GAP_DAYS = 3

# Types of a story's first event that are the news peg of a follow-up (an arrest, a charge, a plea), not news of
# their own: the lead tells of the incident they follow. A protest told first is an event of its own (a riot
# after it is another event, on the team corpus often on another day).
NEWS_PEG_TYPES = frozenset({"Arrests"})


def with_lead_context(event: Event, lead_place: Place | None, lead_date: When | None) -> Event:
    """``event`` with the lead's place when it has none, and the lead's date when it has none of its own (none,
    implied, or only a later act's shortly after the lead's day: ``_before_later_act``)."""
    rules = dict(event.rules)
    location, date = event.location, event.date
    if location is None and lead_place is not None:
        location = lead_place
        rules["location"] = lead_place.rule
    if lead_date is not None and (date is None or date.implied or _before_later_act(lead_date, date)):
        date = lead_date
        rules["date"] = lead_date.rule
    return replace(event, location=location, date=date, rules=rules)


def lead_context_to_incident(events: list[Event], lead_place: Place | None, lead_date: When | None) -> list[Event]:
    """A story that opens with an arrest (NEWS_PEG_TYPES: the news peg) tells in its lead of the violence it follows:
    the lead's place and date are that incident's too (``headline_toll.followed_incident_index``), when its own
    mentions give none. ``events`` are assemble's, background marked, the first one already given the context."""
    index = followed_incident_index(events)
    if not index or events[0].sub_event_type not in NEWS_PEG_TYPES:
        return events  # no violence, the lead event is the incident, or the story opens with news of its own
    return events[:index] + [with_lead_context(events[index], lead_place, lead_date)] + events[index + 1:]


def _before_later_act(lead_date: When, date: When) -> bool:
    """The event is dated only by a later act ("police said Saturday") and the lead names a day shortly before it:
    the incident came before the acts told of it, so the lead's day is the incident's. A day BACKGROUND_GAP_DAYS
    or more earlier is another, background event ("the fighting erupted on 27 August")."""
    return is_fallback_date(date) and lead_date.precision == "day" and date.start is not None \
        and lead_date.start is not None and 0 < (date.start - lead_date.start).days < BACKGROUND_GAP_DAYS
