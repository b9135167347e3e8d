"""``sitrep places`` end to end, in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SITREP = [sys.executable, "-c", "from sitrep.cli import main; main()"]


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*SITREP, "places", *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_places_from_stdin_as_json_lines():
    result = _run("-", "--no-spacy", stdin="Shelling hit Deir Ezzor and the Qalamoun region; Syrian jets flew.")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {record["text"]: record for record in records}
    assert by_text["Deir Ezzor"]["name"] == "Deir ez-Zor" and by_text["Deir Ezzor"]["country"] == "Syria"
    assert by_text["Qalamoun"]["feature"] == "mountains" and by_text["Qalamoun"]["lat"] is not None
    assert "Syrian" not in by_text
    for record in records:
        assert {"start", "end", "lat", "lon", "country_code", "gazetteer_id"} <= record.keys()


def test_places_from_a_file_with_spacy(tmp_path):
    article = tmp_path / "article.txt"
    text = "A pilot survived a crash near Damascus, officials said."
    article.write_text(text, encoding="utf-8")
    result = _run(str(article))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.splitlines()[0])
    assert text[record["start"]:record["end"]] == "Damascus" and record["country_code"] == "SY"


def test_missing_file_is_a_clear_error(tmp_path):
    result = _run(str(tmp_path / "nope.txt"))
    assert result.returncode != 0 and "cannot read" in result.stderr


@pytest.mark.parametrize("flag", ["--help"])
def test_help_has_an_example(flag):
    result = _run(flag)
    assert result.returncode == 0 and "sitrep places" in result.stdout


def test_table_format_for_people():
    result = _run("-", "--no-spacy", "--format", "table", stdin="Clashes near Damascus.")
    assert result.returncode == 0, result.stderr
    assert "Damascus, Dimashq, Syria" in result.stdout and "33.510,36.291" in result.stdout
