"""Event arguments from the dependency parse: who acted, on whom, with what, and where.

Given a parsed spaCy ``Doc``, the index of an event's trigger token and the event's kind ("attack", "explode",
"die", "injure", "demonstrate", "detain"), the trigger's grammatical slots (subject, object, "by" agent,
possessor, compounds, prepositional phrases, the subject a participle inherits from its clause) are read off the
parse and each filler is named with the kind's role (Attacker/Target/Instrument/Place, Killer/Victim, ...).
Word classes from ``rules/arguments.toml`` (actors, weapons, places) and the named-entity labels decide whether a
filler can take a role at all: "killed by a bomb" gives no Killer, "attacked with rockets" an Instrument.

Spans follow the convention of annotated event corpora (KAIROS / WikiEvents): the head word of the argument's
noun phrase, or the whole name when the head is a proper name ("Helmand Province", "Islamic State").
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..errors import ResourceError

__all__ = ["Argument", "KindRoles", "argument_rules", "event_kinds", "extract_arguments", "is_actor", "is_place",
           "is_weapon", "mention_span", "slot_role", "trigger_slots"]

RULES_FILE = "arguments.toml"
# Entity labels that name an actor able to attack, kill, protest or arrest.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Entity labels that name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels whose proper-name span is returned whole.
NAME_LABELS = ACTOR_LABELS | PLACE_LABELS
# Entity labels that are never an event's participant or place ("on Friday", "at 9 a.m.", "Bloody Sunday").
NON_ARGUMENT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "EVENT", "QUANTITY"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Word forms a quantity takes before "of" ("two of the victims", "some of whom").
QUANTITY_POS = frozenset({"NUM", "PRON", "DET"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


@dataclass(frozen=True)
class Argument:
    """One role filler: token span ``[start, end)`` of the Doc, its text, and the slot that gave it (evidence)."""

    role: str
    start: int
    end: int
    text: str
    slot: str


@dataclass(frozen=True)
class KindRoles:
    """Role names of one event kind; an empty name means the kind has no such role."""

    agent: str
    patient: str
    instrument: str
    place: str
    opponent: str


@dataclass(frozen=True)
class ArgumentRules:
    """The parsed contents of ``rules/arguments.toml``."""

    kinds: dict[str, KindRoles]
    lemmas: dict[str, frozenset[str]]
    prepositions: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]


@functools.lru_cache(maxsize=1)
def argument_rules() -> ArgumentRules:
    """Load the rule file once per process."""
    try:
        text = resources.files("sitrep.rules").joinpath(RULES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ResourceError(f"rules file {RULES_FILE} is missing from the sitrep package") from error
    table = tomllib.loads(text)
    return ArgumentRules(kinds={name: KindRoles(**roles) for name, roles in table["kinds"].items()},
                         lemmas=_word_sets(table["lemmas"]), prepositions=_word_sets(table["prepositions"]),
                         words=_word_sets(table["words"]))


def _word_sets(section: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in section.items()}


def event_kinds() -> tuple[str, ...]:
    """The event kinds ``extract_arguments`` understands."""
    return tuple(argument_rules().kinds)


# ---------------------------------------------------------------------------------------------- word classes

def _referent(token):
    """The word a relative pronoun stands for ("the man who died" -> man), else the token itself."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def is_actor(token) -> bool:
    """Can this word name someone who acts: a person, group, organisation, or a pronoun standing for one."""
    words = argument_rules().words
    token = _referent(token)
    if token.ent_type_ in ACTOR_LABELS or token.lemma_.lower() in words["actors"]:
        return True
    if token.lower_ in words["pronouns"]:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in PLACE_LABELS and not token.like_num


def is_weapon(token, *, carriers: bool = True) -> bool:
    """Does this word name a weapon or explosive device (or, with ``carriers``, a vehicle or bag carrying one)."""
    lemma = _referent(token).lemma_.lower()
    words = argument_rules().words
    return lemma in words["weapons"] or (carriers and lemma in words["carriers"])


def is_place(token) -> bool:
    """Does this word name a place: a GPE/LOC/FAC entity or a common place noun."""
    return token.ent_type_ in PLACE_LABELS or token.lemma_.lower() in argument_rules().words["places"]


def _is_nominal(token) -> bool:
    return token.pos_ in NOUN_POS or token.ent_type_ in NAME_LABELS


# ---------------------------------------------------------------------------------------------- slots

def _children(token, deps) -> list:
    return [child for child in token.children if child.dep_ in deps]


