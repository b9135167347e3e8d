"""Event factuality on UW and MEANTIME (CoNLL: index, token, value -3..+3 or "_"), scored by score_factuality.py.

Each sentence is parsed from its gold tokens (so token i is gold token i) and every annotated token gets
``modality(doc, i).score``. ``--tune`` prints, per deciding cue class, the gold median/mean on the *train* split:
that table is how the numbers in rules/modality.toml were chosen.
"""

from __future__ import annotations

import functools
import statistics
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import factuality_model
from .common import require_shared, run_scorer
from .factuality_features import token_features

CORPORA = ("uw", "meantime")
# The package's score for an uncued event noun (rules/modality.toml [scores].nominal), to tell it apart.
NOMINAL_SCORE = 2.8
# A cue class seen fewer times than this on train keeps the package's own score (a median of 3 is noise).
MIN_CLASS_SIZE = 5


def read_conll(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences as lists of (index, token, value) rows, in file order."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            index, token, value = line.rstrip("\n").split("\t")[:3]
            current.append((index, token, value))
    if current:
        sentences.append(current)
    return sentences


def parse_sentences(sentences, nlp):
    """spaCy Docs built on the gold tokenisation, so token offsets line up with the CoNLL rows."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=[token for _, token, _ in sentence]) for sentence in sentences)
    return nlp.pipe(docs, batch_size=256)


@dataclass(frozen=True)
class Reading:
    """The package's modality for one annotated token, plus the token's tag and dependency label: the finer
    calibration keys (an event noun as a subject is read differently from one as an object); ``features`` are
    what the learned mapping reads (factuality_features.token_features)."""

    mood: object  # sitrep.mentions.modality.Modality
    tag: str
    dep: str
    features: dict = field(default_factory=dict, compare=False, hash=False)


def predict(sentences, nlp=None):
    """For each sentence, a list of (row, predicted value or None, Reading or None)."""
    from sitrep.mentions.modality import modality
    from sitrep.nlp import load_pipeline

    nlp = nlp or load_pipeline()
    out = []
    for sentence, doc in zip(sentences, parse_sentences(sentences, nlp)):
        rows = []
        for position, row in enumerate(sentence):
            if row[2] == "_":
                rows.append((row, None, None))
            else:
                mood = modality(doc, position)
                rows.append((row, mood.score, Reading(mood, doc[position].tag_, doc[position].dep_,
                                                      token_features(doc, position, mood))))
        out.append(rows)
    return out


@functools.lru_cache(maxsize=8)
def _predicted_split(corpus: str, split: str, limit: int | None):
    """``predict`` on one split, parsed once per process (the rule, calibrated and learned rows share it)."""
    return predict(read_conll(gold_path(corpus, split))[:limit])


def write_predictions(predicted, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for rows in predicted:
            for (index, token, _gold), value, _mood in rows:
                handle.write(f"{index}\t{token}\t{'_' if value is None else f'{value:.2f}'}\n")
            handle.write("\n")


def gold_path(corpus: str, split: str = "dev") -> Path:
    return require_shared() / "data" / "factuality" / f"{corpus}_{split}.conll"


def _keys(reading: Reading) -> tuple[tuple, tuple]:
    """Calibration keys, finest first: (cue class, tag, dependency), then the cue class alone."""
    cue_class = _deciding_class(reading.mood)
    return (cue_class, reading.tag, reading.dep), (cue_class,)


def calibration(corpus: str, split: str = "train", limit: int | None = None) -> dict[tuple, float]:
    """Per deciding cue class (and per class, tag and dependency label), the gold median on ``split``: the value
    that minimises absolute error there.

    The two corpora annotate on different curves (MEANTIME keeps most modal events at +3, UW pulls them towards
    1.5), so the package's one scale is re-mapped per corpus, learned on train only. The finer key (measured on
    UW dev: MAE 0.469 with the class alone, 0.454 with tag and dependency added, against 0.462 for the package's
    own reading) is used when train has at least MIN_CLASS_SIZE tokens of it.
    """
    groups: dict[tuple, list[float]] = defaultdict(list)
    for rows in _predicted_split(corpus, split, limit):
        for row, _value, reading in rows:
            if reading is not None:
                for key in _keys(reading):
                    groups[key].append(float(row[2]))
    return {key: statistics.median(values) for key, values in groups.items() if len(values) >= MIN_CLASS_SIZE}


def _calibrated(reading: Reading, value: float, table: dict[tuple, float]) -> float:
    return next((table[key] for key in _keys(reading) if key in table), value)


def apply_calibration(predicted, table: dict[tuple, float]):
    return [[(row, _calibrated(reading, value, table) if reading is not None else None, reading)
             for row, value, reading in rows] for rows in predicted]


def train_examples(corpus: str, limit: int | None = None) -> list[factuality_model.Example]:
    """The annotated tokens of ``corpus``'s train split with their gold values, for the learned mapping."""
    return [factuality_model.Example(float(row[2]), reading.features, _keys(reading), number)
            for number, rows in enumerate(_predicted_split(corpus, "train", limit))
            for row, _value, reading in rows if reading is not None]


