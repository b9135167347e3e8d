"""Is a trigger a reported event? Negated, hypothetical, future and generic mentions are not (CODING.md).

``modality`` reads the parse for negation, hedges and irrealis; this module adds what makes a mention
generic rather than one event ("any attack", "a battle ... would be catastrophic", "fled fighting",
"has been fighting rival groups") and narrows negation to the trigger's own (on it, or on its subject or object:
"No one was kidnapped", "took no hostages"): "did not confirm the claim to have shot down" negates the
confirmation, not the shooting.
"""

from __future__ import annotations

from .modality import is_report_of, modality
from .parse_paths import has_to_infinitive, with_copula

NON_SPECIFIC_DETERMINERS = frozenset({"any", "no", "every", "each"})
MODAL_WORDS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "must", "can"})
# Verbs whose object or subject event is wanted, feared or fled rather than reported as having happened.
NON_EVENT_GOVERNORS = frozenset(
    {"urge", "call", "agree", "seek", "demand", "plan", "prepare", "threaten", "warn", "vow", "fear", "prevent",
     "avoid", "risk", "flee", "escape", "negotiate"}
)


# Subjects that sum up a conflict rather than act in one event.
AGGREGATE_SUBJECTS = frozenset({"violence", "insurgency", "conflict", "war", "crisis", "unrest", "fighting",
                                "campaign", "rebellion", "uprising"})


def is_reported_event(doc, token_index: int) -> bool:
    """True when the trigger at ``token_index`` reports one event that happened."""
    token = doc[token_index]
    mood = modality(doc, token_index)
    if mood.hypothetical is not None and not _reporting_not_directive(token, mood):
        return False
    # a denial stays an event: its status is "denied" or "disputed" (CODING.md), so only a denial on the trigger
    # itself ("no attack took place") keeps it out
    through_governor = DENIAL_CUE not in mood.cues
    if mood.negated and mood.negation is not None and _negates_trigger(token, mood.negation, through_governor):
        return False
    if token.pos_ in ("NOUN", "PROPN"):
        return not _generic_noun(token)
    return not _habitual_verb(token) and not _aggregate_subject(token)


# The participants whose "no" empties the trigger's own event: "No one was kidnapped", "no shots were fired",
# "took no hostages" (modality reads these; negation_scope.negated_object for the object).
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative"})


# Labels by which a trigger is the complement of the word that acts on it: "refused to attack", "were unable to
# seize", "prevented the crowd from marching", "without firing a shot" (through its preposition), "did not manage
# to capture".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj"})
# The cue modality records for a denying governor ("denied that troops shot ...").
DENIAL_CUE = "denial"


def _negates_trigger(token, negation, through_governor: bool = True) -> bool:
    """The negation modality found sits on the trigger, on one of its dependents, on its subject or object ("No one
    was kidnapped"), or on the word the trigger is the complement of or that word's "not" ("failed to capture",
    "were unable to seize", "did not manage to capture"); not on a verb further up ("did not confirm the claim to
    have shot down")."""
    participants = [c for c in token.children if c.dep_ in PARTICIPANT_DEPS]
    own = [token, *token.children, *(g for p in participants for g in p.children)]
    governor = _complement_governor(token) if through_governor else None
    if governor is not None:
        holders = with_copula(governor)  # "were | unable to"
        own += [*holders, *(c for holder in holders for c in holder.children)]
    return any(t.idx == negation.start for t in own)


def _complement_governor(token):
    """The word ``token`` is the complement of ("refused" of "refused to attack", "prevented" of "prevented them
    from marching"), or None."""
    if token.dep_ not in COMPLEMENT_DEPS or token.head.i == token.i:
        return None
    head = token.head
    if token.dep_ in ("pcomp", "pobj"):
        return head.head if head.dep_ == "prep" and head.head.i != head.i else None
    return head


def _reporting_not_directive(token, mood) -> bool:
    """"A police source told Global Wire" reports; only "told them to attack" directs."""
    if mood.hypothetical != "directive":
        return False
    return token.dep_ != "xcomp" and not has_to_infinitive(token)


def _generic_noun(token) -> bool:
    if any(c.dep_ == "det" and c.lower_ in NON_SPECIFIC_DETERMINERS for c in token.children):
        return True
    if token.tag_ == "NNS" and token.dep_ in ("pobj", "dobj") and not list(token.children) and not _counted(token):
        return True  # "responding to attacks", "used landmines": a bare plural object names no one event
    governor = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and governor.i != token.i:
        verb = governor.head if token.dep_ == "pobj" else governor
        if any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in verb.children):
            return True
        if verb.lemma_.lower() in NON_EVENT_GOVERNORS and not (token.dep_ == "pobj" and is_report_of(governor)):
            return True  # "called for a truce" wants it; "a call of shots fired" reports them
    return False


CROWD_QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "crowds", "groups", "hundred",
                              "thousand", "dozen"})


def _counted(token) -> bool:
    """"thousands of protesters", "hundreds of demonstrators": a counted crowd is a particular crowd."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and (
        token.head.head.lower_ in CROWD_QUANTITIES or token.head.head.pos_ == "NUM")


def _aggregate_subject(token) -> bool:
    """"The insurgency has killed thousands since 2017": a toll of a whole conflict, not one event."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in AGGREGATE_SUBJECTS for c in token.children)


def _habitual_verb(token) -> bool:
    """"has been fighting rival groups for years": an ongoing activity, not one event."""
    if token.tag_ != "VBG":
        return False
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    return "been" in auxiliaries and bool(auxiliaries & {"has", "have", "had"})
