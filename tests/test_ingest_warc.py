"""WARC reader: HTML response records with offsets, WARC-Date fallback, corrupt and truncated files."""

from __future__ import annotations

import io
from datetime import date
from itertools import islice
from pathlib import Path

from fixtures.ingest_inputs import english_article, html_page, warc_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import read_sources
from sitrep.ingest.warc import read_warc
from sitrep.model import RawDocument, Rejected


def pages(n):
    return [(f"https://news.example/{i}", html_page(f"Story {i}", english_article(i), published=None if i % 2 else "2023-03-14"))
            for i in range(n)]


def offsets(data: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(data))
    found = []
    for record in records:
        record.content_stream().read()
        found.append(records.get_record_offset())
    return found


def test_html_records_become_documents_with_offsets_and_urls(tmp_path):
    for gz in (True, False):
        data = warc_bytes(pages(4), gzip=gz)
        path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
        path.write_bytes(data)
        documents = list(read_warc(path))
        assert all(isinstance(d, RawDocument) for d in documents)
        assert [d.origin.offset for d in documents] == offsets(data)
        assert [d.url for d in documents] == [f"https://news.example/{i}" for i in range(4)]
        assert documents[0].media_type == "text/html" and documents[0].origin.kind == "warc"
        # the page's own date wins; pages without one take the WARC-Date
        assert documents[0].published == date(2023, 3, 14)
        assert documents[1].published == date(2021, 6, 1)


def test_target_uri_beats_a_canonical_link_pointing_elsewhere(tmp_path):
    page = html_page("Story", english_article(1), url="https://news.example/")  # a template's broken canonical
    path = tmp_path / "c.warc.gz"
    path.write_bytes(warc_bytes([("https://news.example/2023/story", page)]))
    (document,) = list(read_warc(path))
    assert document.url == "https://news.example/2023/story"


def test_non_html_records_are_skipped(tmp_path):
    data = warc_bytes([("https://x.example/logo.png", "PNGDATA")], content_type="image/png") + warc_bytes(pages(1))
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(data)
    assert [type(d).__name__ for d in read_warc(path)] == ["RawDocument"]


def test_corrupt_record_is_rejected_at_its_offset_and_reading_continues(tmp_path):
    for gz in (True, False):
        data = bytearray(warc_bytes(pages(5), gzip=gz))
        starts = offsets(bytes(data))
        data[starts[2] : starts[2] + 20] = b"X" * 20
        path = tmp_path / ("bad.warc.gz" if gz else "bad.warc")
        path.write_bytes(bytes(data))
        items = list(read_warc(path))
        assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejected", "RawDocument", "RawDocument"]
        assert items[2].reason == "malformed_record" and items[2].origin.offset == starts[2]
        assert [i.origin.offset for i in items if isinstance(i, RawDocument)] == [starts[0], starts[1], starts[3], starts[4]]


def test_truncated_gzip_keeps_the_complete_records(tmp_path):
    data = warc_bytes(pages(3))
    starts = offsets(data)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: starts[2] + 40])
    items = list(read_warc(path))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejected"]
    assert items[2].reason == "truncated" and items[2].origin.offset == starts[2]


def test_truncated_plain_warc_is_rejected(tmp_path):
    data = warc_bytes(pages(2), gzip=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-100])
    items = list(read_warc(path))
    assert isinstance(items[0], RawDocument) and items[-1].reason == "truncated"


def test_dispatch_by_suffix(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(warc_bytes(pages(2)))
    assert sum(isinstance(i, RawDocument) for i in read_sources([tmp_path])) == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000), gz=st.booleans())
def test_arbitrary_bytes_as_warc_never_crash(tmp_path, data, gz):
    path = tmp_path / ("any.warc.gz" if gz else "any.warc")
    path.write_bytes(data)
    for item in read_warc(path):
        assert isinstance(item, (RawDocument, Rejected))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=3000), flips=st.lists(st.integers(min_value=0, max_value=3000), max_size=5))
def test_damaged_real_warcs_never_crash(tmp_path, cut, flips):
    data = bytearray(warc_bytes(pages(3)))
    for position in flips:
        if position < len(data):
            data[position] ^= 0xFF
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data[: len(data) - cut]))
    items = list(islice(read_warc(path), MAX_ITEMS))
    assert len(items) < MAX_ITEMS  # the reader ends: three records cannot make a thousand items
    assert all(isinstance(item, (RawDocument, Rejected)) for item in items)


# More items than any damaged three-record file can give: reaching it means the reader is going round in circles.
MAX_ITEMS = 1000


def test_a_record_whose_length_ends_before_it_begins_is_rejected_once():
    # a damaged gzip WARC (three pages, bytes flipped and cut) on which warcio reports a negative record length;
    # the reader used to step back to that record's "end" and reject the same bytes forever
    path = Path(__file__).parent / "fixtures" / "warc_negative_record_length.warc.gz"
    items = list(islice(read_warc(path), MAX_ITEMS))
    assert [type(item).__name__ for item in items] == ["Rejected", "RawDocument", "Rejected"]
    offsets = [item.origin.offset for item in items]
    assert offsets == sorted(set(offsets))
