"""Tables of stored events, grouped per article, for commands that read the store (``sitrep demo``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .formatting import record_table


def document_input(document: dict[str, Any]) -> str:
    """Where a stored document came from, as the extract table names it (path, URL, path:line)."""
    origin = document.get("origin") or {}
    where = str(origin.get("location") or document.get("url") or document["id"])
    if origin.get("line") is not None:
        where += f":{origin['line']}"
    if origin.get("offset") is not None:
        where += f"@{origin['offset']}"
    return where


def stored_tables(documents: list[dict[str, Any]], events: list[dict[str, Any]]) -> str:
    """One block per stored document (ordered by input), each listing that document's events.

    ``documents`` are rows from ``Store.documents()`` and ``events`` records from ``Store.events()``; a
    document stored without extraction says so instead of claiming it has no events.
    """
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        by_article[event["article_id"]].append(event)
    blocks = []
    for document in sorted(documents, key=document_input):
        record = {
            "input": document_input(document),
            "title": document.get("title"),
            "skipped": None if document.get("extracted") else "stored without extraction",
            "events": by_article.get(document["id"], []),
        }
        blocks.append(record_table(record))
    return "\n".join(blocks)
