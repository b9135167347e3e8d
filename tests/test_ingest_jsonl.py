"""JSON Lines reader: default and renamed fields, per-line rejections with line numbers, gzip, robustness."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest.jsonl import field_mapping, read_jsonl
from sitrep.model import RawDocument, Rejected

TEXT = "Gunmen attacked a village on Monday, killing four people, police said."


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_default_fields_become_document_metadata(tmp_path):
    record = {"id": "a-1", "url": "https://x.example/1", "title": "Village attack", "text": TEXT,
              "published": "2023-05-02T10:00:00Z", "outlet": "Ledger"}
    (document,) = list(read_jsonl(write_lines(tmp_path / "in.jsonl", [json.dumps(record)])))
    assert isinstance(document, RawDocument)
    assert (document.doc_id, document.url, document.title, document.outlet) == ("a-1", "https://x.example/1", "Village attack", "Ledger")
    assert document.published == date(2023, 5, 2)
    assert document.content == TEXT
    assert (document.origin.kind, document.origin.line) == ("jsonl", 1)


def test_renamed_fields_are_read(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", [json.dumps({"uid": 17, "body": TEXT, "dct": "2020-01-02"})])
    (document,) = list(read_jsonl(path, {"text": "body", "id": "uid", "published": "dct"}))
    assert document.doc_id == "17" and document.content == TEXT and document.published == date(2020, 1, 2)


def test_unknown_field_name_is_an_error():
    with pytest.raises(ValueError, match="unknown JSON Lines field"):
        field_mapping({"body": "text"})


def test_bad_lines_are_rejected_with_their_line_numbers_and_the_rest_is_read(tmp_path):
    lines = [json.dumps({"id": "1", "text": TEXT}), "{not json", "", json.dumps([1, 2]),
             json.dumps({"id": "4"}), json.dumps({"id": "5", "text": "   "}), json.dumps({"id": "6", "text": TEXT + " More."})]
    items = list(read_jsonl(write_lines(tmp_path / "in.jsonl", lines)))
    assert [(type(i).__name__, i.origin.line) for i in items] == [
        ("RawDocument", 1), ("Rejected", 2), ("Rejected", 4), ("Rejected", 5), ("Rejected", 6), ("RawDocument", 7)]
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad_json", "bad_json", "missing_text", "missing_text"]


def test_html_text_in_a_record_is_read_as_html(tmp_path):
    html = "<!DOCTYPE html><html><head><title>T</title></head><body><p>" + TEXT + "</p></body></html>"
    path = write_lines(tmp_path / "in.jsonl", [json.dumps({"id": "h", "text": html, "outlet": "Wire"})])
    (document,) = list(read_jsonl(path))
    assert document.media_type == "text/html" and document.doc_id == "h" and document.outlet == "Wire"


def test_gzipped_jsonl_and_truncated_gzip(tmp_path):
    payload = ("\n".join(json.dumps({"id": str(i), "text": f"{TEXT} Number {i}."}) for i in range(200)) + "\n").encode()
    good = tmp_path / "in.jsonl.gz"
    good.write_bytes(gzip.compress(payload))
    assert sum(isinstance(i, RawDocument) for i in read_jsonl(good)) == 200
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(payload)[:-200])
    items = list(read_jsonl(cut))
    assert isinstance(items[-1], Rejected) and items[-1].reason in ("truncated_gzip", "bad_json")
    assert any(isinstance(i, RawDocument) for i in items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_as_jsonl_never_crash(tmp_path, data):
    path = tmp_path / "any.jsonl"
    path.write_bytes(data)
    for item in read_jsonl(path):
        assert isinstance(item, (RawDocument, Rejected))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "text", "url", "published", "title"]),
                                        st.one_of(st.none(), st.integers(), st.text(max_size=50),
                                                  st.lists(st.integers(), max_size=2))), max_size=5))
def test_arbitrary_json_records_never_crash(tmp_path, records):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8", errors="surrogatepass")
    for item in read_jsonl(path):
        assert isinstance(item, (RawDocument, Rejected))
