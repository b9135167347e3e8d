"""Ingest throughput and memory, and the near-duplicate threshold measurement.

    .venv/bin/python bench/ingest.py                      # WARC.gz of 500 generated pages, with and without extraction
    .venv/bin/python bench/ingest.py --pages 2000 --source gva   # pages built from ../shared/data/gva/dev.jsonl texts
    .venv/bin/python bench/ingest.py --warc crawl.warc.gz # your own WARC
    .venv/bin/python bench/ingest.py --measure-dedup      # the numbers behind dedup.NEAR_DUPLICATE_THRESHOLD

Each mode runs in its own child process so "peak MB" is that run's peak resident memory. The WARC is built in
a temporary folder, never in the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_folder() -> Path:
    """SITREP_SHARED, else <repo>/../shared, else /work/shared."""
    for candidate in (os.environ.get("SITREP_SHARED"), REPO.parent / "shared", "/work/shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    raise SystemExit("shared data folder not found; set SITREP_SHARED")


def generated_pages(count: int) -> list[tuple[str, str]]:
    sys.path.insert(0, str(REPO / "tests"))  # the tests' article generator: our own words, no data files
    from fixtures.ingest_inputs import english_article, html_page

    return [(f"https://bench.example/{i}", html_page(f"Story {i}", english_article(i, sentences=12))) for i in range(count)]


def gva_pages(count: int) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in (shared_folder() / "data" / "gva" / "dev.jsonl").open(encoding="utf-8")]
    pages = []
    for i in range(count):
        row = rows[i % len(rows)]
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
        title = html.escape(row.get("title") or "")
        page = (f'<html lang="en"><head><title>{title}</title><meta name="date" content="{row.get("dct", "")}"></head>'
                f"<body><nav>Home | Local | Sport</nav><article><h1>{title}</h1>{paragraphs}</article></body></html>")
        pages.append((f"https://gva.example/{i}", page))
    return pages


def build_warc(pages: list[tuple[str, str]], path: Path) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from fixtures.ingest_inputs import warc_bytes

    path.write_bytes(warc_bytes(pages))


def run_mode(warc: str, extract: bool) -> dict:
    """Ingest ``warc`` into a fresh database in this process; time, counts and peak RSS."""
    from sitrep.ingest import ingest
    from sitrep.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with open_store(Path(folder) / "bench.db") as store:
            summary = ingest([warc], store, extract=extract)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"extract": extract, "seconds": seconds, "read": summary.read, "ingested": summary.ingested,
            "near_duplicates": summary.near_duplicates, "rejected": dict(summary.rejected),
            "per_second": summary.read / seconds if seconds else 0.0, "peak_mb": peak_mb}


def measure_dedup() -> None:
    """Similarity of distinct real news pages vs simulated syndicated copies (see dedup.py's threshold note)."""
    import numpy as np

    from sitrep.ingest.dedup import minhash_signature, similarity

    rows = [json.loads(line) for line in (shared_folder() / "data" / "gva" / "dev.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if len(r["text"]) >= 1000]
    signatures = np.stack([minhash_signature(r["text"]) for r in rows])
    different, same = [], []
    for i in range(len(rows)):
        scores = (signatures[i + 1 :] == signatures[i]).mean(axis=1)
        for j, score in enumerate(scores, start=i + 1):
            (same if rows[i]["incident_id"] == rows[j]["incident_id"] else different).append(score)
    different, same = np.array(different), np.array(same)
    print(f"pages >= 1000 chars: {len(rows)}")
    print(f"different incidents: {len(different)} pairs, max {different.max():.3f}, "
          f"second highest {np.sort(different)[-2]:.3f}, 99.99th pct {np.percentile(different, 99.99):.3f}")
    print(f"same incident: {len(same)} pairs, scores >= 0.2: {sorted((round(float(s), 2) for s in same if s >= 0.2), reverse=True)}")
    furniture_a = ["Home | World | Opinion", "Share on Facebook  Share on Twitter", "Sign up to our newsletter"]
    furniture_b = ["Menu  Search  Subscribe", "Advertisement", "Support independent journalism - donate today"]
    rng = random.Random(1)
    copies = []
    for row in rows:
        paragraphs = [p for p in row["text"].split("\n") if p.strip()]
        first = "\n".join(furniture_a + paragraphs + ["Comments are closed."])
        edited = paragraphs[:]
        if len(edited) > 4:
            edited = edited[:-1]
            del edited[rng.randrange(1, len(edited) - 1)]
        second = "\n".join(furniture_b + ["A different headline", "(Wire) - " + edited[0]] + edited[1:])
        copies.append(similarity(minhash_signature(first), minhash_signature(second)))
    copies = np.array(copies)
    print(f"simulated syndications: {len(copies)}, median {np.median(copies):.3f}, 5th pct {np.percentile(copies, 5):.3f}, "
          + ", ".join(f">= {t}: {(copies >= t).mean():.1%}" for t in (0.3, 0.4, 0.5, 0.6)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warc", help="an existing WARC(.gz) to ingest instead of a generated one")
    parser.add_argument("--pages", type=int, default=500, help="pages in the generated WARC (default 500)")
    parser.add_argument("--source", choices=["generated", "gva"], default="generated", help="text of the generated pages")
    parser.add_argument("--modes", default="no-extract,extract", help="comma-separated: no-extract, extract")
    parser.add_argument("--measure-dedup", action="store_true", help="print the near-duplicate threshold measurement")
    parser.add_argument("--child", choices=["no-extract", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_dedup:
        measure_dedup()
        return
    if args.child:
        print(json.dumps(run_mode(args.warc, extract=args.child == "extract")))
        return
    with tempfile.TemporaryDirectory() as folder:
        warc = args.warc
        if warc is None:
            warc = str(Path(folder) / "bench.warc.gz")
            pages = gva_pages(args.pages) if args.source == "gva" else generated_pages(args.pages)
            build_warc(pages, Path(warc))
        print(f"input: {warc} ({os.path.getsize(warc) / 1e6:.1f} MB)")
        for mode in args.modes.split(","):
            child = subprocess.run([sys.executable, __file__, "--warc", warc, "--child", mode], capture_output=True, text=True)
            if child.returncode != 0:
                print(f"{mode}: failed\n{child.stderr[-2000:]}")
                continue
            result = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"{mode:>10}: {result['read']} read, {result['ingested']} ingested, {result['near_duplicates']} near-dup, "
                  f"rejected {result['rejected']}; {result['seconds']:.1f} s, {result['per_second']:.1f} articles/s, "
                  f"peak {result['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
