"""The learned factuality mapping of the bench: the features it reads off one event token, the folds it
cross-validates on, and that the linear model and the median table learn what hand-made examples teach them."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.adapters import factuality_model  # noqa: E402
from bench.adapters.factuality_features import token_features  # noqa: E402
from sitrep.mentions.modality import modality  # noqa: E402


def features_of(nlp, sentence: str, trigger: str) -> dict:
    doc = nlp(sentence)
    index = next(token.i for token in doc if token.text == trigger)
    return token_features(doc, index, modality(doc, index))


@pytest.mark.model
def test_features_read_governors_modals_and_negation(nlp):
    features = features_of(nlp, "The rebels said they would not attack the town.", "attack")
    assert features["lemma=attack"] == 1.0
    assert features["aux=would"] == 1.0 and features["modal"] == 1.0
    assert features["neg"] == 1.0
    assert features["anc_lemma=say"] == 1.0 and features["anc_class=reported"] == 1.0
    assert features["subj_person=3"] == 1.0
    assert features["negated"] == 1.0 and features["irrealis=future"] == 1.0  # a reported "would" is a future
    assert features["in_quote=False"] == 1.0 and features["question=False"] == 1.0


@pytest.mark.model
def test_features_see_quotes_questions_and_event_nouns(nlp):
    features = features_of(nlp, 'He asked: " Will the talks resume ? "', "talks")
    assert features["noun_event"] == 1.0 and features["pos=NOUN"] == 1.0
    assert features["in_quote=True"] == 1.0
    assert features["question=True"] == 1.0
    plain = features_of(nlp, "Troops attacked the village.", "attacked")
    assert plain["Tense=Past"] == 1.0 and plain["score"] == 3.0 and "negated" in plain


@pytest.mark.model
def test_features_read_the_words_just_before_the_token_as_a_bag(nlp):
    features = features_of(nlp, "If the army were ever to launch an offensive , the city would fall .", "offensive")
    before = {name for name in features if name.startswith("before=")}
    assert before == {"before=" + word for word in ("be", "ever", "to", "launch", "an")} | {"before=army"}
    first = features_of(nlp, "Shelling resumed at dawn .", "Shelling")
    assert not any(name.startswith("before=") for name in first)


def example(value, features, keys=(("x",),), sentence=0):
    return factuality_model.Example(value, {"score": 3.0, **features}, keys, sentence)


def test_folds_keep_sentence_blocks_together():
    block = factuality_model.SENTENCES_PER_GROUP
    examples = [example(3.0, {}, sentence=n) for n in range(block * 10)]
    splits = factuality_model.folds(examples, count=5)
    assert len(splits) == 5
    for train, test in splits:
        assert not set(train) & set(test)
        test_blocks = {examples[i].sentence // block for i in test}
        assert not test_blocks & {examples[i].sentence // block for i in train}


def test_linear_mapping_learns_a_cue_word():
    examples = [example(3.0, {"lemma=attack": 1.0}) for _ in range(30)]
    examples += [example(-2.0, {"lemma=attack": 1.0, "neg": 1.0}) for _ in range(30)]
    mapping = factuality_model.LinearMapping(1.0).fit([e.features for e in examples],
                                                      np.array([e.value for e in examples]))
    plain, negated = mapping.predict([{"score": 3.0, "lemma=attack": 1.0},
                                      {"score": 3.0, "lemma=attack": 1.0, "neg": 1.0}])
    assert plain > 2.0 and negated < -1.0


def test_calibration_table_uses_finest_key_with_enough_examples():
    examples = [example(1.0, {}, keys=(("hedge", "VBD"), ("hedge",))) for _ in range(5)]
    examples += [example(2.0, {}, keys=(("hedge", "NN"), ("hedge",))) for _ in range(2)]
    table = factuality_model.CalibrationTable(examples, min_size=5)
    predicted = table.predict([((("hedge", "VBD"), ("hedge",)), 3.0), ((("hedge", "NN"), ("hedge",)), 3.0),
                               ((("other",),), 2.5)])
    assert list(predicted) == [1.0, 1.0, 2.5]


def test_choose_prefers_the_candidate_with_lower_train_error():
    rng = np.random.default_rng(0)
    examples = []
    for n in range(400):
        negated = bool(rng.integers(2))
        features = {"neg": 1.0} if negated else {}
        # one calibration key for all: only the linear model can see the negation
        examples.append(example(-2.0 if negated else 3.0, features, sentence=n))
    choice = factuality_model.choose(examples, min_size=5)
    assert choice.method != "calibration"
    assert choice.cv_mae[choice.method] < choice.cv_mae["calibration"]
    # within the chosen kind of mapping, the strength that cross-validates best
    kind = choice.method.split()[0]
    same_kind = [method for method in choice.cv_mae if method.split()[0] == kind]
    assert choice.cv_mae[choice.method] == min(choice.cv_mae[method] for method in same_kind)


def test_choose_keeps_the_table_when_features_add_nothing():
    rng = np.random.default_rng(1)
    # the value depends on the calibration key alone; the features are noise
    examples = [example(3.0 if n % 3 else 1.0, {f"noise={rng.integers(50)}": 1.0},
                        keys=((("a",) if n % 3 else ("b",)),), sentence=n) for n in range(300)]
    assert factuality_model.choose(examples, min_size=5).method == "calibration"


def test_median_blend_predicts_the_top_where_most_tokens_sit_there():
    examples = [example(3.0, {"lemma=attack": 1.0}) for _ in range(40)]
    examples += [example(2.0, {"lemma=attack": 1.0}) for _ in range(20)]
    examples += [example(-2.0, {"neg": 1.0}) for _ in range(40)]
    mapping = factuality_model.MedianBlendMapping(1.0, 1.0).fit([e.features for e in examples],
                                                                np.array([e.value for e in examples]))
    top, negated = mapping.predict([{"score": 3.0, "lemma=attack": 1.0}, {"score": 3.0, "neg": 1.0}])
    assert top == 3.0 and negated < 0


def test_value_bins_put_only_the_top_in_the_last_bin():
    bins = factuality_model.value_bins(np.array([-3.0, -2.0, 0.5, 2.8, 2.95, 3.0]))
    last = len(factuality_model.VALUE_BIN_EDGES)
    assert list(bins) == [0, 1, 3, last - 1, last, last]


def test_distribution_median_reads_inside_the_crossing_bin():
    bins = len(factuality_model.VALUE_BIN_EDGES) + 1
    all_top = np.zeros(bins)
    all_top[-1] = 1.0
    # exactly half in the lowest bin [-3, -2): the CDF reaches one half at that bin's top
    split = np.zeros(bins)
    split[0], split[6] = 0.5, 0.5
    # a quarter low, the rest in [2.5, 2.9): the median is a third of the way into that bin
    inside = np.zeros(bins)
    inside[0], inside[7] = 0.25, 0.75
    medians = factuality_model.distribution_median(np.array([all_top, split, inside]))
    assert medians[0] == 3.0
    assert abs(medians[1] - -2.0) < 1e-9
    assert abs(medians[2] - (2.5 + 0.4 / 3)) < 1e-9


def test_candidates_come_simplest_first_with_a_blend_per_linear_strength():
    examples = [example(3.0 if n % 2 else 1.0, {"neg": 1.0} if n % 2 == 0 else {}, sentence=n) for n in range(60)]
    predictions = factuality_model._candidate_predictions(examples[:40], examples[40:], min_size=5)
    grid = factuality_model.C_GRID
    assert list(predictions) == (["calibration"] + [f"linear C={c}" for c in grid]
                                 + [f"median-blend C={c} classes_C={factuality_model.CLASSES_C}" for c in grid])
    assert all(len(values) == 20 for values in predictions.values())


def test_ordinal_distribution_gives_bins_that_sum_to_one_and_orders_the_values():
    # low values with "neg", high with "lemma=attack"; no training value below -2, so the lowest edge has one side
    examples = [example(3.0, {"lemma=attack": 1.0}) for _ in range(30)]
    examples += [example(1.2, {"lemma=attack": 1.0}) for _ in range(10)]
    examples += [example(-1.5, {"neg": 1.0}) for _ in range(30)]
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer()
    matrix = factuality_model._int32(vectorizer.fit_transform([e.features for e in examples]))
    distribution = factuality_model.ValueDistribution(1.0).fit(matrix, np.array([e.value for e in examples]))
    assert distribution.above[0] == 1.0  # every value lies above -2: a constant, not a classifier
    probabilities = distribution.probabilities(factuality_model._int32(vectorizer.transform(
        [{"lemma=attack": 1.0}, {"neg": 1.0}])))
    assert np.all(probabilities >= 0) and np.allclose(probabilities.sum(axis=1), 1.0)
    attack, negated = factuality_model.distribution_median(probabilities)
    assert attack == 3.0 and -2.0 <= negated < 0.0


def test_an_emptied_object_and_an_incapacity_are_calibration_classes_of_their_own():
    from bench.adapters.factuality import _deciding_class
    from sitrep.mentions.modality import Modality

    assert _deciding_class(Modality(negated=True, score=0.7, cues=("negated_object",))) == "neg:negated_object"
    assert _deciding_class(Modality(negated=True, score=-1.4, cues=("unable",))) == "neg:unable"
    assert _deciding_class(Modality(negated=True, score=-2.0, cues=("negated",))) == "neg:certain"
