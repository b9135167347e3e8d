"""How well the clean stage separates article text from page furniture, and how fast.

Run:  .venv/bin/python bench/cleaning.py [--repeat N] [--json]

Prints, over the labelled pages in tests/data/boilerplate/ (format in that folder's README.md):
- line-level boilerplate precision / recall / F1 (boilerplate is the positive class): a labelled line counts as
  predicted boilerplate when clean() keeps none of it in the body and it is not the headline or standfirst;
- headline and standfirst accuracy (exact line, or both absent);
- on the small HTML pages in tests/data/boilerplate/html/, token-level recall / precision of the known body
  text, for sitrep's clean() and for trafilatura.extract() alone;
- pages per second for plain-text and HTML cleaning;
- on the real scraped news pages of the shared GVA set (``<shared>/data/gva/dev.jsonl``, read in place, never
  copied; skipped when absent): pages rejected by reason, share of characters removed, removals per rule and
  pages per second. There are no line labels there; it shows what the rules do on text they were not written
  from;
- on furniture-free news text in the shared folder (MUC-4 hard-wrapped wire copy, TimeBank, the geoparsing
  corpora): the share of characters clean() removes — nearly all of it would be a false removal.
tests/test_clean.py pins floors on these numbers via :func:`measure`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "boilerplate"
LABELS = {"T": "title", "S": "standfirst", "K": "keep", "B": "boilerplate"}
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class LabelledPage:
    """A page's text as clean() sees it, plus (start, end, label) for every non-empty line."""

    name: str
    text: str
    lines: tuple[tuple[int, int, str], ...]


def load_labelled(path: Path) -> LabelledPage:
    """Read a ``L|text`` labelled page: the labels come off, the text is what a scrape would give."""
    out_lines, spans, offset = [], [], 0
    for number, raw_line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw_line.strip():
            out_lines.append("")
            offset += 1
            continue
        label, sep, content = raw_line.partition("|")
        if not sep or label not in LABELS:
            raise ValueError(f"{path}:{number}: line must start with one of {sorted(LABELS)} and '|'")
        out_lines.append(content)
        spans.append((offset, offset + len(content), label))
        offset += len(content) + 1
    return LabelledPage(path.stem, "\n".join(out_lines), tuple(spans))


def labelled_pages(folder: Path = DATA) -> list[LabelledPage]:
    return [load_labelled(path) for path in sorted(folder.glob("*.txt"))]


def _overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


def predicted_labels(page: LabelledPage, article) -> list[str]:
    """What clean() made of each labelled line: T, S, K (some of it in the body) or B (all of it dropped)."""
    kept = [(seg.source_start, seg.source_start + seg.length) for seg in article.segments]
    labels = []
    for start, end, _gold in page.lines:
        if article.title and _overlaps(start, end, [(article.title.start, article.title.end)]):
            labels.append("T")
        elif article.standfirst and _overlaps(start, end, [(article.standfirst.start, article.standfirst.end)]):
            labels.append("S")
        elif _overlaps(start, end, kept):
            labels.append("K")
        else:
            labels.append("B")
    return labels


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def measure_lines(pages: list[LabelledPage], *, show_errors: bool = False) -> dict:
    """Line-level boilerplate P/R/F1 and headline/standfirst accuracy over labelled pages."""
    from sitrep.clean import clean
    from sitrep.model import Origin, RawDocument

    tp = fp = fn = 0
    title_ok = standfirst_ok = 0
    errors = []
    for page in pages:
        article = clean(RawDocument(page.text, Origin("file", page.name)))
        predicted = predicted_labels(page, article)
        for (start, end, gold), guess in zip(page.lines, predicted):
            gold_b, guess_b = gold == "B", guess == "B"
            tp += gold_b and guess_b
            fp += guess_b and not gold_b
            fn += gold_b and not guess_b
            if gold_b != guess_b:
                errors.append(f"{page.name}: gold {gold} got {guess}: {page.text[start:end][:90]}")
        gold_title = [page.text[s:e] for s, e, g in page.lines if g == "T"]
        gold_stand = [page.text[s:e] for s, e, g in page.lines if g == "S"]
        title_ok += gold_title == ([article.title.text] if article.title else [])
        standfirst_ok += gold_stand == ([article.standfirst.text] if article.standfirst else [])
        if gold_title != ([article.title.text] if article.title else []):
            errors.append(f"{page.name}: title {article.title and article.title.text!r} want {gold_title}")
        if gold_stand != ([article.standfirst.text] if article.standfirst else []):
            errors.append(f"{page.name}: standfirst {article.standfirst and article.standfirst.text!r} want {gold_stand}")
    result = _prf(tp, fp, fn)
    result.update(pages=len(pages), title_accuracy=title_ok / len(pages), standfirst_accuracy=standfirst_ok / len(pages))
    if show_errors:
        result["errors"] = errors
    return result


