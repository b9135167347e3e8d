"""Find event triggers in a parsed document: the words that say an event happened, typed the ACLED way.

Matching is by lemma against ``rules/triggers.toml``; the parse is used only for checks that the lexicon
cannot make alone (an aircraft as the thing that crashed, a town as the thing captured, generic plurals).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .lexicon import AGENT_WEAPON_RANK
from .lexicon import WEAPON_TRIGGER_RANK as WEAPON_RANK
from .lexicon import (TriggerRule, agent_weapons, disruption_objects, disruption_verbs, trigger_rules, weapon_rules,
                      word_list)

AIRCRAFT_WORDS = frozenset(
    "plane jet warplane aircraft helicopter fighter bomber mig mig-21 mig-23 mig-29 su-22 su-24 su-25 sukhoi "
    "airliner gunship chopper".split()
)
DRONE_WORDS = frozenset("drone drones uav".split())
TERRITORY_WORDS = frozenset(
    "town village city base district area territory position hill airport checkpoint outpost neighbourhood "
    "neighborhood province region village road bridge crossing camp garrison headquarters stronghold post "
    "enclave pocket suburb".split()
)
# Triggers that an aircraft in their sentence makes an air strike ("bombing raids by warplanes").
AIR_BOMBING_KEYS = frozenset({"bombing", "bombardment", "bomb", "bombing raid"})
# A trigger under "some of", "one of": the phrase speaks of a class of events, not one.
PARTITIVE_HEADS = frozenset("some one many most all several any each none few two three".split())
# Quantifiers that make a plural trigger generic ("several attacks", "many clashes"): no one event is meant.
GENERIC_QUANTIFIERS = frozenset("several many numerous series multiple repeated frequent countless".split())
# Words on a trigger's noun phrase that mark it as a different event from one already mentioned.
DISTINCT_MARKERS = frozenset("another other second third separate further earlier previous new fresh".split())
DEFINITE_DETERMINERS = frozenset("the this that these those its their his her".split())
# Nouns a trigger may modify and still name the event ("the shooting deaths", "a bomb blast", "a drone incident").
EVENT_HEAD_NOUNS = frozenset({"death", "incident", "spree", "rampage", "victim", "casualty"})
# Lemmas that, as a trigger's modifier, make it a weapon or a role rather than an event ("attack helicopter").
MODIFIER_DEPS = frozenset({"compound", "amod"})
# Weapon-named types that become "Disrupted weapons use" when the weapon is found, seized or defused.
DISRUPTABLE_TYPES = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb",
                               "Shelling/artillery/missile attack", "Chemical weapon"})
DISRUPTED_TYPE = "Disrupted weapons use"
# How many links (list members, "caches of", "which included") may separate a weapon from the verb acting on it.
DISRUPTION_CLIMB = 12
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in the doc: token range [start, end), its head token, and the rule that matched."""

    start: int
    end: int
    head: int
    rule: TriggerRule
    sub_event_type: str
    cause: str | None
    definite: bool
    distinct: bool
    generic: bool


CROWD_CONTROL_WORDS = frozenset({"smoke", "tear", "gas", "teargas", "rubber", "stun", "flash", "pepper", "plastic"})
PROTEST_CONTEXT = frozenset("protest protester protestor demonstrator demonstration rally slogan chant placard "
                            "banner peacefully peaceful marcher demand petition".split())
PEOPLE_WORDS = frozenset("people thousands hundreds dozens supporters protesters demonstrators residents crowds "
                         "students workers women opposition".split())


