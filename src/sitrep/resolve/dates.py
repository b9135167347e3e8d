"""Time expressions in news text, normalised against the publication date (CODING.md, Time).

``find_time_expressions(text, published)`` finds every time phrase with its own regex rules (see
``date_rules``), keeps the longest non-overlapping matches, and resolves each into a TIMEX3-style value
("2016-09-21", "2016-W37", "P3D", "PAST_REF") and, when it names a stretch of time, a ``When`` interval with a
precision. dateparser only reads digit dates such as "09/21/2016", never searches, never fetches.

Choices where CODING.md is silent:
- A weekday is the latest such day on or before publication: "on Thursday" in a Thursday article is that day;
  "on Wednesday" the day before. A future cue earlier in the sentence ("will", "due to") or "next" looks ahead.
- A month or day without a year ("in July", "on 3 January") is the latest one not after publication, or the
  next one when the sentence speaks of the future.
- "this week/month/year" and "earlier this year" end at publication (a reported event has already happened).
- "early/mid/late July" = days 1-10 / 11-20 / 21-end, precision month (ACLED codes the first or last day of
  the month); "early/mid/late 2016" = thirds of the year, precision year.
- "overnight" = the night before publication: start that evening, end publication day, precision day.
- Derived intervals ("since Friday", "in the past 24 hours", "days after") take precision day when one day,
  week when they fit in seven days, else unknown. Vague plurals use the spans in time_words.toml: "days ago" =
  2-10 days back; "it came days after Y" dates the background event Y 2-10 days before the anchor.
- "the next day", "two days later", "the previous week" count from the last specific date the text gave
  before them, else from publication.
- "recently" = the 30 days up to publication; "now" = publication day.
- An undated event implies the week up to publication (``event_dates.implied_date``): wire reports cover
  recent days.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

from ..mentions.numbers import number_words
from ..model import Span, When

__all__ = ["TimeExpression", "find_time_expressions", "normalise"]

SENTENCE_ENDS = re.compile(r"[.!?\n](?=\s)|\n")
ASCII_LOWER = str.maketrans({chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})
RULES_FILE = "time_words.toml"
WEEK_PRECISION_MAX_DAYS = 6  # a derived interval this short fits inside one ACLED "week"
NEXT_WORDS = ("next", "coming", "the coming", "the next", "the following", "following", "this coming")
# "now", "currently": what is so at publication ("is now in custody"), never the day a reported event happened
PRESENT_REF = "PRESENT_REF"


@dataclass(frozen=True)
class TimeExpression:
    """A time phrase in a text: [start, end) offsets, its TIMEX3 kind and value, and its interval if any."""

    start: int
    end: int
    text: str
    value: When | None
    kind: str  # date | time | duration | set
    timex_value: str
    rule: str = ""


@dataclass(frozen=True)
class Context:
    """What a resolver may use besides the match itself."""

    published: date | None
    future: bool = False  # the sentence before the phrase has a future cue ("will", "due to")
    preposition: str = ""  # the word just before the phrase, lower-cased ("since", "in", "on")
    reference: date | None = None  # the last specific date resolved earlier in the text
    previous_timex: str = ""  # TIMEX3 value of the last dated expression before this one ("1989-Q3")


@dataclass(frozen=True)
class Resolution:
    """A resolved phrase: TIMEX3 kind and value, and the interval sitrep stores (None when not anchored)."""

    kind: str  # date | time | duration | set
    timex: str
    start: date | None = None
    end: date | None = None
    precision: str = "unknown"


@dataclass(frozen=True)
class Rule:
    """A phrase rule: ``scan`` (case-sensitive, all literals lower-case) runs over the ASCII-lowered text, which
    is twice as fast as a case-blind scan; ``pattern`` (case-blind) re-reads each hit in the original text so
    resolvers see its real capitals ("May" the month, "may" the verb)."""

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Context], Resolution | None]
    scan: re.Pattern | None = None


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """The time-word lexicon, read once from rules/time_words.toml."""
    text = resources.files("sitrep").joinpath("rules", RULES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)

# --- calendar arithmetic -------------------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Shift by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, count: int, unit: str) -> date:
    """``day`` moved by ``count`` units (negative = back); units as in time_words.toml."""
    if unit in ("day", "night"):
        return day + timedelta(days=count)
    if unit in ("week", "fortnight"):
        return day + timedelta(weeks=count * (2 if unit == "fortnight" else 1))
    if unit == "month":
        return add_months(day, count)
    if unit == "quarter":
        return add_months(day, 3 * count)
    if unit == "year":
        return add_months(day, 12 * count)
    if unit == "decade":
        return add_months(day, 120 * count)
    return day  # hours, minutes: same day


def day_res(day: date, kind: str = "date", suffix: str = "") -> Resolution:
    return Resolution(kind, day.isoformat() + suffix, day, day, "day")


def week_res(day: date) -> Resolution:
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return Resolution("date", f"{year}-W{week:02d}", monday, monday + timedelta(days=6), "week")


def month_res(year: int, month: int) -> Resolution:
    return Resolution("date", f"{year}-{month:02d}", date(year, month, 1), month_end(year, month), "month")


def quarter_res(year: int, quarter: int) -> Resolution:
    first = date(year, 3 * quarter - 2, 1)
    return Resolution("date", f"{year}-Q{quarter}", first, month_end(year, 3 * quarter), "unknown")


def year_res(year: int) -> Resolution:
    return Resolution("date", f"{year}", date(year, 1, 1), date(year, 12, 31), "year")


def period_res(day: date, unit: str) -> Resolution:
    """The calendar period of ``unit`` that holds ``day``."""
    if unit in ("week", "fortnight"):
        return week_res(day)
    if unit == "month":
        return month_res(day.year, day.month)
    if unit == "quarter":
        return quarter_res(day.year, (day.month - 1) // 3 + 1)
    if unit in ("year", "decade"):
        return year_res(day.year)
    return day_res(day)


def interval_precision(start: date, end: date) -> str:
    """Precision for a derived interval: day when one day, week when it fits in a week, else unknown."""
    days = (end - start).days
    if days == 0:
        return "day"
    return "week" if days <= WEEK_PRECISION_MAX_DAYS else "unknown"


def clip_to(res: Resolution, published: date | None) -> Resolution:
    """End a current period at publication: a reported event has happened by the time it is reported."""
    if published is None or res.end is None or res.start is None or res.end <= published:
        return res
    return Resolution(res.kind, res.timex, res.start, max(res.start, published), res.precision)


def third_of(res: Resolution, part: str | None) -> Resolution:
    """Early/mid/late part of a month (ACLED's first/last day rule) or of a year (thirds of four months)."""
    thirds = words()["month_thirds"]
    if not part or res.start is None or part not in thirds:
        return res
    first, last = thirds[part]
    if res.precision == "month":
        end_day = min(last, res.end.day)
        return Resolution(res.kind, res.timex, res.start.replace(day=first), res.start.replace(day=end_day), "month")
    if res.precision == "year":
        first_month = {1: 1, 11: 5, 21: 9}[first]
        start = date(res.start.year, first_month, 1)
        return Resolution(res.kind, res.timex, start, add_months(start, 4) - timedelta(days=1), "year")
    return res


def weekday_date(published: date, weekday: int, relation: str, future: bool) -> date:
    """Which date a weekday name means: the latest one on or before publication (CODING.md), unless the
    phrase or sentence points forward ("next Friday", "will meet on Friday")."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if relation in NEXT_WORDS:
        return published + timedelta(days=ahead or 7)
    if relation in ("last", "past", "previous"):
        return published - timedelta(days=back or 7)
    return published + timedelta(days=ahead) if future else published - timedelta(days=back)


def alternation(names) -> str:
    """A regex alternation of words, longest first so "thursday" wins over "thu"."""
    return "|".join(re.escape(name).replace(r"\ ", r"[\s-]+") for name in sorted(names, key=len, reverse=True))


# --- finding and resolving ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    """Compile the rule table once; order breaks ties between equally long matches."""
    from . import date_rules as R  # the resolvers build on this module's calendar and types
    from . import relative_dates as Rel

    w = words()
    weekday = alternation(name for name in w["weekdays"] if name.endswith("day"))
    month_full = alternation(w["months"])
    month_abbr = alternation(w["month_abbreviations"])
    month_any = rf"(?:{month_full}|(?:{month_abbr})\.?)"
    month_bare = rf"(?:{month_full}|(?:{month_abbr})\.)"
    parts = alternation(w["parts_of_day"])
    number = number_words()
    tens_words, unit_words = alternation(number["tens"]), alternation(number["units"])
    count = (
        rf"(?:\d+|(?:{tens_words})(?:[\s-](?:{unit_words}))?"
        rf"|(?:{unit_words})|a\s+couple\s+of|a\s+few|several|some|many|few|an?)"
    )
    units = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
    year = R.YEAR_RE
    thirds = r"early|mid|late|the\s+(?:end|beginning|start|middle)\s+of"
    relation = (
        r"(?:earlier|later|early|late|mid)[\s-]+(?:this|last|next)|the\s+(?:end|beginning|start|middle)\s+of\s+"
        r"(?:this|last|next|the)|last|this|next|past|previous|coming|current"
        r"|the\s+(?:past|last|previous|coming|next|current|following|same|preceding)|(?:earlier|later)\s+in\s+the|that"
    )
    from .holidays import holiday_names as _holiday_names

    holiday_names = "|".join(re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+")
                             for name in sorted(_holiday_names(), key=len, reverse=True))
    table = [
        ("iso_date", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", R.resolve_iso),
        ("numeric_date", r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)\b", R.resolve_numeric),
        ("day_month", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+"
         rf"(?P<mon>{month_any})(?!\w)(?:,?\s+(?P<y>{year})\b)?", R.resolve_day_month),
        ("month_day", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?P<mon>{month_any})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
         rf"(?!\d|[.,:]\d)(?!\w)(?:,?\s+(?P<y>{year})\b)?", R.resolve_day_month),
        ("month_year", rf"\b(?:(?P<mod>{thirds})[\s-]+)?(?P<mon>{month_any}),?\s+(?:of\s+)?(?:(?P<y>{year})\b|"
         rf"(?P<yrel>last|this|next)\s+year\b)",
         R.resolve_month),
        # ("early Jan. 3" is a day: the month rule leaves a month followed by a day number to month_day)
        ("month", rf"\b(?:(?P<mod>{thirds}|last|this|next)[\s-]*)?(?P<mon>{month_bare})(?!\w)(?!\s*[0-3]?\d\b)",
         R.resolve_month),
        ("year", rf"(?<![\w$£€#.,/-])(?:(?P<mod>{thirds}|the\s+(?:first|second)\s+half\s+of|fiscal|calendar)"
         rf"[\s-]+)?(?P<y>{year})(?![\w%/]|[.,]\d|-\d){R.NOT_A_STREET_NUMBER}", R.resolve_year),
        ("spelled_year", rf"\b(?:the\s+year\s+)?(?P<spelled>(?:nineteen|twenty)[\s-]+(?:{tens_words})(?:[\s-]+"
         rf"(?:{unit_words}))?|two\s+thousand(?:\s+and)?(?:\s+(?:{unit_words}))?)\b", R.resolve_spelled_year),
        ("decade", r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:19|20)\d0)'?s\b", R.resolve_decade),
        ("ordinal_quarter", rf"\b(?:the\s+)?(?:(?P<owner>this\s+year's|last\s+year's|next\s+year's)\s+|(?P<y2>{year})\s+)?"
         rf"(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?"
         rf"(?P<unit>quarter|half)(?!\w)(?:\s+of\s+(?:fiscal\s+)?(?P<y>{year})\b)?", R.resolve_ordinal_quarter),
        ("named_quarter", r"\b(?:the\s+(?:(?P<which>latest|last|past|previous|current|year-ago|year-earlier|"
         r"prior-year|same)\s+)?(?:fiscal\s+)?quarter|(?P<which2>this|last|next)\s+quarter)\b", R.resolve_named_quarter),
        ("year_ago", r"\b(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|prior-year)(?:\s+(?:period|quarter))?\b",
         Rel.resolve_year_ago),
        ("holiday", rf"\b(?P<hol>{holiday_names})(?!\w)(?:(?:['’]s)?\s+(?P<part>{parts})\b)?", R.resolve_holiday),
        ("relative_day", rf"\b(?:(?P<pre>late|early|{parts})\s+)?(?P<rel>the\s+day\s+before\s+yesterday|the\s+day\s+"
         rf"after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:(?:'s)?\s+(?P<post>{parts})\b)?\b",
         Rel.resolve_relative_day),
        ("part_of_day", r"\b(?P<rel>this|last|later\s+this|earlier\s+this|early\s+this|late\s+this)\s+"
         r"(?P<part>morning|afternoon|evening|night)\b", Rel.resolve_this_part),
        ("overnight", r"\bovernight\b", Rel.resolve_overnight),
        ("weekday", rf"\b(?:(?P<pre>noon|midnight|late|early|{parts})\s+)?(?:(?P<rel>last|next|this\s+coming|this|"
         rf"coming|past|previous)\s+)?(?P<wd>{weekday})(?P<plural>s)?(?!\w)(?:(?:'s)?,?\s+(?P<part>{parts})"
         rf"(?P<plural2>s)?\b)?", Rel.resolve_weekday),
        ("weekend", r"\b(?:(?P<rel>the|this|last|next|past|previous|coming)\s+)?weekend\b", Rel.resolve_weekend),
        ("relative_period", rf"\b(?P<rel>{relation})[\s-]+(?:fiscal\s+)?(?P<unit>week|month|year|quarter|spring|summer|autumn|"
         rf"fall|winter)\b", Rel.resolve_relative_period),
        ("counted_relative", rf"\b(?:(?:nearly|almost|about|some|around|roughly|more\s+than|less\s+than|"
         rf"just|only|over)\s+)?(?:(?P<count>{count})[\s-]+)?(?P<unit>{units})\s+(?P<dir>ago|earlier|before|"
         rf"later|after|previously|prior|from\s+now|hence)\b", Rel.resolve_counted_relative),
        ("duration", rf"\b(?:(?P<mod>the\s+(?:past|last|next|first|coming|previous|following|final|latest|"
         rf"remaining)|the|about|around|nearly|almost|more\s+than|over|at\s+least|some|roughly|approximately|"
         rf"up\s+to|less\s+than|just\s+over|just\s+under|another|only)\s+)?(?P<count>{count})[\s-]+"
         rf"(?P<unit>{units})(?:[\s-]+(?:old|long))?\b", Rel.resolve_past_duration),
        ("anchored_day", rf"\b(?P<which>the\s+previous|the\s+preceding|the\s+next|the\s+following|that|the\s+same)"
         rf"\s+(?P<unit>day|morning|afternoon|evening|night)\b|\bthe\s+(?P<unit2>day)\s+(?P<which2>before|after)\b",
         Rel.resolve_anchored),
        ("reference", rf"\b(?:{alternation(w['reference_words'])})\b", Rel.resolve_reference),
        ("set", rf"\b(?:every|each|per)\s+(?:other\s+)?(?P<what>day|night|week|month|year|quarter|hour|morning|"
         rf"evening|afternoon|{weekday}|{month_full})\b", R.resolve_set),
        ("set_word", rf"\b(?:{alternation(w['set_words'])})\b", R.resolve_set),
        ("clock", rf"(?<![\w:.])(?:(?P<mod>around|about|approximately|shortly\s+(?:after|before)|just\s+"
         rf"(?:after|before))\s+)?(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)"
         rf"|(?P<h24>[0-2]\d):?(?P<mi24>[0-5]\d)\s+(?=gmt|utc|local)|(?P<named>noon|midnight))"
         rf"(?:\s+(?:gmt|utc|est|edt|pst|local\s+time))?(?:,?\s+(?:on\s+)?(?P<day>{weekday}|yesterday|today|tonight)\b"
         rf"(?!,?\s+{month_any}\s+[0-3]?\d))?",  # "2:30 a.m. Saturday, Sept. 12": the weekday goes with its date
         R.resolve_clock),
    ]
    return tuple(
        Rule(name, re.compile(pattern, re.IGNORECASE), resolve, re.compile(pattern)) for name, pattern, resolve in table
    )


@functools.lru_cache(maxsize=1)
def _future_cues() -> re.Pattern:
    cues = words()["future_cues"]["words"]
    return re.compile(rf"(?<![\w'])(?:{alternation(cues)})(?![\w-])", re.IGNORECASE)  # not "would-be"


WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])", re.IGNORECASE)


def _past_after(text: str, start: int) -> bool:
    """A past-tense verb in ``text`` from ``start``: an irregular form ("was", "shot"), or an -ed word that is no
    participle (after "be", "to", "have": "to be charged on Monday" is future) and no word of time_words.toml's
    ``past_tense.not_past`` ("scheduled", "need")."""
    section = words()["past_tense"]
    before = ""
    for match in WORD.finditer(text, start):
        verb = match.group(0).lower()
        if verb in section["words"]:
            return True
        if verb.endswith("ed") and verb not in section["not_past"] and before not in section["participle_after"]:
            return True
        before = verb
    return False


def _speaks_of_future(sentence_before: str) -> bool:
    """The sentence before a phrase has a future cue ("will", "expected") that a past-tense verb after it does not
    undo: in "is expected to be arraigned after her son shot himself late Monday", Monday is past."""
    cues = list(_future_cues().finditer(sentence_before))
    return bool(cues) and not _past_after(sentence_before, cues[-1].end())


def _context(text: str, start: int, published: date | None, reference: date | None,
             previous_timex: str = "") -> Context:
    """The sentence-level facts a resolver needs: future cue before the phrase, the preposition, the anchor."""
    window = text[max(0, start - 400) : start]
    ends = [m.end() for m in SENTENCE_ENDS.finditer(window)]
    sentence_before = window[ends[-1] :] if ends else window
    previous_word = re.search(r"([A-Za-z]+)[\s,]*$", sentence_before)
    return Context(
        published=published,
        future=_speaks_of_future(sentence_before),
        preposition=previous_word.group(1).lower() if previous_word else "",
        reference=reference,
        previous_timex=previous_timex,
    )


def _resolve(rule: Rule, match: re.Match, context: Context) -> Resolution | None:
    """A rule's resolution, or None when its arithmetic leaves the calendar ("2016 years earlier" in 2000)."""
    try:
        return rule.resolve(match, context)
    except (ValueError, OverflowError):
        return None


def _candidates(text: str, published: date | None) -> list[tuple[int, int, Rule, re.Match]]:
    """All rule matches that resolve, longest first; then keep those not overlapping a longer one."""
    found = []
    lowered = text.translate(ASCII_LOWER)
    for priority, rule in enumerate(_rules()):
        for hit in rule.scan.finditer(lowered):
            match = rule.pattern.match(text, hit.start())
            if match is not None and match.end() == hit.end() > match.start():
                found.append((match.end() - match.start(), match.start(), priority, rule, match))
    found.sort(key=lambda item: (-item[0], item[1], item[2]))
    taken = bytearray(len(text))
    chosen = []
    for length, start, _, rule, match in found:
        end = start + length
        if any(taken[start:end]):
            continue
        if _resolve(rule, match, _context(text, start, published, None)) is None:
            continue
        taken[start:end] = b"\x01" * length
        chosen.append((start, end, rule, match))
    chosen.sort(key=lambda item: item[0])
    return chosen


def _when(resolution: Resolution, span: Span, rule: str, context: Context) -> When | None:
    """The stored interval; "since X" stretches it to publication."""
    if resolution.start is None or resolution.end is None:
        return None
    start, end, precision = resolution.start, resolution.end, resolution.precision
    if context.preposition == "since" and context.published is not None and start <= context.published:
        end = context.published
        precision = interval_precision(start, end)
        rule = f"{rule}+since"
    return When(start=start, end=end, precision=precision, text=span, rule=rule)


def find_time_expressions(text: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, normalised against ``published`` (None: only absolute
    dates get an interval). Offsets are into ``text``. Pure, fast, never fetches."""
    expressions = []
    reference, previous_timex = None, ""
    for start, end, rule, match in _candidates(text, published):
        context = _context(text, start, published, reference, previous_timex)
        resolution = _resolve(rule, match, context) or _resolve(rule, match, dataclasses.replace(context, reference=None))
        if resolution is None:
            continue
        span = Span(start, end, text[start:end])
        when = _when(resolution, span, rule.name, context)
        expressions.append(TimeExpression(start, end, span.text, when, resolution.kind, resolution.timex, rule.name))
        if when is not None and resolution.kind in ("date", "time") and resolution.precision == "day" \
                and resolution.timex != PRESENT_REF:  # "is now in stable condition" tells no day of the story
            reference = resolution.start
        if when is not None and resolution.kind in ("date", "time") and rule.name != "counted_relative":
            previous_timex = resolution.timex  # a shifted value is not a new anchor: "a year earlier" twice
    return expressions


def normalise(expression: str, published: date) -> When | None:
    """The interval one phrase stands for ("on Wednesday", "since Friday", "in July"), or None."""
    found = [e for e in find_time_expressions(expression, published) if e.value is not None]
    if not found:
        return None
    return max(found, key=lambda e: e.end - e.start).value

