"""Plain-text and HTML file readers: decoding policy, binary/empty/too-large refusals, sniffing, metadata."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import read_file, read_sources
from sitrep.ingest import text as text_reader
from sitrep.ingest.html import page_metadata, read_html_file
from sitrep.ingest.text import decode_bytes, looks_binary, read_stdin, read_text_file
from sitrep.model import RawDocument, Rejected

ARTICLE = "Ten hurt in market blast\n\nA bomb went off in the market on Tuesday, officials said.\n"


def test_utf8_text_file_is_read_verbatim(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE + "Café — naïve\n", encoding="utf-8")
    document = read_text_file(path)
    assert isinstance(document, RawDocument)
    assert document.content == ARTICLE + "Café — naïve\n"
    assert document.origin.kind == "file" and document.origin.location == str(path)
    assert document.media_type == "text/plain"


def test_utf8_bom_and_utf16_are_decoded(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    assert read_text_file(tmp_path / "bom.txt").content == ARTICLE
    assert read_text_file(tmp_path / "u16.txt").content == ARTICLE


def test_cp1252_falls_back_with_a_note(tmp_path, caplog):
    path = tmp_path / "old.txt"
    path.write_bytes("Officials said “ten” died at the café.".encode("cp1252"))
    with caplog.at_level("INFO", logger="sitrep.ingest.text"):
        document = read_text_file(path)
    assert document.content == "Officials said “ten” died at the café."
    assert "decoded as cp1252" in caplog.text
    assert decode_bytes(b"\x81\x8d").encoding == "latin-1" or decode_bytes(b"\x81\x8d").fallback


def test_binary_and_empty_files_are_rejected(tmp_path):
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    assert (read_text_file(tmp_path / "img.txt").stage, read_text_file(tmp_path / "img.txt").reason) == ("read", "binary")
    assert read_text_file(tmp_path / "empty.txt").reason == "empty"
    assert read_text_file(tmp_path / "blank.txt").reason == "empty"


def test_control_byte_ratio_marks_binary():
    assert looks_binary(bytes([1, 2, 3, 4, 5]) * 100)
    assert not looks_binary(b"plain text\twith tabs\r\n" * 100)
    assert not looks_binary(ARTICLE.encode("utf-16"))


def test_too_large_file_is_rejected_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100)
    rejected = read_text_file(path)
    assert isinstance(rejected, Rejected) and rejected.reason == "too_large"


def test_missing_source_is_a_rejection(tmp_path):
    (rejected,) = list(read_sources([tmp_path / "nope.txt"]))
    assert rejected.reason == "not_found"


def test_stdin_reads_one_document():
    document = read_stdin(io.BytesIO(ARTICLE.encode()))
    assert document.content == ARTICLE and document.origin.kind == "stdin"
    assert read_stdin(io.BytesIO(b"")).reason == "empty"


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second " + ARTICLE)
    (tmp_path / "a.txt").write_text("first " + ARTICLE)
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "c.txt").write_text("third " + ARTICLE)
    names = [item.origin.location.rsplit("/", 1)[-1] for item in read_sources([tmp_path])]
    assert names == ["a.txt", "2.txt", "c.txt"]


def test_html_file_gets_metadata_from_the_page(tmp_path):
    html = ('<html lang="en"><head><title>Blast in market - The Ledger</title>'
            '<meta property="og:site_name" content="The Ledger">'
            '<meta property="article:published_time" content="2023-03-14T08:00:00Z">'
            '<link rel="canonical" href="https://ledger.example/blast"></head>'
            f"<body><article><h1>Blast in market</h1><p>{ARTICLE}</p></article></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    document = read_html_file(tmp_path / "page.html")
    assert document.media_type == "text/html" and document.content == html
    assert document.published == date(2023, 3, 14)
    assert document.outlet == "The Ledger"
    assert document.url == "https://ledger.example/blast"
    assert document.title and "Blast in market" in document.title
    assert document.language == "en"


def test_html_is_sniffed_in_a_txt_file_and_meta_charset_honoured(tmp_path):
    html = '<!DOCTYPE html><html><head><meta charset="windows-1252"><title>T</title></head><body><p>café</p></body></html>'
    (tmp_path / "saved.txt").write_bytes(html.encode("cp1252"))
    (document,) = list(read_file(str(tmp_path / "saved.txt")))
    assert document.media_type == "text/html"
    assert "café" in document.content


def test_page_without_metadata_has_none():
    metadata = page_metadata("<html><body><p>Nothing declared here.</p></body></html>")
    assert metadata["date"] is None and metadata["sitename"] is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_as_txt_or_html_never_crash(tmp_path, data):
    for name in ("any.txt", "any.html"):
        path = tmp_path / name
        path.write_bytes(data)
        for item in read_file(str(path)):
            assert isinstance(item, (RawDocument, Rejected))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=2000))
def test_arbitrary_text_as_html_never_crashes(tmp_path, text):
    path = tmp_path / "t.html"
    path.write_text("<html><body>" + text, encoding="utf-8", errors="surrogatepass")
    assert isinstance(read_html_file(path), (RawDocument, Rejected))
