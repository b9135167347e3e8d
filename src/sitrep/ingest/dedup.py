"""Duplicate detection: exact copies are stored once; near copies (syndicated wire stories) are linked.

Corroboration must count independent sources, and one wire story republished by ten outlets is one source.
Exact duplicates (same normalised URL, or the same content after whitespace/Unicode normalisation) are
dropped. Near duplicates — the same body under different headlines, navigation and footers — are kept but
linked to the first copy seen, found with MinHash signatures over word shingles and LSH banding so a new
article is compared only with likely matches.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

# Words per shingle: 5-word shingles make shared phrases ("police said on") rare enough that unrelated
# articles on the same topic overlap little, while a copy with edited furniture keeps most of its shingles.
SHINGLE_WORDS = 5
# MinHash permutations: the Jaccard estimate's standard error is about 1/sqrt(128) = 0.09 at worst (s=0.5).
NUM_PERMUTATIONS = 128
# LSH banding: 42 bands of 3 rows (126 of the 128 minima) flag a pair as a candidate with probability
# 1-(1-s^3)^42: 0.94 at s=0.4, 0.996 at s=0.5, 0.09 at s=0.13 — near pairs are almost always compared,
# unrelated ones rarely; candidates are then checked on the full signature.
LSH_BANDS = 42
LSH_ROWS = 3
# Estimated Jaccard similarity at or above which two articles are the same story. Measured with
# ``bench/ingest.py --measure-dedup`` on ../shared/data/gva/dev.jsonl (real news pages, 701 over 1,000
# characters): among 244,925 pairs reporting different incidents the highest score was 0.133 (one exact
# re-publication aside; 99.99th percentile 0.055). 701 simulated syndications (the body under another
# outlet's furniture, a new headline, a wire dateline, the last and one middle paragraph cut) scored median
# 0.77, with 99.4 % >= 0.3, 98.3 % >= 0.4, 95.4 % >= 0.5. Same-incident pairs that scored 0.42-0.75 were
# all one outlet's updated versions or another station republishing it — one source, to be linked.
# 0.4 is three times the highest unrelated score and keeps 98 % of syndicated copies.
NEAR_DUPLICATE_THRESHOLD = 0.4

_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_RANDOM = np.random.RandomState(20240601)  # fixed: signatures must be comparable across runs and machines
_PERM_A = _RANDOM.randint(1, (1 << 61) - 1, size=NUM_PERMUTATIONS, dtype=np.uint64)
_PERM_B = _RANDOM.randint(0, (1 << 61) - 1, size=NUM_PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_WHITESPACE = re.compile(r"\s+")
_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$)")


def normalise_text(text: str) -> str:
    """Text as compared for exact duplicates: Unicode NFC, whitespace collapsed, trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for copies that differ only in whitespace or Unicode form."""
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def normalise_url(url: str | None) -> str | None:
    """A URL as compared for duplicates: lower-case scheme and host, no fragment, no tracking parameters."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word runs in ``text`` (lower-cased words); short texts give one shingle."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash_signature(text: str) -> np.ndarray | None:
    """A NUM_PERMUTATIONS-long uint32 MinHash signature of the text's shingles (None for a text with no words)."""
    shingle_set = shingles(text)
    if not shingle_set:
        return None
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "little") for s in shingle_set),
        dtype=np.uint64,
        count=len(shingle_set),
    )
    # Universal hashing a*x+b mod p, one row per permutation; uint64 products wrap, as in datasketch — the
    # family stays close enough to min-wise independent for Jaccard estimates.
    with np.errstate(over="ignore"):
        permuted = ((np.outer(hashes, _PERM_A) + _PERM_B) % _MERSENNE_PRIME) & _MAX_HASH
    return permuted.min(axis=0).astype(np.uint32)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of permutations whose minima agree."""
    return float(np.count_nonzero(first == second)) / len(first)


def lsh_keys(signature: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs for LSH lookup: two signatures sharing any pair are candidate near duplicates."""
    keys = []
    for band in range(LSH_BANDS):
        rows = signature[band * LSH_ROWS : (band + 1) * LSH_ROWS].tobytes()
        bucket = int.from_bytes(hashlib.blake2b(rows, digest_size=8).digest(), "little", signed=True)
        keys.append((band, bucket))
    return keys


def signature_bytes(signature: np.ndarray) -> bytes:
    """A signature as stored in SQLite (little-endian uint32)."""
    return signature.astype("<u4").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    """The inverse of :func:`signature_bytes`."""
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
