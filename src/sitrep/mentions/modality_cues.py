"""The record sitrep's modality walk (``mentions.modality``) keeps: ``FoundCues``, the cues collected while walking
the parse around one event word, and ``Modality``, the reading they settle into.

The record owns how cues combine as they are noted (the first irrealis and hedge win; a double "not" cancels, a
second "no" repeats; a "not" on a negative implicative lets its event happen), so the walk only says what it saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..doc_text import text_of
from ..model import Span


@dataclass(frozen=True)
class Modality:
    """How the text commits to one event: polarity, hedge, irrealis kind, and a factuality score.

    ``hypothetical`` names the irrealis kind (see HYPOTHETICAL_KINDS) and ``hypothetical_cue`` the words that
    made it; spans are character offsets into the parsed ``Doc``'s text. ``cues`` lists every cue class found,
    nearest first, so a caller (or ``sitrep explain``) can say why.
    """

    negated: bool = False
    negation: Span | None = None
    hedge: Span | None = None
    hypothetical: str | None = None
    hypothetical_cue: Span | None = None
    score: float = 3.0
    cues: tuple[str, ...] = ()


def span_of(tokens) -> Span | None:
    tokens = [t for t in tokens if t is not None]
    if not tokens:
        return None
    doc = tokens[0].doc
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end, text_of(doc)[start:end])


@dataclass
class FoundCues:
    """Cues collected while walking the parse; turned into a Modality at the end."""

    negation: Any = None
    negation_kind: str = ""
    hedge: Any = None
    hedge_kind: str = ""
    irrealis: str | None = None
    irrealis_cue: Any = None
    certainty: str = "certain"
    certainty_cue: Any = None
    cues: list[str] = field(default_factory=list)
    # irrealis read from around the event rather than on it (the clause of an event noun, a bare base-form verb):
    # it lowers the score but does not make the event hypothetical ("will investigate the attack")
    weak_irrealis: str | None = None
    # the event token the walk started from: some cues reach only the event itself, not what hangs below it
    event: Any = None

    def note_irrealis(self, kind: str, cue) -> None:
        self.cues.append(kind)
        if self.irrealis is None:
            self.irrealis, self.irrealis_cue = kind, cue

    def note_hedge(self, kind: str, cue) -> None:
        self.cues.append(kind)
        if self.hedge is None:
            self.hedge, self.hedge_kind = cue, kind

    def note_negation(self, kind: str, cue) -> None:
        if cue is not None and self.negation is not None and cue.i == self.negation.i:
            return  # one "no" read twice (on the event noun, then as its verb's participant) is one negation
        if self.negation_kind == "nor" and kind == "negated":
            return  # "did not confirm the shooting, nor any arrests": the "not" that "nor" continues
        self.cues.append(kind)
        if self.negation is None:
            self.negation, self.negation_kind = cue, kind
        elif self.negation_kind == "negated" and kind == "negated" and not _is_determiner(cue) \
                and not _is_determiner(self.negation):
            # a double negative ("not without ...") cancels out; a second "no" does not ("no flags and no signs
            # hang", "did not find no weapons")
            self.negation, self.negation_kind = None, ""
        elif self.negation_kind in IMPLICATIVE_NEGATIONS and kind == "negated" and _negates(cue, self.negation):
            # "did not prevent the attack", "won't delay the launch": the negated blocker lets the event happen
            self.negation, self.negation_kind = None, ""


# Negations made by a negative implicative verb; a "not" on that verb cancels them ("did not prevent the attack").
IMPLICATIVE_NEGATIONS = ("negative_implicative", "failed_to")


def _is_determiner(cue) -> bool:
    """``cue`` is a "no" / "neither" determiner, which repeats a negation rather than cancelling it."""
    return cue is not None and cue.dep_ in ("det", "preconj")


def _negates(cue, word) -> bool:
    """``cue`` (a "not") hangs on ``word`` itself."""
    return cue is not None and word is not None and cue.head.i == word.i and cue.i != word.i
