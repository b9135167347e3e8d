"""End-to-end tests for ``sitrep dates`` through the real entry point, in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

ARTICLE = "Jets struck the town on Wednesday, a week after clashes in July, residents said.\n"


def run_dates(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from sitrep.cli import main; main()", "dates", *args],
        input=stdin, capture_output=True, text=True, timeout=60,
    )


def test_file_with_publication_date_prints_json_lines(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_dates(str(article), "--published", "2016-09-22")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {record["text"]: record for record in records}
    assert by_text["Wednesday"]["when"] == {"start": "2016-09-21", "end": "2016-09-21", "precision": "day",
                                           "implied": False, "rule": "weekday"}
    assert by_text["July"]["timex"] == "2016-07"
    for record in records:
        assert ARTICLE[record["start"] : record["end"]] == record["text"]
        assert record["source"] == str(article)


def test_stdin_without_publication_date():
    result = run_dates("-", stdin="Signed on 3 January 2016; fighting resumed yesterday.")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["when"] is not None) for r in records] == [("3 January 2016", True), ("yesterday", False)]


def test_table_format_and_missing_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    table = run_dates(str(article), "--published", "2016-09-22", "--format", "table")
    assert table.returncode == 0 and "2016-09-21..2016-09-21 day" in table.stdout
    missing = run_dates(str(tmp_path / "missing.txt"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr


def test_binary_file_is_refused_and_the_rest_still_read(tmp_path):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_dates(str(blob), str(article), "--published", "2016-09-22")
    assert result.returncode == 1 and "cannot read: binary" in result.stderr and "Traceback" not in result.stderr
    assert any(json.loads(line)["text"] == "Wednesday" for line in result.stdout.splitlines())


def test_same_inputs_as_extract_html_and_json_lines(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Strike</title></head><body><nav>Home | World</nav><article><h1>Strike</h1>"
                    "<p>" + ARTICLE + "</p><p>Officials said the strike destroyed a school and a clinic.</p>"
                    "</article></body></html>", encoding="utf-8")
    records = tmp_path / "batch.jsonl"
    records.write_text(json.dumps({"id": "a1", "text": ARTICLE, "published": "2016-09-22"}) + "\n", encoding="utf-8")
    result = run_dates(str(page), str(records), "--published", "2016-09-22")
    assert result.returncode == 0, result.stderr
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert any(s.endswith("page.html") for s in sources) and any("batch.jsonl" in s for s in sources)
