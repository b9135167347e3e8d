"""The incident's place in a local news story: the place tied to the event, settled against the story's own town.

``location.event_place`` finds the place a trigger's clause names. In local news that place is often too coarse
("shot in southern Michigan"), or a place the story names for something else (the hospital's town, a namesake
far away in another state), while the story itself says which town it is about: its dateline ("ALBION, Mich. —"),
and the town it names most. This module holds the story's places once (:class:`StoryPlaces`) and settles each
event place against them; every place it gives back is a toponym of the text, so its evidence span points at the
words that name it.

Rules, first that applies (a town abroad in a local story is first read as its home namesake, when there is one):
1. A dateline town the body names as the hospital's town ("LITTLE ROCK, Ark. — ... taken to a Little Rock hospital")
   gives way to a town of its state the text ties to the incident ("Benton police said").
2. A place named right after an aftermath word ("taken to a hospital in Auburn"), or as the aftermath site's town (
   "taken to a Little Rock hospital"), is not the incident's place.
3. A state or county is replaced by the story's town inside it (dateline town first, then the headline's, then
   a town the story ties to an incident: "in", "near", "<Town> police said"); failing a town, a state by a county
   in it whose sheriff or police report ("The Antrim County sheriff's department says").
4. In a local story, a name the gazetteer lacks ("the Park Manor neighborhood") is coded to the story's town, precision 2.
5. In a local story, a town outside the state of its dateline ("HOMESTEAD, Fla. (WSVN) —" and "Martinez, Calif.") is a
   namesake; the dateline's town is the place. A wire dateline ("BOSTON (Reuters) —") names where the story was
   filed, so it never overrides.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Place, Span
from .datelines import find_dateline

__all__ = ["StoryPlaces", "headline_toponyms", "settled_place", "story_country", "story_town"]

RULES_PATH = Path(__file__).resolve().parent.parent / "rules" / "story_places.toml"
TOWN_FEATURES = frozenset({"city", "capital", "town", "village", "neighbourhood"})
AREA_FEATURES = frozenset({"admin1", "admin2", "state", "province"})  # a country-only answer stays (CODING.md)
# How a story ties a town to its incident: "shot in Saco", "near Rutherfordton", "called to Gastonia", or the
# town's police reporting it ("Highland Heights Police said"); a town merely mentioned is no such tie.
TIED_BEFORE = re.compile(r"\b(?:in|near|outside|called\s+to|at)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
                         re.IGNORECASE)
TIED_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Pp]olice|Sheriff['’]s)(?:\s+(?:[Dd]epartment|[Oo]ffice|[Oo]fficers|[Cc]hief|"
                        r"[Dd]etectives))?\s+(?:said|say|says|reported|responded|(?:are|were|is)\s+investigating|"
                        r"investigat\w+)\b")
# "The Antrim County sheriff's department says", "Habersham County Sheriff Joey Terrell": a county's own force or
# officer reporting makes the county the incident's area when the text names no town in it.
COUNTY_FORCE_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Ss]heriff|[Pp]olice|[Dd]eputies|[Cc]oroner|[Mm]edical\s+[Ee]xaminer)")
AFTERMATH_WINDOW = 60  # characters before a place searched for "a hospital in": one clause


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    return tomllib.loads(RULES_PATH.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _aftermath_before() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(_rules()["aftermath_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})s?\b[^.;\n]{{0,30}}?\b(?:in|at|near)\s+(?:the\s+)?(?:city\s+of\s+)?$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class StoryPlaces:
    """The story's own towns, with spans in the article's source text: its dateline town (and whether the dateline
    is a wire's), the towns its headline names, and the towns its body names, most-named first."""

    dateline_town: Place | None
    wire_dateline: bool
    towns: tuple[Place, ...]  # first mention of each town the body names, most-named first
    headline_towns: tuple[Place, ...] = ()
    local: bool = False  # local-news furniture: a dateline naming a state, a call sign, a sheriff's office
    country_code: str | None = None  # the local story's country (its dateline's state, its local-news furniture)
    towns_tied: tuple[Place, ...] = ()  # body towns the text ties to the incident (TIED_BEFORE, TIED_AFTER)
    counties_tied: tuple[Place, ...] = ()  # counties whose sheriff or police report ("Antrim County sheriff's")
    dateline_as_aftermath_site: bool = False  # the body names the dateline's town as a hospital's ("a Tulsa hospital")
    countries_named: frozenset = frozenset()  # countries the text names as such, or by one of their regions

    @classmethod
    def of(cls, article, toponyms, headline_toponyms=(), outlet=None) -> "StoryPlaces":
        """``toponyms`` are the body's (body offsets), ``headline_toponyms`` the headline's (source offsets);
        ``outlet`` (``resolve.outlets.OutletHome``) gives the story's country when its text carries no cue."""
        body = article.body
        dateline = find_dateline(body)
        town = None
        wire = False
        if dateline is not None:
            agency = body[dateline.start:dateline.end]
            wire = bool(re.search(r"\((?:%s)\b" % "|".join(re.escape(a) for a in _rules()["wire_agencies"]),
                                  agency, re.IGNORECASE))
            town = next((t.chosen for t in toponyms if _is_town(t.chosen)
                         and (t.start, t.end) == (dateline.city_start, dateline.city_end)), None)
        rebased = functools.partial(_in_source, article)
        towns = tuple(map(rebased, _towns_by_count(toponyms, body)))
        named_in = tuple(map(rebased, _towns_by_count([t for t in toponyms if _tied_to_incident(t, body)],
                                                      body)))
        country = (dateline.state[0] if dateline is not None and dateline.state else None) or story_country(body) \
            or (outlet.country_code if outlet is not None else None)
        local = country is not None or (dateline is not None and _station_agency(body, dateline))
        aftermath_site = town is not None and any(
            t.chosen is not None and t.chosen.gazetteer_id == town.gazetteer_id
            and names_aftermath_site(body, t.start, t.end) for t in toponyms)
        return cls(rebased(town) if town else None, wire, towns, _headline_towns(headline_toponyms, toponyms),
                   local, country, named_in, tuple(map(rebased, _counties_with_force(toponyms, body))),
                   aftermath_site, _countries_named(tuple(toponyms) + tuple(headline_toponyms)))

    def candidates(self) -> tuple[Place, ...]:
        """The story's towns in order of trust: dateline, headline, most-named."""
        return ((self.dateline_town,) if self.dateline_town else ()) + self.headline_towns + self.towns

    def state(self) -> tuple[str, str] | None:
        """(country, state) of the story's own town: the dateline's, the headline's, else one tied to the incident."""
        trusted = ((self.dateline_town,) if self.dateline_town else ()) + self.headline_towns + self.towns_tied
        return next(((t.country_code, t.admin1) for t in trusted if t.country_code and t.admin1), None)

    def town_within(self, area: Place) -> Place | None:
        """The story's town inside ``area`` (a state or county): the dateline's, the headline's, else one the body
        ties to the incident (a town merely mentioned, "Detroit police were not involved", is no evidence)."""
        trusted = ((self.dateline_town,) if self.dateline_town else ()) + self.headline_towns + self.towns_tied
        for town in trusted:
            if _inside(town, area):
                return town
        if area.feature != "admin2":
            return next((county for county in self.counties_tied if _inside(county, area)), None)
        return None


def _countries_named(toponyms) -> frozenset:
    """Countries the text names itself ("France") or through a region of theirs ("England", "Ontario"): a town
    there is read where the text puts it, not as the local story's home namesake."""
    return frozenset(t.chosen.country_code for t in toponyms if t.chosen is not None and t.chosen.country_code
                     and t.chosen.feature in ("country", "admin1"))


def _state_of(place: Place) -> Place:
    return replace(place, feature="admin1", admin2=None)


def _home_namesake(place: Place, country_code: str) -> Place | None:
    """The biggest town of the local story's country that bears the name ("Toledo" in an Ohio station's story is
    not the Brazilian municipality), with the same span; None when that country has no such town."""
    from .gazetteer import load_gazetteer
    from .toponyms import to_place

    gazetteer = load_gazetteer()
    entries = [e for e in gazetteer.lookup(place.text.text, surface=place.text.text)
               if e.country_code == country_code and e.feature in TOWN_FEATURES and e.kind == 0]
    if not entries:
        return None
    best = max(entries, key=lambda e: e.population)
    return to_place(best, place.text, gazetteer, rule="event_place:home-country-namesake")


def _namesake_in_state(place: Place, state: tuple[str, str]) -> Place | None:
    """The biggest place of the same name and kind (town, or county) inside the story's state, with the same span."""
    from .gazetteer import load_gazetteer
    from .toponyms import to_place

    gazetteer = load_gazetteer()
    features = {"admin2"} if place.feature == "admin2" else TOWN_FEATURES
    entries = [e for e in gazetteer.lookup(place.text.text, surface=place.text.text)
               if (e.country_code, e.admin1) == state and e.feature in features and e.kind == 0]
    if not entries:
        return None
    best = max(entries, key=lambda e: e.population)
    return to_place(best, place.text, gazetteer, rule="event_place:namesake-in-story-state")


def _town_in_named_county(county: Place, story: StoryPlaces) -> Place | None:
    """"placed in the Fayette County Jail" in a story about "a Uniontown teenager": of the counties bearing the name,
    the one a town of the story lies in, read as that town (with the town's span); None when no story town fits."""
    from .gazetteer import load_gazetteer
    from .toponyms import to_place

    gazetteer = load_gazetteer()
    counties = {(e.country_code, e.admin1, e.admin2) for e in gazetteer.lookup(county.text.text,
                                                                              surface=county.text.text)
                if e.feature == "admin2" and e.kind == 0 and e.country_code == county.country_code}
    for town in story.candidates():
        if town.text is None:
            continue
        inside = [e for e in gazetteer.lookup(town.text.text, surface=town.text.text) if e.kind == 0
                  and e.feature in TOWN_FEATURES and (e.country_code, e.admin1, e.admin2) in counties]
        if inside:
            best = max(inside, key=lambda e: e.population)
            return to_place(best, town.text, gazetteer, rule=f"event_place:town-in-named-county:{county.name}")
    return None


def _station_agency(text: str, dateline) -> bool:
    """"SAN DIEGO (CBS 8) -": a dateline credited to a local station, not to a wire."""
    agency = re.search(r"\(([^()]+)\)", text[dateline.start:dateline.end])
    return agency is not None and bool(re.search(r"\d|\b[KW][A-Z]{2,3}\b", agency.group(1)))


def _counties_with_force(toponyms, text: str) -> tuple[Place, ...]:
    """Counties the body names with their own force or officer after them, first-named first, once each."""
    counties: dict[str, Place] = {}
    for toponym in toponyms:
        place = toponym.chosen
        if place is not None and place.feature == "admin2" and place.lat is not None \
                and COUNTY_FORCE_AFTER.match(text, toponym.end):
            counties.setdefault(place.gazetteer_id or place.name, place)
    return tuple(counties.values())


def _tied_to_incident(toponym, text: str) -> bool:
    return bool(TIED_BEFORE.search(text[max(0, toponym.start - 30):toponym.start]) or TIED_AFTER.match(text, toponym.end))


def _in_source(article, place: Place) -> Place:
    return place if place.text is None else replace(place, text=article.source_span(place.text.start, place.text.end))


def _headline_towns(headline_toponyms, body_toponyms) -> tuple[Place, ...]:
    """Towns the headline names ("Modesto shooting leaves one dead"); a name the body names too keeps the body's
    reading (read with the whole story's context), with the headline's span."""
    body_reading = {t.text.lower(): t.chosen for t in body_toponyms if _is_town(t.chosen)}
    towns = []
    for toponym in headline_toponyms:
        place = body_reading.get(toponym.text.lower(), toponym.chosen)
        if _is_town(place):
            towns.append(replace(place, text=Span(toponym.start, toponym.end, toponym.text)))
    return tuple(towns)


def _is_town(place: Place | None) -> bool:
    return place is not None and place.lat is not None and place.feature in TOWN_FEATURES


def _inside(town: Place, area: Place) -> bool:
    if town.country_code != area.country_code:
        return False
    if area.feature == "country":
        return True
    if town.admin1 != area.admin1:
        return False
    return area.feature != "admin2" or town.admin2 == area.admin2


def _towns_by_count(toponyms, text: str) -> tuple[Place, ...]:
    """Each town the story names (not after an aftermath word), most-named first, then first-named."""
    counts: Counter = Counter()
    first: dict[str, Place] = {}
    for toponym in toponyms:
        place = toponym.chosen
        if not _is_town(place) or after_aftermath_word(text, toponym.start) \
                or names_aftermath_site(text, toponym.start, toponym.end):
            continue
        key = place.gazetteer_id or place.name
        counts[key] += 1
        first.setdefault(key, place)
    order = sorted(first, key=lambda key: -counts[key])  # sorted() is stable: ties keep first-named order
    return tuple(first[key] for key in order)


@functools.lru_cache(maxsize=1)
def _neighbourhood_after() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(_rules()["neighbourhood_words"], key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\b", re.IGNORECASE)


THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _named_as_neighbourhood(text: str, span: Span) -> bool:
    """"the Austin neighborhood", "the Hyde Park section": the text itself calls the name a part of a city ("a D.C.
    neighborhood" is a part of the place named, so only "the <Name> neighborhood" counts)."""
    return bool(THE_BEFORE.search(text[max(0, span.start - 5):span.start]) and _neighbourhood_after().match(text, span.end))


def after_aftermath_word(text: str, start: int) -> bool:
    """"taken to a hospital in Auburn", "jailed at Wichita": the place follows a word of the incident's aftermath."""
    return bool(_aftermath_before().search(text[max(0, start - AFTERMATH_WINDOW):start]))


@functools.lru_cache(maxsize=1)
def _aftermath_after() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(_rules()["aftermath_words"], key=len, reverse=True))
    return re.compile(rf"(?:['’]s)?\s+(?:area\s+)?(?:{words})s?\b", re.IGNORECASE)


A_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


def names_aftermath_site(text: str, start: int, end: int) -> bool:
    """"taken to a Little Rock hospital", "held in a Wichita jail": the town names the aftermath's site, not the
    incident's place (only after "a"/"an": "the Houston hospital" may be the scene itself)."""
    return bool(A_BEFORE.search(text[max(0, start - 4):start]) and _aftermath_after().match(text, end))


def aftermath_place(text: str, span: Span) -> bool:
    """Whether the text names the place only as where people were taken after the incident (either form)."""
    return after_aftermath_word(text, span.start) or names_aftermath_site(text, span.start, span.end)


def story_town(story: StoryPlaces, rule: str) -> Place | None:
    """The story's town when no event place is found: the dateline's, else the headline's, else the most-named."""
    town = next(iter(story.candidates()), None)
    return None if town is None else replace(town, rule=rule)


def settled_place(place: Place | None, story: StoryPlaces, text: str) -> Place | None:
    """The event's place settled against the story's towns (rules in the module docstring)."""
    if place is None:
        return None
    if story.dateline_as_aftermath_site and story.dateline_town is not None \
            and place.gazetteer_id == story.dateline_town.gazetteer_id:
        # "LITTLE ROCK, Ark. — ... taken to a Little Rock hospital ... Benton police said": the station's city is
        # where the victim was taken; a town the text ties to the incident in its state is the place
        town = next((t for t in story.towns_tied if _inside(t, _state_of(place))
                     and t.gazetteer_id != place.gazetteer_id), None)
        if town is not None:
            return replace(town, rule="event_place:tied-town-over-aftermath-dateline")
    if place.text is not None and aftermath_place(text, place.text):
        # the hospital or the jail is most often in the incident's state: a story town there, else keep the place
        town = next((t for t in story.candidates() if _inside(t, _state_of(place))
                     and t.gazetteer_id != place.gazetteer_id), None)
        return replace(town, rule="event_place:story-town-not-aftermath") if town is not None else place
    if place.lat is None and place.feature is None and place.gazetteer_id is None and story.local:
        # "Park Manor", "Whitehaven", "Fort Riley": a name the gazetteer lacks, coded to the story's town near it
        town = next(iter(story.candidates()), None)
        return replace(town, precision=max(town.precision or 2, 2), rule=f"event_place:story-town-for:{place.name}") \
            if town is not None else place
    if place.text is not None and _named_as_neighbourhood(text, place.text):
        # "in the Austin neighborhood": a part of the story's city, not the namesake town the gazetteer knows
        trusted = ((story.dateline_town,) if story.dateline_town else ()) + story.headline_towns + story.towns_tied
        town = next((t for t in trusted if t.name != place.name), None)
        if town is not None:
            return replace(town, rule=f"event_place:city-of-neighbourhood:{place.name}")
    if story.country_code and place.country_code and place.country_code != story.country_code \
            and place.feature in TOWN_FEATURES | {"admin2"} and place.text is not None \
            and place.country_code not in story.countries_named:
        home = _home_namesake(place, story.country_code)
        if home is None:
            # a town abroad with no home namesake in a local story is most often a person's name ("Eva Natal")
            town = next((t for t in story.candidates() if t.country_code == story.country_code), None)
            return replace(town, rule="event_place:story-town-over-foreign-name") if town is not None else place
        place = home
    if place.feature == "admin2" and place.text is not None:
        town = _town_in_named_county(place, story)
        if town is not None:
            return town
    state = story.state()
    if state is not None and place.text is not None and place.feature in TOWN_FEATURES | {"admin2"} \
            and (place.country_code, place.admin1) != state:
        # "Marion County" or "Patterson" in a story whose own towns are in Kansas: the namesake in that state
        place = _namesake_in_state(place, state) or place
    if place.feature in AREA_FEATURES and place.country_code:
        town = story.town_within(place)
        return replace(town, rule="event_place:story-town-within-area") if town is not None else place
    dateline = story.dateline_town
    if (dateline is not None and story.local and not story.wire_dateline and place.lat is not None
            and (place.country_code, place.admin1) != (dateline.country_code, dateline.admin1)):
        return replace(dateline, rule="event_place:dateline-town-over-namesake")
    return place


MIN_COUNTRY_CUES = 1  # one call sign or sheriff's office is already rare outside its country


def story_country(text: str) -> str | None:
    """The country whose local-news furniture the text carries (a station call sign, a sheriff's office), or None.

    A weak vote for that country when a name is ambiguous: with no other place in the story, "central Toledo"
    in a story with a sheriff's office is Toledo, Ohio, not the Brazilian municipality."""
    counts = {code: sum(len(re.findall(cue, text)) for cue in cues) for code, cues in _rules()["country_cues"].items()}
    code, count = max(counts.items(), key=lambda item: item[1], default=(None, 0))
    return code if count >= MIN_COUNTRY_CUES else None


def headline_toponyms(article, country_code: str | None, outlet=None) -> tuple:
    """The headline's toponyms with spans in the source text ("Modesto shooting leaves one dead"); () when the
    article has no headline line in its text. ``country_code`` (the body's main country) guides ambiguous names."""
    from ..nlp import parse
    from .toponyms import find_toponyms

    title = article.title
    if title is None or not title.text.strip():
        return ()
    found = find_toponyms(title.text, parse(title.text), country_hint=country_code or story_country(article.body),
                          outlet=outlet)
    return tuple(replace(t, start=title.start + t.start, end=title.start + t.end,
                         chosen=replace(t.chosen, text=Span(title.start + t.start, title.start + t.end, t.text))
                         if t.chosen is not None else None) for t in found)
