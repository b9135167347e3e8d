"""Event arguments from the dependency parse (sitrep.mentions.arguments), on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.mentions.arguments import Argument, argument_rules, event_kinds, extract_arguments


def _roles(nlp, text: str, trigger_word: str, kind: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    index = next(token.i for token in doc if token.text == trigger_word)
    return {(argument.role, argument.text) for argument in extract_arguments(doc, index, kind)}


def test_active_attack_gives_attacker_target_place_and_instrument(nlp):
    found = _roles(nlp, "Rebels attacked a police checkpoint in Kandahar with rockets.", "attacked", "attack")
    assert found == {("Attacker", "Rebels"), ("Target", "checkpoint"), ("Place", "Kandahar"),
                     ("Instrument", "rockets")}


def test_weapon_subject_is_no_killer(nlp):
    found = _roles(nlp, "A roadside bomb killed four soldiers near Mosul.", "killed", "die")
    assert ("Victim", "soldiers") in found and ("Place", "Mosul") in found
    assert not any(role == "Killer" for role, _ in found)


def test_passive_with_by_agent(nlp):
    found = _roles(nlp, "Two farmers were killed by gunmen in the village.", "killed", "die")
    assert found == {("Victim", "farmers"), ("Killer", "gunmen"), ("Place", "village")}


def test_exploding_device_is_the_subject(nlp):
    found = _roles(nlp, "The car bomb exploded outside a mosque.", "exploded", "explode")
    assert found == {("ExplosiveDevice", "bomb"), ("Place", "mosque")}


def test_participle_inherits_the_clause_subject(nlp):
    text = "A suicide bomber blew himself up at the market, killing nine civilians."
    assert _roles(nlp, text, "blew", "explode") == {("Attacker", "bomber"), ("Place", "market")}
    assert _roles(nlp, text, "killing", "die") == {("Killer", "bomber"), ("Victim", "civilians")}


def test_conjoined_victims_are_all_found(nlp):
    found = _roles(nlp, "Militants killed three men, two women and a child.", "killed", "die")
    assert {("Victim", "men"), ("Victim", "women"), ("Victim", "child"), ("Killer", "Militants")} == found


def test_support_verb_gives_the_event_noun_its_agent_as_a_whole_name(nlp):
    found = _roles(nlp, "The Islamic State group claimed responsibility for the bombing.", "bombing", "explode")
    assert found == {("Attacker", "Islamic State")}


def test_protest_against_a_target(nlp):
    found = _roles(nlp, "Thousands of students protested against the government in the capital.", "protested",
                   "demonstrate")
    assert ("Target", "government") in found and ("Place", "capital") in found
    assert ("Demonstrator", "students") in found


def test_arrest_gives_jailer_and_detainee(nlp):
    found = _roles(nlp, "Police arrested three protesters in Lagos on Sunday.", "arrested", "detain")
    assert found == {("Jailer", "Police"), ("Detainee", "protesters"), ("Place", "Lagos")}


def test_dates_are_never_arguments(nlp):
    found = _roles(nlp, "The attack on Tuesday was condemned.", "attack", "attack")
    assert found == set()


def test_generic_place_noun_is_named_by_its_of_phrase(nlp):
    found = _roles(nlp, "Gunmen attacked a bus in the city of Kano.", "attacked", "attack")
    assert ("Place", "Kano") in found and ("Target", "bus") in found


def test_injury_noun_suffered_by_its_victims(nlp):
    found = _roles(nlp, "Twelve passengers suffered serious injuries.", "injuries", "injure")
    assert found == {("Victim", "passengers")}


def test_unknown_kind_and_bad_index_are_caller_errors(nlp):
    doc = nlp("Troops shelled the town.")
    with pytest.raises(ValueError, match="unknown event kind"):
        extract_arguments(doc, 1, "celebrate")
    with pytest.raises(ValueError, match="outside the document"):
        extract_arguments(doc, 40, "attack")


def test_every_kind_names_its_roles():
    for kind in event_kinds():
        roles = argument_rules().kinds[kind]
        assert roles.agent and roles.patient and roles.place


WORDS = ["the", "a", "rebels", "police", "attacked", "killed", "bomb", "exploded", "in", "at", "by", "with",
         "Kabul", "village", "three", "people", "were", "and", "on", "Friday", "of", "protesters", "its", ",", "."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), min_size=1, max_size=25),
       position=st.integers(min_value=0), kind=st.sampled_from(sorted(argument_rules().kinds)))
def test_never_crashes_and_spans_stay_inside_the_doc(nlp, words, position, kind):
    doc = nlp(" ".join(words))
    if len(doc) == 0:
        return
    trigger = position % len(doc)
    arguments = extract_arguments(doc, trigger, kind)
    roles = argument_rules().kinds[kind]
    for argument in arguments:
        assert isinstance(argument, Argument)
        assert 0 <= argument.start < argument.end <= len(doc)
        assert not argument.start <= trigger < argument.end
        assert argument.text == doc[argument.start:argument.end].text
        assert argument.role in {roles.agent, roles.patient, roles.instrument, roles.place, roles.opponent}


def test_possessor_of_a_death_is_its_victim(nlp):
    assert _roles(nlp, "The mayor's death shocked the city.", "death", "die") == {("Victim", "mayor")}


def test_battle_between_two_sides(nlp):
    found = _roles(nlp, "A battle between soldiers and rebels raged in the valley.", "battle", "attack")
    assert ("Attacker", "soldiers") in found and ("Target", "rebels") in found


def test_death_toll_names_its_count(nlp):
    found = _roles(nlp, "Officials gave a death toll of 14.", "death", "die")
    assert found == {("Victim", "14")}


def test_army_defeats_rebels(nlp):
    found = _roles(nlp, "The army defeated the rebels near Goma.", "defeated", "defeat")
    assert found == {("Victor", "army"), ("Defeated", "rebels"), ("Place", "Goma")}


def test_cars_wrecked_by_a_blast_are_targets_not_devices(nlp):
    found = _roles(nlp, "The explosion destroyed three cars.", "explosion", "explode")
    assert found == {("Target", "cars")}