def _prep_slots(token) -> list[tuple[str, object]]:
    """("prep:<word>", object) for each prepositional phrase on ``token``, "by" agents included."""
    slots = []
    for prep in _children(token, {"prep", "agent"}):
        word = "by" if prep.dep_ == "agent" else prep.lower_
        slots += [(f"prep:{word}", obj) for obj in _children(prep, {"pobj"})]
        for pcomp in _children(prep, {"pcomp"}):  # "from inside the town"
            inner = [obj for inner_prep in _children(pcomp, {"prep"}) for obj in _children(inner_prep, {"pobj"})]
            slots += [(f"prep:{word}", obj) for obj in inner]
    return slots


def _logical_subjects(verb) -> list[tuple[str, object]]:
    """The verb's own subject slots: its subject, its passive subject, its "by" agent."""
    slots = [("subject", child) for child in _children(verb, SUBJECT_DEPS)]
    slots += [("passive_subject", child) for child in _children(verb, PASSIVE_SUBJECT_DEPS)]
    slots += [("prep:by", obj) for agent in _children(verb, {"agent"}) for obj in _children(agent, {"pobj"})]
    return slots


def _inherited_subjects(verb) -> list[tuple[str, object]]:
    """Subject slots a verb without its own subject takes from the clause it hangs on.

    "They killed 23 and injured 15" (conjunct), "a bomber blew himself up, killing six" (participle: the
    clause's doer), "militants killed in blasts" (past participle on a noun: the noun underwent it).
    """
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "conj":
        return _logical_subjects(head) or _inherited_subjects(head)
    if verb.dep_ in {"advcl", "xcomp"}:
        doers = [(slot, token) for slot, token in _logical_subjects(head) if slot != "passive_subject"]
        if verb.dep_ == "xcomp" and not doers:
            doers = _logical_subjects(head)
        return [("subject", token) for _, token in doers]
    if verb.dep_ == "acl" and _is_nominal(head):
        return [("subject" if verb.tag_ == "VBG" else "passive_subject", head)]
    if verb.dep_ == "relcl" and _is_nominal(head) and any(child.lower_ == "where" for child in verb.children):
        return [("where_clause", head)]
    return []


def _subjects(verb) -> list[tuple[str, object]]:
    """The verb's subject slots, completed from its clause when it has only a "by" agent ("shot dead by police")."""
    slots = _logical_subjects(verb)
    if not any(slot != "prep:by" for slot, _ in slots):
        slots += _inherited_subjects(verb)
    return slots


def _verb_slots(verb) -> list[tuple[str, object]]:
    slots = _subjects(verb)
    slots += [("object", child) for child in _children(verb, {"dobj", "dative"})]
    slots += _prep_slots(verb)
    for helper in _children(verb, {"advcl", "xcomp"}):  # "attacked the post using rockets"
        if helper.lemma_.lower() == "use":
            slots += [("prep:using", obj) for obj in _children(helper, {"dobj"})]
    return slots


def _adjective_slots(adjective) -> list[tuple[str, object]]:
    """"Five were dead", "shot dead by police", "left four people dead": the adjective's bearer is the patient."""
    slots = [("passive_subject", child) for child in _children(adjective, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)]
    head = adjective.head
    if adjective.dep_ == "amod" and _is_nominal(head):
        return slots + [("passive_subject", head)]
    if not slots and head.i != adjective.i and adjective.dep_ in {"acomp", "oprd", "xcomp", "ccomp", "advcl"}:
        slots += [("passive_subject", child) for child in _children(head, {"dobj"})]
        subjects = _subjects(head)
        if not slots:
            slots += [("passive_subject", token) for slot, token in subjects if slot != "prep:by"]
        slots += [(slot, token) for slot, token in subjects if slot == "prep:by"]
    return slots + _prep_slots(adjective)


def _event_phrase(noun):
    """"a series of attacks" -> series: the word that stands for the event noun in its clause.

    The collective nouns ("series", "wave", "spate") are in the rule file's ``never`` list, since they are
    never arguments themselves.
    """
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in argument_rules().words["never"]:
        return head.head
    return noun


