"""Recognise actors in noun phrases: canonical names from the alias data, national forces from demonyms.

spaCy's small model splits "Islamic State" and misses most armed groups, so actors are found from the alias
tables in ``rules/actors.csv`` (with ``{country}`` templates expanded by ``rules/demonyms.csv``), not from NER.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor, Span
from .lexicon import actor_aliases, country_names, demonyms

MAX_ALIAS_WORDS = 6
SHORT_ALIAS_LENGTH = 3  # aliases this short ("IS", "UN", "ADF") count only when written in capitals
# Words that refer back to the last armed group named ("the group claimed..."): resolved by anaphora.
GROUP_ANAPHORS = frozenset("group militants militant insurgents jihadists fighters organisation organization rebels "
                           "rebel".split())
OTHER_WORDS = frozenset({"rival", "other", "another", "new", "different", "second", "separate"})
NON_STATE_INTER = frozenset({2, 3, 4})
KIND_INTER = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external forces": 8,
}


@dataclass(frozen=True)
class ActorHit:
    """An actor recognised at a token, before a role is given to it."""

    name: str
    kind: str | None
    inter: int | None
    country_code: str | None
    token: int  # head token index
    start_char: int
    end_char: int
    rule: str


def _is_coordinated_noun(token) -> bool:
    return token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN")


def coordinated_heads(head) -> list:
    """The head and the nouns coordinated with it anywhere below ("members of X, activists and groups")."""
    return [head, *(t for t in head.subtree if t.i != head.i and _is_coordinated_noun(t))]


def own_subtree(head) -> list:
    """The head's subtree without coordinated nouns and their phrases ("members of X, activists" -> "members of X")."""
    skipped: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and _is_coordinated_noun(token):
            skipped.update(t.i for t in token.subtree)
            skipped.update(c.i for c in token.head.children if c.dep_ == "cc")
    return [t for t in head.subtree if t.i not in skipped]


def phrase_tokens(head) -> list:
    """The head's noun phrase without trailing clauses: its left modifiers, the head, and "of"-complements."""
    left = [t for t in own_subtree(head) if t.i <= head.i and t.dep_ != "punct"]
    left = [t for t in left if t.i >= head.left_edge.i]
    tokens = sorted(left, key=lambda t: t.i)
    own = {t.i for t in own_subtree(head)}
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            tokens.extend(sorted((t for t in child.subtree if t.i in own), key=lambda t: t.i))
    return tokens


def actors_at(head, context_country: str | None = None) -> list[ActorHit]:
    """Actors named by the noun phrase headed by ``head`` (several for "Syrian and Russian forces")."""
    tokens = phrase_tokens(head)
    if not tokens:
        return []
    countries = _countries_in(tokens, head)
    coordinated = any(t.dep_ == "conj" and t.lower_ in demonyms() for t in tokens)
    if not (coordinated and len(countries) > 1):  # "Syrian and Russian forces" names two sides: template each
        concrete = _concrete_hit(tokens, head)
        if concrete is not None:
            return [concrete]
    hits = [hit for code in (countries or [context_country]) if (hit := _templated_hit(tokens, head, code))]
    return hits


def _concrete_hit(tokens, head) -> ActorHit | None:
    concrete, _ = actor_aliases()
    words = [t.lower_ for t in tokens]
    for size in range(min(MAX_ALIAS_WORDS, len(tokens)), 0, -1):
        for start in range(0, len(tokens) - size + 1):
            chunk = tokens[start : start + size]
            if chunk[-1].i - chunk[0].i != size - 1:
                continue
            alias = join_tokens(words[start : start + size], chunk)
            entry = concrete.get(alias)
            if entry is None and alias.startswith("the "):
                entry = concrete.get(alias[4:])
            if entry is not None and len(alias) <= SHORT_ALIAS_LENGTH and not chunk[0].text.isupper():
                entry = None  # "IS", "UN" only in capitals: "is" and "un" are words
            if entry is not None:
                return ActorHit(
                    entry.canonical,
                    entry.kind,
                    entry.inter or KIND_INTER.get(entry.kind),
                    entry.country_code,
                    head.i,
                    chunk[0].idx,
                    chunk[-1].idx + len(chunk[-1].text),
                    f"alias:{alias}",
                )
    return None


