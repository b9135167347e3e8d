"""Golden files: the whole-article output for a few articles, pinned so any change in it is seen and reviewed.

When a change improves extraction, regenerate with ``SITREP_UPDATE_GOLDEN=1 pytest tests/test_golden_files.py``
and commit the new files with the change (the diff shows exactly what moved). The corpus gate decides whether
a change is better; these files make sure no change goes unnoticed.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

import sitrep

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
CORPUS_ARTICLES = ["002_syria_idlib_market_strike", "012_somalia_mogadishu_hotel", "024_kenya_parliament_protest",
                   "028_uk_aid_budget_debate", "032_iraq_mosul_victory"]


def projection(extraction) -> dict:
    """What an analyst reads from the output: events with their resolved fields and statuses."""
    article = extraction.article
    return {  # offsets, not text: the seed is someone else's writing and is not copied into the repository
        "title": article.title and [article.title.start, article.title.end],
        "body_length": article and len(article.body),
        "skipped": extraction.skipped,
        "events": [
            {
                "sub_event_type": e.sub_event_type,
                "background": e.background,
                "date": e.date and [str(e.date.start), str(e.date.end), e.date.precision, e.date.implied],
                "location": e.location and [e.location.name, e.location.country_code, e.location.precision],
                "actors": sorted([a.role, a.name] for a in e.actors),
                "fatalities": e.fatalities and [e.fatalities.low, e.fatalities.high],
                "status": e.status,
                "plover": e.plover,
                "triggers": [[t.start, t.end] for t in e.triggers],
            }
            for e in extraction.events
        ],
    }


def _cases(shared: Path | None):
    for stem in CORPUS_ARTICLES:
        gold = json.loads((REPO / "corpus" / "gold" / f"{stem}.json").read_text())
        path = next((REPO / "corpus" / "articles").glob(f"{stem}*.txt"))
        yield stem, path, date.fromisoformat(gold["published"])
    if shared is not None:
        yield "seed", shared / "seed" / "000_0be5bf4a73db792e.txt", date(2016, 9, 22)


@pytest.mark.parametrize("index", range(len(CORPUS_ARTICLES) + 1))
def test_whole_article_output_matches_golden_file(index, shared_dir):
    name, path, published = list(_cases(shared_dir))[index]
    actual = projection(sitrep.extract(path.read_text(encoding="utf-8"), published=published))
    golden_file = GOLDEN / f"{name}.json"
    if os.environ.get("SITREP_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden_file.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden_file.read_text(encoding="utf-8"))
    assert actual == expected, f"{name}: output changed; review and regenerate with SITREP_UPDATE_GOLDEN=1"
