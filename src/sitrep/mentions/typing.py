"""Sub-event typing from cue words: which of ACLED's 25 sub-event types a text (or one sentence) reports.

The event extractor types a mention from its trigger; this classifier is the fallback when no trigger rule
fires and the reuseable scorer for a whole text (a news snippet, an event's evidence sentences). It scores each
type by the cue phrases in ``rules/subevent_cues.toml``, then applies ACLED's distinctions that single words
cannot make: a protest met with tear gas is a *Protest with intervention*, with live fire an *Excessive force
against protesters*, one that turns to stones and arson a *Violent demonstration*. Ties go to the type higher in
ACLED's order of precedence (the order of ``model.EVENT_TYPES``).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..model import EVENT_TYPES

__all__ = ["classify_sub_event", "has_strong_cue", "score_sub_events", "SubEventScores"]

# Points for a matched cue in each strength band of subevent_cues.toml.
CUE_WEIGHTS = {"strong": 3.0, "medium": 1.0, "weak": 0.5}
# Most points the medium/weak cues of one type may add together.
WEAK_BAND_CAP = 2.0
# Cues in the first sentence (the lede names the main event) count this much more.
LEAD_SENTENCE_FACTOR = 1.5
# How many characters count as the "lead" when no parse is given (about one news sentence).
LEAD_CHARS = 220
# A protest reading must reach this share of the best other type's score to decide the protest sub-type.
PROTEST_DOMINANCE = 0.6
# Lethal-force cue points (1 each, 1.5 in the lead) needed for "Excessive force": one passing "killed" outside
# the lead is usually a past death the protest is about.
LETHAL_FACET_MIN = 1.5
# A territory cue decides the Battles sub-type when its type scores at least this share of the best type.
TERRITORY_SHARE = 0.4
# Seizure/defusal cues decide "Disrupted weapons use" when they score at least this share of the weapon types.
DISRUPTED_SHARE = 0.5
WEAPON_TYPES = ("Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED", "Grenade")
TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")
REPORTING = re.compile(r"\b(?:said|says|say|told|reported|announced|claimed|stated|according to [^,]*,)\s", re.IGNORECASE)
PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being)\s+$", re.IGNORECASE)
# Within remote violence, ACLED's precedence puts these first: a chemical or suicide cue names the type.
OVERRIDING_WEAPON_TYPES = ("Chemical weapon", "Suicide bomb")
# "Fighting" and "killed" are said of almost every violent event; a specific cue (a weapon, rape, a ceasefire)
# names the sub-type when it scores at least SPECIFIC_SHARE of the generic type's points.
GENERIC_TYPES = ("Armed clash", "Attack")
SPECIFIC_SHARE = 0.5
# Types whose cues are too common in violent reports to override a generic type ("troops", "police").
WEAK_SPECIFIC_TYPES = ("Change to group/activity", "Arrests", "Other", "Headquarters or base established")
# Returned when no cue matches at all: ACLED's catch-all for strategic developments.
FALLBACK_TYPE = "Other"
PRECEDENCE: tuple[str, ...] = tuple(sub for subs in EVENT_TYPES.values() for sub in subs)
PROTEST_TYPES = ("Excessive force against protesters", "Protest with intervention", "Peaceful protest",
                 "Violent demonstration")


@dataclass(frozen=True)
class SubEventScores:
    """Cue scores per sub-event type plus the protest facets, for callers that want more than the winner."""

    by_type: dict[str, float]
    facets: dict[str, float]
    strong: dict[str, float]
    territory_winner: str | None = None


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, list[tuple[re.Pattern, float]]], dict[str, list[re.Pattern]]]:
    with resources.files("sitrep.rules").joinpath("subevent_cues.toml").open("rb") as handle:
        table = tomllib.load(handle)
    types: dict[str, list[tuple[re.Pattern, float]]] = {}
    for sub_event, bands in table["type"].items():
        if sub_event not in PRECEDENCE:
            raise ValueError(f"subevent_cues.toml names an unknown sub-event type: {sub_event}")
        types[sub_event] = [(_pattern(expr), CUE_WEIGHTS[band]) for band, exprs in bands.items() for expr in exprs]
    facets = {name: [_pattern(expr) for expr in exprs] for name, exprs in table["facet"].items()}
    return types, facets


def _pattern(expression: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{expression})(?!\w)", re.IGNORECASE)


def _lead_end(text: str, doc=None) -> int:
    if doc is not None:
        for sentence in doc.sents:
            return sentence.end_char
    match = re.search(r"[.!?](?:\s|$)", text[40:])
    return 40 + match.end() if match else min(len(text), LEAD_CHARS)


def _cue_points(pattern: re.Pattern, text: str, lead_end: int) -> float:
    """1 for a cue anywhere, LEAD_SENTENCE_FACTOR when it occurs in the lead sentence."""
    match = pattern.search(text)
    if match is None:
        return 0.0
    return LEAD_SENTENCE_FACTOR if match.start() < lead_end else 1.0


def _type_score(patterns: list[tuple[re.Pattern, float]], text: str, lead_end: int) -> float:
    """Strong cues add up; the weaker bands add at most WEAK_BAND_CAP (generic words must not outvote one
    specific cue)."""
    strong = weak = 0.0
    for pattern, weight in patterns:
        points = weight * _cue_points(pattern, text, lead_end)
        if weight >= CUE_WEIGHTS["strong"]:
            strong += points
        else:
            weak += points
    return strong + min(weak, WEAK_BAND_CAP)


@functools.lru_cache(maxsize=1)
def _any_cue() -> dict[str, re.Pattern]:
    """One alternation of all of a type's cues: most texts name few types, so one search rules out the rest."""
    with resources.files("sitrep.rules").joinpath("subevent_cues.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return {sub_event: _pattern("|".join(f"(?:{expr})" for exprs in bands.values() for expr in exprs))
            for sub_event, bands in table["type"].items()}


