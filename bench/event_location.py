"""Event-location benchmark: event_place on the Halterman (2019) event-location sentences.

Parses each sentence with spaCy, finds its toponyms, asks event_place for the place of the marked verb, writes
{"_id", "location": [start, end] | null} per row and scores it with score_event_location.py (overlap accuracy).

Usage: python bench/event_location.py [--limit N] [--out FILE] [--min-score X]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geo import peak_mb, shared_dir  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    from sitrep.nlp import load_pipeline
    from sitrep.resolve.location import event_place
    from sitrep.resolve.toponyms import find_toponyms

    gold_path = shared_dir() / "data" / "event_location" / "unadjudicated.jsonl"
    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    rows = [row for row in rows if row.get("answer") in (None, "accept")][: args.limit]
    nlp = load_pipeline()
    started = time.perf_counter()
    predictions = []
    with_place = 0
    for row, doc in zip(rows, nlp.pipe((row["text"] for row in rows), batch_size=64)):
        verb = next(span for span in row["spans"] if span["label"] == "VERB")
        place = event_place(doc, verb["start"], verb["end"], find_toponyms(row["text"], doc))
        location = [place.text.start, place.text.end] if place is not None and place.text is not None else None
        with_place += location is not None
        predictions.append({"_id": row["_id"], "location": location})
    elapsed = time.perf_counter() - started
    out = args.out or Path(tempfile.mkdtemp(prefix="sitrep-evloc-")) / "event_location.pred.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for prediction in predictions:
            handle.write(json.dumps(prediction) + "\n")
    scorer = shared_dir() / "eval" / "score_event_location.py"
    result = subprocess.run([sys.executable, str(scorer), str(out), str(gold_path)],
                            capture_output=True, text=True, check=True)
    print(f"rows={len(rows)} predicted_place={with_place} seconds={elapsed:.1f} "
          f"({len(rows) / elapsed:.0f} rows/s incl. spaCy) peak RSS {peak_mb():.0f} MB")
    print(result.stdout.strip())


if __name__ == "__main__":
    main()
