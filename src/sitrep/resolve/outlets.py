"""The outlet's home: the country, state and market town of the news outlet that published an article.

A local station or paper writes about its own market: "Columbus" on an Atlanta station's page is most likely
Columbus, Georgia, and "Chelsea" on a Boston paper's page is the Massachusetts town, not the London district. The
home is read from the article's URL (a web archive's wrapper unwrapped, "www."/"m."/"amp." dropped, parent domains
tried for subdomains, a broadcast call sign read off the domain: "wsbtv.com" is WSB-TV) against the hand-written
table ``rules/outlets.toml``.

The home is a prior only: it ranks the readings of names the text gives (``toponyms``) and never becomes an
event's place by itself, since an outlet's home says nothing about where a story's event happened.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["OUTLET_HOME_RULE", "OutletHome", "is_call_sign", "outlet_home", "outlet_host"]

OUTLETS_PATH = Path(__file__).resolve().parent.parent / "rules" / "outlets.toml"
OUTLET_HOME_RULE = "outlet home"
# An archived copy's address wraps the outlet's: "http://web.archive.org/web/20160223205112/http://wsbtv.com/...".
_ARCHIVE_WRAPPER = re.compile(r"^(?:https?://)?(?:web\.)?archive\.org/web/[^/]+/(?P<inner>.+)$", re.IGNORECASE)
# Prefixes that name a version of the same site, not another outlet.
_SITE_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile|beta|origin)\.")
# What follows a call sign in a station's own domain: "wsbtv", "kare11", "wmcactionnews5", "wfaa", "wpxi".
_AFTER_CALL_SIGN = re.compile(
    r"(?:-?(?:tv|dt|fm|am))?\d{0,2}(?:news|online|now)?|(?:action)?news(?:channel)?\d{0,2}|radio")
_CALL_SIGN = re.compile(r"[kw][a-z]{2,3}")
# Prior for a town in the outlet's home state, added to a gazetteer entry's score in ``toponyms``: below a dateline's
# state (4.0), a state the text names (4.0) and "Dallas, Ga." (9.0), above the population gap of a small namesake to
# a mid-sized one (0.9 a decade): "Columbus" on an Atlanta station's page is Columbus, Georgia, but "Chicago" stays
# the big city.
OUTLET_STATE_WEIGHT = 2.5
OUTLET_MARKET_WEIGHT = 1.5  # a town in another state the outlet's market reaches ("Newark" on a New York station)
AREA_FEATURES = frozenset({"admin1", "country", "continent", "region", "province", "state"})


@dataclass(frozen=True)
class OutletHome:
    """Where an outlet is at home: its country (ISO alpha-2), its state (admin1 name, None for a national outlet)
    and its market town (None when unknown); ``domain`` is the table's key that matched, for the evidence."""

    domain: str
    country_code: str
    admin1: str | None = None
    town: str | None = None
    rule: str = OUTLET_HOME_RULE
    also: tuple[str, ...] = ()  # admin1 names of the other states its market reaches ("New York": New Jersey)

    @property
    def state(self) -> tuple[str, str] | None:
        """(country, admin1) in the form the gazetteer's entries carry, or None for a national outlet."""
        return (self.country_code, self.admin1) if self.admin1 else None

    def prior(self, entry) -> float:
        """The outlet-home prior for a gazetteer entry: a town (or county) in the outlet's home state, or less in
        another state its market reaches; nothing for states, countries and regions."""
        if not self.admin1 or entry.feature in AREA_FEATURES:
            return 0.0
        if (entry.country_code, entry.admin1) == self.state:
            return OUTLET_STATE_WEIGHT
        return OUTLET_MARKET_WEIGHT if (entry.country_code, entry.admin1) in self.states else 0.0

    @property
    def states(self) -> frozenset[tuple[str, str]]:
        """(country, admin1) of every state the outlet's market covers, its home state first among them."""
        return frozenset(((self.country_code, self.admin1),) if self.admin1 else ()) \
            | frozenset((self.country_code, admin1) for admin1 in self.also)


