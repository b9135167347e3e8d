"""The calendar time-expression resolvers behind sitrep.resolve.dates (dates, months, years, quarters,
holidays, clock times, sets) and the helpers every resolver shares; the relative ones ("yesterday", "last
Friday", "three days later") are in ``relative_dates``.

Each ``Rule`` pairs a pattern (built from the word lists in ``rules/time_words.toml``) with a resolver that
turns a match into a ``Resolution``: the TIMEX3 type and value, and the date interval and precision sitrep
stores. Resolvers see a ``Context``: the publication date, whether the sentence speaks of the future, the
preposition before the phrase, and the last specific date the text mentioned (the anchor of "the next day").
A resolver returns None to reject a match (e.g. "may" the verb), letting a shorter rule win. The pattern
table lives in ``dates._rules``; the calendar arithmetic and the shared types in ``dates``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..mentions.numbers import number_value
from .dates import (
    NEXT_WORDS,
    Context,
    Resolution,
    day_res,
    month_end,
    month_res,
    quarter_res,
    third_of,
    weekday_date,
    words,
    year_res,
)

YEAR_RE = r"(?:1[89]|20)\d\d"
# A number before "block" or a street name is an address, not a year: "the 2000 block of Elm Street",
# "1900 W. Main St." (one or two words, none of them a preposition, then a street word). Lower case only: the
# rule also scans lower-cased text.
STREET_WORDS = r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|highway|hwy|parkway|pkwy|pike)"
NOT_A_STREET_NUMBER = (rf"(?!\s+block\b)(?!(?:\s+(?!(?:on|in|at|the|of|and|to|from|for|by)\b)[a-z0-9]+\.?){{1,2}}"
                       rf"\s+{STREET_WORDS}\b)")
TIME_PREPOSITIONS = frozenset({"in", "since", "during", "until", "till", "by", "from", "of", "through", "before", "after",
                               "throughout", "between", "and", "to", "on", "early", "late", "mid", "last", "next"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
VAGUE_COUNTS = frozenset({"a few", "few", "several", "some", "many", "recent"})
# A weekday written with a yearless date ("Saturday, Sept. 12") names its year up to this many years back: a
# follow-up story (a trial) recalls an incident of two or three years before; a given date falls on the same
# weekday again only after five or six years, so the match is unambiguous.
WEEKDAY_YEARS_BACK = 3
NEAR_FUTURE_DAYS = 60  # "on 7 December" up to two months ahead of publication is that coming date (TimeBank)
FUTURE_CUE_MAX_DAYS = 183  # a future cue moves a yearless date forward by at most half a year


# --- resolver helpers ----------------------------------------------------------------------------------------


def lookup_month(token: str) -> int | None:
    token = token.lower().rstrip(".")
    return words()["months"].get(token) or words()["month_abbreviations"].get(token)


def count_value(token: str) -> int | None:
    """The count in "two days", "a week"; None for vague counts ("several", "a few")."""
    token = re.sub(r"\s+", " ", token.lower())
    if token in ("a couple of", "a pair of"):
        return 2
    return number_value(token)


def duration_value(count: int | None, unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, PT4H, PXY; 24-hour multiples become days as in TimeBank ("24 hours" = P1D)."""
    spec = words()["units"][unit]
    if unit in ("decade", "century") and count is not None:
        return f"P{count * (10 if unit == 'decade' else 100)}Y"
    amount = "X" if count is None else str(count * spec.get("multiplier", 1))
    if unit == "hour" and count and count % 24 == 0:
        return f"P{count // 24}D"
    return f"PT{amount}{spec['letter']}" if spec["time"] else f"P{amount}{spec['letter']}"


def unit_of(token: str) -> str:
    token = token.lower()
    if token.startswith("centur"):
        return "century"
    return token[:-1] if token.endswith("s") else token


CENTURY_SLIP = 50  # a two-digit year read this far before publication is the same century's, not the last's