def apply_learned(predicted, corpus: str, limit: int | None = None):
    """Rows re-valued by the mapping that cross-validates best on ``corpus``'s train split, and that choice."""
    examples = train_examples(corpus, limit)
    choice = factuality_model.choose(examples, MIN_CLASS_SIZE)
    targets = [(reading.features, _keys(reading)) for rows in predicted for _row, _value, reading in rows
               if reading is not None]
    values = iter(factuality_model.fit_and_predict(choice.method, examples, targets, MIN_CLASS_SIZE))
    relabelled = [[(row, float(next(values)) if reading is not None else None, reading)
                   for row, _value, reading in rows] for rows in predicted]
    return relabelled, choice


def evaluate(corpus: str, split: str = "dev", limit: int | None = None, out_dir: Path | None = None,
             calibrate: bool = False, learned: bool = False) -> dict:
    """Predict and score one corpus split; ``limit`` keeps the first N sentences (gold trimmed to match).

    ``calibrate`` maps the package's reading through the train median table; ``learned`` uses the mapping chosen
    by cross-validation on train (factuality_model.py) and adds ``method`` and ``train_cv_MAE`` to the result.
    """
    sentences = read_conll(gold_path(corpus, split))[:limit]
    predicted = _predicted_split(corpus, split, limit)
    choice = None
    if learned:
        predicted, choice = apply_learned(predicted, corpus, limit)
    elif calibrate:
        predicted = apply_calibration(predicted, calibration(corpus, "train", limit))
    out_dir = out_dir or Path(tempfile.mkdtemp(prefix="sitrep-factuality-"))
    suffix = ".learned" if learned else ".calibrated" if calibrate else ""
    pred_file = out_dir / f"{corpus}_{split}{suffix}.pred.conll"
    write_predictions(predicted, pred_file)
    gold_file = gold_path(corpus, split)
    if limit is not None:
        gold_file = out_dir / f"{corpus}_{split}.gold.conll"
        write_predictions([[(row, None if row[2] == "_" else float(row[2]), None) for row in s] for s in sentences],
                          gold_file)
    result = run_scorer("score_factuality.py", gold_file, pred_file)
    result["prediction_file"] = str(pred_file)
    if choice is not None:
        result["method"] = choice.method
        result["train_cv_MAE"] = choice.cv_mae
    return result


def cue_table(corpus: str, split: str = "train") -> list[tuple[str, int, float, float, float]]:
    """(deciding cue class, count, gold median, gold mean, predicted) per class: the calibration view."""
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for rows in predict(read_conll(gold_path(corpus, split))):
        for row, value, reading in rows:
            if reading is None:
                continue
            key = _deciding_class(reading.mood)
            groups[key].append((float(row[2]), value))
    return sorted(
        ((key, len(pairs), statistics.median(g for g, _ in pairs), statistics.fmean(g for g, _ in pairs),
          pairs[0][1]) for key, pairs in groups.items()),
        key=lambda item: -item[1],
    )


def _deciding_class(mood) -> str:
    polarity = "neg:" if mood.negated else ""
    if mood.hypothetical:
        return polarity + mood.hypothetical
    weak = next((c for c in mood.cues if c.startswith("clause:") or c == "bare_verb"), None)
    if weak is not None and mood.hedge is None:
        return polarity + weak
    if mood.hedge is not None:
        return polarity + "hedge:" + (mood.cues[0] if mood.cues else "")
    default = "nominal" if mood.score == NOMINAL_SCORE and not mood.cues else "certain"
    return polarity + (next((c for c in mood.cues if c in DECIDING_CUES), default))


# Cues that name a calibration class of their own (else a negated event pools with plain "did not" negations).
DECIDING_CUES = ("reported", "factive", "attempt", "governor_negated", "negated_object", "unable", "denial",
                 "negative_implicative")
