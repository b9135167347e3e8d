"""Web input: pages by URL and RSS/Atom feeds, fetched politely and defensively.

Politeness: a User-Agent that says who we are, robots.txt obeyed (fetched once per host), small retry counts
with backoff. Defence: a timeout per request and a deadline per body, a size cap, a redirect cap, and feeds
parsed with entity expansion, DTD loading and network access off (a feed declaring entities is refused, as
defusedxml would). Every failure is a ``Rejected("fetch", ...)`` with a reason a person can act on.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from email.utils import parsedate_to_datetime
from http.client import HTTPException
from urllib.parse import urljoin, urlsplit

from ..model import Origin, RawDocument, Rejected
from .html import decode_html, html_document, parse_iso_date
from .text import MAX_DOCUMENT_BYTES, looks_like_html, text_document

USER_AGENT = "sitrep/0.1 (+conflict event extraction)"
# Defaults for one fetch; every one can be changed through FetchSettings.
DEFAULT_TIMEOUT_SECONDS = 10.0  # per connect/read, and again as the deadline for reading the whole body
DEFAULT_MAX_REDIRECTS = 5  # browsers allow ~20; a news page needs one or two (http->https, canonical)
DEFAULT_RETRIES = 2  # extra attempts after a 5xx or a timeout; more only hammers a struggling server
DEFAULT_BACKOFF_SECONDS = 0.5  # wait before the first retry, doubled for each next one
MAX_CRAWL_DELAY_SECONDS = 5.0  # robots.txt Crawl-delay is honoured up to this; longer ones would stall a run
READ_CHUNK_BYTES = 64 * 1024
FEED_ROOTS = ("rss", "feed", "RDF")
_RETRYABLE_STATUS = range(500, 600)


@dataclass(frozen=True)
class FetchSettings:
    """How to fetch: limits, retries, identity, and whether robots.txt is consulted."""

    timeout: float = DEFAULT_TIMEOUT_SECONDS
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF_SECONDS
    user_agent: str = USER_AGENT
    respect_robots: bool = True


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL after redirects, its media type and charset, and the body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the article link and what the feed says about it."""

    link: str
    title: str | None = None
    published: date | None = None


class _FetchFailed(Exception):
    """Internal: carries the rejection reason out of the request helpers."""

    def __init__(self, reason: str, detail: str, retryable: bool = False):
        super().__init__(detail)
        self.reason, self.detail, self.retryable = reason, detail, retryable


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by :meth:`Fetcher.fetch` itself, so each hop is counted and robots-checked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 - urllib hook
        return None


def is_url(source: str) -> bool:
    """True for http(s) URLs (the only schemes sitrep fetches)."""
    return urlsplit(source).scheme.lower() in ("http", "https")


