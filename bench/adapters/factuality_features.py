"""Features of one annotated event token for the learned factuality mapping (bench/adapters/factuality_model.py).

The package's own reading (``sitrep.mentions.modality``: cue classes, stance, hedge, negation, irrealis kind and
the cue words) plus what the spaCy parse says around the token: its word, tag and morphology, the auxiliaries,
modals, negations and subordinators on it and on each verb that governs it up to the root, the lemmas of those
governors ("want", "plan", "said", "deny", "if"), whether it sits in a question, a quotation or a conditional,
its neighbours, and the bag of lemmas just before it (a modal, "to", "if" or "not" a few words back that the
small model's parse attaches elsewhere still reaches the token). Every feature is a name (a one-hot) or a name
with a small number; the model decides their weights on the *train* split only.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

# How many governing words above the event token are read (root included); deeper chains are rare.
MAX_ANCESTORS = 5
# Neighbouring words read on each side of the event token.
WINDOW = 2
# Words before the event token read as an unordered bag of lemmas. UW train 5-fold CV of the median blend: MAE
# 0.3309 without the bag, 0.3273 / 0.3270 / 0.3274 / 0.3279 with 4 / 6 / 8 / 12 words.
CONTEXT_WORDS = 6
# Quotation marks as the corpora's tokenisers write them.
QUOTES = frozenset({'"', "``", "''", "“", "”"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
PERSON_PRONOUNS = {"i": "1", "we": "1", "me": "1", "us": "1", "you": "2", "he": "3", "she": "3", "they": "3",
                   "it": "3"}


@functools.lru_cache(maxsize=1)
def _governor_words() -> dict[str, frozenset[str]]:
    """The package's governing-word classes (rules/modality.toml [governors]), read once."""
    with resources.files("sitrep.rules").joinpath("modality.toml").open("rb") as handle:
        rules = tomllib.load(handle)
    return {name: frozenset(words) for name, words in rules["governors"].items()}


def _lemma(token) -> str:
    return (token.lemma_ or token.text).lower()


def _bucket(number: int, edges=(0, 1, 2, 3, 5, 8)) -> str:
    """A small count as a coarse bucket name, so the linear model sees it as a one-hot."""
    for edge in edges:
        if number <= edge:
            return str(edge)
    return f">{edges[-1]}"


def reading_features(mood) -> dict[str, float]:
    """The package's modality reading: cue classes, negation, hedge, irrealis kind, the words that made them."""
    features = {"score": mood.score, f"score={mood.score:.1f}": 1.0}
    features["negated"] = float(mood.negated)
    if mood.hypothetical:
        features[f"irrealis={mood.hypothetical}"] = 1.0
        if mood.hypothetical_cue is not None:
            features[f"irrealis_cue={mood.hypothetical_cue.text.lower()}"] = 1.0
    if mood.hedge is not None:
        features["hedged"] = 1.0
        features[f"hedge_cue={mood.hedge.text.lower()}"] = 1.0
    if mood.negation is not None:
        features[f"negation_cue={mood.negation.text.lower()}"] = 1.0
    for cue in mood.cues:
        features[f"cue={cue}"] = 1.0
    if mood.cues:
        features[f"first_cue={mood.cues[0]}"] = 1.0
    return features


def _children_features(token, prefix: str, features: dict[str, float]) -> None:
    """Auxiliaries, modals, negations, subordinators and adverbs hanging on ``token``."""
    for child in token.children:
        dep = child.dep_
        if dep in ("aux", "auxpass"):
            features[f"{prefix}aux={child.lower_}"] = 1.0
            if child.tag_ == "MD":
                features[f"{prefix}modal"] = 1.0
        elif dep == "neg":
            features[f"{prefix}neg"] = 1.0
        elif dep == "mark":
            features[f"{prefix}mark={child.lower_}"] = 1.0
        elif dep in ("advmod", "npadvmod") and child.pos_ == "ADV":
            features[f"{prefix}advmod={child.lower_}"] = 1.0
        elif dep == "det":
            features[f"{prefix}det={child.lower_}"] = 1.0
        elif dep == "amod" and prefix == "":
            features[f"amod={_lemma(child)}"] = 1.0
        elif dep == "prt":
            features[f"{prefix}prt={child.lower_}"] = 1.0
        elif dep in SUBJECT_DEPS:
            features[f"{prefix}subj_dep={dep}"] = 1.0
            person = PERSON_PRONOUNS.get(child.lower_)
            features[f"{prefix}subj_person={person or child.pos_}"] = 1.0
        elif dep == "agent":
            features[f"{prefix}agent"] = 1.0


