"""Death figures read from one sentence (mentions/fatalities.py): killing words with and without a count."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep

PUBLISHED = date(2015, 3, 11)  # a Wednesday


def _toll(text: str):
    events = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background]
    assert events, text
    figure = events[0].fatalities
    return (figure.low, figure.high) if figure else None


@pytest.mark.parametrize("text, toll", [
    ("A man shot and killed Sunday night in Tulsa has been identified.", (1, None)),
    ("Police in Tulsa said on Monday that a double homicide left the neighbourhood shaken after the shooting.",
     (2, None)),
    ("Police found a woman shot in a Tulsa home on Monday in what they called a murder-suicide.", (2, None)),
])
def test_words_that_imply_deaths_without_a_count(text, toll):
    assert _toll(text) == toll


def test_a_count_beats_a_word_that_only_implies_a_death():
    assert _toll("Two men were shot and killed in Tulsa on Monday in what police called a homicide.") == (2, 2)


@pytest.mark.parametrize("text", [
    "Three people were wounded or killed in the shooting in Tulsa on Monday.",
    "A man was charged with attempted murder after a shooting in Tulsa on Monday.",
    "The gunman tried to kill a clerk during a shooting in Tulsa on Monday.",
    "Police said the two teens plotted to kill a classmate before the shooting in Tulsa on Monday.",
    "Please do not let my baby die, she said after the shooting in Tulsa.",
    "Homicide detectives said the shooting in Tulsa on Monday wounded two men.",
])
def test_no_death_is_counted_where_none_is_told(text):
    assert _toll(text) is None


def test_named_victims_with_their_ages_are_each_counted():
    assert _toll("John Smith, 24, and Mary Jones, 22, died in the shooting in Tulsa on Monday.") == (2, 2)
    assert _toll("Police identified the victims of the shooting in Tulsa as John Smith, 24, and Mary Jones, 22, "
                 "who died at the scene.") == (2, 2)


def test_taking_ones_own_life_is_a_death():
    assert _toll("Police said the man shot his wife in Tulsa before taking his own life.") == (1, 1)


def test_the_suspects_death_is_counted_beside_the_victims():
    assert _toll("A gunman shot two men in Tulsa on Monday, killing one, before the gunman died in a shootout "
                 "with police.") == (2, 2)


@pytest.mark.parametrize("text, toll", [
    ("Police in Tulsa have followed the case of two young men who were killed in a shooting on Monday.", (2, 2)),
    ("Police in Tulsa have followed the case of two young men who were shot and killed on Monday.", (2, 2)),
    ("Five people were shot in Tulsa on Saturday night, including two men who were killed and two police "
     "officers who received minor injuries.", (2, 2)),
    ("Jose Garcia, 20, and Felix Ponce, 17, were gunned down at a house party in Tulsa on Monday.", (2, 2)),
    ("Four men were shot in Tulsa on Monday, and one of the victims was pronounced deceased at the scene.", (1, 1)),
])
def test_more_ways_the_dead_are_named(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text", [
    "Police said the shooting in Tulsa on Monday was not linked to other homicides in the city.",
    "Police said the shooting in Tulsa on Monday did not match previous killings in the city.",
])
def test_other_killings_are_not_this_events_deaths(text):
    assert _toll(text) is None


def test_a_shooting_investigated_as_a_homicide_is_a_death():
    assert _toll("Police are investigating the shooting in Tulsa on Monday as a homicide.") == (1, None)


def test_the_killer_named_among_his_victims_is_counted():
    assert _toll("A retired officer has killed his two children and himself in Tulsa, police said.") == (3, 3)


def test_committing_suicide_after_a_killing_is_the_killers_death_too():
    assert _toll("Police in Tulsa said a man shot and killed his brother on Monday before committing suicide.") == (2, 2)


def test_a_suicide_not_committed_is_no_death():
    assert _toll("Police in Tulsa said a man shot and killed his brother on Monday and later threatened suicide.") \
        == (1, 1)


def test_a_slaying_named_in_a_charge_gives_its_toll():
    assert _toll("TULSA, Okla. — A man was charged Monday in the slayings of four people at a home in Tulsa.") == (4, 4)


def test_a_burglar_shot_dead_after_his_victim_is_a_second_death():
    assert _toll("A woman was killed in Tulsa on Monday by a burglar who was then shot dead by her husband.") == (2, 2)


def test_a_victim_named_by_a_singular_noun_gives_way_to_a_count():
    assert _toll("Police said two people were killed in the shooting in Tulsa on Monday. The shooting killed the "
                 "homeowner, police said.") == (2, 2)


def test_a_name_listed_with_another_victim_is_one_more_death():
    # the small tagger may read an unfamiliar surname as a place; listed with "another man" it is a person
    assert _toll("In Tulsa on Monday, Giaquinta and another man were found dead behind the house after the shooting.") \
        == (2, 2)


@pytest.mark.parametrize("text, toll", [
    ("In Tulsa on Monday, a gunman killed a customer at a liquor store before being fatally shot by police.", (2, 2)),
    ("In Tulsa on Monday, a man killed two people before police shot him dead.", (3, 3)),
    ("In Tulsa on Monday, the man killed his wife before he was shot and killed by deputies.", (2, 2)),
])
def test_the_killers_death_told_after_before_is_one_more(text, toll):
    assert _toll(text) == toll


def test_a_victim_who_died_later_is_not_a_second_death():
    assert _toll("A man was shot in Tulsa on Monday and taken to a hospital before he died.") == (1, 1)


def test_a_victim_wounded_before_she_died_is_not_a_killer_death():
    assert _toll("In Tulsa on Monday, the woman was shot in the abdomen, and before she died she told police "
                 "the gun went off by accident.") == (1, 1)


def test_the_killers_death_after_a_rampage_told_by_a_second_verb_is_one_more():
    assert _toll("In Tulsa on Monday, a gunman ambushed a sergeant and then went on a rampage killing a young woman "
                 "before police shot him to death.") == (2, 2)


def test_a_fatal_double_shooting_is_two_shot_and_at_least_one_dead():
    assert _toll("Police in Tulsa are investigating a fatal double shooting on Elm Street on Monday night.") == (1, None)
