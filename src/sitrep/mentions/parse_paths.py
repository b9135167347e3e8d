"""Small look-ups on the dependency parse that the modality modules share.

Each answers one question about the words around an event token: does it carry a "to" infinitive marker, which
words hold what is said of an adjective (the adjective and, for "were | unable to", its copula), does it hang on
a noun of means ("the right to work"). Kept here so modality, implicatives, irrealis and reality ask them the
same way.
"""

from __future__ import annotations

from .modality_words import lemma, words

__all__ = ["has_to_infinitive", "with_copula", "is_means_noun", "is_means_of"]


def has_to_infinitive(token) -> bool:
    """``token`` is a verb with its infinitive marker: "to attack", "(unable) to reach"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def with_copula(word) -> list:
    """``word`` and, when it completes a copula ("were | unable", "is | too early"), that copula: a "not" or a
    subject of the adjective hangs on either."""
    return [word] + ([word.head] if word.dep_ == "acomp" else [])


def is_means_noun(noun) -> bool:
    """A noun of means or entitlement ("options", "the right", "permission"): modality.toml [prospect]."""
    return noun.pos_ == "NOUN" and lemma(noun) in words("prospect", "means_nouns")


def is_means_of(event, noun) -> bool:
    """``event`` hangs on a noun of means or entitlement by "for" / "to" or a "to" infinitive ("options for
    ending the siege", "the right to work"): it could happen; the text does not say it did."""
    if not is_means_noun(noun):
        return False
    if event.dep_ == "acl":
        return has_to_infinitive(event)
    return event.dep_ in ("pobj", "pcomp") and event.head.lower_ in words("prospect", "means_prepositions")