def score_sub_events(text: str, doc=None) -> SubEventScores:
    """Cue scores for every sub-event type and protest facet in ``text`` (``doc``, if given, marks the lead)."""
    types, facets = _compiled()
    lead_end = _lead_end(text, doc)
    present = {sub_event for sub_event, pattern in _any_cue().items() if pattern.search(text)}
    by_type = {sub_event: _type_score(patterns, text, lead_end) if sub_event in present else 0.0
               for sub_event, patterns in types.items()}
    strong = {
        sub_event: sum(weight * _cue_points(pattern, text, lead_end) for pattern, weight in patterns
                       if weight >= CUE_WEIGHTS["strong"]) if sub_event in present else 0.0
        for sub_event, patterns in types.items()
    }
    facet_scores = {name: sum(_cue_points(p, text, lead_end) for p in patterns) for name, patterns in facets.items()}
    return SubEventScores(by_type=by_type, facets=facet_scores, strong=strong,
                          territory_winner=_territory_winner(text, facets))


def has_strong_cue(text: str, sub_event_type: str) -> bool:
    """Whether ``text`` holds one of the type's strong cues: a cheap test before the full classifier, for
    callers that only act when one type is named ("chlorine" before a chemical-weapon override)."""
    patterns = _compiled()[0].get(sub_event_type, ())
    return any(weight >= CUE_WEIGHTS["strong"] and pattern.search(text) for pattern, weight in patterns)


def _first_match(patterns: list[re.Pattern], text: str, before: int | None = None) -> int | None:
    """Offset of the earliest match of any pattern (only matches starting before ``before``, if given)."""
    starts = [m.start() for p in patterns for m in p.finditer(text) if before is None or m.start() < before]
    return min(starts) if starts else None


def _territory_winner(text: str, facets: dict[str, list[re.Pattern]]) -> str | None:
    """Who gained ground: the first side named in the sentence of the first territory cue ("troops recaptured
    ..."), the other side when the cue is passive ("the rebels were pushed back")."""
    cue = _first_match(facets["territory"], text)
    if cue is None:
        return None
    sentence_start = max(text.rfind(". ", 0, cue), text.rfind("\n", 0, cue), -1) + 1
    # skip the source of a report ("an army spokesman said rebels took ..."): the actor follows the verb
    attribution = [m.end() for m in REPORTING.finditer(text, sentence_start, cue)]
    if attribution:
        sentence_start = attribution[-1]
    state = [m.start() for p in facets["state_actor"] for m in p.finditer(text)]
    nonstate = [m.start() for p in facets["nonstate_actor"] for m in p.finditer(text)]
    first_state = min((x for x in state if sentence_start <= x < cue), default=None)
    first_nonstate = min((x for x in nonstate if sentence_start <= x < cue), default=None)
    if first_state is None and first_nonstate is None:
        if not state and not nonstate:
            return None
        state_after = min((x for x in state if x > cue), default=len(text))
        nonstate_after = min((x for x in nonstate if x > cue), default=len(text))
        return "state" if state_after < nonstate_after else "nonstate"
    winner = "state" if first_nonstate is None or (first_state is not None and first_state < first_nonstate) \
        else "nonstate"
    if PASSIVE_BEFORE.search(text[max(0, cue - 12):cue]):
        winner = "nonstate" if winner == "state" else "state"
    return winner


