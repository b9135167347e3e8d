"""The SQLite store: documents, their events and every rejection, in one file.

Writes are transactional and idempotent. An article is stored whole (document row, events, near-duplicate
index) in one transaction or not at all; the same content (or the same URL) stored again is a no-op that
reports "duplicate"; a near copy of a stored article is stored and linked to the first copy (``near_dup_of``)
so corroboration can count independent sources. Rejections are stored once per (stage, reason, origin).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from .errors import StoreError
from .ingest import dedup
from .model import Event, Extraction, Origin, RawDocument, Rejected, to_jsonable

__all__ = ["DUPLICATE", "INGESTED", "NEAR_DUPLICATE", "Store", "StoredDocument", "open_store"]

SCHEMA_VERSION = 1
# How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 10_000

INGESTED, DUPLICATE, NEAR_DUPLICATE = "ingested", "duplicate", "near_duplicate"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    doc_id TEXT,                          -- the input's own id (JSON Lines), if it had one
    content_hash TEXT NOT NULL UNIQUE,    -- sha256 of the normalised input content
    url TEXT,
    url_key TEXT,                         -- normalised URL, for duplicate checks
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    media_type TEXT,
    origin TEXT NOT NULL,                 -- JSON Origin
    source_text TEXT,
    body TEXT,
    extracted INTEGER NOT NULL DEFAULT 0, -- 1 when the pipeline ran on it
    near_dup_of TEXT REFERENCES documents(id),
    similarity REAL,                      -- estimated Jaccard with near_dup_of
    minhash BLOB,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_url_key ON documents(url_key);
CREATE INDEX IF NOT EXISTS documents_near_dup_of ON documents(near_dup_of);
CREATE TABLE IF NOT EXISTS lsh_buckets (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    PRIMARY KEY (band, bucket, document_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    id TEXT NOT NULL,                     -- Event.id (unique within its article)
    article_id TEXT NOT NULL REFERENCES documents(id),
    event_type TEXT,
    sub_event_type TEXT,
    date_start TEXT,
    date_end TEXT,
    country_code TEXT,
    location_name TEXT,
    lat REAL,
    lon REAL,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    status TEXT,                          -- JSON facet -> status
    record TEXT NOT NULL,                 -- JSON of the whole Event
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_date_start ON events(date_start);
CREATE INDEX IF NOT EXISTS events_country_code ON events(country_code);
CREATE TABLE IF NOT EXISTS rejects (
    id INTEGER PRIMARY KEY,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    origin TEXT NOT NULL,                 -- JSON Origin
    location TEXT NOT NULL,               -- Origin.describe(), for people
    detail TEXT,
    at TEXT NOT NULL,
    UNIQUE (stage, reason, origin)
);
"""


@dataclass(frozen=True)
class StoredDocument:
    """What the duplicate check needs to know about a stored document."""

    id: str
    extracted: bool


def open_store(path: str | os.PathLike[str]) -> Store:
    """Open (creating if needed) the SQLite store at ``path``."""
    return Store(path)


