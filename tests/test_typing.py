"""The cue-lexicon sub-event classifier on sentences written for these tests, one (or more) per ACLED sub-type."""

from __future__ import annotations

import pytest

from sitrep.mentions.typing import PRECEDENCE, classify_sub_event, score_sub_events
from sitrep.model import SUB_EVENT_TO_TYPE

CASES = [
    ("Government regains territory", "Army troops recaptured the town of Kalo from the rebels on Monday."),
    ("Non-state actor overtakes territory", "Militants seized control of the district headquarters after soldiers fled."),
    ("Armed clash", "Soldiers and rebels exchanged fire for hours near the border crossing; two fighters died."),
    ("Excessive force against protesters",
     "Security forces opened fire on protesters in the capital, killing four demonstrators."),
    ("Protest with intervention", "Police fired tear gas to disperse hundreds of students protesting tuition fees."),
    ("Peaceful protest", "Thousands of teachers marched peacefully through the city centre to demand higher pay."),
    ("Violent demonstration", "Rioters torched cars and pelted police with stones after the election result."),
    ("Mob violence", "An angry mob lynched a man accused of stealing a motorbike in the market."),
    ("Chemical weapon", "Residents said a helicopter dropped barrels of chlorine gas on the village."),
    ("Air/drone strike", "Warplanes carried out air strikes on the rebel-held town overnight."),
    ("Suicide bomb", "A suicide bomber blew himself up at a checkpoint outside the ministry."),
    ("Shelling/artillery/missile attack", "Artillery shells and rockets hit a residential area of the city."),
    ("Remote explosive/landmine/IED", "A roadside bomb struck a minibus on the highway, killing three passengers."),
    ("Grenade", "Unknown attackers hurled a grenade into a bar, wounding six customers."),
    ("Sexual violence", "Soldiers were accused of raping two women in the camp for displaced people."),
    ("Attack", "Gunmen killed five villagers in a night raid on a farming settlement."),
    ("Abduction/forced disappearance", "Bandits kidnapped twelve passengers from a bus and demanded a ransom."),
    ("Agreement", "The warring parties signed a ceasefire agreement in the capital on Friday."),
    ("Arrests", "Police arrested three suspected members of the cell in a dawn operation."),
    ("Change to group/activity", "Hundreds of fighters defected from the militia to join the rival faction."),
    ("Disrupted weapons use", "Troops defused an improvised explosive device found near the school."),
    ("Disrupted weapons use", "Air defences intercepted two drones over the port city."),
    ("Headquarters or base established", "The army set up a new military base on the hill overlooking the valley."),
    ("Looting/property destruction", "Armed men looted shops and burned houses in the village."),
    ("Non-violent transfer of territory", "Rebel forces withdrew from the town and handed over control to the army without a fight."),
]


@pytest.mark.parametrize("expected,text", CASES)
def test_classifies_each_sub_type(expected, text):
    label, confidence = classify_sub_event(text)
    assert label == expected, (text, label)
    assert 0 < confidence <= 1


def test_every_label_is_an_acled_sub_type():
    for _expected, text in CASES:
        assert classify_sub_event(text)[0] in SUB_EVENT_TO_TYPE


def test_no_cue_falls_back_to_other():
    assert classify_sub_event("The committee met to discuss the budget.") == ("Other", 0.0)


def test_march_the_month_is_not_a_protest():
    label, _ = classify_sub_event("On 3 March a roadside bomb killed two soldiers on patrol.")
    assert label == "Remote explosive/landmine/IED"


def test_territory_side_follows_the_reporting_source():
    text = "An army spokesman said insurgents had taken control of two villages near the lake."
    assert classify_sub_event(text)[0] == "Non-state actor overtakes territory"


def test_scores_cover_all_types_in_precedence_order():
    scores = score_sub_events("Rebels shelled the town.")
    assert set(scores.by_type) <= set(PRECEDENCE)
    assert scores.by_type["Shelling/artillery/missile attack"] > 0


@pytest.mark.parametrize("text", [
    "Police said the man shot his wife before committing suicide at their home.",
    "Deputies are treating the deaths of the mother and her two sons as a murder/suicide.",
    "Investigators said the shootings were a triple murder and suicide.",
    "The gunman was found dead hours after the shooting; police described his suicide as planned.",
    "Deputies called the deaths of the couple a murder-suicide.",
    "The gunman died by suicide after the shooting, the sheriff said.",
])
def test_a_killers_own_suicide_is_no_suicide_bomb(text):
    assert classify_sub_event(text)[0] != "Suicide bomb"


@pytest.mark.parametrize("text", [
    "A suicide struck a checkpoint in Kabul, killing six soldiers.",
    # a possessive before "suicide" and a vehicle or an operation after it (found in review)
    "The militant drove his suicide truck into the checkpoint, killing six soldiers.",
    "He carried out his suicide operation against the base, killing six soldiers.",
])
def test_a_bare_suicide_in_a_bombing_still_names_it(text):
    assert classify_sub_event(text)[0] == "Suicide bomb"


@pytest.mark.parametrize("text", [
    "The man killed his wife on Sunday night at their home, police said.",
    "A retired teacher killed his son and his daughter before turning the gun on himself.",
    "The suspect attacked his girlfriend and killed her, deputies said.",
    "A man killed a neighbour with a knife after a dispute over a fence.",
    "A young man was killed after someone fired shots from a passing car and drove off.",
    "He fired more than 40 rounds into the house where his family slept; investigators reviewed past shootings.",
])
def test_a_one_sided_killing_of_a_person_is_an_attack(text):
    """Regression: "killed" alone scores Armed clash and Attack alike, and precedence gave the tie to the clash."""
    assert classify_sub_event(text)[0] == "Attack"


@pytest.mark.parametrize("text", [
    "A gunman opened fire on shoppers at a mall on Saturday.",
    "Fighters of the group killed at least 17 civilians in the raid, an army spokesman said.",
])
def test_civilian_victims_make_an_attack_even_beside_armed_words(text):
    assert classify_sub_event(text)[0] == "Attack"


@pytest.mark.parametrize("text", [
    "The army killed and wounded scores of terrorists in the province.",
    "Soldiers killed two militants during the operation near the border.",
])
def test_a_named_armed_force_keeps_the_clash_reading(text):
    assert classify_sub_event(text)[0] == "Armed clash"


def test_the_armed_party_facet_leaves_out_police():
    scores = score_sub_events("The man killed his wife, police said.")
    assert scores.facets["armed_party"] == 0
    assert score_sub_events("Troops killed the man.").facets["armed_party"] > 0


@pytest.mark.parametrize("text", [
    "A five-year-old boy was hit by stray gunfire at an apartment complex on Sunday night.",
    "Her daughter had been struck by a bullet as they drove home.",
])
def test_hit_by_gunfire_is_a_shooting_not_a_shelling(text):
    """Regression: "hit by" is a shelling cue ("hit by a rocket"); by gunfire or a bullet it is a shooting."""
    assert classify_sub_event(text)[0] == "Attack"


def test_hit_by_a_rocket_is_still_a_shelling():
    assert classify_sub_event("A school was hit by a rocket on Monday.")[0] == "Shelling/artillery/missile attack"
