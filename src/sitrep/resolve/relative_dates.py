"""The relative time-expression resolvers behind sitrep.resolve.dates: phrases whose date depends on the
publication day or on the last date the text named ("yesterday", "last Friday", "the past two weeks", "three
days later", "the following week", "recently").

dateparser (used only for digit dates) has no notion of a story's own anchor ("the next day" after a date the
text just gave) or of news style ("Tuesday's shooting" is a past incident even in a future sentence), so these
rules are sitrep's own. The pattern table lives in ``dates._rules``; absolute dates and the shared resolver
helpers in ``date_rules``; the calendar arithmetic and the types in ``dates``.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .date_rules import (
    VAGUE_COUNTS,
    YEAR_RE,
    count_value,
    duration_value,
    group,
    part_code,
    unit_of,
)
from .dates import (
    Context,
    Resolution,
    add_months,
    alternation,
    clip_to,
    day_res,
    interval_precision,
    month_res,
    period_res,
    quarter_res,
    shift,
    third_of,
    weekday_date,
    words,
    year_res,
)

RECENT_DAYS = 30  # "recently": an event within the month before publication (sitrep's reading of "recent")
HOURS_PER_DAY = 24


def resolve_relative_day(match: re.Match, ctx: Context) -> Resolution | None:
    """"yesterday", "today", "late yesterday", "yesterday morning", "tonight": a day (time with a part)."""
    rel = re.sub(r"\s+", " ", match["rel"].lower())
    offsets = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
               "the day after tomorrow": 2}
    suffix = part_code(match["post"]) or part_code(match["pre"]) or ("TNI" if rel == "tonight" else "")
    if ctx.published is None:
        return Resolution("time" if suffix else "date", "XXXX-XX-XX" + suffix)
    day = ctx.published + timedelta(days=offsets[rel])
    return day_res(day, "time" if suffix else "date", suffix)


def resolve_this_part(match: re.Match, ctx: Context) -> Resolution | None:
    """"this morning", "last night", "later this afternoon"."""
    suffix = part_code(match["part"])
    if ctx.published is None:
        return Resolution("time", "XXXX-XX-XX" + suffix)
    back = 1 if match["rel"].lower() == "last" else 0
    return day_res(ctx.published - timedelta(days=back), "time", suffix)


def resolve_overnight(match: re.Match, ctx: Context) -> Resolution | None:
    """The night before publication; a night straddles two dates, so the interval holds both (precision day)."""
    if ctx.published is None:
        return Resolution("time", "XXXX-XX-XXTNI")
    night = ctx.published - timedelta(days=1)
    return Resolution("time", night.isoformat() + "TNI", night, ctx.published, "day")


def resolve_weekday(match: re.Match, ctx: Context) -> Resolution | None:
    """"on Wednesday", "Monday evening", "last Friday", "noon Thursday", "Tuesday nights" (a set)."""
    weekday = words()["weekdays"][match["wd"].lower()]
    suffix = part_code(match["part"]) or part_code(match["pre"])
    if match["plural"] or group(match, "plural2"):
        return Resolution("set", f"XXXX-WXX-{weekday + 1}{suffix}")
    kind = "time" if suffix else "date"
    if ctx.published is None:
        return Resolution(kind, f"XXXX-WXX-{weekday + 1}{suffix}")
    relation = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    future = ctx.future and not _names_past_incident(match)
    return day_res(weekday_date(ctx.published, weekday, relation, future), kind, suffix)


def _names_past_incident(match: re.Match) -> bool:
    """"Tuesday's fatal shooting", "Thursday night's attack": a day owning an incident names one already told of,
    whatever the sentence's future cue ("will recover from Thursday night's shooting")."""
    return bool(_owned_incident().match(match.string, match.end()))


@functools.lru_cache(maxsize=1)
def _owned_incident() -> re.Pattern:
    """"'s fatal shooting": a possessive, up to two words, and a noun of time_words.toml's ``incident_nouns``."""
    nouns = alternation(words()["incident_nouns"]["words"])
    return re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


def resolve_weekend(match: re.Match, ctx: Context) -> Resolution | None:
    """"the weekend", "last weekend": Saturday..Sunday of the latest weekend begun by publication."""
    if ctx.published is None:
        return Resolution("date", "XXXX-WXX-WE")
    relation = (match["rel"] or "").lower()
    saturday = weekday_date(ctx.published, 5, relation, ctx.future)
    year, week, _ = saturday.isocalendar()
    return Resolution("date", f"{year}-W{week:02d}-WE", saturday, saturday + timedelta(days=1), "week")


