"""A helper the modality tests share: the modality reading of one word of a parsed sentence."""

from __future__ import annotations

from sitrep.mentions.modality import modality


def modality_of(nlp, sentence: str, trigger: str):
    """``modality`` of the first token spelled ``trigger`` in ``sentence``."""
    doc = nlp(sentence)
    return modality(doc, next(t.i for t in doc if t.text == trigger))
