"""A death toll told only in the headline goes to the lead incident when the body states none."""

from __future__ import annotations

import datetime

import pytest

from sitrep.headline_toll import headline_deaths
from sitrep.model import Span


def _title(text: str) -> Span:
    return Span(0, len(text), text)


@pytest.mark.parametrize(("headline", "low", "high"), [
    ("Two killed in Springfield shooting", 2, 2),
    ("1 dead, 3 hurt in Old Town shooting", 1, 1),
    ("Shooting leaves 2 dead", 2, 2),
    ("Drive-by shooter kills 1, injures 3", 1, 1),
    ("Man killed in Dayton shooting", 1, 1),
    ("Fatal shooting on Elm Street", 1, None),
    ("Teen found shot to death in Riverside park", 1, None),
    ("Bakersfield man charged in shooting death of neighbor", 1, None),
    ("Gunman who killed clerk at gas station sentenced", 1, None),
    ("Grandmother and grandson dead in apparent murder-suicide", 2, 2),  # the dead listed, the killer among them
    ("Deputies investigate double murder-suicide at Elm Court", 3, None),
    ("Police investigate apparent murder-suicide at Elm Court home", 2, None),
    ("Gunman kills three at warehouse, then turns gun on himself", 4, 4),
    ("Shooting leaves 5 dead before gunman kills himself", 6, 6),
    ("Toddler, 19-year-old woman killed in Eastside shooting", 2, 2),  # a list of victims: one each
    ("Parents, 3 children found dead in Elm Court home", 5, 5),  # "parents" are two, "3 children" three
    ("Police: Man killed his wife, his son, himself", 3, 3),  # the killer listed among them is not added again
    ("Woman charged in deaths of grandmother, toddler", 2, 2),
    ("3 found dead at Elm Court home; man arrested", 3, 3),
    ("Hunter found dead in Lake County woods", 1, 1),
    ("Two deputies killed in Lake County shootout", 2, 2),  # any group noun of the victim lists counts
    ("Two boys killed, father commits suicide after Elm Court standoff", 3, 3),
    ("Third person dies after shooting at Elm Street party", 3, 3),  # the third of the incident's dead
    ("Second victim of Riverside gas station gunman dies", 2, 2),
    ("Prosecutor charges driver with manslaughter in Oak Avenue shooting", 1, None),
    ("Three men charged in connection with Elm Street teen's death", 1, None),  # a death of one named or told
    ("Suspect arrested in death of Riverside store clerk", 1, None),
])
def test_headline_states_a_toll(headline, low, high):
    figure = headline_deaths(_title(headline))
    assert (figure.low, figure.high) == (low, high)
    assert headline[figure.text.start:figure.text.end] == figure.text.text


@pytest.mark.parametrize("headline", [
    "3 killed in separate shootings across the city",  # a roundup, not one incident's toll
    "Man shot in leg outside bar",  # no death
    "2 killed in Dayton, 3 killed in Toledo",  # two different figures
    "Police: 1500 block of Elm Street closed",  # an address, not a count
    "Two charged with attempted murder in Elm Street shooting",  # nobody died
    "Non-fatal shooting on Oak Avenue under investigation",
    "Shooting outside party leaves 4 hurt",  # "leaves" counts the dead only with "dead"
    "Second man shot in Tulsa, police say",  # an ordinal victim with no death
])
def test_headline_states_no_single_toll(headline):
    assert headline_deaths(_title(headline)) is None


@pytest.mark.parametrize(("headline", "low"), [
    ("Boy, 4, accidentally kills self with father's pistol", 1),  # the one death is his own
    ("Man dead after shooting himself while cleaning rifle", 1),
    ("Officer cleared in self-defense shooting that killed 6-year-old", 1),  # "6-year-old" is not a count
])
def test_a_death_of_ones_own_hand_is_not_counted_twice(headline, low):
    assert headline_deaths(_title(headline)).low == low


@pytest.mark.parametrize(("headline", "low"), [
    ("Drive-by shooting killed one man, injured 3 others", 1),  # the wounded are no part of the list of dead
    ("Rampage that killed woman, injured 2 officers", 1),
])
def test_a_list_stops_at_a_verb_of_wounding(headline, low):
    assert headline_deaths(_title(headline)).low == low


def test_a_reflexive_that_is_no_death_adds_none():
    assert headline_deaths(_title("Gunman kills three, barricades himself inside home")).low == 3


