"""What every adapter needs: where the shared folder is, how to run a scorer, and how to parse its output."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# Scorers print one result object; a bench run that takes longer than this is stuck, not slow.
SCORER_TIMEOUT_SECONDS = 600


def shared_root() -> Path | None:
    """The shared data/eval folder: $SITREP_SHARED, else <repo>/../shared, else /work/shared; None if absent."""
    candidates = []
    if os.environ.get("SITREP_SHARED"):
        candidates.append(Path(os.environ["SITREP_SHARED"]))
    candidates += [REPO_ROOT.parent / "shared", Path("/work/shared")]
    for candidate in candidates:
        if (candidate / "data").is_dir() and (candidate / "eval").is_dir():
            return candidate
    return None


def require_shared() -> Path:
    root = shared_root()
    if root is None:
        raise SystemExit("shared data not found: set SITREP_SHARED to the folder holding data/ and eval/")
    return root


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def write_jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def scoring_files(name: str, gold_file: Path, rows: list[dict], limit: int | None,
                  out_dir: Path | None) -> tuple[Path, Path]:
    """(folder for predictions, gold file to score against) for a JSON Lines data set: with ``limit`` the gold is
    trimmed to the rows read, so the scorer does not count the unread ones as misses."""
    out_dir = out_dir or Path(tempfile.mkdtemp(prefix=f"sitrep-{name}-"))
    if limit is not None:
        gold_file = out_dir / f"{name}.gold.jsonl"
        write_jsonl(gold_file, rows)
    return out_dir, gold_file


def run_scorer(script: str, *args: str | Path) -> dict:
    """Run ``<shared>/eval/<script>`` and parse the dict or JSON object it prints."""
    root = require_shared()
    command = [sys.executable, str(root / "eval" / script), *map(str, args)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=SCORER_TIMEOUT_SECONDS, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{script} failed: {completed.stderr.strip()[-2000:]}")
    return parse_scorer_output(completed.stdout)


def parse_scorer_output(text: str) -> dict:
    """Scorers print either JSON or a Python dict literal; accept both."""
    text = text.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return ast.literal_eval(text.splitlines()[-1])


def extract(text: str, **metadata):
    """``sitrep.extract`` on one text; failures propagate, so a broken stage shows up as an error, not a score."""
    import sitrep

    return sitrep.extract(text, **metadata)


def main_event(extraction):
    """The article's main event: the first foreground event, else the first event; None when there is none."""
    if extraction is None or not extraction.events:
        return None
    foreground = [event for event in extraction.events if not event.background]
    return (foreground or list(extraction.events))[0]
