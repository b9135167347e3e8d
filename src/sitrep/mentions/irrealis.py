"""Irrealis kinds that depend on more than the cue word: "would" under a reporting verb is a future, not a
conditional; an "if" clause is more doubtful than a "would" main clause; "told them to leave" directs but "told
reporters that troops had left" reports (a finite complement is a report, not an order).

``modality`` notes the first irrealis cue it meets on its walk up the parse; whether that cue is a report's
backshifted "will" ("the army said it would withdraw" = "the army said: we will withdraw") is known only once the
walk has reached the reporting verb, so the kind is settled here, after the walk. The modal auxiliaries and "going
to" that give those kinds are read here too.
"""

from __future__ import annotations

from .modality_words import lemma, words
from .parse_paths import has_to_infinitive

__all__ = ["settle_irrealis", "is_condition_marker", "inverted_condition", "condition_adjective", "condition_noun",
           "is_finite", "is_bare_verb", "is_question", "modal_child", "modal_class", "is_going_to"]

# The modals a report backshifts "will" to.
BACKSHIFTED_WILL = frozenset({"would", "'d"})
# Cue classes ``modality`` records for a reporting or claiming governor ("said that", "claimed that").
REPORTING_CUES = frozenset({"reported", "claim"})
# The dependency label of a subordinator opening a condition ("if", "unless", "whether": modality.toml's
# [conditional].markers): a conditional cue with this label is a marker, not a modal ("should", "would").
CONDITION_DEPS = frozenset({"mark"})
# Subjects of the clause an inverted auxiliary opens ("Had the troops attacked": the subject after "Had").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def settle_irrealis(found) -> None:
    """Turn a reported "would" into the future it backshifts (modality's working record ``found``, in place)."""
    cue = found.irrealis_cue
    if found.irrealis != "conditional" or cue is None or cue.lower_ not in BACKSHIFTED_WILL:
        return
    if any(kind in REPORTING_CUES for kind in found.cues) and not _perfect(cue):
        found.irrealis = "future"
        found.cues.append("reported_would")


def _perfect(modal) -> bool:
    """"would have attacked" is a counterfactual whoever reports it."""
    return any(c.dep_ == "aux" and lemma(c) == "have" and c.i > modal.i
               for c in modal.head.children)


def is_condition_marker(cue) -> bool:
    """The conditional cue opens a condition ("if", "unless", "subject to", an inverted "Had ..."), not a
    "would"."""
    if cue is None:
        return False
    inverted = inverted_condition(cue.head)
    return (cue.dep_ in CONDITION_DEPS or lemma(cue) in words("conditional", "phrase_adjectives")
            or condition_noun(cue) is not None or (inverted is not None and inverted.i == cue.i))


def condition_noun(token):
    """``token`` is the noun of "in case of" / "in the event of" (its condition follows), else None."""
    if lemma(token) not in words("conditional", "phrase_nouns") or token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    return token


def inverted_condition(verb):
    """The auxiliary that opens ``verb``'s clause as a condition by inversion, or None: "Had the troops attacked,
    the town would have fallen", "Should the talks fail, fighting will resume" (an adverbial clause whose first
    word is one of [conditional].inverting_auxiliaries, ahead of its subject). A question ("Had the troops
    attacked?") is a main clause, not an adverbial one."""
    if verb.dep_ != "advcl":
        return None
    auxiliary = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")
                      and c.lower_ in words("conditional", "inverting_auxiliaries")), None)
    if auxiliary is None or auxiliary.i != verb.left_edge.i:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return auxiliary if subjects and all(s.i > auxiliary.i for s in subjects) else None


def condition_adjective(prep):
    """The adjective of the condition phrase ``prep`` opens ("subject to approval", "conditional on a truce"), or
    None: what follows is a condition not yet met. The parse hangs the preposition on the adjective or on its
    copula ("is conditional | on a truce")."""
    if prep.lower_ not in words("conditional", "phrase_prepositions") or prep.i == 0:
        return None
    adjective = prep.doc[prep.i - 1]
    if lemma(adjective) not in words("conditional", "phrase_adjectives") or adjective.pos_ not in ("ADJ", "NOUN"):
        return None  # "were subjected to leaks" is a verb: the leaks happened
    on_adjective = prep.head.i == adjective.i
    on_copula = adjective.dep_ == "acomp" and adjective.head.i == prep.head.i
    if lemma(adjective) == "subject" and not any(
            c.dep_ == "pobj" and lemma(c) in words("conditional", "subject_to_procedures") for c in prep.children):
        return None  # "subject to repeated attacks": exposed to them, no condition
    return adjective if on_adjective or on_copula else None


# Tags of a verb form that carries tense (a finite clause: "that troops left", "that they are fighting").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_finite(verb) -> bool:
    """``verb`` heads a tensed clause (by its own tag or a tensed auxiliary), not an infinitive or bare verb."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def is_bare_verb(token) -> bool:
    """A base-form verb with no "do" support and no modal: imperative, subjunctive or a bare infinitive."""
    if token.tag_ != "VB":
        return False
    return not any(c.dep_ in ("aux", "auxpass") and (lemma(c) == "do" or c.tag_ == "MD") for c in token.children)


def is_question(token) -> bool:
    """The event's sentence asks (its last word, before a closing quote, is "?")."""
    sent = token.sent
    last = sent[-1] if sent[-1].text not in ("'", '"', "''", "”") or len(sent) < 2 else sent[-2]
    return last.text == "?"


def modal_child(token):
    """The modal auxiliary on ``token`` (could, will, would, ...) and whether a perfect "have" follows it."""
    modal = None
    perfect = False
    for child in token.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        if child.tag_ == "MD" or child.lower_ in ("ought",):
            modal = child
        elif lemma(child) == "have" and modal is not None:
            perfect = True
    return modal, perfect


def modal_class(modal) -> str | None:
    """The irrealis kind a modal auxiliary gives (modality.toml [modals]), or None."""
    lower = modal.lower_
    for kind in ("future", "possible", "conditional", "obligation"):
        if lower in words("modals", kind):
            return kind
    return None


def is_going_to(token) -> bool:
    """"is going to attack" / "is about to attack": future without a modal."""
    head = token.head
    if token.dep_ != "xcomp" or head.i == token.i:
        return False
    if lemma(head) == "go" and head.tag_ == "VBG":
        return has_to_infinitive(token)
    return False
