"""The extract stage: event mentions with their arguments and assertions, from a parsed article body.

One sentence's triggers that belong together ("air strikes that struck a convoy, killing at least 12")
become one mention, typed by its most specific trigger; agreements, arrests and protests stay apart from the
violence around them. Places, dates, actors, fatalities and assertions are attached per mention; merging
mentions into events is the assemble stage's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import SUB_EVENT_TO_TYPE, Actor, Article, Mention, Span
from .actors import ActorHit, actors_at, all_actor_hits, resolve_anaphor, to_actor
from .attribution import SourceRef, assertions_for
from .fatalities import fatalities_near
from .triggers import DISRUPTABLE_TYPES, TriggerMatch, find_triggers

# Classes of trigger that describe the same happening when they share a sentence.
CLASS_FAMILY = {
    "violence": "violence",
    "aircraft": "violence",
    "territory": "violence",
    "abduction": "violence",
    "protest": "protest",
    "agreement": "agreement",
    "arrest": "arrest",
    "disrupted": "disrupted",
    "looting": "looting",
}
PROTEST_INTERVENTION_WORDS = frozenset("tear gas teargas disperse dispersed water cannon rubber bullets baton arrested".split())
# Rule prefix of actors the parse did not tie to the trigger directly (named elsewhere in the sentence, or the
# speaker behind "its jets"): kept as parties, but not used to keep mentions apart when merging.
SENTENCE_PARTY = "sentence-party:"
SENTENCE_PARTY_FAMILIES = frozenset({"violence", "protest"})
FATAL_FAMILIES = frozenset({"violence", "protest"})  # an agreement or an arrest has no death toll of its own
RIOT_SUB_TYPES = frozenset({"Violent demonstration", "Mob violence"})
MOB_KINDS = frozenset({"civilians", "rioters"})
VICTIM_CIVILIAN_KINDS = frozenset({"civilians", "protesters"})


@dataclass
class ArticleContext:
    """What the extract stage knows about the article as it reads it (the last source, its country)."""

    article: Article
    country_code: str | None = None
    last_source: SourceRef | None = None
    actor_hits: list[ActorHit] = field(default_factory=list)

    def to_source(self, body_start: int, body_end: int) -> Span:
        return self.article.source_span(body_start, body_end)


@dataclass(frozen=True)
class MentionDraft:
    """A mention plus the facts assemble needs for merging (class family, definiteness, sentence index)."""

    mention: Mention
    family: str
    weak: bool
    definite: bool
    distinct: bool
    sentence_index: int
    trigger_head: int


def find_mentions(doc, article: Article, *, place_finder=None, date_finder=None, country_code=None,
                  modality=None) -> list[MentionDraft]:
    """Every event mention in ``doc`` (a parse of ``article.body``), in text order.

    ``place_finder(doc, start_char, end_char)`` and ``date_finder(doc, start_char, end_char)`` return the
    event's Place and When (body offsets) or None; ``modality(doc, token_index)`` says whether a trigger is
    negated/hypothetical. They are injected so this stage does not load the gazetteer itself.
    """
    context = ArticleContext(article=article, country_code=country_code)
    context.actor_hits = all_actor_hits(doc, country_code)
    drafts: list[MentionDraft] = []
    triggers = [t for t in find_triggers(doc) if not t.generic]
    if modality is not None:
        triggers = [t for t in triggers if modality(doc, t.head) or _agreement_reached(doc, t, modality)]
    for sentence_index, sentence in enumerate(doc.sents):
        in_sentence = [t for t in triggers if sentence.start <= t.head < sentence.end]
        for family, cluster in _clusters(doc, in_sentence):
            draft = _draft(doc, sentence_index, family, cluster, context, place_finder, date_finder, in_sentence)
            if draft is not None:
                drafts.append(draft)
        if not in_sentence:
            drafts.extend(_responsibility_drafts(doc, sentence, sentence_index, context))
    return drafts


RESPONSIBILITY_RULE = "responsibility-statement"
# Verbs whose object is an agreement made, not one planned: "agreed to a ceasefire" is the agreement itself.
AGREEING_VERBS = frozenset({"agree", "sign", "reach", "accept", "announce", "declare", "broker", "conclude",
                            "strike", "seal", "ink"})


def _agreement_reached(doc, trigger: TriggerMatch, modality) -> bool:
    """An agreement trigger under "agreed to", "signed", "reached": the modality test reads "agree to" as a plan
    (right for "agreed to attack"), but for a ceasefire the agreeing is the event, so the verb's own modality
    decides ("have agreed to a truce" is real, "may agree to a truce" is not)."""
    if trigger.rule.event_class != "agreement":
        return False
    governor = doc[trigger.head].head
    if governor.pos_ == "ADP":
        governor = governor.head
    return governor.lemma_.lower() in AGREEING_VERBS and governor.pos_ == "VERB" and modality(doc, governor.i)


def _responsibility_drafts(doc, sentence, sentence_index, context) -> list[MentionDraft]:
    """"The group claimed responsibility in a statement", "the army denied the allegation", "did not confirm
    that figure": a stance on the event last reported, in a sentence with no trigger.

    These become weak mentions that assemble attaches to the latest violent event before them.
    """
    from .lexicon import cues

    stance_objects = set(cues()["responsibility"]["nouns"]) | set(cues()["figures"]["nouns"])
    drafts = []
    for token in sentence:
        if token.lemma_.lower() not in stance_objects or token.head.i == token.i:
            continue
        if token.head.lemma_.lower() not in cues()["verbs"]:
            continue
        span = context.to_source(token.idx, token.idx + len(token.text))
        assertions = [a for a in assertions_for(doc, token, span, context.to_source, context)
                      if a.source != "the outlet"]
        if not assertions:
            continue
        actors = ()
        claimant = next((a for a in assertions if a.stance == "claims_responsibility"), None)
        hit = _hit_by_name(context, claimant.source) if claimant else None
        if hit is not None:
            actors = (to_actor(hit, "actor1", claimant.source_text),)
        mention = Mention(trigger=span, sentence=context.to_source(sentence.start_char, sentence.end_char),
                          sub_event_type="Attack", event_type="Violence against civilians", actors=actors,
                          assertions=tuple(assertions), rule=f"{RESPONSIBILITY_RULE}:{token.head.lemma_.lower()}")
        drafts.append(MentionDraft(mention, "violence", True, True, False, sentence_index, token.i))
    return drafts


def _clusters(doc, triggers: list[TriggerMatch]) -> list[tuple[str, list[TriggerMatch]]]:
    """Group one sentence's triggers by family; protest absorbs the violence and arrests around it."""
    groups: dict[str, list[TriggerMatch]] = {}
    separate: list[tuple[str, list[TriggerMatch]]] = []
    for index, trigger in enumerate(triggers):
        if trigger.distinct and index > 0:
            # "..., and in a separate attack gunmen killed three": a second event in the same sentence
            separate.append((CLASS_FAMILY.get(trigger.rule.event_class, trigger.rule.event_class),
                             sorted(triggers[index:], key=lambda t: t.start)))
            triggers = triggers[:index]
            break
    triggers = _seizures_sorted(doc, triggers)
    for trigger in triggers:
        family = CLASS_FAMILY.get(trigger.rule.event_class, trigger.rule.event_class)
        if family in ("violence", "arrest") and _aimed_at_crowd(doc, trigger):
            family = "protest"  # "police opened fire on the crowd", "detained thousands of protesters"
        groups.setdefault(family, []).append(trigger)

    if "protest" in groups:
        # a protest absorbs the arrests and the deaths around it, not a separate strike told in the same sentence
        groups["protest"].extend(groups.pop("arrest", []))
        outcomes = [t for t in groups.get("violence", []) if t.rule.weak or t.rule.sub_event_type in RIOT_SUB_TYPES]
        if outcomes:
            groups["protest"].extend(outcomes)
            rest = [t for t in groups["violence"] if t not in outcomes]
            if rest:
                groups["violence"] = rest
            else:
                groups.pop("violence")
    return [(family, sorted(g, key=lambda t: t.start)) for family, g in groups.items()] + separate