def find_triggers(doc) -> list[TriggerMatch]:
    """Every trigger in ``doc``, longest match first at each position, never two on one token."""
    rules_by_head = trigger_rules()
    matches = _weapon_triggers(doc)
    matches += [m for m in _agent_weapon_triggers(doc) if all(m.head != other.head for other in matches)]
    matches += [m for m in _seizure_triggers(doc) if all(m.head != other.head for other in matches)]
    taken: set[int] = {i for m in matches for i in range(m.start, m.end)}
    for token in doc:
        if token.i in taken:
            continue
        for lemma in _lemma_keys(token):
            for rule in rules_by_head.get(lemma, ()):
                token_range = _match_rule(doc, token, rule)
                if token_range is None or taken.intersection(range(*token_range)):
                    continue
                match = _checked_match(doc, token, token_range, rule)
                if match is None:
                    continue
                matches.append(match)
                taken.update(range(*token_range))
                break
            if token.i in taken:
                break
    return _wounds_joining_their_event(doc, sorted(matches, key=lambda m: m.start))


def _wounds_joining_their_event(doc, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """"had died of gunshot wounds" next to the shooting that caused them is that shooting's death (a weak
    trigger that joins it), not another event; with no such shooting near, the wound still tells of one."""
    sentence_of = {m.head: i for i, sentence in enumerate(doc.sents) for m in matches
                   if sentence.start <= m.head < sentence.end}
    strong = [sentence_of[m.head] for m in matches if not m.rule.weak and m.rule.key not in WOUND_TRIGGERS
              and m.rule.event_class == "violence"]
    joined = []
    for match in matches:
        near = any(abs(sentence_of[match.head] - index) <= 1 for index in strong)
        if match.rule.key in WOUND_TRIGGERS and near and _cause_of_death(doc[match.head]):
            match = replace(match, rule=replace(match.rule, weak=True))
        joined.append(match)
    return joined


def _protest_context(head) -> bool:
    """Marching people, or a sentence that speaks of protest ("thousands of students marched", "chanting")."""
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in PEOPLE_WORDS:
        return True
    return any(t.lemma_.lower() in PROTEST_CONTEXT for t in head.sent)


def _weapon_triggers(doc) -> list[TriggerMatch]:
    """Impact or launch verbs whose subject or object is a weapon: the verb is the trigger, the weapon the type."""
    weapons, impact_verbs, launch_verbs = weapon_rules()
    found: dict[int, TriggerMatch] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in weapons or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.lower_ in CROWD_CONTROL_WORDS for c in token.children if c.dep_ in ("compound", "amod")):
            continue  # "smoke shells", "tear gas canisters", "rubber bullets": crowd control, not shelling
        if any(c.lower_ == "suicide" for c in token.children):
            continue  # "a suicide bomber detonated": a person, not an aircraft
        verb = token.head
        if lemma in PERSON_WEAPON_WORDS and any(c.lower_ in REFLEXIVES for c in verb.children):
            continue  # "a bomber blew himself up": a person, not an aircraft
        verb_lemma = verb.lemma_.lower()
        fits = (token.dep_ in ("nsubj", "nsubjpass") and verb_lemma in impact_verbs) or (
            token.dep_ == "dobj" and verb_lemma in launch_verbs
        )
        if not fits or verb.pos_ != "VERB" or verb.i in found:
            continue
        if token.dep_ == "dobj" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
            continue  # "shot down 37 drones": the weapon is what was stopped, not what was fired
        words = {t.lemma_.lower() for t in verb.subtree}
        sub_event_type = weapons[lemma]
        if "drone" in words or "drones" in words:
            sub_event_type = weapons.get("drone", sub_event_type)
        rule = TriggerRule(key=f"{lemma} {verb_lemma}", words=(verb_lemma,), sub_event_type=sub_event_type,
                           event_class="violence", rank=WEAPON_RANK)
        found[verb.i] = TriggerMatch(start=verb.i, end=verb.i + 1, head=verb.i, rule=rule,
                                     sub_event_type=sub_event_type, cause=None, definite=False, distinct=False,
                                     generic=False)
    return list(found.values())


ATTACK_TYPE = "Attack"


