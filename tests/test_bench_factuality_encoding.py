"""The smoothed target encodings of the learned factuality mapping (bench/adapters/factuality_encoding.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.adapters import factuality_encoding, factuality_model  # noqa: E402


def example(value, lemma, sentence=0, governor="say"):
    features = {"score": 3.0, f"lemma={lemma}": 1.0, "tag=VB": 1.0, f"a1_lemma={governor}": 1.0}
    return factuality_model.Example(value, features, (("x",),), sentence)


def test_a_lemma_seen_often_below_the_top_is_encoded_low_and_shrunk():
    examples = [example(3.0, "attack") for _ in range(30)] + [example(1.0, "plan") for _ in range(30)]
    encoder = factuality_encoding.TargetEncoder(examples)
    plan = encoder.encode({"lemma=plan": 1.0, "tag=VB": 1.0, "a1_lemma=say": 1.0})
    # overall mean 2.0; "plan" alone averages 1.0, shrunk by SMOOTHING pseudo-tokens at 2.0 over 30 real ones
    pseudo = factuality_encoding.SMOOTHING
    assert plan["encoded_lemma_mean"] == pytest.approx((30 * 1.0 + pseudo * 2.0) / (30 + pseudo) - 2.0)
    assert -1.0 < plan["encoded_lemma_mean"] < -0.5
    assert plan["encoded_lemma_certain_share"] < 0
    # every token has the same governor: its encoding says nothing
    assert plan["encoded_governor_mean"] == pytest.approx(0.0)
    unseen = encoder.encode({"lemma=vote": 1.0})
    assert unseen["encoded_lemma_mean"] == pytest.approx(0.0)


def test_training_tokens_are_encoded_without_their_own_value():
    # one token of a lemma: out of fold it has no other token of its lemma, so its encoding is the overall one
    train = [example(3.0, "attack", sentence=n) for n in range(200)] + [example(-3.0, "deny", sentence=200)]
    test = [example(0.0, "deny", sentence=0)]
    encoded_train, encoded_test = factuality_encoding.with_encodings(train, test, factuality_model.folds(train))
    own = encoded_train[-1].features["encoded_lemma_mean"]
    assert own == pytest.approx(0.0)
    assert encoded_test[0].features["encoded_lemma_mean"] < -0.3
    assert "encoded_lemma_mean" not in train[-1].features
