"""Sentence boundaries the NLP stage sets before spaCy parses a text (``nlp.parse``), where the small English
model is known to cut a sentence at a full stop that does not end one.

News copy has full stops inside sentences: clock times ("was reported at 11:42 a.m. Monday in the 4200 block"),
street abbreviations ("shot at Washington Ave. and Empire Blvd. early Monday") and abbreviations written in front
of a name ("Police said Sgt. John Smith was shot", "in St. Louis", "the U.S. Army"). The model reads each as a
sentence end, and what follows — the day the event happened, the source or the actor — becomes a sentence of its
own, cut off from the event. The parser keeps boundaries set before it runs, so the tokens found here are marked as not
starting a sentence.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from .doc_text import text_of

__all__ = ["continuing_tokens", "join_abbreviation_stops", "name_abbreviation_lists"]

# "a.m."/"p.m." and the spaces after it, just before a token ("11:42 a.m. Monday", "5:30p.m. Thursday").
_CLOCK_END = re.compile(r"[ap]\.m\.[ \t]+$", re.IGNORECASE)
# A full stop and the spaces after it, on the same line (a line break may end a paragraph).
_FULL_STOP_END = re.compile(r"\.[ \t]+$")
# The same, a single line break allowed: ALL CAPS wire copy wraps its lines anywhere, and no paragraph ends
# between a title and its name (a blank line still ends one: ``nlp.paragraph_starts``).
_WRAPPED_FULL_STOP_END = re.compile(r"\.[ \t]*(?:\n[ \t]*)?\Z")
# Characters before a token searched for each ending.
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
    ("Ave. in the 6500 block"), a name right after an abbreviation written in front of one ("Sgt. John Smith",
    ``_follows_its_abbreviation``)."""
    text = text_of(doc)
    continuing = []
    for token in doc[1:]:
        window = max(0, token.idx - ENDING_WINDOW)
        if "." not in text[window:token.idx]:
            continue  # every ending below has a full stop; most tokens have none before them
        if _CLOCK_END.search(text, window, token.idx):
            if token.text.lower().rstrip(".") in _day_names():
                continuing.append(token)
        elif _FULL_STOP_END.search(text, window, token.idx) and _lower_word(token) and _after_abbreviation(doc, token):
            continuing.append(token)
        elif _WRAPPED_FULL_STOP_END.search(text, window, token.idx) and _follows_its_abbreviation(doc, token):
            continuing.append(token)
    return continuing


def join_abbreviation_stops(doc) -> None:
    """Make each full stop the tokenizer split from an abbreviation inside a sentence one token with it ("Sgt"
    "." -> "Sgt."), as the tokenizer already does for "Gov." or "St.": a lone full stop is the parser's strongest
    sign of a sentence end, and it cuts there even when told the next token continues the sentence. Retokenizes
    ``doc`` in place (a fresh ``make_doc``, before any component runs); characters and offsets are unchanged."""
    stops = []
    for token in continuing_tokens(doc):
        word = _abbreviated_word(doc, token)
        stop = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if stop is not None and stop.text == "." and stop.idx == word.idx + len(word.text):
            stops.append(stop)
    with doc.retokenize() as retokenizer:
        for stop in stops:
            retokenizer.merge(doc[stop.i - 1:stop.i + 1])


def _lower_word(token) -> bool:
    return token.text[:1].islower() and token.is_alpha


def _after_abbreviation(doc, token) -> bool:
    """The word before the full stop ahead of ``token`` is a short capitalised abbreviation ("Ave.", "Blvd.")."""
    letters = _abbreviated_word(doc, token).text.rstrip(".")
    return letters.isalpha() and letters[:1].isupper() and len(letters) <= ABBREVIATION_MAX_LETTERS


def _abbreviated_word(doc, token):
    """The word whose full stop comes right before ``token``: one token ("Gov.") or a word and a full stop the
    tokenizer split ("Sgt" "."); line breaks between are skipped."""
    before = doc[token.i - 1]
    while before.is_space and before.i > 0:
        before = doc[before.i - 1]
    return doc[before.i - 1] if before.text == "." and before.i > 0 else before


# --- Abbreviations written in front of a name (rules/name_abbreviations.toml) ---

@functools.lru_cache(maxsize=1)
def name_abbreviation_lists() -> dict[str, list[str]]:
    """rules/name_abbreviations.toml as word lists, each word as spelled there (the MUC-4 bench's truecaser reads
    them too): titles, place prefixes, street homographs, number prefixes, initials, official-name words and
    sentence openers."""
    rules = tomllib.loads(resources.files("sitrep.rules").joinpath("name_abbreviations.toml").read_text(encoding="utf-8"))
    return {
        "titles": [word for words in rules["titles"].values() for word in words],
        "places": rules["places"]["prefixes"],
        "street_homographs": rules["street_homographs"]["words"],
        "numbers": rules["numbers"]["prefixes"],
        "initials": rules["initialisms"]["initials"],
        "name_words": rules["initialisms"]["name_words"],
        "sentence_openers": rules["sentence_openers"]["words"],
    }


@functools.lru_cache(maxsize=1)
def _name_abbreviations() -> dict:
    """Each list as a set of its words as spelled and in capitals ("Sgt", "SGT"; not in lower case, where "no." is
    the word no); the sentence openers in lower case."""
    lists = dict(name_abbreviation_lists())
    openers = frozenset(lists.pop("sentence_openers"))
    spellings = {name: frozenset(words) | frozenset(word.upper() for word in words) for name, words in lists.items()}
    return {**spellings, "sentence_openers": openers}


def _follows_its_abbreviation(doc, token) -> bool:
    """``token`` is what an abbreviation just before it is written in front of: a name after a title or a place
    prefix ("Sgt. John", "St. Louis"), a number after "No.", an official name's word after "U.S." ("U.S. Army")."""
    lists = _name_abbreviations()
    word = _abbreviated_word(doc, token)
    if word.text in lists["initials"]:
        return token.text in lists["name_words"]
    letters = word.text.rstrip(".")
    if letters in lists["numbers"]:
        return token.text[:1].isdigit()
    if not _is_name(token) or token.lower_ in _name_abbreviations()["sentence_openers"]:
        return False  # "as a Sgt. Police say": a sentence's usual first word, not a name
    if letters.isupper() and len(letters) > 1 and not token.text.isupper():
        return False  # capitals are ALL CAPS copy ("GEN. HECTOR"); "Jackson, MS. Police said" ends a sentence
    if letters in lists["street_homographs"] and _ends_a_street_name(doc, word):
        return False  # "Main St. Police said": a street's name ends there
    return letters in lists["titles"] or letters in lists["places"]


def _is_name(token) -> bool:
    """A capitalised word that is not a function word: "John", "O'Brien", "HECTOR", "Gov." (not "He", "The")."""
    return token.text[:1].isupper() and not token.is_stop


def _ends_a_street_name(doc, word) -> bool:
    """A street's name comes right before ``word``: a capitalised content word or a numbered street ("Main St.",
    "5th St."; not "in St." or "The St.")."""
    if word.i == 0:
        return False
    before = doc[word.i - 1]
    return before.text[:1].isdigit() or (before.is_alpha and before.text[:1].isupper() and not before.is_stop)
