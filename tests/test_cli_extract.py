"""``sitrep extract`` end to end, through ``python -m sitrep`` in a subprocess: formats, batches, bad inputs.

A batch mixes good articles with unusable inputs (empty, binary, latin-1, 50 MB, missing, no event); each
gets a record naming its input, bad ones say why, and nothing ever ends in a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

SEED_NAME = "000_0be5bf4a73db792e.txt"
SEED_ID = "6237546a9e4b3afe"  # sha256 of the seed's text, first 16 hex digits
BIG_BYTES = 50 * 1024 * 1024

JSONL_ARTICLES = [
    {
        "id": "art-1",
        "title": "Gunmen kill three in northern village",
        "published": "2021-03-04",
        "text": "Gunmen kill three in northern village\nGunmen killed three farmers in an attack on a village near "
        "Maiduguri on Wednesday, local officials said.\nResidents said the attackers arrived on motorcycles and "
        "burned several houses.",
    },
    {
        "id": "art-2",
        "title": "Protesters rally in the capital",
        "published": "2022-05-10",
        "text": "Protesters rally in the capital\nThousands of protesters marched through Nairobi on Monday to demand "
        "lower food prices. Police fired tear gas to disperse the crowd, witnesses said.",
    },
]
LATIN1_TEXT = "Police in Bamako said gunmen shot dead two traders at a café in the town of Ségou on Monday.\n"
NO_EVENT_TEXT = ("The city council approved a new budget for public parks and libraries on Tuesday.\n"
                 "The mayor said the money would pay for longer opening hours.\n")


def sitrep(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], input=stdin, capture_output=True, timeout=180)


def records_of(run: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_path(shared_dir):
    return str(shared_dir / "seed" / SEED_NAME)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("inputs")
    files = {
        "empty": b"",
        "binary": b"\x00\x01\x02\x03binary\x00\x00data\xff\xfe",
        "latin1": LATIN1_TEXT.encode("latin-1"),
        "noevent": NO_EVENT_TEXT.encode("utf-8"),
    }
    paths = {}
    for name, content in files.items():
        path = folder / f"{name}.txt"
        path.write_bytes(content)
        paths[name] = str(path)
    with open(folder / "big.txt", "wb") as stream:
        stream.truncate(BIG_BYTES - 14)
        stream.seek(0)
        stream.write(b"A town council.")
    paths["big"] = str(folder / "big.txt")
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(a) for a in JSONL_ARTICLES) + "\n", encoding="utf-8")
    paths["jsonl"] = str(folder / "batch.jsonl")
    paths["missing"] = str(folder / "missing.txt")
    return paths


@pytest.fixture(scope="module")
def batch(bad_inputs, seed_path):
    """One process over every kind of input, the seed last: (inputs in order, run, records by input)."""
    inputs = [bad_inputs[k] for k in ("empty", "binary", "latin1", "noevent", "jsonl", "big", "missing")] + ["-", seed_path]
    run = sitrep("extract", *inputs, "--format", "jsonl", stdin=b"")
    records = records_of(run)
    return inputs, run, {r["input"]: r for r in records}, records


def test_batch_gives_one_record_per_input_in_order(batch, bad_inputs, seed_path):
    _, run, _, records = batch
    expected = [bad_inputs["empty"], bad_inputs["binary"], bad_inputs["latin1"], bad_inputs["noevent"],
                bad_inputs["jsonl"] + ":1", bad_inputs["jsonl"] + ":2", bad_inputs["big"], bad_inputs["missing"], "-", seed_path]
    assert [r["input"] for r in records] == expected


def test_batch_never_tracebacks_and_says_inputs_were_skipped(batch):
    _, run, _, _ = batch
    stderr = run.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert run.returncode == 1
    assert "5 input(s) skipped" in stderr


@pytest.mark.parametrize(
    "name, reason",
    [("empty", "read: empty"), ("binary", "read: binary"), ("big", "read: too_large"), ("missing", "read: not_found")],
)
def test_unusable_inputs_say_why(batch, bad_inputs, name, reason):
    record = batch[2][bad_inputs[name]]
    assert record["skipped"].startswith(reason)
    assert record["events"] == [] and record["id"] is None


def test_latin1_text_is_decoded_not_rejected(batch, bad_inputs):
    record = batch[2][bad_inputs["latin1"]]
    assert record["skipped"] is None
    assert "café" in record["body"] and "Ségou" in record["body"]


def test_text_without_an_event_is_an_empty_result(batch, bad_inputs):
    record = batch[2][bad_inputs["noevent"]]
    assert record["skipped"] is None
    assert record["events"] == []
    assert record["body"].startswith("The city council")


def test_jsonl_records_carry_their_own_id_title_and_date(batch, bad_inputs):
    by_input = batch[2]
    first, second = by_input[bad_inputs["jsonl"] + ":1"], by_input[bad_inputs["jsonl"] + ":2"]
    assert (first["id"], second["id"]) == ("art-1", "art-2")
    assert first["title"] == JSONL_ARTICLES[0]["title"]
    assert (first["published"], first["published_from"]) == ("2021-03-04", "jsonl")
    assert first["events"], "the attack near Maiduguri was not extracted"
    assert {e["article_id"] for e in first["events"]} == {"art-1"}
    attack = first["events"][0]
    assert attack["date"]["start"] == "2021-03-03"  # "on Wednesday" in a Thursday article


def test_the_rest_of_the_batch_still_produces_events(batch, seed_path):
    seed = batch[2][seed_path]
    assert seed["skipped"] is None and seed["id"] == SEED_ID
    assert len(seed["events"]) >= 3


def test_batch_records_validate_against_the_schema(batch):
    schema = json.loads(resources.files("sitrep").joinpath("schema/event.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    assert {r["input"]: [e.message for e in validator.iter_errors(r)] for r in batch[3] if not validator.is_valid(r)} == {}


def test_json_format_is_one_array_and_stdin_is_an_input(seed_path):
    with open(seed_path, "rb") as stream:
        text = stream.read()
    run = sitrep("extract", "-", seed_path, "--published", "2016-09-22", "--format", "json", stdin=text)
    assert run.returncode == 0, run.stderr
    records = json.loads(run.stdout)
    assert isinstance(records, list) and len(records) == 2
    from_stdin, from_file = records
    assert from_file["input"] == seed_path and from_stdin["input"] != seed_path
    assert from_stdin["id"] == from_file["id"] == SEED_ID  # same text, same id, wherever it was read from
    assert len(from_stdin["events"]) == len(from_file["events"]) >= 3
    assert (from_file["published"], from_file["published_from"]) == ("2016-09-22", "cli")
    qalamoun = [e for e in from_file["events"] if e["location"] and e["location"]["name"] == "East Qalamoun"]
    assert qalamoun and qalamoun[0]["date"]["start"] == "2016-09-21"


def test_table_format_names_inputs_and_says_why_nothing_was_found(seed_path, bad_inputs):
    run = sitrep("extract", seed_path, bad_inputs["empty"], bad_inputs["noevent"], "--published", "2016-09-22")
    out = run.stdout.decode("utf-8")
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    assert f"== {seed_path} — Syrian plane downed" in out
    assert "East Qalamoun" in out and "Armed clash" in out and "perpetrator:claimed" in out
    assert f"== {bad_inputs['empty']}\n   skipped: read: empty" in out
    assert f"== {bad_inputs['noevent']}\n   no events found" in out
    assert "(~ background event" in out


def test_empty_stdin_is_a_reason_not_a_crash(batch):
    record = batch[2]["-"]
    assert record["skipped"].startswith("read: empty")
    assert record["events"] == []
