"""Which of a story's time phrases date its incident, and which date later acts told of it.

A crime story is written after the fact: police "said Saturday", a suspect "was arraigned Tuesday", a vigil
"was held Sunday night", the page was "Updated 3:45 PM Monday". Those days are the story's news pegs, not the
day the incident happened (CODING.md, Time: the event's date). This module sorts a time phrase into:

- the incident's own time ("shot Friday night", "the shooting happened about 9 p.m. Sunday"), and among those
  a day told of the incident by name ("the Sept. 28 shooting", "The shooting was reported at 11:42 a.m. Monday");
- a later act's time (a statement, an arrest, a court step, a funeral or vigil, an aftermath report, a death
  after the wounds, a state "still" so), which may date the incident only when the story gives nothing better
  (``LATER_ACT_RULE`` marks such a date);
- a page stamp ("Posted: Monday, March 31, 2014", "As of Tuesday") or page furniture ("Sign up today!"), which
  never dates an event.

The words for later acts are data: rules/time_words.toml, sections [later_acts] and [later_acts_cues].
"""

from __future__ import annotations

import dataclasses
import functools
import re
from datetime import timedelta

from ..doc_text import text_of
from ..model import When
from ..nlp import sentence_of
from .dates import PRESENT_REF, TimeExpression, words

__all__ = ["LATER_ACT_RULE", "STORY_DAY_RULE", "as_fallback", "dates_later_act", "dates_named_incident",
           "in_incident_sentence", "is_fallback_date", "is_history", "is_page_furniture", "is_page_stamp",
           "is_told_day", "narrowed_to_story_day", "opening_end", "says_now", "split_by_act", "story_day"]

# Rule suffix on a date read from a later act's time phrase: the event builder prefers another stated date of the
# same precision, and the lead's day when it lies just before (assemble).
LATER_ACT_RULE = "later-act"
# How far before a phrase a page stamp's label may sit: the label, and the stamp's own date before its clock
# time ("Updated: Wednesday, August 5, 2015 11:26 PM EDT" is about 40 characters before the clock).
PAGE_STAMP_WINDOW_CHARS = 60
PAGE_STAMP = re.compile(r"(?:published|posted|updated?|modified)(?:\s+on)?\W{0,3}"
                        r"(?:[A-Za-z]+\.?,?\s+[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4},?\s+(?:at\s+)?)?$", re.IGNORECASE)
# Dependency steps from a time phrase up to the word it dates (phrase -> "on" -> verb is two; "as of" three).
GOVERNOR_MAX_STEPS = 3


@functools.lru_cache(maxsize=1)
def later_act_lemmas() -> frozenset[str]:
    """Lemmas of verbs and nouns that name an act told after the incident (rules/time_words.toml)."""
    section = words()["later_acts"]
    return frozenset(word for group in section.values() for word in group)


AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)


def is_page_stamp(text: str, expression: TimeExpression) -> bool:
    """"Posted: Monday, March 31, 2014", "Updated 3:45 PM", "As of late Tuesday morning": the page's own stamp
    (the time the story stands at), never an event's date."""
    before = text[max(0, expression.start - PAGE_STAMP_WINDOW_CHARS):expression.start]
    return bool(PAGE_STAMP.search(before) or AS_OF.search(before))


