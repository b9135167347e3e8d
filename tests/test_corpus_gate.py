"""The evaluation gate: extraction over the team's corpora must not fall below the pinned F1 floors.

Two corpora: ``corpus/gold`` (the development corpus, rules were tuned on it) and ``corpus/holdout/gold``
(written blind, by someone who never saw the extractor; not tuned on). Floors live in
tests/corpus_floors.json and only go up: raise a floor when a change lifts a facet, never lower one to make a
change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((REPO / "tests" / "corpus_floors.json").read_text())["f1"]
CASES = [(corpus, facet) for corpus, floors in FLOORS.items() for facet in sorted(floors)]


@pytest.fixture(scope="module")
def scores_by_corpus():
    from sitrep.evaluate import evaluate

    return {corpus: evaluate(REPO / corpus) for corpus in FLOORS}


@pytest.mark.parametrize(("corpus", "facet"), CASES)
def test_facet_f1_at_or_above_floor(scores_by_corpus, corpus, facet):
    f1 = round(scores_by_corpus[corpus].counts[facet].f1, 4)  # floors have 2 decimals; no float noise
    floor = FLOORS[corpus][facet]
    assert f1 >= floor, f"{corpus} {facet}: F1 {f1:.3f} fell below its floor {floor}"


def test_every_article_scored(scores_by_corpus):
    for corpus, scores in scores_by_corpus.items():
        assert scores.articles == len(list((REPO / corpus).glob("*.json"))) >= 15


def test_articles_without_events_give_none(scores_by_corpus):
    for corpus, scores in scores_by_corpus.items():
        empty = [d for d in scores.details if d["matched"] == 0 and not d["missed"]]
        assert empty and all(not d["spurious"] for d in empty), f"{corpus}: the no-event article produced events"