def _seizures_sorted(doc, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """Arms seized in a sentence that reports another event ("killed 25 soldiers and seized weapons",
    "detained 14 and seized rifles") are a detail of that event and dropped; a raid or an operation whose only
    outcome is the seizure ("weapons were seized during the raids") is the seizure, ACLED's Disrupted weapons use.
    """
    seizures = [t for t in triggers if t.rule.key.startswith(SEIZURE_KEY_PREFIXES)]
    if not seizures:
        return triggers
    # the rest of a seized list ("seized two landmines, two explosive devices, grenades ...") is seized too
    others = [t for t in triggers if t not in seizures and not (
        doc[t.head].pos_ in ("NOUN", "PROPN") and t.sub_event_type in DISRUPTABLE_TYPES)]
    searches = [t for t in others if t.rule.key in SEARCH_TRIGGERS]
    if others and len(searches) == len(others):
        return seizures
    return others if others else seizures


CROWD_WORDS = frozenset({"crowd", "crowds", "protesters", "protestors", "demonstrators", "marchers", "protest",
                         "protests", "demonstration", "demonstrations", "rally", "rallies", "march", "marches",
                         "chain", "sit-in", "gathering"})
# Prepositions that name the other side of a clash or the target of force ("clashed with protesters",
# "clashes between police and demonstrators", "fired on the crowd").
CROWD_PREPOSITIONS = frozenset({"on", "at", "into", "with", "between"})


def _aimed_at_crowd(doc, trigger: TriggerMatch) -> bool:
    """The violence in this sentence is aimed at a crowd of protesters (object or "on/at" the crowd)."""
    head = doc[trigger.head]
    targets = [c for c in head.children if c.dep_ == "dobj"]
    targets += [g for c in head.children if c.dep_ == "prep" and c.lower_ in CROWD_PREPOSITIONS for g in c.children]
    targets += [c for t in list(targets) for c in t.conjuncts]
    targets += [g for t in list(targets) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children]  # "thousands of protesters"
    return any(t.lower_ in CROWD_WORDS and t.pos_ != "PROPN" for t in targets)  # not "on 21 March"


def _draft(doc, sentence_index, family, cluster, context, place_finder, date_finder,
           sentence_triggers=()) -> MentionDraft | None:
    # a place changing hands is the event ACLED codes, whatever weapons took it ("capturing a village ... an
    # offensive of air strikes and shelling")
    main = max(cluster, key=lambda t: (t.rule.event_class == "territory", t.rule.rank, -t.start))
    weak = all(t.rule.weak for t in cluster)
    head = doc[main.head]
    trigger_span = context.to_source(doc[main.start].idx, doc[main.end - 1].idx + len(doc[main.end - 1].text))
    sentence = head.sent
    place = place_finder(doc, doc[main.start].idx, doc[main.end - 1].idx + len(doc[main.end - 1].text)) if place_finder else None
    assertions = []
    for trigger in cluster:
        for assertion in assertions_for(doc, doc[trigger.head], trigger_span, context.to_source, context):
            if assertion not in assertions:
                assertions.append(assertion)
    speakers = [a.source for a in assertions if a.source != "the outlet"]
    actors = _actors(doc, cluster, context, (place.country_code if place else None) or context.country_code, speakers,
                     family)
    fatalities = fatalities_near(doc, cluster, context.to_source, sentence_triggers) if family in FATAL_FAMILIES else None
    sub_event_type = _sub_event_type(main, family, cluster, actors, fatalities, doc)
    when = date_finder(doc, doc[main.start].idx, doc[main.end - 1].idx + len(doc[main.end - 1].text)) if date_finder else None
    cause = next((t.cause for t in cluster if t.cause and not t.rule.weak), main.cause)
    if cause is not None:
        # a claim to have "shot down" the jet is a claim about the cause too (a crash is only an occurrence)
        assertions += [replace(a, facet="cause", rule=a.rule + "+cause") for a in assertions
                       if a.facet == "perpetrator" and a.stance in ("claims_responsibility", "does_not_confirm")
                       and not any(b.facet == "cause" and b.source == a.source for b in assertions)]
    if fatalities is not None:
        speakers = [a for a in assertions if a.facet == "occurrence"]
        for speaker in speakers[:1]:
            assertions.append(replace(speaker, facet="fatalities", rule=speaker.rule + "+fatalities"))
    if any(a.stance == "claims_responsibility" for a in assertions) and not any(a.role == "actor1" for a in actors):
        claimant = next(a for a in assertions if a.stance == "claims_responsibility")
        hit = _hit_by_name(context, claimant.source)
        if hit is not None:
            actors = (to_actor(hit, "actor1", claimant.source_text), *actors)
    mention = Mention(
        trigger=trigger_span,
        sentence=context.to_source(sentence.start_char, sentence.end_char),
        sub_event_type=sub_event_type,
        event_type=SUB_EVENT_TO_TYPE[sub_event_type],
        actors=tuple(actors),
        place=place,
        when=when,
        fatalities=fatalities,
        weapons=_weapons(cluster),
        assertions=tuple(assertions),
        cause=cause,
        rule=f"trigger:{main.rule.key}",
    )
    definite = all(t.definite for t in cluster if not t.rule.weak) if not weak else True
    distinct = any(t.distinct for t in cluster)
    return MentionDraft(mention, family, weak, definite, distinct, sentence_index, main.head)


def _hit_by_name(context, name: str) -> ActorHit | None:
    for hit in context.actor_hits:
        if hit.name == name:
            return hit
    return None


def _actors(doc, cluster, context, country_code: str | None, speakers: list[str] = (),
            family: str = "violence") -> tuple[Actor, ...]:
    """actor1 (agent of the act) and actor2 (who it was done to): grammatical arguments of the triggers
    first, then the other parties the sentence names (ACLED codes the parties a report ties to the event)."""
    found: list[Actor] = []

    def add(hit: ActorHit, role: str, rule_prefix: str = "") -> None:
        if not any(a.name == hit.name for a in found):
            actor = to_actor(hit, role, context.to_source(hit.start_char, hit.end_char))
            found.append(replace(actor, rule=rule_prefix + actor.rule))

    for trigger in cluster:
        head = doc[trigger.head]
        if head.pos_ == "NOUN":
            for hit in actors_at(head, country_code):  # "protesters", "rioters" name the actor
                add(hit, "actor1")
        for role, token in _argument_tokens(head):
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
            named_first = _anaphor(token, context) if definite else []
            for hit in named_first or actors_at(token, country_code) or _anaphor(token, context):
                add(hit, role)
            for hit in _speaker(token, speakers, context):
                add(hit, role, SENTENCE_PARTY)
    sentence = doc[cluster[0].head].sent
    if family not in SENTENCE_PARTY_FAMILIES:
        return tuple(found)  # an agreement's parties are the ones it is between, not everyone in the sentence
    for token in sentence:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and not _is_speaker_only(token):
            accused = token.dep_ == "dobj" and token.head.lemma_.lower() in ACCUSING_VERBS
            for hit in actors_at(token, country_code):
                # the party blamed is the (accused) perpetrator; its status says it is only accused
                role = "actor1" if token.dep_ in ("nsubj", "poss") or accused else "actor2"
                add(hit, role, SENTENCE_PARTY)
    return tuple(found)


def _is_speaker_only(token) -> bool:
    """A named body that only speaks in the sentence ("the UN said") is a source, not a party."""
    from .lexicon import cues

    governor = token.head.lemma_.lower()
    if token.dep_ == "nsubj" and (governor in cues()["verbs"] or governor in STANCE_VERBS):
        return token.ent_type_ != "NORP"
    return token.dep_ == "dobj" and governor in STANCE_VERBS  # "the UN urged the army ...": not a party


# Verbs whose subject and object speak about an event rather than take part in it.
STANCE_VERBS = frozenset({"condemn", "denounce", "criticise", "criticize", "welcome", "urge", "call", "mourn"})
ACCUSING_VERBS = frozenset({"accuse", "blame"})
SPEAKER_PRONOUNS = frozenset({"its", "their", "our", "we"})  # not "it"/"they": "police said it killed 4" is the attacker


def _speaker(token, speakers: list[str], context) -> list[ActorHit]:
    """"The army said its jets struck ...": a pronoun (or a noun it possesses) is the party speaking."""
    pronoun = token.lower_ in SPEAKER_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in SPEAKER_PRONOUNS for c in token.children
    )
    if not pronoun:
        return []
    for name in speakers:
        hit = _hit_by_name(context, name)
        if hit is not None:
            return [hit]
    return []