def resolve_relative_period(match: re.Match, ctx: Context) -> Resolution | None:
    """"last week", "this month", "earlier this year", "next year", "last summer", "early next year"."""
    if ctx.published is None:
        return Resolution("date", "XXXX")
    rel = re.sub(r"\s+", " ", match["rel"].lower())
    unit = match["unit"].lower()
    words_in_rel = rel.split()
    part = next((w for w in ("early", "mid", "late", "end", "beginning", "start", "middle") if w in rel), None)
    if any(w in words_in_rel for w in ("last", "past", "previous")):
        offset = -1
    elif any(w in words_in_rel for w in ("next", "coming", "following")):
        offset = 1
    else:
        offset = 0
    pub = ctx.published
    if unit in words()["seasons"]:
        return _season(unit, pub, offset)
    earlier = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-\d\d)?", ctx.previous_timex)
    if rel == "that" and earlier:  # "that year", "that month": the one the text just named
        if unit == "year":
            return year_res(int(earlier.group(1)))
        if unit == "month" and earlier.group(2):
            return month_res(int(earlier.group(1)), int(earlier.group(2)))
    anchored = rel in ("the following", "the same", "the preceding", "the previous") and ctx.reference
    base = ctx.reference if anchored else pub
    res = period_res(shift(base, offset, unit), unit)
    if rel in ("the past", "the last"):  # "the past week": the seven days ending on publication day
        start = shift(pub, -1, unit) + timedelta(days=1)
        return Resolution(res.kind, res.timex, start, pub, interval_precision(start, pub))
    if part and unit in ("month", "year"):
        res = third_of(res, part)
    if offset == 0 and not rel.startswith("later") and rel != "that":
        res = clip_to(res, pub)
    if rel.startswith("earlier"):
        res = Resolution(res.kind, res.timex, res.start, min(res.end, pub), res.precision)
    return res


def resolve_year_ago(match: re.Match, ctx: Context) -> Resolution | None:
    """"year-earlier", "the year-ago period": the year before publication, or the year-earlier twin of the
    quarter the text just named ("third-quarter profit ... the year-earlier period")."""
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", ctx.previous_timex)
    if quarter:
        return quarter_res(int(quarter.group(1)) - 1, int(quarter.group(2)))
    if ctx.published is None:
        return Resolution("date", "XXXX")
    return year_res(ctx.published.year - 1)


def _season(unit: str, pub: date, offset: int) -> Resolution:
    code = words()["seasons"][unit]
    first_month = words()["season_start_month"][code]
    year = pub.year
    start = date(year, first_month, 1)
    if offset < 0:
        while add_months(start, 3) > pub:
            year -= 1
            start = date(year, first_month, 1)
    elif offset > 0 and start <= pub:
        year += 1
        start = date(year, first_month, 1)
    end = add_months(start, 3) - timedelta(days=1)
    return Resolution("date", f"{year}-{code}", start, end, "unknown")


