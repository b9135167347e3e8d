"""A local story's death toll told only in its headline ("One killed, six hurt in Old Town shooting").

Local news often puts the count in the headline and tells the body as "a man was shot ... he died". The body's
reading (``mentions.fatalities``) has no count then, and the small parser misreads headlinese ("Two killed in
Springfield shooting" parses "Two" as the subject of "shooting"), so the headline is read here as word patterns
from ``rules/death_words.toml`` [headline_toll]. ``pipeline.events_of`` gives the figure to the story's lead
incident only when the body states no toll for it, with the headline's words as its evidence.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import replace
from importlib import resources

from .death_toll import is_partial
from .mentions.numbers import number_value
from .model import Fatalities, Span

__all__ = ["INCIDENT_EVENT_TYPES", "HEADLINE_TOLL_RULE", "headline_deaths", "lead_incident_index",
           "with_headline_toll"]

# The event types an incident's toll can belong to (a protest or an arrest told first is the story's peg).
INCIDENT_EVENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence", "Riots"})
HEADLINE_TOLL_RULE = "fatalities:headline-toll"
COUNT = r"(?P<count>\d{1,3}|[A-Za-z]+)"
# A count above this in a local headline is a year, an age or an address ("1500 block"), not the dead.
MAX_HEADLINE_COUNT = 50


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    with resources.files("sitrep.rules").joinpath("death_words.toml").open("rb") as handle:
        return tomllib.load(handle)["headline_toll"]


def _alternation(key: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_words()[key], key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    deaths, verbs, nouns = _alternation("death_words"), _alternation("killing_verbs"), _alternation("one_person_nouns")
    people = r"(?:\s+(?:[A-Za-z-]+\s+){0,2}?(?:people|persons|men|women|teens|children|others|victims|officers))?"
    return (
        re.compile(rf"\b{COUNT}{people}\s+(?:are\s+|were\s+|is\s+|was\s+)?(?:{deaths})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{verbs})\s+{COUNT}{people}(?:\s+dead)?\b", re.IGNORECASE),
        re.compile(rf"\b(?P<one>{nouns})\s+(?:is\s+|was\s+)?(?:{deaths})\b", re.IGNORECASE),
    )


def _count(word: str) -> int | None:
    value = int(word) if word.isdigit() else number_value(word.lower())
    return value if value is not None and 0 < value <= MAX_HEADLINE_COUNT else None


def headline_deaths(title: Span) -> Fatalities | None:
    """The one death figure a headline states, with its words as evidence; None when it states none, or several
    different ones, or counts more than one incident ("3 killed in separate shootings")."""
    text = title.text
    if re.search(rf"\b(?:{_alternation('several_incidents')})\b", text, re.IGNORECASE):
        return None
    figures: dict[int, tuple[int, int]] = {}
    for pattern in _patterns():
        for match in pattern.finditer(text):
            deaths = 1 if "one" in match.groupdict() and match.group("one") else _count(match.group("count") or "")
            if deaths is not None:
                figures.setdefault(deaths, match.span())
    if not figures:
        implied = re.search(rf"\b(?:{_alternation('implying_words')})\b", text, re.IGNORECASE)
        if implied is None:
            return None
        figures[1] = implied.span()
        rule = HEADLINE_TOLL_RULE + ":implied"
        return _figure(title, 1, figures[1], rule, high=None)
    if len(figures) != 1:
        return None
    deaths, span = next(iter(figures.items()))
    return _figure(title, deaths, span, HEADLINE_TOLL_RULE, high=deaths)


def _figure(title: Span, deaths: int, span: tuple[int, int], rule: str, *, high: int | None) -> Fatalities:
    start, end = title.start + span[0], title.start + span[1]
    return Fatalities(low=deaths, high=high, text=Span(start, end, title.text[span[0]:span[1]]), rule=rule)


def lead_incident_index(events) -> int | None:
    """Index of the story's first foreground violent event: the incident a local story's headline speaks of."""
    return next((i for i, e in enumerate(events) if not e.background and e.event_type in INCIDENT_EVENT_TYPES), None)


def with_headline_toll(events: tuple, title: Span | None) -> tuple:
    """``events`` with the headline's toll given to the lead incident when its body states none, or only a
    partial figure below it (one named victim, "a fatal shooting"), and no other event of the body carries that
    same toll (an explicit "no one was killed", a toll of 0, stays)."""
    index = lead_incident_index(events)
    if title is None or index is None:
        return events
    told = events[index].fatalities
    if told is not None and not is_partial(told):
        return events
    figure = headline_deaths(title)
    if figure is None or any(e.fatalities and (e.fatalities.low, e.fatalities.high) == (figure.low, figure.high)
                             for e in events):
        return events  # the body tells that toll of another event ("Drones hit X as strike kills three near Y")
    if told is not None and (told.low is None or figure.low <= told.low):
        return events  # the body's partial figure ("Smith, 24, died") already says as much
    incident = events[index]
    incident = replace(incident, fatalities=figure, rules={**incident.rules, "fatalities": figure.rule},
                       evidence=tuple(dict.fromkeys(incident.evidence + (figure.text,))))
    return events[:index] + (incident,) + events[index + 1:]
