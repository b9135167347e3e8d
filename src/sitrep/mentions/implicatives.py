"""What a negative implicative says about the event it governs: firmly not ("refused to sign") or already there
("stopped the shelling").

``modality`` reads every verb of the "fail / refuse / stop / prevent" family as one negative cue. The two places
where that reading is wrong or too weak are told apart here, from the word lists in ``rules/implicatives.toml``:

- an infinitive under a verb that entails its complement did not happen ("refused to sign the deal", "failed to
  appear"): a firm negation, not a weak one;
- an event noun that is the object of a change-of-state verb ("stopped the shelling", "rejected the proposal",
  "the talks were suspended"): the event is presupposed to have happened, so neither the verb nor anything above
  it ("failed to stop the attack") negates it;
- a complement of a verb of letting or helping that did its work ("helped them escape", "allowed the convoy to
  pass"): it happened, where "will help them escape" only permits it;
- a "to" complement of a negated or excessive capacity ("was not able to leave", "unable to reach", "too afraid to
  stay", "not enough to raise"): it did not happen.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from .modality_words import NOMINAL_POS, lemma, phrasal_lemma
from .negation_scope import is_focus_negation
from .parse_paths import has_to_infinitive, with_copula

__all__ = ["is_failed_infinitive", "presupposing_verb", "denied_speech_verb", "is_enabling", "incapacity_cue",
           "is_achieved_capacity"]

# Dependency labels by which an event noun is the thing a verb acts on ("stopped the attack", "the attack was
# halted").
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
# Determiners that make a noun no particular event ("stopped any attack"); a bare noun ("stopped kidnapping",
# "rejected proposals") names an activity, not one event, and UW's train split scores it near 0.6, not +3.
NON_SPECIFIC_DETERMINERS = frozenset({"any", "no", "every", "each", "all", "neither"})
# Tags of a tensed auxiliary ("was allowed", "has helped"); a modal one ("will help") is ruled out before.
FINITE_AUX_TAGS = frozenset({"VBD", "VBZ", "VBP"})


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    with resources.files("sitrep.rules").joinpath("implicatives.toml").open("rb") as handle:
        return tomllib.load(handle)


@functools.lru_cache(maxsize=None)
def _words(section: str, key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _rules()[section][key])


def is_failed_infinitive(token, governor) -> bool:
    """``token`` is the "to" complement of a word that entails it did not happen ("refused to sign")."""
    if governor.i == token.i or token.head.i != governor.i:
        return False
    if not has_to_infinitive(token):
        return False
    return lemma(governor) in _words("infinitive", "words")


def presupposing_verb(noun):
    """The verb that presupposes the event noun ``noun`` happened ("stopped the shelling"), or None."""
    verb = noun.head
    if noun.pos_ not in NOMINAL_POS or noun.dep_ not in OBJECT_DEPS or verb.i == noun.i or verb.pos_ != "VERB":
        return None
    if not _is_particular(noun):
        return None
    presupposing = _words("presupposed_object", "verbs")
    return verb if phrasal_lemma(verb) in presupposing or lemma(verb) in presupposing else None


def denied_speech_verb(noun, event):
    """The verb that denies what the speech-act noun ``noun`` says but not that it was said ("denied the
    allegations", "rejected reports"), when ``event`` is that noun or a participle describing it ("accusations made
    by his brother"); None otherwise, and for what the noun reports ("reports that troops attacked")."""
    verb = noun.head
    if noun.pos_ not in NOMINAL_POS or noun.dep_ not in OBJECT_DEPS or verb.i == noun.i:
        return None
    if lemma(noun) not in _words("denied_speech", "nouns") or lemma(verb) not in _words("denied_speech", "verbs"):
        return None
    describes = event.dep_ == "acl" and event.tag_ == "VBN" and event.head.i == noun.i and not any(
        c.dep_ in ("aux", "auxpass") for c in event.children)
    return verb if event.i == noun.i or describes else None


def _is_particular(noun) -> bool:
    """A noun with an article, demonstrative or possessive names one event ("the shelling", "its offensive")."""
    return any((c.dep_ == "det" and c.lower_ not in NON_SPECIFIC_DETERMINERS) or c.dep_ == "poss"
               for c in noun.children)


def is_enabling(governor) -> bool:
    """``governor`` lets or helps its complement happen and did so ("helped", "allows", "was allowed"); not a
    modal, infinitive or headline one ("will help", "are to be allowed", "Boeing allowed to bid")."""
    if lemma(governor) not in _words("enabling", "verbs") or governor.tag_.lower() not in _words("enabling", "tags"):
        return False
    auxiliaries = [c for c in governor.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxiliaries):
        return False
    if governor.tag_ == "VBN":
        return any(c.tag_ in FINITE_AUX_TAGS for c in auxiliaries)  # "was allowed to leave"
    # an active one names whom it lets ("allowed the convoy to pass", "helped them escape"); without that it is
    # a headline's passive ("Boeing allowed to bid")
    return any(c.dep_ in ("dobj", "dative") for c in governor.children) or any(
        g.dep_ in ("nsubj", "nsubjpass") for c in governor.children if c.dep_ in ("ccomp", "xcomp") for g in c.children)


# Dependency labels of an infinitive that a capacity adjective governs ("unable to reach", "making it impossible
# for him to enter").
CAPACITY_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl", "acl", "ccomp"})


def incapacity_cue(token, governor):
    """The word that says ``token``, a "to" complement of ``governor``, could not happen ("not" of "was not able
    to", "unable", "too" of "too afraid to", "not" of "not enough to"), or None."""
    if governor.i == token.i or token.head.i != governor.i or token.dep_ not in CAPACITY_COMPLEMENT_DEPS:
        return None
    if not has_to_infinitive(token):
        return None
    if _impersonal(governor) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None  # "it is too early to say", "it's not enough to argue": a judgement, not an outcome
    if _is_idiom(token):
        return None  # "too few to begin with": an idiom, no event
    word = lemma(governor)
    if word in _words("capacity", "unable"):
        return governor
    # "too afraid to stay": "too" before an adjective or adverb ("came too, to fight" is "also")
    excess = next((c for c in governor.children if c.dep_ == "advmod" and c.lower_ in _words("capacity", "excess")
                   and c.i < governor.i and governor.pos_ in ("ADJ", "ADV")), None)
    if excess is not None:
        return excess
    if word in _words("capacity", "able") or word in _words("capacity", "sufficiency"):
        return _negation_on(governor)
    return None


def is_achieved_capacity(token, governor) -> bool:
    """``token`` is the "to" complement of "was / were / had been able to" with no negation and no modal: a past
    ability used is an outcome ("Rebels were able to shoot down a helicopter": they did; the actuality entailment
    of past ability), where "are able to strike" and "will be able to" only say what could happen."""
    if token.head.i != governor.i or token.dep_ != "xcomp" or not has_to_infinitive(token):
        return False
    if lemma(governor) not in _words("capacity", "achieved") or governor.dep_ != "acomp":
        return False
    copula = governor.head
    if _negation_on(governor) is not None or any(c.tag_ == "MD" for c in copula.children):
        return False
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in copula.children)
    return copula.tag_ == "VBD" or (perfect and copula.tag_ == "VBN")


def _negation_on(adjective):
    """A "not" / "never" on ``adjective`` or on the copula it completes ("has not been able to"); not the "not" of
    "not only able to capture the city but ..." (negation_scope.is_focus_negation: it was able)."""
    holders = with_copula(adjective)
    return next((c for holder in holders for c in holder.children
                 if (c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")) and not is_focus_negation(c)),
                None)


def _is_idiom(complement) -> bool:
    """"to begin with", "to start with": a verb of [capacity].idiom_verbs with a bare "with" is a set phrase."""
    return lemma(complement) in _words("capacity", "idiom_verbs") and any(
        c.dep_ == "prep" and c.lower_ == "with" and not list(c.children) for c in complement.children)


# Subjects of an impersonal judgement ("it is too early to say"): no one's capacity is in question.
IMPERSONAL_SUBJECTS = frozenset({"it", "this", "that"})


def _impersonal(adjective) -> bool:
    """The adjective (or its copula) has an "it" subject: "it is too early to", "it's not enough to"."""
    holders = with_copula(adjective)
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ in IMPERSONAL_SUBJECTS for holder in holders
               for c in holder.children)
