"""Reported deaths for an event mention: the victims phrase of a killing word, read by ``numbers``.

Only deaths count (CODING.md): "wounded" or "casualties" give nothing; "no one was killed" gives nothing
here (it is a statement, not a figure for low/high).
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from ..model import Fatalities
from .actors import coordinated_heads, own_subtree
from .numbers import parse_quantity

KILL_VERBS = frozenset({"kill", "die", "slay", "murder", "execute", "behead", "massacre", "martyr"})
INTRANSITIVE_DEATH_VERBS = frozenset({"die"})
DEATH_NOUNS = frozenset({"dead", "death", "body", "corpse", "fatality"})
DEAD_ADJECTIVES = frozenset({"dead", "deceased"})  # "was pronounced dead", "was pronounced deceased"
DEAD_VERBS = frozenset({"pronounce", "declare", "find", "leave", "be"})  # "was pronounced dead", "left 3 dead"
BREAK_PUNCTUATION = frozenset({"-", "–", "—", ",", ";", ":", "(", ")"})  # not quotes: '35 "Christians"'
NO_ONE_WORDS = frozenset({"no", "nobody", "none"})
NOT_A_COUNT = re.compile(r"\d{4,}")  # four digits with no thousands comma: a year, an address, a clock time
# "was fatally shot", "stabbed to death": a wounding verb made lethal by its modifier.
WOUNDING_VERBS = frozenset({"shoot", "stab", "beat", "gun", "strangle", "bludgeon", "wound", "injure", "strike", "hit"})
FATAL_ADVERBS = frozenset({"fatally", "mortally"})
FATAL_ADJECTIVES = frozenset({"fatal", "deadly", "lethal"})
# "the fatal shooting of a teenager", "the killing of two women": a noun naming a death, its victims after "of".
KILLING_NOUNS = frozenset({"killing", "murder", "slaying", "homicide", "execution"})
WOUNDING_NOUNS = frozenset({"shooting", "stabbing", "beating"})
LIFE_NOUNS = frozenset({"life", "lives"})
REFLEXIVES = frozenset({"himself", "herself"})
SELF_RULE = ":self"
GUN_WORDS = frozenset({"gun", "weapon", "rifle", "pistol", "handgun", "shotgun", "firearm"})
TAKING_VERBS = frozenset({"claim", "take"})
# "another man", "the victim", "his son": one person when the noun is singular and so determined.
SINGULAR_DETERMINERS = frozenset({"a", "an", "another", "the", "this", "that", "his", "her", "their", "its", "our",
                                  "my", "your"})


IMPLIED_RULE = ":implied"
OTHER_KILLING_WORDS = frozenset({"other", "previous", "prior", "past", "earlier"})  # "other homicides"
ONE_PERSON_RULE = ":one-person"  # a named victim, "he": one of the dead, not a count of them all
KILLER_COUNTED_RULE = ":killer-counted"
MULTIPLIED_RULE = ":multiplied"  # "a triple homicide": a word that counts the dead, though no number is written  # "three dead, including the shooter": the count holds the killer's death
RELATIVE_PRONOUNS = frozenset({"who", "that"})
LETTING_VERBS = frozenset({"let", "allow"})  # "don't let him die": the negation is the death's
# Tags of one named or singular victim a killing word implies even when no count is written ("Moore was killed").
SINGULAR_TAGS = frozenset({"NN", "NNP"})


@functools.lru_cache(maxsize=1)
def _death_words() -> dict:
    """rules/death_words.toml: the multiplying words as a table, every other list as a frozenset."""
    raw = tomllib.loads(resources.files("sitrep").joinpath("rules", "death_words.toml").read_text(encoding="utf-8"))
    words = {name: frozenset(values) for name, values in raw["lists"].items()}
    words["multiplying_words"] = dict(raw["multiplying_words"])
    return words


def multiplying_words() -> dict[str, int]:
    """Words that count a killing's victims ("double": 2), from rules/death_words.toml."""
    return _death_words()["multiplying_words"]


