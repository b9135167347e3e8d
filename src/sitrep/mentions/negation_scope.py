"""Where a negation's scope is not the verb it hangs on, or reaches a conjunct the parse does not tie it to.

spaCy hangs "not" on the verb, so "It was not until Tuesday that the ministry revealed the attack" and "They did
not only attack the base" read as negated events, although the negation only denies an earlier time ("not
until") or an exclusive reading ("not only"): the event happened. And "nor" negates the conjunct it introduces
("did not arrest him, nor did they question him"; "no protest, nor any disagreement") even when that conjunct has
its own subject. The words are in ``rules/modality.toml`` [negation].
"""

from __future__ import annotations

__all__ = ["is_focus_negation", "nor_of_conjunct"]

# The words the "not" of a focus negation is followed by ("not until", "not only", "not just").
FOCUS_WORDS = frozenset({"until", "till", "only", "just", "merely", "simply", "solely"})
NOR = "nor"


def is_focus_negation(negator) -> bool:
    """``negator`` ("not") denies the word after it, not the event: "not until Tuesday", "not only attacked"."""
    following = negator.nbor(1) if negator.i + 1 < len(negator.doc) else None
    return following is not None and following.lower_ in FOCUS_WORDS


def nor_of_conjunct(conjunct, first):
    """The "nor" that joins ``conjunct`` to the ``first`` conjunct ("... , nor did they question him"), or None."""
    for holder in (conjunct, first):
        for child in holder.children:
            if child.dep_ in ("cc", "preconj") and child.lower_ == NOR and (holder is first) == (child.i < conjunct.i):
                return child
    return None
