"""Numbers in news text: number words, and the bounds a fatality phrase supports.

``parse_quantity("at least 12")`` gives ``(12, None)``: the low and high bounds the phrase supports, following
CODING.md's fatality rules. The words and values are data (``rules/quantities.toml``); this module only reads
them. Choices CODING.md leaves open, made here:

- "up to N", "as many as N" -> (1, N): a report of up to N deaths still reports at least one, and ACLED's
  export takes ``low``, so leaving it empty would code zero deaths for a lethal event.
- "nearly/almost/fewer than N" -> (1, N - 1): the text rules out N itself and supports at least one death.
- "about/around/some/roughly N" -> (N, N): the figure is the best the text gives; CODING.md treats a single
  number as exact and an approximate one is still the single figure reported.
- vague words ("several", "dozens", "many") -> (value, None): ACLED's low figure, with the high bound open.
- "no one", "nobody", "none" -> (0, 0).
- a leading article or "single" ("a pilot", "an officer") -> (1, 1).
- words before the number are skipped: "killing at least 12 people" -> (12, None);
- a phrase with no number at all -> None.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

__all__ = ["number_value", "number_words", "parse_quantity"]

RULES_FILE = "quantities.toml"
TOKEN_PATTERN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+|[-\u2013\u2014]")
WORD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
RANGE_WORDS = frozenset({"to", "-", "\u2013", "\u2014", "or", "and"})
# "a 6-year-old boy", "his 15 year old son": a number followed by one of these and "old" is an age, not a count.
AGE_UNITS = frozenset({"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days"})
# "an 8 yo boy", "a 17 y/o": the short forms of "year(s) old" (y/o reads as the tokens "y", "o").
AGE_ABBREVIATIONS = (("yo",), ("y", "o"))
SKIPPED_AFTER_COUNTING_NOUN = frozenset({"of"})


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    """Read rules/quantities.toml once; multiword keys become token tuples so matching is by tokens."""
    text = resources.files("sitrep").joinpath("rules", RULES_FILE).read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    as_tokens = lambda table: {tuple(_tokens(key)): value for key, value in table.items()}  # noqa: E731
    return {
        "units": raw["units"],
        "tens": raw["tens"],
        "scales": raw["scales"],
        "counting_nouns": raw["counting_nouns"],
        "articles": raw["articles"],
        "zero_words": as_tokens(raw["zero_words"]),
        "vague": as_tokens(raw["vague"]),
        "modifiers": as_tokens(raw["modifiers"]),
        "fixed": as_tokens(raw["fixed"]),
        "zero_nouns": frozenset(raw["zero_nouns"]["words"]),
    }


def _tokens(phrase: str) -> list[str]:
    """Lower-case word, number and dash tokens; "twenty-one" splits into "twenty", "one"."""
    lowered = WORD_HYPHEN.sub(" ", phrase.lower())
    return TOKEN_PATTERN.findall(lowered)


def _digits_value(token: str) -> float | None:
    """The value of a digit token ("1,200", "2.5"), or None when the commas are not thousands separators."""
    if "," in token and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return None
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def read_number(tokens: list[str], index: int) -> tuple[int, int] | None:
    """Read one number (digits or words) starting at ``tokens[index]``; return (value, index after it).

    Handles "12", "1,200", "1.5 million", "fourteen", "twenty one", "two hundred and fifty", "a hundred",
    "a dozen", "two dozen", "a couple of". Returns None when no number starts there.
    """
    lexicon = _lexicon()
    units, tens, scales = lexicon["units"], lexicon["tens"], lexicon["scales"]
    counting = lexicon["counting_nouns"]
    total, current, position, seen = 0.0, 0.0, index, False
    last_kind = ""
    while position < len(tokens):
        token = tokens[position]
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token[0].isdigit():
            if seen:
                break
            value = _digits_value(token)
            if value is None:
                return None
            current, seen, last_kind = value, True, "digits"
        elif token in ("a", "an") and not seen and (following in scales or following in counting):
            current, seen, last_kind = 1.0, True, "unit"
        elif token in units:
            if last_kind in ("unit", "digits"):
                break
            current += units[token]
            seen, last_kind = True, "unit"
        elif token in tens:
            if last_kind in ("unit", "tens", "digits") and current % 100 != 0:
                break
            current += tens[token]
            seen, last_kind = True, "tens"
        elif token == "hundred" and seen and last_kind != "scale":
            current = (current or 1) * scales[token]
            last_kind = "hundred"
        elif token in scales and token != "hundred" and seen:
            total += (current or 1) * scales[token]
            current, last_kind = 0.0, "scale"
        elif token in counting and seen and last_kind != "counting":
            current = (current or 1) * counting[token]
            last_kind = "counting"
            if following in SKIPPED_AFTER_COUNTING_NOUN:
                position += 1
        elif token == "and" and last_kind in ("hundred", "scale") and (following in units or following in tens):
            pass
        else:
            break
        position += 1
    if not seen:
        return None
    value = total + current
    if value != int(value):
        return None
    return int(value), position


def number_words() -> dict[str, tuple[str, ...]]:
    """The number words by class ("units", "tens", "scales"), for other modules' patterns ("two days ago")."""
    lexicon = _lexicon()
    return {name: tuple(lexicon[name]) for name in ("units", "tens", "scales")}


