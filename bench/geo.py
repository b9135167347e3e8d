"""Geoparsing benchmark: find_toponyms on the LGL, TR-News and GeoVirus development corpora.

Writes predictions in the format score_geo.py reads, runs that scorer, and prints detection P/R/F1, accuracy
within 161 km and median error per corpus, plus speed, gazetteer load/build time and peak memory.
Reference (Mordecai 3): acc@161 km LGL 0.827, TR-News 0.873.

Usage: python bench/geo.py [--corpus LGL] [--no-spacy] [--limit N] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPORA = ("LGL", "TR-News", "GeoVirus")


def shared_dir() -> Path:
    """The shared data folder: $SITREP_SHARED, else <repo>/../shared, else /work/shared."""
    configured = os.environ.get("SITREP_SHARED")
    if configured:
        return Path(configured)
    sibling = Path(__file__).resolve().parents[2] / "shared"
    return sibling if sibling.exists() else Path("/work/shared")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parse_documents(texts: list[str], use_spacy: bool):
    if not use_spacy:
        return [None] * len(texts)
    from sitrep.nlp import load_pipeline

    nlp = load_pipeline()
    return list(nlp.pipe(texts, batch_size=16))


def run_corpus(name: str, use_spacy: bool, limit: int | None, out_dir: Path) -> dict:
    from sitrep.resolve.toponyms import find_toponyms

    gold_path = shared_dir() / "data" / "geo" / f"{name}.jsonl"
    documents = [json.loads(line) for line in gold_path.open(encoding="utf-8")][:limit]
    texts = [document["text"] for document in documents]
    started = time.perf_counter()
    docs = parse_documents(texts, use_spacy)
    parsed = time.perf_counter()
    predictions = []
    count = 0
    for document, doc in zip(documents, docs):
        toponyms = find_toponyms(document["text"], doc)
        count += len(toponyms)
        predictions.append({
            "doc_id": document["doc_id"],
            "toponyms": [{"start": t.start, "end": t.end,
                          "lat": t.chosen.lat if t.chosen else None,
                          "lon": t.chosen.lon if t.chosen else None} for t in toponyms],
        })
    finished = time.perf_counter()
    prediction_path = out_dir / f"geo-{name}.pred.jsonl"
    with prediction_path.open("w", encoding="utf-8") as handle:
        for prediction in predictions:
            handle.write(json.dumps(prediction) + "\n")
    gold_for_scoring = gold_path
    if limit:
        gold_for_scoring = out_dir / f"geo-{name}.gold-subset.jsonl"
        with gold_for_scoring.open("w", encoding="utf-8") as handle:
            for document in documents:
                handle.write(json.dumps(document) + "\n")
    scorer = shared_dir() / "eval" / "score_geo.py"
    result = subprocess.run([sys.executable, str(scorer), str(gold_for_scoring), str(prediction_path)],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    if limit:
        gold_for_scoring.unlink()
    return {"corpus": name, "docs": len(documents), "toponyms": count, "scores": scores,
            "spacy_seconds": round(parsed - started, 1), "toponym_seconds": round(finished - parsed, 2),
            "toponyms_per_second": round(count / max(finished - parsed, 1e-9))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=CORPORA)
    parser.add_argument("--no-spacy", action="store_true", help="detect from text alone (no spaCy Doc)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="folder for prediction files (default: temp)")
    args = parser.parse_args()

    from sitrep.resolve import gazetteer

    path = gazetteer.gazetteer_path()
    build_seconds = None
    if not path.exists():
        started = time.perf_counter()
        gazetteer.build_gazetteer(path)
        build_seconds = round(time.perf_counter() - started, 1)
    memory_before = peak_mb()
    started = time.perf_counter()
    loaded = gazetteer.load_gazetteer()
    loaded.lookup("Damascus")  # load time includes the first query (SQLite opens lazily)
    load_seconds = time.perf_counter() - started
    print(f"gazetteer: {path} ({path.stat().st_size / 1e6:.1f} MB, {loaded.stats()}); "
          f"build {build_seconds if build_seconds is not None else 'cached'} s; load {load_seconds * 1000:.1f} ms; "
          f"peak RSS before/after load {memory_before:.0f}/{peak_mb():.0f} MB")
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="sitrep-geo-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in args.corpus or CORPORA:
        report = run_corpus(name, not args.no_spacy, args.limit, out_dir)
        tagging = report["scores"]["geotagging"]
        coding = report["scores"]["geocoding_on_matched"]
        print(f"{name:9s} docs={report['docs']:4d} P={tagging['P']:.3f} R={tagging['R']:.3f} F1={tagging['F1']:.3f} "
              f"acc@161={coding['acc_at_161km']} median_km={coding['median_km']} n={coding['n']} "
              f"end2end@161={report['scores']['end_to_end_acc_at_161km_over_all_gold_with_coords']} "
              f"toponyms/s={report['toponyms_per_second']} (spaCy {report['spacy_seconds']} s)")
    print(f"peak RSS {peak_mb():.0f} MB; predictions in {out_dir}")


if __name__ == "__main__":
    main()
