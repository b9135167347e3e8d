"""Phrases around an event word that decide whether it happened, read as small predicates over the parse.

``modality`` walks up from the event word and asks these: whether a preposition introduces a missing event ("a
lack of fighting") or the alternative not taken ("instead of negotiating"), whether an event an adjective put
ahead ("the planned attack") is then said to have happened ("was carried out"), and whether a purpose is carried out
by the gathering it is the purpose of ("gathered to protest"). Word lists: rules/modality.toml [privatives],
[negation] and [purpose].
"""

from __future__ import annotations

from .modality_words import governor_class, lemma, rules, words

__all__ = ["privative_word", "alternative_adverb", "said_to_occur", "performed_purpose"]

# Parts of speech a privative word must have: the noun "lack", the adjective "free" (not the verb "freed").
PRIVATIVE_POS = {"nouns": "NOUN", "adjectives": "ADJ"}
# Determiners of a definite, already-known event: "free from the siege" is past it, "free from violence" has none.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Verbs saying an event happened when it is their object or passive subject: the occurrence verbs whose own class
# is none, or factive ("carried out the planned attack", "the offensive was launched"; not "postponed", "planned").
OCCURRING_CLASSES = (None, "factive")


def privative_word(prep):
    """The word that makes ``prep``'s object a missing event, or None: "a lack of fighting", "in the absence of a
    ceasefire", "free of violence", "short of war" ([privatives]: each word with its prepositions). An adjective's
    definite object is one it is past, not one that is missing ("freed from the siege", "free from the siege")."""
    governor = prep.head
    table = rules()["privatives"]
    word = lemma(governor)
    if prep.lower_ not in table["prepositions"].get(word, ()):
        return None
    kind = next((kind for kind, pos in PRIVATIVE_POS.items() if word in table[kind] and governor.pos_ == pos), None)
    if kind is None:
        return None
    event = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if kind == "adjectives" and event is not None and _definite(event):
        return None
    return governor


def _definite(noun) -> bool:
    return any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in noun.children)


def alternative_adverb(prep):
    """The "instead" / "rather" that makes ``prep`` introduce the alternative not taken: the preposition itself
    (the parser may read "instead" as one), hung on it ("Instead of negotiating", "Rather than attacking": of <-
    instead, than <- rather) or holding it; None else. ("talks rather than war", where the parser makes "than" a
    conjunction, is not read.)"""
    adverbs = words("negation", "alternative_adverbs")
    if prep.lower_ in adverbs:
        return prep
    if prep.lower_ not in words("negation", "alternative_prepositions"):
        return None
    if prep.head.lower_ in adverbs:
        return prep.head
    return next((child for child in prep.children if child.dep_ == "advmod" and child.lower_ in adverbs), None)


def said_to_occur(noun) -> bool:
    """``noun`` is said to have happened by the verb it hangs on, so an adjective that put it ahead ("planned",
    "expected") no longer does: the subject of an occurrence verb ("the expected assault began at dawn"), the
    object or passive subject of one that carries an event out ("carried out a planned attack", "the long-planned
    offensive was launched"), or the subject of an outcome verb in the past ("the planned attack killed 20")."""
    verb = noun.head
    if noun.dep_ == "nsubj" and lemma(verb) in words("occurrence_verbs", "subject"):
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and lemma(verb) in words("occurrence_verbs", "object"):
        return governor_class(verb) in OCCURRING_CLASSES
    return (noun.dep_ == "nsubj" and lemma(verb) in words("purpose", "outcome_verbs")
            and (verb.tag_ == "VBD" or any(lemma(c) == "have" and c.dep_ == "aux" for c in verb.children)))


def performed_purpose(purpose, main_verb) -> bool:
    """``purpose`` ("to protest") is carried out by the act of ``main_verb`` ("gathered", "took to the streets")."""
    return (lemma(purpose) in words("purpose", "performed_purposes")
            and lemma(main_verb) in words("purpose", "performing_verbs"))
