"""ACLED's sub-event distinctions that a trigger word cannot make alone, read from the parse around it.

A trigger says "captured", "attack", "protesters" or "seized"; who took the town, whether the attack hit a base,
whether force was used on the crowd and whether the arms were used or found decide the sub-event type. The
extract stage (``mentions``) calls these on each sentence's triggers and on each mention it builds.
"""

from __future__ import annotations

import re

from ..doc_text import text_of
from .lexicon import word_list
from .triggers import DISRUPTABLE_TYPES, TriggerMatch

# Rule prefix of actors the parse did not tie to the trigger directly (named elsewhere in the sentence, or the
# speaker behind "its jets"): kept as parties, but not used to keep mentions apart when merging.
SENTENCE_PARTY = "sentence-party:"
PROTEST_INTERVENTION_WORDS = frozenset("tear gas teargas disperse dispersed water cannon rubber bullets baton arrested".split())
MOB_KINDS = frozenset({"civilians", "rioters"})
VICTIM_CIVILIAN_KINDS = frozenset({"civilians", "protesters"})
# ACLED inter codes of armed parties (state forces, rebels, political and identity militias, external forces).
ARMED_INTER_CODES = frozenset({1, 2, 3, 4, 8})
# Keys of triggers.py's arms-seized triggers (a seizing verb, or a weapon found or seized).
SEIZURE_KEY_PREFIXES = ("seize ", "seized ")


