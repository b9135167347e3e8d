"""The JSON shape of sitrep's output: one record per input article, with its events (docs/event-record.md).

The CLI, the store and the benchmarks all print or save these records, so there is one definition of the
shape, checked against ``schema/event.schema.json`` by the tests.
"""

from __future__ import annotations

from typing import Any

from .model import Event, Extraction, Rejected, to_jsonable


def event_record(event: Event) -> dict[str, Any]:
    """An Event as JSON: every field of the dataclass, dates as ISO strings, spans as {start, end, text}."""
    return to_jsonable(event)


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """One article's output record: where it came from, its clean parts, and its events (or why skipped)."""
    article = extraction.article
    record: dict[str, Any] = {
        "input": extraction.origin.describe() if extraction.origin else None,
        "id": article.id if article else None,
        "skipped": extraction.skipped,
    }
    if article is not None:
        record.update(
            {
                "title": article.title.text if article.title else None,
                "standfirst": article.standfirst.text if article.standfirst else None,
                "published": article.published.isoformat() if article.published else None,
                "published_from": article.published_from,
                "outlet": article.outlet,
                "url": article.url,
                "body": article.body,
                "removed": [{"rule": r.rule, **to_jsonable(r.span)} for r in article.removed],
            }
        )
    record["events"] = [event_record(e) for e in extraction.events]
    return record


def rejected_record(rejected: Rejected) -> dict[str, Any]:
    """An unusable input as an output record: no events, and the stage and reason it was skipped."""
    return {
        "input": rejected.origin.describe(),
        "id": None,
        "skipped": f"{rejected.stage}: {rejected.reason}" + (f" ({rejected.detail})" if rejected.detail else ""),
        "events": [],
    }
