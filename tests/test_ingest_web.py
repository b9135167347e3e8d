"""URL and feed input against a loopback server: limits, retries, redirects, robots.txt, RSS and Atom."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures.ingest_inputs import Site, atom_feed, english_article, html_page, rss_feed, serve, slow_handler

from sitrep.ingest import read_sources
from sitrep.ingest.web import USER_AGENT, Fetcher, FetchSettings, parse_feed, read_url
from sitrep.model import RawDocument, Rejected

FAST = FetchSettings(timeout=0.5, retries=2, backoff=0.01, max_redirects=3, max_bytes=50_000)
HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def site():
    site = Site()
    routes = site.routes
    routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    routes["/ok"] = (200, {"Content-Type": HTML}, html_page("Blast in market", english_article(1)).encode())
    routes["/undated"] = (200, {"Content-Type": HTML}, html_page("Raid on farm", english_article(2), published=None).encode())
    routes["/plain"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, english_article(3).encode())
    routes["/slow"] = slow_handler(1.5)
    for hop in range(6):
        routes[f"/hop{hop}"] = (302, {"Location": f"/hop{hop + 1}"}, b"")
    routes["/hop6"] = routes["/ok"]
    routes["/two-hops"] = (301, {"Location": "/hop5"}, b"")
    routes["/big"] = (200, {"Content-Type": HTML}, b"<html><body><p>" + b"x" * 60_000 + b"</p></body></html>")
    routes["/missing"] = (404, {}, b"")
    routes["/broken"] = (500, {}, b"")
    routes["/private/secret"] = routes["/ok"]
    routes["/image"] = (200, {"Content-Type": "image/png"}, b"\x89PNG....")
    with serve(site) as base:
        site.base = base
        routes["/rss"] = (200, {"Content-Type": "application/rss+xml"}, rss_feed([
            (f"{base}/ok", "Feed title one", "Tue, 14 Mar 2023 10:00:00 GMT"),
            (f"{base}/undated", "Feed title two", "Wed, 15 Mar 2023 10:00:00 GMT"),
            (f"{base}/missing", "Gone", "Wed, 15 Mar 2023 10:00:00 GMT"),
        ]))
        routes["/atom"] = (200, {"Content-Type": "application/atom+xml"}, atom_feed([
            ("/undated", "Atom entry", "2023-04-01T09:00:00Z"),
            ("/private/secret", "Hidden", "2023-04-01T09:00:00Z"),
        ]))
        yield site


def fetch_one(site, path, settings=FAST):
    items = list(read_url(site.base + path, Fetcher(settings)))
    assert len(items) == 1
    return items[0]


def test_ok_page_is_a_document_with_metadata(site):
    document = fetch_one(site, "/ok")
    assert isinstance(document, RawDocument) and document.media_type == "text/html"
    assert document.url == site.base + "/ok" and document.origin.kind == "url"
    assert document.published == date(2023, 3, 14) and document.outlet == "The Daily Ledger"


def test_plain_text_url(site):
    document = fetch_one(site, "/plain")
    assert document.media_type == "text/plain" and document.url == site.base + "/plain"


def test_slow_server_times_out_after_retries(site):
    site.hits.pop("/slow", None)
    rejected = fetch_one(site, "/slow")
    assert (rejected.stage, rejected.reason) == ("fetch", "timeout")
    assert site.hits["/slow"] == 1 + FAST.retries


def test_redirects_are_followed_up_to_the_limit(site):
    assert isinstance(fetch_one(site, "/two-hops"), RawDocument)
    rejected = fetch_one(site, "/hop0")
    assert rejected.reason == "too_many_redirects"


def test_oversized_page_is_rejected(site):
    assert fetch_one(site, "/big").reason == "too_large"


def test_404_is_rejected_at_once_and_500_after_retries(site):
    site.hits.pop("/missing", None)
    site.hits.pop("/broken", None)
    assert fetch_one(site, "/missing").reason == "http_404"
    assert site.hits["/missing"] == 1
    assert fetch_one(site, "/broken").reason == "http_500"
    assert site.hits["/broken"] == 1 + FAST.retries


def test_robots_txt_is_respected(site):
    rejected = fetch_one(site, "/private/secret")
    assert rejected.reason == "robots_disallowed"
    assert "/private/secret" not in site.hits
    ignoring = FetchSettings(timeout=0.5, respect_robots=False)
    assert isinstance(fetch_one(site, "/private/secret", ignoring), RawDocument)


def test_unsupported_media_type(site):
    assert fetch_one(site, "/image").reason == "unsupported_type"


def test_user_agent_is_sent(site):
    seen = {}

    def record(request):
        seen["ua"] = request.headers.get("User-Agent")
        request.send_response(204)
        request.end_headers()

    site.routes["/whoami"] = record
    list(read_url(site.base + "/whoami", Fetcher(FAST)))
    assert seen["ua"] == USER_AGENT


def test_rss_feed_items_are_fetched_with_feed_metadata_filling_gaps(site):
    items = list(read_url(site.base + "/rss", Fetcher(FAST)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejected"]
    first, second, gone = items
    assert first.published == date(2023, 3, 14)  # the page's own date
    assert second.published == date(2023, 3, 15)  # the page has none: the item's pubDate
    assert second.origin.kind == "feed" and second.origin.location == site.base + "/undated"
    assert gone.reason == "http_404" and gone.origin.location == site.base + "/missing"


def test_atom_feed_resolves_relative_links_and_obeys_robots(site):
    items = list(read_sources([site.base + "/atom"], fetch_settings=FAST))
    assert items[0].published == date(2023, 4, 1) and items[0].url == site.base + "/undated"
    assert items[1].reason == "robots_disallowed"


def test_feed_file_on_disk(site, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(rss_feed([(f"{site.base}/ok", "One", "Tue, 14 Mar 2023 10:00:00 GMT")]))
    (document,) = list(read_sources([path], fetch_settings=FAST))
    assert isinstance(document, RawDocument) and document.url == site.base + "/ok"


def test_feeds_with_entities_or_bad_xml_are_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><link>&b;</link></item></channel></rss>'
    with pytest.raises(ValueError, match="entities"):
        parse_feed(bomb)
    with pytest.raises(ValueError):
        parse_feed(b"<rss><channel><item>")
    with pytest.raises(ValueError):
        parse_feed(b"<html><body/></html>")


def test_connection_refused_is_a_rejection():
    (rejected,) = list(read_url("http://127.0.0.1:9/nothing", Fetcher(FetchSettings(timeout=0.5, retries=0))))
    assert isinstance(rejected, Rejected) and rejected.stage == "fetch"


def test_crawl_delay_spaces_requests_to_a_host():
    import time

    site = Site()
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 1\n")
    site.routes["/a"] = (200, {"Content-Type": "text/plain"}, english_article(1).encode())
    with serve(site) as base:
        fetcher = Fetcher(FAST)
        started = time.monotonic()
        results = [fetcher.fetch(base + "/a") for _ in range(2)]
        elapsed = time.monotonic() - started
    assert all(not isinstance(r, Rejected) for r in results), results
    assert elapsed >= 1.0  # urllib.robotparser reads whole seconds only
