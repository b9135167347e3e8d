"""Validate the hand-written test corpus and its gold files (corpus/ and tests/gold/seed.json).

The gold files are the yardstick every extraction facet is scored against, so a typo in one (an anchor that
is not in the article, an actor name actors.csv does not know, an impossible date) would silently skew the
scores. These checks keep the corpus honest without running any extraction.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from gold_files import RULES, canonical_actor_names, load_gold, party_and_status_problems, read_csv_rows
from sitrep.model import DATE_PRECISIONS, EVENT_TYPES, FACETS, STATUSES

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED_GOLD = REPO / "tests" / "gold" / "seed.json"
MIN_ARTICLES = 30  # the brief for the corpus: at least 30 articles
MAX_ANCHORS = 3
MAX_SEED_ANCHOR_CHARS = 60  # the seed is not ours: its gold may quote only short matching phrases
GEO_PRECISIONS = (1, 2, 3)
GOLD_KEYS = {"article", "published", "outlet", "title", "standfirst", "body_starts_with", "body_excludes",
             "notes", "events", "must_not"}
EVENT_KEYS = {"id", "anchors", "summary", "background", "event_type", "sub_event_type", "date", "location",
              "actors", "fatalities", "status"}
ACTOR_ROLES = {"actor1", "actor2", "associated", "target"}


def shared_folder() -> Path | None:
    """The shared folder as the project locates it: $SITREP_SHARED, <repo>/../shared, /work/shared."""
    for candidate in (os.environ.get("SITREP_SHARED"), REPO.parent / "shared", "/work/shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def corpus_gold_paths() -> list[Path]:
    return sorted((CORPUS / "gold").glob("*.json"))


def check_event(event: dict, text: str, actor_names: set[str]) -> list[str]:
    """Every problem with one gold event, as readable strings (empty when the event is sound)."""
    problems = []
    where = f"event {event.get('id')}"
    missing = EVENT_KEYS - event.keys()
    if missing:
        return [f"{where}: missing keys {sorted(missing)}"]
    if not 1 <= len(event["anchors"]) <= MAX_ANCHORS:
        problems.append(f"{where}: needs 1-{MAX_ANCHORS} anchors")
    problems += [f"{where}: anchor not in article: {a!r}" for a in event["anchors"] if a not in text]
    if event["sub_event_type"] not in EVENT_TYPES.get(event["event_type"], ()):
        problems.append(f"{where}: {event['sub_event_type']!r} is not a sub-type of {event['event_type']!r}")
    if not isinstance(event["background"], bool):
        problems.append(f"{where}: background must be true/false")
    when = event["date"]
    if when is not None:
        start, end = date.fromisoformat(when["start"]), date.fromisoformat(when["end"])
        if start > end:
            problems.append(f"{where}: date start after end")
        if when["precision"] not in DATE_PRECISIONS:
            problems.append(f"{where}: bad date precision {when['precision']!r}")
    place = event["location"]
    if place is not None:
        if not place.get("name") or len(place.get("country_code") or "") != 2:
            problems.append(f"{where}: location needs a name and a 2-letter country_code")
        if place["lat"] is None:
            if place["lon"] is not None or place["precision"] is not None:
                problems.append(f"{where}: country-only place must have no lon and no precision")
        elif not (-90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180) or place["precision"] not in GEO_PRECISIONS:
            problems.append(f"{where}: bad coordinates or precision")
    problems += party_and_status_problems(where, event, actor_names, ACTOR_ROLES, FACETS, STATUSES)
    return problems


def check_gold(gold: dict, text: str, actor_names: set[str]) -> list[str]:
    problems = []
    missing = GOLD_KEYS - gold.keys()
    if missing:
        return [f"missing keys {sorted(missing)}"]
    date.fromisoformat(gold["published"])
    lines = text.splitlines()
    if lines[0] != gold["title"]:
        problems.append("title is not the article's first line")
    if gold["standfirst"] is not None and gold["standfirst"] not in lines:
        problems.append("standfirst is not a line of the article")
    for phrase in [gold["body_starts_with"], *gold["body_excludes"], *gold["must_not"]]:
        if phrase not in text:
            problems.append(f"not in article: {phrase!r}")
    ids = [event.get("id") for event in gold["events"]]
    if len(ids) != len(set(ids)):
        problems.append("duplicate event ids")
    for event in gold["events"]:
        problems += check_event(event, text, actor_names)
        if any(phrase in anchor or anchor in phrase for anchor in event["anchors"] for phrase in gold["must_not"]):
            problems.append(f"event {event['id']}: an anchor overlaps a must_not phrase")
    return problems


@pytest.fixture(scope="module")
def actor_names() -> set[str]:
    return canonical_actor_names()


def test_actor_data_files_are_well_formed(actor_names):
    actors = read_csv_rows(RULES / "actors.csv")
    assert all(row["inter"] in "12345678" and row["aliases"] for row in actors)
    assert len(actors) >= 60
    assert {"Military Forces of Syria", "Civilians (Nigeria)", "Islamic State"} <= actor_names
    assert "Military Forces of Democratic Republic of Congo" not in actor_names  # replaced by a concrete row
    assert read_csv_rows(RULES / "sources.csv")


@pytest.mark.parametrize("gold_path", corpus_gold_paths(), ids=lambda p: p.stem)
def test_gold_file_is_consistent_with_its_article(gold_path, actor_names):
    gold = load_gold(gold_path)
    article = CORPUS / "articles" / gold["article"]
    assert article.is_file(), f"{gold['article']} does not exist"
    assert gold_path.stem == article.stem
    assert check_gold(gold, article.read_text(encoding="utf-8"), actor_names) == []


def test_corpus_size_and_shape():
    golds = [load_gold(path) for path in corpus_gold_paths()]
    articles = sorted((CORPUS / "articles").glob("*.txt"))
    assert len(articles) >= MIN_ARTICLES
    assert {path.stem for path in articles} == {path.stem for path in corpus_gold_paths()}
    assert any(not gold["events"] for gold in golds), "the corpus needs an article with no event"
    assert len({gold["outlet"] for gold in golds}) >= 8


def test_seed_gold_file(actor_names):
    gold = load_gold(SEED_GOLD)
    assert {event["id"] for event in gold["events"]} == set("abcdef")
    shared = shared_folder()
    if shared is None or not (shared / gold["article_path"]).is_file():
        pytest.skip("shared seed article not available")
    text = (shared / gold["article_path"]).read_text(encoding="utf-8")
    problems = []
    for event in gold["events"]:
        problems += check_event(event, text, actor_names)
        problems += [f"seed anchor too long to be a short phrase: {a!r}" for a in event["anchors"]
                     if len(a) > MAX_SEED_ANCHOR_CHARS]
    assert problems == []
