"""The word lists of ``rules/modality.toml`` and the look-ups the modality reading makes on them.

Shared by ``modality`` (the walk up the parse), ``factuality_scale`` (the scores) and ``irrealis``; loaded once.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

__all__ = ["rules", "words", "lemma", "phrasal_lemma", "governor_class", "NOMINAL_POS"]

# Parts of speech of an event noun ("the shelling", "the Qalamoun offensive").
NOMINAL_POS = ("NOUN", "PROPN")


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    with resources.files("sitrep.rules").joinpath("modality.toml").open("rb") as handle:
        return tomllib.load(handle)


@functools.lru_cache(maxsize=1)
def _governor_classes() -> tuple[tuple[str, frozenset[str]], ...]:
    """Governing-word classes in the order they win when a word is listed twice."""
    order = ("negative_implicative", "denial", "threat", "plan", "desire", "directive", "attempt", "claim",
             "factive", "reported")
    table = rules()["governors"]
    return tuple((name, frozenset(table[name])) for name in order)


@functools.lru_cache(maxsize=None)
def words(section: str, key: str) -> frozenset[str]:
    """One word list from modality.toml, lower-cased."""
    return frozenset(word.lower() for word in rules()[section][key])


def lemma(token) -> str:
    """The token's lemma, lower-cased (its text when the parse gave none)."""
    return (token.lemma_ or token.text).lower()


def phrasal_lemma(token) -> str:
    """The lemma with the verb's particle, if it has one ("call off"); else the lemma."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma(token)} {particle}" if particle else lemma(token)


def governor_class(token) -> str | None:
    """The class of a governing word; a phrasal verb ("called off") is looked up whole before its verb."""
    base, phrasal = lemma(token), phrasal_lemma(token)
    keys = ([phrasal] if phrasal != base else []) + [base, token.lower_]
    for key in keys:
        for name, listed in _governor_classes():
            if key in listed:
                return _as_verb(name, key, token)
    return None


def _as_verb(name: str, key: str, token) -> str:
    """A word listed as a claim for its noun ("reports that ...") and as a reporting verb ("reported that ...")
    reads as a report when it is the verb: UW's train split keeps "X reported that ..." at +3."""
    if name == "claim" and token.pos_ == "VERB" and key in words("governors", "reported"):
        return "reported"
    return name

