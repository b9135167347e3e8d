"""Toponym detection: which stretches of text name places (their readings: ``toponym_readings``).

Detection goes beyond spaCy's GPE/LOC/FAC entities (the small model misses many and tags "Qalamoun" as DATE):
every run of capitalised tokens is matched against the gazetteer, longest n-gram first, and a match is kept when
the context supports it (a locative preposition before it, spaCy calling it a place, an important or
unambiguous entry) and nothing speaks against it (a PERSON/ORG entity around it, a demonym, a stop word).
:func:`find_toponyms` then hands what it found to :func:`~sitrep.resolve.toponym_readings.resolve_toponyms`,
which chooses one gazetteer entry per name from the document's context.

Public API: :func:`find_toponyms` (detect + resolve) and :class:`Toponym`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Place
from .datelines import find_dateline
from .local_places import CITY_PARTS, ends_as_street, is_facility_run, is_street_run
from .gazetteer import KIND_FOLDED, Entry, Gazetteer, load_gazetteer, normalize_name
from .outlets import is_call_sign
from .toponym_readings import IMPORTANT_POPULATION, load_demonyms, resolve_toponyms, to_place

__all__ = ["Toponym", "find_toponyms", "load_demonyms", "resolve_toponyms", "to_place"]

MAX_NGRAM = 6  # longest place name, in tokens, tried against the gazetteer ("Bosnia and Herzegovina" is 3)
SMALL_PLACE_POPULATION = 20_000  # a lone capitalised word naming only places smaller than this needs context

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
    ap afp bbc cnn twitter facebook google obama trump bush clinton chad jordan georgia northeast northwest
    southeast southwest northern southern eastern western central gulf coast capital area airport market route
    valley ridge big sri hamas superior commerce metro spring forest park bank gold green drug day hall toyota
    honda swat titan no more so most since from at some all many even just
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
    # a supplement row is a place conflict news names, even where a same-named village sorts first ("Jenin")
    important = (best.feature in ("country", "continent", "admin1", "capital") or best.population >= IMPORTANT_POPULATION
                 or any(e.gazetteer_id.startswith("supplement:") and e.kind == best.kind for e in entries))
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
