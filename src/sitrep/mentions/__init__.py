"""The extract stage: event mentions with their arguments and assertions, from a parsed article body.

One sentence's triggers that belong together ("air strikes that struck a convoy, killing at least 12")
become one mention, typed by its most specific trigger; agreements, arrests and protests stay apart from the
violence around them. Places, dates, actors, fatalities and assertions are attached per mention; merging
mentions into events is the assemble stage's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import SUB_EVENT_TO_TYPE, Actor, Article, Assertion, Mention, Span
from .actors import ActorHit, actors_at, all_actor_hits, resolve_anaphor, to_actor
from .attribution import SourceRef, assertions_for
from .fatalities import fatalities_near
from .subtypes import SENTENCE_PARTY, main_trigger, seizures_filtered, sub_event_type_of
from .lexicon import weapon_rules, word_list
from .speakers import doer_of_noun, owner_country, speaker_hit, speaker_hits
from .triggers import TriggerMatch, find_triggers
from .headline import with_headline_triggers

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
SENTENCE_PARTY_FAMILIES = frozenset({"violence", "protest"})
FATAL_FAMILIES = frozenset({"violence", "protest"})  # an agreement or an arrest has no death toll of its own
RIOT_SUB_TYPES = frozenset({"Violent demonstration", "Mob violence"})


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
    triggers = [t for t in with_headline_triggers(doc, find_triggers(doc)) if not t.generic]
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


def _agreement_reached(doc, trigger: TriggerMatch, modality) -> bool:
    """An agreement trigger under "agreed to", "signed", "reached": the modality test reads "agree to" as a plan
    (right for "agreed to attack"), but for a ceasefire the agreeing is the event, so the verb's own modality
    decides ("have agreed to a truce" is real, "may agree to a truce" is not)."""
    if trigger.rule.event_class != "agreement":
        return False
    governor = doc[trigger.head].head
    if governor.pos_ == "ADP":
        governor = governor.head
    agreeing = governor.lemma_.lower() in word_list("agreeing_verbs") and governor.pos_ == "VERB"
    return agreeing and modality(doc, governor.i)


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
        hit = speaker_hit(context, claimant) if claimant else None
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
    triggers = seizures_filtered(doc, triggers)
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
    return any((t.lower_ in word_list("crowd_words") and t.pos_ != "PROPN") or _human_chain(t)  # not "on 21 March"
               for t in targets)


def _human_chain(token) -> bool:
    """"a human chain": a protest, unlike "a supermarket chain"."""
    return token.lemma_.lower() == "chain" and any(c.lower_ == "human" for c in token.children)


def _draft(doc, sentence_index, family, cluster, context, place_finder, date_finder,
           sentence_triggers=()) -> MentionDraft | None:
    # a place changing hands is the event ACLED codes, whatever weapons took it ("capturing a village ... an
    # offensive of air strikes and shelling")
    main = main_trigger(cluster, doc)
    weak = all(t.rule.weak for t in cluster)
    head = doc[main.head]
    trigger_span = context.to_source(doc[main.start].idx, doc[main.end - 1].idx + len(doc[main.end - 1].text))
    sentence = head.sent
    place = place_finder(doc, doc[main.start].idx, doc[main.end - 1].idx + len(doc[main.end - 1].text)) if place_finder else None
    if place is not None and _inside_actor_name(place, context):
        place = None  # "Islamic State Khorasan Province" names a group, not a place the event happened in
    assertions = []
    for trigger in cluster:
        for assertion in assertions_for(doc, doc[trigger.head], trigger_span, context.to_source, context):
            if assertion not in assertions:
                assertions.append(assertion)
    speakers = [a for a in assertions if a.source != "the outlet"]
    actors = _actors(doc, cluster, context, (place.country_code if place else None) or context.country_code, speakers,
                     family)
    fatalities = fatalities_near(doc, cluster, context.to_source, sentence_triggers) if family in FATAL_FAMILIES else None
    sub_event_type = sub_event_type_of(main, family, cluster, actors, fatalities, doc)
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
        hit = speaker_hit(context, claimant)
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
        weapons=_weapons(cluster) + _instruments(doc, main, family, sub_event_type, _weapons(cluster)),
        assertions=tuple(assertions),
        cause=cause,
        rule=f"trigger:{main.rule.key}",
    )
    definite = all(t.definite for t in cluster if not t.rule.weak) if not weak else True
    distinct = any(t.distinct for t in cluster)
    return MentionDraft(mention, family, weak, definite, distinct, sentence_index, main.head)


def _inside_actor_name(place, context: ArticleContext) -> bool:
    """The place's words are part of a longer actor name found in the article."""
    if place.text is None:
        return False
    for hit in context.actor_hits:
        name = context.to_source(hit.start_char, hit.end_char)
        if name.start <= place.text.start and place.text.end <= name.end and name.end - name.start > len(place.text.text):
            return True
    return False


def _actors(doc, cluster, context, country_code: str | None, speakers: list[Assertion] = (),
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
            own_country = owner_country(token, speakers) or country_code  # "its troops": the speaker's
            for hit in named_first or actors_at(token, own_country) or _anaphor(token, context):
                add(hit, role)
            for hit in speaker_hits(token, speakers, context):
                add(hit, role, SENTENCE_PARTY)
        for token in doer_of_noun(head):
            for hit in speaker_hits(token, speakers, context, doer=True):
                add(hit, "actor1", SENTENCE_PARTY)
    sentence = doc[cluster[0].head].sent
    if family not in SENTENCE_PARTY_FAMILIES:
        return tuple(found)  # an agreement's parties are the ones it is between, not everyone in the sentence
    for token in sentence:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and not _is_speaker_only(token):
            accused = token.dep_ == "dobj" and token.head.lemma_.lower() in ACCUSING_VERBS
            for hit in actors_at(token, owner_country(token, speakers) or country_code):
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


EXPLOSIVE_SUB_TYPES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _instruments(doc, main: TriggerMatch, family: str, sub_event_type: str, named: tuple[str, ...]) -> tuple[str, ...]:
    """Weapons the parse ties to a violent trigger that its own words do not name ("attacked the post with
    rockets and machetes", "detonated a car bomb"): the instrument arguments of ``arguments.extract_arguments``."""
    if family != "violence":
        return ()
    from .arguments import extract_arguments

    kind = "explode" if sub_event_type in EXPLOSIVE_SUB_TYPES else "attack"
    found = []
    for argument in extract_arguments(doc, main.head, kind):
        word = argument.text.lower()
        if argument.role in ("Instrument", "ExplosiveDevice") and word not in found and not any(
                word in weapon or weapon in word for weapon in named):
            found.append(word)
    return tuple(found)


def _weapon_name(rule) -> str:
    """The weapon a trigger names: its key, or for an impact trigger ("missile hit") the weapon word alone."""
    words = rule.key.split()
    if len(words) == 2 and rule.words == (words[1],) and words[0] in weapon_rules()[0]:
        return words[0]
    return rule.key


def _weapons(cluster) -> tuple[str, ...]:
    weapons = []
    for trigger in cluster:
        if trigger.rule.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack", "Grenade",
                                          "Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon"):
            name = _weapon_name(trigger.rule)
            if name not in weapons and not trigger.rule.weak:
                weapons.append(name)
    return tuple(weapons)