def seizures_filtered(doc, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """Arms seized in a sentence that reports another event ("killed 25 soldiers and seized weapons",
    "detained 14 and seized rifles") are a detail of that event and dropped; a raid or an operation whose only
    outcome is the seizure ("weapons were seized during the raids") is the seizure, ACLED's Disrupted weapons use.
    """
    seizures = [t for t in triggers if t.rule.key.startswith(SEIZURE_KEY_PREFIXES)]
    if not seizures:
        return triggers
    # the rest of a seized list ("seized two landmines, two explosive devices, grenades ...") is seized too,
    # but not a weapon used in another clause of the sentence ("... after a bomb blast killed four")
    seized = _seized_region(doc, seizures)
    others = [t for t in triggers if t not in seizures and not (
        t.head in seized and doc[t.head].pos_ in ("NOUN", "PROPN") and t.sub_event_type in DISRUPTABLE_TYPES)]
    searches = [t for t in others if t.rule.key in SEARCH_TRIGGERS]
    if others and len(searches) == len(others):
        return seizures
    return others if others else seizures


# Dependents of a seizing verb that hold the things seized ("seized two landmines, two devices ...").
SEIZED_DEPS = frozenset({"dobj", "nsubjpass", "npadvmod", "appos", "attr", "obj"})


def _seized_region(doc, seizures: list[TriggerMatch]) -> set[int]:
    """Token indices of what the seizing verbs took: their objects' subtrees (not their clauses or conjuncts)."""
    region: set[int] = set()
    for trigger in seizures:
        head = doc[trigger.head]
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        region.update(t.i for c in verb.children if c.dep_ in SEIZED_DEPS for t in c.subtree)
        region.add(head.i)
    return region


# How many steps up the parse a motive word may govern a trigger from ("rumours spread that ... had been abducted").
MOTIVE_HOPS = 3


def told_as_motive(head) -> bool:
    """The trigger sits in a clause that tells why others acted (word_lists motive_words): "after rumours spread
    that a villager had been abducted", "on suspicion of kidnapping". The act is hearsay given as a motive; the act
    the sentence reports types the event."""
    node = head
    for _ in range(MOTIVE_HOPS):
        if node.head.i == node.i:
            return False
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.lower_ in word_list("motive_words") or any(c.lower_ in word_list("motive_words") for c in subjects):
            return True
    return False


def main_trigger(cluster: list[TriggerMatch], doc) -> TriggerMatch:
    """The trigger that types a sentence's event: a change of territory first, then the most specific (highest
    rank), then the first; a trigger told only as a motive ("rumours that a villager had been abducted") yields to
    the act the sentence reports."""
    reported = [t for t in cluster if not told_as_motive(doc[t.head])] or cluster
    return max(reported, key=lambda t: (t.rule.event_class == "territory", t.rule.rank, -t.start))


def sub_event_type_of(main: TriggerMatch, family: str, cluster, actors, fatalities, doc) -> str:
    """The main trigger's type, refined by who did what to whom (ACLED's definitions)."""
    sub_event_type = main.sub_event_type
    words = {t.lower_ for trigger in cluster for t in doc[trigger.head].sent}
    if family == "protest":
        violent = [t for t in cluster if t.rule.event_class in ("violence", "aircraft")]
        riot = [t for t in cluster if t.rule.sub_event_type in ("Violent demonstration", "Mob violence")]
        if riot:
            return max(riot, key=lambda t: t.rule.rank).sub_event_type
        if violent and fatalities is not None:
            return "Excessive force against protesters"
        if words & PROTEST_INTERVENTION_WORDS or any(t.rule.event_class == "arrest" for t in cluster):
            return "Protest with intervention"
        if any(doc[t.head].lemma_.lower() == "clash" for t in violent):
            return "Violent demonstration"  # "police clashed with protesters": both sides used force
        if violent:
            return "Protest with intervention"  # "police attacked the human chain", no one killed
        return "Peaceful protest"
    if main.rule.event_class == "territory" and PEACEFUL_TAKEOVER.search(doc[main.head].sent.text):
        return "Non-violent transfer of territory"  # "took control of the towns without any armed clashes"
    if sub_event_type in TERRITORY_TYPES:
        return _territory_side(sub_event_type, _taker_kind(doc[main.head], actors))
    if sub_event_type in ("Attack", "Armed clash"):
        attackers = [a for a in actors if a.role == "actor1" and not a.rule.startswith(SENTENCE_PARTY)]
        mutual = doc[main.head].lemma_.lower() in word_list("mutual_fight_lemmas")
        if attackers and all(a.kind in MOB_KINDS for a in attackers) and (mutual or any(_crowd(a) for a in attackers)):
            return "Mob violence"  # residents or villagers fighting: a violent crowd, not an armed group
    if sub_event_type == "Attack":
        if fatalities is not None and fighters_killed(fatalities):
            return "Armed clash"  # "troops killed 25 militants": the dead were fighters
        if _military_target(doc[main.head]):
            return "Armed clash"  # an attack on a base, a checkpoint or a convoy is fought with armed forces
        if _armed_side_hit(actors):
            return "Armed clash"
    if sub_event_type == "Armed clash" and main.rule.rank <= AMBUSH_RANK and _civilians_only_hit(doc[main.head], actors):
        return "Attack"  # "armed men ambushed a lorry, killing the driver and two passengers": civilians, no fight
    return sub_event_type


def _crowd(actor) -> bool:
    """The civilian attackers are a crowd or a community ("villagers", "an angry mob"), not individuals who shot
    ("two people opened fire", "multiple people"): only a crowd makes a one-sided act ACLED's Mob violence (civilians
    fighting each other, "people clashed", stay a mob's brawl, never an armed clash)."""
    if actor.kind == "rioters":
        return True
    words = set(re.findall(r"[a-z-]+", actor.text.text.lower())) if actor.text is not None else set()
    return bool(words & set(word_list("mob_words")))


RECEIVING_ROLES = ("actor2", "target")


def hit_parties(actors) -> list:
    """The actors on the receiving end that the act itself reaches: a party the sentence only names beside it
    ("..., according to police", "told police", "officers were called to the shooting") is the source or a
    responder, not one hit."""
    return [a for a in actors if a.role in RECEIVING_ROLES and not a.rule.startswith(SENTENCE_PARTY)]


def _armed_side_hit(actors) -> bool:
    """The trigger's own object is an armed party and no civilian is ("gunmen shot two policemen", "an attack on
    the troops"): the other side of an armed clash. Parties the sentence only names beside the act ("..., according
    to police", "told police", "officers were called to the shooting") are the source or the responders, not a side
    that was fought, so they do not make a shooting of a boy an armed clash."""
    victims = [a for a in hit_parties(actors) if a.role == "actor2"]
    return bool(victims) and all(a.kind not in VICTIM_CIVILIAN_KINDS for a in victims) and any(
        a.inter in ARMED_INTER_CODES for a in victims)


# Generic violence triggers ("attack", "ambush", "fire", "kill") at or below this rank are typed by their victims.
AMBUSH_RANK = 5


def _civilians_only_hit(head, actors) -> bool:
    """Every party on the receiving end is civilian: actor2s of the civilians kind, or a civilian thing or
    people as the trigger's object ("attacked villages", "ambushed a commercial lorry"), and no armed party."""
    if head.lemma_.lower() in word_list("mutual_fight_lemmas"):
        return False  # "fighting between X and Y killed five people": both sides fought
    # a party the sentence only names on the receiving side ("..., according to police", "told police") is the
    # source or a responder, not one hit: it neither blocks nor counts as a second armed side
    actors = [a for a in actors if a.role not in RECEIVING_ROLES] + hit_parties(actors)
    victims = [a for a in actors if a.role in RECEIVING_ROLES]
    if any(a.kind not in VICTIM_CIVILIAN_KINDS for a in victims):
        return False
    if len({a.name for a in actors if a.inter in ARMED_INTER_CODES}) >= 2:
        return False
    if victims:
        return True
    targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
                for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in word_list("civilian_target_words") for t in targets)


