"""End-to-end: ``sitrep ingest`` and ``sitrep rejects`` through the real entry point, in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from fixtures.ingest_inputs import Site, english_article, html_page, rss_feed, serve, warc_bytes


def sitrep(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from sitrep.cli import main; main()", *args],
        input=stdin, capture_output=True, text=True, timeout=120,
    )


def mixed_folder(folder):
    folder.mkdir()
    (folder / "a.txt").write_text(english_article(1))
    (folder / "b.html").write_text(html_page("Clash in the hills", english_article(2)))
    (folder / "c.warc.gz").write_bytes(warc_bytes([(f"https://w.example/{i}", html_page(f"W{i}", english_article(10 + i))) for i in range(3)]))
    lines = [json.dumps({"uid": "u1", "body": english_article(20)}), "{broken", json.dumps({"uid": "u2", "body": english_article(21)})]
    (folder / "d.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "e.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


def test_ingest_a_mixed_folder_then_rerun_then_list_rejects(tmp_path):
    folder = mixed_folder(tmp_path / "in")
    db = str(tmp_path / "s.db")
    first = sitrep("ingest", str(folder), "--db", db, "--no-extract", "--field", "text=body", "--field", "id=uid")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "read 9, ingested 7, duplicates 0, near-duplicates 0, rejected 2 (bad_json 1, binary 1)"
    second = sitrep("ingest", str(folder), "--db", db, "--no-extract", "--field", "text=body", "--field", "id=uid")
    assert second.stdout.strip() == "read 9, ingested 0, duplicates 7, near-duplicates 0, rejected 2 (bad_json 1, binary 1)"

    table = sitrep("rejects", "--db", db)
    assert table.returncode == 0
    assert "bad_json" in table.stdout and "d.jsonl:2" in table.stdout and "binary" in table.stdout
    rows = [json.loads(line) for line in sitrep("rejects", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert sorted(r["reason"] for r in rows) == ["bad_json", "binary"]


def test_ingest_a_local_feed(tmp_path):
    site = Site()
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nAllow: /\n")
    for i in range(3):
        site.routes[f"/story{i}"] = (200, {"Content-Type": "text/html"}, html_page(f"S{i}", english_article(40 + i)).encode())
    with serve(site) as base:
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss_feed(
            [(f"{base}/story{i}", f"S{i}", "Tue, 14 Mar 2023 10:00:00 GMT") for i in range(3)] + [(f"{base}/gone", "Gone", "")]))
        result = sitrep("ingest", f"{base}/feed.xml", "--db", str(tmp_path / "s.db"), "--no-extract", "--retries", "0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "read 4, ingested 3, duplicates 0, near-duplicates 0, rejected 1 (http_404 1)"


def test_stdin_and_published_flag(tmp_path):
    result = sitrep("ingest", "-", "--db", str(tmp_path / "s.db"), "--no-extract", "--published", "2023-05-06",
                    stdin=english_article(50))
    assert result.returncode == 0 and result.stdout.startswith("read 1, ingested 1,")
    from sitrep.store import open_store

    with open_store(tmp_path / "s.db") as store:
        (document,) = store.documents()
    assert document["published"] == "2023-05-06" and document["origin"]["kind"] == "stdin"


def test_usage_errors_exit_2(tmp_path):
    assert sitrep("ingest", "--db", str(tmp_path / "s.db")).returncode == 2
    assert sitrep("ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--field", "nonsense").returncode == 2
    assert sitrep("ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--field", "body=text").returncode == 2
    assert sitrep("ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--published", "yesterday").returncode == 2
    assert sitrep("rejects", "--db", str(tmp_path / "missing.db")).returncode == 2


def test_unwritable_database_is_a_clear_error(tmp_path):
    result = sitrep("ingest", str(tmp_path), "--db", str(tmp_path / "no" / "dir" / "s.db"))
    assert result.returncode == 1 and "cannot open the database" in result.stderr
