"""Ingest: read articles from files, folders, stdin, URLs, feeds, WARC and JSON Lines, as RawDocuments.

:func:`read_sources` is the one entry point for reading: give it paths, URLs or ``-`` and it yields a
``RawDocument`` for every usable input and a ``Rejected`` for every unusable one, never raising on bad input.
:func:`ingest` (in :mod:`sitrep.ingest.runner`) runs the checks, the pipeline and the store over them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping

from ..model import Origin, RawDocument, Rejected
from .html import decode_html, html_document, read_html_file
from .jsonl import read_jsonl
from .text import looks_binary, looks_like_html, read_file_bytes, read_stdin, text_document
from .warc import is_warc_path, read_warc
from .web import FetchSettings, Fetcher, is_url, looks_like_feed, read_feed_items, read_url

__all__ = [
    "FetchSettings",
    "IngestSummary",
    "ingest",
    "read_file",
    "read_source",
    "read_sources",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
STDIN = "-"


def read_sources(
    sources: Iterable[str | os.PathLike[str]],
    *,
    jsonl_fields: Mapping[str, str] | None = None,
    fetch_settings: FetchSettings | None = None,
    skip_paths: Iterable[str] = (),
) -> Iterator[RawDocument | Rejected]:
    """Yield every document (or rejection) from each source in order: files, folders, ``-``, URLs, feeds.

    ``skip_paths`` are files never read even inside a source folder (the database being written, its WAL).
    """
    fetcher = Fetcher(fetch_settings or FetchSettings())
    skipped = frozenset(os.path.realpath(path) for path in skip_paths)
    for source in sources:
        yield from read_source(source, jsonl_fields=jsonl_fields, fetcher=fetcher, skip_paths=skipped)


def read_source(
    source: str | os.PathLike[str],
    *,
    jsonl_fields: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
    skip_paths: frozenset[str] = frozenset(),
) -> Iterator[RawDocument | Rejected]:
    """Read one source; folders are walked recursively in sorted order, hidden entries skipped."""
    location = os.fspath(source)
    fetcher = fetcher or Fetcher()
    if location == STDIN:
        yield read_stdin(sys.stdin.buffer)
    elif is_url(location):
        yield from read_url(location, fetcher)
    elif os.path.isdir(location):
        for path in _walk_sorted(location):
            if os.path.realpath(path) in skip_paths:
                continue
            yield from _guarded(read_file(path, jsonl_fields=jsonl_fields, fetcher=fetcher), Origin("file", path))
    elif os.path.exists(location):
        yield from _guarded(read_file(location, jsonl_fields=jsonl_fields, fetcher=fetcher), Origin("file", location))
    else:
        yield Rejected("read", "not_found", Origin("file", location), "no such file, folder or URL")


def read_file(
    path: str,
    *,
    jsonl_fields: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Read one file, choosing the reader by name (WARC, JSON Lines, HTML) or else by sniffing its bytes."""
    lower = path.lower()
    if is_warc_path(lower):
        yield from read_warc(path)
    elif lower.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, jsonl_fields)
    elif lower.endswith(HTML_SUFFIXES):
        yield read_html_file(path)
    else:
        yield from _read_sniffed(path, fetcher or Fetcher())


def _guarded(items: Iterator[RawDocument | Rejected], origin: Origin) -> Iterator[RawDocument | Rejected]:
    """Pass a reader's items on; a bug in a reader costs the rest of that file, not the batch."""
    try:
        yield from items
    except Exception as error:  # noqa: BLE001 - recorded as a rejection, never swallowed
        yield Rejected("read", "reader_error", origin, f"{type(error).__name__}: {error}"[:500])


def _read_sniffed(path: str, fetcher: Fetcher) -> Iterator[RawDocument | Rejected]:
    """Plain text unless the bytes say feed or HTML (a saved page named .txt, a feed named .xml)."""
    origin = Origin("file", path)
    data = read_file_bytes(path, origin)
    if isinstance(data, Rejected):
        yield data
    elif looks_like_feed(data):
        yield from read_feed_items(data, Origin("feed", path), fetcher)
    elif looks_like_html(data) and not looks_binary(data):
        yield html_document(decode_html(data), origin)
    else:
        yield text_document(data, origin)


def _walk_sorted(folder: str) -> Iterator[str]:
    """Files under ``folder`` in path order (entries sorted by name, sub-folders visited in place)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_sorted(entry.path)
        elif entry.is_file():
            yield entry.path


def __getattr__(name: str):
    """The runner is loaded on first use: reading sources must not pull in the store and the pipeline."""
    if name in ("ingest", "IngestSummary"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
