"""Load the rule files (triggers, attribution cues, actors, sources, demonyms) once per process.

The facts live in ``sitrep/rules/``; this module only parses them into plain, read-only structures.
"""

from __future__ import annotations

import csv
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..errors import ResourceError


def _rules_text(name: str) -> str:
    try:
        return resources.files("sitrep.rules").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ResourceError(f"rules file {name} is missing from the sitrep package") from error


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in _rules_text(name).splitlines() if line.strip() and not line.startswith("#")]
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]


KNOWN_TRIGGER_KEYS = frozenset({"sub_event_type", "class", "rank", "head", "gap", "pos", "weak", "cause",
                                "needs_object_class", "needs_protest_context"})


@dataclass(frozen=True)
class TriggerRule:
    """One trigger entry from triggers.toml."""

    key: str
    words: tuple[str, ...]
    sub_event_type: str
    event_class: str
    rank: int
    head: str = "first"
    gap: int = 0
    pos: tuple[str, ...] = ()
    weak: bool = False
    cause: str | None = None
    needs_object_class: str | None = None
    needs_protest_context: bool = False


@functools.lru_cache(maxsize=1)
def trigger_rules() -> dict[str, list[TriggerRule]]:
    """Trigger rules indexed by the lemma of their head word."""
    table = tomllib.loads(_rules_text("triggers.toml"))["trigger"]
    by_head: dict[str, list[TriggerRule]] = {}
    for key, entry in table.items():
        words = tuple(key.split())
        rule = TriggerRule(
            key=key,
            words=words,
            sub_event_type=entry["sub_event_type"],
            event_class=entry["class"],
            rank=int(entry["rank"]),
            head=entry.get("head", "first"),
            gap=int(entry.get("gap", 0)),
            pos=tuple(entry.get("pos", ())),
            weak=bool(entry.get("weak", False)),
            cause=entry.get("cause"),
            needs_object_class=entry.get("needs_object_class"),
            needs_protest_context=bool(entry.get("needs_protest_context", False)),
        )
        unknown = set(entry) - KNOWN_TRIGGER_KEYS
        if unknown:
            raise ResourceError(f"triggers.toml: unknown keys {sorted(unknown)} in [trigger.{key!r}]")
        head_word = words[-1] if rule.head == "last" else words[0]
        by_head.setdefault(head_word, []).append(rule)
    for rules in by_head.values():
        rules.sort(key=lambda r: -len(r.words))
    return by_head


@functools.lru_cache(maxsize=1)
def weapon_rules() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Weapon lemma -> sub-event type, and the impact and launch verbs that make a weapon an event."""
    table = tomllib.loads(_rules_text("triggers.toml"))
    verbs = table.get("weapon_verbs", {})
    return table.get("weapon", {}), frozenset(verbs.get("impact", ())), frozenset(verbs.get("launch", ()))


@functools.lru_cache(maxsize=1)
def agent_weapons() -> frozenset[str]:
    """Small arms that make an event as the agent of a passive impact verb ("hit by a stray bullet")."""
    return frozenset(tomllib.loads(_rules_text("triggers.toml")).get("weapon_verbs", {}).get("agent_weapons", ()))


@functools.lru_cache(maxsize=1)
def headline_forms() -> dict[str, str]:
    """Headline word forms ("shot", "Shoots") and the trigger each stands for whatever its part of speech."""
    return dict(tomllib.loads(_rules_text("triggers.toml")).get("headline_forms", {}))


@functools.lru_cache(maxsize=1)
def disruption_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs that make a weapon found or made safe rather than used, and the verbs a weapon list hangs off."""
    verbs = tomllib.loads(_rules_text("triggers.toml")).get("weapon_verbs", {})
    return frozenset(verbs.get("disrupt", ())), frozenset(verbs.get("disrupt_through", ()))


@functools.lru_cache(maxsize=1)
def disruption_objects() -> frozenset[str]:
    """Arms nouns whose seizure is itself the event ("police seized weapons and ammunition")."""
    verbs = tomllib.loads(_rules_text("triggers.toml")).get("weapon_verbs", {})
    return frozenset(verbs.get("disrupt_objects", ()))


@functools.lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in tomllib.loads(_rules_text("word_lists.toml")).items()}


def word_list(name: str) -> frozenset[str]:
    """A named word list from rules/word_lists.toml (the sub-type and party decisions' vocabulary)."""
    return _word_lists()[name]


