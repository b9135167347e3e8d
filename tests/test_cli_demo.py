"""``sitrep demo``: the bundled sample articles into a database, shown per article; re-running adds nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.cli.demo import publication_dates, sample_articles

REPO = Path(__file__).resolve().parents[1]


def sitrep(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=300)


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    first = sitrep("demo", "--db", str(db))
    counts = (count(db, "documents"), count(db, "events"))
    second = sitrep("demo", "--db", str(db))
    return db, first, counts, second


def test_the_samples_are_found_next_to_the_package():
    assert sample_articles() == REPO / "corpus" / "articles"
    assert len(list(sample_articles().glob("*.txt"))) >= 10


def test_each_sample_has_its_publication_date():
    dates = publication_dates(sample_articles())
    assert {p.stem for p in sample_articles().glob("*.txt")} <= dates.keys()


def test_first_run_stores_and_prints_every_article(two_runs):
    _, first, (documents, events), _ = two_runs
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    articles = len(list(sample_articles().glob("*.txt")))
    assert documents == articles and events > articles
    assert first.stdout.count("\n== ") + first.stdout.startswith("== ") == articles
    assert "001_syria_deir_ezzor_checkpoint.txt — Islamic State remnants" in first.stdout
    assert "type" in first.stdout and "status" in first.stdout and "occurrence:" in first.stdout
    assert f"read {articles}, ingested {articles}, duplicates 0" in first.stdout
    assert f"; {events} events in" in first.stdout


def test_second_run_adds_nothing_and_prints_the_same_table(two_runs):
    db, first, counts, second = two_runs
    assert second.returncode == 0, second.stderr
    assert (count(db, "documents"), count(db, "events")) == counts
    articles = counts[0]
    assert f"read {articles}, ingested 0, duplicates {articles}" in second.stdout
    table = lambda out: out.rsplit("(~ background event", 1)[0]  # noqa: E731 - everything before the summary
    assert table(second.stdout) == table(first.stdout)


def test_missing_samples_are_a_clear_error(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import demo

    monkeypatch.setattr(demo, "sample_articles", lambda: tmp_path / "nowhere")
    result = CliRunner().invoke(demo.command, ["--db", str(tmp_path / "d.db")])
    assert result.exit_code == 1
    assert "sample articles are not at" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