def _tokens(text: str) -> Counter:
    return Counter(token.casefold() for token in _TOKEN.findall(text))


def _token_scores(predicted: Counter, gold: Counter) -> tuple[int, int, int]:
    overlap = sum((predicted & gold).values())
    return overlap, sum(predicted.values()), sum(gold.values())


def html_pages(folder: Path = DATA / "html") -> list[tuple[str, str, str]]:
    """(name, html, known body text) for each HTML page with a ``.body.txt`` beside it."""
    return [
        (path.stem, path.read_text(encoding="utf-8"), path.with_suffix(".body.txt").read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.html"))
    ]


def measure_html(pages: list[tuple[str, str, str]]) -> dict:
    """Token-level recall/precision of the known body text: clean() body vs trafilatura.extract alone."""
    import trafilatura

    from sitrep.clean import clean
    from sitrep.model import Origin, RawDocument

    totals = {"clean": [0, 0, 0], "trafilatura": [0, 0, 0]}
    for name, html, body in pages:
        gold = _tokens(body)
        article = clean(RawDocument(html, Origin("file", name), media_type="text/html"))
        alone = trafilatura.extract(html, include_comments=False) or ""
        for system, text in (("clean", article.body), ("trafilatura", alone)):
            for i, value in enumerate(_token_scores(_tokens(text), gold)):
                totals[system][i] += value
    return {
        system: {"recall": overlap / gold if gold else 1.0, "precision": overlap / predicted if predicted else 1.0}
        for system, (overlap, predicted, gold) in totals.items()
    } | {"pages": len(pages)}


def measure_speed(pages: list[LabelledPage], html: list[tuple[str, str, str]], repeat: int) -> dict:
    """Pages per second of clean() on the labelled plain-text pages and on the HTML pages."""
    from sitrep.clean import clean
    from sitrep.model import Origin, RawDocument

    plain = [RawDocument(p.text, Origin("file", p.name)) for p in pages]
    marked = [RawDocument(h, Origin("file", n), media_type="text/html") for n, h, _ in html]
    speeds = {}
    for label, docs in (("plain_pages_per_second", plain), ("html_pages_per_second", marked)):
        clean(docs[0])  # warm caches and imports
        started = time.perf_counter()
        for _ in range(repeat):
            for doc in docs:
                clean(doc)
        speeds[label] = repeat * len(docs) / (time.perf_counter() - started)
    return speeds


def _jsonl(path: Path):
    """Records of a JSON Lines file (split on \\n only: texts may hold U+2028 and other line separators)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def shared_folder() -> Path:
    """The shared folder: $SITREP_SHARED, else <repo>/../shared, else /work/shared."""
    if os.environ.get("SITREP_SHARED"):
        return Path(os.environ["SITREP_SHARED"])
    sibling = REPO.parent / "shared"
    return sibling if sibling.exists() else Path("/work/shared")


def measure_real_pages(path: Path) -> dict | None:
    """Rejections, removed share and rule counts of clean() over real scraped pages (JSON Lines with text/title)."""
    from sitrep.clean import clean
    from sitrep.errors import InputError
    from sitrep.model import Origin, RawDocument

    if not path.exists():
        return None
    rows = list(_jsonl(path))
    rejected: Counter = Counter()
    rules: Counter = Counter()
    removed_chars = total_chars = 0
    started = time.perf_counter()
    for number, row in enumerate(rows, start=1):
        document = RawDocument(row["text"], Origin("jsonl", str(path), line=number), title=row.get("title"))
        try:
            article = clean(document)
        except InputError as error:
            rejected[getattr(error, "reason", "input")] += 1
            continue
        total_chars += len(article.source_text)
        for removal in article.removed:
            rules[removal.rule] += 1
            if removal.rule not in ("title", "standfirst"):
                removed_chars += removal.span.end - removal.span.start
    elapsed = time.perf_counter() - started
    return {
        "pages": len(rows),
        "rejected": dict(rejected),
        "removed_share": removed_chars / max(1, total_chars),
        "removals_by_rule": dict(rules.most_common()),
        "pages_per_second": len(rows) / elapsed,
    }


CLEAN_TEXT_SETS = {
    "muc4": ("muc4/dev_fields.jsonl",),
    "timebank": ("timex/timebank.jsonl",),
    "geo": ("geo/LGL.jsonl", "geo/TR-News.jsonl", "geo/GeoVirus.jsonl"),
}


def measure_clean_text(data: Path) -> dict[str, float]:
    """Share of characters removed (headline and standfirst aside) from furniture-free news text."""
    from sitrep.clean import clean
    from sitrep.errors import InputError
    from sitrep.model import Origin, RawDocument

    shares = {}
    for name, files in CLEAN_TEXT_SETS.items():
        removed = total = 0
        for relative in files:
            path = data / relative
            if not path.exists():
                continue
            for number, row in enumerate(_jsonl(path), start=1):
                try:
                    article = clean(RawDocument(row["text"], Origin("jsonl", str(path), line=number), title=row.get("title")))
                except InputError:
                    continue
                total += len(article.source_text)
                removed += sum(len(r.span.text) for r in article.removed if r.rule not in ("title", "standfirst"))
        if total:
            shares[name] = removed / total
    return shares


def measure(repeat: int = 0, *, show_errors: bool = False) -> dict:
    """All the numbers: ``lines`` (the pages the rules were developed on), ``holdout`` (pages written after the
    rules and first measured untouched), ``html``, and with ``repeat`` > 0 ``speed``."""
    pages, held_out, html = labelled_pages(), labelled_pages(DATA / "holdout"), html_pages()
    result = {
        "lines": measure_lines(pages, show_errors=show_errors),
        "holdout": measure_lines(held_out, show_errors=show_errors),
        "html": measure_html(html),
    }
    if repeat:
        result["speed"] = measure_speed(pages, html, repeat)
        result["real_pages"] = measure_real_pages(shared_folder() / "data" / "gva" / "dev.jsonl")
        result["clean_text_removed"] = measure_clean_text(shared_folder() / "data")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the pages for the speed figure")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--errors", action="store_true", help="list every line clean() got wrong")
    args = parser.parse_args(argv)
    result = measure(args.repeat, show_errors=args.errors)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    html = result["html"]
    for key, where in (("lines", "tests/data/boilerplate"), ("holdout", "tests/data/boilerplate/holdout")):
        lines = result[key]
        print(f"{key}: {lines['pages']} labelled pages ({where})")
        print(
            f"  boilerplate lines  P {lines['precision']:.3f}  R {lines['recall']:.3f}  F1 {lines['f1']:.3f}"
            f"  (tp {lines['tp']}, fp {lines['fp']}, fn {lines['fn']})"
        )
        print(f"  headline accuracy {lines['title_accuracy']:.3f}   standfirst accuracy {lines['standfirst_accuracy']:.3f}")
    print(f"HTML pages: {html['pages']}  body-token recall / precision")
    for system in ("clean", "trafilatura"):
        print(f"  {system:<12} R {html[system]['recall']:.3f}  P {html[system]['precision']:.3f}")
    for name, value in result.get("speed", {}).items():
        print(f"{name.replace('_', ' ')}: {value:,.0f}")
    real = result.get("real_pages")
    if real:
        print(f"real scraped pages (shared GVA dev, unlabelled): {real['pages']}, {real['pages_per_second']:,.0f}/s")
        print(f"  rejected {real['rejected']}  characters removed {real['removed_share']:.1%}")
        print("  removals by rule: " + ", ".join(f"{k} {v}" for k, v in real["removals_by_rule"].items()))
    if result.get("clean_text_removed"):
        shares = ", ".join(f"{name} {share:.2%}" for name, share in result["clean_text_removed"].items())
        print(f"furniture-free news text, characters removed (false removals, mostly): {shares}")
    for error in result["lines"].get("errors", []) + result["holdout"].get("errors", []):
        print("  ", error)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main())