WEAPON_TRIGGER_RANK = 7  # "missile hit", "drone slammed": as specific as "shelling" or "air strike"
AGENT_WEAPON_RANK = 3  # "hit by a stray bullet": the weapon names a shooting, as specific as "shooting"


def trigger_rank(key: str) -> int:
    """The rank of the trigger rule named ``key`` ("air strike", or a weapon trigger "missile hit"), else 0."""
    rank = max((rule.rank for rules in trigger_rules().values() for rule in rules if rule.key == key), default=0)
    if rank == 0 and key.split(" ")[0] in weapon_rules()[0]:
        return WEAPON_TRIGGER_RANK
    if rank == 0 and key.split(" ")[0] in agent_weapons():
        return AGENT_WEAPON_RANK
    return rank


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    """Attribution cue tables from cues.toml."""
    return tomllib.loads(_rules_text("cues.toml"))


@dataclass(frozen=True)
class ActorEntry:
    """A canonical actor and the facts the data file gives about it."""

    canonical: str
    kind: str
    inter: int | None
    country_code: str | None


@dataclass(frozen=True)
class Demonym:
    demonym: str
    country_code: str
    country: str


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, Demonym]:
    """Lower-case demonym or country adjective -> country."""
    try:
        rows = _csv_rows("demonyms.csv")
    except ResourceError:
        return {}
    return {r["demonym"].lower(): Demonym(r["demonym"].lower(), r["country_code"], r["country"]) for r in rows}


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, Demonym]:
    """Lower-case country name -> country, from the same demonym table (for "forces of Syria", "Syria's army")."""
    names: dict[str, Demonym] = {}
    for entry in demonyms().values():
        names.setdefault(entry.country.lower(), entry)
    return names


@functools.lru_cache(maxsize=1)
def actor_aliases() -> tuple[dict[str, ActorEntry], dict[str, tuple[str, str, int | None, str]]]:
    """Two tables from actors.csv: concrete alias -> actor, and templated alias -> (template, kind, inter, sep).

    Templated rows use ``{country}`` in the canonical name and ``{demonym}`` in aliases; a templated alias with
    no ``{demonym}`` ("troops", "police") needs the country from context.
    """
    concrete: dict[str, ActorEntry] = {}
    templated: dict[str, tuple[str, str, int | None, str]] = {}
    try:
        rows = _csv_rows("actors.csv")
    except ResourceError:
        return concrete, templated
    for row in rows:
        canonical = row["canonical"]
        inter = int(row["inter"]) if row.get("inter", "").isdigit() else None
        aliases = [a.strip().lower() for a in row.get("aliases", "").split("|") if a.strip()]
        if "{country}" in canonical:
            for alias in aliases:
                templated.setdefault(alias, (canonical, row["kind"], inter, ""))
            continue
        entry = ActorEntry(canonical, row["kind"], inter, row.get("country_code") or None)
        for alias in [canonical.lower(), *aliases]:
            concrete.setdefault(alias, entry)
    return concrete, templated


@functools.lru_cache(maxsize=1)
def source_aliases() -> dict[str, tuple[str, str | None]]:
    """Named sources (ministries, agencies) alias -> (canonical, country code), from sources.csv."""
    table: dict[str, tuple[str, str | None]] = {}
    try:
        rows = _csv_rows("sources.csv")
    except ResourceError:
        return table
    for row in rows:
        for alias in [row["canonical"].lower(), *row.get("aliases", "").lower().split("|")]:
            if alias.strip():
                table.setdefault(alias.strip(), (row["canonical"], row.get("country_code") or None))
    return table


@functools.lru_cache(maxsize=4096)
def party_country(name: str) -> str | None:
    """The country a state party speaks for ("Syrian Ministry of Defence", "Military Forces of Syria" -> SY)."""
    for canonical, country_code in source_aliases().values():
        if canonical == name and country_code:
            return country_code
    concrete, _ = actor_aliases()
    for entry in concrete.values():
        if entry.canonical == name and entry.country_code and entry.inter == 1:
            return entry.country_code
    for prefix in ("Military Forces of ", "Police Forces of ", "Government of "):
        if name.startswith(prefix):
            country = country_names().get(name[len(prefix):].lower())
            return country.country_code if country else None
    return None
