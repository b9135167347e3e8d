"""A learned factuality mapping, trained at bench time on a corpus's *train* split only and applied to dev.

The rule path (bench/adapters/factuality.py) maps the package's reading of an event token to the -3..+3 scale
through a per-cue-class median table. This one reads many more features of the token (factuality_features.py:
the package's reading plus its word, morphology, governing verbs, modals, negations, quotation, question ...)
and fits a linear model with an absolute-error loss (the scale's metric is MAE, so the model aims at the median,
as the table does). Which of the two is used for a corpus, and the model's regularisation, are chosen by
cross-validation on train, never by dev. Nothing learned here is written into the package: the bench trains,
predicts dev and scores.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

# Regularisation strengths tried (LinearSVR's C; smaller is stronger). On UW train, 5-fold CV gave MAE 0.383 /
# 0.379 / 0.392 / 0.420 for 0.01 / 0.03 / 0.1 / 0.3, so the grid brackets the optimum.
C_GRID = (0.01, 0.03, 0.1)
FOLDS = 5
# Cross-validation folds hold out blocks of this many consecutive sentences, so a fold's test sentences mostly
# come from documents its training part has not seen (the CoNLL files keep no document ids).
SENTENCES_PER_GROUP = 20
# Solver iterations for the linear model; it converges well before this on UW train.
MAX_ITERATIONS = 20000


@dataclass(frozen=True)
class Example:
    """One annotated event token of a train split: its gold value, features, calibration keys and sentence."""

    value: float
    features: dict
    keys: tuple
    sentence: int


@dataclass(frozen=True)
class Choice:
    """The mapping chosen for one corpus and the train cross-validation MAE of each candidate."""

    method: str  # "calibration" or "linear C=<c>"
    cv_mae: dict  # candidate name -> MAE over train folds


class CalibrationTable:
    """The rule path's mapping: the gold median per calibration key on the training examples, finest key first,
    the package's own score where no key has enough examples."""

    def __init__(self, examples: list[Example], min_size: int):
        groups: dict[tuple, list[float]] = defaultdict(list)
        for example in examples:
            for key in example.keys:
                groups[key].append(example.value)
        self.table = {key: float(np.median(values)) for key, values in groups.items() if len(values) >= min_size}

    def predict(self, keys_and_scores) -> np.ndarray:
        return np.array([next((self.table[key] for key in keys if key in self.table), score)
                         for keys, score in keys_and_scores])


class LinearMapping:
    """A linear model with an absolute-error loss over one-hot and numeric token features, centred on the
    training median (the solver penalises its intercept, so centring keeps an empty model at the median)."""

    def __init__(self, c: float):
        self.c = c

    def fit(self, feature_dicts: list[dict], values: np.ndarray) -> LinearMapping:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.svm import LinearSVR

        self.vectorizer = DictVectorizer()
        matrix = _int32(self.vectorizer.fit_transform(feature_dicts))
        self.middle = float(np.median(values))
        self.model = LinearSVR(C=self.c, epsilon=0.0, loss="epsilon_insensitive", dual=True,
                               max_iter=MAX_ITERATIONS, random_state=0)
        self.model.fit(matrix, values - self.middle)
        return self

    def predict(self, feature_dicts: list[dict]) -> np.ndarray:
        matrix = _int32(self.vectorizer.transform(feature_dicts))
        return np.clip(self.model.predict(matrix) + self.middle, -3.0, 3.0)


def _int32(matrix):
    """liblinear takes sparse matrices with 32-bit indices only."""
    matrix = matrix.tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def folds(examples: list[Example], count: int = FOLDS) -> list[tuple[list[int], list[int]]]:
    """(train indices, test indices) per fold; whole blocks of sentences go to one fold."""
    blocks = sorted({example.sentence // SENTENCES_PER_GROUP for example in examples})
    fold_of = {block: number % count for number, block in enumerate(blocks)}
    out = []
    for fold in range(count):
        test = [i for i, e in enumerate(examples) if fold_of[e.sentence // SENTENCES_PER_GROUP] == fold]
        train = [i for i, e in enumerate(examples) if fold_of[e.sentence // SENTENCES_PER_GROUP] != fold]
        if test and train:
            out.append((train, test))
    return out


def _fit_predict(method: str, train: list[Example], test: list[Example], min_size: int) -> np.ndarray:
    if method == "calibration":
        table = CalibrationTable(train, min_size)
        return table.predict([(e.keys, e.features["score"]) for e in test])
    mapping = LinearMapping(float(method.split("=")[1]))
    mapping.fit([e.features for e in train], np.array([e.value for e in train]))
    return mapping.predict([e.features for e in test])


def candidates() -> list[str]:
    return ["calibration"] + [f"linear C={c}" for c in C_GRID]


def choose(examples: list[Example], min_size: int) -> Choice:
    """The candidate with the lowest MAE over the train folds (ties go to the simpler, listed first)."""
    values = np.array([e.value for e in examples])
    splits = folds(examples)
    scores = {}
    for method in candidates():
        errors = np.zeros(len(examples))
        for train, test in splits:
            predicted = _fit_predict(method, [examples[i] for i in train], [examples[i] for i in test], min_size)
            errors[test] = np.abs(predicted - values[test])
        scores[method] = round(float(errors.mean()), 3)
    return Choice(min(scores, key=scores.get), scores)


def fit_and_predict(method: str, train: list[Example], targets: list[tuple[dict, tuple]],
                    min_size: int) -> np.ndarray:
    """Fit ``method`` on all of ``train`` and predict (features, keys) pairs."""
    test = [Example(0.0, features, keys, 0) for features, keys in targets]
    return _fit_predict(method, train, test, min_size)
