"""The seed article, end to end: the six events and statuses issue 2 describes, from general rules."""

from __future__ import annotations

from datetime import date

import pytest


def _event_with_trigger(extraction, text, phrase):
    start = text.index(phrase)
    end = start + len(phrase)
    for event in extraction.events:
        if any(s.start < end and start < s.end for s in event.triggers):
            return event
    pytest.fail(f"no event has a trigger in {phrase!r}; events: {[e.summary for e in extraction.events]}")


def test_clean_parts(seed_extraction):
    text, extraction = seed_extraction
    article = extraction.article
    assert article.title.text.startswith("Syrian plane downed: Pilot survives crash near Damascus")
    assert article.standfirst.text == "Government officials say pilot rescued but did not confirm cause of crash"
    assert article.body.startswith("The Syrian ministry of defence says a pilot has survived")
    for furniture in ("Your support", "donation", "Join our commenting forum", "thought-provoking"):
        assert furniture not in article.body
    assert not article.body.rstrip().endswith("Comments")


def test_six_separate_events(seed_extraction):
    text, extraction = seed_extraction
    phrases = ["shot down the jet", "shot another Syrian Air Force plane down", "an attack in July",
               "fragile truce", "air strikes", "mistakenly killed"]
    events = [_event_with_trigger(extraction, text, p) for p in phrases]
    assert len({e.id for e in events}) == 6


def test_jet_downed_in_east_qalamoun(seed_extraction):
    text, extraction = seed_extraction
    jet = _event_with_trigger(extraction, text, "shot down the jet")
    assert jet.background is False
    assert jet.date.start == jet.date.end == date(2016, 9, 21) and jet.date.precision == "day"
    assert "Qalamoun" in jet.location.name
    assert jet.location.country_code == "SY" and jet.location.admin1 == "Rif Dimashq"
    assert jet.location.precision in (2, 3)
    assert any(a.name == "Islamic State" and a.role == "actor1" for a in jet.actors)
    assert jet.status["occurrence"] == "confirmed"
    assert jet.status["perpetrator"] == "claimed"
    assert any(a.stance == "claims_responsibility" and a.source == "Islamic State" for a in jet.assertions)
    assert any(a.stance == "does_not_confirm" and a.facet in ("perpetrator", "cause") for a in jet.assertions)
    assert jet.fatalities is None  # the pilot survived
    # every evidence span points at the same characters of the input
    for span in (*jet.evidence, *jet.triggers, jet.location.text, jet.date.text):
        assert text[span.start:span.end] == span.text


def test_earlier_plane_near_deir_ezzor(seed_extraction):
    text, extraction = seed_extraction
    plane = _event_with_trigger(extraction, text, "shot another Syrian Air Force plane down")
    assert plane.background is True
    assert plane.location.name == "Deir ez-Zor" and plane.location.country_code == "SY"
    assert (plane.fatalities.low, plane.fatalities.high) == (1, 1)
    assert plane.date.end < date(2016, 9, 21)


def test_july_attack_is_background(seed_extraction):
    text, extraction = seed_extraction
    july = _event_with_trigger(extraction, text, "an attack in July")
    assert july.background is True
    assert (july.date.start, july.date.end, july.date.precision) == (date(2016, 7, 1), date(2016, 7, 31), "month")


def test_truce_ended_monday(seed_extraction):
    text, extraction = seed_extraction
    truce = _event_with_trigger(extraction, text, "fragile truce")
    assert (truce.event_type, truce.sub_event_type) == ("Strategic developments", "Agreement")
    assert truce.date.start == date(2016, 9, 19) and truce.date.precision == "day"
    assert truce.background is True


def test_convoy_strike_disputed_without_place(seed_extraction):
    text, extraction = seed_extraction
    convoy = _event_with_trigger(extraction, text, "air strikes")
    assert convoy.sub_event_type == "Air/drone strike"
    assert (convoy.fatalities.low, convoy.fatalities.high) == (12, None)
    assert convoy.status["perpetrator"] == "disputed"
    deniers = {a.source for a in convoy.assertions if a.stance == "denies"}
    accusers = {a.source for a in convoy.assertions if a.stance == "accuses"}
    assert {"Military Forces of Syria", "Military Forces of Russia"} <= deniers
    assert "activists" in accusers and "monitoring group" in accusers
    assert convoy.location is None  # the text names no place for it


def test_coalition_strike_killed_dozens_in_deir_ezzor(seed_extraction):
    text, extraction = seed_extraction
    strike = _event_with_trigger(extraction, text, "mistakenly killed")
    assert (strike.fatalities.low, strike.fatalities.high) == (12, None)  # "dozens" -> 12, as ACLED codes it
    assert strike.location.name == "Deir ez-Zor"
    assert any(a.role == "actor1" and "Coalition" in a.name for a in strike.actors)
    assert any(a.role == "actor2" and a.name == "Military Forces of Syria" for a in strike.actors)
