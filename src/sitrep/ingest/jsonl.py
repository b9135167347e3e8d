"""JSON Lines input: one article per line, fields renamed by a mapping so any export can be read as is.

A line that is not a JSON object, or has no text, is a rejection carrying its 1-based line number; the rest of
the file is still read. Lines are read with a length cap, so one runaway line cannot exhaust memory.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import BinaryIO

from ..model import Origin, RawDocument, Rejected
from .html import html_document, parse_iso_date
from .text import MAX_DOCUMENT_BYTES, decode_bytes, looks_like_html

# Our field name -> the input key it is read from, unless the caller renames it (``--field text=body``).
DEFAULT_FIELDS: dict[str, str] = {
    "id": "id",
    "url": "url",
    "title": "title",
    "text": "text",
    "published": "published",
    "outlet": "outlet",
}


def field_mapping(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """DEFAULT_FIELDS with the caller's renames applied; unknown target names are an error, not ignored."""
    mapping = dict(DEFAULT_FIELDS)
    for ours, theirs in (overrides or {}).items():
        if ours not in DEFAULT_FIELDS:
            raise ValueError(f"unknown JSON Lines field {ours!r}; choose from {', '.join(DEFAULT_FIELDS)}")
        mapping[ours] = theirs
    return mapping


def read_jsonl(path: str | os.PathLike[str], fields: Mapping[str, str] | None = None) -> Iterator[RawDocument | Rejected]:
    """Yield one RawDocument (or Rejected) per non-blank line of a .jsonl or .jsonl.gz file."""
    location = os.fspath(path)
    mapping = field_mapping(fields)
    opener = gzip.open if location.endswith(".gz") else open
    try:
        with opener(location, "rb") as stream:
            yield from _read_lines(stream, location, mapping)
    except OSError as error:
        yield Rejected("read", "unreadable", Origin("jsonl", location), f"{type(error).__name__}: {error}")


def _read_lines(stream: BinaryIO, location: str, mapping: dict[str, str]) -> Iterator[RawDocument | Rejected]:
    line_number = 0
    while True:
        try:
            line = stream.readline(MAX_DOCUMENT_BYTES + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            origin = Origin("jsonl", location, line=line_number + 1)
            yield Rejected("read", "truncated_gzip", origin, f"compressed stream ends early: {error}")
            return
        if not line:
            return
        line_number += 1
        origin = Origin("jsonl", location, line=line_number)
        if len(line) > MAX_DOCUMENT_BYTES:
            yield Rejected("read", "too_large", origin, f"line longer than {MAX_DOCUMENT_BYTES} bytes")
            _skip_rest_of_line(stream)
            continue
        if not line.strip():
            continue
        yield jsonl_record(line, origin, mapping)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(MAX_DOCUMENT_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def jsonl_record(line: bytes, origin: Origin, mapping: Mapping[str, str] = DEFAULT_FIELDS) -> RawDocument | Rejected:
    """Turn one JSON Lines line into a RawDocument carrying the input's id, or a rejection saying why not."""
    try:
        record = json.loads(decode_bytes(line).text)
    except (json.JSONDecodeError, RecursionError) as error:
        return Rejected("read", "bad_json", origin, str(error)[:200])
    if not isinstance(record, dict):
        return Rejected("read", "bad_json", origin, f"a JSON {type(record).__name__}, not an object")
    text = record.get(mapping["text"])
    if not isinstance(text, str) or not text.strip():
        return Rejected("read", "missing_text", origin, f"no text in field {mapping['text']!r}")
    values = {ours: _as_text(record.get(theirs)) for ours, theirs in mapping.items() if ours != "text"}
    published = parse_iso_date(values["published"])
    if looks_like_html(text.encode("utf-8", "surrogatepass")):
        document = html_document(text, origin, url=values["url"], published=published, title=values["title"],
                                 doc_id=values["id"])
        if isinstance(document, RawDocument) and values["outlet"]:
            document = replace(document, outlet=values["outlet"])
        return document
    return RawDocument(
        content=text,
        origin=origin,
        doc_id=values["id"],
        title=values["title"],
        url=values["url"],
        outlet=values["outlet"],
        published=published,
    )


def _as_text(value: object) -> str | None:
    """JSON scalars as strings (ids are often numbers); lists, objects and empty strings as None."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    return text or None
