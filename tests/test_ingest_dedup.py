"""Duplicate detection: normalised hashes and URLs, MinHash similarity separating copies from other stories."""

from __future__ import annotations

import numpy as np
from fixtures.ingest_inputs import english_article
from hypothesis import given
from hypothesis import strategies as st

from sitrep.ingest.dedup import (
    NEAR_DUPLICATE_THRESHOLD,
    NUM_PERMUTATIONS,
    content_hash,
    lsh_keys,
    minhash_signature,
    normalise_url,
    shingles,
    signature_bytes,
    signature_from_bytes,
    similarity,
)

HEADER_A = "Home | World | Africa\nShare on Facebook  Share on Twitter\nSign up to our morning newsletter\n"
FOOTER_A = "\nRelated: Ministers meet on security\nComments are closed.\nCopyright The Daily Ledger\n"
HEADER_B = "Menu  Search  Subscribe\nAdvertisement\n"
FOOTER_B = "\nMost read: Storms hit the coast\nSupport independent journalism - donate today\n"


def test_content_hash_ignores_whitespace_and_unicode_form():
    assert content_hash("Café  attack\n\n in  town ") == content_hash("Cafe\u0301 attack in town")
    assert content_hash("one story") != content_hash("another story")


def test_normalise_url():
    assert normalise_url("HTTPS://News.Example/a/b/?utm_source=x&id=3#top") == "https://news.example/a/b?id=3"
    assert normalise_url("https://news.example/") == normalise_url("https://news.example")
    assert normalise_url(None) is None


def test_shingles_of_short_text():
    assert shingles("Two words") == {"two words"}
    assert shingles("") == set()
    assert minhash_signature("  ...  ") is None


def test_syndicated_copy_is_near_and_other_stories_are_far():
    body = english_article(42, sentences=8)
    lines = body.splitlines()
    copy_a = HEADER_A + body + FOOTER_A
    # another outlet: new headline, a wire dateline, last sentence cut, different furniture
    copy_b = HEADER_B + "A different headline\n(Wire) - " + "\n".join(lines[1:-1]) + FOOTER_B
    near = similarity(minhash_signature(copy_a), minhash_signature(copy_b))
    assert near >= NEAR_DUPLICATE_THRESHOLD
    others = [similarity(minhash_signature(copy_a), minhash_signature(english_article(i, sentences=8))) for i in range(20)]
    assert max(others) < NEAR_DUPLICATE_THRESHOLD


def test_signatures_are_stable_and_round_trip():
    signature = minhash_signature(english_article(1))
    assert signature.shape == (NUM_PERMUTATIONS,) and signature.dtype == np.uint32
    assert np.array_equal(signature, minhash_signature(english_article(1)))
    assert np.array_equal(signature_from_bytes(signature_bytes(signature)), signature)


def test_identical_texts_share_every_lsh_bucket():
    first, second = minhash_signature(english_article(3)), minhash_signature(english_article(3))
    assert lsh_keys(first) == lsh_keys(second)


@given(st.text(max_size=500), st.text(max_size=500))
def test_similarity_is_a_symmetric_fraction(first, second):
    a, b = minhash_signature(first), minhash_signature(second)
    if a is not None and b is not None:
        assert 0.0 <= similarity(a, b) == similarity(b, a) <= 1.0
