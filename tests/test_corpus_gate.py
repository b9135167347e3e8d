"""The evaluation gate: extraction over the team's corpus must not fall below the pinned F1 floors.

Floors live in tests/corpus_floors.json and only go up: raise a floor when a change lifts a facet, never
lower one to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((REPO / "tests" / "corpus_floors.json").read_text())


@pytest.fixture(scope="module")
def corpus_scores():
    from sitrep.evaluate import evaluate

    return evaluate(REPO / "corpus" / "gold")


@pytest.mark.parametrize("facet", sorted(FLOORS["f1"]))
def test_facet_f1_at_or_above_floor(corpus_scores, facet):
    f1 = corpus_scores.counts[facet].f1
    assert f1 >= FLOORS["f1"][facet], f"{facet}: F1 {f1:.3f} fell below its floor {FLOORS['f1'][facet]}"


def test_every_article_scored(corpus_scores):
    assert corpus_scores.articles == len(list((REPO / "corpus" / "gold").glob("*.json"))) >= 30


def test_article_without_events_gives_none(corpus_scores):
    empty = [d for d in corpus_scores.details if d["matched"] == 0 and not d["missed"]]
    assert empty and all(not d["spurious"] for d in empty), "the no-event article produced events"
