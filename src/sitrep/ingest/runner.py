"""The ingest runner: read -> duplicate check -> language check -> extract -> store, for a whole batch.

A batch never dies on one bad document: whatever goes wrong with one input becomes a ``Rejected`` that is
stored and counted, and the run goes on. Cheap checks run before the pipeline, so duplicates and foreign-
language pages cost no extraction.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ..errors import StoreError
from ..model import Extraction, RawDocument, Rejected
from ..store import DUPLICATE, INGESTED, NEAR_DUPLICATE, Store
from . import read_sources
from .html import HTML_MEDIA_TYPE, html_main_text
from .language import detect_language, language_rejection
from .web import FetchSettings

NOT_EXTRACTED = "not extracted (--no-extract)"


@dataclass
class IngestSummary:
    """What one run did: inputs read, and what became of them (rejections counted by reason)."""

    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: Counter = field(default_factory=Counter)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    def count(self, outcome: str | Rejected) -> None:
        """Add one input's outcome."""
        self.read += 1
        if isinstance(outcome, Rejected):
            self.rejected[outcome.reason] += 1
        elif outcome == INGESTED:
            self.ingested += 1
        elif outcome == DUPLICATE:
            self.duplicates += 1
        elif outcome == NEAR_DUPLICATE:
            self.near_duplicates += 1

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0])))
        return (
            f"read {self.read}, ingested {self.ingested}, duplicates {self.duplicates}, "
            f"near-duplicates {self.near_duplicates}, rejected {self.rejected_total}" + (f" ({reasons})" if reasons else "")
        )


def ingest(
    sources: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    extract: bool = True,
    published: date | None = None,
    progress: bool = False,
    jsonl_fields: Mapping[str, str] | None = None,
    fetch_settings: FetchSettings | None = None,
) -> IngestSummary:
    """Ingest every document from ``sources`` into ``store`` and return what happened."""
    summary = IngestSummary()
    bar = _progress_bar(progress)
    try:
        database_files = [store.path + suffix for suffix in ("", "-wal", "-shm", "-journal")]
        items = read_sources(sources, jsonl_fields=jsonl_fields, fetch_settings=fetch_settings, skip_paths=database_files)
        for item in items:
            outcome = ingest_one(item, store, extract=extract, published=published)
            summary.count(outcome)
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(f"new {summary.ingested + summary.near_duplicates}, rejected {summary.rejected_total}", refresh=False)
    finally:
        if bar is not None:
            bar.close()
    return summary


def ingest_one(item: RawDocument | Rejected, store: Store, *, extract: bool = True, published: date | None = None) -> str | Rejected:
    """Take one read result through the checks, the pipeline and the store; its outcome or its rejection."""
    if isinstance(item, Rejected):
        store.save_rejection(item)
        return item
    outcome = _process(item, store, extract=extract, published=published)
    if isinstance(outcome, Rejected):
        store.save_rejection(outcome)
    return outcome


def _process(raw: RawDocument, store: Store, *, extract: bool, published: date | None) -> str | Rejected:
    existing = store.find_duplicate(raw)
    if existing is not None and (existing.extracted or not extract):
        return DUPLICATE
    text = main_text(raw)
    guess = detect_language(text)
    rejection = language_rejection(guess, raw.origin)
    if rejection is not None:
        return rejection
    if extract:
        extraction = _extract(raw, published)
        if isinstance(extraction, Rejected):
            return extraction
    else:
        extraction = Extraction(article=None, events=(), skipped=NOT_EXTRACTED, origin=raw.origin)
        if published is not None:
            raw = replace(raw, published=published)
    try:
        return store.save_extraction(raw, extraction, text=text, language=guess.language if guess.reliable else None)
    except StoreError as error:
        return Rejected("store", "store_error", raw.origin, error.message)


def _extract(raw: RawDocument, published: date | None) -> Extraction | Rejected:
    from ..pipeline import extract_document

    try:
        extraction = extract_document(raw, published=published)
    except Exception as error:  # noqa: BLE001 - one document's failure is recorded, never the batch's end
        return Rejected("extract", "extract_error", raw.origin, f"{type(error).__name__}: {error}"[:500])
    if extraction.article is None:
        return Rejected("clean", "unusable", raw.origin, extraction.skipped or "no article")
    return extraction


def main_text(raw: RawDocument) -> str:
    """The text the language and near-duplicate checks look at: the page's main text, or the plain text."""
    return html_main_text(raw.content) if raw.media_type == HTML_MEDIA_TYPE else raw.content


def _progress_bar(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(file=sys.stderr, unit="doc", desc="ingest", dynamic_ncols=True)
