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

from .death_toll import LATER_MENTION_RULE, is_partial
from .mentions.numbers import number_value
from .model import Fatalities, Span

__all__ = ["INCIDENT_EVENT_TYPES", "HEADLINE_TOLL_RULE", "headline_deaths", "followed_incident_index",
           "lead_incident_index", "with_headline_toll"]

# The event types an incident's toll can belong to (a protest or an arrest told first is the story's peg).
INCIDENT_EVENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence", "Riots"})
HEADLINE_TOLL_RULE = "fatalities:headline-toll"
COUNT = r"(?P<count>\d{1,3}|[A-Za-z]+)"
# A count above this in a local headline is a year, an age or an address ("1500 block"), not the dead.
MAX_HEADLINE_COUNT = 50
KILLER_TOO = "+killer-too"
# Characters a headline may put between an ordinal's victim and its death word ("Second teen victim of suspected
# 14-year-old shooter dies"); a clause longer than this is about something else.
ORDINAL_REACH_CHARS = 60
# Between the items of a headline's list of victims: "Baby, 20-year-old man", "Mother and son", "A, B, and C".
LIST_SEPARATOR = r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+"
# A number a word or two before a death word counts its dead ("two students killed"), though not as a toll this
# module reads; "6-year-old" and "14," (an age) are no count.
COUNTED_BEFORE = re.compile(
    r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|dozens?|several)(?![-\d])(?:\s+[A-Za-z]+){1,2}\s*$",
    re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    with resources.files("sitrep.rules").joinpath("death_words.toml").open("rb") as handle:
        return tomllib.load(handle)["headline_toll"]


