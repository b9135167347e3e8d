"""SQLite store: schema, idempotent transactional writes, near-duplicate links, rejections, listings."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from fixtures.ingest_inputs import english_article

from sitrep.errors import StoreError
from sitrep.model import (
    Article,
    Event,
    Extraction,
    Fatalities,
    Origin,
    Place,
    RawDocument,
    Rejected,
    Segment,
    Span,
    When,
)
from sitrep.store import DUPLICATE, INGESTED, NEAR_DUPLICATE, SCHEMA_VERSION, open_store

FURNITURE = "Menu | Search | Subscribe\nAdvertisement\n"


def raw(text, name="a.txt", url=None):
    return RawDocument(content=text, origin=Origin("file", name), url=url, title="T", outlet="Ledger")


def article(text, article_id):
    return Article(id=article_id, source_text=text, body=text, segments=(Segment(0, 0, len(text)),),
                   title=Span(0, 5, text[:5]), published=date(2023, 3, 14), outlet="Ledger")


def event(article_id, event_id="e1", country="ML"):
    return Event(
        id=event_id, article_id=article_id, event_type="Battles", sub_event_type="Armed clash", summary="clash",
        background=False, date=When(date(2023, 3, 13), date(2023, 3, 13), "day"),
        location=Place(name="Gao", country_code=country, lat=16.27, lon=-0.04, precision=1), actors=(),
        fatalities=Fatalities(4, 4), weapons=(), assertions=(), status={"occurrence": "reported"},
        evidence=(Span(0, 4, "Ten "),),
    )


def extraction(text, article_id, events=1):
    return Extraction(article=article(text, article_id),
                      events=tuple(event(article_id, f"e{i}") for i in range(events)))


def test_schema_and_version_are_created(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path):
        pass
    db = sqlite3.connect(path)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "events", "rejects", "schema_version"} <= tables
    assert db.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_save_is_idempotent_and_events_are_listed(tmp_path):
    text = english_article(1)
    with open_store(tmp_path / "s.db") as store:
        assert store.save_extraction(raw(text), extraction(text, "doc1", events=2)) == INGESTED
        assert store.save_extraction(raw(text, "copy.txt"), extraction(text, "doc1", events=2)) == DUPLICATE
        events = store.events()
        assert [e["id"] for e in events] == ["e0", "e1"]
        assert events[0]["location"]["name"] == "Gao" and events[0]["date"]["start"] == "2023-03-13"
        assert store.events(country_code="ML", since=date(2023, 3, 1), until=date(2023, 3, 31)) == events
        assert store.events(country_code="SY") == [] and len(store.events(limit=1)) == 1
        summary = store.summary()
        assert (summary["documents"], summary["events"]) == (1, 2)
        document = store.document("doc1")
        assert document["published"] == "2023-03-14" and document["title"] == text[:5]


def test_same_url_is_a_duplicate(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        first, second = english_article(1), english_article(2)
        assert store.save_extraction(raw(first, url="https://x.example/a?utm_source=rss"), extraction(first, "d1")) == INGESTED
        assert store.save_extraction(raw(second, url="https://X.example/a"), extraction(second, "d2")) == DUPLICATE


def test_near_duplicate_is_stored_and_linked_to_the_first_copy(tmp_path):
    body = english_article(7, sentences=8)
    copies = [body, FURNITURE + body, "Other headline\n" + body + "\nCopyright Wire"]
    with open_store(tmp_path / "s.db") as store:
        outcomes = [store.save_extraction(raw(c, f"{i}.txt"), extraction(c, f"d{i}")) for i, c in enumerate(copies)]
        assert outcomes == [INGESTED, NEAR_DUPLICATE, NEAR_DUPLICATE]
        assert store.document("d1")["near_dup_of"] == "d0" and store.document("d2")["near_dup_of"] == "d0"
        assert store.cluster("d2") == ["d0", "d1", "d2"]
        assert store.save_extraction(raw(english_article(8), "x.txt"), extraction(english_article(8), "d3")) == INGESTED
        assert store.cluster("d3") == ["d3"]
        assert store.summary()["near_duplicates"] == 2


def test_a_failing_write_leaves_nothing_behind(tmp_path):
    text = english_article(3)
    broken = Extraction(article=article(text, "d1"), events=(event("d1", "e1"), event("d1", "e1")))  # same key twice
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(StoreError):
            store.save_extraction(raw(text), broken)
        assert store.summary()["documents"] == 0 and store.summary()["events"] == 0
        assert store.save_extraction(raw(text), extraction(text, "d1")) == INGESTED


def test_document_id_clash_with_other_content_is_an_error(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.save_extraction(raw(english_article(1)), extraction(english_article(1), "same"))
        with pytest.raises(StoreError, match="already used"):
            store.save_extraction(raw(english_article(2)), extraction(english_article(2), "same"))


def test_document_stored_without_extraction_gets_its_events_later(tmp_path):
    text = english_article(4)
    with open_store(tmp_path / "s.db") as store:
        assert store.save_extraction(raw(text), Extraction(article=None, events=(), skipped="no")) == INGESTED
        assert store.save_extraction(raw(text), Extraction(article=None, events=())) == DUPLICATE
        document_id = store.documents()[0]["id"]
        assert store.save_extraction(raw(text), extraction(text, document_id)) == INGESTED
        assert store.save_extraction(raw(text), extraction(text, document_id)) == DUPLICATE
        assert len(store.events()) == 1 and store.document(document_id)["extracted"] == 1


def test_rejections_are_recorded_once(tmp_path):
    rejected = Rejected("read", "bad_json", Origin("jsonl", "in.jsonl", line=3), "Expecting value")
    with open_store(tmp_path / "s.db") as store:
        assert store.save_rejection(rejected) is True
        assert store.save_rejection(rejected) is False
        (row,) = store.rejections()
        assert (row["stage"], row["reason"], row["location"], row["origin"]["line"]) == ("read", "bad_json", "in.jsonl:3", 3)
        assert store.summary()["rejections_by_reason"] == {"bad_json": 1}


def test_unopenable_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path / "no" / "such" / "dir" / "s.db")
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(tmp_path / "junk.db")