def _anaphor(token, context) -> list[ActorHit]:
    hit = resolve_anaphor(token, context.actor_hits)
    return [hit] if hit else []


def _argument_tokens(head):
    """(role, noun token) pairs: subjects/agents are actor1, objects/patients actor2."""
    pairs = []
    for child in head.children:
        if child.dep_ in ("nsubj", "poss"):
            pairs.append(("actor1", child))
        elif child.dep_ in ("dobj", "nsubjpass"):
            pairs.append(("actor2", child))
        elif child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from"):
            pairs.extend(("actor1", c) for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "targeting"):
            pairs.extend(("actor2", c) for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "between":  # "a truce between the government and rebels"
            for index, party in enumerate(c for c in child.children if c.dep_ == "pobj"):
                pairs.append(("actor1", party))
        elif child.dep_ == "amod" and head.pos_ == "NOUN":
            pairs.append(("actor1", child))
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        antecedent = head.head
        relative_subject = any(c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in head.children)
        if relative_subject and not _is_trigger_noun(antecedent):
            pairs.append(("actor1", antecedent))
        pairs.extend(_argument_tokens(antecedent))
    if head.dep_ == "advcl" and head.head.pos_ == "VERB":
        pairs.extend((role, tok) for role, tok in _argument_tokens(head.head) if role == "actor1")
    expanded = []
    for role, token in pairs:
        expanded.append((role, token))
        expanded.extend((role, c) for c in token.children if c.dep_ == "conj")
    return expanded


def _is_trigger_noun(token) -> bool:
    from .lexicon import trigger_rules

    return token.lemma_.lower() in trigger_rules()


def _sub_event_type(main: TriggerMatch, family: str, cluster, actors, fatalities, doc) -> str:
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
        if attackers and all(a.kind in MOB_KINDS for a in attackers):
            return "Mob violence"  # residents or villagers fighting: a violent crowd, not an armed group
    if sub_event_type == "Attack":
        if _military_target(doc[main.head]):
            return "Armed clash"  # an attack on a base, a checkpoint or a convoy is fought with armed forces
        victims = [a for a in actors if a.role == "actor2"]
        if victims and all(a.kind not in VICTIM_CIVILIAN_KINDS for a in victims) and any(a.inter in (1, 2, 3, 4, 8) for a in victims):
            return "Armed clash"
    return sub_event_type


# Things attacked that only armed forces hold: an attack on them is an armed clash in ACLED, not an attack.
MILITARY_TARGET_WORDS = frozenset({"base", "barracks", "checkpoint", "outpost", "garrison", "convoy", "patrol",
                                   "troops", "soldiers", "positions", "army", "military"})


def _military_target(head) -> bool:
    """The trigger's object ("attacked a military base") or "on"-phrase ("an attack on an army checkpoint", also
    when the parse hangs it on the verb: "an attack has been launched on a base")."""
    holders = [head] + ([head.head] if head.pos_ == "NOUN" and head.dep_ in ("nsubjpass", "dobj") else [])
    targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in MILITARY_TARGET_WORDS for t in targets)


# Operations that are searches when nothing but a seizure comes of them.
SEARCH_TRIGGERS = frozenset({"raid", "operation", "search", "sweep", "crackdown"})
# Keys of triggers.py's arms-seized triggers (a seizing verb, or a weapon found or seized).
SEIZURE_KEY_PREFIXES = ("seize ", "seized ")
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
    words = taker.doc.text[start:end].lower()
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


def _weapons(cluster) -> tuple[str, ...]:
    weapons = []
    for trigger in cluster:
        if trigger.rule.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack", "Grenade",
                                          "Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon"):
            if trigger.rule.key not in weapons and not trigger.rule.weak:
                weapons.append(trigger.rule.key)
    return tuple(weapons)

