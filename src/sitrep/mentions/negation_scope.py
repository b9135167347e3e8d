"""Where a negation's scope is not the verb it hangs on, or reaches a conjunct the parse does not tie it to.

spaCy hangs "not" on the verb, so "It was not until Tuesday that the ministry revealed the attack" and "They did
not only attack the base" read as negated events, although the negation only denies an earlier time ("not
until") or an exclusive reading ("not only"): the event happened. And "nor" negates the conjunct it introduces
("did not arrest him, nor did they question him"; "no protest, nor any disagreement") even when that conjunct has
its own subject. Two more places the parse hides a negation: a "neither ... nor" subject ("Neither he nor his
lawyer could be reached") and a "no" on the noun a participle or adjective describes ("no shots fired", "no trip
planned", "nothing preventing the sale").
And a verb whose object is "no X" or "nothing" ("took no money", "heard nothing") is itself negated: nothing was
taken, and "had no part in the attack" denies the event its share. The focus words, negative determiners and
pronouns are modality.toml's [negation] lists.
"""

from __future__ import annotations

from .modality_words import NOMINAL_POS, lemma, words

__all__ = ["is_focus_negation", "nor_of_conjunct", "neither_subject", "no_of_modified_noun", "negated_object",
           "negating_determiner", "negated_share"]

NOR = "nor"


def is_focus_negation(negator) -> bool:
    """``negator`` ("not") denies the word after it, not the event: "not until Tuesday", "not only attacked"."""
    following = negator.nbor(1) if negator.i + 1 < len(negator.doc) else None
    return following is not None and following.lower_ in words("negation", "focus_words")


def nor_of_conjunct(conjunct, first):
    """The "nor" that joins ``conjunct`` to the ``first`` conjunct ("... , nor did they question him"), or None."""
    for holder in (conjunct, first):
        for child in holder.children:
            if child.dep_ in ("cc", "preconj") and child.lower_ == NOR and (holder is first) == (child.i < conjunct.i):
                return child
    return None


NEITHER = "neither"
PARTICIPLE_DEPS = frozenset({"acl", "amod"})


def neither_subject(verb):
    """The "neither" of ``verb``'s subject ("Neither he nor his lawyer could be reached"), or None."""
    for subject in verb.children:
        if subject.dep_ in ("nsubj", "nsubjpass"):
            for child in subject.children:
                if child.dep_ == "preconj" and child.lower_ == NEITHER:
                    return child
    return None


# Tags of a word that describes the noun it modifies as an event's participant: "no shots fired", "nothing
# preventing it", "no unsettled problems".
MODIFIER_TAGS = frozenset({"VBN", "VBG", "JJ"})


def no_of_modified_noun(modifier):
    """The "no" on the noun a participle or adjective describes ("no shots fired", "no casualties reported", "no
    unsettled problems"), or the negative pronoun itself ("nothing preventing the sale"), or None."""
    if modifier.tag_ not in MODIFIER_TAGS or modifier.dep_ not in PARTICIPLE_DEPS or modifier.head.i == modifier.i:
        return None
    head = modifier.head
    if head.lower_ in words("negation", "object_pronouns"):
        return head
    return negating_determiner(head)


# The roles by which a verb's object is what the verb did (or had): "took no money", "reached no agreement".
OBJECT_DEPS = frozenset({"dobj", "attr", "dative"})
# "There is no task": a copula's attribute names no event of the copula's own.
COPULA = "be"


def negated_object(verb):
    """The "no" / "nothing" that empties ``verb``'s object ("took no money", "heard nothing", "has reached no
    agreement"), or None: the verb's event did not happen (with that object), whatever its subject did else."""
    if verb.pos_ not in ("VERB", "AUX") or lemma(verb) == COPULA:
        return None
    for child in verb.children:
        if child.dep_ not in OBJECT_DEPS:
            continue
        if child.lower_ in words("negation", "object_pronouns"):
            return child
        determiner = negating_determiner(child)
        if determiner is not None:
            return determiner
    return None


def negating_determiner(participant):
    """The "no"/"neither" on a participant ("no one", "no successor", "neither side"), or the "not" of "not one
    shot" / "not a single person" (a "not" before "all" or "every" denies only the whole: "not all residents
    fled"), or None."""
    determiner = next((c for c in participant.children
                       if c.dep_ == "det" and c.lower_ in words("negation", "determiners")), None)
    if determiner is not None:
        return determiner
    for count in participant.children:
        if count.dep_ not in ("nummod", "amod") or count.lower_ not in words("negation", "single_quantifiers"):
            continue
        if any(c.dep_ in ("cc", "conj") for c in count.children):
            continue  # "not one but two bombs"
        # the parser hangs the "not" on the noun ("not a single person") or on the number ("not one shot")
        negator = next((c for holder in (participant, count) for c in holder.children
                        if c.dep_ == "neg" and c.lower_ == "not"), None)
        if negator is not None and not any(t.lower_ in words("negation", "focus_words")
                                           for t in negator.doc[negator.i + 1:count.i]):
            return negator  # ("not just one shot", "not only one": more than one, no denial)
    return None


def negated_share(prep):
    """The "no" of "no part in" / "played no role in": the event's share is denied, whether the parse hangs the
    preposition on the noun or on its verb."""
    holder = prep.head
    if holder.pos_ in NOMINAL_POS:
        # "no part in", "no sign of" deny the event; "no details about", "no reason for", "no response to" do not
        if prep.lower_ not in words("negation", "share_prepositions"):
            return None
        return negating_determiner(holder)
    if prep.lower_ == "in" and holder.pos_ == "VERB":
        share = next((c for c in holder.children if c.dep_ == "dobj"), None)
        return negating_determiner(share) if share is not None else None
    return None
