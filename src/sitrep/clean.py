"""The clean stage: a raw page (plain text or HTML) becomes an ``Article`` — headline, standfirst, clean body.

Scraped news text arrives wrapped in furniture: donation appeals, newsletter and cookie notices, share bars,
comment footers, related links, bylines, photo credits. NLP must not read those, but every fact sitrep reports
must still point at the text the user gave it. So the cleaner never rewrites text: it keeps verbatim pieces of
``source_text`` and records where each piece came from (``Article.segments``) and why everything else was
dropped (``Article.removed``, one entry per dropped stretch, named after a rule in rules/boilerplate.toml).

How a page is read, line by line:
1. Each line is cut into pieces at "glue" points — a lower-case letter or full stop followed straight away by
   a capital ("...all the difference.The Syrian ministry..."), which is what a scrape leaves where two page
   elements met.
2. A whole line that matches a furniture rule is dropped; furniture pieces glued to a line's start or end are
   cut off and the rest kept (for promo rules, whole furniture sentences at a line's ends too). Block rules (a
   donation appeal, a "Related" list, a comment footer) go on dropping the lines that follow while those look
   like more of the same.
3. Rules limited to the page edges (bylines) only fire before the first or after the last body paragraph, and
   short unpunctuated leftovers there (names, section labels, link titles) are swept away.
4. The first short kept line is the headline (or the line matching the metadata title); the next kept line,
   when it is a short summary, the standfirst. A standfirst written as a report sentence stays in the body as
   well (``clean_standfirst``): it is often the only place a page dates its incident.
A headline given apart from the text (metadata, a JSON Lines title) that the page does not already show is put
in front of it, followed by a blank line, and ``source_text`` is that whole text: spans into the headline are
evidence like any other. The article id is still the hash of the input's own text.
Hard-wrapped text (lines broken at a fixed column, paragraphs separated by blank lines) is read paragraph by
paragraph, and the lines of a paragraph are joined with a space in the body.

This module checks the input and assembles the Article; the lines are read (steps 1-2) in ``clean_lines``,
step 3's sweep and step 4 live in ``clean_headline`` (the page's layout around the body), and the
publication-date fallback in ``clean_dates``.
Their public names are re-exported here, so ``sitrep.clean`` stays the one import for the stage.
"""

from __future__ import annotations

import re
from datetime import date

from .clean_dates import find_published, parse_date
from .clean_headline import body_like_lines, find_headline, sweep_edges, with_headline
from .clean_standfirst import MAX_CAPITALISED_SHARE as REPORT_MAX_CAPITALISED_SHARE
from .clean_standfirst import REPORT_MIN_WORDS, reads_as_report
# Defined here before the split; still importable from sitrep.clean.
from .clean_dates import NOT_PUBLICATION_DATES  # noqa: F401
from .clean_headline import (  # noqa: F401
    BODY_LINE_MIN_WORDS, MAX_CAPITALISED_SHARE, STANDFIRST_MAX_WORDS, STANDFIRST_MIN_WORDS,
    STANDFIRST_SENTENCE_MAX_WORDS, TITLE_AFFIX_MAX_CHARS, TITLE_MAX_WORDS, TITLE_MIN_WORDS, TITLE_SEARCH_LINES,
    TITLE_SENTENCE_MAX_WORDS, looks_like_headline, looks_like_standfirst,
)
from .clean_lines import LineVerdict, classify_lines, load_rules, paragraph_numbers, split_lines
from .errors import InputError
from .model import Article, RawDocument, Removal, Segment, Span

__all__ = [
    "MAX_TEXT_CHARS",
    "UnusableInput",
    "check_text",
    "clean",
    "find_published",
    "load_rules",
    "parse_date",
    "read_page",
]

# A news article is a few kilobytes; 5 MB of text is a book or a dump that needs splitting before it is read.
MAX_TEXT_CHARS = 5_000_000
# Text whose share of control characters (other than tab/newline/CR/FF) exceeds this is binary read as text;
# real pages have none, and a binary file decoded as Latin-1 has 10-30%.
MAX_CONTROL_SHARE = 0.01
# U+FFFD beyond this share means the bytes were decoded with the wrong encoding (or are not text at all).
MAX_REPLACEMENT_SHARE = 0.05

class UnusableInput(InputError):
    """An input the cleaner cannot use; ``reason`` is the short machine-friendly cause for ``Rejected``."""

    def __init__(self, reason: str, message: str, where: str | None = None):
        super().__init__(message, where)
        self.reason = reason