def outlet_host(url: str | None) -> str | None:
    """The outlet's host name from an article URL: archive wrapper unwrapped, port and site prefixes dropped.

    >>> outlet_host("http://web.archive.org/web/2016/http://www.wsbtv.com:80/news/x")
    'wsbtv.com'
    """
    if not url or not url.strip():
        return None
    address = url.strip()
    for _ in range(3):  # an archive of an archive is rare but harmless to unwrap
        wrapped = _ARCHIVE_WRAPPER.match(address)
        if wrapped is None:
            break
        address = wrapped.group("inner")
    if not re.match(r"^[a-z][a-z0-9+.-]*://", address, re.IGNORECASE):
        address = "http://" + address.lstrip("/")
    try:
        host = urlsplit(address).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.lower().rstrip(".")
    while _SITE_PREFIX.match(host) and host.count(".") > 1:
        host = _SITE_PREFIX.sub("", host, count=1)
    return host


@dataclass(frozen=True)
class _Table:
    by_domain: dict[str, OutletHome]
    by_call_sign: dict[str, OutletHome]


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    """rules/outlets.toml read once: domain -> home and call sign -> home (states by postal code or name)."""
    from .datelines import state_named

    rules = tomllib.loads(OUTLETS_PATH.read_text(encoding="utf-8"))
    by_domain: dict[str, OutletHome] = {}
    by_call_sign: dict[str, OutletHome] = {}
    for market in rules.get("market", []):
        country = market.get("country", "US")
        state = state_named(market["state"]) if market.get("state") else None
        admin1 = market.get("admin1") or (state[1] if state else None)  # "admin1": the gazetteer's own name
        also = tuple(named[1] for named in map(state_named, market.get("also", [])) if named is not None)
        for domain in market.get("domains", []):
            by_domain[domain.lower()] = OutletHome(domain.lower(), country, admin1, market.get("town"), also=also)
        for call_sign in market.get("call_signs", []):
            by_call_sign[call_sign.lower()] = OutletHome(call_sign.upper(), country, admin1, market.get("town"),
                                                         also=also)
    for national in rules.get("national", []):
        for domain in national.get("domains", []):
            by_domain.setdefault(domain.lower(), OutletHome(domain.lower(), national["country"]))
    return _Table(by_domain, by_call_sign)


def outlet_home(url: str | None) -> OutletHome | None:
    """The home of the outlet at ``url``: the table's entry for its host or the nearest parent domain
    ("chicago.cbslocal.com" before "cbslocal.com"), else the station whose call sign its domain spells; None
    when the outlet is not in the table."""
    host = outlet_host(url)
    if host is None:
        return None
    table = _table()
    labels = host.split(".")
    for index in range(len(labels) - 1):
        home = table.by_domain.get(".".join(labels[index:]))
        if home is not None:
            return home
    return _by_call_sign(labels, table)


def _by_call_sign(labels: list[str], table: _Table) -> OutletHome | None:
    """"wsbtv.com", "kare11.com", "wmcactionnews5.com": a US station's own domain, its call sign first."""
    if len(labels) < 2 or labels[-1] not in ("com", "net", "org", "tv"):
        return None
    name = labels[-2]
    for size in (4, 3):
        call_sign = name[:size]
        if _CALL_SIGN.fullmatch(call_sign) and call_sign in table.by_call_sign \
                and _AFTER_CALL_SIGN.fullmatch(name[size:]):
            return table.by_call_sign[call_sign]
    return None


def is_call_sign(word: str) -> bool:
    """"KSLA", "WSMV": a broadcast station's call sign from the table, written in capitals (never a place name, even
    where the gazetteer folds it onto one: "KSLA" is not Kassala)."""
    return bool(_CALL_SIGN.fullmatch(word.lower())) and word.isupper() and word.lower() in _table().by_call_sign
