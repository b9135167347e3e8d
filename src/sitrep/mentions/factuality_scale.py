"""The factuality score of one event from the cues ``modality`` found: +3 certainly happened .. -3 certainly not.

The scale is the UW/MEANTIME one; the numbers live in ``rules/modality.toml`` ([scores], [negated_scores]) and were
set on the corpora's *train* splits. One cue decides the base (an irrealis kind on the event, else an irrealis
read from around it, else a hedge, else how the event is asserted), and a negation turns it over.
"""

from __future__ import annotations

from .irrealis import is_condition_marker
from .modality_words import lemma
from .modality_words import rules as _rules
from .parse_paths import is_means_noun

__all__ = ["score", "nominal_kind"]

# Assertion kinds a negation turns into its own fixed score (not a sign flip).
PLAIN_KINDS = ("certain", "reported", "factive", "nominal", "nominal_argument", "nominal_modifier")
# An uncued event noun's role: as a subject or a preposition's object it is what the sentence is about, taken as
# given ("the attack killed five", "in the attack"); as a modifier of another noun ("abortion clinic", "takeover
# bid") it names a kind of thing more than an event that happened.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "pobj"})
MODIFIER_DEPS = frozenset({"compound", "nmod"})
# Negations whose score is their own ("refused to", "denied", "prevented", "took no money") when nothing else
# hedges the event.
FIXED_NEGATIONS = ("denial", "failed_to", "negative_implicative", "negated_object", "unable")


def _clause_score(kind: str) -> float:
    """An event noun inside an irrealis clause ("would open the way to war"), not itself the clause's verb: the
    clause's doubt reaches it only in part, so it sits between the kind's score and an uncued noun's."""
    scores = _rules()["scores"]
    weight = float(scores["clause_weight"])
    return weight * float(scores[kind]) + (1.0 - weight) * float(scores["nominal"])


def nominal_kind(token) -> str:
    """The assertion kind of an uncued event noun or adjective, by its role in the sentence."""
    if token.dep_ in MODIFIER_DEPS:
        return "nominal_modifier"
    if token.dep_ in ARGUMENT_DEPS and token.pos_ in ("NOUN", "PROPN"):
        return "nominal_argument"
    return "nominal"


def score(found) -> float:
    """The score for the cues in ``found`` (modality's working record)."""
    scores = _rules()["scores"]
    negated_scores = _rules()["negated_scores"]
    from_clause = False
    if found.irrealis is not None:
        base_kind = found.irrealis
        if base_kind == "conditional" and is_condition_marker(found.irrealis_cue):
            base_kind = "condition"
    elif found.weak_irrealis is not None and found.hedge is None:
        base_kind = found.weak_irrealis
        from_clause = any(cue.startswith("clause:") for cue in found.cues)
    elif found.hedge is not None:
        base_kind = found.hedge_kind
    else:
        base_kind = found.certainty
    if found.negation is not None:
        if found.negation_kind in FIXED_NEGATIONS and base_kind in PLAIN_KINDS:
            return float(scores[found.negation_kind])
        if base_kind in ("certain", "factive") or base_kind.startswith("nominal"):
            return float(scores["negated"])
        if base_kind in negated_scores:
            return float(negated_scores[base_kind])
        return -float(scores[base_kind]) if scores[base_kind] > 0 else float(scores[base_kind])
    if from_clause:
        return _clause_score(base_kind)
    if base_kind == "plan":
        return _plan_score(found.irrealis_cue)
    return float(scores[base_kind])


def _plan_score(cue) -> float:
    """The plan class spans an expectation ("expected to"), a commitment ("agreed to") and a capacity ("able to",
    "willing to") and a means noun ("the right to work"); each has its own score in modality.toml [plan_shades]."""
    shades = _rules()["plan_shades"]
    word = lemma(cue) if cue is not None else ""
    if cue is not None and is_means_noun(cue):
        return float(shades["scores"]["means"])
    for shade, listed in shades["words"].items():
        if word in listed:
            return float(shades["scores"][shade])
    return float(_rules()["scores"]["plan"])
