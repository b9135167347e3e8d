"""Event modality: did the text say the event happened, did not happen, might happen, or only that someone says so?

CODING.md keeps negated, hypothetical and future events ("did not attack", "threatened to strike", "could
strike") out of the event list, and keeps hedges ("reportedly") on the assertions. ``modality`` reads those cues
off spaCy's dependency parse around one trigger token and scores the result on the UW/MEANTIME factuality scale
(+3 certainly happened .. 0 unknown .. -3 certainly did not); ``is_event_real`` is the yes/no the event
extractor needs. The cue words and the scores live in ``rules/modality.toml``.
"""

from __future__ import annotations

from .factuality_scale import nominal_kind, score
from .implicatives import (
    denied_speech_verb, incapacity_cue, is_achieved_capacity, is_enabling, is_failed_infinitive, presupposing_verb,
)
from .irrealis import (
    condition_adjective, condition_noun, inverted_condition, is_bare_verb, is_finite, is_going_to, is_question,
    modal_child, modal_class, settle_irrealis,
)
from .modality_cues import FoundCues, Modality, span_of
from .modality_phrases import alternative_adverb, performed_purpose, privative_word, said_to_occur
from .modality_words import governor_class as _governor_class
from .modality_words import NOMINAL_POS
from .modality_words import lemma as _lemma
from .modality_words import phrasal_lemma
from .modality_words import words as _words
from .negation_scope import (
    is_focus_negation, negated_object, negated_share, negating_determiner, neither_subject, no_of_modified_noun,
    nor_of_conjunct,
)
from .parse_paths import has_to_infinitive, is_means_of

__all__ = ["Modality", "modality", "is_event_real", "is_report_of", "HYPOTHETICAL_KINDS"]

# The kinds of irrealis an event can carry; any of them keeps it out of the event list.
HYPOTHETICAL_KINDS = (
    "threat", "plan", "desire", "directive", "possible", "conditional", "counterfactual", "future",
    "obligation", "infinitive", "question",
)
# Below this factuality an event is not reported as real even without a named cue (e.g. a negated report).
REAL_SCORE_FLOOR = 0.5
# How far up the parse (complement of a complement of ...) a governing cue may sit; deeper chains are rare
# and mostly parse errors.
MAX_GOVERNOR_DEPTH = 4
# Dependency labels through which a governing word's meaning reaches its complement.
COMPLEMENT_DEPS = ("xcomp", "ccomp", "acl", "pcomp", "oprd")


def is_event_real(mood: Modality) -> bool:
    """True when the event should be reported as having happened (hedged events still count; they stay hedged)."""
    return not mood.negated and mood.hypothetical is None and mood.score >= REAL_SCORE_FLOOR


def _negation_child(token):
    """A dependent that negates ``token`` itself: not/n't/never, "no" as determiner, a "nobody" subject."""
    particles = _words("negation", "particles")
    for child in token.children:
        lower = child.lower_
        if lower in ("not", "n't") and is_focus_negation(child):
            continue  # "it was not until Tuesday that ...", "not only attacked": the event happened
        if child.dep_ == "neg" or (child.dep_ == "advmod" and lower in ("never", "not", "n't")):
            return child
        if child.dep_ == "det" and lower in _words("negation", "determiners"):
            return child
        if child.dep_ in ("nsubj", "nsubjpass") and lower in _words("negation", "subjects"):
            return child
        if child.dep_ == "preconj" and lower in particles:
            return child
        if child.dep_ == "advmod" and lower in _words("negation", "no_adverbs"):
            no_word = next((g for g in child.children if g.lower_ == "no"), None)
            if no_word is not None:
                return no_word  # "no longer fight"
        if token.pos_ in ("VERB", "AUX") and child.dep_ in NEGATED_PARTICIPANT_DEPS:
            determiner = negating_determiner(child)
            if determiner is not None:
                return determiner  # "no one was hurt", "no group has claimed it", "gave no reason"
    return None


