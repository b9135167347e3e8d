"""Score extraction against gold files (docs/gold-format.md): precision, recall and F1 per facet.

Facets: event found, sub-event type, place (within PLACE_TOLERANCE_KM), date (start and end), actors (set of
canonical names), fatalities (low and high), background flag, and each status facet. Attribute facets count
every prediction (matched or not) in precision and every gold value in recall, so a missed or invented
event costs in each facet it carries.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .geodesy import distance_km
from .model import Event, Extraction

PLACE_TOLERANCE_KM = 50.0  # issue 2: "place within 50 km"
STATUS_FACETS = ("occurrence", "perpetrator", "cause", "fatalities")
FACETS = ("event", "type", "place", "date", "actors", "fatalities", "background",
          *(f"status.{f}" for f in STATUS_FACETS))


@dataclass
class Count:
    """True positives, predicted and gold totals for one facet."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0 if not self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Per-facet counts over a gold set, and the per-article details behind them."""

    counts: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FACETS})
    articles: int = 0
    details: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            facet: {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3),
                    "correct": c.correct, "predicted": c.predicted, "gold": c.gold}
            for facet, c in self.counts.items()
        }


def shared_dir() -> Path | None:
    """The workplace's shared folder (seed article, public data): $SITREP_SHARED, ../shared, /work/shared."""
    candidates = [os.environ.get("SITREP_SHARED"), Path(__file__).resolve().parents[2] / ".." / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate).resolve()
    return None


def article_path(gold_file: Path, gold: dict) -> Path:
    """Where a gold file's article is: beside it in ../articles, or in the shared folder."""
    if "article_path" in gold:
        base = shared_dir()
        if base is None:
            raise FileNotFoundError("the shared folder is needed for this gold file; set SITREP_SHARED")
        return base / gold["article_path"]
    return gold_file.parent.parent / "articles" / gold["article"]


def evaluate(gold_dir: str | Path, extract=None) -> Scores:
    """Run extraction over every article a gold file in ``gold_dir`` names, and score it."""
    from .pipeline import extract as default_extract

    extract = extract or default_extract
    scores = Scores()
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = article_path(gold_file, gold).read_text(encoding="utf-8")
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        extraction = extract(text, published=published)
        score_article(scores, text, gold, extraction, name=gold_file.name)
    return scores


def score_article(scores: Scores, text: str, gold: dict, extraction: Extraction, name: str = "") -> None:
    """Add one article's counts to ``scores``."""
    predicted = list(extraction.events)
    gold_events = gold.get("events", [])
    pairs = match_events(text, gold_events, predicted)
    scores.articles += 1
    counts = scores.counts
    counts["event"].correct += len(pairs)
    counts["event"].predicted += len(predicted)
    counts["event"].gold += len(gold_events)
    matched_pred = {id(p) for _, p in pairs}
    missed = [g.get("id") for g in gold_events if all(g is not m for m, _ in pairs)]
    spurious = [p.summary for p in predicted if id(p) not in matched_pred]
    scores.details.append({"article": name, "matched": len(pairs), "missed": missed, "spurious": spurious})
    for event in predicted:
        _count_predicted(counts, event)
        gold_event = next((g for g, p in pairs if p is event), None)
        _count_predicted_status(counts, event, gold_event)
    for gold_event in gold_events:
        _count_gold(counts, gold_event)
    for gold_event, event in pairs:
        _count_correct(counts, gold_event, event)


def match_events(text: str, gold_events: list[dict], predicted: list[Event]) -> list[tuple[dict, Event]]:
    """Pair gold and predicted events by overlap of triggers (then sentences) with the gold anchors."""
    candidates = []
    for gi, gold_event in enumerate(gold_events):
        anchors = [(m, m + len(a)) for a in gold_event.get("anchors", []) for m in _occurrences(text, a)]
        for pi, event in enumerate(predicted):
            score = 10 * _overlap(anchors, event.triggers) + _overlap(anchors, event.evidence)
            if score:
                candidates.append((score, gi, pi))
    pairs = []
    used_gold, used_pred = set(), set()
    for score, gi, pi in sorted(candidates, reverse=True):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gold_events[gi], predicted[pi]))
    return pairs


