"""An event's death toll: the figure chosen among its mentions', and deaths told later joining the incident."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep
from sitrep.death_toll import choose_toll, lent_figures, tells_same_toll
from sitrep.model import Fatalities

PUBLISHED = date(2015, 3, 11)  # a Wednesday


def _figure(low, high, rule="fatalities:kill"):
    return Fatalities(low=low, high=high, rule=rule)


def test_no_figure_is_no_toll():
    assert choose_toll([]) is None


def test_one_figure_is_the_toll():
    assert choose_toll([("the outlet", _figure(3, 3))]) == _figure(3, 3)


def test_conflicting_figures_give_the_lowest_low_and_the_highest_high():
    toll = choose_toll([("officials", _figure(20, 20)), ("activists", _figure(25, 25))])
    assert (toll.low, toll.high) == (20, 25)
    assert toll.rule.endswith("+range-over-sources")


def test_an_open_figure_above_every_stated_high_leaves_the_high_open():
    toll = choose_toll([("officials", _figure(5, 5)), ("activists", _figure(12, None))])
    assert (toll.low, toll.high) == (5, None)


def test_a_death_only_implied_gives_way_to_a_count():
    toll = choose_toll([("the outlet", _figure(1, None, "fatalities:homicide:implied")),
                        ("the outlet", _figure(2, 2))])
    assert (toll.low, toll.high) == (2, 2)


def test_a_death_only_implied_is_the_toll_when_nothing_is_counted():
    toll = choose_toll([("the outlet", _figure(1, None, "fatalities:homicide:implied"))])
    assert (toll.low, toll.high) == (1, None)


@pytest.mark.parametrize("incident, later, only_deaths, rank, same", [
    ("Attack", "Attack", False, 5, True),
    ("Air/drone strike", "Attack", True, 1, True),  # "... one man later died": a death alone
    ("Attack", "Armed clash", False, 3, True),  # "the shooting ... he opened fire, killing three"
    ("Attack", "Armed clash", False, 5, False),  # "police clashed with the gang; several were killed"
    ("Air/drone strike", "Armed clash", False, 2, False),
])
def test_which_later_events_tell_the_incidents_toll(incident, later, only_deaths, rank, same):
    assert tells_same_toll(incident, later, only_deaths, rank) is same


def test_a_lent_figure_keeps_its_words_and_names_where_it_came_from():
    figure = Fatalities(low=1, high=1, text=None, rule="fatalities:die")
    [(source, lent)] = lent_figures([("police", figure)])
    assert source == "police" and (lent.low, lent.high) == (1, 1)
    assert lent.rule == "fatalities:die+later-mention"


def _events(text):
    return sitrep.extract(text, published=PUBLISHED).events


FILLER = ("Officers found him on the sidewalk. Witnesses described a dark car leaving. "
          "Neighbors said the street had been quiet for years. ")


def test_a_death_told_later_in_the_story_joins_the_incident():
    events = _events("A man was shot outside a bar in Tulsa on Monday night. " + FILLER +
                     "The man later died of a gunshot wound at a hospital, police said.")
    assert events[0].fatalities is not None and events[0].fatalities.low == 1
    assert "later-mention" in events[0].fatalities.rule
    assert all(e.fatalities is None for e in events[1:])  # the death is counted once


def test_deaths_of_a_separate_shooting_stay_with_it():
    events = _events("A man was shot outside a bar in Tulsa on Monday night. " + FILLER +
                     "In a separate shooting, two men were killed in Dallas.")
    assert events[0].fatalities is None
    assert any(e.fatalities and e.fatalities.low == 2 for e in events[1:])


def test_deaths_of_an_earlier_incident_stay_with_it():
    events = _events("A man was shot outside a bar in Tulsa on Monday night. Officers found him on the sidewalk. "
                     "Last month, two men were killed in a shooting nearby.")
    assert events[0].fatalities is None


def test_deaths_too_far_down_the_page_are_another_story():
    far = " ".join(f"The bar on the corner had a new owner in {1990 + n}." for n in range(14))
    events = _events("A man was shot outside a bar in Tulsa on Monday night. " + far +
                     " Two men were shot dead, police said.")
    assert events[0].fatalities is None


def test_a_named_victim_is_one_of_the_dead_not_a_lower_figure():
    toll = choose_toll([("the outlet", _figure(2, 2)), ("police", _figure(1, 1, "fatalities:die:one-person"))])
    assert (toll.low, toll.high) == (2, 2)


def test_named_victims_alone_still_give_a_toll():
    toll = choose_toll([("police", _figure(1, 1, "fatalities:die:one-person"))])
    assert (toll.low, toll.high) == (1, 1)


def test_a_sum_that_holds_the_killers_death_is_a_full_count():
    summed = _figure(8, 8, "fatalities:shoot+fatalities:kill:self:summed")
    toll = choose_toll([("the outlet", summed), ("police", _figure(1, 1, "fatalities:life:self"))])
    assert (toll.low, toll.high) == (8, 8)


def test_the_killers_own_death_told_apart_is_added_to_the_count():
    toll = choose_toll([("the outlet", _figure(1, 1)), ("police", _figure(1, 1, "fatalities:kill:self"))])
    assert (toll.low, toll.high) == (2, 2)
    assert toll.rule.endswith("+killer-too")


def test_the_killers_death_alone_is_the_toll():
    toll = choose_toll([("police", _figure(1, 1, "fatalities:kill:self"))])
    assert (toll.low, toll.high) == (1, 1)


def test_a_lone_death_told_far_below_is_the_toll_of_the_event_before_it():
    events = _events("Four people were shot outside a bar in Tulsa on Monday night. " + FILLER +
                     "Terrell Skinner, 26, was pronounced dead at the scene.")
    assert events[0].fatalities is not None and events[0].fatalities.low == 1
    assert events[0].fatalities.rule.endswith("+later-mention")


def test_a_lone_death_does_not_lower_a_toll_already_told():
    events = _events("Two men were shot dead outside a bar in Tulsa on Monday night. " + FILLER +
                     "Terrell Skinner, 26, was pronounced dead at the scene.")
    assert (events[0].fatalities.low, events[0].fatalities.high) == (2, 2)


def test_a_count_that_includes_the_shooter_is_not_raised_by_his_suicide():
    events = _events("DAYTON, Ohio — Three people are dead, including the shooter, after a man opened fire at a bar "
                     "on Sunday night, police said. The gunman later shot himself, police said.")
    assert events[0].fatalities.low == 3
    assert "killer-counted" in events[0].fatalities.rule


def test_a_count_without_the_shooter_is_raised_by_his_suicide():
    toll = choose_toll([("the outlet", _figure(2, 2)), ("the outlet", _figure(1, 1, "fatalities:life:self"))])
    assert (toll.low, toll.high) == (3, 3)
    toll = choose_toll([("the outlet", _figure(3, 3, "fatalities:dead:killer-counted")),
                        ("the outlet", _figure(1, 1, "fatalities:life:self"))])
    assert (toll.low, toll.high) == (3, 3)


def test_a_word_that_counts_the_dead_beats_a_single_implied_death():
    toll = choose_toll([("the outlet", _figure(4, None, "fatalities:murder:multiplied:implied")),
                        ("the outlet", _figure(1, None, "fatalities:murder:implied"))])
    assert (toll.low, toll.high) == (4, None)


def test_a_quadruple_murder_told_then_a_single_murder_word_is_four_dead():
    text = ("Police in Tulsa said on Monday that the quadruple murder at a home on Elm Street shocked neighbours. "
            "The suspect was charged with murder on Tuesday.")
    toll = [e.fatalities for e in sitrep.extract(text, published=PUBLISHED).events if e.fatalities][0]
    assert toll.low == 4


def test_a_later_count_of_the_dead_beats_one_victim_named_first():
    events = _events("Todd Webb, 14, was shot and killed outside a store on Elm Street in Tulsa on Monday night, "
                     "police said. Witnesses said a dark sedan sped away from the parking lot. Officers closed the "
                     "street for several hours. Neighbors said the store had been robbed before. A gunman opened "
                     "fire on the group, killing two people, police said.")
    assert events[0].fatalities.low == 2
    assert events[0].fatalities.rule.endswith("+later-mention")


def test_a_later_count_of_another_kind_of_event_stays_its_own():
    events = _events("Gunmen kidnapped Rosa Diaz, a teacher, outside a school in Tulsa on Monday; Diaz was killed, "
                     "police said. Witnesses said a dark sedan sped away from the school. Officers closed the street "
                     "for several hours. Neighbors said the school had been threatened before. Nine people were "
                     "killed near the border.")
    assert (events[0].fatalities.low, events[-1].fatalities.low) == (1, 9)
