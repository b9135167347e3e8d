"""Helpers the modality tests share: one word of a parsed sentence, and its modality reading."""

from __future__ import annotations

from sitrep.mentions.modality import modality


def token_of(nlp, sentence: str, word: str):
    """The first token spelled ``word`` in ``sentence`` as ``nlp`` parses it."""
    return next(t for t in nlp(sentence) if t.text == word)


def modality_of(nlp, sentence: str, trigger: str):
    """``modality`` of the first token spelled ``trigger`` in ``sentence``."""
    token = token_of(nlp, sentence, trigger)
    return modality(token.doc, token.i)
