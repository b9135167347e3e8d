"""Where did an event happen: the place grammatically tied to its trigger, with ACLED geo-precision.

Among the toponyms of the trigger's sentence, the event's place is the one the trigger's clause puts it in:
governed by a locative preposition ("in", "at", "near", "outside", "north-east of"), close to the trigger in the
dependency tree, and not a mere modifier of another noun ("Syrian forces", "the Damascus government",
"told Xinhua"). The finest place wins: a province or country containing another named place is context ("near
Dikwa in Nigeria's Borno state"), so is the town a distance is measured from ("Bahawalpur, 80 km south of
Multan"). A place the gazetteer lacks ("the village of X in Idlib") keeps its name and is coded to the nearest
named town of the sentence with precision 2. When no toponym in the sentence is tied to the trigger, there is no
place: sitrep never fills one in from elsewhere.

ACLED precision (CODING.md, Place): 1 a town or village named directly; 2 "near"/"outside"/"north of" a town, or a
small area or district; 3 a larger region or province. A country alone gives a Place with no coordinates and
no precision.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Place, Span
from ..doc_text import text_of
from ..nlp import sentence_of
from .toponyms import Toponym

__all__ = ["event_place", "precision_for"]

LOCATIVE_PREPOSITIONS = frozenset("in at near outside inside into across around throughout within on across "
                                  "along towards toward onto over through off".split())
ORIGIN_PREPOSITIONS = frozenset("from to by for against with between".split())
# "control of Bakhmut", "parts of Khartoum", "the siege of Mariupol": nouns whose "of" names the event's place
OF_LOCATIVE_HEADS = frozenset("control part parts most much outskirts outskirt capture recapture siege battle fall "
                              "centre center heart edge rest entrance streets street north south east west "
                              "surroundings vicinity environs bombardment shelling liberation takeover".split())
PLACE_HEAD_NOUNS = frozenset("city town village province district region area neighborhood neighbourhood "
                             "suburb camp governorate state county countryside outskirts border borders "
                             "municipality quarter capital district's valley mountains mountain refugee "
                             "border crossing port island oblast settlement sector locality hometown street streets community".split())
MODIFIER_DEPENDENCIES = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
NEARBY_CUE = re.compile(
    r"(?:\bnear|\boutside|\bclose to|\boutskirts of|\bvicinity of|\baround|\bnorth of|\bsouth of|\beast of|"
    r"\bwest of|\b(?:north|south)-?(?:east|west)(?:ern)? of|\b(?:northern|southern|eastern|western) outskirts of|"
    r"\b(?:km|kilometres|kilometers|miles)\s+(?:\([^)]*\)\s+)?(?:\w+\s+)?(?:from|of)|\bnot far from|\bjust "
    r"(?:north|south|east|west) of)\s+(?:the\s+)?(?:(?:city|town|village|province|region)\s+of\s+)?$",
    re.IGNORECASE,
)
# Scoring of a toponym as the event's place (chosen on the Halterman event-location development rows).
LOCATIVE_BONUS = 3.0
PATH_PENALTY = 0.6  # per dependency edge between trigger and toponym
PATH_CAP = 8  # edges beyond this are parse noise (a long attachment chain), not more distance
MODIFIER_PENALTY = 3.0  # "Syrian forces", "Kabul government": the toponym modifies a non-place noun
OBJECT_BONUS = 2.0  # the place is what the event verb acts on (captured, stormed, shelled X)
ORIGIN_PENALTY = 1.5  # "from Kabul", "to Damascus": where someone came from or went, not where it happened
SPECIFIC_BONUS = 0.5  # per precision step finer than a region, and for a sub-national place over a country
CONTAINER_PENALTY = 3.0  # a province or country that contains another place the sentence names
CONTAINER_FEATURES = frozenset({"country", "continent", "admin1", "province", "state", "region"})
REFERENCE_PENALTY = 4.0  # the town a distance or direction is measured from
SAME_PHRASE_FINER_BONUS = 1.5  # of two toponyms naming one place phrase, the finer one is the place
REFERENCE_GAP = re.compile(
    r"^[\s,(]*(?:(?:about|some|just|around|roughly|nearly)\s+)?(?:[\d.,]+\s*(?:-\s*)?(?:km|kilometers|kilometres|"
    r"miles|mi)\b\s*(?:\([^)]*\)\s*)?)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?(?:of|from|near|outside)\s+(?:the\s+)?(?:(?:city|town|village|capital)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
REPORTING_VERBS = frozenset("say tell state announce report claim deny confirm condemn accuse allege blame add "
                             "quote warn urge".split())
MIN_SCORE = -1.0  # below this the sentence does not place the event (chosen on the team corpus and the dev rows)
COUNTRY_FEATURES = frozenset({"country", "continent"})


def precision_for(place: Place | None, cue_before: str = "") -> int | None:
    """ACLED precision for a place named in text, given the words just before it ("near", "north of")."""
    if place is None or place.feature in COUNTRY_FEATURES:
        return None
    base = place.precision if place.precision is not None else 2
    if NEARBY_CUE.search(cue_before):
        return max(base, 2)
    return base


def _token_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _path_length(first, second) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    first_chain = [first, *first.ancestors]
    second_chain = [second, *second.ancestors]
    positions = {token.i: depth for depth, token in enumerate(first_chain)}
    for depth, token in enumerate(second_chain):
        if token.i in positions:
            return depth + positions[token.i]
    return len(first_chain) + len(second_chain)


def _place_phrase_head(token):
    """Climb from a toponym to the noun phrase it names: "Nablus" in "the city of Nablus", "Farah city"."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ in ("compound", "appos", "conj", "amod", "nmod", "poss") and head.pos_ in ("NOUN", "PROPN"):
            located_noun = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS
            if _is_place_noun(head) or current.dep_ in ("appos", "conj") or located_noun:
                current = head  # "in a Mogadishu cafe", "through New York City streets": the place of the noun
                continue
        if current.dep_ == "pobj" and head.lower_ == "of" and _is_place_noun(head.head):
            current = head.head
            continue
        break
    return current