def resolve_past_duration(match: re.Match, ctx: Context) -> Resolution | None:
    """"the past two months", "the last 24 hours", "a week", "five-year": a duration; anchored at publication
    when it looks back from it ("the past N units" = the interval up to publication)."""
    unit = unit_of(match["unit"])
    count = count_value(match["count"])
    if count is None and match["count"].lower() not in VAGUE_COUNTS:
        return None
    if re.fullmatch(YEAR_RE, match["count"]) or re.search(r"old$|-quarters", match.group(0), re.IGNORECASE) or (
            match["count"].lower() in ("a", "an") and match["unit"].lower() == "second"):
        return None  # years ("the 1988 second quarter"), ages ("52 years old"), fractions, the ordinal "a second"
    value = duration_value(count, unit)
    modifier = re.sub(r"\s+", " ", (match["mod"] or "").lower())
    pub = ctx.published
    if pub is None or modifier not in ("the past", "the last", "the previous"):
        return Resolution("duration", value)
    if count is None:  # "the past few days": the vague span of the unit, up to publication
        longest = words()["vague_spans"].get(unit, (0, 0))[1]
        start = pub - timedelta(days=longest)
    elif unit in ("hour", "minute", "second"):
        start = pub - timedelta(days=max(1, count // 24)) if unit == "hour" else pub
    else:  # "the past week" = the seven days ending on publication day
        start = shift(pub, -count, unit) + timedelta(days=1)
    return Resolution("duration", value, start, pub, interval_precision(start, pub))


def resolve_counted_relative(match: re.Match, ctx: Context) -> Resolution | None:
    """"two days ago", "a year earlier", "three weeks later", "days after", "several weeks ago".

    "ago" counts back from publication, "from now" forward. The others count from the last specific date the
    text gave (else publication): "earlier" and "after" back ("it came days after Y" dates Y, the background
    event CODING.md names, days before the anchor), "later" and "before" forward, never past publication. A
    vague count ("days", "several weeks") gives the span time_words.toml allows for that unit.
    """
    unit = unit_of(match["unit"])
    raw_count = re.sub(r"\s+", " ", (match["count"] or "").lower())
    if not raw_count and not match["unit"].lower().endswith("s"):
        return None
    count = count_value(raw_count) if raw_count else None
    direction = re.sub(r"\s+", " ", match["dir"].lower())
    pub = ctx.published
    if pub is None:
        return Resolution("date", "XXXX-XX-XX")
    backwards = direction in ("ago", "earlier", "after", "previously", "prior")
    from_publication = direction in ("ago", "from now", "hence")
    base = pub if from_publication or ctx.reference is None else ctx.reference
    kind = "duration" if direction in ("after", "before") else "date"
    if count is None:
        if unit not in words()["vague_spans"]:
            return None
        shortest, longest = words()["vague_spans"][unit]
        if backwards:
            start, end = base - timedelta(days=longest), base - timedelta(days=shortest)
        else:
            start, end = base + timedelta(days=shortest), base + timedelta(days=longest)
            if not from_publication:
                end, start = min(end, pub), min(start, end, pub)
        timex = duration_value(None, unit) if kind == "duration" else "PAST_REF" if backwards else "FUTURE_REF"
        return Resolution(kind, timex, start, end, interval_precision(start, end))
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", ctx.previous_timex)
    if unit == "year" and backwards and quarter and kind == "date":
        return quarter_res(int(quarter.group(1)) - count, int(quarter.group(2)))
    if unit == "hour":  # "48 hours after": whole days back or forth; "an hour before" stays on its day
        days = count // HOURS_PER_DAY
        target = base - timedelta(days=days) if backwards else base + timedelta(days=days)
    elif unit in ("minute", "second"):
        target = base
    else:
        target = shift(base, -count if backwards else count, unit)
    if not backwards and not from_publication:
        target = min(target, pub)
    when = period_res(target, unit)
    if kind == "duration":
        return Resolution(kind, duration_value(count, unit), when.start, min(when.end, pub), when.precision)
    return when


def resolve_anchored(match: re.Match, ctx: Context) -> Resolution | None:
    """"the previous day", "the next day", "that day", "the following week": from the last date in the text,
    or from publication when the text gave none."""
    if ctx.published is None and ctx.reference is None:
        return Resolution("date", "XXXX-XX-XX")
    which = (group(match, "which") or group(match, "which2")).lower()
    unit = (group(match, "unit") or group(match, "unit2")).lower()
    base = ctx.reference or ctx.published
    part = part_code(unit) if unit not in ("day", "week", "month", "year") else ""
    step = -1 if re.search(r"previous|preceding|before|earlier", which) else 1 if re.search(
        r"next|following|after|later", which) else 0
    if part:
        day = base + timedelta(days=step)
        return day_res(day, "time", part)
    target = shift(base, step, unit)
    if ctx.published is not None and target > ctx.published:
        target = ctx.published
    return period_res(target, unit)


def resolve_reference(match: re.Match, ctx: Context) -> Resolution | None:
    """"now", "currently", "recently", "the future": TIMEX3 reference values; "now" is publication day and
    "recently" the month before it (the interval a recent event allows)."""
    key = re.sub(r"[\s-]+", " ", match.group(0).lower())
    value = words()["reference_words"].get(key)
    if value is None:
        return None
    pub = ctx.published
    if pub is None or value == "FUTURE_REF":
        return Resolution("date", value)
    if value == "PRESENT_REF":
        return Resolution("date", value, pub, pub, "day")
    if key in ("recently", "recent", "lately", "recent days", "recent weeks"):
        start = pub - timedelta(days=RECENT_DAYS)
        return Resolution("date", value, start, pub, "unknown")
    return Resolution("date", value)
