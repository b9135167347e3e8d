"""The event's ACLED sub-event type: the main trigger's, refined from the evidence sentences (assemble calls it).

The parse around a trigger (mentions.subtypes) knows who was hit; the cue classifier (mentions.typing) reads the
words the trigger leaves out (tear gas, a roadside bomb, chlorine). Protests and violence named only by a generic
word ("attack", "fighting", "killed") are retyped by the classifier, within limits: the parse's reading of the
sides wins where the classifier only counts words ("gunmen fired on villagers" stays an Attack; "attacking a market
and a military base" stays an Armed clash).
"""

from __future__ import annotations

from .mentions.lexicon import trigger_rank
from .mentions.subtypes import ARMED_INTER_CODES, hit_parties
from .mentions.typing import classify_sub_event, has_strong_cue
from .model import EVENT_TYPES, Mention

__all__ = ["refined_type", "type_rule", "GENERIC_TRIGGER_RANK", "PROTEST_FAMILY_TYPES"]

GENERIC_TRIGGER_RANK = 2  # triggers at or below this rank ("attack", "fighting", "killed") say little of how
PROTEST_FAMILY_TYPES = frozenset({"Excessive force against protesters", "Protest with intervention", "Peaceful protest",
                                  "Violent demonstration", "Mob violence"})
# Types the cue classifier may give a violent event named by a generic word; a change of territory needs its
# own trigger ("recaptured", "seized the town"), not a cue word somewhere in the evidence.
VIOLENCE_FAMILY_TYPES = frozenset(
    sub for top in ("Battles", "Explosions/Remote violence", "Violence against civilians") for sub in EVENT_TYPES[top]
) - {"Government regains territory", "Non-state actor overtakes territory"}


# Types that win over any weapon the trigger names, when the evidence speaks of them.
OVERRIDING_TYPES = frozenset({"Chemical weapon"})


def refined_type(family: str, main: Mention, mentions: list[Mention]) -> str:
    """For protests, and for violence named only by a generic word, let the cue classifier read the sentences.

    The trigger says "protesters" or "attack"; whether police fired on the crowd, the crowd torched a building
    or a roadside bomb did it is said elsewhere in the evidence.
    """
    rank = trigger_rank(main.rule.split(":", 1)[-1])
    if family == "protest":
        allowed = PROTEST_FAMILY_TYPES
    elif family == "violence" and rank <= GENERIC_TRIGGER_RANK:
        allowed = VIOLENCE_FAMILY_TYPES
    elif family == "violence":
        allowed = OVERRIDING_TYPES  # "a chlorine bomb", "shells ... poisonous gas": ACLED's precedence
    else:
        return main.sub_event_type
    text = " ".join(dict.fromkeys(m.sentence.text for m in mentions))
    if allowed is OVERRIDING_TYPES and not any(has_strong_cue(text, t) for t in OVERRIDING_TYPES):
        return main.sub_event_type  # the full classifier only when an overriding type is named at all
    guess, _score = classify_sub_event(text)
    if guess == "Peaceful protest" and main.sub_event_type != guess:
        return main.sub_event_type  # the parse found force used on the crowd; a "peaceful" cue does not undo it
    if guess == "Armed clash" and main.sub_event_type == "Attack" and civilians_on_receiving_end(mentions):
        return main.sub_event_type  # "gunmen fired on villagers": the cue words of fighting, but civilians hit
    if guess == "Armed clash" and main.sub_event_type == "Mob violence":
        return main.sub_event_type  # "30 people were fighting": the parse found civilians fighting, no armed side
    if guess == "Attack" and main.sub_event_type == "Armed clash":
        # the parse found an armed side on the receiving end ("attacking a market and a military base", "killing
        # three policemen"); civilians killed beside it do not undo the clash, which ACLED's precedence puts first
        return main.sub_event_type
    return guess if guess in allowed else main.sub_event_type


def civilians_on_receiving_end(mentions: list[Mention]) -> bool:
    """Civilians are named as the ones hit, and no armed party is (a party the sentence only names, as in
    "..., according to police", is the source, not one hit)."""
    hit = [a for m in mentions for a in hit_parties(m.actors)]
    return any(a.kind == "civilians" for a in hit) and not any(a.inter in ARMED_INTER_CODES for a in hit)


def type_rule(main: Mention, sub_event_type: str) -> str:
    """The rule behind the type: the trigger's, or the trigger's refined by the cue classifier."""
    return main.rule if sub_event_type == main.sub_event_type else f"{main.rule}+cue-classifier"