def _protest_sub_type(facets: dict[str, float]) -> str:
    """ACLED's protest ladder: demonstrators' own violence makes a riot; else lethal or violent repression is
    excessive force; else any intervention (tear gas, arrests, dispersal); else a peaceful protest."""
    riot, lethal = facets.get("riot", 0), facets.get("lethal_force", 0)
    if riot >= 1 and riot >= lethal:
        return "Violent demonstration"
    if lethal >= LETHAL_FACET_MIN:
        return "Excessive force against protesters"
    if riot >= 1:
        return "Violent demonstration"
    if facets.get("intervention", 0) >= 1:
        return "Protest with intervention"
    return "Peaceful protest"


def _best(by_type: dict[str, float]) -> tuple[str, float]:
    ranked = sorted(by_type.items(), key=lambda item: (-item[1], PRECEDENCE.index(item[0])))
    return ranked[0]


def _one_sided(scores: SubEventScores) -> bool:
    """An Armed clash reading held up only by the violence words both generic types share ("killed", "attacked",
    "fired", "wounded"): ACLED's clash needs two armed, organised sides, and no fighting word, no military target
    and no dead fighters (the strong Armed clash cues) says there were two, and no armed force is named ("the army
    killed scores of terrorists" keeps the clash reading). Then, when any Attack cue is there, the act was one-sided
    ("the man killed his wife", "someone fired shots from a car, killing a man"), and neither precedence nor one more
    shared word ("fired") may make it a battle."""
    return (scores.strong["Armed clash"] == 0 and scores.facets.get("armed_party", 0) == 0
            and scores.by_type["Attack"] > 0)


def classify_sub_event(text: str, doc=None) -> tuple[str, float]:
    """The most likely ACLED sub-event type for ``text`` and a confidence in 0..1 (share of the cue mass)."""
    scores = score_sub_events(text, doc)
    by_type = dict(scores.by_type)
    total = sum(by_type.values())
    if total == 0:
        return FALLBACK_TYPE, 0.0
    protest_mass = sum(by_type[t] for t in PROTEST_TYPES)
    others = {t: s for t, s in by_type.items() if t not in PROTEST_TYPES}
    _best_other, best_other_score = _best(others)
    protest_reading = scores.facets.get("protest", 0) >= 1 and by_type["Peaceful protest"] >= (
        PROTEST_DOMINANCE * best_other_score
    )
    if protest_reading:
        label = _protest_sub_type(scores.facets)
        return label, round(min(1.0, protest_mass / total), 3)
    others["Violent demonstration"] = by_type["Violent demonstration"]
    label, best_score = _best(others)
    if label == "Armed clash" and _one_sided(scores):
        label, best_score = "Attack", by_type["Attack"]
    if label in GENERIC_TYPES:
        specific = {t: scores.strong[t] for t in by_type if t not in GENERIC_TYPES and t not in PROTEST_TYPES
                    and t not in WEAK_SPECIFIC_TYPES}
        specific_label, specific_score = _best(specific)
        if specific_score >= SPECIFIC_SHARE * best_score and specific_score > 0:
            label, best_score = specific_label, by_type[specific_label]
    for weapon_type in OVERRIDING_WEAPON_TYPES:
        if label in WEAPON_TYPES + GENERIC_TYPES and scores.strong[weapon_type] > 0:
            return weapon_type, round(by_type[weapon_type] / total, 3)
    territory_score = max(by_type[t] for t in TERRITORY_TYPES)
    territory_strong = max(scores.strong[t] for t in TERRITORY_TYPES) > 0
    if scores.territory_winner and territory_strong and (
        label in GENERIC_TYPES + TERRITORY_TYPES or territory_score >= TERRITORY_SHARE * best_score
    ):
        label = TERRITORY_TYPES[0] if scores.territory_winner == "state" else TERRITORY_TYPES[1]
        return label, round(territory_score / total, 3)
    interception_needed = label in ("Air/drone strike", "Chemical weapon")
    if label in WEAPON_TYPES + TERRITORY_TYPES and scores.strong["Disrupted weapons use"] > 0 and (
        not interception_needed or scores.facets.get("interception", 0) > 0) and (
        by_type["Disrupted weapons use"] >= DISRUPTED_SHARE * best_score
    ):
        return "Disrupted weapons use", round(by_type["Disrupted weapons use"] / total, 3)
    return label, round(best_score / total, 3)
