"""Format checks for the held-out corpus (corpus/holdout/): blind articles and their gold.

The held-out set measures how well extraction generalises to outlets, places and phrasings the team corpus does
not contain, so it is scored but never tuned against. A typo in its gold (an anchor that is not in the article, a
name actors.csv does not know, an event dated after publication) would silently skew that measurement; these
checks catch such slips without running any extraction.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gold_files import canonical_actor_names, load_gold, party_and_status_problems
from sitrep.model import DATE_PRECISIONS, EVENT_TYPES, FACETS, STATUSES

REPO = Path(__file__).resolve().parents[1]
HOLDOUT = REPO / "corpus" / "holdout"
MIN_ARTICLES = 15  # the brief for the held-out set: at least 15 articles
FIRST_NUMBER = 101  # held-out files are numbered from 101 so they never collide with the team corpus
MAX_ANCHORS = 3
GEO_PRECISIONS = (1, 2, 3)
GOLD_KEYS = {"article", "published", "outlet", "title", "standfirst", "body_starts_with", "body_excludes",
             "notes", "events", "must_not"}
EVENT_KEYS = {"id", "anchors", "summary", "background", "event_type", "sub_event_type", "date", "location",
              "actors", "fatalities", "status"}
ACTOR_ROLES = {"actor1", "actor2", "associated", "target"}


def holdout_gold_paths() -> list[Path]:
    return sorted((HOLDOUT / "gold").glob("*.json"))


def date_problems(where: str, when: dict | None, published: date) -> list[str]:
    if when is None:
        return []
    start, end = date.fromisoformat(when["start"]), date.fromisoformat(when["end"])
    problems = []
    if start > end:
        problems.append(f"{where}: date start after end")
    if end > published:
        problems.append(f"{where}: event ends after publication")
    if when["precision"] not in DATE_PRECISIONS:
        problems.append(f"{where}: bad date precision {when['precision']!r}")
    if when["precision"] == "day" and start != end:
        problems.append(f"{where}: a day-precision date is a single day")
    return problems


def place_problems(where: str, place: dict | None) -> list[str]:
    if place is None:
        return []
    if not place.get("name") or len(place.get("country_code") or "") != 2:
        return [f"{where}: location needs a name and a 2-letter country_code"]
    if place["lat"] is None:
        ok = place["lon"] is None and place["precision"] is None
        return [] if ok else [f"{where}: country-only place must have no lon and no precision"]
    in_range = -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
    return [] if in_range and place["precision"] in GEO_PRECISIONS else [f"{where}: bad coordinates or precision"]


def check_event(event: dict, text: str, published: date, actor_names: set[str]) -> list[str]:
    """Every problem with one gold event, as readable strings (empty when the event is sound)."""
    where = f"event {event.get('id')}"
    missing = EVENT_KEYS - event.keys()
    if missing:
        return [f"{where}: missing keys {sorted(missing)}"]
    problems = []
    if not 1 <= len(event["anchors"]) <= MAX_ANCHORS:
        problems.append(f"{where}: needs 1-{MAX_ANCHORS} anchors")
    problems += [f"{where}: anchor not in article: {a!r}" for a in event["anchors"] if a not in text]
    if event["sub_event_type"] not in EVENT_TYPES.get(event["event_type"], ()):
        problems.append(f"{where}: {event['sub_event_type']!r} is not a sub-type of {event['event_type']!r}")
    if not isinstance(event["background"], bool):
        problems.append(f"{where}: background must be true/false")
    problems += date_problems(where, event["date"], published)
    problems += place_problems(where, event["location"])
    problems += party_and_status_problems(where, event, actor_names, ACTOR_ROLES, FACETS, STATUSES)
    return problems


def check_gold(gold: dict, text: str, actor_names: set[str]) -> list[str]:
    missing = GOLD_KEYS - gold.keys()
    if missing:
        return [f"missing keys {sorted(missing)}"]
    published = date.fromisoformat(gold["published"])
    lines = text.splitlines()
    problems = []
    if lines[0] != gold["title"]:
        problems.append("title is not the article's first line")
    if gold["standfirst"] is not None and gold["standfirst"] not in lines:
        problems.append("standfirst is not a line of the article")
    if not any(line.startswith(gold["body_starts_with"]) for line in lines):
        problems.append("no line starts with body_starts_with")
    for phrase in [*gold["body_excludes"], *gold["must_not"]]:
        if phrase not in text:
            problems.append(f"not in article: {phrase!r}")
    ids = [event.get("id") for event in gold["events"]]
    if len(ids) != len(set(ids)):
        problems.append("duplicate event ids")
    for event in gold["events"]:
        problems += check_event(event, text, published, actor_names)
        anchors = event.get("anchors", [])
        if any(phrase in anchor or anchor in phrase for anchor in anchors for phrase in gold["must_not"]):
            problems.append(f"event {event.get('id')}: an anchor overlaps a must_not phrase")
    return problems


@pytest.fixture(scope="module")
def actor_names() -> set[str]:
    return canonical_actor_names()


@pytest.mark.parametrize("gold_path", holdout_gold_paths(), ids=lambda p: p.stem)
def test_holdout_gold_is_consistent_with_its_article(gold_path, actor_names):
    gold = load_gold(gold_path)
    article = HOLDOUT / "articles" / gold["article"]
    assert article.is_file(), f"{gold['article']} does not exist"
    assert gold_path.stem == article.stem
    assert int(article.stem[:3]) >= FIRST_NUMBER
    assert check_gold(gold, article.read_text(encoding="utf-8"), actor_names) == []


def test_holdout_size_and_shape():
    golds = [load_gold(path) for path in holdout_gold_paths()]
    articles = sorted((HOLDOUT / "articles").glob("*.txt"))
    assert len(articles) >= MIN_ARTICLES
    assert {path.stem for path in articles} == {path.stem for path in holdout_gold_paths()}
    assert sum(1 for gold in golds if not gold["events"]) == 1, "exactly one held-out article has no event"
    assert len({gold["outlet"] for gold in golds}) == len(golds), "every held-out article has its own outlet"


def test_holdout_does_not_reuse_team_corpus_outlets():
    team_outlets = {load_gold(path)["outlet"] for path in sorted((REPO / "corpus" / "gold").glob("*.json"))}
    assert not team_outlets & {load_gold(path)["outlet"] for path in holdout_gold_paths()}


def test_check_gold_reports_a_missing_anchor(actor_names):
    """The checker itself must catch the slip it exists for."""
    gold = load_gold(holdout_gold_paths()[0])
    text = (HOLDOUT / "articles" / gold["article"]).read_text(encoding="utf-8")
    broken = json.loads(json.dumps(gold))
    broken["events"][0]["anchors"] = ["this phrase is not in the article"]
    assert any("anchor not in article" in problem for problem in check_gold(broken, text, actor_names))