def _noun_head_slots(noun) -> list[tuple[str, object]]:
    """Slots an event noun gets from the verb it hangs on ("X carried out the attack", "the blast hit a market")."""
    lemmas = argument_rules().lemmas
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NUM":  # "11 of the injured"
        return [("passive_subject", noun.head.head)]
    noun = _event_phrase(noun)
    head = noun.head
    if head.i == noun.i:
        return []
    verb_lemma = head.lemma_.lower()
    if noun.dep_ == "pobj" and head.head.pos_ == "NOUN" and head.lower_ == "for":  # "claimed responsibility for"
        owner = head.head
        if owner.dep_ == "dobj" and owner.head.lemma_.lower() in lemmas["support"]:
            return [("subject", token) for slot, token in _logical_subjects(owner.head) if slot != "passive_subject"]
    if noun.dep_ == "dobj" and verb_lemma in lemmas["support"]:
        doers = _logical_subjects(head) or _inherited_subjects(head)
        return [(slot, token) for slot, token in doers if slot != "passive_subject"]
    if noun.dep_ == "dobj" and verb_lemma in lemmas["undergo"]:
        return [("passive_subject", token) for _, token in _logical_subjects(head)]
    if noun.dep_ in SUBJECT_DEPS and verb_lemma in lemmas["effect"]:
        return [("object", child) for child in _children(head, {"dobj"})] + _prep_slots(head)
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in lemmas["effect"]:
        return [("object", child) for child in _children(head.head, PASSIVE_SUBJECT_DEPS)]
    if noun.dep_ in SUBJECT_DEPS and verb_lemma in lemmas["occurrence"]:
        return [(slot, token) for slot, token in _prep_slots(head) if slot != "prep:of"]
    if noun.dep_ == "compound" and head.lemma_.lower() in lemmas["toll"]:
        return [("passive_subject", token) for slot, token in _prep_slots(head) if slot == "prep:of"]
    return []


def _noun_slots(noun) -> list[tuple[str, object]]:
    slots = [("possessor", child) for child in _children(noun, {"poss"})]
    slots += [("compound", child) for child in _children(noun, {"compound", "nmod"})]
    slots += [("compound", child) for child in _children(noun, {"amod"}) if child.ent_type_ in ACTOR_LABELS]
    slots += _prep_slots(noun)
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and not any(slot == "prep:of" for slot, _ in slots):
        # "the slaughter and maiming of civilians": coordinated event nouns share their "of" phrase
        slots += [(slot, token) for slot, token in _prep_slots(noun.head) if slot == "prep:of"]
    return slots + _noun_head_slots(noun)


def trigger_slots(doc, trigger: int) -> list[tuple[str, object]]:
    """Every (slot name, filler token) the parse gives the trigger, before any role or word-class check."""
    token = doc[trigger]
    if token.pos_ in {"VERB", "AUX"}:
        return _verb_slots(token)
    if token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ in {"oprd", "acomp"}):
        return _adjective_slots(token)
    return _noun_slots(token)


# ---------------------------------------------------------------------------------------------- roles

def slot_role(slot: str, token, kind: str, trigger) -> str:
    """The role ``token`` in ``slot`` fills for an event of ``kind`` ("" when it fills none).

    The slot says what the filler could be; the filler's word class says whether it is: a subject that is a
    weapon is the instrument, one that is neither an actor nor a weapon is dropped.
    """
    rules = argument_rules()
    roles = rules.kinds[kind]
    preps = rules.prepositions
    unaccusative = trigger.lemma_.lower() in rules.lemmas["unaccusative"]
    attack_like = kind in {"attack", "explode"}
    weapon, actor = is_weapon(token), is_actor(token)
    word = slot.removeprefix("prep:") if slot.startswith("prep:") else ""
    if slot == "subject" and unaccusative:
        if weapon:
            return roles.instrument
        if kind == "explode":
            return roles.agent if actor and _referent(token).pos_ != "PRON" else roles.instrument
        return roles.patient
    if slot == "compound":
        if weapon:
            return roles.instrument
        named_actor = token.ent_type_ in ACTOR_LABELS or token.lemma_.lower() in rules.words["actors"]
        return roles.agent if named_actor and attack_like else ""
    if slot in {"where_clause", "nested"}:
        return roles.place
    if slot in {"subject", "prep:from", "prep:by"}:
        if weapon:
            return roles.instrument
        return roles.agent if actor else ""
    if slot == "possessor":
        if kind in {"die", "injure"}:
            return roles.patient
        return roles.agent if actor else ""
    if slot in {"object", "passive_subject"} or word in preps["patient_of"]:
        device_verb = not word and trigger.lemma_.lower() in rules.lemmas["device_verbs"]
        if kind == "explode" and (is_weapon(token, carriers=False) or device_verb):
            return roles.instrument
        return roles.patient
    if word in preps["instrument"] and weapon:
        return roles.instrument
    if word == "with" and actor:
        return roles.opponent
    if word in preps["between"] and attack_like:
        return roles.agent if actor else ""
    if word in preps["target"] and attack_like and not (word == "at" and is_place(token)):
        return roles.patient
    if kind == "demonstrate" and word == "against":
        return roles.patient
    if word in preps["place"] and is_place(token):
        return roles.place
    return ""


# ---------------------------------------------------------------------------------------------- spans