@pytest.mark.model
def test_headline_toll_goes_to_the_lead_incident_with_its_words():
    from sitrep import extract

    body = ("A man was shot outside a store on Main Street in Springfield on Saturday night, police said. "
            "Officers found him in the parking lot.")
    result = extract(body, published=datetime.date(2016, 3, 6), title="Two killed in Springfield shooting")
    incident = result.events[0]
    assert (incident.fatalities.low, incident.fatalities.high) == (2, 2)
    span = incident.fatalities.text
    assert result.article.source_text[span.start:span.end] == "Two killed"
    assert incident.rules["fatalities"] == "fatalities:headline-toll"


@pytest.mark.model
def test_body_toll_wins_over_the_headline():
    from sitrep import extract

    body = ("Two men were shot dead outside a store on Main Street in Springfield on Saturday night, police "
            "said.")
    result = extract(body, published=datetime.date(2016, 3, 6), title="One killed in Springfield shooting")
    assert result.events[0].fatalities.low == 2


@pytest.mark.model
def test_headline_toll_told_of_another_event_in_the_body_stays_there():
    from sitrep import extract

    body = ("Two drones struck a gas field near Sulaymaniyah on Monday. No one was hurt, the operator said.\n\n"
            "On Sunday, a Turkish drone struck a car near Sidakan, killing three people.")
    result = extract(body, published=datetime.date(2024, 3, 5),
                     title="Drones hit gas field as Turkish strike kills three near Sidakan")
    assert [e.fatalities.low if e.fatalities else None for e in result.events] == [None, 3]


@pytest.mark.model
@pytest.mark.parametrize("body, title, deaths", [
    # one named victim in the body
    ("Shots were fired at a house on Elm Street in Springfield on Saturday night, police said. "
     "John Miller, 24, died at the scene.", "3 dead in Springfield shooting", 3),
    # a lower body count of the same incident
    ("One man was killed when gunfire erupted outside a bar on Elm Street in Springfield early Sunday, "
     "police said. Officers found three other people wounded in the parking lot.",
     "2 dead, 3 hurt in Springfield bar shooting", 2),
])
def test_headline_count_beats_a_lower_count_in_the_body(body, title, deaths):
    from sitrep import extract

    incident = extract(body, published=datetime.date(2016, 3, 6), title=title).events[0]
    assert incident.fatalities.low == deaths
    assert incident.rules["fatalities"] == "fatalities:headline-toll"


@pytest.mark.parametrize("headline", [
    "Blast wounds nine; four militants killed in army clash",  # a count of a group the patterns do not read
    "Two protesters killed as police fire on blockade",
])
def test_a_death_word_after_an_unread_count_implies_nothing(headline):
    assert headline_deaths(_title(headline)) is None


def test_a_follow_up_with_its_incident_only_in_background_is_about_that_incident():
    from types import SimpleNamespace

    from sitrep.headline_toll import followed_incident_index, lead_incident_index

    arrest = SimpleNamespace(event_type="Strategic developments", background=False)
    earlier_shooting = SimpleNamespace(event_type="Violence against civilians", background=True)
    shooting = SimpleNamespace(event_type="Violence against civilians", background=False)
    assert lead_incident_index([arrest, earlier_shooting]) is None
    assert followed_incident_index([arrest, earlier_shooting]) == 1
    assert followed_incident_index([arrest, earlier_shooting, shooting]) == 2  # news of its own comes first
    assert followed_incident_index([arrest]) is None


@pytest.mark.model
def test_a_headline_counting_only_wounded_keeps_no_death_taken_from_later_in_the_body():
    from sitrep import extract

    body = ("Five men were wounded early Sunday in a shooting outside a club on Elm Street in Springfield, police "
            "said. Officers found the victims in the parking lot. Witnesses said a car drove off. Detectives "
            "questioned several people at the scene. The club will stay closed this week. The owner said he would "
            "add guards. Police later said that a 19-year-old man was shot and killed nearby.")
    title = "Five wounded in shooting at Springfield club"
    assert extract(body, published=datetime.date(2016, 3, 6), title=title).events[0].fatalities is None
    told_dead = extract(body, published=datetime.date(2016, 3, 6), title="Shooting at Springfield club")
    assert told_dead.events[0].fatalities.low == 1  # without the headline, the later death is the incident's