def fighters_killed(fatalities) -> bool:
    """The death figure's phrase names fighters ("25 militants", "three soldiers")."""
    if fatalities.text is None:
        return False
    return bool(word_list("fighter_words") & set(fatalities.text.text.lower().split()))


# Verbs and nouns of firing whose "at" phrase is what was fired on ("opened fire at a checkpoint").
FIRING_LEMMAS = frozenset({"fire", "shoot"})


def _military_target(head) -> bool:
    """The trigger's object ("attacked a military base") or "on"/"at"-phrase ("an attack on an army checkpoint",
    "opened fire at a checkpoint", also when the parse hangs it on the verb: "an attack has been launched on a
    base")."""
    holders = [head] + ([head.head] if head.pos_ == "NOUN" and head.dep_ in ("nsubjpass", "dobj") else [])
    targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj"]
    if _fired_without_object(head):
        # "opened fire at a checkpoint", "fired at the post": the aim; "shot a teenager at a checkpoint": the place
        fire_nouns = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"]
        targets += [g for holder in holders + fire_nouns for c in holder.children
                    if c.dep_ == "prep" and c.lower_ == "at" for g in c.children if g.dep_ == "pobj"]
    targets += [c for t in list(targets) for c in t.children if c.dep_ == "conj"]  # "a market and a military base"
    return any(t.lower_ in word_list("military_target_words") and not _civilian_modified(t) for t in targets)


def _fired_without_object(head) -> bool:
    """A firing with no one as its object ("fired", "opened fire", "shot"), so an "at" phrase is its aim."""
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if head.lemma_.lower() == "open":
        return [o.lemma_.lower() for o in objects] == ["fire"]
    return head.lemma_.lower() in FIRING_LEMMAS and not objects


def _civilian_modified(target) -> bool:
    """"an aid convoy", "a humanitarian convoy", "a refugee camp": the modifier makes the target civilian."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ in word_list("civilian_target_modifiers")
               for c in target.children)


# Operations that are searches when nothing but a seizure comes of them.
SEARCH_TRIGGERS = frozenset({"raid", "operation", "search", "sweep", "crackdown"})
TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")
STATE_KINDS = frozenset({"state forces"})
NON_STATE_KINDS = frozenset({"rebel group", "political militia", "identity militia"})


def _taker(head):
    """The side that took the place: the subject of the verb (shared with the verb it is coordinated with or
    complements: "advanced and captured", "managed to retake"), or the "by"-agent of a passive."""
    node = head
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _taker_kind(head, actors) -> str | None:
    """ACLED kind of the taker, when it is one of the event's actors (matched by the taker's words)."""
    taker = _taker(head)
    if taker is None or taker.lower_ in ("it", "they", "who", "which", "that"):
        return None
    start = taker.left_edge.idx
    end = taker.right_edge.idx + len(taker.right_edge.text)
    words = text_of(taker.doc)[start:end].lower()
    for actor in actors:
        if actor.text is not None and actor.text.text.lower() in words and actor.kind:
            return actor.kind
    return None


def _territory_side(sub_event_type: str, taker_kind: str | None) -> str:
    """ACLED splits a change of territory by who gains it: the state regains, a non-state group overtakes. The
    verb does not say which ("ISIS recaptured the village", "the army captured the town"); the taker's kind
    does, and with no known taker the trigger's reading stays."""
    if taker_kind in STATE_KINDS:
        return TERRITORY_TYPES[0]
    if taker_kind in NON_STATE_KINDS:
        return TERRITORY_TYPES[1]
    return sub_event_type


PEACEFUL_TAKEOVER = re.compile(r"\bwithout (?:\w+ ){0,3}(?:fighting|fight|clash(?:es)?|resistance|a shot|bloodshed)\b",
                               re.IGNORECASE)
