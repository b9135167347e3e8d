"""``sitrep explain`` and ``sitrep.explain.explain_event``: every value with its words and its rule."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from sitrep.cli.explain import command as explain_command
from sitrep.explain import explain_event
from sitrep.records import event_record

SEED_NAME = "000_0be5bf4a73db792e.txt"


@pytest.fixture(scope="module")
def seed_events(seed_extraction) -> list[dict]:
    return [event_record(e) for e in seed_extraction[1].events]


@pytest.fixture(scope="module")
def qalamoun(seed_events) -> dict:
    (event,) = [e for e in seed_events if e["location"] and e["location"]["name"] == "East Qalamoun"]
    return event


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, shared_dir, nlp) -> str:
    from sitrep.ingest import ingest
    from sitrep.store import open_store

    db = str(tmp_path_factory.mktemp("explain") / "seed.db")
    with open_store(db) as store:
        summary = ingest([str(shared_dir / "seed" / SEED_NAME)], store, published=date(2016, 9, 22))
    assert summary.ingested == 1
    return db


def rows_by_field(rows: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["field"], []).append(row)
    return found


def test_rows_cover_every_field(qalamoun):
    fields = rows_by_field(explain_event(qalamoun))
    for name in ("type", "background", "date", "location", "actor1", "actor2", "fatalities", "weapons",
                 "status.occurrence", "status.perpetrator", "status.perpetrator.assertion"):
        assert name in fields, name
    assert all(set(row) == {"field", "value", "evidence", "rule"} for rows in fields.values() for row in rows)


def test_location_row_has_its_words_sentence_and_rule(qalamoun):
    (row,) = rows_by_field(explain_event(qalamoun))["location"]
    assert row["value"].startswith("East Qalamoun")
    assert row["rule"] == qalamoun["location"]["rule"] != ""
    (evidence,) = row["evidence"]
    assert evidence["text"] == "East Qalamoun"
    assert "East Qalamoun" in evidence["sentence"] and "claimed" in evidence["sentence"]


def test_status_rows_show_each_assertion(qalamoun):
    fields = rows_by_field(explain_event(qalamoun))
    (perpetrator,) = fields["status.perpetrator"]
    assert perpetrator["value"] == qalamoun["status"]["perpetrator"] == "claimed"
    assert "claims_responsibility" in perpetrator["rule"]
    assertions = fields["status.perpetrator.assertion"]
    assert any(r["value"].startswith("Islamic State claims_responsibility") and 'cue "claim' in r["value"] for r in assertions)
    assert any("does_not_confirm" in r["value"] for r in assertions)
    assert all(r["rule"].startswith("attribution:") for r in assertions)
    assert all(e["sentence"] for r in assertions for e in r["evidence"])


def test_an_implied_date_has_a_rule_but_no_words(seed_events):
    implied = [e for e in seed_events if e["date"] and e["date"]["implied"]]
    assert implied
    (row,) = rows_by_field(explain_event(implied[0]))["date"]
    assert row["evidence"] == [] and row["rule"] == implied[0]["date"]["rule"] != ""


def test_explain_an_article_without_a_database(shared_dir, qalamoun):
    result = CliRunner().invoke(
        explain_command, ["--article", str(shared_dir / "seed" / SEED_NAME), "--published", "2016-09-22", qalamoun["id"][:6]]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"== event {qalamoun['id']}" in out
    assert "location" in out and 'evidence: "East Qalamoun"' in out
    assert f"rule: {qalamoun['location']['rule']}" in out
    assert "status.perpetrator" in out and "claimed" in out and "rule: attribution:cue:claim" in out


def test_explain_a_stored_event_by_prefix(seed_db, qalamoun):
    result = CliRunner().invoke(explain_command, [qalamoun["id"][:8], "--db", seed_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.output)
    assert item["event"] == qalamoun["id"]
    fields = rows_by_field(item["rows"])
    assert fields["location"][0]["rule"] == qalamoun["location"]["rule"]
    assert fields["location"][0]["evidence"][0]["text"] == "East Qalamoun"
    assert fields["status.perpetrator"][0]["value"] == "claimed"
    assert any("claims_responsibility" in r["value"] for r in fields["status.perpetrator.assertion"])


def test_the_table_from_the_store_matches_the_fresh_one(seed_db, shared_dir, qalamoun):
    stored = CliRunner().invoke(explain_command, [qalamoun["id"], "--db", seed_db])
    fresh = CliRunner().invoke(
        explain_command, ["--article", str(shared_dir / "seed" / SEED_NAME), "--published", "2016-09-22", qalamoun["id"]]
    )
    assert stored.exit_code == fresh.exit_code == 0
    assert stored.output == fresh.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["zzzz"], "no event with an id starting with 'zzzz'"),
        ([""], "matches"),
        ([], "give an EVENT_ID"),
    ],
)
def test_unknown_or_ambiguous_ids_are_clear_errors(seed_db, args, message):
    result = CliRunner().invoke(explain_command, [*args, "--db", seed_db])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_missing_database_is_not_created(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(explain_command, ["abc", "--db", str(missing)])
    assert result.exit_code == 1 and "no database at" in result.output
    assert not missing.exists()