def _alternation(key: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_words()[key], key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    deaths, verbs, nouns = _alternation("death_words"), _alternation("killing_verbs"), _alternation("one_person_nouns")
    ordinals = "|".join(_words()["counting_ordinals"])
    # "leaves 4 dead" counts the dead, "leaves 4 hurt" does not: a leaving verb needs "dead"
    people = _counted_people()
    return (
        re.compile(rf"\b{COUNT}{people}\s+(?:are\s+|were\s+|is\s+|was\s+)?(?:found\s+)?(?:{deaths})\b",
                   re.IGNORECASE),
        re.compile(rf"\b(?:{verbs})\s+{COUNT}(?!-){people}\b", re.IGNORECASE),  # not "kills 6-year-old"
        re.compile(rf"\b(?:{_alternation('leaving_verbs')})\s+{COUNT}(?!-){people}\s+dead\b", re.IGNORECASE),
        re.compile(rf"\b(?P<one>{nouns})\s+(?:is\s+|was\s+)?(?:found\s+)?(?:{deaths})\b", re.IGNORECASE),
        # "Third person dies after shooting", "Second teen victim of the Elm Street shooter dies": that many dead
        re.compile(rf"\b(?P<ordinal>{ordinals})\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{nouns})\b"
                   rf"(?:\s+[^,;:]{{0,{ORDINAL_REACH_CHARS}}}?)?\s+(?:{deaths})\b", re.IGNORECASE),
    )


def _counted_people() -> str:
    """What a count may count, up to two words before it ("2 young men", "three persons"): the group nouns of
    rules/death_words.toml."""
    return rf"(?:\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{_alternation('list_group_nouns')}|persons))?"


def _ordinal_count(match: re.Match) -> int | None:
    """The dead an ordinal victim's death counts ("Third person dies": three), else None."""
    ordinal = match.groupdict().get("ordinal")
    return _words()["counting_ordinals"][ordinal.lower()] if ordinal else None


def _count(word: str) -> int | None:
    value = int(word) if word.isdigit() else number_value(word.lower())
    return value if value is not None and 0 < value <= MAX_HEADLINE_COUNT else None


def headline_deaths(title: Span) -> Fatalities | None:
    """The one death figure a headline states, with its words as evidence; None when it states none, or several
    different ones, or counts more than one incident ("3 killed in separate shootings"). The killer's own death
    told beside the victims' ("kills two children, then himself") is one more (``_with_killer``)."""
    text = title.text
    if re.search(rf"\b(?:{_alternation('several_incidents')})\b", text, re.IGNORECASE):
        return None
    figures: dict[int, tuple[int, int]] = {}
    counted = False  # a number counts the dead, not a noun naming one of them ("Man dead after shooting himself")
    listed = _listed_victims(text)
    if listed is not None:
        deaths, span, with_killer = listed
        figure = _figure(title, deaths, span, HEADLINE_TOLL_RULE + ":listed", high=deaths)
        return figure if with_killer else _with_killer(title, figure)
    matches = [m for pattern in _patterns() for m in pattern.finditer(text)]
    ordinal_spans = [m.span() for m in matches if _ordinal_count(m)]
    for match in matches:
        one = "one" in match.groupdict() and match.group("one")
        if one and any(start < match.start() < end for start, end in ordinal_spans):
            continue  # "Third person dies": the person is the third dead, not the only one
        deaths = 1 if one else _ordinal_count(match) or _count(match.groupdict().get("count") or "")
        if deaths is not None:
            figures.setdefault(deaths, match.span())
            counted = counted or not one
    if not figures:
        return _implied_deaths(title)
    if len(figures) != 1:
        return None
    deaths, span = next(iter(figures.items()))
    figure = _figure(title, deaths, span, HEADLINE_TOLL_RULE, high=deaths)
    return _with_killer(title, figure) if counted else figure


@functools.lru_cache(maxsize=1)
def _list_patterns() -> tuple[re.Pattern, ...]:
    words = _words()
    nouns = "|".join(re.escape(w) for w in sorted(
        words["one_person_nouns"] + words["list_person_nouns"] + words["list_group_nouns"] + words["pair_nouns"],
        key=len, reverse=True))
    # a word before an item's noun describes it ("20-year-old man"); a verb there starts another clause ("killed
    # one man, injured 3 others")
    describing = r"(?!(?:injur|wound|hurt|shot|shoot|kill|leav|left|hospitali)\w*\s)[\w'’-]+\s+"
    item = rf"(?:(?:his|her|their|a|an)\s+)?(?:{describing}){{0,2}}?(?:{nouns})"
    victims = rf"(?P<list>{item}(?:(?:{LIST_SEPARATOR}){item})+)"
    deaths, verbs = _alternation("death_words"), _alternation("killing_verbs")
    return (
        re.compile(rf"\b{victims}\s+(?:are\s+|were\s+)?(?:found\s+)?(?:{deaths})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{verbs})\s+{victims}\b", re.IGNORECASE),
        re.compile(rf"\b(?:deaths|killings|slayings|murders)\s+of\s+{victims}\b", re.IGNORECASE),
    )


def _listed_victims(text: str) -> tuple[int, tuple[int, int], bool] | None:
    """The people a list of victims names ("Baby, 20-year-old man killed": two; "Parents, 2 children dead": four;
    "killed his son, his daughter, himself": three), its span, and whether the killer is among them."""
    words = _words()
    pairs, groups = {w.lower() for w in words["pair_nouns"]}, {w.lower() for w in words["list_group_nouns"]}
    for pattern in _list_patterns():
        match = pattern.search(text)
        if match is None:
            continue
        total = 0
        for item in re.split(LIST_SEPARATOR, match.group("list")):
            tokens = item.split()
            number = next((_count(t) for t in tokens if _count(t) is not None and "-" not in t), None)
            noun = tokens[-1].lower()
            if number is not None and noun in groups | pairs:
                total += number
            elif noun in pairs:
                total += 2
            elif noun in groups:
                return None  # "children and others killed": a group with no number
            else:
                total += 1
        if 1 < total <= MAX_HEADLINE_COUNT:
            killer = re.search(r"\b(?:himself|herself|self)\b", match.group("list"), re.IGNORECASE) is not None
            return total, match.span("list"), killer
    return None


def _implied_deaths(title: Span) -> Fatalities | None:
    """A headline that tells a death with no count ("Teen shot to death", "Fatal victim identified"): at least
    one; "murder-suicide", at least two (the victim and the killer). Not a death undone by the word before it
    ("non-fatal shooting", "attempted murder")."""
    text = title.text
    murder_suicide = re.search(rf"\b(?:{_alternation('murder_suicide_words')})\b", text, re.IGNORECASE)
    if murder_suicide is not None:
        victims = _multiplier(text[:murder_suicide.start()])
        return _figure(title, victims + 1, murder_suicide.span(), HEADLINE_TOLL_RULE + ":implied", high=None)
    undoing = _alternation("undoing_words")
    implied = re.search(rf"(?<![\w-])(?:{_alternation('implying_words')})\b", text, re.IGNORECASE)
    if implied is None or re.search(rf"\b(?:{undoing})\s*$", text[:implied.start()], re.IGNORECASE):
        return None
    if COUNTED_BEFORE.search(text[:implied.start()]):
        return None  # "four militants killed": a count this module cannot read, of whatever group it is
    return _figure(title, 1, implied.span(), HEADLINE_TOLL_RULE + ":implied", high=None)


def _multiplier(before: str) -> int:
    """The victims a word right before "murder-suicide" counts ("a double murder-suicide": two), else one."""
    from .mentions.fatalities import multiplying_words

    word = re.search(r"(\w+)[\s-]*$", before)
    return multiplying_words().get(word.group(1).lower(), 1) if word else 1


def _with_killer(title: Span, figure: Fatalities) -> Fatalities:
    """The counted figure plus the killer's own death when the headline tells it ("kills two, then himself"): the
    count names his victims only. Not "self-inflicted", "self-defense"; and a headline with no count ("Man kills
    self") tells one death, his own."""
    if not re.search(rf"\b(?:{_alternation('killer_death_words')})\b(?!-)", title.text, re.IGNORECASE):
        return figure
    return replace(figure, low=figure.low + 1, high=None if figure.high is None else figure.high + 1,
                   rule=figure.rule + KILLER_TOO)


def _figure(title: Span, deaths: int, span: tuple[int, int], rule: str, *, high: int | None) -> Fatalities:
    start, end = title.start + span[0], title.start + span[1]
    return Fatalities(low=deaths, high=high, text=Span(start, end, title.text[span[0]:span[1]]), rule=rule)


def lead_incident_index(events) -> int | None:
    """Index of the story's first foreground violent event: the incident a local story's headline speaks of."""
    return next((i for i, e in enumerate(events) if not e.background and e.event_type in INCIDENT_EVENT_TYPES), None)


def followed_incident_index(events) -> int | None:
    """Index of the incident a follow-up story is about: the lead incident (``lead_incident_index``), else, when the
    story tells no violence as news of its own ("Police arrested a man Thursday in the shooting death of ..."), the
    first violent event it tells as background: the news peg is about that incident."""
    index = lead_incident_index(events)
    if index is not None:
        return index
    return next((i for i, e in enumerate(events) if e.event_type in INCIDENT_EVENT_TYPES), None)


def with_headline_toll(events: tuple, title: Span | None) -> tuple:
    """``events`` with the headline's toll given to the lead incident when its body states none, or a figure
    below it: a partial one (one named victim, "a fatal shooting"), or a count of some of the dead when the
    headline counts them all ("2 dead, 3 hurt in shooting" over "One man was killed ..."; ``_headline_counts_more``).
    Not when another event of the body, told apart from the lead by its place, carries that same toll ("Drones
    hit X as strike kills three near Y"); an explicit "no one was killed", a toll of 0, stays."""
    index = lead_incident_index(events)
    if title is None or index is None:
        return events
    told = events[index].fatalities
    figure = headline_deaths(title)
    if figure is None:
        return _without_later_toll(events, index) if _tells_only_wounded(title) else events
    if told is not None and not is_partial(told) and not _headline_counts_more(figure, told):
        return events
    if any(_tells_toll_elsewhere(events[index], e, figure) for e in events):
        return events  # the body tells that toll of another event ("Drones hit X as strike kills three near Y")
    if told is not None and (told.low is None or figure.low <= told.low):
        return events  # the body's partial figure ("Smith, 24, died") already says as much
    incident = events[index]
    incident = replace(incident, fatalities=figure, rules={**incident.rules, "fatalities": figure.rule},
                       evidence=tuple(dict.fromkeys(incident.evidence + (figure.text,))))
    return events[:index] + (incident,) + events[index + 1:]


def _tells_only_wounded(title: Span) -> bool:
    """The headline counts the incident's wounded and tells no death ("Five wounded in shooting at night club",
    "Four men shot near the park"); "Man shot" counts no one."""
    wounding, implying = _alternation("wounding_words"), _alternation("implying_words")
    if re.search(rf"(?<![\w-])(?:{implying}|{_alternation('death_words')})\b", title.text, re.IGNORECASE):
        return False
    people = _counted_people()
    match = re.search(rf"\b{COUNT}(?!-){people}\s+(?:were\s+|are\s+)?(?:{wounding})\b", title.text, re.IGNORECASE)
    return match is not None and _count(match.group("count")) is not None


def _without_later_toll(events: tuple, index: int) -> tuple:
    """``events`` with the lead incident's toll dropped when it only took it from a death told later in the body
    (``death_toll.deaths_to_incident``): under a headline that counts the wounded and tells no death, such a
    death is another incident's ("We also learned that a man was killed ...") or a report since corrected."""
    incident = events[index]
    told = incident.fatalities
    if told is None or LATER_MENTION_RULE not in told.rule:
        return events
    rules = {key: rule for key, rule in incident.rules.items() if key != "fatalities"}
    incident = replace(incident, fatalities=None, rules=rules,
                       evidence=tuple(span for span in incident.evidence if span != told.text))
    return events[:index] + (incident,) + events[index + 1:]


def _headline_counts_more(figure: Fatalities, told: Fatalities) -> bool:
    """A headline count above the body's count of the lead incident: local stories count the dead in the
    headline and tell them one by one in the body ("One man died at the scene ... A woman died later")."""
    return HEADLINE_TOLL_RULE + ":implied" not in figure.rule and told.low is not None and figure.low > told.low


def _tells_toll_elsewhere(lead, event, figure: Fatalities) -> bool:
    """Another event carries the headline's toll and is told apart from the lead: background, or placed
    elsewhere. One told at the lead's place (or with no place) is the same incident split in the telling."""
    if event is lead or event.fatalities is None:
        return False
    if (event.fatalities.low, event.fatalities.high) != (figure.low, figure.high):
        return False
    if event.background:
        return True
    return lead.location is not None and event.location is not None and lead.location.name != event.location.name
