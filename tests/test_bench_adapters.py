"""Smoke tests for the benchmark adapters: each runs on the first 3 records of its shared dataset, writes a
prediction file the shared scorer accepts, and gets numbers back. Skipped only when the shared folder is absent."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.adapters import common  # noqa: E402

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(common.shared_root() is None, reason="shared data folder absent (set SITREP_SHARED)"),
]
FIRST = 3


def test_shared_root_honours_environment(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "eval").mkdir()
    monkeypatch.setenv("SITREP_SHARED", str(tmp_path))
    assert common.shared_root() == tmp_path


def test_parse_scorer_output_accepts_dict_and_json():
    assert common.parse_scorer_output("{'n': 3, 'MAE': 0.5}") == {"n": 3, "MAE": 0.5}
    assert common.parse_scorer_output('{"n": 3}') == {"n": 3}


def test_factuality_adapter(tmp_path):
    from bench.adapters import factuality

    for corpus in factuality.CORPORA:
        result = factuality.evaluate(corpus, limit=FIRST, out_dir=tmp_path)
        assert result["n"] > 0 and 0 <= result["MAE"] <= 6
        rows = [line.split("\t") for line in Path(result["prediction_file"]).read_text().splitlines() if line]
        assert all(len(row) == 3 for row in rows)
        assert all(row[2] == "_" or -3 <= float(row[2]) <= 3 for row in rows)


def test_acled_adapter(tmp_path):
    from bench.adapters import acled

    result = acled.evaluate(limit=FIRST, out_dir=tmp_path)
    assert {"micro_F1", "macro_F1", "weighted_F1"} <= set(result)
    with open(result["prediction_file"], encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert len(rows) == FIRST
    assert all(label in acled.CASE_LABELS.values() for _id, label in rows)


def test_wikievents_adapter(tmp_path):
    from bench.adapters import wikievents

    result = wikievents.evaluate(limit=FIRST, out_dir=tmp_path)
    assert {"Trig-I", "Trig-C", "Arg-I", "Arg-C"} <= set(result)
    predictions = [json.loads(line) for line in Path(result["prediction_file"]).read_text().splitlines()]
    assert len(predictions) == FIRST
    for prediction in predictions:
        for event in prediction["events"]:
            assert event["type"].startswith(("Conflict.", "Life."))
            assert len(event["trigger"]) == 2 and event["trigger"][0] < event["trigger"][1]
            assert all(len(arg["span"]) == 2 and arg["role"] for arg in event["args"])


def test_wikievents_offset_text_matches_token_offsets():
    from bench.adapters import wikievents

    doc = next(common.read_jsonl(wikievents.gold_path(), 1))
    text = wikievents.offset_text(doc)
    for word, start, end in doc["sentences"][0][0]:
        assert text[start:end] == word[: end - start]


def test_muc4_adapter(tmp_path):
    from bench.adapters import muc4

    result = muc4.evaluate(limit=FIRST, out_dir=tmp_path)
    assert "template_detection" in result
    predictions = [json.loads(line) for line in Path(result["prediction_file"]).read_text().splitlines()]
    assert len(predictions) == FIRST
    for prediction in predictions:
        assert prediction["docid"]
        for event in prediction["events"]:
            assert event["incident_type"] in ("attack", "bombing", "kidnapping", "arson", "robbery")
            assert isinstance(event["perp_organization"], list) and isinstance(event["attribution"], list)


def test_truecase_keeps_offsets():
    from bench.adapters.truecase import truecase

    text = "SAN SALVADOR, 3 JAN 90 -- [TEXT] THE FMLN ATTACKED A POST IN EL SALVADOR.  SOLDIERS DIED."
    cased = truecase(text)
    assert len(cased) == len(text) and cased.lower() == text.lower()
    assert cased.startswith("San Salvador") and "Soldiers died" in cased


def test_truecase_keeps_a_title_and_an_initialism_in_capitals():
    from bench.adapters.truecase import truecase

    cased = truecase("THE REBELS FIRED ON TROOPS UNDER COL. PEDRO SOSA. THE U.S. AND LOCAL POLICE CAME. "
                     "THE U.S. ARMY SAID NO.  THEY LEFT.")
    assert "under Col. Pedro" in cased  # a title before its name
    assert "The U.S. and local" in cased  # an initialism's full stop starts no sentence
    assert "The U.S. Army said" in cased  # ... unless an official name goes on
    assert "said no.  They left" in cased  # "no." is a word


def test_gva_adapter(tmp_path):
    from bench.adapters import gva

    result = gva.evaluate(limit=FIRST, out_dir=tmp_path)
    assert result["n"] == FIRST and result["fatalities_exact"] is not None
    predictions = [json.loads(line) for line in Path(result["prediction_file"]).read_text().splitlines()]
    assert all(isinstance(p["fatalities"], int) and isinstance(p["injuries"], int) for p in predictions)


def test_gva_casualty_counts_on_own_sentences():
    from bench.adapters.gva import casualty_counts

    assert casualty_counts("Two men were killed and three others were wounded in a shooting on Main Street.") == (2, 3)
    assert casualty_counts("A teenager was shot in the leg outside a store on Friday night.") == (0, 1)
    assert casualty_counts("Police said a man died after he was shot at a party.") == (1, 0)