def _occurrences(text: str, anchor: str) -> list[int]:
    found, start = [], text.find(anchor)
    while start != -1:
        found.append(start)
        start = text.find(anchor, start + 1)
    return found


def _overlap(anchors, spans) -> int:
    return sum(max(0, min(e, s.end) - max(b, s.start)) for b, e in anchors for s in spans)


def _count_predicted(counts: dict[str, Count], event: Event) -> None:
    counts["type"].predicted += 1
    counts["background"].predicted += int(event.background)
    if event.location is not None:
        counts["place"].predicted += 1
    if event.date is not None and not event.date.implied:
        counts["date"].predicted += 1
    counts["actors"].predicted += len({a.name for a in event.actors})
    if event.fatalities is not None:
        counts["fatalities"].predicted += 1


def _count_predicted_status(counts: dict[str, Count], event: Event, gold_event: dict | None) -> None:
    """A status counts where gold codes that facet for the event, or for an event gold does not have.

    Gold codes a facet's status only where the article settles it (docs/gold-format.md), so a status on a
    facet gold leaves open is neither right nor wrong.
    """
    for facet in STATUS_FACETS:
        if facet in event.status and (gold_event is None or facet in gold_event.get("status", {})):
            counts[f"status.{facet}"].predicted += 1


def _count_gold(counts: dict[str, Count], gold_event: dict) -> None:
    counts["type"].gold += 1
    counts["background"].gold += int(bool(gold_event.get("background")))
    if gold_event.get("location") is not None:
        counts["place"].gold += 1
    if gold_event.get("date") is not None:
        counts["date"].gold += 1
    counts["actors"].gold += len({a["name"] for a in gold_event.get("actors", [])})
    if gold_event.get("fatalities") is not None:
        counts["fatalities"].gold += 1
    for facet in STATUS_FACETS:
        if facet in gold_event.get("status", {}):
            counts[f"status.{facet}"].gold += 1


def _count_correct(counts: dict[str, Count], gold_event: dict, event: Event) -> None:
    counts["type"].correct += int(gold_event.get("sub_event_type") == event.sub_event_type)
    counts["background"].correct += int(bool(gold_event.get("background")) and event.background)
    if place_matches(gold_event.get("location"), event):
        counts["place"].correct += 1
    gold_date = gold_event.get("date")
    if gold_date and event.date and not event.date.implied and event.date.start and event.date.end:
        counts["date"].correct += int(
            gold_date["start"] == event.date.start.isoformat() and gold_date["end"] == event.date.end.isoformat()
        )
    gold_actors = {a["name"] for a in gold_event.get("actors", [])}
    counts["actors"].correct += len(gold_actors & {a.name for a in event.actors})
    gold_fatalities = gold_event.get("fatalities")
    if gold_fatalities and event.fatalities:
        counts["fatalities"].correct += int(
            gold_fatalities.get("low") == event.fatalities.low and gold_fatalities.get("high") == event.fatalities.high
        )
    for facet in STATUS_FACETS:
        wanted = gold_event.get("status", {}).get(facet)
        if wanted and event.status.get(facet) == wanted:
            counts[f"status.{facet}"].correct += 1


def place_matches(gold_location: dict | None, event: Event) -> bool:
    """Both have a place and it is within tolerance (or, for country-only gold, in the same country)."""
    if gold_location is None or event.location is None:
        return False
    predicted = event.location
    if gold_location.get("lat") is None:
        return predicted.country_code == gold_location.get("country_code") and predicted.lat is None
    if predicted.lat is None or predicted.lon is None:
        return False
    return distance_km(gold_location["lat"], gold_location["lon"], predicted.lat, predicted.lon) <= PLACE_TOLERANCE_KM


def format_scores(scores: Scores) -> str:
    """A plain table: one facet per line with P, R, F1 and the counts."""
    lines = [f"{'facet':<22}{'P':>7}{'R':>7}{'F1':>7}   correct/predicted/gold", "-" * 62]
    for facet, c in scores.counts.items():
        lines.append(f"{facet:<22}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}   {c.correct}/{c.predicted}/{c.gold}")
    lines.append(f"({scores.articles} articles)")
    return "\n".join(lines)