def _morphology(token, prefix: str, features: dict[str, float]) -> None:
    for key in ("Tense", "Aspect", "VerbForm", "Mood", "Number", "Person"):
        for value in token.morph.get(key):
            features[f"{prefix}{key}={value}"] = 1.0


def _in_quotation(token) -> bool:
    """An odd number of quotation marks before the token in its sentence: it sits inside a quote."""
    sent = token.sent
    return sum(1 for t in sent[: token.i - sent.start] if t.text in QUOTES) % 2 == 1


def _governor_class(lemma: str) -> str | None:
    return next((name for name, words in _governor_words().items() if lemma in words), None)


def token_features(doc, index: int, mood) -> dict[str, float]:
    """Every feature of the event token ``doc[index]`` (``mood`` is the package's modality reading of it)."""
    token = doc[index]
    features = {"bias": 1.0, **reading_features(mood)}
    lemma = _lemma(token)
    features[f"lemma={lemma}"] = 1.0
    features[f"lower={token.lower_}"] = 1.0
    features[f"pos={token.pos_}"] = 1.0
    features[f"tag={token.tag_}"] = 1.0
    features[f"dep={token.dep_}"] = 1.0
    features[f"tag_dep={token.tag_}|{token.dep_}"] = 1.0
    features[f"suffix={token.lower_[-3:]}"] = 1.0
    features["noun_event"] = float(token.pos_ in ("NOUN", "PROPN"))
    features["capitalised"] = float(token.text[:1].isupper() and token.i > token.sent.start)
    _morphology(token, "", features)
    _children_features(token, "", features)
    sent = token.sent
    features[f"question={sent[-1].text == '?' or (len(sent) > 1 and sent[-2].text == '?')}"] = 1.0
    features[f"in_quote={_in_quotation(token)}"] = 1.0
    features[f"sentence_has_quote={any(t.text in QUOTES for t in sent)}"] = 1.0
    features[f"position={_bucket(token.i - sent.start, (0, 2, 5, 10, 20))}"] = 1.0
    for offset in range(1, WINDOW + 1):
        before = doc[token.i - offset] if token.i - offset >= sent.start else None
        after = doc[token.i + offset] if token.i + offset < sent.end else None
        features[f"left{offset}={before.lower_ if before is not None else '<s>'}"] = 1.0
        features[f"right{offset}={after.lower_ if after is not None else '</s>'}"] = 1.0
    for word in doc[max(sent.start, token.i - CONTEXT_WORDS): token.i]:
        features[f"before={_lemma(word)}"] = 1.0
    _ancestor_features(token, features)
    return features


def _ancestor_features(token, features: dict[str, float]) -> None:
    """The chain of governing words up to the root: their lemmas, classes, modals, negations and the path."""
    current, path, negations = token, [], 0
    for depth in range(1, MAX_ANCESTORS + 1):
        head = current.head
        if head.i == current.i:
            break
        path.append(current.dep_)
        lemma = _lemma(head)
        prefix = f"a{depth}_" if depth <= 2 else "a_"
        features[f"{prefix}lemma={lemma}"] = 1.0
        features[f"{prefix}pos={head.pos_}"] = 1.0
        features[f"{prefix}via={current.dep_}"] = 1.0
        features[f"anc_lemma={lemma}"] = 1.0
        kind = _governor_class(lemma)
        if kind is not None:
            features[f"anc_class={kind}"] = 1.0
            if depth == 1:
                features[f"a1_class={kind}"] = 1.0
        _children_features(head, "anc_", features)
        if depth == 1:
            _morphology(head, "a1_", features)
            _children_features(head, "a1_", features)
        if any(c.dep_ == "neg" for c in head.children):
            negations += 1
        current = head
    features[f"depth={_bucket(len(path))}"] = 1.0
    features[f"path={'/'.join(path[:3])}"] = 1.0
    features[f"negations_above={_bucket(negations, (0, 1))}"] = 1.0
    for conj in (token.head,) if token.dep_ == "conj" else ():
        features[f"conj_head_lemma={_lemma(conj)}"] = 1.0
