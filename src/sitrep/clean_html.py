"""HTML pages for the clean stage: trafilatura finds the main text and the metadata around it.

trafilatura (a focused main-content extractor) removes most page chrome — menus, footers, comment sections —
but a share bar or a newsletter box inside the article element often survives, so the clean stage runs its
plain-text furniture rules over what trafilatura returns.

For an HTML page, ``Article.source_text`` is the text built here: the page's headline on the first line (when
trafilatura did not already put it there), then trafilatura's main text, one paragraph per line. Every span
sitrep reports for an HTML page points into that text, not into the HTML.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from .clean import UnusableInput

__all__ = ["HtmlText", "html_main_text"]

_HTML_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I)
# Skip trafilatura's slow fallback extractors past this size; 2 MB of HTML is already an unusually big page.
FAST_EXTRACTION_CHARS = 2_000_000
# On short pages trafilatura falls back to a baseline extractor that runs all paragraphs into one line; a
# one-line result longer than this is re-extracted in precision mode, which keeps the paragraph breaks ...
ONE_LINE_RETRY_CHARS = 200
# ... and the retry is used when it keeps at least this share of the first result's text.
RETRY_MIN_SHARE = 0.6


@dataclass(frozen=True)
class HtmlText:
    """What a page gives the cleaner: its main text (the future ``source_text``) and the metadata found."""

    text: str
    title: str | None = None
    description: str | None = None  # the page's summary (og:description), often its standfirst
    published: date | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


def html_main_text(html: str, *, url: str | None = None, where: str | None = None) -> HtmlText:
    """Extract main text and metadata with trafilatura; a page with no main text is an InputError."""
    import trafilatura
    from lxml import etree

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    options = dict(url=url, include_comments=False, with_metadata=True, fast=len(html) > FAST_EXTRACTION_CHARS)
    try:
        document = trafilatura.bare_extraction(html, **options)
        text = (getattr(document, "text", None) or "").strip() if document is not None else ""
        if "\n" not in text and len(text) > ONE_LINE_RETRY_CHARS:
            retry = trafilatura.bare_extraction(html, favor_precision=True, **options)
            retry_text = (getattr(retry, "text", None) or "").strip() if retry is not None else ""
            if "\n" in retry_text and len(retry_text) >= RETRY_MIN_SHARE * len(text):
                document, text = retry, retry_text
    except (etree.LxmlError, ValueError, TypeError, AttributeError, RecursionError) as error:
        message = f"cannot parse the HTML page ({type(error).__name__}: {error}); pass valid HTML"
        raise UnusableInput("unparsable_html", message, where) from error
    if not text:
        raise UnusableInput(
            "no_body",
            "no main text found in the HTML page (trafilatura found no article body); "
            "check that the page is an article and not an index, login or error page",
            where,
        )
    title = _clean_field(document.title)
    if title and not _same_headline(text.split("\n", 1)[0], title):
        text = f"{title}\n{text}"
    lang_match = _HTML_LANG.search(html[:5000])
    return HtmlText(
        text=text,
        title=title,
        description=_clean_field(document.description),
        published=_iso_date(document.date),
        sitename=_clean_field(document.sitename),
        url=_clean_field(document.url) or url,
        language=_clean_field(document.language) or (lang_match.group(1).lower() if lang_match else None),
    )


def _same_headline(line: str, title: str) -> bool:
    """Whether the text's first line already is the headline (one may carry the outlet's name as well)."""
    line, title = " ".join(line.split()).casefold(), " ".join(title.split()).casefold()
    return bool(line) and (line in title or title in line)


def _clean_field(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
