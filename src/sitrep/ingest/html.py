"""HTML input: a page's HTML becomes a RawDocument, with the metadata the page itself declares.

Main-text extraction belongs to the clean stage; here we only read what sits around it (title, publication
date, site name, canonical URL, declared language) with trafilatura's metadata extractor, and offer a quick
main-text view (:func:`html_main_text`) for the checks that run before cleaning (language, near-duplicates).
"""

from __future__ import annotations

import logging
import os
import re
from datetime import date

from ..model import Origin, RawDocument, Rejected
from .text import decode_bytes, looks_binary, read_file_bytes

logger = logging.getLogger(__name__)

HTML_MEDIA_TYPE = "text/html"
# How far into the page to look for <meta charset> (the HTML spec says it must be in the first 1024 bytes).
CHARSET_SNIFF_BYTES = 4096

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_html(data: bytes, header_charset: str | None = None) -> str:
    """HTML bytes to text: HTTP header charset first, then <meta charset>, then the text decoding policy."""
    decoded = decode_bytes(data, header_charset or declared_charset(data))
    if decoded.fallback:
        logger.info("HTML not valid in its declared charset, decoded as %s", decoded.encoding)
    return decoded.text


def parse_iso_date(value: str | None) -> date | None:
    """The date part of an ISO-8601 string ("2023-03-14", "2023-03-14T10:00:00Z"), None when unparsable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def html_document(
    html: str,
    origin: Origin,
    *,
    url: str | None = None,
    published: date | None = None,
    title: str | None = None,
    doc_id: str | None = None,
) -> RawDocument | Rejected:
    """A RawDocument for one page; the page's own metadata wins, the caller's (feed, WARC) fills gaps.

    The URL is the exception: where the page was actually found (WARC-Target-URI, the fetched URL) beats the
    page's canonical link, which templates sometimes point at the home page (and URL dedup would then merge
    a whole site into one document). The canonical link is used for files, which have no URL of their own.
    """
    if not html.strip():
        return Rejected("read", "empty", origin, "empty HTML page")
    metadata = page_metadata(html, url)
    return RawDocument(
        content=html,
        origin=origin,
        media_type=HTML_MEDIA_TYPE,
        doc_id=doc_id,
        title=metadata.get("title") or title,
        url=url or metadata.get("url"),
        outlet=metadata.get("sitename"),
        published=parse_iso_date(metadata.get("date")) or published,
        language=metadata.get("language"),
    )


def page_metadata(html: str, url: str | None = None) -> dict[str, str | None]:
    """Title, date, site name, URL and declared language of a page, via trafilatura (empty on failure)."""
    from trafilatura.metadata import extract_metadata

    metadata: dict[str, str | None] = {}
    try:
        document = extract_metadata(html, default_url=url, extensive=False)
    except (ValueError, TypeError, AttributeError, LookupError) as error:
        # trafilatura/lxml raise these on pathological markup; the page is still usable without metadata.
        logger.info("metadata extraction failed: %s", error)
        document = None
    if document is not None:
        metadata = {key: getattr(document, key, None) for key in ("title", "date", "sitename", "url", "language")}
    if not metadata.get("language"):
        lang = _HTML_LANG.search(html[:CHARSET_SNIFF_BYTES])
        metadata["language"] = lang.group(1).lower() if lang else None
    return metadata


def html_main_text(html: str) -> str:
    """The page's main text, quickly (trafilatura in fast mode, falling back to all visible text)."""
    import trafilatura

    try:
        text = trafilatura.extract(html, fast=True, include_comments=False, include_tables=False)
    except (ValueError, TypeError, AttributeError, LookupError) as error:
        logger.info("main-text extraction failed: %s", error)
        text = None
    return text or visible_text(html)


def visible_text(html: str) -> str:
    """All text outside script/style, for pages trafilatura finds no article in."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in tree.xpath("//script|//style|//noscript"):
        element.drop_tree()
    return re.sub(r"\s+", " ", tree.text_content()).strip()


def read_html_file(path: str | os.PathLike[str]) -> RawDocument | Rejected:
    """Read one HTML file from disk (size-checked, binary-checked, charset-sniffed)."""
    origin = Origin(kind="file", location=os.fspath(path))
    data = read_file_bytes(path, origin)
    if isinstance(data, Rejected):
        return data
    if looks_binary(data):
        return Rejected("read", "binary", origin, "control bytes or NULs: not an HTML file")
    return html_document(decode_html(data), origin)