def _partitive(token):
    """"two of the victims" -> victims: a bare quantity stands for the group its "of" phrase names."""
    quantity = token.pos_ in QUANTITY_POS or token.ent_type_ == "CARDINAL"
    if quantity or token.lower_ in argument_rules().words["never"]:
        for prep in _children(token, {"prep"}):
            if prep.lower_ == "of":
                objects = _children(prep, {"pobj"})
                if objects:
                    return objects[0]
    return token


def _place_name(token):
    """"the city of Lyon" -> Lyon: a generic place noun named by its "of" phrase."""
    if token.lemma_.lower() in argument_rules().words["place_containers"]:
        for prep in _children(token, {"prep"}):
            names = [obj for obj in _children(prep, {"pobj"}) if obj.pos_ == "PROPN"] if prep.lower_ == "of" else []
            if names:
                return names[0]
    return token


def mention_span(doc, token) -> tuple[int, int]:
    """Token span of the mention headed by ``token``: the head word, or the whole name for a proper name."""
    if token.pos_ == "PROPN" and token.ent_type_ in NAME_LABELS:
        entity = next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None)
        if entity is not None:
            start = entity.start
            while start < token.i and (doc[start].pos_ in {"DET", "PUNCT"} or doc[start].tag_ == "POS"):
                start += 1
            end = entity.end
            while end - 1 > token.i and (doc[end - 1].pos_ == "PUNCT" or doc[end - 1].tag_ == "POS"):
                end -= 1
            return start, end
    if token.pos_ == "PROPN":
        start = token.i
        for child in reversed(list(token.lefts)):
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == start - 1:
                start = child.i
        return start, token.i + 1
    return token.i, token.i + 1


def _named_group(token):
    """"the Islamic State militant group" -> Islamic State: a generic group noun stands for the name on it."""
    if token.lemma_.lower() in argument_rules().words["generic_groups"]:
        for child in token.children:
            if child.dep_ in {"compound", "nmod"} and (child.ent_type_ in ACTOR_LABELS or child.pos_ == "PROPN"):
                return child
    return token


def _with_conjuncts(token) -> list:
    """The filler and the words coordinated or in apposition with it ("men, women and children")."""
    found = [token]
    for other in token.conjuncts:
        if other.i != token.i and _is_nominal(other):
            found.append(other)
    for member in list(found):
        found += [child for child in member.children if child.dep_ == "appos" and _is_nominal(child)]
    return found


def _usable(token, trigger) -> bool:
    never = argument_rules().words["never"]
    return (token.i != trigger.i and _is_nominal(token) and token.lower_ not in never
            and token.lemma_.lower() not in never and token.ent_type_ not in NON_ARGUMENT_LABELS)


def _nested_places(token) -> list:
    """Places said of a participant rather than of the event: "attacked a checkpoint in Kandahar"."""
    place_preps = argument_rules().prepositions["place"] - {"on", "over", "under", "into", "onto", "through"}
    return [obj for slot, obj in _prep_slots(token) if slot[5:] in place_preps and is_place(obj)]


def extract_arguments(doc, trigger: int, kind: str) -> tuple[Argument, ...]:
    """Role-labelled arguments of the event whose trigger is token ``trigger`` of ``doc``.

    Raises ValueError for an unknown ``kind`` or a trigger index outside the Doc (both are caller errors).
    """
    rules = argument_rules()
    if kind not in rules.kinds:
        raise ValueError(f"unknown event kind {kind!r}; expected one of {', '.join(rules.kinds)}")
    if not 0 <= trigger < len(doc):
        raise ValueError(f"trigger index {trigger} is outside the document ({len(doc)} tokens)")
    trigger_token = doc[trigger]
    roles = rules.kinds[kind]
    found: dict[tuple[str, int, int], Argument] = {}
    slots = trigger_slots(doc, trigger)
    for slot, filler in slots:
        filler = _partitive(filler)
        role = slot_role(slot, filler, kind, trigger_token)
        if not role:
            continue
        if role in {roles.agent, roles.patient} and roles.place:
            slots += [("nested", place) for place in _nested_places(filler)]
        sides = slot.removeprefix("prep:") in rules.prepositions["between"]
        for position, member in enumerate(_with_conjuncts(filler)):
            member_role = roles.opponent if sides and position else role  # "between troops and rebels"
            if member_role == roles.place:
                member = _place_name(member)
            elif member_role == roles.agent:
                member = _named_group(member)
            if not member_role or not _usable(member, trigger_token):
                continue
            start, end = mention_span(doc, member)
            if start <= trigger < end:
                continue
            found.setdefault((member_role, start, end),
                             Argument(member_role, start, end, doc[start:end].text, slot))
    return tuple(found.values())
