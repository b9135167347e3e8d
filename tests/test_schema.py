"""schema/event.schema.json: every output record sitrep writes validates, and broken records do not."""

from __future__ import annotations

import copy
import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from sitrep.model import ACTOR_ROLES, DATE_PRECISIONS, EVENT_TYPES, FACETS, STANCES, STATUSES, Extraction, Origin, Rejected
from sitrep.records import extraction_record, rejected_record

REPO = Path(__file__).resolve().parents[1]
CORPUS_ARTICLES = 10  # how many corpus articles to extract (the rest add time, not coverage)
ACLED_KINDS = ("state forces", "rebel group", "political militia", "identity militia", "rioters", "protesters",
               "civilians", "external forces")


def load_schema() -> dict:
    return json.loads(resources.files("sitrep").joinpath("schema/event.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def publication_dates() -> dict[str, date]:
    dates = {}
    for gold in (REPO / "corpus" / "gold").glob("*.json"):
        published = json.loads(gold.read_text(encoding="utf-8")).get("published")
        if published:
            dates[gold.stem] = date.fromisoformat(published)
    return dates


@pytest.fixture(scope="module")
def extracted(seed_extraction, nlp) -> list[tuple[dict, str]]:
    """(record, source_text) for the seed and the first corpus articles, through the CLI's reading path."""
    from sitrep.ingest import read_sources
    from sitrep.pipeline import extract_document

    seed_text, seed = seed_extraction
    pairs = [(extraction_record(seed), seed_text)]
    dates = publication_dates()
    paths = sorted((REPO / "corpus" / "articles").glob("*.txt"))[:CORPUS_ARTICLES]
    assert len(paths) == CORPUS_ARTICLES, "corpus/articles is missing or short"
    for raw in read_sources([str(p) for p in paths]):
        extraction = extract_document(raw, published=dates.get(Path(raw.origin.location).stem))
        pairs.append((extraction_record(extraction), extraction.article.source_text))
    return pairs


def errors(validator, record) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in validator.iter_errors(record)]


def test_schema_enums_follow_the_model():
    defs = load_schema()["$defs"]
    event = defs["event"]["properties"]
    assert event["event_type"]["enum"] == list(EVENT_TYPES)
    assert event["sub_event_type"]["enum"] == [s for subs in EVENT_TYPES.values() for s in subs]
    assert event["status"]["propertyNames"]["enum"] == list(FACETS)
    assert event["status"]["additionalProperties"]["enum"] == list(STATUSES)
    assert defs["assertion"]["properties"]["stance"]["enum"] == list(STANCES)
    assert defs["assertion"]["properties"]["facet"]["enum"] == list(FACETS)
    assert defs["date"]["properties"]["precision"]["enum"] == list(DATE_PRECISIONS)
    assert defs["actor"]["properties"]["role"]["enum"] == list(ACTOR_ROLES)
    assert defs["actor"]["properties"]["kind"]["oneOf"][0]["enum"] == list(ACLED_KINDS)


def test_schema_lists_every_event_field():
    import dataclasses

    from sitrep.model import Actor, Assertion, Event, Fatalities, Place, When

    defs = load_schema()["$defs"]
    for name, cls in (("event", Event), ("date", When), ("location", Place), ("actor", Actor),
                      ("fatalities", Fatalities), ("assertion", Assertion)):
        fields = [f.name for f in dataclasses.fields(cls)]
        assert sorted(defs[name]["required"]) == sorted(fields), name
        assert defs[name]["additionalProperties"] is False


def test_every_extracted_record_validates(validator, extracted):
    problems = {record["input"]: errors(validator, record) for record, _ in extracted}
    assert {k: v for k, v in problems.items() if v} == {}
    assert sum(len(record["events"]) for record, _ in extracted) >= CORPUS_ARTICLES


def test_every_span_points_into_the_source_text(extracted):
    def spans(value):
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
                yield value
            for inner in value.values():
                yield from spans(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from spans(inner)

    checked = 0
    for record, source_text in extracted:
        for span in spans([record["events"], record["removed"]]):
            assert 0 <= span["start"] <= span["end"] <= len(source_text), (record["input"], span)
            assert source_text[span["start"]:span["end"]] == span["text"], (record["input"], span)
            checked += 1
    assert checked > 100


def test_skipped_and_rejected_records_validate(validator):
    origin = Origin("file", "empty.txt")
    assert errors(validator, rejected_record(Rejected("read", "empty", origin, "no bytes"))) == []
    skipped = Extraction(article=None, events=(), skipped="no article text left", origin=origin)
    assert errors(validator, extraction_record(skipped)) == []


def _event_record(extracted) -> dict:
    """A copy of the first record that has an event with a location, actors and assertions."""
    for record, _ in extracted:
        for event in record["events"]:
            if event["location"] and event["actors"] and event["assertions"] and event["date"]:
                broken = copy.deepcopy(record)
                broken["events"] = [copy.deepcopy(event)]
                return broken
    raise AssertionError("no event with location, actors, assertions and a date was extracted")


BREAKAGES = {
    "unknown top-level key": lambda r: r.update(extra=1),
    "events missing": lambda r: r.pop("events"),
    "article part without the rest": lambda r: r.pop("body"),
    "sub-type of another type": lambda r: r["events"][0].update(event_type="Protests", sub_event_type="Armed clash"),
    "unknown sub-type": lambda r: r["events"][0].update(sub_event_type="Skirmish"),
    "event field missing": lambda r: r["events"][0].pop("rules"),
    "unknown event field": lambda r: r["events"][0].update(confidence=0.5),
    "geo precision 4": lambda r: r["events"][0]["location"].update(precision=4),
    "latitude out of range": lambda r: r["events"][0]["location"].update(lat=123.0),
    "date precision fortnight": lambda r: r["events"][0]["date"].update(precision="fortnight"),
    "date not ISO": lambda r: r["events"][0]["date"].update(start="21/09/2016"),
    "actor role victim": lambda r: r["events"][0]["actors"][0].update(role="victim"),
    "actor kind terrorist": lambda r: r["events"][0]["actors"][0].update(kind="terrorist"),
    "actor extra key": lambda r: r["events"][0]["actors"][0].update(alias="x"),
    "stance says": lambda r: r["events"][0]["assertions"][0].update(stance="says"),
    "assertion without evidence": lambda r: r["events"][0]["assertions"][0].update(evidence=None),
    "status maybe": lambda r: r["events"][0]["status"].update(occurrence="maybe"),
    "status of an unknown facet": lambda r: r["events"][0]["status"].update(mood="confirmed"),
    "negative span start": lambda r: r["events"][0]["evidence"][0].update(start=-1),
    "span without text": lambda r: r["events"][0]["triggers"][0].pop("text"),
    "fatalities as a string": lambda r: r["events"][0].update(fatalities={"low": "12", "high": None, "text": None, "rule": ""}),
    "weapons as a string": lambda r: r["events"][0].update(weapons="rifle"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_record_fails(validator, extracted, breakage):
    record = _event_record(extracted)
    assert errors(validator, record) == []
    BREAKAGES[breakage](record)
    assert errors(validator, record) != []