def _agent_weapon_triggers(doc) -> list[TriggerMatch]:
    """A passive impact verb whose agent is a small arm ("was hit by a stray bullet", "struck by a round"): the
    verb is the trigger, a shooting (Attack). Only the agent reading counts: "rubber bullets" fired at a crowd or
    rounds found in a car are not a shooting."""
    weapons = agent_weapons()
    _, impact_verbs, _ = weapon_rules()
    found = []
    for token in doc:
        lemma = next((key for key in _lemma_keys(token) if key in weapons), None)  # "Shotgun Pellets" as names
        if lemma is None or token.dep_ != "pobj" or token.head.dep_ != "agent":
            continue
        if any(c.lower_ in CROWD_CONTROL_WORDS for c in token.children if c.dep_ in ("compound", "amod")):
            continue
        verb = token.head.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in impact_verbs:
            continue
        rule = TriggerRule(key=f"{lemma} {verb.lemma_.lower()}", words=(verb.lemma_.lower(),),
                           sub_event_type=ATTACK_TYPE, event_class="violence", rank=AGENT_WEAPON_RANK)
        found.append(TriggerMatch(start=verb.i, end=verb.i + 1, head=verb.i, rule=rule, sub_event_type=ATTACK_TYPE,
                                  cause=None, definite=False, distinct=False, generic=False))
    return found


