"""Whole-article GVA records: date, place, killed and injured per article, scored by score_gva.py.

Usage: .venv/bin/python bench/gva.py [--limit N] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.adapters import gva  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--out", type=Path, default=None, help="folder for the prediction file")
    args = parser.parse_args(argv)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    print(json.dumps(gva.evaluate(limit=args.limit, out_dir=args.out), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