def check_text(text: str, where: str | None = None) -> None:
    """Refuse text the pipeline cannot use, with the reason and what to do about it."""
    if len(text) > MAX_TEXT_CHARS:
        raise UnusableInput(
            "too_large",
            f"document has {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} sitrep reads as one "
            "article; split it into articles (one file or JSON Lines record each) and run them separately",
            where,
        )
    if not text.strip():
        raise UnusableInput("empty", "document is empty (nothing but whitespace); check the input file", where)
    if "\x00" in text or _share(text, _CONTROL) > MAX_CONTROL_SHARE:
        raise UnusableInput(
            "binary", "document looks binary (NUL or control characters), not text; pass the article text", where
        )
    if _share(text, _REPLACEMENT) > MAX_REPLACEMENT_SHARE:
        raise UnusableInput(
            "binary",
            "document is mostly undecodable characters (U+FFFD); re-read it with the right encoding",
            where,
        )


# C0 controls and DEL, less tab, newline, vertical tab, form feed and carriage return.
# C1 controls (U+0080-U+009F) are left out: they are Windows-1252 quotes read as Latin-1, not binary.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_REPLACEMENT = re.compile("\ufffd")


def _share(text: str, pattern: re.Pattern[str]) -> float:
    """The share of the first 200,000 characters that ``pattern`` matches (enough to judge a whole file)."""
    sample = text[:200_000]
    return len(pattern.findall(sample)) / max(1, len(sample))


# ---------------------------------------------------------------------------------------------- line reading
def body_line_range(text: str, verdicts: list[LineVerdict]) -> tuple[int, int]:
    """Indexes of the first and last kept line that reads like a body paragraph (long, ends as a sentence)."""
    body = body_like_lines(text, verdicts)
    return (body[0], body[-1]) if body else (len(verdicts), -1)


def read_page(text: str, *, outlet: str | None = None) -> list[LineVerdict]:
    """Classify every non-empty line of a page (two passes: the first finds where the body starts and ends)."""
    rules = load_rules()
    extra = {outlet.strip().casefold(): "outlet_name"} if outlet and outlet.strip() else {}
    lines = split_lines(text)
    paragraphs = paragraph_numbers(text, lines)
    first = classify_lines(text, lines, rules, extra=extra, body_range=None, paragraphs=paragraphs)
    body_range = body_line_range(text, first)
    return classify_lines(text, lines, rules, extra=extra, body_range=body_range, paragraphs=paragraphs)


# ---------------------------------------------------------------------------------------------- body
def assemble_body(text: str, verdicts: list[LineVerdict], skip: set[int]) -> tuple[str, tuple[Segment, ...]]:
    """Join the kept stretches, one segment each: paragraphs with "\\n", the lines of a hard-wrapped paragraph
    with a space (so NLP reads its sentences whole)."""
    parts: list[str] = []
    segments: list[Segment] = []
    cursor = 0
    previous_paragraph = None
    for verdict in verdicts:
        if verdict.index in skip or not verdict.kept:
            continue
        if parts:
            parts.append(" " if verdict.paragraph == previous_paragraph else "\n")
            cursor += 1
        previous_paragraph = verdict.paragraph
        start, end = verdict.kept
        segments.append(Segment(clean_start=cursor, source_start=start, length=end - start))
        parts.append(text[start:end])
        cursor += end - start
    return "".join(parts), tuple(segments)


def collect_removals(text: str, verdicts: list[LineVerdict], title_at, standfirst_at) -> tuple[Removal, ...]:
    """Every dropped stretch with its rule; the headline and standfirst are listed as moved out of the body."""
    removals = []
    for verdict in verdicts:
        for start, end, rule in verdict.removed:
            removals.append(Removal(Span(start, end, text[start:end]), rule))
        if verdict.kept and verdict.index in (title_at, standfirst_at):
            start, end = verdict.kept
            removals.append(Removal(Span(start, end, text[start:end]), "title" if verdict.index == title_at else "standfirst"))
    return tuple(sorted(removals, key=lambda r: r.span.start))


# ---------------------------------------------------------------------------------------------- entry point
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
TEXT_MEDIA_TYPES = ("text/plain", "text/markdown", "")