def join_tokens(words: list[str], chunk) -> str:
    """Join tokens as written ("us-led", "so-called") so aliases with hyphens match."""
    text = ""
    for word, token in zip(words, chunk):
        text += word + (" " if token.whitespace_ else "")
    return text.strip()


def _countries_in(tokens, head) -> list[str]:
    """Countries named in the phrase by demonym ("Syrian"), name ("Syria's") or "of Syria"."""
    codes: list[str] = []
    names = country_names()
    table = demonyms()
    for token in tokens:
        entry = table.get(token.lower_) or names.get(token.lower_)
        if entry and entry.country_code not in codes:
            codes.append(entry.country_code)
    return codes


def _templated_hit(tokens, head, country_code: str | None) -> ActorHit | None:
    _, templated = actor_aliases()
    if not templated:
        return None
    table = demonyms()
    words = []
    for token in tokens:
        entry = table.get(token.lower_) or country_names().get(token.lower_)
        words.append("{demonym}" if entry else token.lower_)
    for size in range(min(MAX_ALIAS_WORDS, len(tokens)), 0, -1):
        for start in range(0, len(tokens) - size + 1):
            chunk = tokens[start : start + size]
            if head not in chunk or chunk[-1].i - chunk[0].i != size - 1:
                continue
            alias = join_tokens(words[start : start + size], chunk)
            for candidate in (alias, alias.replace("{demonym} and {demonym}", "{demonym}")):
                found = templated.get(candidate)
                if found is None:
                    continue
                template, kind, inter, _ = found
                country = country_name(country_code)
                if "{country}" in template and country is None:
                    name = template.replace(" ({country})", "").replace(" of {country}", "")
                else:
                    name = _country_specific(template, country_code) or template.replace("{country}", country or "")
                return ActorHit(
                    name,
                    kind,
                    inter or KIND_INTER.get(kind),
                    country_code,
                    head.i,
                    chunk[0].idx,
                    chunk[-1].idx + len(chunk[-1].text),
                    f"template:{candidate}",
                )
    return None


def _country_specific(template: str, country_code: str | None) -> str | None:
    """A concrete row that replaces a template for its country ("Military Forces of the United States")."""
    prefix = template.split("{country}")[0]
    concrete, _ = actor_aliases()
    for entry in concrete.values():
        if entry.country_code == country_code and prefix and entry.canonical.startswith(prefix):
            return entry.canonical
    return None


def country_name(country_code: str | None) -> str | None:
    if not country_code:
        return None
    for entry in demonyms().values():
        if entry.country_code == country_code:
            return entry.country
    return None


def all_actor_hits(doc, context_country: str | None = None) -> list[ActorHit]:
    """Every actor named in the doc, in text order (used for anaphora like "the group")."""
    hits: list[ActorHit] = []
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound",):
            hits.extend(actors_at(token, context_country))
    return hits


def resolve_anaphor(head, earlier_hits: list[ActorHit]) -> ActorHit | None:
    """For "the group", "the militants": the last non-state armed group named before this point."""
    if head.lemma_.lower() not in GROUP_ANAPHORS:
        return None
    if not any(c.lower_ in ("the", "this") or c.dep_ == "poss" for c in head.children) and head.dep_ != "poss":
        return None  # "a rival armed group", "another group": not the one named before
    if any(c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and (c.lower_ in demonyms() or c.lower_ in OTHER_WORDS))
           for c in head.children):
        return None  # "the opposition rebels", "the Kurdish fighters", "the rival group" name another party
    for hit in reversed(earlier_hits):
        named = not hit.rule.startswith("template:")  # "the rebels" means the group named, not "rebels" again
        if hit.token < head.i and hit.inter in NON_STATE_INTER and named:
            return ActorHit(hit.name, hit.kind, hit.inter, hit.country_code, head.i, head.idx,
                            head.idx + len(head.text), f"anaphor:{head.lower_}->{hit.name}")
    return None


def to_actor(hit: ActorHit, role: str, span: Span | None) -> Actor:
    """An Actor in a role, with the span of the text that named it."""
    return Actor(role=role, name=hit.name, kind=hit.kind, inter=hit.inter, country_code=hit.country_code,
                 text=span, rule=hit.rule)
