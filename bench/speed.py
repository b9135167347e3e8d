"""Extraction speed against the bare spaCy pipeline on the same articles.

Usage: .venv/bin/python bench/speed.py [-n 1000]
Articles are cycled from shared/data/gva/dev.jsonl and corpus/articles. Prints articles/s for sitrep.extract
and for nlp.pipe alone, their ratio (target >= 0.7) and the peak resident memory in MB.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.adapters.common import REPO_ROOT, extract, read_jsonl, shared_root  # noqa: E402

DEFAULT_ARTICLES = 1000


def article_texts(count: int) -> list[str]:
    """``count`` texts, cycling the GVA dev pages and the repo's corpus articles."""
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((REPO_ROOT / "corpus" / "articles").glob("*.txt"))]
    root = shared_root()
    if root is not None:
        texts += [row["text"] for row in read_jsonl(root / "data" / "gva" / "dev.jsonl")]
    if not texts:
        raise SystemExit("no articles found (corpus/articles is empty and the shared folder is absent)")
    return list(itertools.islice(itertools.cycle(texts), count))


def peak_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(count: int) -> dict:
    from sitrep.nlp import load_pipeline

    texts = article_texts(count)
    nlp = load_pipeline()
    extract(texts[0])  # warm up lazy loaders (model, gazetteer) outside the timing
    started = time.perf_counter()
    for _doc in nlp.pipe(texts):
        pass
    bare = count / (time.perf_counter() - started)
    started = time.perf_counter()
    failures = sum(1 for text in texts if extract(text) is None)
    full = count / (time.perf_counter() - started)
    return {"articles": count, "spacy_articles_per_s": round(bare, 2), "sitrep_articles_per_s": round(full, 2),
            "ratio": round(full / bare, 3), "peak_mb": round(peak_mb(), 1), "pipeline_incomplete": failures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=DEFAULT_ARTICLES, help="number of articles")
    args = parser.parse_args(argv)
    result = measure(args.articles)
    for key, value in result.items():
        print(f"{key:>22}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
