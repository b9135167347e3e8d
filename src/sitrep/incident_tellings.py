"""One incident told twice in a story: the telling dated only by a later act joins the one that gives its day.

A follow-up story leads with the later act and tells the incident again further down: "Four gang members pleaded
guilty Thursday in the shootings of a family ... On May 7, 2015, they went to the victims' homes where one of
them opened fire". The mentions are too far apart, and their dates too different, for ``assemble``'s merging
(which joins only mentions whose dates overlap), so the story came out as two events: the lead incident dated
by the plea day (a fallback date, ``story_dates.is_fallback_date``) and a background shooting on the right day.
Here the two become one event with all their mentions, and its date is the earlier telling's day, its rule
marked ``/retold``.

Two incidents of a round-up story are kept apart: the telling must be of the same kind of violence, told at the
same place (or with no place of its own), not marked as another ("in a separate shooting", "another attack"),
and dated on or before the later act but not years before it (``story_dates.is_history``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .death_toll import GENERIC_SUB_TYPES
from .geodesy import distance_km
from .model import Place, When
from .resolve.story_dates import is_fallback_date, is_history

__all__ = ["RETOLD_RULE", "SAME_PLACE_KM", "join_retold_incidents", "with_retold_rule"]

RETOLD_RULE = "retold"  # date rule suffix: the day came from another telling of the incident
# An indefinite mention this close to an event's place is the same event (assemble; Homs-Hama is 45), and two
# tellings' places this close are the same incident's ("Coney Island" and "Brooklyn").
SAME_PLACE_KM = 30.0
INCIDENT_FAMILY = "violence"


def join_retold_incidents(builders: list, *, date_of: Callable, type_of: Callable) -> list:
    """``builders`` (assemble's events in the making, in text order) with each violent event dated only by a
    later act joined by the first telling of the same incident further down (``_tells_same_incident``), the
    telling's mention that states the day kept as ``retold_from``. A follow-up story leads with the later act and
    tells the incident after it; an event dated by a later act told after a dated one is left as it is (there the
    figures of two readings would meet in one toll, and a second reading is as often a related incident).
    ``date_of(builder)`` is the date the event would take, ``type_of(builder)`` its sub-event type. Returns a new
    list; the incident's builder gains the telling's mentions."""
    joined: set[int] = set()  # ids of the builders joined to another (builders compare by value, slowly)
    for index, incident in enumerate(builders):
        if id(incident) in joined or not _dated_by_later_act(incident, date_of):
            continue
        act = date_of(incident)
        telling = next((b for b in builders[index + 1:] if id(b) not in joined
                        and _tells_same_incident(incident, b, act, date_of, type_of)), None)
        if telling is None:
            continue
        incident.drafts.extend(telling.drafts)
        incident.retold_from = _dating_draft(telling, date_of(telling))
        joined.add(id(telling))
    return [b for b in builders if id(b) not in joined]


def with_retold_rule(when: When | None) -> When | None:
    """The joined event's date with its rule saying it came from another telling of the incident."""
    if when is None or is_fallback_date(when):
        return when
    return replace(when, rule=f"{when.rule}/{RETOLD_RULE}")


def _dated_by_later_act(builder, date_of: Callable) -> bool:
    when = date_of(builder)
    return builder.family == INCIDENT_FAMILY and is_fallback_date(when) and when.start is not None


def _tells_same_incident(incident, telling, act: When, date_of: Callable, type_of: Callable) -> bool:
    """``telling`` tells the incident again: violence of a compatible type, given a day of its own on or before
    the later act (not history), at a compatible place, and not marked as another event."""
    if telling.family != INCIDENT_FAMILY or any(d.distinct for d in telling.drafts):
        return False
    day = date_of(telling)
    if not _own_day(day) or day.start > act.start or is_history(day, act.start):
        return False
    return _compatible_types(type_of(incident), type_of(telling)) and _compatible_places(
        incident.places(), telling.places())


def _dating_draft(telling, day: When):
    """The telling's mention that states ``day`` (the joined event's date is read from it), else its first."""
    return next((d for d in telling.drafts if d.mention.when == day), telling.drafts[0])


def _own_day(when: When | None) -> bool:
    """A day-precise date the text states for the event itself (not implied, not a later act's)."""
    return when is not None and when.start is not None and not when.implied and when.precision == "day" \
        and not is_fallback_date(when)


def _compatible_types(incident_type: str, telling_type: str) -> bool:
    """The same sub-type, or both of the generic ones a shooting is told with ("Attack", "Armed clash")."""
    return incident_type == telling_type or {incident_type, telling_type} <= GENERIC_SUB_TYPES


def _compatible_places(incident_places: list[Place], telling_places: list[Place]) -> bool:
    """Either telling names no place, or some place of each is the same or within SAME_PLACE_KM."""
    if not incident_places or not telling_places:
        return True
    return any(a.gazetteer_id == b.gazetteer_id and a.gazetteer_id is not None
               or distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
               for a in incident_places for b in telling_places)