def _is_place_noun(token) -> bool:
    return token.lower_ in PLACE_HEAD_NOUNS or token.lemma_.lower() in PLACE_HEAD_NOUNS


def _governing_preposition(phrase_head) -> str | None:
    """The preposition the place phrase hangs from ("in", "near"), if any."""
    if phrase_head.dep_ == "pobj":
        return phrase_head.head.lower_
    return None


def _is_modifier(token) -> bool:
    """"Syrian forces", "Damascus government", "Kabul's police": a toponym describing another noun."""
    if token.dep_ in MODIFIER_DEPENDENCIES and token.head.pos_ in ("NOUN", "PROPN"):
        return not _is_place_noun(token.head)
    return False


def _candidate_score(toponym: Toponym, trigger, doc) -> float | None:
    token = _token_at(doc, toponym.start, toponym.end)
    if token is None:
        return None
    phrase = _place_phrase_head(token)
    score = -PATH_PENALTY * min(_path_length(trigger, phrase), PATH_CAP)
    preposition = _governing_preposition(phrase)
    of_place = preposition == "of" and phrase.head.head.lemma_.lower() in OF_LOCATIVE_HEADS
    if (preposition in LOCATIVE_PREPOSITIONS or of_place
            or NEARBY_CUE.search(text_of(doc)[max(0, toponym.start - 60):toponym.start])):
        score += LOCATIVE_BONUS
    elif preposition in ORIGIN_PREPOSITIONS:
        score -= ORIGIN_PENALTY
    elif phrase.dep_ in ("dobj", "nsubjpass") and phrase.head.pos_ == "VERB":
        score += OBJECT_BONUS  # "stormed the village of Mainok", "Nawa is being targeted"
    if phrase.i == token.i and _is_modifier(token):
        score -= MODIFIER_PENALTY
    feature = toponym.feature or (toponym.chosen.feature if toponym.chosen else None)
    if feature not in COUNTRY_FEATURES:
        score += SPECIFIC_BONUS
        precision = toponym.chosen.precision if toponym.chosen and toponym.chosen.precision else 1
        score += SPECIFIC_BONUS * (3 - precision)
    return score


def _is_reference_point(toponym: Toponym, others: list[Toponym], text: str) -> bool:
    """"in Bahawalpur, 80 km south of Multan", "near Samarra, north of Baghdad": Multan and Baghdad only say
    where the first place lies."""
    for other in others:
        if other.end <= toponym.start and REFERENCE_GAP.match(text[other.end:toponym.start]):
            return True
    return False


def _size_rank(toponym: Toponym) -> tuple[int, int]:
    """Smaller is more specific: places the gazetteer lacks (villages, neighbourhoods) first, then by precision
    and population."""
    if toponym.chosen is None:
        return (0, 0)
    return (toponym.chosen.precision or 4, toponym.chosen.gazetteer_id and _population_hint(toponym) or 0)


def _population_hint(toponym: Toponym) -> int:
    chosen_id = toponym.chosen.gazetteer_id if toponym.chosen else None
    return next((entry.population for entry in toponym.candidates if entry.gazetteer_id == chosen_id), 0)