def fatalities_near(doc, cluster, to_source, sentence_triggers=()) -> Fatalities | None:
    """The deaths the mention reports: each killing word of its sentence that belongs to this mention's
    triggers (the nearest trigger, when a sentence tells of two events), its countable victims summed.

    "Three policemen were killed and two attackers died" is five deaths (ACLED counts every side's dead); a
    figure repeating one already counted ("killed 10 ... the 10 dead included") is not added again.
    """
    sentence = doc[cluster[0].head].sent
    own_heads = {t.head for t in cluster}
    all_heads = {t.head for t in sentence_triggers} | own_heads
    figures: list[Fatalities] = []
    for token in sentence:
        if _nearest_head(token.i, all_heads) not in own_heads:
            continue
        figure = _figure_at(token, to_source)
        if figure is not None and (figure.rule.endswith(SELF_RULE)
                                   or not any((f.low, f.high) == (figure.low, figure.high) for f in figures)):
            figures.append(figure)
    counted = [f for f in figures if not f.rule.endswith(IMPLIED_RULE)]
    if not counted and figures:
        return max(figures, key=lambda f: f.low)  # "a double homicide" and "a fatal shooting": the larger
    figures = counted  # "killed two men ... a homicide": the count, not the word that implies one death
    if not figures:
        return None
    if len(figures) == 1:
        return figures[0]
    lows = [f.low for f in figures]
    highs = [f.high for f in figures]
    return Fatalities(
        low=sum(low for low in lows if low is not None),
        high=None if any(high is None for high in highs) else sum(highs),
        text=figures[0].text,  # the first figure's words; the rule names every figure summed
        rule="+".join(f.rule for f in figures) + ":summed",
    )


def _nearest_head(index: int, heads: set[int]) -> int | None:
    return min(heads, key=lambda head: (abs(head - index), head)) if heads else None


