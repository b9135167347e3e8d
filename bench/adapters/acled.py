"""ACLED sub-event typing on the CASE 2021 task 2 snippets, scored by score_case2021_task2.py (subtask 1).

Each snippet goes through ``sitrep.extract``; the main event's sub-event type is the prediction. When the
extractor finds no event, ``sitrep.mentions.typing.classify_sub_event`` types the snippet from its cue words.
"""

from __future__ import annotations

import csv
import tempfile
from collections import Counter
from pathlib import Path

from .common import extract, main_event, require_shared, run_scorer

# ACLED sub-event names -> the shared task's label codes.
CASE_LABELS = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}


def gold_path() -> Path:
    return require_shared() / "data" / "acled_types" / "dev.tsv"


def read_snippets(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[:limit] if limit is not None else rows


def main_event_sub_type(text: str, mode: str = "extract") -> tuple[str, str]:
    """(sub-event type, where it came from): the extractor's main event, else the cue classifier.

    ``mode="classifier"`` skips the extractor (to measure the classifier alone).
    """
    from sitrep.mentions.typing import classify_sub_event

    event = main_event(extract(text)) if mode == "extract" else None
    if event is not None:
        return event.sub_event_type, "extract"
    label, _confidence = classify_sub_event(text)
    return label, "classifier"


def predict(rows, mode: str = "extract") -> list[tuple[str, str, str]]:
    """(id, CASE label, source) per snippet."""
    out = []
    for row in rows:
        sub_type, source = main_event_sub_type(row["EventSnippet"], mode)
        out.append((row["id"], CASE_LABELS.get(sub_type, "OTHER"), source))
    return out


def write_predictions(predictions, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row_id, label, _source in predictions:
            handle.write(f"{row_id}\t{label}\n")


def confusion(rows, predictions) -> Counter:
    """(gold, predicted) counts over the 25 ACLED labels: the error classes to tune against."""
    seen = set(CASE_LABELS.values())
    gold = {row["id"]: row["SubType"] for row in rows}
    return Counter((gold[i], label) for i, label, _ in predictions if gold[i] in seen and gold[i] != label)


def evaluate(limit: int | None = None, out_dir: Path | None = None, mode: str = "extract") -> dict:
    rows = read_snippets(gold_path(), limit)
    predictions = predict(rows, mode)
    out_dir = out_dir or Path(tempfile.mkdtemp(prefix="sitrep-acled-"))
    pred_file = out_dir / f"acled_types.{mode}.pred.tsv"
    write_predictions(predictions, pred_file)
    gold_file = gold_path()
    if limit is not None:
        gold_file = out_dir / "acled_types.gold.tsv"
        with open(gold_file, "w", encoding="utf-8") as handle:
            handle.write("id\tEventSnippet\tSubType\n")
            for row in rows:
                handle.write(f"{row['id']}\t{row['EventSnippet']}\t{row['SubType']}\n")
    result = run_scorer("score_case2021_task2.py", pred_file, gold_file, "--subtask", "1")
    result["from_extractor"] = sum(1 for *_, source in predictions if source == "extract")
    result["prediction_file"] = str(pred_file)
    result["_confusion"] = confusion(rows, predictions)
    return result