def _as_event_place(toponym: Toponym, doc) -> Place:
    span = Span(toponym.start, toponym.end, toponym.text)
    if toponym.chosen is None:
        return Place(name=toponym.text, text=span, rule="event_place:not_in_gazetteer")
    chosen = toponym.chosen
    if chosen.feature in COUNTRY_FEATURES:
        return replace(chosen, lat=None, lon=None, precision=None, admin1=None, admin2=None, text=span,
                       rule="event_place:country_only")
    cue = text_of(doc)[max(0, toponym.start - 60):toponym.start]
    precision = precision_for(chosen, cue)
    rule = "event_place:near" if precision != chosen.precision else "event_place:named"
    if chosen.rule and "; " in chosen.rule:  # how the reading was chosen ("gazetteer; outlet home:wtvm.com")
        rule += chosen.rule[chosen.rule.index(";"):]
    return replace(chosen, precision=precision, text=span, rule=rule)


def event_place(doc, trigger_start: int, trigger_end: int, toponyms: list[Toponym]) -> Place | None:
    """The place of the event whose trigger is ``doc.text[trigger_start:trigger_end]``, or None.

    Only toponyms of the trigger's sentence are considered (``toponyms`` may cover the whole document, as
    :func:`sitrep.resolve.toponyms.find_toponyms` returns them). None when the sentence names no place tied to
    the trigger.
    """
    sentence = sentence_of(doc, trigger_start)
    trigger = _token_at(doc, trigger_start, trigger_end)
    if sentence is None or trigger is None:
        return None
    if trigger.lemma_.lower() in REPORTING_VERBS:
        return None  # "officials said", "the group denied": where it was said is not where it happened
    in_sentence = [t for t in toponyms if sentence.start_char <= t.start and t.end <= sentence.end_char]
    scored = []
    by_phrase: dict[int, list[int]] = {}
    for toponym in in_sentence:
        score = _candidate_score(toponym, trigger, doc)
        if score is None:
            continue
        if _is_reference_point(toponym, in_sentence, text_of(doc)):
            score -= REFERENCE_PENALTY
        if _contains_another(toponym, in_sentence):
            score -= CONTAINER_PENALTY
        head = _place_phrase_head(_token_at(doc, toponym.start, toponym.end))
        by_phrase.setdefault(head.i, []).append(len(scored))
        scored.append([score, -abs(toponym.start - trigger_start), toponym])
    if not scored:
        return None
    for members in by_phrase.values():  # "the Homs neighbourhood of Baba Amr": the neighbourhood is the place
        if len(members) > 1:
            finest = min(members, key=lambda index: _size_rank(scored[index][2]))
            scored[finest][0] += SAME_PHRASE_FINER_BONUS
    best_score, _, best = max(scored, key=lambda item: (item[0], item[1]))
    if best_score < MIN_SCORE:
        return None
    if best.chosen is None:  # "the Solino neighbourhood of Port-au-Prince": code to the named town nearby
        container = _resolved_container(best, [item[2] for item in scored])
        if container is not None:  # ACLED precision 2: a small place coded to a representative town
            town = container.chosen
            return replace(town, name=best.text, precision=max(town.precision or 2, 2), feature=None,
                           gazetteer_id=None, text=Span(best.start, best.end, best.text),
                           rule=f"event_place:within:{town.name}")
    return _as_event_place(best, doc)


def _contains_another(toponym: Toponym, others: list[Toponym]) -> bool:
    """"near Dikwa in Nigeria's Borno state": Borno and Nigeria contain Dikwa, so they are context, not the place."""
    outer = toponym.chosen
    if outer is None or outer.feature not in CONTAINER_FEATURES:
        return False
    for other in others:
        inner = other.chosen
        if other is toponym or inner is None or inner.gazetteer_id == outer.gazetteer_id:
            continue
        if inner.feature in COUNTRY_FEATURES or inner.country_code != outer.country_code:
            continue
        if outer.feature in COUNTRY_FEATURES or (inner.admin1 and inner.admin1 == outer.admin1):
            return True
    return False


def _resolved_container(unresolved: Toponym, candidates: list[Toponym]) -> Toponym | None:
    """The nearest resolved, sub-national toponym of the sentence, for a place the gazetteer lacks."""
    resolved = [t for t in candidates if t.chosen is not None and t.chosen.feature not in COUNTRY_FEATURES]
    if not resolved:
        return None
    return min(resolved, key=lambda t: abs(t.start - unresolved.start))
