"""The day a story's opening names when no sentence of its violence names one, for ``Resolver.lead_date``.

A follow-up story often tells its incident's day in a sentence that has no word of violence: "Thursday night
around 8:30, neighbors rushed to try to save Mitchell using CPR", "On Thursday, at around 11 p.m., the two
officers were on duty", "It was 10:20 p.m. on May 5, a Thursday night". ``story_dates.story_day`` looks for a
day only where the story tells of violence, so such a page was dated by the week before publication. When
neither the lead nor ``story_day`` dates the incident, the first day the story's opening names is taken, unless
it dates something else: a later act ("was arraigned Tuesday"), a statement ("police said Monday"), the page
itself ("Published Saturday, July 30", "Sign up today!"), the day of writing, or history.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ..model import When
from .dates import TimeExpression
from .event_dates import is_statement_time
from .story_dates import is_page_furniture, is_told_day, opening_end

__all__ = ["OPENING_DAY_RULE", "opening_day"]

OPENING_DAY_RULE = "opening day of the story"  # the weakest reading of the incident's day, told apart in outputs


def opening_day(doc, expressions: list[TimeExpression], published: date | None) -> When | None:
    """The first day-precise phrase in the story's opening STORY_DAY_SENTENCES sentences that dates no later act,
    statement or page, is before the day of publication and not history; None when there is none. It is read as
    the story's day of its incident, the weakest such reading (``OPENING_DAY_RULE``): callers try it last."""
    limit = opening_end(doc)
    if limit is None:
        return None
    for expression in expressions:
        if expression.start >= limit:
            break
        if _names_the_incident_day(doc, expression, published):
            return dataclasses.replace(expression.value, rule=OPENING_DAY_RULE)
    return None


def _names_the_incident_day(doc, expression: TimeExpression, published: date | None) -> bool:
    # the day of writing is when statements and later acts happen ("remained unclear Monday"), not a told day
    return is_told_day(doc, expression, published, publication_day=False) and not (
        is_page_furniture(doc, expression) or is_statement_time(doc, expression))
