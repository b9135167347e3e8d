"""Helpers shared by the gold-format checks of the team corpus and the held-out corpus (not a test module)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "src" / "sitrep" / "rules"
TEMPLATE_MARK = "{country}"


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def canonical_actor_names() -> set[str]:
    """Concrete canonical names plus every template row expanded per country in demonyms.csv.

    A concrete row with a country_code whose name starts with a template's prefix replaces that template's
    expansion for its country (the rule stated in actors.csv's header).
    """
    actors = read_csv_rows(RULES / "actors.csv")
    countries = {(row["country_code"], row["country"]) for row in read_csv_rows(RULES / "demonyms.csv")}
    templates = [row for row in actors if TEMPLATE_MARK in row["canonical"]]
    concrete = [row for row in actors if TEMPLATE_MARK not in row["canonical"]]
    names = {row["canonical"] for row in concrete}
    for template in templates:
        prefix = template["canonical"].split(TEMPLATE_MARK)[0]
        replaced = {row["country_code"] for row in concrete if row["country_code"] and prefix
                    and row["canonical"].startswith(prefix)}
        for code, country in countries:
            if code not in replaced:
                names.add(template["canonical"].replace(TEMPLATE_MARK, country))
    return names


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def party_and_status_problems(where: str, event: dict, actor_names: set[str], actor_roles, facets, statuses) -> list[str]:
    """Problems with a gold event's actors, fatalities and statuses (the checks both corpus formats share)."""
    problems = []
    for actor in event["actors"]:
        if actor["role"] not in actor_roles:
            problems.append(f"{where}: bad actor role {actor['role']!r}")
        if actor["name"] not in actor_names:
            problems.append(f"{where}: actor not in actors.csv: {actor['name']!r}")
    deaths = event["fatalities"]
    if deaths is not None:
        low, high = deaths["low"], deaths["high"]
        if low is None and high is None:
            problems.append(f"{where}: fatalities with no bound should be null")
        if low is not None and high is not None and low > high:
            problems.append(f"{where}: fatalities low > high")
    if "occurrence" not in event["status"]:
        problems.append(f"{where}: status must give occurrence")
    problems += [f"{where}: bad status {facet}={value}" for facet, value in event["status"].items()
                 if facet not in facets or value not in statuses]
    return problems
