"""The party that tells of its own act: "the army said its jets struck ...", "Rwandan troops said they had
killed ...", "the SDF said it had regained control of Dhiban", "AFRICOM said it had carried out an air strike".

CODING.md makes a party's account of its own action a claim, so the event's actor1 is that party and its
statement claims rather than reports. A pronoun is read as the speaker only where news English uses it so:
"its"/"their"/"our"/"we" always; "they" as the subject of what one named party says; "it" as the subject of
what one body says it did, but only as the doer of an event noun ("it carried out an air strike", "it
responded with artillery fire"), of a verb of taking ground or stopping an attack (rules/cues.toml
[own_act_verbs]) or of an act on an armed group ("it killed 20 militants"): after "A drone hit a market. The
air force said it killed five people", "it" is the drone.
"""

from __future__ import annotations

import functools

from .actors import ActorHit, actors_at
from .lexicon import cues, party_country

__all__ = ["SPEAKER_PRONOUNS", "doer_of_noun", "owner_country", "speaker_hit", "speaker_hits"]

SPEAKER_PRONOUNS = frozenset({"its", "their", "our", "we"})
# ACLED interaction codes of armed parties (state forces, rebels, political and identity militias, external
# forces): what a body says "it" killed or captured of them is its own act; "it killed five people" is not.
ARMED_GROUP_INTER = frozenset({1, 2, 3, 4, 8})


def speaker_hits(token, speakers: list, context, *, doer: bool = False) -> list[ActorHit]:
    """The speaking party ``token`` stands for, as an actor hit (empty when it stands for none).
    ``speakers`` are the event's assertions by a source other than the outlet; ``doer`` says ``token`` was
    reached as the doer of an event noun (``doer_of_noun``)."""
    names = {a.source for a in speakers}
    one_speaker = len(names) == 1 and token.dep_ == "nsubj"
    pronoun = token.lower_ in SPEAKER_PRONOUNS or possessed_by_speaker(token) or (
        token.lower_ == "they" and one_speaker and _saying_verb(token.head) is not None
    ) or (token.lower_ == "it" and one_speaker and _it_is_the_speaker(token, doer))
    if not pronoun:
        return []
    for speaker in speakers:
        hit = speaker_hit(context, speaker)
        if hit is not None:
            return [hit]
    return []


def _it_is_the_speaker(token, doer: bool) -> bool:
    """"it" in what one body says it did: the doer of an event noun or of an own-act verb."""
    saying_verb = _saying_verb(token.head)
    if saying_verb is None or not _said_by_one_body(saying_verb):
        return False
    return doer or _own_act_verb(token.head)


def _own_act_verb(verb) -> bool:
    """A verb whose "it" is the one speaking: taking ground or stopping an attack ("regained", "shot down"), or
    any act on an armed party ("the army said it killed 20 militants", "the PDF unit said it had killed a dozen
    soldiers"; a strike told before kills "people")."""
    lemma = verb.lemma_.lower()
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return True
    if lemma in _own_act_verbs():
        return True
    return any(hit.inter in ARMED_GROUP_INTER for c in verb.children if c.dep_ == "dobj" for hit in actors_at(c))


@functools.lru_cache(maxsize=1)
def _own_act_verbs() -> frozenset[str]:
    return frozenset(cues()["own_act_verbs"]["words"])


def speaker_hit(context, assertion) -> ActorHit | None:
    """The party an assertion's source is: the actor of that name, else the actor named by the source's own words
    ("the US Africa Command said": a source row (Pentagon) and an actor row (Military Forces of the United
    States) share those words, and the party that acts is the actor)."""
    hit = next((h for h in context.actor_hits if h.name == assertion.source), None)
    if hit is not None or assertion.source_text is None:
        return hit
    words = assertion.source_text
    for hit in context.actor_hits:
        named = context.to_source(hit.start_char, hit.end_char)
        if named.start < words.end and words.start < named.end:
            return hit
    return None


def possessed_by_speaker(token) -> bool:
    """"its troops", "their fighters": a noun a speaker pronoun possesses."""
    return any(c.dep_ == "poss" and c.lower_ in SPEAKER_PRONOUNS for c in token.children)


def owner_country(token, speakers: list) -> str | None:
    """For a noun the speaker possesses ("its troops"), the one country its named speakers speak for ("the
    Russian defence ministry said its troops killed ...": Russia's troops, not the place's); else None."""
    if not possessed_by_speaker(token):
        return None
    countries = {party_country(a.source) for a in speakers if a.source_named}
    return countries.pop() if len(countries) == 1 else None


def doer_of_noun(noun) -> list:
    """The subject of the verb an event noun is the object or the means of: "it" in "it had carried out an air
    strike", "it responded with artillery fire"."""
    if noun.pos_ != "NOUN":
        return []
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "with" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ == "VERB" else []


def _said_by_one_body(saying_verb) -> bool:
    """The saying verb's subject is a proper name ("the army" as a body: "AFRICOM", "the Syrian Democratic
    Forces") or a singular common noun ("the army", "the ministry"), which "it" can stand for; not a pronoun
    ("he") or a common plural ("police", "officials")."""
    return any(c.dep_ == "nsubj" and (c.tag_ in ("NNP", "NNPS")
                                      or (c.tag_ == "NN" and "Plur" not in c.morph.get("Number")))
               for c in saying_verb.children)


def _saying_verb(verb):
    """The saying verb whose complement ``verb`` is, directly or as a later conjunct ("said no soldiers were
    wounded and that it had responded"); else None."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues()["verbs"]:
        return verb.head
    return None
