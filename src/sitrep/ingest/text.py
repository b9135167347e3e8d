"""Plain-text input: bytes to text, safely, for files, stdin and anything else a reader hands over.

Every reader goes through :func:`decode_bytes`, so the decoding policy lives in one place: UTF-8 first (with
or without a BOM), then UTF-16 when a BOM says so, then cp1252 and finally latin-1 (which always succeeds) —
a fallback decode is logged, because a wrong guess shows up later as mojibake in evidence spans. Bytes that look
binary are refused rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from ..model import Origin, RawDocument, Rejected

logger = logging.getLogger(__name__)

# An article is a few kB; 20 MB is far beyond any real page and small enough to hold in memory safely.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# How much of the input the binary sniffer looks at (the start of a file says what it is).
BINARY_SNIFF_BYTES = 8192
# Share of C0 control bytes (other than tab, newline, carriage return, form feed, escape) above which input is
# binary: text has none; 10 % tolerates a stray control character in otherwise good text.
MAX_CONTROL_BYTE_RATIO = 0.10

_CONTROL_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B})
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
_HTML_BODY_SNIFF = re.compile(rb"<(?:body|article|p|div)[\s>]", re.I)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes and the codec that worked (``fallback`` when it was not the declared/UTF one)."""

    text: str
    encoding: str
    fallback: bool = False


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: NULs outside UTF-16, or many control bytes."""
    sample = data[:BINARY_SNIFF_BYTES]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return control / len(sample) > MAX_CONTROL_BYTE_RATIO


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode text by BOM, then the declared charset, then UTF-8, then cp1252, then latin-1 (never fails)."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", "replace"), "utf-16")
    candidates = [name for name in (_codec_name(declared), "utf-8") if name]
    for encoding in dict.fromkeys(candidates):
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    for encoding in ("cp1252", "latin-1"):
        try:
            return Decoded(data.decode(encoding), encoding, fallback=True)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _codec_name(declared: str | None) -> str | None:
    """The Python codec for a declared charset, or None when it is unknown (a typo in a meta tag)."""
    if not declared:
        return None
    try:
        return codecs.lookup(declared.strip().strip("'\"")).name
    except LookupError:
        return None


def looks_like_html(data: bytes) -> bool:
    """Sniff HTML from the first kilobytes: a doctype/html/head tag first, or several block tags."""
    head = data[:BINARY_SNIFF_BYTES]
    if _HTML_SNIFF.match(head):
        return True
    return len(_HTML_BODY_SNIFF.findall(head)) >= 3


def read_limited(stream: BinaryIO, limit: int = MAX_DOCUMENT_BYTES) -> bytes | None:
    """Read at most ``limit`` bytes; None when there is more (the caller rejects it as too large)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def text_document(data: bytes, origin: Origin, *, declared: str | None = None) -> RawDocument | Rejected:
    """Turn the bytes of one plain-text document into a RawDocument, or say why it cannot be one."""
    if looks_binary(data):
        return Rejected("read", "binary", origin, "control bytes or NULs: not a text file")
    decoded = decode_bytes(data, declared)
    if decoded.fallback:
        logger.info("%s: not valid UTF-8, decoded as %s", origin.describe(), decoded.encoding)
    if not decoded.text.strip():
        return Rejected("read", "empty", origin, "no text")
    return RawDocument(content=decoded.text, origin=origin, media_type="text/plain")


def read_text_file(path: str | os.PathLike[str]) -> RawDocument | Rejected:
    """Read one plain-text file (size-checked before reading, so a huge file is never loaded)."""
    origin = Origin(kind="file", location=os.fspath(path))
    data = read_file_bytes(path, origin)
    if isinstance(data, Rejected):
        return data
    return text_document(data, origin)


def read_file_bytes(path: str | os.PathLike[str], origin: Origin) -> bytes | Rejected:
    """The bytes of a file, or a rejection when it is unreadable, empty or over MAX_DOCUMENT_BYTES."""
    try:
        size = os.path.getsize(path)
        if size > MAX_DOCUMENT_BYTES:
            return Rejected("read", "too_large", origin, f"{size} bytes > {MAX_DOCUMENT_BYTES}")
        with open(path, "rb") as stream:
            data = read_limited(stream)
    except OSError as error:
        return Rejected("read", "unreadable", origin, f"{type(error).__name__}: {error.strerror or error}")
    if data is None:
        return Rejected("read", "too_large", origin, f"more than {MAX_DOCUMENT_BYTES} bytes")
    if not data.strip():
        return Rejected("read", "empty", origin, "no bytes" if not data else "whitespace only")
    return data


def read_stdin(stream: BinaryIO) -> RawDocument | Rejected:
    """Read one plain-text document from a binary stream (``-`` on the command line)."""
    origin = Origin(kind="stdin", location="-")
    data = read_limited(stream)
    if data is None:
        return Rejected("read", "too_large", origin, f"more than {MAX_DOCUMENT_BYTES} bytes")
    if not data.strip():
        return Rejected("read", "empty", origin, "no text on stdin")
    return text_document(data, origin)
