"""Which date an event gets (CODING.md, Time): the time phrase of its sentence the parse ties to its trigger,
else the nearest one; a later act's day ("police said Saturday", "was arraigned Tuesday") only when nothing
else dates it; and, for an event its text leaves undated, the week up to publication.

``dates`` finds and normalises the time phrases; this module chooses among them for one event.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from ..doc_text import text_of
from ..model import When
from ..nlp import sentence_of
from .dates import PRESENT_REF, TimeExpression
from .story_dates import as_fallback, says_now, split_by_act

__all__ = ["event_date", "implied_date", "is_statement_time"]

IMPLIED_DAYS_BEFORE_PUBLICATION = 6  # undated event: the 7 days ending on publication day (a week interval)
ATTACHMENT_MAX_STEPS = 4  # dependency steps from a time phrase up to the event trigger that count as attached
SUBJECT_LINK_COST = 2  # extra cost when the phrase attaches to the verb governing a nominal trigger


def implied_date(published: date | None) -> When | None:
    """The interval an undated event in an article implies: the week ending on publication day (a wire report
    tells of the last few days; ACLED codes such events with week precision). None without a date."""
    if published is None:
        return None
    start = published - timedelta(days=IMPLIED_DAYS_BEFORE_PUBLICATION)
    return When(start=start, end=published, precision="week", implied=True, rule="implied_week_before_publication")


def _ancestry_cost(token, trigger) -> int | None:
    """Dependency steps from ``token`` up to ``trigger`` (or to the verb governing a nominal trigger)."""
    steps, current = 0, token
    governor = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") else None
    while steps <= ATTACHMENT_MAX_STEPS:
        if current == trigger:
            return steps
        if governor is not None and current == governor:
            return steps + SUBJECT_LINK_COST
        if current.head == current:
            return None
        current, steps = current.head, steps + 1
    return None


def event_date(doc, trigger_start: int, trigger_end: int, expressions: list[TimeExpression],
               published: date | None) -> When | None:
    """The date tied to an event trigger: a dated time expression in the trigger's sentence, the one the
    parse attaches to the trigger if any, else the nearest. None when the sentence has none (the caller
    falls back to ``implied_date``). ``doc`` is the spaCy Doc of the text the offsets point into."""
    sentence = sentence_of(doc, trigger_start)
    low, high = (sentence.start_char, sentence.end_char) if sentence is not None else (0, len(text_of(doc)))
    usable = [
        e for e in expressions
        if e.value is not None and low <= e.start and e.end <= high and e.kind in ("date", "time", "duration")
        and not (published is not None and e.value.start is not None and e.value.start > published)
        and e.timex_value != PRESENT_REF
    ]
    if not usable:
        return None
    # "police said Saturday", "was arraigned Tuesday": a later act's day dates the event only when nothing else does
    own, later = split_by_act(doc, usable, (trigger_start, trigger_end))
    if any(e.value.precision == "day" for e in own):
        usable = own  # a coarser own phrase ("this week", "four years ago") does not outrank a later act's day
    # "around 6:30 p.m. ... on Thursday": a bare clock time borrows its day; the phrase naming the day dates it
    usable = [e for e in usable if not _bare_clock(e)] or usable
    trigger_span = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    attached = []
    if trigger_span is not None and doc.has_annotation("DEP"):
        trigger = trigger_span.root
        for expression in usable:
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            cost = _ancestry_cost(span.root, trigger) if span is not None else None
            if cost is not None:
                attached.append((cost, abs(expression.start - trigger_start), expression))
    if attached:
        best, how = min(attached, key=lambda item: (item[0], item[1]))[2], "dependency"
    else:
        # a bare year ("the 2014 post shooting", "in 2015, the city") dates a trigger only when the parse ties it
        nearby = [e for e in usable if e.rule != "year"]
        if not nearby:
            return None
        best = min(nearby, key=lambda e: min(abs(e.start - trigger_end), abs(trigger_start - e.end)))
        how = "nearest"
    when = dataclasses.replace(best.value, rule=f"{best.value.rule}/{how}")
    return when if best in own else as_fallback(when)


def _bare_clock(expression: TimeExpression) -> bool:
    return expression.rule == "clock" and not re.search(r"day|tonight", expression.text, re.IGNORECASE)


# Verbs of saying: a time phrase hanging from one dates the statement ("police said Saturday"), not the event.
STATEMENT_VERBS = frozenset("say tell announce report confirm add state release identify update".split())


def is_statement_time(doc, expression: TimeExpression) -> bool:
    """"..., police said Saturday", "officials told reporters on Monday": the phrase dates the saying."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    governor = span.root.head
    if governor.lemma_.lower() == "on" or governor.dep_ == "prep":
        governor = governor.head
    return governor.lemma_.lower() in STATEMENT_VERBS and governor.i != span.root.i \
        and not says_now(doc, governor, expression)