def parse_numeric_date(text: str, published: date | None) -> date | None:
    """Dates in digits with slashes ("09/21/2016"), read by dateparser (English only, nothing fetched)."""
    import dateparser  # imported on first use: it is slow to import

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    found = parsed.date()
    if published is not None and re.search(r"/\d\d$", text.strip()) and found.year <= published.year - CENTURY_SLIP:
        # "01/25/16" in a page of January 2016 is that January: "prefer the past" must not read it as 1916
        # (nor "8/14/13" on a page of 13 August 2013, updated the next day); a date that would then lie far
        # after publication ("01/25/66" in 2016) stays in the past century
        moved = _safe_date(found.year + 100, found.month, found.day)
        if moved is not None and moved <= published + timedelta(days=NEAR_FUTURE_DAYS):
            found = moved
    return found


def month_year_for(month: int, day: int | None, ctx: Context, relation: str = "") -> int | None:
    """The year of a month (and day) written without one: latest not after publication (CODING.md's "in July"),
    the next one when the sentence speaks of the future, or as "last"/"next"/"this" say."""
    pub = ctx.published
    if pub is None:
        return None
    when = (month, day or 1)
    latest = (pub.month, pub.day) if day is not None else (pub.month, 1)
    not_after = pub.year if when <= latest else pub.year - 1
    if relation == "this":
        return pub.year
    if relation in NEXT_WORDS:
        return pub.year if when > (pub.month, pub.day) else pub.year + 1
    if relation in ("last", "past", "previous"):
        return pub.year if when < latest else pub.year - 1
    if ctx.future:
        return pub.year if when >= latest else pub.year + 1
    return not_after


