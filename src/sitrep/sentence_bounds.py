"""Sentence boundaries the NLP stage sets before spaCy parses a text (``nlp.parse``), where the small English
model is known to cut a sentence at a full stop that does not end one.

News copy has full stops inside sentences: clock times ("was reported at 11:42 a.m. Monday in the 4200 block")
and street abbreviations ("shot at Washington Ave. and Empire Blvd. early Monday"). The model reads each as a
sentence end, and what follows — often the day the event happened — becomes a sentence of its own, cut off from
the event it dates. The parser keeps boundaries set before it runs, so the tokens found here are marked as not
starting a sentence.
"""

from __future__ import annotations

import functools
import re

__all__ = ["continuing_tokens"]

# "a.m."/"p.m." and the spaces after it, just before a token ("11:42 a.m. Monday", "5:30p.m. Thursday").
_CLOCK_END = re.compile(r"[ap]\.m\.[ \t]+$", re.IGNORECASE)
# A full stop and the spaces after it, on the same line (a line break may end a paragraph).
_FULL_STOP_END = re.compile(r"\.[ \t]+$")
# Characters before a token searched for either ending.
ENDING_WINDOW = 8
# An abbreviation is a short capitalised word ("Ave", "Blvd", "NW"); longer words before a full stop end sentences.
ABBREVIATION_MAX_LETTERS = 4


@functools.lru_cache(maxsize=1)
def _day_names() -> frozenset[str]:
    """Weekday and month names and their abbreviations (rules/time_words.toml), lower-case, no full stop."""
    from .resolve.dates import words

    lexicon = words()
    return frozenset(lexicon["weekdays"]) | frozenset(lexicon["months"]) | frozenset(lexicon["month_abbreviations"])


def continuing_tokens(doc) -> list:
    """Tokens of ``doc`` that continue the sentence before them though a full stop precedes them: a day or month
    named right after "a.m."/"p.m." ("11:42 a.m. Monday"), a lower-case word right after an abbreviation
    ("Ave. in the 6500 block")."""
    text = doc.text
    continuing = []
    for token in doc[1:]:
        window = max(0, token.idx - ENDING_WINDOW)
        if _CLOCK_END.search(text, window, token.idx):
            if token.text.lower().rstrip(".") in _day_names():
                continuing.append(token)
        elif _FULL_STOP_END.search(text, window, token.idx) and _lower_word(token) and _after_abbreviation(doc, token):
            continuing.append(token)
    return continuing


def _lower_word(token) -> bool:
    return token.text[:1].islower() and token.is_alpha


def _after_abbreviation(doc, token) -> bool:
    """The word before the full stop ahead of ``token`` is a short capitalised abbreviation ("Ave.", "Blvd.")."""
    before = doc[token.i - 1]
    word = doc[before.i - 1] if before.text == "." and before.i > 0 else before
    letters = word.text.rstrip(".")
    return letters.isalpha() and letters[:1].isupper() and len(letters) <= ABBREVIATION_MAX_LETTERS
