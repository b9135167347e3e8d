"""Facet statuses from assertions (CODING.md "Assertions and status"), after reading each source's role.

Who speaks matters as much as what they say: a party announcing its own action is claiming it, the affected
side stating it happened is confirming it, and several voices of one government are one source. So before the
status rules run, each assertion's stance is read against the event's actors.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from .mentions.lexicon import party_country
from .model import Actor, Assertion, Fatalities

from .model import OUTLET  # noqa: E402  (re-exported for assemble)
POSITIVE = frozenset({"asserts", "claims_responsibility", "accuses", "confirms", "reports"})


def same_party(source: str, actor: Actor) -> bool:
    """True when ``source`` speaks for ``actor`` (the same name, or one government's voices)."""
    if source == actor.name:
        return True
    if actor.inter != 1:
        return False
    country = party_country(source)
    return country is not None and country == (actor.country_code or party_country(actor.name))


def read_roles(assertions: list[Assertion], actors: tuple[Actor, ...]) -> list[Assertion]:
    """Re-read stances by who speaks: the perpetrator's own account is a claim; the affected side confirms."""
    perpetrators = [a for a in actors if a.role == "actor1"]
    affected = [a for a in actors if a.role in ("actor2", "target")]
    read: list[Assertion] = []
    for assertion in assertions:
        if assertion.stance in ("asserts", "reports") and assertion.facet in ("occurrence", "perpetrator", "fatalities"):
            if any(same_party(assertion.source, p) for p in perpetrators):
                assertion = replace(assertion, stance="claims_responsibility", rule=assertion.rule + "+own-action")
            elif _unnamed_force_voice(assertion, perpetrators):
                assertion = replace(assertion, stance="claims_responsibility", rule=assertion.rule + "+own-forces")
            elif assertion.facet == "occurrence" and assertion.hedge is None and any(
                same_party(assertion.source, a) for a in affected
            ):
                assertion = replace(assertion, stance="confirms", rule=assertion.rule + "+affected-side")
        read.append(assertion)
    return read


def _unnamed_force_voice(assertion: Assertion, perpetrators: list[Actor]) -> bool:
    """An unnamed source whose own words name a state force ("a military source", "an army officer", "security
    sources"; cues.toml [force_voices]), speaking of an act by state forces: their own side speaking. A source
    placed in another country ("US military officials" on an Israeli strike) is not; one that names no country
    is taken as the acting state's."""
    if assertion.source_named or assertion.source_text is None:
        return False
    words = assertion.source_text.text.lower().replace("-", " ").split()
    if not set(words) & _force_words():
        return False
    states = {p.country_code or party_country(p.name) for p in perpetrators if p.inter == 1}
    countries = {_country_of_word(word) for word in words} - {None}
    return bool(states - {None}) and countries <= states


def _country_of_word(word: str) -> str | None:
    """The country a demonym or country name in a source phrase names ("us", "iraqi", "syria's")."""
    from .mentions.lexicon import country_names, demonyms

    word = word.removesuffix("'s").removesuffix("’s")
    found = demonyms().get(word) or country_names().get(word)
    return found.country_code if found else None


@functools.lru_cache(maxsize=1)
def _force_words() -> frozenset[str]:
    from .mentions.lexicon import cues

    return frozenset(cues()["force_voices"]["words"])


def _voice(source: str) -> str:
    """Sources that speak for one government count once."""
    country = party_country(source)
    return f"government:{country}" if country else source


def facet_status(facet: str, assertions: list[Assertion]) -> str:
    """A facet's status from its assertions, by the first rule of CODING.md that applies."""
    own = [a for a in assertions if a.facet == facet and a.stance != "does_not_confirm"]
    positive = [a for a in own if a.stance in POSITIVE]
    denials = [a for a in own if a.stance == "denies"]
    if positive and denials:
        return "disputed"
    if denials:
        return "denied"
    claimants = {_voice(a.source) for a in own if a.stance == "claims_responsibility"}
    unhedged = [a for a in positive if a.hedge is None]
    # blame is not confirmation, and passing on what another source says ("reports") adds no second voice
    supporting = [a for a in unhedged if a.stance not in ("accuses", "reports")]
    named_others = {_voice(a.source) for a in supporting if a.source_named} - claimants - {OUTLET}
    if any(a.stance == "confirms" and _voice(a.source) not in claimants for a in unhedged):
        return "confirmed"
    if claimants and named_others:
        return "confirmed"
    if len(named_others) >= 2:
        return "confirmed"
    if claimants:
        return "claimed"
    accusers = {_voice(a.source) for a in unhedged if a.stance == "accuses"}
    if accusers and not any(a.source == OUTLET for a in unhedged) and len(accusers) == 1:
        return "claimed"
    if any(a.source == OUTLET or a.source_named for a in unhedged):
        return "reported"
    return "unconfirmed"


def fatalities_status(figures: list[tuple[str, Fatalities]], assertions: list[Assertion]) -> str | None:
    """Sources giving different death tolls dispute the figure; otherwise the usual rules apply."""
    by_voice = {(_voice(source), f.low, f.high) for source, f in figures}
    voices = {voice for voice, _, _ in by_voice}
    if len(voices) > 1 and len({(low, high) for _, low, high in by_voice}) > 1:
        return "disputed"  # different sources give different tolls
    if not any(a.facet == "fatalities" for a in assertions):
        return None
    return facet_status("fatalities", assertions)


def statuses(assertions: list[Assertion], actors: tuple[Actor, ...], figures: list[tuple[str, Fatalities]]) -> dict[str, str]:
    """Every facet's status for one event."""
    facets = sorted({a.facet for a in assertions})
    status = {facet: facet_status(facet, assertions) for facet in facets if facet != "fatalities"}
    fatal = fatalities_status(figures, assertions)
    if fatal is not None:
        status["fatalities"] = fatal
    if any(a.role == "actor1" for a in actors) and "perpetrator" not in status:
        status["perpetrator"] = _perpetrator_by_default(status.get("occurrence"), assertions)
    return status


def _perpetrator_by_default(occurrence: str | None, assertions: list[Assertion]) -> str:
    """The status of who did it when no source speaks of that alone: a party telling of its own act is the one
    voice naming the perpetrator, so "claimed" even when others confirm the act happened ("the BLA said its
    fighters stormed the camp; the army confirmed the attack"); else the occurrence's status where that is weak,
    else "reported"."""
    if any(a.stance == "claims_responsibility" for a in assertions):
        return "claimed"
    return occurrence if occurrence in ("claimed", "unconfirmed") else "reported"
