"""The WikiEvents adapter's trigger typing, gold-trigger mode and argument offsets (bench/adapters/wikievents.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.adapters import wikievents  # noqa: E402


def _doc(words: list[str], events: list[tuple[int, str]]) -> dict:
    """A WikiEvents-shaped document with one sentence of ``words`` and events (trigger token index, type)."""
    tokens, offset = [], 0
    for word in words:
        tokens.append([word, offset, offset + len(word)])
        offset += len(word) + 1
    mentions = [{"id": f"E{n}", "event_type": kind, "arguments": [],
                 "trigger": {"start": index, "end": index + 1, "text": words[index], "sent_idx": 0}}
                for n, (index, kind) in enumerate(events)]
    return {"doc_id": "made-up", "tokens": words, "sentences": [[tokens, " ".join(words)]],
            "entity_mentions": [], "event_mentions": mentions}


def test_argument_kind_follows_the_kairos_type():
    assert wikievents.argument_kind("Conflict.Attack.DetonateExplode") == "explode"
    assert wikievents.argument_kind("Conflict.Attack.Unspecified") == "attack"
    assert wikievents.argument_kind("Life.Injure.Unspecified") == "injure"
    assert wikievents.argument_kind("Contact.Meet.Unspecified") is None


def test_trigger_token_is_the_head_of_a_phrase(nlp):
    doc = nlp("The rebels carried out the raid.")
    start = doc.text.index("carried out")
    assert doc[wikievents.trigger_token(doc, start, start + len("carried out"))].text == "carried"
    assert wikievents.trigger_token(doc, 500, 510) is None


def test_gold_trigger_mode_gives_character_spans_of_the_arguments(nlp):
    words = "Gunmen killed four guards at the border crossing .".split()
    doc = _doc(words, [(1, "Life.Die.Unspecified")])
    text = wikievents.offset_text(doc)
    events = wikievents.gold_trigger_events(doc, nlp(text))
    assert [event["type"] for event in events] == ["Life.Die.Unspecified"]
    found = {(arg["role"], text[arg["span"][0]:arg["span"][1]]) for arg in events[0]["args"]}
    assert found == {("Killer", "Gunmen"), ("Victim", "guards"), ("Place", "crossing")}


def test_death_and_injury_words_are_found_without_a_sitrep_event(nlp):
    parsed = nlp("A suicide bomber struck the square, and nine people died while twenty were injured.")
    events = wikievents.doc_events(None, parsed)
    found = {(event["type"], parsed.text[event["trigger"][0]:event["trigger"][1]]) for event in events}
    assert found == {("Life.Die.Unspecified", "died"), ("Life.Injure.Unspecified", "injured")}


def test_word_type_fixes_explosions_and_leaves_attack_to_the_story(nlp):
    doc = nlp("The explosion followed the attack.")
    assert wikievents.word_type(doc[1]) == "Conflict.Attack.DetonateExplode"
    assert wikievents.word_type(doc[4]) is None


def test_gold_trigger_evaluation_reports_exact_and_overlap_scores(tmp_path):
    result = wikievents.evaluate_gold_triggers(limit=2, out_dir=tmp_path)
    assert result["Trig-C"]["F1"] == 100.0
    assert {"Arg-C", "Arg-C_overlap"} <= set(result)
    rows = [json.loads(line) for line in Path(result["prediction_file"]).read_text().splitlines()]
    assert len(rows) == 2


def test_a_bomb_is_an_argument_but_bombing_a_town_is_a_trigger(nlp):
    parsed = nlp("Police found a bomb near the school. Jets bombed the town.")
    found = {parsed.text[event["trigger"][0]:event["trigger"][1]] for event in wikievents.doc_events(None, parsed)}
    assert found == {"bombed"}
