"""Whether a page's standfirst stays in the body NLP reads, for the clean stage (``sitrep.clean``).

A standfirst (the summary or caption set under a headline) is kept out of the body when it is headline-like: a
second headline ("Teen killed in Chelsea shooting ID'ed") or a page stamp says nothing the body does not, and
read as a sentence it would become the story's lead; a photo's caption tells what the picture shows, which may
be another day's scene. But a standfirst that is a report sentence ("Four people
were hurt in a shooting outside a baby shower Sunday night in Brooklyn, police say") is often the one place a
page states when its incident happened: the body that follows only tells of the arrest or the victims. Such a
standfirst stays in the body, where it is the lead paragraph the page gave it; ``Article.standfirst`` still
points at it.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

__all__ = ["MAX_CAPITALISED_SHARE", "REPORT_MIN_WORDS", "own_words", "reads_as_report"]

# Words a standfirst (before any stamp or credit) needs to read as a report sentence: headlines run 5-12 words
# (the cleaner uses the same bound for a lone line that is a report).
REPORT_MIN_WORDS = 14
# A report sentence is in sentence case: fewer than this share of its words are capitalised (headlines in title
# case have more).
MAX_CAPITALISED_SHARE = 0.5
RULES_FILE = "standfirst.toml"


# A sentence's end before any stamp or credit, closing quotes or brackets allowed.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    return tomllib.loads(resources.files("sitrep.rules").joinpath(RULES_FILE).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def _markers(*table_names: str) -> re.Pattern[str]:
    """One alternation of the patterns listed under ``table_names`` in rules/standfirst.toml."""
    patterns = [pattern for name in table_names for pattern in _rules()[name]["patterns"]]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _auxiliary() -> re.Pattern[str]:
    words = sorted(_rules()["sentence_grammar"]["auxiliaries"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.IGNORECASE)


def own_words(standfirst: str) -> list[str]:
    """The standfirst's words before the first page stamp or credit run into it."""
    marker = _markers("tail_markers", "photo_credit").search(standfirst)
    return (standfirst[: marker.start()] if marker else standfirst).split()


def reads_as_report(standfirst: str) -> bool:
    """The standfirst is a report sentence (long enough, in sentence case, with a full stop or an auxiliary verb),
    not a second headline, a stamp or a photo's caption."""
    words = own_words(standfirst)
    if len(words) < REPORT_MIN_WORDS or _markers("photo_credit").search(standfirst):
        return False
    capitalised = sum(1 for word in words if word[:1].isupper())
    if capitalised >= MAX_CAPITALISED_SHARE * len(words):
        return False
    own = " ".join(words)
    return _SENTENCE_END.search(own) is not None or _auxiliary().search(own) is not None