def clean(raw: RawDocument, *, published: date | None = None) -> Article:
    """Clean one raw document into an Article; raises UnusableInput (an InputError) when nothing usable is left.

    ``published`` (e.g. the CLI's --published) wins over the document's metadata, which wins over a date the
    page itself states.
    """
    where = raw.origin.describe() if raw.origin else None
    media_type = (raw.media_type or "").split(";")[0].strip().lower()
    title_hint, outlet, url, language, meta_published = raw.title, raw.outlet, raw.url, raw.language, raw.published
    standfirst_hint = None
    if media_type in HTML_MEDIA_TYPES:
        from .clean_html import html_main_text

        check_text(raw.content, where)
        page = html_main_text(raw.content, url=raw.url, where=where)
        source_text = page.text
        title_hint, standfirst_hint = title_hint or page.title, page.description
        outlet, url = outlet or page.sitename, url or page.url
        language, meta_published = language or page.language, meta_published or page.published
    elif media_type in TEXT_MEDIA_TYPES:
        source_text = raw.content
        check_text(with_headline(source_text, title_hint), where)  # an empty page under a headline is read from it
    else:
        raise UnusableInput(
            "unsupported", f"media type {raw.media_type!r} is not text; sitrep reads text/plain and text/html", where
        )
    input_text, source_text = source_text, with_headline(source_text, title_hint)
    verdicts = read_page(source_text, outlet=outlet)
    title_at, standfirst_at = find_headline(source_text, verdicts, title_hint, standfirst_hint)
    sweep_edges(source_text, verdicts, title_at, standfirst_at)
    # a standfirst that is a report sentence is read with the body (clean_standfirst); it stays the standfirst
    standfirst = _line_span(source_text, verdicts, standfirst_at)
    standfirst_read = standfirst is not None and reads_as_report(standfirst.text)
    body, segments = assemble_body(source_text, verdicts, {title_at, None if standfirst_read else standfirst_at} - {None})
    read_from_headline = not body.strip() and bool(title_hint and title_hint.strip()) and title_at is not None
    if read_from_headline:
        # a page that is all furniture under the headline it came with is read from that headline, which stays
        # the title too (so the pipeline reads it as a headline)
        body, segments = assemble_body(source_text, verdicts, set())
    elif not body.strip() and _reads_as_report(source_text, verdicts, title_at):
        # a lone sentence ("Rioters clashed with police in Nablus on Thursday") is a report, not a headline
        # over nothing: it becomes the body, so a snippet or a wire flash is read rather than rejected
        title_at = standfirst_at = None
        body, segments = assemble_body(source_text, verdicts, set())
    if not body.strip():
        raise UnusableInput(
            "no_body",
            "no article text left after removing page furniture (menus, notices, links); "
            "check that the input is a news article and not an index or error page",
            where,
        )
    moved_out = (None, None) if read_from_headline else (title_at, None if standfirst_read else standfirst_at)
    removed = collect_removals(source_text, verdicts, *moved_out)
    metadata_kind = "jsonl" if raw.origin and raw.origin.kind == "jsonl" and raw.published else "metadata"
    published_from = "cli" if published else metadata_kind if meta_published else None
    published = published or meta_published
    if published is None:
        published = find_published(source_text, removed, body.split("\n", 1)[0])
        published_from = "dateline" if published else None
    from .pipeline import document_id

    return Article(
        id=raw.doc_id or document_id(input_text),  # the input's own text: adding its headline keeps its id
        source_text=source_text,
        body=body,
        segments=segments,
        title=_line_span(source_text, verdicts, title_at),
        standfirst=_line_span(source_text, verdicts, standfirst_at),
        published=published,
        published_from=published_from,
        outlet=outlet,
        url=url,
        language=language,
        origin=raw.origin,
        removed=removed,
    )


# A lone headline-like line is read as a report sentence instead from REPORT_MIN_WORDS words on (headlines run
# 5-12 words; the bound the standfirst test uses too, ``clean_standfirst``).
# Words a lone line ending like a sentence (a full stop, not a headline's bare end) needs to be a report.
SENTENCE_MIN_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s*$")


def _reads_as_report(text: str, verdicts: list[LineVerdict], title_at: int | None) -> bool:
    """The only line left was taken as a headline, but it is as long as a sentence of reporting, or it is a
    sentence: it ends with a full stop and is not written in headline capitals."""
    line = _line_span(text, verdicts, title_at)
    if line is None:
        return False
    words = line.text.split()
    if len(words) >= REPORT_MIN_WORDS:
        return True
    capitalised = sum(1 for word in words if word[:1].isupper())
    return (len(words) >= SENTENCE_MIN_WORDS and _SENTENCE_END.search(line.text) is not None
            and capitalised < REPORT_MAX_CAPITALISED_SHARE * len(words))


def _line_span(text: str, verdicts: list[LineVerdict], index: int | None) -> Span | None:
    if index is None or not verdicts[index].kept:
        return None
    start, end = verdicts[index].kept
    return Span(start, end, text[start:end])