def _governor(doc, expression: TimeExpression):
    """The word the time phrase hangs from, past a preposition ("arraigned on Tuesday" -> arraigned); a phrase
    that modifies a noun ("Tuesday's shooting") hangs from that noun."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token, steps = span.root.head, 1
    while token.pos_ == "ADP" and token.head is not token and steps < GOVERNOR_MAX_STEPS:
        token, steps = token.head, steps + 1
    return None if token is span.root else token


def dates_later_act(doc, expression: TimeExpression, trigger: tuple[int, int] | None = None) -> bool:
    """The phrase dates a later act ("police said Saturday", "was arraigned Tuesday", "a vigil Sunday night"),
    judged by the word it hangs from in the parse; never when that word is the event's own ``trigger`` (start,
    end offsets: "arrested on Tuesday" dates an arrest)."""
    if not doc.has_annotation("DEP"):
        return False
    governor = _governor(doc, expression)
    if governor is None:
        return False
    if (_death_after_wounds(governor) and not _follows_incident_noun(doc, expression)) or _still_so(governor):
        return trigger is None or not trigger[0] <= governor.idx < trigger[1]
    if governor.lemma_.lower() not in later_act_lemmas() and not _act_as_subject(governor):
        return False
    if says_now(doc, governor, expression):
        return False
    if any(child.dep_ == "prt" for child in governor.children):
        return False  # a phrasal verb is another verb: "showed up at hospitals Friday night", "held up a store"
    if trigger is not None and trigger[0] <= governor.idx < trigger[1]:
        return False
    # "the shooting was reported at 11:42 a.m. Monday": the report of the incident itself dates it
    return not any(child.dep_ == "nsubjpass" and _is_violence(child.lemma_.lower()) for child in governor.children)


def _death_after_wounds(governor) -> bool:
    """"died Tuesday" where the sentence tells of the wounds that came first ("A teenager wounded in a double
    shooting died Tuesday", "was rushed to a hospital, but died the next day"): the day of the death, a later act
    of the incident (time_words.toml, [later_acts_cues])."""
    if governor.lemma_.lower() != "die":
        return False
    cues = words()["later_acts_cues"]["wounds_before_death"]
    sentence = governor.sent
    if any(token.lower_ in cues for token in sentence):
        return True
    lowered = sentence.text.lower()
    return any(" " in cue and cue in lowered for cue in cues)  # "the next day", not "next to"


# The verb's subject or object: "Holt's trial was set for ...", "made his first court appearance Monday".
ACT_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _act_as_subject(governor) -> bool:
    """"Holt's trial was set for January 21", "The funeral took place Saturday", "made his first court appearance
    Monday", "went into court Friday": the verb's subject or object (or what it goes into) names a later act."""
    return any(child.dep_ in ACT_ARGUMENT_DEPS and child.lemma_.lower() in later_act_lemmas()
               or (child.dep_ == "prep" and any(grand.dep_ == "pobj" and grand.lemma_.lower() in later_act_lemmas()
                                                 for grand in child.children))
               for child in governor.children if child.dep_ in ACT_ARGUMENT_DEPS or child.lower_ == "into")


def _still_so(governor) -> bool:
    """"was still at large Monday", "were still on the scene Sunday morning", "was still in grave condition on
    Saturday", "were in stable condition Friday night": a state that goes on after the incident, dated where the
    story catches it."""
    if any(child.dep_ == "advmod" and child.lower_ == "still" for child in governor.children):
        return True
    return governor.lemma_ == "be" and any(
        child.dep_ == "prep" and any(grand.dep_ == "pobj" and grand.lemma_.lower() == "condition"
                                     for grand in child.children) for child in governor.children)


# Time phrases of the page's own present: "today", "this afternoon", "overnight".
PRESENT_DAY_RULES = frozenset({"relative_day", "part_of_day", "overnight"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def is_page_furniture(doc, expression: TimeExpression) -> bool:
    """"Sign up for our BEST VALUE today!", "Cloudy early with isolated thunderstorms developing this afternoon",
    "the choice for an overnight stay": a day of the page's present in a sentence that tells nothing past and no
    violence (a subscription offer, the weather, an advert), never an event's date."""
    if expression.rule not in PRESENT_DAY_RULES or not doc.has_annotation("DEP"):
        return False
    sentence = sentence_of(doc, expression.start)
    if sentence is None or in_incident_sentence(doc, expression):
        return False
    return not any(token.tag_ in PAST_TAGS for token in sentence)


# Present-tense verb tags: "police say", "the sheriff says" speak at publication, so a past day hanging from one
# ("Around 4 p.m. Monday, officials say they were called ...") is the day of what they tell, not of the saying.
PRESENT_TENSE_TAGS = frozenset({"VBP", "VBZ"})
# A time phrase right after the verb is the saying's own ("the department says Monday that ..."), as in AP style.
RIGHT_AFTER_VERB = re.compile(r"\W*(?:on\s+)?$", re.IGNORECASE)


def says_now(doc, governor, expression: TimeExpression) -> bool:
    """``governor`` is a verb of telling in the present tense ("police say", "says") and the time phrase does not
    follow it directly: the telling is the story's present, so the phrase dates what is told (the parse hangs a
    fronted phrase there: "Around 4 p.m. Monday, officials say they were called")."""
    if governor.tag_ not in PRESENT_TENSE_TAGS or governor.lemma_.lower() not in words()["present_telling"]["words"]:
        return False
    verb_end = governor.idx + len(governor.text)
    return not (verb_end <= expression.start and RIGHT_AFTER_VERB.match(text_of(doc)[verb_end:expression.start]))


def _is_violence(lemma: str) -> bool:
    from ..mentions.lexicon import trigger_rules  # the trigger lexicon, loaded once

    return any(rule.event_class == "violence" for rule in trigger_rules().get(lemma, ()))


def split_by_act(doc, expressions: list[TimeExpression],
                 trigger: tuple[int, int] | None = None) -> tuple[list[TimeExpression], list[TimeExpression]]:
    """(phrases that may date the event of ``trigger`` itself, phrases of later acts and page stamps)."""
    own, later = [], []
    for expression in expressions:
        if is_page_stamp(text_of(doc), expression) or dates_later_act(doc, expression, trigger) \
                or expression.timex_value == PRESENT_REF:
            later.append(expression)
        else:
            own.append(expression)
    return own, later


def in_incident_sentence(doc, expression: TimeExpression) -> bool:
    """The phrase's sentence tells of violence ("shot", "shooting", "killed") or of the incident happening ("It
    happened around 7 p.m. Friday"): a day named there is a story day
    of the incident, not of the aftermath ("was in critical condition Wednesday")."""
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return True
    sentence = sentence_of(doc, expression.start)
    happening = words()["incident_nouns"]["happening_verbs"]
    return sentence is None or any(_is_violence(token.lemma_.lower()) or token.lemma_.lower() in happening
                                   for token in sentence)


# Coarse dates a story names as one calendar stretch ("in July", "July 2015", "in 2014", "the 2014 post shooting"):
# a day named inside one where the story tells of its violence is that stretch's day. Vaguer spans ("the past
# week", "recent days", "earlier this year") cover several events in a report.
NARROWABLE_RULES = frozenset({"month", "month_year", "year", "overnight", "weekend"})
# A night ("overnight") and a weekend are split only by a clock time, which pins one incident ("a weekend shooting
# ... about 1:30 a.m. Sunday"), or by a day told of the incident by name ("The shooting happened early Sunday");
# a bare day in them is often another event's ("positions recaptured over the weekend ... shelling killed two on
# Sunday").
CLOCK_SPLIT_RULES = frozenset({"overnight", "weekend"})
# A weekend in a crime story runs from Friday night to Monday morning ("shot over the weekend ... Friday night").
WEEKEND_REACH_DAYS = 1
# "last week", "late last week", "this week", "last month", "earlier this month" name a calendar week or month as
# "in July" names a month (unlike the rolling "the past week"); a year is too long ("Earlier this year, a bomber
# killed five" is background of another day's news).
NAMED_PERIOD = re.compile(r"(?:(?:late|early)\s+)?(?:last|this|earlier\s+this)\s+(?:week|month)", re.IGNORECASE)
# "a week after the shooting", "more than two weeks after", "a month ago", "nearly 48 hours after": a count of hours,
# weeks or months is a round figure; a day the story names this many days either side of it is the incident's.
COUNTED_REACH_DAYS = {"hour": 1, "week": 7, "month": 15}


def narrowed_to_story_day(doc, when: When | None, expressions: list[TimeExpression],
                          trigger: tuple[int, int] | None = None) -> When | None:
    """A coarse date ("in July", "last week") narrowed to the day the story names for its incident inside it
    ("shot July 12 outside a bar"): the first day-precise phrase of the story that falls in the interval, in a
    sentence of violence, and dates no later act nor the page. Otherwise ``when`` unchanged."""
    if when is None or when.implied or when.start is None or when.end is None:
        return when
    if is_fallback_date(when):
        return _story_day_before(doc, when, expressions, trigger)
    named_period = when.text is not None and NAMED_PERIOD.fullmatch(when.text.text.strip())
    kind = when.rule.split("/")[0]
    counted_reach = _counted_reach_days(when) if kind == "counted_relative" else 0
    if kind not in NARROWABLE_RULES and not named_period and not counted_reach:
        return when
    clock_only = kind in CLOCK_SPLIT_RULES
    reach = timedelta(days=WEEKEND_REACH_DAYS if kind == "weekend" else counted_reach)
    # "earlier this month" ends before the day of writing: a day on it is the news peg ("a hearing today")
    earlier = when.text is not None and when.text.text.lower().startswith("earlier")
    last = when.end - timedelta(days=1) if earlier else when.end
    for expression in expressions:
        day = expression.value
        if day is None or expression.kind not in ("date", "time") or day.precision != "day" \
                or not when.start - reach <= day.start <= last + reach or day.end != day.start:
            continue
        if not clock_only and expression.rule == "clock" and not BARE_CLOCK.search(expression.text):
            continue  # "around 7 p.m. on Nov. 10": a bare clock time takes its day from the phrase that names it
        if is_page_stamp(text_of(doc), expression) or dates_later_act(doc, expression) \
                or not in_incident_sentence(doc, expression):
            continue
        if clock_only and expression.rule != "clock" and not dates_named_incident(doc, expression):
            continue
        return dataclasses.replace(day, rule=f"{day.rule}/story-day-within-{when.precision}")
    return when


def _counted_reach_days(when: When) -> int:
    """How far a counted stretch ("two weeks after", "a month ago") may miss the day it counts to (COUNTED_REACH_DAYS,
    by the unit its phrase names); 0 for a count of days, which is exact."""
    unit = re.search(r"(hour|week|month)s?\b", when.text.text, re.IGNORECASE) if when.text is not None else None
    return COUNTED_REACH_DAYS[unit.group(1).lower()] if unit else 0


# How many sentences from the top a story day of the incident is looked for when the lead gives none: scraped
# pages open with furniture and local stories often tell the time of the shooting in their third or fourth
# paragraph, follow-ups (an arrest, a trial) after their update blocks; further down they tell of other incidents.
# 20 on the GVA dev pages: 12 missed days told after an "UPDATE" block, 30 found no more.
STORY_DAY_SENTENCES = 20
STORY_DAY_RULE = "story day of the incident"
BARE_CLOCK = re.compile(r"day|tonight", re.IGNORECASE)


# A day this many years before publication is a birth date ("Muhammad Nawaz 07/04/1988") or history ("August
# 1982: eight killed at a welding shop"), not the news a story leads with; follow-up stories of trials reach back
# two or three years at most.
HISTORY_YEARS = 10


def is_history(when: When | None, published) -> bool:
    """The interval ends more than HISTORY_YEARS before publication."""
    return when is not None and when.end is not None and published is not None \
        and (published - when.end).days > HISTORY_YEARS * 365


def story_day(doc, expressions: list[TimeExpression], published, *, named_incident: bool = False) -> When | None:
    """The first day the story names for its incident in its opening STORY_DAY_SENTENCES sentences: a
    day-precise phrase in a sentence of violence, dating no later act nor the page, not after publication (within
    that first sentence, a later phrase hanging from the violence wins over one that does not). For an incident
    its own sentences leave undated; None when the story names no such day. With
    ``named_incident``, only a day told of the incident named as a whole counts (``dates_named_incident``)."""
    limit = opening_end(doc)
    if limit is None:
        return None
    sentences = list(doc.sents)
    first = None
    for expression in expressions:
        if expression.start >= limit or (first is not None and expression.start >= first[1]):
            break
        if not _may_be_story_day(doc, expression, published, named_incident):
            continue
        if first is None:
            sentence = next((s for s in sentences if s.start_char <= expression.start < s.end_char), None)
            first = (expression, sentence.end_char if sentence is not None else expression.end)
        elif _hangs_from_violence(doc, expression) and not _hangs_from_violence(doc, first[0]):
            # "deputies searched a neighborhood Wednesday and found a gun used to shoot a boy Tuesday night"
            return dataclasses.replace(expression.value, rule=STORY_DAY_RULE)
    return None if first is None else dataclasses.replace(first[0].value, rule=STORY_DAY_RULE)


def _may_be_story_day(doc, expression: TimeExpression, published, named_incident: bool) -> bool:
    """A day-precise phrase not after publication nor history, dating no later act nor the page, in a sentence
    of violence (or told of the incident by name, with ``named_incident``)."""
    if not is_told_day(doc, expression, published, publication_day=True):
        return False
    return dates_named_incident(doc, expression) if named_incident else in_incident_sentence(doc, expression)


def opening_end(doc) -> int | None:
    """Where the story's opening STORY_DAY_SENTENCES sentences end (a character offset), or None for a doc
    without sentences: the stretch in which a story day (and an opening day) of the incident is looked for."""
    sentences = list(doc.sents) if doc.has_annotation("DEP") or doc.has_annotation("SENT_START") else []
    if not sentences:
        return None
    return sentences[min(len(sentences), STORY_DAY_SENTENCES) - 1].end_char


def is_told_day(doc, expression: TimeExpression, published, *, publication_day: bool) -> bool:
    """A day-precise date or time phrase that may tell when something in the story happened: not after
    publication (nor on its day, unless ``publication_day``), not history, not "now" or a bare clock time, and
    dating neither the page's stamp nor a later act ("was arraigned Tuesday")."""
    day = expression.value
    if day is None or day.start is None or expression.kind not in ("date", "time") or day.precision != "day":
        return False
    if published is not None and (day.start > published or (day.start == published and not publication_day)):
        return False
    if is_history(day, published) or expression.timex_value == PRESENT_REF \
            or (expression.rule == "clock" and not BARE_CLOCK.search(expression.text)):
        return False
    return not (is_page_stamp(text_of(doc), expression) or dates_later_act(doc, expression))


def _hangs_from_violence(doc, expression: TimeExpression) -> bool:
    governor = _governor(doc, expression) if doc.has_annotation("DEP") else None
    return governor is not None and _is_violence(governor.lemma_.lower())


# Dependencies of the subject of a verb: "The shooting happened ...", "The shooting was reported at ...".
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How far before a time phrase "The shooting was reported" may begin (the parse often splits a sentence at "a.m.").
NAMED_INCIDENT_WINDOW_CHARS = 80


def dates_named_incident(doc, expression: TimeExpression) -> bool:
    """The phrase dates the incident named as a whole: it hangs from an incident noun ("the Sept. 28 shooting",
    "a shooting on Sunday"), or from a verb telling that the incident happened or was reported, with such a noun
    or "it" as its subject ("The shooting was reported at 11:42 a.m. Monday", "It happened Friday night"); the
    text right before the phrase says so when the parse does not."""
    window = text_of(doc)[max(0, expression.start - NAMED_INCIDENT_WINDOW_CHARS):expression.start]
    if _incident_happened().search(window) or _follows_incident_noun(doc, expression):
        return True
    if not doc.has_annotation("DEP"):
        return False
    governor = _governor(doc, expression)
    if governor is None:
        return False
    nouns = words()["incident_nouns"]["words"]
    if governor.lemma_.lower() in nouns or governor.text.lower() in nouns:
        return True
    if governor.lemma_.lower() not in (*words()["incident_nouns"]["happening_verbs"], "report"):
        return False
    return any(child.dep_ in SUBJECT_DEPS and (child.text.lower() in nouns or child.lemma_.lower() in nouns
                                               or child.lower_ == "it") for child in governor.children)


def _follows_incident_noun(doc, expression: TimeExpression) -> bool:
    """The phrase comes right after an incident noun: "an accidental gunshot incident Monday night", "a drive-by
    shooting on Wednesday" (whatever verb the parse hangs it from)."""
    window = text_of(doc)[max(0, expression.start - NAMED_INCIDENT_WINDOW_CHARS):expression.start]
    return bool(_incident_noun_before().search(window))


@functools.lru_cache(maxsize=1)
def _incident_noun_before() -> re.Pattern:
    nouns = "|".join(map(re.escape, words()["incident_nouns"]["words"]))
    return re.compile(rf"\b(?:{nouns})\s+(?:on\s+|at\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _incident_happened() -> re.Pattern:
    """"The shooting was reported (at)", "The incident happened (shortly after)", "It occurred", "The shooting
    started", ending where the time phrase begins (up to three small words between: "around 8 o'clock")."""
    nouns = "|".join(map(re.escape, words()["incident_nouns"]["words"]))
    verbs = r"was\s+reported|were\s+reported|happened|occurred|took\s+place|unfolded|started|began|broke\s+out"
    return re.compile(rf"\b(?:it|this|(?:the|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns}))\s+(?:{verbs})\s+"
                      rf"(?:[\w,.'’]+\s+){{0,3}}$", re.IGNORECASE)


def _story_day_before(doc, later_act: When, expressions: list[TimeExpression],
                      trigger: tuple[int, int] | None) -> When:
    """An incident dated only by a later act ("arrested a man Wednesday in the fatal shooting", "A boy shot his
    uncle, police said Friday") takes the day the story names for its violence (``story_day``: "The shooting
    happened on Sunday") when that day is not after the act. When the act is a statement, or the event is told by
    a verb ("The man who shot a teenager was sentenced Friday"), only a day told of the incident named as a whole
    counts: "the army said on Tuesday its fighters had overrun a base" tells an event of its own, and the first
    day the story names may be another event's ("the fighting erupted on 27 August"), while "The shooting was
    reported at 11:42 a.m. Monday" dates the incident the statement speaks of."""
    if trigger is None:
        return later_act
    act = next((e for e in expressions if later_act.text is not None and e.start == later_act.text.start), None)
    governor = _governor(doc, act) if act is not None else None
    if governor is None:
        return later_act
    # "the army said on Tuesday", "on Monday soldiers seized grenades": an event told by a verb, or under a
    # statement, may be one of the story's several; only a day told of the incident by name is surely its own
    named_only = governor.lemma_.lower() in words()["later_acts"]["statements"] \
        or not _names_incident(text_of(doc)[trigger[0]:trigger[1]])
    last = later_act.end or later_act.start  # "arrested this week": any day of that week up to the act's end
    day = story_day(doc, expressions, last, named_incident=named_only)
    return later_act if day is None else day  # story_day keeps days up to ``last`` only


def _names_incident(trigger_text: str) -> bool:
    """The trigger ends in a noun of an incident told of as a whole ("fatal shooting", "killing"; time_words.toml)."""
    last_word = trigger_text.split()[-1].lower() if trigger_text.split() else ""
    return last_word in words()["incident_nouns"]["words"]


def as_fallback(when: When) -> When:
    """A later act's date kept only as a fallback for the incident's: its rule says so."""
    return dataclasses.replace(when, rule=f"{when.rule}/{LATER_ACT_RULE}")


def is_fallback_date(when: When | None) -> bool:
    """A date read from a later act's time phrase (see ``as_fallback``)."""
    return when is not None and when.rule.endswith(f"/{LATER_ACT_RULE}")