# A verb whose subject or object is quantified by "no" did not happen: "No one was hurt", "reached no agreement".
NEGATED_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _local_cues(token, found: FoundCues, *, own: bool, governor: bool = False) -> None:
    """Cues sitting directly on ``token``: negation, modal auxiliaries, hedging adverbs/adjectives, "if".

    For a ``governor`` (a verb the event is the complement of), only its modals, hedging adverbs and "if" reach
    the event; its negation is handled by the caller.
    """
    if not governor:
        negator = _negation_child(token) or neither_subject(token) or (no_of_modified_noun(token) if own else None)
        if negator is not None:
            found.note_negation("negated", negator)  # also "Neither he nor ... could be reached", "no shots fired"
    inverted = inverted_condition(token) if own or governor else None
    if inverted is not None:
        found.note_irrealis("conditional", inverted)  # "Had the troops attacked, ...": read before its modal
    modal, perfect = modal_child(token)
    if modal is not None:
        kind = modal_class(modal)
        if perfect and kind == "conditional":
            found.note_irrealis("counterfactual", modal)
        elif perfect and modal.lower_ in _words("hedge", "epistemic_modals"):
            found.note_hedge("hedge", modal)
        elif kind is not None:
            found.note_irrealis(kind, modal)
    for child in token.children:
        lower = child.lower_
        if child.dep_ in ("advmod", "npadvmod") and lower in _words("hedge", "adverbs"):
            found.note_hedge("hedge", child)
        elif not governor and child.dep_ == "amod" and lower in _words("hedge", "adjectives"):
            found.note_hedge("hedge_noun", child)
        elif (not governor and child.dep_ == "amod" and lower in _words("prospect", "adjectives")
              and not said_to_occur(token)):
            found.note_irrealis("plan", child)  # "an expected assault", "the planned offensive"
        elif not governor and child.dep_ == "amod" and child.tag_ == "VBN" and _lemma(child) in _words(
                "governors", "negative_implicative"):
            found.note_negation("negative_implicative", child)  # "the now-cancelled deal", "a foiled attack"
        elif (own or governor) and child.dep_ == "mark" and lower in _words("conditional", "markers"):
            found.note_irrealis("conditional", child)
    if not governor and is_going_to(token):
        found.note_irrealis("future", token.head)
        negator = _negation_child(token.head)
        if negator is not None:
            found.note_negation("negated", negator)  # "are not going to attack"


