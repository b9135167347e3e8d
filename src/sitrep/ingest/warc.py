"""WARC input (plain or gzipped): every HTML response record becomes a RawDocument found again by byte offset.

Crawls are large and never perfectly clean. A malformed record or a truncated gzip member is a rejection at
its offset, and reading resumes at the next record start found after it (``WARC/1.x`` for plain files, a gzip
member header for ``.gz``), so one bad record costs one record, not the file.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import BinaryIO

from ..model import Origin, RawDocument, Rejected
from .html import decode_html, html_document, parse_iso_date
from .text import MAX_DOCUMENT_BYTES, text_document

logger = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
PLAIN_TYPES = ("text/plain",)
# How far a resync scans in one read while looking for the next record start.
RESYNC_CHUNK_BYTES = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."


def is_warc_path(path: str) -> bool:
    """True for file names that hold WARC/ARC records."""
    return path.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str | os.PathLike[str]) -> Iterator[RawDocument | Rejected]:
    """Yield a RawDocument for each HTML (or plain-text) response record; rejections for broken records."""
    location = os.fspath(path)
    try:
        size = os.path.getsize(location)
        stream = open(location, "rb")
    except OSError as error:
        yield Rejected("read", "unreadable", Origin("warc", location), f"{type(error).__name__}: {error}")
        return
    with stream:
        yield from _read_from(stream, location, size)


def _read_from(stream: BinaryIO, location: str, size: int) -> Iterator[RawDocument | Rejected]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    gzipped = location.lower().endswith(".gz") or _starts_with_gzip(stream)
    magic = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    start = 0
    while start < size:
        record_end = start
        try:
            records = ArchiveIterator(_OffsetReader(stream, start))
            iterator = iter(records)
            while (record := _quietly(lambda: next(iterator, None))) is not None:
                result, offset, record_end = _quietly(lambda: _read_record(records, record, location, start))
                if result is not None:
                    yield _at_offset(result, offset)
            problem = "record header cut off, or bytes that are not a record"
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as error:
            problem = f"{type(error).__name__}: {str(error)[:120]}"
        except Exception as error:  # noqa: BLE001 - warcio is not hardened: damaged headers raise
            # AttributeError/TypeError/KeyError from deep inside its parser; that is this record's malformation.
            problem = f"{type(error).__name__} in warcio: {str(error)[:120]}"
        # a damaged record can report a length that ends before it begins (warcio gave -182): never step back,
        # or the same bytes are read and rejected forever
        failed_at = _skip_padding(stream, max(record_end, start), size)
        if failed_at >= size:
            return
        reason = "truncated" if _next_record_start(stream, failed_at + 1, size, magic) >= size else "malformed_record"
        yield Rejected("read", reason, Origin("warc", location, offset=failed_at), problem)
        start = _next_record_start(stream, failed_at + 1, size, magic)


def _read_record(records, record, location: str, base: int) -> tuple[RawDocument | Rejected | None, int, int]:
    """One record's document (or rejection, or None) with its absolute offset and end."""
    result = _record_document(record, location)
    offset = base + records.get_record_offset()
    record_end = offset + max(records.get_record_length(), 0)
    if _cut_short(record):
        result = Rejected("read", "truncated", Origin("warc", location), "record shorter than its Content-Length")
    return result, offset, record_end


def _quietly(step):
    """Run one warcio step with the warnings it prints to stderr captured and logged instead.

    warcio writes damaged-record warnings (with raw bytes) straight to stderr, which garbles the progress
    bar and the CLI's output; the rejection we record says the same thing. Only the synchronous step is
    redirected, never across a ``yield``.
    """
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            return step()
    finally:
        if captured.getvalue():
            logger.info("warcio: %s", captured.getvalue().strip()[:300])


class _OffsetReader:
    """A read-only view of a file from ``base`` on, so warcio's offsets count from the resync point."""

    def __init__(self, stream: BinaryIO, base: int):
        self._stream = stream
        self._stream.seek(base)

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)

    def readline(self, size: int = -1) -> bytes:
        return self._stream.readline(size)


def _starts_with_gzip(stream: BinaryIO) -> bool:
    stream.seek(0)
    head = stream.read(3)
    stream.seek(0)
    return head == _GZIP_MAGIC


def _skip_padding(stream: BinaryIO, position: int, size: int) -> int:
    """The first offset at or after ``position`` that is not whitespace (writers pad records with CRLFs)."""
    stream.seek(position)
    padding = stream.read(min(size - position, 4096))
    return position + len(padding) - len(padding.lstrip())


def _next_record_start(stream: BinaryIO, position: int, size: int, magic: bytes) -> int:
    """The offset of the next record header after ``position`` (``size`` when there is none)."""
    overlap = len(magic) - 1
    while position < size:
        stream.seek(position)
        chunk = stream.read(RESYNC_CHUNK_BYTES)
        found = chunk.find(magic)
        if found >= 0:
            return position + found
        if len(chunk) <= overlap:
            break
        position += len(chunk) - overlap
    return size


def _record_document(record, location: str) -> RawDocument | Rejected | None:
    """One WARC record to a document; None for records that are not pages (requests, metadata, images)."""
    if record.rec_type != "response":
        return None
    origin = Origin("warc", location)  # the offset is filled in once warcio knows it
    if record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    media_type = content_type.split(";")[0].strip()
    if media_type not in HTML_TYPES + PLAIN_TYPES:
        return None
    if not status.startswith("2"):
        return Rejected("read", f"http_{status or 'unknown'}", origin, "non-success response record")
    payload = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(payload) > MAX_DOCUMENT_BYTES:
        return Rejected("read", "too_large", origin, f"record payload over {MAX_DOCUMENT_BYTES} bytes")
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = _warc_date(record.rec_headers.get_header("WARC-Date"))
    if media_type in PLAIN_TYPES:
        document = text_document(payload, origin, declared=_charset(content_type))
        return replace(document, url=url) if isinstance(document, RawDocument) else document
    html = decode_html(payload, _charset(content_type))
    return html_document(html, origin, url=url, published=crawled)


def _cut_short(record) -> bool:
    """True when the record ended before its Content-Length (a truncated file or gzip member)."""
    return bool(getattr(record.raw_stream, "limit", 0))


def _at_offset(result: RawDocument | Rejected, offset: int) -> RawDocument | Rejected:
    return replace(result, origin=replace(result.origin, offset=offset))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset":
            return value.strip()
    return None


def _warc_date(value: str | None) -> date | None:
    return parse_iso_date(value)