def _figure_at(token, to_source) -> Fatalities | None:
    """The death figure a killing word at ``token`` gives, or None."""
    lemma = token.lemma_.lower()
    if _unrealised(token) or _alternative_to_wounding(token):
        return None  # "attempted murder", "tried to kill", "were wounded or killed"
    shot_dead = (lemma == "shoot" and any(c.lower_ == "dead" for c in token.children)) or _gunned_down(token)
    implies_death = False  # the word alone says someone died, whoever its victims are
    if (lemma in KILL_VERBS or shot_dead) and token.pos_ in ("VERB", "AUX"):
        victims = _victims_of(token)
        implies_death = _shot_and_killed(token)
    elif lemma in WOUNDING_VERBS and token.pos_ == "VERB" and _made_fatal(token):
        # "identified the woman fatally shot Monday" parsed with "woman" as the subject: with no object, a
        # lethal shooting's subject is who was shot
        victims = _victims_of(token) or next((c for c in token.children if c.dep_ == "nsubj"), None)
        implies_death = True
    elif token.lower_ in FATAL_ADVERBS and token.head.pos_ == "NUM" and token.head.head.lemma_.lower() in WOUNDING_VERBS:
        victims = token.head  # "four teens were shot, one fatally"
    elif lemma == "turn" and token.pos_ == "VERB" and _gun_turned_on_self(token) is not None:
        victims = _gun_turned_on_self(token)  # "before turning the gun on himself"
    elif lemma in LIFE_NOUNS and token.dep_ == "dobj" and token.head.lemma_.lower() in TAKING_VERBS:
        if _own_life(token):  # "before taking his own life"
            return Fatalities(low=1, high=1, text=to_source(token.idx, token.idx + len(token.text)),
                              rule=f"fatalities:life{SELF_RULE}")
        victims = _of_object(token)  # "a shooting that claimed the life of one man"
    elif token.pos_ == "NOUN" and lemma in _death_words()["killer_death_nouns"] and any(
            c.dep_ == "compound" and c.lemma_.lower() in KILLING_NOUNS for c in token.children):
        return _implied(token, to_source, MURDER_SUICIDE_DEATHS, "murder-suicide")  # the victim and the killer
    elif token.pos_ == "NOUN" and lemma in _death_words()["killer_death_nouns"] and token.dep_ == "dobj" \
            and token.head.lemma_.lower() in _death_words()["suicide_verbs"]:
        return Fatalities(low=1, high=1, text=to_source(token.idx, token.idx + len(token.text)),
                          rule=f"fatalities:suicide{SELF_RULE}")  # "before committing suicide": the killer's death
    elif token.pos_ == "NOUN" and (lemma in KILLING_NOUNS or (lemma in WOUNDING_NOUNS and any(
            c.dep_ == "amod" and c.lower_ in FATAL_ADJECTIVES for c in token.children))):
        if token.dep_ == "compound":
            return None  # "homicide detectives", "murder charges": a kind of thing, not a death told
        victims = _of_object(token)  # "the fatal shooting of a teenager", "the killing of two women"
        implies_death = _one_killing_told(token)
    elif lemma in DEAD_ADJECTIVES and token.dep_ in ("acomp", "oprd", "xcomp") and token.head.lemma_.lower() in DEAD_VERBS:
        # "a shooting that left a man dead": the object, not the relative pronoun, is who died
        arguments = {c.dep_: c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")}
        victims = arguments.get("nsubjpass") or arguments.get("dobj") or arguments.get("nsubj")
    elif lemma == "dead" and token.dep_ == "amod" and token.i > token.head.i and token.head.dep_ in ("dobj", "nsubjpass") \
            and token.head.head.lemma_.lower() in DEAD_VERBS:
        victims = token.head  # the parse of "left a man dead" hangs "dead" on "man"
    elif lemma in DEATH_NOUNS and token.pos_ in ("NOUN", "ADJ"):
        victims = _counted_by(token)
    else:
        return None
    victims = _past_dateline(victims, token)
    if _killers_own_end(token, victims, implies_death) and not _negated(token, victims or token):
        # "killed a customer before being fatally shot by police": the killer's death, never a repeat of the count
        return Fatalities(low=1, high=1, text=to_source(token.idx, token.idx + len(token.text)),
                          rule=f"fatalities:{lemma}{SELF_RULE}")
    if victims is None:
        if implies_death and not _negated(token, token):
            deaths = _multiplied(token)  # "a homicide", "was shot and killed"; "a double homicide" counts two
            return _implied(token, to_source, deaths, lemma + (MULTIPLIED_RULE if deaths > 1 else ""))
        return None
    if _negated(token, victims):
        return None
    heads = [victims] if _clause_of_first_noun(victims, token) else coordinated_heads(victims)
    # "killed his two children and himself": the killer coordinated with his victims is one more death
    heads += [c for c in victims.children if c.dep_ == "conj" and c.lower_ in REFLEXIVES]
    groups = [g for g in (_group_figure(head, lemma, to_source) for head in heads) if g]
    if groups and len(heads) > 1:
        groups += [_listed_name(head, lemma, to_source) for head in heads if _name_among_victims(head, groups, to_source)]
    if not groups:
        if implies_death and victims.tag_ in SINGULAR_TAGS and victims.lemma_.lower() not in GROUP_NOUNS:
            return _implied(token, to_source, 1, lemma)  # "Moore was killed" with a name the parse did not tag
        return None
    if len(groups) == 1:
        return groups[0]
    # "killing a soldier and two civilians": each coordinated group counted once
    return Fatalities(low=sum(g.low or 0 for g in groups),
                      high=None if any(g.high is None for g in groups) else sum(g.high for g in groups),
                      text=groups[0].text, rule=f"fatalities:{lemma}:coordinated")


# Entity types a listed proper noun may carry and still be one of the victims: the small tagger often calls an
# unfamiliar surname a place ("Giaquinta and another man were found dead").
NOT_A_PERSON_ENTITIES = frozenset({"ORG", "NORP", "FAC", "PRODUCT", "EVENT", "DATE", "TIME", "CARDINAL", "MONEY"})


def _name_among_victims(head, groups, to_source) -> bool:
    """A proper noun listed with counted victims that gave no figure of its own: one person named among them."""
    span = to_source(head.idx, head.idx + len(head.text))
    return (head.tag_ == "NNP" and not head.text.isupper() and head.ent_type_ not in NOT_A_PERSON_ENTITIES
            and all(g.text != span for g in groups))


def _listed_name(head, lemma: str, to_source) -> Fatalities:
    """"Giaquinta and another man were found dead": the name is one death beside the other man."""
    return Fatalities(low=1, high=1, text=to_source(head.idx, head.idx + len(head.text)),
                      rule=f"fatalities:{lemma}{ONE_PERSON_RULE}")


ONE_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _killers_own_end(verb, victims, implies_death: bool) -> bool:
    """A death told in a clause after "before" whose victim is the doer himself ("killed two people before being
    fatally shot", "before he was shot and killed by deputies", "before police shot him dead"): the killer's own
    death, one more beside his victims."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head  # "before he was shot and killed"
    after_before = (clause.dep_ == "pcomp" and clause.head.lower_ in _death_words()["before_words"]) or (
        clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _death_words()["before_words"]
                                       for c in clause.children))
    # the doer's own deed the clause follows ("killed two people", "opened fire"); "before being shot" hangs on
    # the preposition, "before he was shot" on the verb
    killing = clause.head.head if clause.dep_ == "pcomp" else clause.head
    doer = killing
    while doer.dep_ == "conj" and doer.head.pos_ == "VERB":
        doer = doer.head  # "ambushed a sergeant and then went on a rampage": the subject is the first verb's
    active = any(c.dep_ == "nsubj" for c in doer.children) or killing.tag_ == "VBG"  # "a rampage killing two"
    if not after_before or killing.pos_ != "VERB" or not active:
        return False  # "was shot ... before she died": the victim's death, told after her own wounding
    if killing.lemma_.lower() not in KILL_VERBS | WOUNDING_VERBS | _death_words()["attacking_verbs"]:
        return False
    if victims is None:
        return implies_death and not any(c.dep_.startswith("nsubj") for c in clause.children)
    return victims.lower_ in ONE_PERSON_PRONOUNS


def _clause_of_first_noun(victims, verb) -> bool:
    """"two men who were killed and two officers who were hurt": the relative clause tells of the first noun
    only (one after the whole list, "A, 24, and B, 22, who died", tells of all)."""
    clause = next((c for c in victims.children if c.dep_ == "relcl" and verb in c.subtree), None)
    return clause is not None and any(c.dep_ == "conj" and c.i > clause.i for c in victims.children)


def _one_killing_told(noun) -> bool:
    """"a homicide", "the fatal shooting", "charged with murder": a killing told, so a death. Not killings set
    apart from this one ("suspects in other homicides", "previous killings")."""
    return not any(c.dep_ == "amod" and c.lower_ in OTHER_KILLING_WORDS for c in noun.children)


def _gunned_down(verb) -> bool:
    """"were gunned down": a killing, though "gun" alone only wounds."""
    return verb.lemma_.lower() == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


def _shot_and_killed(verb) -> bool:
    """"was shot and killed", "stabbed and killed": a killing verb joined to the wounding one says someone died,
    even where the parse lost who ("A man shot and killed Sunday night ... has been identified")."""
    return verb.dep_ == "conj" and verb.head.lemma_.lower() in WOUNDING_VERBS and verb.lemma_.lower() != "die"


MURDER_SUICIDE_DEATHS = 2  # "a murder-suicide": at least the victim and the killer


def _implied(token, to_source, deaths: int, name: str) -> Fatalities:
    """At least ``deaths`` dead, told by a killing word with no countable victims ("a double homicide")."""
    first = min([token] + [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i],
                key=lambda t: t.i)
    return Fatalities(low=deaths, high=None, text=to_source(first.idx, token.idx + len(token.text)),
                      rule=f"fatalities:{name}{IMPLIED_RULE}")


def _multiplied(token) -> int:
    """"a double homicide" is two deaths, "a homicide" one; "a fatal double shooting" is two shot, at least one
    of them dead."""
    multipliers = _death_words()["multiplying_words"]
    if token.lemma_.lower() in WOUNDING_NOUNS:
        return 1
    return max((multipliers[c.lower_] for c in token.children if c.lower_ in multipliers), default=1)


def _own_life(life) -> bool:
    """"his own life", "her own life": the one who took it died."""
    return any(c.dep_ == "poss" for c in life.children) and any(c.lower_ == "own" for c in life.children)


def _unrealised(token) -> bool:
    """"attempted murder", "tried to kill", "threatened to kill", "was going to die": nobody died of it."""
    unrealised = _death_words()["unrealised_words"]
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in unrealised for c in token.children):
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in unrealised


def _alternative_to_wounding(token) -> bool:
    """"three people were wounded or killed": the words join alternatives, so no figure is a death count."""
    alternatives = _death_words()["alternative_conjunctions"]
    if token.dep_ == "conj":
        partner, joined = token.head, token.head.children
    else:
        partner = next((c for c in token.children if c.dep_ == "conj"), None)
        joined = token.children
    if partner is None or not any(c.dep_ == "cc" and c.lower_ in alternatives for c in joined):
        return False
    return partner.lemma_.lower() in WOUNDING_VERBS | KILL_VERBS


def _group_figure(victims, lemma: str, to_source) -> Fatalities | None:
    """The count one victims phrase gives ("at least 12 people", "a pilot", "Ahmed Hassan")."""
    if victims.lower_ in REFLEXIVES:  # the attacker's own death: never a repeat of the victims' figure
        start, end = victims.idx, victims.idx + len(victims.text)
        return Fatalities(low=1, high=1, text=to_source(start, end), rule=f"fatalities:{lemma}{SELF_RULE}")
    if victims.lemma_.lower() in _death_words()["perpetrator_words"] and victims.tag_ == "NN":
        start, end = victims.idx, victims.idx + len(victims.text)  # "the suspect died": his own death
        return Fatalities(low=1, high=1, text=to_source(start, end), rule=f"fatalities:{lemma}{SELF_RULE}")
    if _one_person(victims):
        start, end = victims.idx, victims.idx + len(victims.text)
        return Fatalities(low=1, high=1, text=to_source(start, end), rule=f"fatalities:{lemma}{ONE_PERSON_RULE}")
    own = {t.i for t in own_subtree(victims)}
    phrase_tokens = [t for t in victims.subtree if t.i in own and (
        t.i <= victims.i or (t.head.i == victims.i and t.dep_ == "prep" and t.lower_ == "of"))]
    phrase_tokens = _after_last_break(sorted({t.i: t for t in phrase_tokens}.values(), key=lambda t: t.i), victims)
    if victims.lower_ in ("dozens", "hundreds", "scores", "tens", "thousands"):
        phrase_tokens = [t for t in victims.subtree if t.i in own]
    if any(NOT_A_COUNT.fullmatch(t.text) and not _counts_victims(t, victims) for t in phrase_tokens):
        return None  # "2015", "6602 Elm St": a year or a house number read into the phrase by a bad parse
    quantity = parse_quantity(" ".join(t.text for t in phrase_tokens))
    if quantity is None and _singular_determined(victims):
        # "left another man dead", "the 6-month-old girl was killed": one of the dead, as a named victim is;
        # a count elsewhere ("two people were killed") is the toll
        start, end = phrase_tokens[0].idx, phrase_tokens[-1].idx + len(phrase_tokens[-1].text)
        return Fatalities(low=1, high=1, text=to_source(start, end), rule=f"fatalities:{lemma}{ONE_PERSON_RULE}")
    if quantity is None:
        return None
    low, high = quantity
    start = phrase_tokens[0].idx
    end = phrase_tokens[-1].idx + len(phrase_tokens[-1].text)
    held = KILLER_COUNTED_RULE if low is not None and low > 1 and _killer_included(victims.sent) else ""
    return Fatalities(low=low, high=high, text=to_source(start, end), rule=f"fatalities:{lemma}{held}")


def _killer_included(sentence) -> bool:
    """Whether the sentence puts a perpetrator among the dead it counts ("three dead, including the shooter"):
    the parse hangs "including" on the count, the verb or the comma, so the sentence is read, not the phrase."""
    words = _death_words()
    return any(t.lower_ in words["including_words"] and any(
        c.lemma_.lower() in words["perpetrator_words"] for c in t.subtree) for t in sentence)


def _after_last_break(tokens, victims) -> list:
    """Drop what a bad parse hung before the phrase across a standalone dash or comma ("Aug 16 (Agency) - Seventeen")."""
    doc = victims.doc
    start = 0
    for position, token in enumerate(tokens):
        if token.i >= victims.i:
            break
        standalone = token.text in BREAK_PUNCTUATION and (token.whitespace_ or (token.i > 0 and doc[token.i - 1].whitespace_))
        if standalone:
            start = position + 1
    return tokens[start:] or tokens


def _gun_turned_on_self(verb):
    """"turned the gun on himself": the reflexive the weapon was turned on, else None."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in GUN_WORDS for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "on":
            return next((g for g in child.children if g.dep_ == "pobj" and g.lower_ in REFLEXIVES), None)
    return None


DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_MAX_TOKENS = 10  # "ST. LOUIS (KMOX) –": a dateline is a few tokens before a dash opening the sentence


def _dateline_end(sentence) -> int | None:
    """Index of the dash closing a dateline at the start of ``sentence`` (opened by a word in capitals,
    "HAYWARD —"), or None: a dash inside an ordinary sentence ("Three soldiers - including a captain -") is not."""
    first = sentence[0]
    if not (first.text.isupper() and len(first.text) > 1):
        return None
    for token in list(sentence)[:DATELINE_MAX_TOKENS]:
        if token.text in DATELINE_DASHES and token.i > sentence.start and token.whitespace_ \
                and (token.i == 0 or token.doc[token.i - 1].whitespace_ or token.doc[token.i - 1].text == ")"):
            return token.i
    return None


def _past_dateline(victims, verb):
    """The parse often makes the dateline ("HAYWARD —") the subject: the victims are the words after its dash
    (another argument of the verb, or the phrase hung on the dateline)."""
    if victims is None:
        return None
    dash = _dateline_end(verb.sent)
    if dash is None or victims.i > dash:
        return victims
    later = [c for c in verb.children if c.i > dash and c.dep_ == victims.dep_]
    if later:
        return later[0]
    return next((c for c in victims.children if c.i > dash and c.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")), None)


def _made_fatal(verb) -> bool:
    """"fatally shot", "shot to death", "stabbed to death"."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in FATAL_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _of_object(noun):
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _victims_of(verb):
    """The victims phrase of a killing verb; a relative pronoun stands for the noun it refers to ("two young men
    who were killed", "John Smith, 24, and Mary Jones, 22, who died")."""
    victims = _argument_victims(verb)
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head  # "who were shot and killed"
    if victims is not None and victims.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        antecedent = clause.head
        while antecedent.dep_ == "conj":
            antecedent = antecedent.head  # the clause hangs on the last name of the list
        return antecedent
    return victims


def _argument_victims(verb):
    if verb.lemma_.lower() in INTRANSITIVE_DEATH_VERBS:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child  # "died" has no object: an "object" is a misparsed place ("died off Elm Drive")
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    if verb.dep_ in ("acl", "relcl") and (verb.head.pos_ in ("NOUN", "PROPN") or verb.head.lower_ == "old"):
        return verb.head  # "a 17-year-old shot and killed by police"
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _argument_victims(verb.head)  # "was shot and killed"
    head_arguments = {c.dep_: c for c in verb.head.children if c.i != verb.i}
    if verb.dep_ in ("xcomp", "oprd") and verb.head.pos_ == "VERB":
        return head_arguments.get("nsubjpass") or head_arguments.get("dobj")  # "was found shot to death"
    if verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return head_arguments.get("nsubj")  # the parse of "two people were slain"
    if verb.dep_ == "advcl" and verb.head.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return head_arguments.get("dobj")  # "police identified the teenager fatally shot on Friday"
    return None


def _counts_victims(number, victims) -> bool:
    """A long number that counts the victims ("at least 1500 civilians"): their numeric modifier, not a date."""
    return (number.head.i == victims.i and number.dep_ == "nummod" and victims.tag_ == "NNS"
            and number.ent_type_ not in ("DATE", "TIME"))  # not "6600 South", an address


# Singular nouns that name a group, not one person ("killed the family", "the convoy was hit").
GROUP_NOUNS = frozenset({"family", "group", "crowd", "convoy", "unit", "team", "couple", "household", "gang",
                         "militia", "patrol", "battalion", "company", "platoon", "squad", "delegation", "village"})


def _singular_determined(victims) -> bool:
    """A singular common noun with a determiner or possessive: one person ("the victim", "his son"), not a group
    ("the family")."""
    return victims.tag_ == "NN" and victims.lemma_.lower() not in GROUP_NOUNS and any(
        c.dep_ in ("det", "poss") and c.lower_ in SINGULAR_DETERMINERS for c in victims.children)


def _one_person(victims) -> bool:
    """A named person, "he"/"she", or a singular noun with a determiner is one death."""
    if victims.lower_ in ("he", "she", "him", "her"):
        return True
    return victims.pos_ == "PROPN" and victims.ent_type_ == "PERSON" and not victims.text.isupper()


def _counted_by(noun):
    """"12 dead", "the deaths of 5 soldiers", "bodies of 30 people"."""
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod"):
            return noun
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _negated(verb, victims) -> bool:
    """"did not kill", "no one was killed", "nobody died" (but not "no fewer than 10")."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in LETTING_VERBS \
            and any(c.dep_ == "neg" for c in verb.head.children):
        return True  # "don't let him die"
    if victims.lower_ in NO_ONE_WORDS:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in victims.children)
