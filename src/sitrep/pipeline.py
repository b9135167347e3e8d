"""The whole pipeline for one document: clean -> NLP -> mentions -> resolve -> assemble.

``extract`` (plain text) and ``extract_document`` (a RawDocument from any reader) are the public entry points;
the CLI, the store and the benchmarks call them. They never raise on bad input: an unusable document comes
back as an ``Extraction`` with ``skipped`` set to the reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from .errors import InputError
from .model import Article, Event, Extraction, Origin, RawDocument, Segment
from .resolution import Resolver as _Resolver


def document_id(text: str) -> str:
    """A stable id from the content, so re-ingesting the same article gives the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def extract(
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    doc_id: str | None = None,
) -> Extraction:
    """Extract events from one article's plain text (a scraped page, furniture and all)."""
    raw = RawDocument(
        content=text,
        origin=Origin(kind="text", location=doc_id or "<text>"),
        doc_id=doc_id,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
    )
    return extract_document(raw)


def extract_document(raw: RawDocument, *, published: date | None = None) -> Extraction:
    """Run the pipeline on a RawDocument; ``published`` (e.g. from --published) overrides its metadata."""
    from . import clean

    try:
        article = clean.clean(raw, published=published)
    except InputError as error:
        return Extraction(article=None, events=(), skipped=f"clean: {error.message}", origin=raw.origin)
    return Extraction(article=article, events=events_of(article), origin=raw.origin)


def events_of(article: Article) -> tuple[Event, ...]:
    """NLP, mentions, resolution and assembly for a cleaned article; when its body tells of no event, the body is
    read again under its headline (pages whose text only follows up on the incident the headline names); when
    its lead incident has no toll, the headline's is taken (``headline_toll``)."""
    from .headline_toll import with_headline_toll

    title = article.title
    if title is not None and article.segments and article.segments[0].source_start == title.start:
        events = read_article(article, headline_chars=len(title.text))  # a page read from its headline alone
    else:
        events = read_article(article)
        if not events and title is not None:
            events = read_article(with_headline_in_body(article), headline_chars=len(title.text))
    return with_headline_toll(events, title)


def with_headline_in_body(article: Article) -> Article:
    """The article with its headline as the body's first paragraph, a blank line after it (so it is a sentence
    of its own); the segments map the headline back to its place in the source text."""
    from .clean_headline import HEADLINE_SEPARATOR

    title = article.title
    shift = len(title.text) + len(HEADLINE_SEPARATOR)
    segments = (Segment(clean_start=0, source_start=title.start, length=len(title.text)),) + tuple(
        replace(segment, clean_start=segment.clean_start + shift) for segment in article.segments
    )
    body = title.text + HEADLINE_SEPARATOR + article.body if article.body else title.text
    return replace(article, body=body, segments=segments, title=None)


def read_article(article: Article, *, headline_chars: int = 0) -> tuple[Event, ...]:
    """NLP, mentions, resolution and assembly for a cleaned article's body; its first ``headline_chars``
    characters, when given, are a headline (read with the headline rules of ``mentions.headline``)."""
    from . import assemble, nlp
    from .mentions import find_mentions
    from .mentions.reality import is_reported_event

    doc = nlp.parse(article.body)
    if headline_chars:
        from .mentions.headline import mark_headline

        mark_headline(doc, headline_chars)
    resolver = _Resolver.for_article(article, doc)
    drafts = find_mentions(
        doc,
        article,
        place_finder=resolver.place,
        date_finder=resolver.date,
        country_code=resolver.country_code,
        modality=is_reported_event,
    )
    return assemble.assemble(article, drafts, implied_date=resolver.implied,
                             lead_place=resolver.lead_place(doc), lead_date=resolver.lead_date(doc))