class Store:
    """A sitrep database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = os.fspath(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL: no fsync per commit (10 ms each); a crash never corrupts or half-writes an article,
            # at worst a power cut loses the last few commits, which a re-run ingests again.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._create_schema()
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the database ({error}); check the path and permissions", self.path) from error

    def _create_schema(self) -> None:
        with self._transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            row = self._db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row["version"] > SCHEMA_VERSION:
                raise StoreError(
                    f"database schema version {row['version']} is newer than this sitrep ({SCHEMA_VERSION}); upgrade sitrep",
                    self.path,
                )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error; sqlite3 errors become StoreError."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"cannot start a transaction ({error})", self.path) from error
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as error:
            self._db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"write failed and was rolled back ({error})", self.path) from error
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    # ---- writing -------------------------------------------------------------------------------------------

    def find_duplicate(self, raw: RawDocument) -> StoredDocument | None:
        """The stored document with the same content or URL as ``raw``, if any (a cheap pre-check)."""
        return self._exact_duplicate(dedup.content_hash(raw.content), dedup.normalise_url(raw.url))

    def _exact_duplicate(self, content_hash: str, url_key: str | None) -> StoredDocument | None:
        row = self._query_one("SELECT id, extracted FROM documents WHERE content_hash = ?", (content_hash,))
        if row is None and url_key:
            row = self._query_one("SELECT id, extracted FROM documents WHERE url_key = ?", (url_key,))
        return StoredDocument(row["id"], bool(row["extracted"])) if row else None

    def save_extraction(
        self,
        raw: RawDocument,
        extraction: Extraction,
        *,
        text: str | None = None,
        language: str | None = None,
    ) -> str:
        """Store a document and its events in one transaction; "ingested", "duplicate" or "near_duplicate".

        ``text`` is the main text used for near-duplicate detection when there is no cleaned article (the
        article body wins when there is one); ``language`` the detected language, when the caller knows it.
        A document stored earlier without extraction gets its events when stored again with them.
        """
        article = extraction.article
        main_text = article.body if article is not None else (text if text is not None else raw.content)
        content_hash = dedup.content_hash(raw.content)
        url_key = dedup.normalise_url(raw.url)
        signature = dedup.minhash_signature(main_text)
        document_id = article.id if article is not None else (raw.doc_id or content_hash[:16])
        with self._transaction():
            existing = self._exact_duplicate(content_hash, url_key)
            if existing is not None:
                if existing.extracted or article is None:
                    return DUPLICATE
                self._complete_extraction(existing.id, extraction)
                return INGESTED
            clash = self._query_one("SELECT content_hash FROM documents WHERE id = ?", (document_id,))
            if clash is not None:
                raise StoreError(f"document id {document_id!r} is already used by different content", raw.origin.describe())
            near = self._nearest(signature) if signature is not None else None
            self._insert_document(document_id, raw, extraction, content_hash, url_key, main_text, language, signature, near)
            self._insert_events(extraction.events)
        return NEAR_DUPLICATE if near is not None else INGESTED

    def _nearest(self, signature) -> tuple[str, float] | None:
        """The cluster root of the most similar stored document at or above the threshold, if any."""
        best: tuple[str, float] | None = None
        candidates: set[str] = set()
        for band, bucket in dedup.lsh_keys(signature):
            rows = self._db.execute("SELECT document_id FROM lsh_buckets WHERE band = ? AND bucket = ?", (band, bucket))
            candidates.update(row["document_id"] for row in rows)
        for candidate in sorted(candidates):
            row = self._query_one("SELECT minhash, near_dup_of FROM documents WHERE id = ?", (candidate,))
            score = dedup.similarity(signature, dedup.signature_from_bytes(row["minhash"]))
            if score >= dedup.NEAR_DUPLICATE_THRESHOLD and (best is None or score > best[1]):
                best = (row["near_dup_of"] or candidate, score)
        return best

    def _insert_document(self, document_id, raw, extraction, content_hash, url_key, main_text, language, signature, near):
        article = extraction.article
        published = (article.published if article is not None else None) or raw.published
        self._db.execute(
            "INSERT INTO documents (id, doc_id, content_hash, url, url_key, title, outlet, published, language,"
            " media_type, origin, source_text, body, extracted, near_dup_of, similarity, minhash, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                raw.doc_id,
                content_hash,
                raw.url,
                url_key,
                _article_title(extraction) or raw.title,
                (article.outlet if article is not None else None) or raw.outlet,
                published.isoformat() if isinstance(published, date) else None,
                language or raw.language,
                raw.media_type,
                _origin_json(raw.origin),
                article.source_text if article is not None else main_text,
                article.body if article is not None else None,
                int(article is not None),
                near[0] if near else None,
                near[1] if near else None,
                dedup.signature_bytes(signature) if signature is not None else None,
                _now(),
            ),
        )
        if signature is not None:
            self._db.executemany(
                "INSERT OR IGNORE INTO lsh_buckets (band, bucket, document_id) VALUES (?, ?, ?)",
                [(band, bucket, document_id) for band, bucket in dedup.lsh_keys(signature)],
            )

    def _complete_extraction(self, document_id: str, extraction: Extraction) -> None:
        article = extraction.article
        self._db.execute(
            "UPDATE documents SET source_text = ?, body = ?, extracted = 1 WHERE id = ?",
            (article.source_text, article.body, document_id),
        )
        self._insert_events(extraction.events, article_id=document_id)

    def _insert_events(self, events: tuple[Event, ...], article_id: str | None = None) -> None:
        self._db.executemany(
            "INSERT INTO events (id, article_id, event_type, sub_event_type, date_start, date_end, country_code,"
            " location_name, lat, lon, fatalities_low, fatalities_high, status, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(event, article_id) for event in events],
        )

    def save_rejection(self, rejected: Rejected) -> bool:
        """Record a rejection; False when the same rejection (stage, reason, origin) was recorded before."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO rejects (stage, reason, origin, location, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
                (rejected.stage, rejected.reason, _origin_json(rejected.origin), rejected.origin.describe(),
                 rejected.detail, _now()),
            )
        return cursor.rowcount == 1

    # ---- reading -------------------------------------------------------------------------------------------

    def events(
        self,
        *,
        article_id: str | None = None,
        event_type: str | None = None,
        country_code: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events (the full JSON record of each), filtered, ordered by start date then id."""
        clauses, params = [], []
        for column, value in (("article_id", article_id), ("event_type", event_type), ("country_code", country_code)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            clauses.append("date_end >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("date_start <= ?")
            params.append(until.isoformat())
        sql = "SELECT record FROM events" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY date_start, article_id, id" + (" LIMIT ?" if limit is not None else "")
        if limit is not None:
            params.append(limit)
        return [json.loads(row["record"]) for row in self._query(sql, params)]

    def document(self, document_id: str) -> dict[str, Any] | None:
        """One stored document's row (without its MinHash), or None."""
        row = self._query_one("SELECT * FROM documents WHERE id = ?", (document_id,))
        return _document_dict(row) if row else None

    def documents(self) -> list[dict[str, Any]]:
        """All stored documents, oldest first (without text or MinHash: a listing, not an export)."""
        sql = ("SELECT id, doc_id, url, title, outlet, published, language, origin, near_dup_of, similarity,"
               " extracted, ingested_at FROM documents ORDER BY ingested_at, id")
        return [_document_dict(row) for row in self._query(sql)]

    def cluster(self, document_id: str) -> list[str]:
        """Ids of the documents that are copies of the same story as ``document_id`` (itself included)."""
        row = self._query_one("SELECT near_dup_of FROM documents WHERE id = ?", (document_id,))
        if row is None:
            return []
        root = row["near_dup_of"] or document_id
        rows = self._query("SELECT id FROM documents WHERE id = ? OR near_dup_of = ? ORDER BY id", (root, root))
        return [r["id"] for r in rows]

    def rejections(self) -> list[dict[str, Any]]:
        """Every recorded rejection, in the order they were recorded."""
        rows = self._query("SELECT stage, reason, origin, location, detail, at FROM rejects ORDER BY id")
        return [{**dict(row), "origin": json.loads(row["origin"])} for row in rows]

    def summary(self) -> dict[str, Any]:
        """Counts: documents, near duplicates, events, rejections and rejections by reason."""
        count = lambda sql: self._query_one(sql)[0]  # noqa: E731 - a local shorthand
        by_reason = self._query("SELECT reason, COUNT(*) FROM rejects GROUP BY reason ORDER BY COUNT(*) DESC, reason")
        return {
            "documents": count("SELECT COUNT(*) FROM documents"),
            "near_duplicates": count("SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL"),
            "events": count("SELECT COUNT(*) FROM events"),
            "rejections": count("SELECT COUNT(*) FROM rejects"),
            "rejections_by_reason": {row[0]: row[1] for row in by_reason},
        }

    def _query(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"query failed ({error})", self.path) from error

    def _query_one(self, sql: str, params: tuple | list = ()) -> sqlite3.Row | None:
        rows = self._query(sql, params)
        return rows[0] if rows else None


def _event_row(event: Event, article_id: str | None) -> tuple:
    when, place, deaths = event.date, event.location, event.fatalities
    return (
        event.id,
        article_id or event.article_id,
        event.event_type,
        event.sub_event_type,
        when.start.isoformat() if when and when.start else None,
        when.end.isoformat() if when and when.end else None,
        place.country_code if place else None,
        place.name if place else None,
        place.lat if place else None,
        place.lon if place else None,
        deaths.low if deaths else None,
        deaths.high if deaths else None,
        json.dumps(event.status, sort_keys=True),
        json.dumps(to_jsonable(event), ensure_ascii=False),
    )


def _article_title(extraction: Extraction) -> str | None:
    article = extraction.article
    return article.title.text if article is not None and article.title is not None else None


def _origin_json(origin: Origin) -> str:
    return json.dumps(to_jsonable(origin), sort_keys=True, ensure_ascii=False)


def _document_dict(row: sqlite3.Row) -> dict[str, Any]:
    document = {key: row[key] for key in row.keys() if key != "minhash"}
    if "origin" in document:
        document["origin"] = json.loads(document["origin"])
    return document


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
