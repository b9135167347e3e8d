"""Extraction rules on sentences written for the purpose: what is an event, how it is typed and attributed."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep

PUBLISHED = date(2024, 3, 7)  # a Thursday


def events_of(text: str):
    return sitrep.extract(text, published=PUBLISHED).events


@pytest.mark.parametrize(
    "text",
    [
        "The rebels did not attack the town of Bunia, the army said.",
        "The group threatened to strike government buildings in the capital.",
        "Officials warned that militants could attack the convoy near Gao.",
    ],
)
def test_negated_and_hypothetical_events_are_not_events(text):
    assert events_of(text) == ()


def test_claim_of_responsibility_in_next_sentence_attaches_to_the_attack():
    events = events_of(
        "A roadside bomb killed four soldiers near Kandahar on Tuesday. "
        "The Taliban claimed responsibility for the attack in a statement."
    )
    assert len(events) == 1
    bomb = events[0]
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"
    assert (bomb.fatalities.low, bomb.fatalities.high) == (4, 4)
    assert bomb.status["perpetrator"] == "claimed"
    assert any(a.name == "Taliban" and a.role == "actor1" for a in bomb.actors)


def test_denial_against_accusation_is_disputed():
    events = events_of(
        "An air strike hit a market in Maarat al-Numan on Monday, killing at least 12 people. "
        "Activists blamed Russian jets for the strike, but Russia's defence ministry denied involvement."
    )
    strike = events[0]
    assert strike.status["perpetrator"] == "disputed"


def test_army_reporting_its_own_strike_is_a_claim():
    events = events_of("The Nigerian army said its jets killed dozens of militants in an air strike near Dikwa on Sunday.")
    strike = events[0]
    assert strike.sub_event_type == "Air/drone strike"
    assert (strike.fatalities.low, strike.fatalities.high) == (12, None)
    assert strike.status["occurrence"] == "claimed"


def test_tear_gas_makes_a_protest_with_intervention():
    events = events_of(
        "Thousands of protesters marched through Nairobi on Tuesday against the finance bill.\n"
        "Police fired tear gas to disperse the crowd."
    )
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_sentence_evidence_does_not_run_into_next_paragraph():
    text = "Gunmen shot dead two traders in Segou on Monday.\nIn other news, markets were calm."
    event = events_of(text)[0]
    assert all(not span.text.endswith("\nI") and span.text == text[span.start:span.end] for span in event.evidence)


def test_no_event_article_gives_nothing():
    assert events_of("Parliament debated the aid budget on Wednesday; the vote was postponed to next month.") == ()


def test_denial_of_the_allegation_in_next_sentence_disputes_the_perpetrator():
    events = events_of(
        "Residents of the village of Diafarabe accused soldiers of executing about 30 men at a market on Monday. "
        "The army denied the allegation."
    )
    assert len(events) == 1
    assert events[0].status["perpetrator"] == "disputed"
    assert any(a.stance == "denies" and a.facet == "perpetrator" for a in events[0].assertions)


def test_withheld_figure_is_a_fatalities_assertion():
    events = events_of(
        "Gunmen killed eight soldiers near Boni on Sunday, the army said. "
        "The group claimed the ambush, saying it had killed 25 soldiers. The army did not confirm that figure."
    )
    assert any(a.facet == "fatalities" and a.stance == "does_not_confirm" for a in events[0].assertions)


# Regression tests from the code review of the extract stage (each pins a bug that was seen).

def test_lynching_at_a_crowd_does_not_crash_and_is_mob_violence():
    events = events_of("A mob lynched a suspected thief in front of a crowd in Lagos on Monday.")
    assert [e.sub_event_type for e in events] == ["Mob violence"]


def test_it_in_a_victims_statement_is_not_the_speaker():
    events = events_of("Gunmen attacked a police station in Kano on Monday. Police said it killed 4 officers.")
    assert not any(a.role == "actor1" and a.name.startswith("Police") for a in events[0].actors)
    assert events[0].status["occurrence"] != "claimed"


def test_separate_attack_in_one_sentence_is_its_own_event_with_its_own_toll():
    events = events_of("A bomb killed five people in Kabul, and in a separate attack in Herat gunmen killed three soldiers.")
    assert sorted((e.fatalities.low, e.fatalities.high) for e in events) == [(3, 3), (5, 5)]


def test_strikes_on_two_towns_are_two_events():
    events = events_of("An air strike hit Homs on Monday, killing 4 people. An air strike hit Hama on Monday, killing 6 people.")
    assert len(events) == 2


def test_outer_speaker_only_reports_a_nested_claim():
    events = events_of("The ministry said the rebels claimed that the army shelled the town of Kidal on Monday.")
    assert events and events[0].status["occurrence"] != "confirmed"


def test_downed_tools_is_not_an_aircraft_downing():
    assert events_of("Dock workers downed tools in Mombasa on Monday over unpaid wages.") == ()


def test_coordinated_victims_are_each_counted():
    events = events_of("A roadside bomb exploded in Gao on Monday, killing a soldier and two civilians.")
    assert (events[0].fatalities.low, events[0].fatalities.high) == (3, 3)
