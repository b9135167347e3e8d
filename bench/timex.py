"""Benchmark sitrep's time expressions on TimeBank: span P/R/F1, TIMEX3 value accuracy, expressions/second.

Runs ``find_time_expressions`` on every document of the shared TimeBank file (document date = publication
date), writes predictions in the format ``score_timex.py`` reads, and runs that scorer unchanged.

    .venv/bin/python bench/timex.py [--errors N]

The gold data stays in the shared folder (env SITREP_SHARED, else <repo>/../shared, else /work/shared).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from sitrep.resolve.dates import find_time_expressions

REPO = Path(__file__).resolve().parents[1]
TIMEX_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def shared_folder() -> Path:
    """Where the shared gold data and scorers live."""
    for candidate in (os.environ.get("SITREP_SHARED"), REPO.parent / "shared", "/work/shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    sys.exit("shared folder not found: set SITREP_SHARED")


def predict(documents: list[dict]) -> tuple[list[dict], int, float]:
    """Predictions per document in the scorer's format, the number of expressions, and seconds spent."""
    predictions, count, started = [], 0, time.perf_counter()
    for document in documents:
        published = date.fromisoformat(document["dct"][:10])
        expressions = find_time_expressions(document["text"], published)
        count += len(expressions)
        predictions.append({
            "doc_id": document["doc_id"],
            "timexes": [
                {"start": e.start, "end": e.end, "type": TIMEX_TYPES[e.kind], "value": e.timex_value, "text": e.text}
                for e in expressions
            ],
        })
    return predictions, count, time.perf_counter() - started


def value_errors(documents: list[dict], predictions: list[dict]) -> Counter:
    """(gold text, gold value, predicted value) for overlapping spans whose values differ, to tune by class."""
    errors: Counter = Counter()
    by_id = {p["doc_id"]: p["timexes"] for p in predictions}
    for document in documents:
        for gold in document["timexes"]:
            for pred in by_id[document["doc_id"]]:
                if pred["start"] < gold["end"] and gold["start"] < pred["end"]:
                    if pred["value"] != gold["value"]:
                        errors[(gold["text"], gold["value"], pred["text"], pred["value"], document["dct"][:10])] += 1
                    break
            else:
                errors[(gold["text"], gold["value"], "MISSED", "", "")] += 1
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print the N most common value errors and misses")
    args = parser.parse_args()
    shared = shared_folder()
    gold_path = shared / "data" / "timex" / "timebank.jsonl"
    documents = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    predictions, count, seconds = predict(documents)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for prediction in predictions:
            handle.write(json.dumps(prediction) + "\n")
        pred_path = handle.name
    try:
        scored = subprocess.run(
            [sys.executable, str(shared / "eval" / "score_timex.py"), str(gold_path), pred_path],
            capture_output=True, text=True, check=True,
        )
    finally:
        os.unlink(pred_path)
    scores = json.loads(scored.stdout)
    print(json.dumps(scores))
    strict, relaxed = scores["strict"], scores["relaxed"]
    print(f"strict span  P {strict['P']:.3f} R {strict['R']:.3f} F1 {strict['F1']:.3f}")
    print(f"relaxed span P {relaxed['P']:.3f} R {relaxed['R']:.3f} F1 {relaxed['F1']:.3f}")
    print(f"type accuracy {scores['type_acc']}  value accuracy {scores['value_acc']}  value F1 {scores['value_F1']}")
    print(f"{count} expressions in {len(documents)} documents, {seconds:.2f} s, {count / seconds:.0f} expressions/s")
    if args.errors:
        for (text, gold, pred_text, pred, dct), n in value_errors(documents, predictions).most_common(args.errors):
            print(f"{n:3d}  {text!r} gold={gold}  pred={pred_text!r}={pred}  dct={dct}")


if __name__ == "__main__":
    main()