def number_value(word: str) -> int | None:
    """The integer a number written in digits or words stands for ("fourteen", "twenty-one", "1,200").

    The whole text must be the number; "a"/"an" count as one. Returns None for anything else.
    """
    tokens = _tokens(word)
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0] in _lexicon()["articles"]:
        return _lexicon()["articles"][tokens[0]]
    read = read_number(tokens, 0)
    if read is None or read[1] != len(tokens):
        return None
    return read[0]


def _longest_key_at(table: dict[tuple[str, ...], object], tokens: list[str], index: int):
    """The longest multiword key of ``table`` matching tokens from ``index``: (key, value) or None."""
    best = None
    for key, value in table.items():
        if tuple(tokens[index : index + len(key)]) == key and (best is None or len(key) > len(best[0])):
            best = (key, value)
    return best


def _apply_modifier(modifier: str | None, low: int, high: int | None) -> tuple[int | None, int | None]:
    """Turn a number (or range) and the modifier in front of it into (low, high) bounds; see module doc."""
    if modifier == "at_least":
        return low, None
    if modifier == "more_than":
        return low + 1, None
    if modifier == "up_to":
        top = high if high is not None else low
        return min(1, top), top
    if modifier == "below":
        top = (high if high is not None else low) - 1
        return (min(1, top), top) if top >= 0 else (0, 0)
    return low, high


def parse_quantity(phrase: str) -> tuple[int | None, int | None] | None:
    """The (low, high) bounds a number phrase supports; high None = open. None when it holds no number.

    Examples: "at least 12" -> (12, None); "more than 20" -> (21, None); "12 to 15" -> (12, 15);
    "two dozen" -> (24, 24); "dozens" -> (12, None); "a pilot" -> (1, 1). Words before the number are
    skipped ("killing at least 12 people" -> (12, None)); an article counts as one only when the phrase holds
    no number at all. Never raises.
    """
    tokens = _tokens(phrase)
    for index in range(len(tokens)):
        bounds = _bounds_at(tokens, index)
        if bounds is not None:
            return bounds
    article = next((t for t in tokens if t in _lexicon()["articles"]), None)
    return (1, 1) if article is not None else None


def _is_age(tokens: list[str], position: int) -> bool:
    """The tokens after a number say "-year-old" / "month old": the number is someone's age."""
    if tokens[position:position + 1] == ["-"] and tokens[position + 1:position + 2] \
            and tokens[position + 1] in AGE_UNITS:
        return True  # "a 15-year-girl", "a 10-year sentence": a hyphenated span of time is never a head count
    rest = [t for t in tokens[position:position + 4] if t != "-"]
    if any(tuple(rest[:len(short)]) == short for short in AGE_ABBREVIATIONS):
        return True
    return len(rest) >= 2 and rest[0] in AGE_UNITS and rest[1] == "old"


def _bounds_at(tokens: list[str], index: int) -> tuple[int | None, int | None] | None:
    """Bounds for a number phrase starting at ``tokens[index]`` (modifier, number or vague word), or None."""
    lexicon = _lexicon()
    between = tokens[index] == "between"
    if between:
        index += 1
    zero = _longest_key_at(lexicon["zero_words"], tokens, index)
    if zero is not None:
        following = tokens[index + len(zero[0])] if index + len(zero[0]) < len(tokens) else ""
        if zero[0] != ("no",) or following in lexicon["zero_nouns"]:
            return 0, 0
    fixed = _longest_key_at(lexicon["fixed"], tokens, index)
    if fixed is not None:
        return int(fixed[1]), int(fixed[1])
    modifier_match = _longest_key_at(lexicon["modifiers"], tokens, index)
    modifier = None
    if modifier_match is not None:
        after = index + len(modifier_match[0])
        if read_number(tokens, after) is not None or _longest_key_at(lexicon["vague"], tokens, after) is not None \
                or _longest_key_at(lexicon["fixed"], tokens, after) is not None:
            modifier = modifier_match[1]
            index = after
    fixed = _longest_key_at(lexicon["fixed"], tokens, index)
    if fixed is not None:
        return _apply_modifier(modifier, int(fixed[1]), int(fixed[1]))
    vague = _longest_key_at(lexicon["vague"], tokens, index)
    number = read_number(tokens, index)
    if number is not None and _is_age(tokens, number[1]):
        return None  # "a 6-year-old boy" counts one boy (the article), not six
    if vague is not None and number is None:
        return _apply_modifier(modifier, int(vague[1]), None)
    if number is None:
        return None
    low, position = number
    high = low
    if position + 1 < len(tokens) and tokens[position] in RANGE_WORDS:
        if tokens[position] != "and" or between:
            second = read_number(tokens, position + 1)
            if second is not None:
                low, high = min(low, second[0]), max(low, second[0])
    return _apply_modifier(modifier, low, high)
