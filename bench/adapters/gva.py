"""Gun Violence Archive whole-article records (SemEval-2018 task 5 pages), scored by score_gva.py.

Date, place and killed come from ``sitrep.extract``'s incident event (``incident_event``: the first foreground
violent event; published date = the page's dct; killed = its fatalities.low, 0 when none). Injured comes from
``casualty_counts`` below: sitrep records deaths only, so that count lives bench-side, reading number phrases with
the package's ``parse_quantity``/``number_value`` (its killed figure is kept as a baseline column).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from .common import extract, main_event, read_jsonl, require_shared, run_scorer, scoring_files, write_jsonl

# Only the first part of a scraped page speaks of the incident; later text is boilerplate and other stories.
LEDE_CHARS = 2500
NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple)"
PEOPLE = r"(?:\s+(?:\w+\s+){0,3}?(?:people|persons|men|women|man|woman|teens?|teenagers?|boys?|girls?|victims?|others?|children|adults|officers?|students?|individuals|males?|females?|juveniles?|brothers?|relatives))"
KILLED = re.compile(
    rf"\b({NUMBER}){PEOPLE}?\s+(?:\w+\s+){{0,2}}?(?:were|was|have been|has been|are|is)?\s*(?:shot\s+(?:and\s+)?)?"
    rf"(?:killed|dead|died|fatally|slain|murdered)\b", re.IGNORECASE)
KILLED_AFTER = re.compile(rf"\b(?:killed|killing|kills|left)\s+({NUMBER}){PEOPLE}?(?:\s+dead)?\b", re.IGNORECASE)
INJURED = re.compile(
    rf"\b({NUMBER}){PEOPLE}?\s+(?:\w+\s+){{0,2}}?(?:were|was|have been|has been|are|is)?\s*(?:shot\s+(?:and\s+)?)?"
    rf"(?:wounded|injured|hurt|hospitali[sz]ed)\b", re.IGNORECASE)
INJURED_AFTER = re.compile(rf"\b(?:wounding|injuring|wounded|injured)\s+({NUMBER}){PEOPLE}?\b", re.IGNORECASE)
SHOT = re.compile(r"\b(?:was|were) shot\b|\bshot (?:in|at) the\b|\bgunshot wounds?\b|\bshooting\b", re.IGNORECASE)
DEATH_WORDS = re.compile(r"\b(?:killed|dead|died|fatal(?:ly)?|homicide|murder(?:ed)?|slain)\b", re.IGNORECASE)
# Counts above this in a "N people ..." phrase are nearly always statistics, not the incident.
MAX_PLAUSIBLE_COUNT = 50


def gold_path() -> Path:
    return require_shared() / "data" / "gva" / "dev.jsonl"


def _count(word: str) -> int | None:
    from sitrep.mentions.numbers import parse_quantity

    if word.lower() in ("a", "an"):
        return 1
    if word.lower() == "multiple":
        return 2
    bounds = parse_quantity(word)
    if bounds is None or bounds[0] is None:
        return None
    return bounds[0] if bounds[0] <= MAX_PLAUSIBLE_COUNT else None


def _first_count(patterns, text: str) -> int | None:
    hits = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            value = _count(match.group(1))
            if value is not None:
                hits.append((match.start(), value))
    return min(hits)[1] if hits else None


def casualty_counts(text: str) -> tuple[int, int]:
    """(killed, injured) for the incident an article's lede reports; 0 when it reports none."""
    lede = text[:LEDE_CHARS]
    killed = _first_count((KILLED, KILLED_AFTER), lede)
    injured = _first_count((INJURED, INJURED_AFTER), lede)
    if killed is None:
        killed = 1 if DEATH_WORDS.search(lede[:800]) else 0
    if injured is None:
        injured = 1 if killed == 0 and SHOT.search(lede) else 0
    return killed, injured


def incident_event(extraction):
    """The event a GVA record codes: the story's lead incident (``headline_toll.followed_incident_index``: the first
    foreground violent event; an arrest or a court hearing told first is the news peg, not the incident; in a
    follow-up that tells the incident only as background, the first violent event), else the article's main
    event. (An incident dated only by a later act and told again with its day is one event in sitrep itself:
    ``sitrep.incident_tellings``.)"""
    from sitrep.lead_context import NEWS_PEG_TYPES
    from sitrep.headline_toll import followed_incident_index
    from sitrep.resolve.opening_day import OPENING_DAY_RULE
    from sitrep.resolve.story_dates import STORY_DAY_RULE, is_fallback_date

    index = None if extraction is None else followed_incident_index(extraction.events)
    if index is None:
        return main_event(extraction)
    incident, first = extraction.events[index], extraction.events[0]
    if incident is first or first.sub_event_type in NEWS_PEG_TYPES:
        return incident  # sitrep gives the lead's context to the incident an arrest opens the story with (lead_context)
    # a story that opens with other news (a protest) keeps the lead's place and date for that event in sitrep; a
    # GVA page codes one incident, so here they are the incident's too
    if incident.location is None:
        incident = replace(incident, location=first.location)
    if (incident.date is None or incident.date.implied or is_fallback_date(incident.date)) \
            and first.rules.get("date") in ("lead-paragraph date", STORY_DAY_RULE, OPENING_DAY_RULE):
        incident = replace(incident, date=first.date)
    return incident


def record(row: dict) -> dict:
    published = date.fromisoformat(row["dct"]) if row.get("dct") else None
    event = incident_event(extract(row["text"], published=published, title=row.get("title"), url=row.get("url"),
                                   doc_id=row["doc_id"]))
    counted_killed, injured = casualty_counts((row.get("title") or "") + "\n" + row["text"])
    # killed: sitrep's own figure for the main event (ACLED export convention: low, 0 when none reported);
    # the regex counter is kept only as a baseline column. injured: sitrep records deaths only, so the
    # bench-side counter supplies it (reported as such).
    killed = event.fatalities.low if event is not None and event.fatalities and event.fatalities.low else 0
    out = {"doc_id": row["doc_id"], "incident_id": row.get("incident_id"), "fatalities": killed, "injuries": injured,
           "baseline_fatalities": counted_killed}
    if event is not None:
        # the incident's type, for error analysis (GVA pages are US gun violence, nearly all one-sided shootings);
        # the scorer ignores it
        out.update(sub_event_type=event.sub_event_type, type_rule=event.rules.get("event_type"))
        if event.date is not None and event.date.start is not None:
            # an implied interval ("at or before publication") is read at its end, the publication day;
            # a stated interval at its start, as ACLED's event_date does for day precision
            when = event.date.end if event.date.implied and event.date.end else event.date.start
            out["date"] = when.isoformat()
            out["date_rule"] = event.rules.get("date")  # for error analysis; the scorer ignores it
        place = event.location
        if place is not None:
            out.update(lat=place.lat, lon=place.lon, state=place.admin1, city=place.name,
                       place_rule=place.rule)  # for error analysis; the scorer ignores it
    return out


def evaluate(limit: int | None = None, out_dir: Path | None = None) -> dict:
    rows = list(read_jsonl(gold_path(), limit))
    out_dir, gold_file = scoring_files("gva", gold_path(), rows, limit, out_dir)
    pred_file = out_dir / "gva.pred.jsonl"
    predictions = [record(row) for row in rows]
    write_jsonl(pred_file, predictions)
    result = run_scorer("score_gva.py", pred_file, gold_file)
    result["with_event"] = sum(1 for p in predictions if "date" in p or "lat" in p)
    result["prediction_file"] = str(pred_file)
    return result
