"""Place rules for local news: streets and city parts are not towns, a neighbourhood belongs to the story's own
town, a small place abroad in a one-country story is a local name the gazetteer lacks, and a dateline's state
settles its town ("TYRONE, Mo." with no Tyrone in Missouri names Missouri).

Split out of ``toponyms`` (detection and scoring); these rules run on its finished readings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geodesy import distance_km
from ..model import Span
from .gazetteer import Entry, load_gazetteer

if TYPE_CHECKING:
    from .toponyms import Toponym, _Token

FAMOUS_CITY_POPULATION = 150_000  # a city abroad this big may well be meant, even in a one-country story

__all__ = ["CITY_PARTS", "dateline_city_index", "ends_as_street", "foreign_outliers_dropped", "is_facility_run",
           "is_street_run", "out_of_market_dropped",
           "neighbourhoods_in_town", "state_area", "within_state"]

TOWN_FEATURES = frozenset({"city", "capital", "town", "village", "neighbourhood"})
NEIGHBOURHOOD_MAX_KM = 60.0  # a neighbourhood lies within a city; a namesake farther than this is another place
NEIGHBOURHOOD_AFTER = re.compile(r"['’]?s?\s+(?:neighbou?rhood|section|housing\s+(?:complex|project|development))s?\b",
                                 re.IGNORECASE)
INDEFINITE_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)
NEIGHBOURHOOD_BEFORE = re.compile(r"\b(?:neighbou?rhood|section)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Parts of any city, named as if they were places ("on the West Side", "Downtown"): never a town of their own.
CITY_PARTS = frozenset({"west side", "east side", "south side", "north side", "westside", "eastside", "southside",
                        "northside", "downtown", "uptown", "midtown", "southwest side", "northwest side",
                        "southeast side", "northeast side", "near north side", "lower west side"})
# The last word of a street's name ("Oakmont Avenue", "Rixlew Ln"); a run of capitals ending in one is a street.
STREET_WORDS = frozenset("Street St Avenue Ave Road Rd Boulevard Blvd Drive Dr Lane Ln Court Ct Parkway Pkwy "
                         "Highway Hwy Terrace Circle Cir Trail Pike Expressway Freeway Place Pl Way Alley".split())
STREET_PLURAL_AFTER = re.compile(r"(?:\s+and\s+(?:[A-Z][\w.]*\s+){1,3}|\s+)(?:streets|avenues|roads|boulevards|drives|"
                                 r"lanes)\b")

# The last word of a facility's or estate's name ("Palacio Park", "West Las Vegas Library", "Logan Heights"): a run
# of capitals ending in one names a site, not the town its first word names, unless the gazetteer knows the whole
# name ("Highland Park", "Cleveland Heights" are towns).
# Institutions ("Ohio State University", "Jefferson County Hospital") are left out: their place names still name
# the place.
FACILITY_WORDS = frozenset("Park Library Mall Apartments Plaza Hotel Motel Inn Bar Lounge Club Restaurant Cemetery "
                           "Downs Heights Manor Gardens Estates Homes Courts Commons".split())

OUTLIER_MIN_PLACES = 4  # the home-country rule needs this many resolved places ...
OUTLIER_HOME_SHARE = 0.75  # ... this share of them in one country


def is_street_run(run: list[int], tokens: list[_Token], text: str) -> bool:
    """"Hyde Park Boulevard", "Nelson Court", "Odessa and Franklin streets": a street, not the town it is named
    after."""
    return ends_as_street(text[tokens[run[0]].start:tokens[run[-1]].end], text, tokens[run[-1]].end)


def is_facility_run(run: list[int], tokens: list[_Token], text: str, gazetteer) -> bool:
    """"Palacio Park", "Aspen Heights Apartments": a site named after a place, when the whole name is no town."""
    name = text[tokens[run[0]].start:tokens[run[-1]].end]
    words = name.split()
    if len(words) < 2 or words[-1] not in FACILITY_WORDS:
        return False
    return not gazetteer.lookup(name, surface=name)


def ends_as_street(name: str, text: str, end: int) -> bool:
    words = name.split()
    if len(words) > 1 and words[-1].rstrip(".") in STREET_WORDS:
        return True
    return bool(STREET_PLURAL_AFTER.match(text, end))


def foreign_outliers_dropped(toponyms: list[Toponym]) -> list[Toponym]:
    """In a story whose places are nearly all in one country, a small place abroad that the gazetteer offers
    only abroad ("Side" in Turkey for Chicago's South Side, "Mile" in Ethiopia) is a local name the gazetteer
    lacks: it keeps its name but loses the far-away reading."""
    countries = Counter(t.chosen.country_code for t in toponyms if t.chosen is not None and t.chosen.country_code)
    total = sum(countries.values())
    if total < OUTLIER_MIN_PLACES:
        return toponyms
    home, count = countries.most_common(1)[0]
    result = []
    for toponym in toponyms:
        chosen = toponym.chosen
        others = total - 1
        if (chosen is not None and chosen.country_code and chosen.country_code != home
                and count / max(others, 1) >= OUTLIER_HOME_SHARE
                and chosen.feature not in ("country", "continent", "admin1", "capital")
                and not any(e.country_code == home for e in toponym.candidates)
                and _population_of(toponym) < FAMOUS_CITY_POPULATION):
            toponym = replace(toponym, chosen=None, feature=None)
        result.append(toponym)
    return result


# A town smaller than a famous city, in a state a local outlet's market does not reach and that the text does not
# name, is most often a street, a venue, a neighbourhood or a person the gazetteer happens to share a name with
# ("Remsen", "Old Town", "Evanston" in a Cincinnati story); 150,000 measured better than 50,000 on GVA dev pages.
OUT_OF_MARKET_POPULATION = FAMOUS_CITY_POPULATION


def out_of_market_dropped(toponyms: list[Toponym], market_states: frozenset, states_named: set) -> list[Toponym]:
    """In a local outlet's story, a small town read in a state outside the outlet's market (``market_states``,
    resolve/outlets.py) that no state cue of the text names (a dateline, "Dallas, Ga.", a state named anywhere)
    keeps its name but loses that reading, as ``foreign_outliers_dropped`` does for a small place abroad; so does a
    town abroad that is not famous, in a country the text does not name ("Bellagio" in a Las Vegas story)."""
    if not market_states:
        return toponyms
    countries = {country for country, _ in market_states}
    countries_named = {country for country, _ in states_named}
    result = []
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is None or chosen.feature not in TOWN_FEATURES | {"admin2"} \
                or (chosen.gazetteer_id or "").startswith("supplement:"):  # hand-written: no population
            result.append(toponym)
            continue
        at_home = chosen.country_code in countries
        outside_market = at_home and (chosen.country_code, chosen.admin1) not in market_states | states_named \
            and _population_of(toponym) < OUT_OF_MARKET_POPULATION
        unnamed_abroad = not at_home and chosen.country_code not in countries_named \
            and _population_of(toponym) < FAMOUS_CITY_POPULATION
        if outside_market or unnamed_abroad:
            toponym = replace(toponym, chosen=None, feature=None)
        result.append(toponym)
    return result


def _population_of(toponym: Toponym) -> int:
    chosen_id = toponym.chosen.gazetteer_id if toponym.chosen else None
    return next((e.population for e in toponym.candidates if e.gazetteer_id == chosen_id), 0)


def neighbourhoods_in_town(toponyms: list[Toponym], text: str, dateline_city: int | None) -> list[Toponym]:
    """"the Austin neighborhood" in a Chicago story is a part of Chicago, not Austin, Texas: a name the text calls
    a neighbourhood, read as a town far from the story's own town, is coded to the story's town (precision 2).
    The story's town is the dateline's, else the town its places name most often (the biggest, on a tie)."""
    anchor = _story_town(toponyms, dateline_city, text)
    if anchor is None:
        return toponyms
    result = []
    for toponym in toponyms:
        chosen = toponym.chosen
        if (chosen is not None and chosen.lat is not None and toponym is not anchor and chosen.feature in TOWN_FEATURES
                and _called_neighbourhood(toponym, text)
                and distance_km(chosen.lat, chosen.lon, anchor.chosen.lat, anchor.chosen.lon) > NEIGHBOURHOOD_MAX_KM):
            town = anchor.chosen
            chosen = replace(town, name=toponym.text, precision=max(town.precision or 2, 2), feature=None,
                             gazetteer_id=None, text=Span(toponym.start, toponym.end, toponym.text),
                             rule=f"neighbourhood-of:{town.name}")
            toponym = replace(toponym, chosen=chosen, feature=None)
        result.append(toponym)
    return result


def _story_town(toponyms: list[Toponym], dateline_city: int | None, text: str) -> Toponym | None:
    if dateline_city is not None and dateline_city < len(toponyms):
        city = toponyms[dateline_city]
        if city.chosen is not None and city.chosen.lat is not None and city.chosen.feature in TOWN_FEATURES:
            return city
    towns = [t for t in toponyms if t.chosen is not None and t.chosen.lat is not None and t.chosen.feature in TOWN_FEATURES]
    if not towns:
        return None
    towns = [t for t in towns if not _called_neighbourhood(t, text)]
    if not towns:
        return None
    counts = Counter(t.chosen.gazetteer_id for t in towns)
    return max(towns, key=lambda t: (counts[t.chosen.gazetteer_id], _population_of(t), -t.start))


def _called_neighbourhood(toponym: Toponym, text: str) -> bool:
    """"the Austin neighborhood", "the neighborhood of Logan" (not "a Detroit neighborhood": a city's part)."""
    if INDEFINITE_BEFORE.search(text[max(0, toponym.start - 6):toponym.start]):
        return False
    return bool(NEIGHBOURHOOD_AFTER.match(text, toponym.end)
                or NEIGHBOURHOOD_BEFORE.search(text[max(0, toponym.start - 30):toponym.start]))


def dateline_city_index(toponyms: list[Toponym], dateline) -> int | None:
    """Index of the toponym naming the dateline's city, if the dateline's city part is one."""
    if dateline is None:
        return None
    return next((index for index, toponym in enumerate(toponyms) if toponym.candidates
                 and dateline.city_start <= toponym.start < dateline.city_end), None)


def within_state(toponym: Toponym, state: tuple[str, str]) -> Toponym:
    """The dateline city read only within the dateline's state; when the gazetteer has no town of that name
    there ("TYRONE, Mo." and only a Tyrone in Georgia), the state itself is the place it names."""
    inside = tuple(e for e in toponym.candidates if (e.country_code, e.admin1) == state)
    if not inside:
        code, admin1 = state
        inside = tuple(e for e in load_gazetteer().lookup(admin1) if e.feature == "admin1" and e.country_code == code)
    return replace(toponym, candidates=inside[:1] if not any(e.feature != "admin1" for e in inside) else inside) \
        if inside else toponym


def state_area(state: tuple[str, str]) -> Entry:
    """A stand-in admin1 entry for a state the dateline names by postal code (no toponym of its own)."""
    code, admin1 = state
    return Entry(id=-1, name=admin1, country_code=code, admin1=admin1, admin2=None, lat=None, lon=None,
                 population=0, feature="admin1", precision=3, gazetteer_id="dateline:" + admin1, kind=0)