@dataclass
class Fetcher:
    """Fetches URLs with the settings' limits; caches robots.txt per host for its lifetime."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirects())

    def fetch(self, url: str) -> Fetched | Rejected:
        """GET ``url`` following up to ``max_redirects`` redirects; a Rejected("fetch", ...) on failure."""
        origin = Origin("url", url)
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            if not is_url(current):
                return Rejected("fetch", "bad_url", origin, f"not an http(s) URL: {current[:200]}")
            if self.settings.respect_robots and not self.allowed(current):
                return Rejected("fetch", "robots_disallowed", origin, f"robots.txt disallows {current}")
            self._wait_for_crawl_delay(current)
            try:
                status, location, response = self._get_with_retries(current)
            except _FetchFailed as failure:
                return Rejected("fetch", failure.reason, origin, failure.detail)
            if location is None:
                return response
            current = urljoin(current, location)
        return Rejected("fetch", "too_many_redirects", origin, f"more than {self.settings.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt on the URL's host lets our User-Agent fetch it (RFC 9309 rules)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        parser = self._robots[host]
        return parser.can_fetch(self.settings.user_agent, url) if parser is not None else True

    def _wait_for_crawl_delay(self, url: str) -> None:
        """Space requests to one host by its robots.txt Crawl-delay (capped at MAX_CRAWL_DELAY_SECONDS)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(host)
        delay = parser.crawl_delay(self.settings.user_agent) if parser is not None else None
        if delay and host in self._last_request:
            remaining = min(float(delay), MAX_CRAWL_DELAY_SECONDS) - (time.monotonic() - self._last_request[host])
            if remaining > 0:
                time.sleep(remaining)
        self._last_request[host] = time.monotonic()

    def _load_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            status, _location, response = self._get_with_retries(host + "/robots.txt")
        except _FetchFailed as failure:
            # Unreachable robots.txt: RFC 9309 says assume everything is disallowed.
            parser.disallow_all = True
            return parser if failure.retryable else None
        if status != 200 or response is None:
            return None  # no robots.txt (or a redirect we do not chase): everything allowed
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser

    def _get_with_retries(self, url: str) -> tuple[int, str | None, Fetched]:
        attempt = 0
        while True:
            try:
                return self._get(url)
            except _FetchFailed as failure:
                if not failure.retryable or attempt >= self.settings.retries:
                    raise
                time.sleep(self.settings.backoff * (2**attempt))
                attempt += 1

    def _get(self, url: str) -> tuple[int, str | None, Fetched]:
        """One request: (status, redirect location or None, response); failures raise _FetchFailed."""
        request = urllib.request.Request(url, headers={"User-Agent": self.settings.user_agent, "Accept": "*/*"})
        try:
            response = self._opener.open(request, timeout=self.settings.timeout)
        except urllib.error.HTTPError as error:
            error.close()
            if 300 <= error.code < 400 and error.headers.get("Location"):
                return error.code, error.headers["Location"], None
            raise _FetchFailed(f"http_{error.code}", f"HTTP {error.code} {error.reason}", error.code in _RETRYABLE_STATUS)
        except urllib.error.URLError as error:
            timed_out = isinstance(error.reason, (socket.timeout, TimeoutError))
            reason = "timeout" if timed_out else "connection_error"
            raise _FetchFailed(reason, f"{error.reason}", retryable=timed_out)
        except (TimeoutError, socket.timeout) as error:
            raise _FetchFailed("timeout", f"no response within {self.settings.timeout}s", True) from error
        except (HTTPException, OSError, ValueError) as error:
            raise _FetchFailed("connection_error", f"{type(error).__name__}: {error}") from error
        with response:
            body = self._read_body(response)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            return response.status, None, Fetched(response.url, content_type, charset, body)

    def _read_body(self, response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
            raise _FetchFailed("too_large", f"Content-Length {declared} > {self.settings.max_bytes}")
        deadline = time.monotonic() + self.settings.timeout
        chunks, size = [], 0
        try:
            while chunk := response.read(READ_CHUNK_BYTES):
                chunks.append(chunk)
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise _FetchFailed("too_large", f"body over {self.settings.max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise _FetchFailed("timeout", f"body not read within {self.settings.timeout}s", True)
        except (TimeoutError, socket.timeout) as error:
            raise _FetchFailed("timeout", f"body stalled for {self.settings.timeout}s", True) from error
        except (HTTPException, OSError) as error:
            raise _FetchFailed("connection_error", f"{type(error).__name__}: {error}") from error
        return b"".join(chunks)


def read_url(url: str, fetcher: Fetcher | None = None) -> Iterator[RawDocument | Rejected]:
    """Fetch a URL: a page gives one document, a feed gives one document per item."""
    fetcher = fetcher or Fetcher()
    fetched = fetcher.fetch(url)
    if isinstance(fetched, Rejected):
        yield fetched
        return
    if looks_like_feed(fetched.body):
        yield from read_feed_items(fetched.body, Origin("feed", url), fetcher, base_url=fetched.url)
        return
    yield page_document(fetched, Origin("url", url))


def page_document(fetched: Fetched, origin: Origin, item: FeedItem | None = None) -> RawDocument | Rejected:
    """A fetched page as a document; feed item metadata fills what the page does not say."""
    if fetched.media_type in ("text/html", "application/xhtml+xml") or looks_like_html(fetched.body):
        html = decode_html(fetched.body, fetched.charset)
        return html_document(html, origin, url=fetched.url, published=item.published if item else None,
                             title=item.title if item else None)
    if fetched.media_type.startswith("text/"):
        document = text_document(fetched.body, origin, declared=fetched.charset)
        if isinstance(document, RawDocument):
            document = replace(document, url=fetched.url, title=item.title if item else None,
                               published=item.published if item else None)
        return document
    return Rejected("fetch", "unsupported_type", origin, f"{fetched.media_type} is not a page")


def read_feed_file(path: str) -> Iterator[RawDocument | Rejected]:
    """Read a feed saved on disk and fetch each item's page."""
    origin = Origin("feed", path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        yield Rejected("read", "unreadable", origin, f"{type(error).__name__}: {error}")
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield Rejected("read", "too_large", origin, f"feed over {MAX_DOCUMENT_BYTES} bytes")
        return
    yield from read_feed_items(data, origin, Fetcher())


def read_feed_items(data: bytes, origin: Origin, fetcher: Fetcher, base_url: str | None = None) -> Iterator[RawDocument | Rejected]:
    """Parse a feed and fetch every item's link as a page; a bad feed is one rejection."""
    try:
        items = parse_feed(data, base_url)
    except ValueError as error:
        yield Rejected("read", "bad_feed", origin, str(error)[:200])
        return
    for item in items:
        item_origin = Origin("feed", item.link)
        fetched = fetcher.fetch(item.link)
        if isinstance(fetched, Rejected):
            yield Rejected(fetched.stage, fetched.reason, item_origin, fetched.detail)
        else:
            yield page_document(fetched, item_origin, item)


def looks_like_feed(data: bytes) -> bool:
    """Sniff an RSS/Atom/RDF feed from its first kilobyte."""
    head = data[:1024].lstrip().lower()
    if not head.startswith(b"<"):
        return False
    return any(marker in head for marker in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(data: bytes, base_url: str | None = None) -> list[FeedItem]:
    """The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; ValueError for anything unsafe or unparsable."""
    from lxml import etree

    if b"<!ENTITY" in data or b"<!entity" in data:
        raise ValueError("feed declares XML entities; refused (entity expansion is unsafe)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise ValueError(f"not well-formed XML: {error}") from error
    if root is None or etree.QName(root).localname not in FEED_ROOTS:
        raise ValueError("not an RSS or Atom feed")
    items = []
    for element in root.iter("{*}item", "{*}entry"):
        link = _item_link(element)
        if not link:
            continue
        items.append(FeedItem(
            link=urljoin(base_url, link) if base_url else link,
            title=_child_text(element, "title"),
            published=_feed_date(_child_text(element, "pubDate", "published", "updated", "date")),
        ))
    return items


def _child_text(element, *names: str) -> str | None:
    for name in names:
        child = element.find("{*}" + name)
        if child is not None and child.text and child.text.strip():
            return child.text.strip()
    return None


def _item_link(element) -> str | None:
    """RSS <link>text</link>, or Atom <link rel="alternate" href=...> (rel defaults to alternate)."""
    for link in element.findall("{*}link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
        if link.text and link.text.strip():
            return link.text.strip()
    guid = element.find("{*}guid")
    if guid is not None and guid.text and guid.get("isPermaLink", "true") == "true" and is_url(guid.text.strip()):
        return guid.text.strip()
    return None


def _feed_date(value: str | None) -> date | None:
    """RSS dates are RFC 822 ("Tue, 14 Mar 2023 10:00:00 GMT"); Atom and Dublin Core dates are ISO 8601."""
    if not value:
        return None
    iso = parse_iso_date(value)
    if iso is not None:
        return iso
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
