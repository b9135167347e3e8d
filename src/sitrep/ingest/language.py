"""Language check before extraction: sitrep's rules and model are English-only, so other languages are refused.

langdetect is probabilistic; it is seeded so the same text always gets the same answer. On short text it
guesses wildly ("Reuters" comes out German), so a document is only refused when the text is long enough and
the guess confident; otherwise it passes (a wrongly kept document costs an extraction; a wrongly dropped one
is lost).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..model import Origin, Rejected

ENGLISH = "en"
# Below this many characters a guess is not trusted. Measured on the first N characters of 385 real English
# news pages (../shared/data/gva/dev.jsonl): non-English guesses at 30 chars 61, at 60 chars 6, at 100 chars 1,
# at 150 chars and above 0. 200 leaves a margin.
MIN_CHARS_FOR_LANGUAGE = 200
# A non-English guess must be at least this probable to reject (same measurement: the rare wrong guesses on
# short English text came with lower probabilities; real French/Spanish articles score above 0.99).
MIN_REJECT_PROBABILITY = 0.90
# langdetect's cost grows with length; the opening of an article decides its language.
LANGUAGE_SAMPLE_CHARS = 5000


@dataclass(frozen=True)
class LanguageGuess:
    """langdetect's best guess for a text, and whether it is solid enough to act on."""

    language: str | None
    probability: float
    reliable: bool


@functools.lru_cache(maxsize=1)
def _seeded_detector():
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of ``text``; ``reliable`` is False for short text or a low-probability guess."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text.strip()[:LANGUAGE_SAMPLE_CHARS]
    try:
        guesses = _seeded_detector()(sample)
    except LangDetectException:
        return LanguageGuess(None, 0.0, False)
    best = guesses[0]
    reliable = len(sample) >= MIN_CHARS_FOR_LANGUAGE and best.prob >= MIN_REJECT_PROBABILITY
    return LanguageGuess(best.lang, float(best.prob), reliable)


def check_language(text: str, origin: Origin) -> Rejected | None:
    """A rejection when ``text`` is reliably not English; None when it is English or too short to tell."""
    return language_rejection(detect_language(text), origin)


def language_rejection(guess: LanguageGuess, origin: Origin) -> Rejected | None:
    """The rejection a guess calls for: only a reliable non-English guess rejects."""
    if guess.reliable and guess.language != ENGLISH:
        return Rejected("language", "not_english", origin, f"detected: {guess.language} (p={guess.probability:.2f})")
    return None