def _year_of_day(month: int, day: int, weekday_name: str, ctx: Context) -> int | None:
    """The year of a day written without one. A weekday written beside it picks the year it falls on;
    otherwise the latest not after publication, unless the coming one is near (NEAR_FUTURE_DAYS) or the
    sentence speaks of the future."""
    pub = ctx.published
    if pub is None:
        return None
    candidates = [d for d in (_safe_date(pub.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if weekday_name:
        weekday = words()["weekdays"][weekday_name.lower()]
        named = [d for d in (_safe_date(pub.year - k, month, day) for k in range(2, WEEKDAY_YEARS_BACK + 1)) if d]
        matching = [d for d in candidates + named if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: abs((d - pub).days)).year
    past = [d for d in candidates if d <= pub]
    coming = [d for d in candidates if d > pub]
    gap = (min(coming) - pub).days if coming else None
    if coming and (gap <= NEAR_FUTURE_DAYS or (ctx.future and gap <= FUTURE_CUE_MAX_DAYS) or not past):
        return min(coming).year
    return max(past).year if past else None


# --- resolvers -----------------------------------------------------------------------------------------------


def group(match: re.Match, name: str) -> str:
    """A named group's text, or "" when the group did not match or the rule has no such group."""
    return match.groupdict().get(name) or ""


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_iso(match: re.Match, ctx: Context) -> Resolution | None:
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return day_res(day) if day else None


def resolve_numeric(match: re.Match, ctx: Context) -> Resolution | None:
    day = parse_numeric_date(match.group(0), ctx.published)
    return day_res(day) if day else None


def resolve_day_month(match: re.Match, ctx: Context) -> Resolution | None:
    """"3 January 2016", "Jan. 3", "Wednesday, Sept. 21": a day; the year as written or inferred."""
    month, day = lookup_month(match["mon"]), int(match["d"])
    if month is None or not 1 <= day <= 31:
        return None
    if match["mon"].lower() in words()["ambiguous_months"]["names"] and not match["mon"][0].isupper():
        return None
    year = int(match["y"]) if match["y"] else _year_of_day(month, day, group(match, "wd"), ctx)
    if year is None:
        return Resolution("date", f"XXXX-{month:02d}-{day:02d}") if _safe_date(2000, month, day) else None
    resolved = _safe_date(year, month, day)
    return day_res(resolved) if resolved else None


def resolve_month(match: re.Match, ctx: Context) -> Resolution | None:
    """"in July", "early March", "September 2016", "last April": a month, or its early/mid/late third."""
    token = match["mon"]
    month = lookup_month(token)
    if month is None:
        return None
    modifier = (match["mod"] or "").lower()
    part = re.sub(r"^the |\s+of$", "", modifier).strip(" -") if modifier else ""
    relation = part if part in ("last", "this", "next") else ""
    if token.lower() in words()["ambiguous_months"]["names"] and not group(match, "y"):
        if not token[0].isupper() or not (modifier or ctx.preposition in TIME_PREPOSITIONS):
            return None
    year = int(group(match, "y")) if group(match, "y") else month_year_for(month, None, ctx, relation)
    year_relation = group(match, "yrel").lower()
    if year_relation and ctx.published is not None:
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[year_relation]
    if year is None:
        return Resolution("date", f"XXXX-{month:02d}")
    return third_of(month_res(year, month), part)


def resolve_year(match: re.Match, ctx: Context) -> Resolution | None:
    """"in 2015", "early 2016", "fiscal 1989", "the first half of 2015"."""
    year = int(match["y"])
    modifier = (match["mod"] or "").lower()
    if "half" in modifier:
        first = "first" in modifier
        start = date(year, 1 if first else 7, 1)
        return Resolution("date", f"{year}-H{1 if first else 2}", start, month_end(year, 6 if first else 12))
    part = re.sub(r"^the |\s+of$", "", modifier).strip(" -")
    return third_of(year_res(year), part)


def resolve_spelled_year(match: re.Match, ctx: Context) -> Resolution | None:
    """"nineteen ninety-six", "the year two thousand": a year written in words (broadcast transcripts)."""
    spelled = re.sub(r"[\s-]+", " ", match["spelled"].lower()).split(" ")
    if spelled[:2] == ["two", "thousand"]:
        rest = [w for w in spelled[2:] if w != "and"]
        year = 2000 + (number_value(" ".join(rest)) or 0 if rest else 0)
    else:
        century, rest = number_value(spelled[0]), number_value(" ".join(spelled[1:]))
        if century is None or rest is None or rest >= 100:
            return None
        year = century * 100 + rest
    return year_res(year)


def resolve_decade(match: re.Match, ctx: Context) -> Resolution:
    first = int(match["dec"])
    return Resolution("date", str(first)[:3], date(first, 1, 1), date(first + 9, 12, 31), "unknown")


def _latest_quarter(pub: date, completed: bool) -> tuple[int, int]:
    quarter = (pub.month - 1) // 3 + 1
    if not completed:
        return pub.year, quarter
    return (pub.year, quarter - 1) if quarter > 1 else (pub.year - 1, 4)


def resolve_ordinal_quarter(match: re.Match, ctx: Context) -> Resolution | None:
    """"the third quarter", "third-quarter", "the fourth quarter of 2015": the latest such quarter begun."""
    quarter = ORDINALS[match["ord"].lower()]
    unit = match["unit"].lower()
    owner = (match["owner"] or "").lower()
    if match["y"] or match["y2"]:
        year = int(match["y"] or match["y2"])
    elif ctx.published is None:
        return Resolution("date", f"XXXX-{'Q' if unit.startswith('quarter') else 'H'}{quarter}")
    else:
        pub = ctx.published
        year = pub.year - (1 if owner.startswith("last") else 0) + (1 if owner.startswith("next") else 0)
        first_month = 3 * quarter - 2 if unit.startswith("quarter") else 6 * quarter - 5
        if not owner and date(year, first_month, 1) > pub:
            year -= 1
    if unit.startswith("half"):
        if quarter > 2:
            return None
        start = date(year, 6 * quarter - 5, 1)
        return Resolution("date", f"{year}-H{quarter}", start, month_end(year, 6 * quarter))
    return quarter_res(year, quarter)


def resolve_named_quarter(match: re.Match, ctx: Context) -> Resolution | None:
    """"the latest quarter", "the year-ago quarter", "this quarter"."""
    if ctx.published is None:
        return Resolution("date", "XXXX-QX")
    which = (group(match, "which") or group(match, "which2")).lower()
    year, quarter = _latest_quarter(ctx.published, completed=which not in ("current", "this"))
    if which in ("year-ago", "year-earlier", "prior-year", "year earlier", "year ago"):
        year -= 1
    return quarter_res(year, quarter)


def part_code(token: str | None) -> str:
    if not token:
        return ""
    token = re.sub(r"[\s-]+", " ", token.lower())
    if token == "noon":
        return "T12:00"
    if token == "midnight":
        return "T24:00"
    code = words()["parts_of_day"].get(token) or words()["parts_of_day"].get(token.replace(" ", "-"))
    return f"T{code}" if code else ""


def resolve_set(match: re.Match, ctx: Context) -> Resolution | None:
    """"every day", "each Thursday", "each July", "daily": TIMEX3 set values; never a single date."""
    token = match.group(0).lower()
    if token in words()["set_words"]:
        return Resolution("set", words()["set_words"][token])
    what = match["what"].lower()
    if what in words()["weekdays"]:
        return Resolution("set", f"XXXX-WXX-{words()['weekdays'][what] + 1}")
    if what in words()["months"]:
        return Resolution("set", f"XXXX-{words()['months'][what]:02d}")
    if what in words()["parts_of_day"]:
        return Resolution("set", f"XXXX-XX-XXT{words()['parts_of_day'][what]}")
    return Resolution("set", duration_value(1, unit_of(what)))


def resolve_clock(match: re.Match, ctx: Context) -> Resolution | None:
    """"10 p.m.", "around 7:15 p.m.", "0600 GMT", "noon Thursday": a time on the day named next to it, else on
    the last date in the text, else on publication day."""
    named = group(match, "named").lower()
    hour = int(group(match, "h") or group(match, "h24") or (24 if named == "midnight" else 12))
    minute = int(group(match, "mi") or group(match, "mi24") or 0)
    meridiem = (match["ap"] or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (group(match, "h24") and not group(match, "mi24")):
        return None
    day_word = (match["day"] or "").lower()
    base = ctx.reference or ctx.published
    if ctx.reference is not None and ctx.previous_timex.endswith("TNI") and meridiem == "am" and not day_word:
        base = ctx.reference + timedelta(days=1)  # "overnight ... about 2 a.m.": the small hours end the night
    if day_word in words()["weekdays"] and ctx.published is not None:
        base = weekday_date(ctx.published, words()["weekdays"][day_word], "", ctx.future)
    elif day_word in ("yesterday", "today", "tonight") and ctx.published is not None:
        base = ctx.published - timedelta(days=1 if day_word == "yesterday" else 0)
    if base is None:
        return Resolution("time", f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
    return day_res(base, "time", f"T{hour:02d}:{minute:02d}")


def resolve_holiday(match: re.Match, ctx: Context) -> Resolution | None:
    """"on Christmas Eve", "the Fourth of July", "Thanksgiving night": the holiday's day (resolve.holidays); a
    bare "Christmas" or "Thanksgiving" only after "on" or with a part of day ("Christmas shopping" is no date)."""
    from .holidays import latest_holiday, needs_cue

    suffix = part_code(group(match, "part"))
    if needs_cue(match["hol"]) and not suffix and ctx.preposition != "on":
        return None
    if ctx.published is None:
        return Resolution("time" if suffix else "date", "XXXX-XX-XX" + suffix)
    day = latest_holiday(match["hol"], ctx.published, ctx.future)
    return day_res(day, "time" if suffix else "date", suffix) if day else None