SEIZURE_RULE_RANK = 6
# Weapon words that also name a person ("a bomber blew himself up") and the reflexives that show it.
PERSON_WEAPON_WORDS = frozenset({"bomber"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def _seizure_triggers(doc) -> list[TriggerMatch]:
    """A disruption verb whose object is arms ("police seized weapons and ammunition during the raids", "troops
    found an arms cache"): the seizure is the event, ACLED's Disrupted weapons use. Aircraft that "destroyed
    weapons depots" struck them, so an aircraft subject leaves the verb to the air-strike rules."""
    verbs, _through = disruption_verbs()
    objects = disruption_objects()
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        things = [c for c in token.children if c.dep_ in OBJECT_DEPS]
        things += [c for t in list(things) for c in t.conjuncts]
        things += [g for t in list(things) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]  # "a huge amount of weapons", "caches of arms"
        if not any(t.lemma_.lower() in objects for t in things):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and {t.lower_ for t in subject.subtree} & word_list("air_words"):
            continue
        rule = TriggerRule(key=f"seize {token.lemma_.lower()}", words=(token.lemma_.lower(),),
                           sub_event_type=DISRUPTED_TYPE, event_class="disrupted", rank=SEIZURE_RULE_RANK)
        found.append(TriggerMatch(start=token.i, end=token.i + 1, head=token.i, rule=rule,
                                  sub_event_type=DISRUPTED_TYPE, cause=None, definite=False, distinct=False,
                                  generic=False))
    return found


def _lemma_keys(token) -> tuple[str, ...]:
    lemma = token.lemma_.lower()
    lower = token.lower_
    keys = [lemma]
    if lower != lemma:
        keys.append(lower)
    if lower.endswith("s") and lower[:-1] not in keys:
        keys.append(lower[:-1])
    return tuple(keys)


def _word_matches(token, word: str) -> bool:
    return word in _lemma_keys(token)


def _match_rule(doc, token, rule: TriggerRule) -> tuple[int, int] | None:
    """Token range for ``rule`` anchored at ``token``, or None."""
    if rule.pos and token.pos_ not in rule.pos:
        return None
    if len(rule.words) == 1:
        return (token.i, token.i + 1)
    if rule.head == "last":
        start = token.i - (len(rule.words) - 1)
        if start < 0:
            return None
        if all(_word_matches(doc[start + k], word) for k, word in enumerate(rule.words[:-1])):
            return (start, token.i + 1)
        return None
    # head first: the remaining words follow within ``gap`` tokens, in order, inside the sentence
    position = token.i
    sentence_end = token.sent.end
    for word in rule.words[1:]:
        found = None
        for k in range(position + 1, min(sentence_end, position + 2 + rule.gap)):
            if _word_matches(doc[k], word):
                found = k
                break
        if found is None:
            return None
        position = found
    return (token.i, position + 1)


# Triggers that name a wound, and the verbs that make the wound a death's cause rather than a report of its own.
WOUND_TRIGGERS = frozenset({"gunshot wound"})
CAUSE_OF_DEATH_VERBS = frozenset({"die", "succumb"})


def _cause_of_death(head) -> bool:
    """"died of gunshot wounds", "succumbed to a gunshot wound": the wound hangs off a dying verb."""
    preposition = head.head
    return (head.dep_ == "pobj" and preposition.dep_ == "prep"
            and preposition.head.lemma_.lower() in CAUSE_OF_DEATH_VERBS)


def _debate(head) -> bool:
    """A fight word whose sides are politicians or a legislature: its subject, its "with"/"between" sides, or
    (for a noun) the subject of the verb it hangs off name debaters."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    sides += [g for t in (head, verb) for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "in")
              for g in c.children if g.dep_ == "pobj"]
    sides += [c for c in head.children if c.dep_ in ("compound", "amod", "poss")]
    words = {t.lower_ for side in sides for t in side.subtree}
    return bool(words & word_list("debating_words"))


# Dependents of a fight word that hold what is fought: its object, or the "for"/"against"/"with" phrase.
FOUGHT_PREPOSITIONS = frozenset({"for", "against", "with"})


def _fought_thing_is_no_side(head) -> bool:
    """What the fight word fights is a fire, an illness or a life (word_lists non_combat_fight_objects): firefighters
    "battling fires", a victim "fighting for their life", "their battle to contain wildfires". Only the head nouns of
    those phrases (and "a number of" what, and their conjuncts) are read, not whole subtrees, so "fought the militants
    who set fire to houses" stays a fight."""
    holders = [head] + [c for c in head.children if c.dep_ in ("acl", "xcomp")]
    things = [c for holder in holders for c in holder.children if c.dep_ == "dobj"]
    things += [g for c in head.children if c.dep_ == "prep" and c.lower_ in FOUGHT_PREPOSITIONS
               for g in c.children if g.dep_ == "pobj"]
    things += [g for t in list(things) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]  # "a number of fires"
    things += [c for t in list(things) for c in t.children if c.dep_ == "conj"]
    return any(t.lower_ in word_list("non_combat_fight_objects") for t in things)


def _striker_type(head) -> str | None:
    """The type a "strike" takes from what struck: a bullet, a round or a gun (word_lists gunfire_strikers) is a
    shooting, an Attack; a heavy weapon's round ("a mortar round", "artillery rounds"; triggers.toml [weapon]) is
    that weapon's type. The striker is the subject, the "by"-agent, or the noun a relative clause hangs on, also
    through a coordinated verb ("a gun that fired inside a car and struck him"). None when nothing says."""
    verb = head.head if head.dep_ == "conj" and head.head.pos_ == "VERB" else head
    strikers = [c for v in (head, verb) for c in v.children if c.dep_ == "nsubj"]
    strikers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "relcl":
        strikers.append(verb.head)
    weapons, _, _ = weapon_rules()
    for striker in (t for t in strikers if t.lower_ in word_list("gunfire_strikers")):
        heavy = [c.lemma_.lower() for c in striker.children if c.dep_ in ("compound", "amod")
                 and c.lemma_.lower() in weapons]
        return weapons[heavy[0]] if heavy else "Attack"
    return None


def _blasting_weapon_type(verb) -> str | None:
    """The type of the heavy weapon a "blasted ... with" names ("blasted government positions with rockets":
    shelling; triggers.toml [weapon]), else None."""
    weapons, _, _ = weapon_rules()
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # the parse may hang "with" on the object
    for prep in (c for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"):
        for weapon in (g for g in prep.children if g.dep_ == "pobj"):
            if weapon.lemma_.lower() in weapons:
                return weapons[weapon.lemma_.lower()]
    return None


def _checked_match(doc, token, token_range: tuple[int, int], rule: TriggerRule) -> TriggerMatch | None:
    """Apply the context checks a lemma match needs; None when the word is not an event here."""
    head = doc[token_range[1] - 1] if rule.head == "last" else token
    if len(rule.words) == 1 and head.dep_ in MODIFIER_DEPS and head.head.pos_ in ("NOUN", "PROPN"):
        if head.head.lemma_.lower() not in trigger_rules() and head.head.lemma_.lower() not in EVENT_HEAD_NOUNS:
            return None
    if rule.event_class == "territory" and head.tag_ == "VBN" and head.dep_ in ("amod", "acl"):
        return None  # "the occupied city", "areas seized last year": a state, not a taking
    if rule.key in word_list("mutual_fight_lemmas") and _debate(head):
        return None  # "lawmakers clashed over the bill": a dispute in words, not an armed clash
    if rule.key in word_list("mutual_fight_lemmas") and _fought_thing_is_no_side(head):
        return None  # "battling a number of fires", "fighting for their lives": no armed side fought
    if head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "without":
        return None  # "entered without fighting", "without any armed clashes": said not to have happened
    sub_event_type = rule.sub_event_type
    cause = rule.cause
    if rule.key == "strike":
        # "a bullet that struck him" is a shooting; "a mortar round struck the school" is shelling
        sub_event_type = _striker_type(head) or sub_event_type
    if rule.key == "blast" and head.pos_ == "VERB":
        sub_event_type = _blasting_weapon_type(head)
        if sub_event_type is None:
            return None  # "blasted the bouncer", "blasted the government": gunfire or words, not an explosion
    if rule.event_class == "aircraft" or rule.needs_object_class == "aircraft":
        thing = _affected_thing(head)
        if not _is_aircraft(thing, head):
            return None  # "brought down food prices", "downed tools"
        if thing is not None and thing.lower_ in DRONE_WORDS:
            # a drone shot down is a weapon stopped, not a strike: its own event, not part of the attack it foiled
            sub_event_type = DISRUPTED_TYPE
            rule = replace(rule, key=f"downed {rule.key}", sub_event_type=DISRUPTED_TYPE, event_class="disrupted")
    if sub_event_type in DISRUPTABLE_TYPES and head.pos_ in ("NOUN", "PROPN") and _disrupted(head):
        sub_event_type = DISRUPTED_TYPE
        rule = replace(rule, key=f"seized {rule.key}", sub_event_type=DISRUPTED_TYPE, event_class="disrupted")
    if rule.needs_object_class == "territory" and not (
            _is_territory(_affected_thing(head)) or _is_territory(_place_left(head))):
        return None
    if rule.key in AIR_BOMBING_KEYS and sub_event_type != DISRUPTED_TYPE and _aircraft_tied(head):
        sub_event_type = "Air/drone strike"  # "bombing raids by warplanes", "jets' bombardment of the town"
    if rule.needs_protest_context and not _protest_context(head):
        return None  # "troops marched into Kidal"
    if rule.needs_object_class == "people" and head.pos_ == "VERB":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is None or not {subject.lemma_.lower(), subject.lower_} & PEOPLE_WORDS:
            return None  # ("hundreds" has the lemma "hundred")
    phrase_tokens = _noun_phrase_modifiers(head)
    definite = any(t.lower_ in DEFINITE_DETERMINERS or t.dep_ == "poss" for t in phrase_tokens)

    distinct = any(t.lower_ in DISTINCT_MARKERS for t in phrase_tokens)
    generic = head.tag_ in ("NNS", "NNPS") and any(t.lower_ in GENERIC_QUANTIFIERS for t in phrase_tokens)
    if head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.lower_ in ("attacks", "clashes") or head.head.head.lower_ in PARTITIVE_HEADS):
        generic = True  # "one of several attacks on ...", "some of the country's deadly shootings"
    return TriggerMatch(
        start=token_range[0],
        end=token_range[1],
        head=head.i,
        rule=rule,
        sub_event_type=sub_event_type,
        cause=cause,
        definite=definite,
        distinct=distinct,
        generic=generic,
    )


def _disrupted(weapon) -> bool:
    """The weapon is the thing found, seized or made safe ("sappers defused hundreds of landmines", "IEDs were
    found and cleared", "caches of weapons and IEDs", "arms which included grenades"), so it was not used.

    Climbs from the weapon through list members, "of" and "which included" to the verb it is the object of.
    """
    verbs, through = disruption_verbs()
    node = weapon
    for _ in range(DISRUPTION_CLIMB):
        parent = node.head
        if parent.i == node.i:
            return False
        if parent.pos_ == "VERB" or parent.pos_ == "AUX":
            lemma = parent.lemma_.lower()
            if node.dep_ in OBJECT_DEPS and lemma in verbs:
                return True
            if node.dep_ in OBJECT_DEPS and lemma in through and parent.dep_ == "relcl":
                node = parent.head  # "the arms, which included grenades": go on from the arms
                continue
            return False
        if node.dep_ not in ("conj", "pobj", "prep", "appos", "compound"):
            return False
        node = parent
    return False


def _affected_thing(head):
    """The thing acted on: object of an active verb, subject of a passive or intransitive one, or a compound."""
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass", "obj"):
            return child
    for child in head.children:
        if child.dep_ == "nsubj":
            return child
    for child in head.children:
        if child.dep_ == "compound":
            return child
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    return None


def _aircraft_tied(head) -> bool:
    """An aircraft in the bombing's own phrase, as the agent of its clause or the subject that carried it out
    ("bombing raids by warplanes", "jets carried out a bombing"), not one merely in the sentence ("the bombing,
    filmed by a drone")."""
    node = head.head if head.dep_ == "compound" else head
    words = {t.lower_ for t in node.subtree if not _under_participle(t, node)}
    verb = node.head.head if node.dep_ == "pobj" else node.head
    if verb.pos_ == "VERB":
        doers = ("agent", "nsubj") if node.dep_ == "dobj" else ("agent",)  # "jets carried out a bombing"
        words |= {t.lower_ for c in verb.children if c.dep_ in doers for t in c.subtree}
    return bool(words & word_list("air_words"))


def _under_participle(token, top) -> bool:
    """The token hangs under a participle clause inside ``top``'s phrase ("the bombing, filmed by a drone")."""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("acl", "relcl") and node.tag_ in ("VBN", "VBG", "VBD"):
            return True
        node = node.head
    return False


def _place_left(head):
    """The place a side was driven from: the object of "from" or "out of" on the verb ("pushed back from their
    strongholds", "drove them out of the town")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "prt" and child.lower_ == "out":
            inner = next((g for g in child.children if g.dep_ == "prep" and g.lower_ == "of"), None)
            if inner is not None:
                return next((g for g in inner.children if g.dep_ == "pobj"), None)
    return None


def _is_aircraft(thing, head) -> bool:
    candidates = [thing] if thing is not None else []
    candidates += [c for c in head.children if c.dep_ == "compound"]
    for candidate in candidates:
        words = {t.lower_ for t in candidate.subtree} | {candidate.lemma_.lower()}
        if words & (AIRCRAFT_WORDS | DRONE_WORDS):
            return True
    return False


def _is_territory(thing) -> bool:
    """A place taken: a town-like noun, a place entity, or a proper name (spaCy's small model misses towns)."""
    if thing is None:
        return False
    if thing.lemma_.lower() in TERRITORY_WORDS or thing.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return thing.pos_ == "PROPN" and thing.ent_type_ not in ("PERSON", "ORG", "NORP")


def _noun_phrase_modifiers(head) -> list:
    """Determiners and modifiers on the trigger (for a verb, on its affected noun)."""
    target = head
    if head.pos_ == "VERB":
        thing = _affected_thing(head)
        if thing is None:
            return []
        target = thing
    return [c for c in target.children if c.dep_ in ("det", "poss", "amod", "nummod", "quantmod", "predet")]