def _passive_reporting_hedge(governor) -> bool:
    """"it is believed that ...", "is said to have ...": a passive reporting verb with no named source."""
    if _lemma(governor) not in _words("hedge", "passive_reporting"):
        return False
    children = list(governor.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    has_agent = any(c.dep_ == "agent" for c in children)
    return passive and not has_agent


def _walk(token, found: FoundCues) -> None:
    """Climb from the event token through complements, conjunctions and noun governors, collecting cues."""
    _local_cues(token, found, own=True)
    if found.event is None and found.negation is None:
        emptied = negated_object(token)
        if emptied is not None:
            found.note_negation("negated_object", emptied)  # "took no money", "heard nothing"
    found.event = token if found.event is None else found.event
    current = token
    for _depth in range(MAX_GOVERNOR_DEPTH):
        dep, head = current.dep_, current.head
        if head.i == current.i:
            return
        if dep == "conj":
            # "did not attack or loot": a verb sharing its subject inherits its first conjunct's cues, but not
            # across a contrast ("did not name him, but said ...")
            if any(c.dep_ == "cc" and c.lower_ in CONTRAST_CONJUNCTIONS for c in head.children):
                return
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
                _local_cues(head, found, own=True)
            nor = nor_of_conjunct(current, head)
            if nor is not None and found.negation is None:
                found.note_negation("nor", nor)  # "nor did they question him", "nor any disagreement"
            current = head
            continue
        if dep == "compound" and head.pos_ in NOMINAL_POS:
            _local_cues(head, found, own=True)  # "no takeover bids", "an alleged bomb plot": the head noun's cues
            current = head
            continue
        if dep == "pcomp" or (dep == "pobj" and head.dep_ == "prep"):
            before = len(found.cues)
            _through_preposition(current, head, found)
            if len(found.cues) == before and (current.pos_ in NOMINAL_POS or current.tag_ == "VBG"):
                _clause_irrealis(current, found)
            if len(found.cues) == before and current.tag_ == "VBG" and head.lower_ in _words(
                    "gerund", "prospective_prepositions"):
                found.cues.append("prospective")  # "the chance of rebuilding", "talk about attacking"
                found.certainty = "prospective"
            return
        if dep in ("dobj", "nsubj", "nsubjpass", "attr") and current.pos_ in ("NOUN", "PROPN", "PRON"):
            if presupposing_verb(current) is not None:
                found.cues.append("presupposed")  # "stopped the shelling": it happened, whatever is said of stopping
                return
            if denied_speech_verb(current, found.event) is not None:
                found.cues.append("presupposed")  # "denied the allegations": they were made
                return
            if not _through_noun_governor(current, head, found):
                _clause_irrealis(current, found)
                return
            current = head
            continue
        if _is_event_itself(current, found) and _note_incapacity(current, head, found):
            return
        if dep == "advcl":
            if any(c.dep_ == "mark" and c.lower_ in _words("conditional", "markers") for c in current.children):
                return  # "if" already noted on the clause itself
            if has_to_infinitive(current):
                if performed_purpose(current, head):
                    _walk_performer(head, found)  # "gathered to protest": the gathering is the protest
                    return
                found.note_irrealis("infinitive", current)  # purpose: "... to attack the town"
                return
            _propagate_modal_only(head, found)
            return
        if dep not in COMPLEMENT_DEPS:
            return
        if not _through_complement(current, head, found):
            return
        current = head


CONTRAST_CONJUNCTIONS = frozenset({"but", "yet"})
# Complements by which a naming verb says what its object is ("called it a setback"), not what it wants.
NAMING_DEPS = frozenset({"oprd", "ccomp", "attr"})


def _walk_performer(main_verb, found: FoundCues) -> None:
    """The purpose takes the gathering's own reading: real when it is, negated, hypothetical or attempted when it is
    ("did not gather to protest", "plan to march to denounce the coup", "tried to gather to protest")."""
    performer = FoundCues()
    _walk(main_verb, performer)
    found.cues.append("performed")
    if found.certainty == "certain":
        # as certain as "managed to", not a bare "to" ... unless the gathering was only tried
        performed = performer.certainty if performer.certainty != "certain" else "factive"
        found.certainty, found.certainty_cue = performed, performer.certainty_cue or main_verb
    if performer.weak_irrealis is not None and found.weak_irrealis is None:
        found.weak_irrealis = performer.weak_irrealis
        found.cues.append("clause:" + performer.weak_irrealis)
    if performer.negation is not None:
        found.note_negation(performer.negation_kind, performer.negation)
    if performer.irrealis is not None:
        found.note_irrealis(performer.irrealis, performer.irrealis_cue)
    elif performer.hedge is not None:
        found.note_hedge(performer.hedge_kind, performer.hedge)


def _note_incapacity(event, governor, found: FoundCues) -> bool:
    """"were unable to reach", "too afraid to stay", "impossible for him to enter": the event did not happen (a
    modal on the copula still reaches it: "will not be able to attend"). Returns whether it was read."""
    cue = incapacity_cue(event, governor)
    if cue is None:
        return False
    found.note_negation("unable", cue)
    _local_cues(governor.head if governor.dep_ == "acomp" else governor, found, own=False, governor=True)
    return True


def _clause_irrealis(noun, found: FoundCues) -> None:
    """An event noun inside a hypothetical clause is hypothetical too ("would open the way to war"); its verb's
    negation is not its own ("did not mention the attack"), so only irrealis and hedges are copied, unless the noun
    is an "any" one, which only a negation licenses ("did not launch any attack")."""
    verb = noun
    for _step in range(MAX_GOVERNOR_DEPTH):
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return
    clause = FoundCues()
    _walk(verb, clause)
    if clause.negation_kind == "negated" and any(
            c.dep_ == "det" and c.lower_ in _words("negation", "polarity_determiners") for c in noun.children):
        found.note_negation("negated", clause.negation)  # "there isn't any plan", "did not result in any change"
    if clause.irrealis is not None and found.weak_irrealis is None:
        found.cues.append("clause:" + clause.irrealis)
        found.weak_irrealis = clause.irrealis
    elif clause.hedge is not None:
        found.note_hedge(clause.hedge_kind, clause.hedge)


def _propagate_modal_only(head, found: FoundCues) -> None:
    modal, perfect = modal_child(head)
    if modal is not None and not perfect:
        kind = modal_class(modal)
        if kind is not None:
            found.note_irrealis(kind, modal)


def _through_preposition(token, prep, found: FoundCues) -> None:
    """"without firing", "prevented from attacking", "accused of attacking", "instead of attacking"."""
    lower = prep.lower_
    if lower in _words("negation", "prepositions"):
        found.note_negation("negative_implicative", prep)
        return
    if lower in _words("negation", "gerund_prepositions") and token.tag_ == "VBG":
        found.note_negation("negative_implicative", prep)  # "voted against sending troops"
        return
    determiner = negated_share(prep)
    if determiner is not None:
        found.note_negation("negated", determiner)  # "had no part in the attack", "played no role in it"
        return
    missing = alternative_adverb(prep) or privative_word(prep)
    if missing is not None:
        # "instead of attacking", "rather than attacking"; "a lack of fighting", "free of violence"
        found.note_negation("negative_implicative", missing)
        return
    governor = prep.head
    condition = condition_adjective(prep) or (condition_noun(governor) if lower == "of" else None)
    if condition is not None:
        found.note_irrealis("conditional", condition)  # "subject to approval", "in case of an attack": not yet met
        return
    if is_report_of(prep):
        _apply_governor("reported", governor, found)  # "a call of shots fired": someone reported them
        return
    if _is_event_itself(token, found) and is_means_of(token, governor):
        found.note_irrealis("plan", governor)  # "options for ending the siege", "a formula for withdrawal"
        return
    kind = _governor_class(governor)
    if lower == "of" and token.dep_ == "pcomp" and _lemma(governor) in _words("prospect", "clause_nouns"):
        found.note_irrealis("plan", governor)  # "the danger of his being shot at"
    elif lower in ("from",) and kind == "negative_implicative":
        found.note_negation("negative_implicative", governor)
    elif lower in ("in", "of", "to", "on") and kind == "negative_implicative" and governor.pos_ == "NOUN":
        # "a delay in delivery", "cancellation of the deal", "a ban on protests"
        found.note_negation("negative_implicative", governor)
    elif lower in ("of", "for") and kind in ("claim", "denial", "threat", "plan", "desire"):
        if kind == "claim":
            found.note_hedge("claim", governor)
        elif kind == "denial":
            found.note_negation("denial", governor)
        else:
            found.note_irrealis(kind, governor)
    elif lower in _words("prospect", "prepositions") and kind in ("threat", "plan", "desire", "directive"):
        found.note_irrealis(kind, governor)  # "asked for his return", "a reward for his capture", "pushed for talks"
    elif lower in _words("prospect", "prepositions") and kind == "attempt":
        found.cues.append("attempt")  # "attempts at seizure", "efforts toward a settlement"
        found.certainty, found.certainty_cue = "attempt", governor


def _is_event_itself(token, found: FoundCues) -> bool:
    """``token`` is the event the walk started from, or the first conjunct it joins ("options for ending the
    siege and rebuilding the town"), not a word the event only hangs below ("opportunities for work drawing")."""
    event = found.event
    while event is not None and event.dep_ == "conj" and event.head.i != event.i:
        event = event.head
    return event is not None and token.i in (event.i, found.event.i)


def is_report_of(prep) -> bool:
    """``prep`` ties an event to a noun that reports it ("a call of shots fired"), not one that wants it."""
    governor = prep.head
    return (prep.lower_ in _words("report_nouns", "prepositions") and governor.pos_ in NOMINAL_POS
            and _lemma(governor) in _words("report_nouns", "nouns"))


def _through_noun_governor(noun, verb, found: FoundCues) -> bool:
    """An event noun takes its verb's cues when the verb says whether it occurred ("did not launch an attack")."""
    lemma = _lemma(verb)
    # a passive subject is the verb's logical object ("the departure has been delayed" = delayed the departure)
    role = "subject" if noun.dep_ in ("nsubj", "attr") else "object"
    if lemma not in _words("occurrence_verbs", role) and _governor_class(verb) != "negative_implicative":
        return False
    kind = _governor_class(verb) if role == "object" else None
    if (role == "object" and phrasal_lemma(verb) in _words("negation", "epistemic_negatives")
            and _negation_child(verb) is not None):
        found.note_irrealis("possible", verb)  # "has not ruled out a ground invasion": it may happen
        return True
    if kind is not None and kind != "claim":  # "claimed the attack" claims responsibility; it hedges nothing
        _apply_governor(kind, verb, found)
    # nor does a claim's negation deny the attack: "no one has claimed the bombing" (it happened, unclaimed); its
    # modals and hedges still reach it ("could claim the attack")
    _local_cues(verb, found, own=kind != "claim", governor=kind == "claim")
    return True


def _through_complement(token, governor, found: FoundCues) -> bool:
    """Apply the governing word's class to its complement; returns whether to keep climbing."""
    kind = _governor_class(governor)
    if kind is None and _is_event_itself(token, found) and is_means_of(token, governor):
        kind = "plan"  # "the right to work", "permission to stay"
    if kind == "directive" and is_finite(token) and _lemma(governor) in _words("governors", "reported"):
        kind = "reported"  # "told reporters that troops had left" reports; "told them to leave" directs
    elif kind is not None and token.dep_ in NAMING_DEPS and _lemma(governor) in _words("naming", "verbs"):
        kind = "reported"  # "called the move a setback", "called them occupiers" name; they do not want
    elif kind == "directive" and is_enabling(governor):
        kind = "enabled"  # "helped them escape", "allowed the convoy to pass": it happened
    elif kind == "plan" and is_achieved_capacity(token, governor):
        kind = "factive"  # "were able to shoot down": like "managed to", it happened
    governor_negated = _negation_child(governor)
    if governor_negated is None and governor.dep_ == "acomp" and governor.pos_ == "ADJ":
        governor_negated = _negation_child(governor.head)  # "are not likely to change": the copula carries the "not"
    if kind == "enabled" and governor_negated is not None:
        found.note_negation("negated", governor_negated)  # "were not allowed to leave": they did not leave
        _local_cues(governor, found, own=False, governor=True)
        return True
    if kind is None:
        lemma = _lemma(governor)
        infinitive = has_to_infinitive(token)
        if lemma in _words("implicatives", "positive") or lemma == "be":
            if governor_negated is not None:
                found.note_negation("negated", governor_negated)
                governor_negated = None
        elif infinitive and token.dep_ in ("xcomp", "acl", "ccomp"):
            found.note_irrealis("infinitive", token)
            return False
        _local_cues(governor, found, own=False, governor=True)
        bare_infinitive = token.tag_ == "VB" and not infinitive and token.dep_ == "ccomp"
        if governor_negated is not None and (token.dep_ == "xcomp" or bare_infinitive):
            found.note_negation("negated", governor_negated)  # "did not let them fire"
        return True
    if kind in ("claim", "reported") and _passive_reporting_hedge(governor):
        found.note_hedge("hedge", governor)
    elif governor_negated is not None and kind in ("reported", "claim", "factive", "plan", "desire", "directive",
                                                   "threat", "attempt"):
        if kind == "factive" and _lemma(governor) in _words("implicatives", "positive"):
            found.note_negation("negated", governor_negated)
        elif kind in ("plan", "desire", "directive", "threat"):
            # "did not plan to attack": still irrealis, and what is left of it leans towards not happening; a
            # negated wish ("does not want war") says less, and both corpora's train splits keep it near 0
            found.note_irrealis(kind, governor)
            if kind != "desire":
                found.note_negation("negated", governor_negated)
        elif kind == "attempt":
            # "did not try to attack": the attempt did not happen, so neither did the event
            found.cues.append("attempt")
            found.certainty, found.certainty_cue = "attempt", governor
            found.note_negation("negated", governor_negated)
        else:
            found.cues.append("governor_negated")
            if found.irrealis is None and found.hedge is None:
                found.certainty, found.certainty_cue = "governor_negated", governor_negated
        return False
    elif kind == "negative_implicative" and found.event is not None and token.i == found.event.i \
            and is_failed_infinitive(token, governor):
        if governor_negated is None:
            found.note_negation("failed_to", governor)  # "refused to sign": it firmly did not happen
        else:
            found.cues.append("negated_implicative")  # "did not fail to notice": it did
    else:
        _apply_governor(kind, governor, found)
        if kind == "negative_implicative" and governor_negated is not None:
            # "did not stop firing", "never ceased shelling": the "not" cancels the blocker, the event happened
            found.note_negation("negated", governor_negated)
    _local_cues(governor, found, own=False, governor=True)
    return True


def _apply_governor(kind: str, governor, found: FoundCues) -> None:
    if kind == "enabled":
        found.cues.append(kind)
        if found.certainty in ("certain", "reported", "factive"):
            found.certainty, found.certainty_cue = kind, governor
    elif kind == "negative_implicative":
        found.note_negation("negative_implicative", governor)
    elif kind == "denial":
        found.note_negation("denial", governor)
    elif kind == "claim":
        found.note_hedge("claim", governor)
    elif kind in ("reported", "factive"):
        found.cues.append(kind)
        if found.certainty == "certain":
            found.certainty, found.certainty_cue = kind, governor
    elif kind == "attempt":
        found.cues.append("attempt")
        if found.certainty in ("certain", "reported", "factive"):
            found.certainty, found.certainty_cue = "attempt", governor
    else:
        found.note_irrealis(kind, governor)


# Readings a bare base-form verb does not override: "helped them escape" happened; "tried to reach the shore" is an
# attempt's open outcome (UW train: 35 such "tried / attempt to V" tokens, median 1.0 = [scores].attempt, were read
# as a bare infinitive's 1.8); "managed to escape", "continued to hold out", "were forced to use" happened (UW train:
# 19 such tokens, median 2.6, were read as 1.8).
BARE_VERB_EXEMPT = frozenset({"enabled", "attempt", "factive"})


def modality(doc, token_index: int) -> Modality:
    """Read the modality of the event whose trigger is ``doc[token_index]`` from the parse around it."""
    token = doc[token_index]
    found = FoundCues()
    _walk(token, found)
    settle_irrealis(found)
    if found.irrealis is None and is_question(token):
        found.note_irrealis("question", token.sent[-1])
    if found.irrealis is None and found.negation is None and found.certainty not in BARE_VERB_EXEMPT and is_bare_verb(
            token):
        found.cues.append("bare_verb")
        found.weak_irrealis = found.weak_irrealis or "infinitive"
    if found.certainty == "certain" and token.pos_ in NOMINAL_POS + ("ADJ",):
        found.certainty = nominal_kind(token)  # an event noun asserts less than a finite verb ("the talks")
    negated = found.negation is not None and found.irrealis is None
    # a negated modal ("will not attack") is still irrealis; the event is not reported either way
    return Modality(
        negated=found.negation is not None,
        negation=span_of([found.negation]) if found.negation is not None else None,
        hedge=span_of([found.hedge]) if found.hedge is not None else None,
        hypothetical=found.irrealis,
        hypothetical_cue=span_of([found.irrealis_cue]) if found.irrealis_cue is not None else None,
        score=score(found),
        cues=tuple(found.cues) + (("negated_irrealis",) if found.negation is not None and not negated else ()),
    )
