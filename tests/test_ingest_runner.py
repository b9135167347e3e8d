"""The ingest runner over whole batches: every good input stored, every bad one a recorded rejection, reruns no-ops."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from fixtures.ingest_inputs import english_article, html_page, warc_bytes

import sitrep.pipeline
from sitrep.ingest import IngestSummary, ingest
from sitrep.model import Article, Event, Extraction, Segment
from sitrep.store import open_store

FRENCH = ("Le gouvernement a annoncé mardi que dix personnes avaient été tuées dans une attaque contre un marché "
          "du nord du pays. La police a indiqué que l'engin explosif était caché dans une charrette près de "
          "l'entrée principale, et que les blessés avaient été transportés vers l'hôpital de la ville.")


def build_batch(folder):
    """1,000 inputs: 950 good articles (.txt, JSON Lines, WARC) and 50 bad ones (5 %)."""
    seed = iter(range(10_000))
    texts = folder / "texts"
    texts.mkdir(parents=True)
    for i in range(700):
        (texts / f"{i:04d}.txt").write_text(english_article(next(seed)), encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": english_article(next(seed)), "published": "2023-02-01"}) for i in range(150)]
    for i in range(15):
        lines.insert(i * 10 + 3, '{"id": "broken", "text": "unterminated')
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = [(f"https://news.example/{i}", html_page(f"Story {i}", english_article(next(seed)))) for i in range(100)]
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(pages))
    bad = folder / "bad"
    bad.mkdir()
    for i in range(15):
        (bad / f"binary{i:02d}.txt").write_bytes(b"\x00\x01\x02\x03" * 50 + bytes([i]))
        (bad / f"empty{i:02d}.txt").write_bytes(b"")
    for i in range(5):
        data = warc_bytes([(f"https://cut.example/{i}", html_page("Cut", english_article(next(seed))))])
        (bad / f"cut{i}.warc.gz").write_bytes(data[: len(data) // 2])
    return {"read": 1000, "good": 950, "rejected": Counter(binary=15, empty=15, bad_json=15, truncated=5)}


def test_batch_of_a_thousand_with_five_percent_corrupt(tmp_path):
    expected = build_batch(tmp_path / "in")
    with open_store(tmp_path / "s.db") as store:
        first = ingest([tmp_path / "in"], store, extract=False)
        assert first.read == expected["read"]
        assert (first.ingested, first.near_duplicates, first.duplicates) == (expected["good"], 0, 0)
        assert first.rejected == expected["rejected"]
        summary = store.summary()
        assert summary["documents"] == expected["good"]
        assert summary["rejections"] == 50 and Counter(summary["rejections_by_reason"]) == expected["rejected"]
        jsonl_row = store.document("j3")
        assert jsonl_row["doc_id"] == "j3" and jsonl_row["published"] == "2023-02-01"

        second = ingest([tmp_path / "in"], store, extract=False)
        assert (second.read, second.ingested, second.near_duplicates, second.duplicates) == (1000, 0, 0, 950)
        assert store.summary() == summary
    assert first.line().startswith("read 1000, ingested 950, duplicates 0, near-duplicates 0, rejected 50 (")


def test_near_duplicates_and_foreign_language_in_a_run(tmp_path):
    body = english_article(77, sentences=8)
    (tmp_path / "a.txt").write_text("Menu | Search\n" + body + "\nCopyright Ledger\n")
    (tmp_path / "b.txt").write_text("Subscribe now\nAnother headline\n" + body + "\nDonate today\n")
    (tmp_path / "c.txt").write_text("Menu | Search\n" + body + "\nCopyright Ledger\n")  # exact copy of a
    (tmp_path / "d.txt").write_text(FRENCH)
    with open_store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path], store, extract=False)
        assert (summary.ingested, summary.near_duplicates, summary.duplicates) == (1, 1, 1)
        assert summary.rejected == Counter(not_english=1)
        (rejection,) = store.rejections()
        assert rejection["stage"] == "language" and rejection["detail"].startswith("detected: fr")


def fake_extract_document(raw, *, published=None):
    if "EXPLODE" in raw.content:
        raise RuntimeError("pipeline bug")
    article_id = sitrep.pipeline.document_id(raw.content)
    article = Article(id=article_id, source_text=raw.content, body=raw.content,
                      segments=(Segment(0, 0, len(raw.content)),), published=published)
    event = Event(id="e1", article_id=article_id, event_type="Battles", sub_event_type="Armed clash", summary="",
                  background=False, date=None, location=None, actors=(), fatalities=None, weapons=(),
                  assertions=(), status={}, evidence=())
    return Extraction(article=article, events=(event,), origin=raw.origin)


def test_extraction_results_and_failures_with_a_stub_pipeline(tmp_path, monkeypatch):
    monkeypatch.setattr(sitrep.pipeline, "extract_document", fake_extract_document)
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(english_article(100 + i))
    (tmp_path / "4.txt").write_text(english_article(104) + "EXPLODE\n")
    with open_store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path], store, published=date(2023, 1, 2))
        assert (summary.read, summary.ingested) == (5, 4)
        assert summary.rejected == Counter(extract_error=1)
        assert len(store.events()) == 4
        (rejection,) = store.rejections()
        assert rejection["stage"] == "extract" and "pipeline bug" in rejection["detail"]


def test_small_batch_with_the_real_pipeline_never_loses_a_document(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(english_article(200 + i))
    (tmp_path / "page.html").write_text(html_page("Clash near the border", english_article(300)))
    with open_store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path], store, extract=True)
        assert summary.read == 5 and summary.ingested + summary.rejected_total == 5
        stages = {r["stage"] for r in store.rejections()}
        assert stages <= {"clean", "extract"}
        assert all(d["extracted"] == 1 for d in store.documents())


def test_summary_line_lists_reasons_most_frequent_first():
    summary = IngestSummary(read=6, ingested=2, duplicates=1, near_duplicates=0, rejected=Counter(not_english=1, binary=2))
    assert summary.line() == "read 6, ingested 2, duplicates 1, near-duplicates 0, rejected 3 (binary 2, not_english 1)"
    assert IngestSummary().line() == "read 0, ingested 0, duplicates 0, near-duplicates 0, rejected 0"


@pytest.mark.parametrize("progress", [True, False])
def test_progress_bar_goes_to_stderr(tmp_path, capsys, progress):
    (tmp_path / "a.txt").write_text(english_article(1))
    with open_store(tmp_path / "s.db") as store:
        ingest([tmp_path / "a.txt"], store, extract=False, progress=progress)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert ("ingest" in captured.err) == progress


def test_a_reader_bug_costs_one_file_not_the_batch(tmp_path, monkeypatch):
    import sitrep.ingest as ingest_package

    real = ingest_package._read_sniffed

    def flaky(path, fetcher):
        if path.endswith("bug.txt"):
            raise RuntimeError("reader bug")
        return real(path, fetcher)

    monkeypatch.setattr(ingest_package, "_read_sniffed", flaky)
    (tmp_path / "a.txt").write_text(english_article(1))
    (tmp_path / "bug.txt").write_text(english_article(2))
    (tmp_path / "c.txt").write_text(english_article(3))
    with open_store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path], store, extract=False)
    assert (summary.read, summary.ingested, summary.rejected) == (3, 2, Counter(reader_error=1))


def test_public_names_resolve():
    import sitrep.ingest
    import sitrep.store

    for module in (sitrep.ingest, sitrep.store):
        for name in module.__all__:
            assert getattr(module, name) is not None
