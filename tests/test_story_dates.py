"""Story dates: the incident's own time phrase against later acts and page stamps; sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import sitrep
from sitrep.resolve.dates import find_time_expressions
from sitrep.resolve.story_dates import LATER_ACT_RULE, is_fallback_date, later_act_lemmas, split_by_act
from sitrep.model import When

PUBLISHED = date(2015, 3, 11)  # a Wednesday


def _split(nlp, text: str) -> tuple[list[str], list[str]]:
    own, later = split_by_act(nlp(text), find_time_expressions(text, PUBLISHED))
    return [e.text for e in own], [e.text for e in later]


def _expression(text: str, phrase: str):
    """The time expression of ``text`` written ``phrase``."""
    return next(e for e in find_time_expressions(text, PUBLISHED) if e.text == phrase)


def _incident_date(text: str) -> date | None:
    events = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background]
    return events[0].date.start if events and events[0].date else None


@pytest.mark.parametrize("text, own, later", [
    ("A man was shot Friday night in Dayton, police said Saturday.", ["Friday night"], ["Saturday"]),
    ("The suspect was arraigned on Tuesday.", [], ["Tuesday"]),
    ("A vigil was held Sunday night for the victim.", [], ["Sunday night"]),
    ("Two men were still in the hospital, recovering from Tuesday's shooting.", ["Tuesday"], []),
    ("The shooting was reported at 10:15 a.m. Monday.", ["10:15 a.m. Monday"], []),
    ("The victims showed up at a hospital Friday night.", ["Friday night"], []),
])
def test_a_later_acts_time_is_told_from_the_incidents_own(nlp, text, own, later):
    assert _split(nlp, text) == (own, later)


def test_a_page_stamp_is_no_event_time(nlp):
    own, later = _split(nlp, "Posted: Monday, March 9, 2015. A woman was shot.")
    assert "Monday, March 9, 2015" in later and "Monday, March 9, 2015" not in own


def test_the_statement_day_is_not_the_incidents_day():
    text = "One person was killed in a shooting at a Dayton bar, police said Tuesday. The shooting happened Sunday night."
    assert _incident_date(text) == date(2015, 3, 8)


def test_a_court_day_only_dates_the_incident_when_the_story_gives_none():
    text = ("A man accused of shooting his neighbour appeared in court Tuesday. "
            "The neighbour was shot in the arm Sunday night at their building in Dayton, police said.")
    assert _incident_date(text) == date(2015, 3, 8)


def test_a_fallback_date_is_marked_by_its_rule():
    day = When(start=PUBLISHED, end=PUBLISHED, precision="day", rule=f"weekday/nearest/{LATER_ACT_RULE}")
    assert is_fallback_date(day)
    assert not is_fallback_date(When(start=PUBLISHED, end=PUBLISHED, precision="day", rule="weekday/nearest"))
    assert not is_fallback_date(None)


def test_the_later_act_words_are_read_from_the_rules_file():
    assert {"say", "arraign", "vigil", "funeral"} <= later_act_lemmas()
    assert "shoot" not in later_act_lemmas()


def test_a_page_stamps_clock_time_is_part_of_the_stamp(nlp):
    own, later = _split(nlp, "Updated: Monday, March 9, 2015 11:26 PM EDT\n\nA woman was shot.")
    assert not own and later


def test_the_story_day_of_the_violence_comes_before_an_aftermath_day():
    text = ("Two men were wounded outside a Dayton bar. One of them was in critical condition Tuesday. "
            "The men were shot around 11 p.m. Sunday after an argument, police said.")
    assert _incident_date(text) == date(2015, 3, 8)


def test_a_month_narrows_to_the_day_the_story_names_for_the_shooting():
    text = ("A man was charged Tuesday in the shooting of a teenager in Dayton in February. "
            "The teenager was shot Feb. 14 outside a store, police said.")
    assert _incident_date(text) == date(2015, 2, 14)


def test_a_vague_span_is_not_narrowed_to_a_day_of_another_event(nlp):
    from sitrep.resolve.story_dates import narrowed_to_story_day

    text = "Fighting raged in the past week. A car bomb killed two soldiers on Monday."
    found = find_time_expressions(text, PUBLISHED)
    week = next(e.value for e in found if e.text == "the past week")
    assert narrowed_to_story_day(nlp(text), week, found) == week


def test_an_undated_incident_takes_the_day_the_story_names_for_the_violence_further_down():
    text = ("A 10-year-old Dayton boy was killed, and his family is asking for answers. Relatives gathered at the "
            "home. Neighbours brought flowers. The street was quiet. Children played nearby. A pastor spoke to the "
            "family. Friends shared memories. Officers were called to the home at about 9 p.m. Sunday after a "
            "report of gunfire.")
    event = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background][0]
    assert (event.date.start, event.rules["date"]) == (date(2015, 3, 8), "story day of the incident")


def test_no_story_day_when_the_story_names_days_only_for_later_acts(nlp):
    from sitrep.resolve.story_dates import story_day

    text = "A boy was shot in Dayton. His funeral is planned for Friday. A vigil was held Tuesday night."
    assert story_day(nlp(text), find_time_expressions(text, PUBLISHED), PUBLISHED) is None


def test_last_week_narrows_to_the_day_the_story_names_in_it():
    text = ("A Dayton man was wounded in a shooting last week outside a bar. "
            "He was shot Thursday night as he left the bar, police said.")
    event = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background][0]
    assert event.date.start == date(2015, 3, 5) and event.date.precision == "day"


def test_a_birth_date_in_the_lead_is_no_date_of_the_incident():
    text = ("A Dayton man shot his wife and then himself, deputies said. "
            "Suspect: John Doe, 07/04/1988, deceased of a self-inflicted gunshot wound.")
    event = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background][0]
    assert event.date.start.year == 2015


def test_an_arrests_own_day_is_not_a_later_act_for_the_arrest(nlp):
    text = "Police arrested a man on Tuesday."
    start = text.index("arrested")
    own, later = split_by_act(nlp(text), find_time_expressions(text, PUBLISHED), (start, start + len("arrested")))
    assert [e.text for e in own] == ["Tuesday"] and not later


def test_visiting_relatives_is_the_incidents_setting(nlp):
    assert _split(nlp, "The boy was visiting relatives on Wednesday when a gun went off.") == (["Wednesday"], [])


@pytest.mark.parametrize("text", [
    "Around 4 p.m. Sunday, deputies say they were called to a home for reports of a shooting.",
    "Police say that about 7:08 p.m. Saturday, officers responded to a shooting.",
    "Sunday night, police say, two men were shot outside a bar.",
])
def test_a_day_fronted_before_a_present_tense_say_dates_what_is_told(nlp, text):
    own, later = _split(nlp, text)
    assert own and not later


def test_a_day_right_after_says_is_the_sayings_own(nlp):
    text = "The sheriff says Monday that the boys were playing in the yard on Sunday when a gun went off."
    own, later = _split(nlp, text)
    assert "Monday" in later and "Sunday" in own


@pytest.mark.parametrize("clock, day", [("about 2 a.m.", date(2015, 3, 11)), ("around 10:30 p.m.", date(2015, 3, 10))])
def test_a_night_is_split_by_the_clock_time_of_the_shooting(clock, day):
    text = f"Two men were wounded in a shooting overnight in Dayton. The men were shot {clock} outside a bar, police said."
    assert _incident_date(text) == day


def test_a_weekend_narrows_to_the_day_the_story_names_for_the_shooting():
    text = ("Two men were wounded in a weekend shooting at a Dayton bar. "
            "The men were shot about 1:30 a.m. Sunday outside the bar, police said.")
    assert _incident_date(text) == date(2015, 3, 8)


def test_a_weekend_is_not_narrowed_to_the_day_of_another_event():
    text = ("Troops recaptured several positions near Dayton over the weekend, the army said. "
            "Shelling killed two civilians on Sunday, the governor said.")
    event = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background][0]
    assert event.date.start == date(2015, 3, 7) and event.date.precision == "week"


def test_an_incident_dated_only_by_an_arrest_takes_the_day_the_story_names_for_it():
    text = ("Police arrested a man Tuesday in connection with the fatal shooting of a Dayton teenager. "
            "The shooting happened on Sunday in a parking lot.")
    events = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background]
    shooting = next(e for e in events if e.event_type != "Strategic developments")
    assert shooting.date.start == date(2015, 3, 8)


@pytest.mark.parametrize("text, trigger, kept", [
    ("Police arrested a man Tuesday in the fatal shooting. The shooting happened on Sunday.", "shooting", False),
    ("On Tuesday soldiers seized grenades in raids. Gunmen shot five men on Sunday.", "grenades", True),
    ("The agency said Tuesday a ship reported an explosion. Rebels shot down a drone on Sunday.", "explosion", True),
    ("Police said Tuesday a boy shot his uncle. The shooting was reported at 9 a.m. Sunday.", "shot", False),
    ("The army said Tuesday its fighters had overrun a base. The fighting erupted on Sunday.", "overrun", True),
    ("The man who shot a teenager was sentenced Tuesday. He was arrested after the March 2 murder.", "shot", False),
    ("The man who shot a teenager was sentenced Tuesday. Gunmen shot five men on Sunday.", "shot", True),
])
def test_only_an_incident_named_in_a_later_acts_sentence_takes_the_story_day(nlp, text, trigger, kept):
    from sitrep.resolve.story_dates import as_fallback, narrowed_to_story_day

    found = find_time_expressions(text, PUBLISHED)
    act = as_fallback(next(e.value for e in found if e.text == "Tuesday"))
    start = text.index(trigger)
    narrowed = narrowed_to_story_day(nlp(text), act, found, (start, start + len(trigger)))
    assert (narrowed == act) is kept


def test_a_sentence_telling_the_incident_happened_is_one_of_the_incident(nlp):
    from sitrep.resolve.story_dates import in_incident_sentence

    text = "Officers gave no details. It happened around 7:15 p.m. on Friday."
    (expression,) = find_time_expressions(text, PUBLISHED)
    assert in_incident_sentence(nlp(text), expression)


def test_a_story_day_is_found_after_an_update_block():
    update = " ".join(f"Update {n}: officers are still searching for the gunman." for n in range(14))
    text = (f"A 10-year-old Dayton boy was killed, and his family is asking for answers. {update} Officers were "
            "called to the home at about 9 p.m. Sunday after a report of gunfire.")
    assert _incident_date(text) == date(2015, 3, 8)


@pytest.mark.parametrize("text, phrase, named", [
    ("The shooting was reported at 11:42 a.m. Monday in the 4200 block.", "11:42 a.m. Monday", True),
    ("He was charged for his role in the Sept. 28 shooting at the club.", "Sept. 28", True),
    ("It happened around 7:15 p.m. on Friday.", "around 7:15 p.m. on Friday", True),
    ("This happened around 8 o'clock Monday night on Elm Street.", "Monday night", True),
    ("The shooting started early Sunday in the East Flatbush neighborhood.", "early Sunday", True),
    ("Rebels shot down a drone on Sunday.", "Sunday", False),
    ("The fighting erupted on Sunday after a raid.", "Sunday", False),
])
def test_a_day_told_of_the_incident_by_name(nlp, text, phrase, named):
    from sitrep.resolve.story_dates import dates_named_incident

    expression = _expression(text, phrase)
    assert dates_named_incident(nlp(text), expression) is named


def test_an_incident_told_under_a_statement_day_takes_the_day_the_shooting_was_reported():
    text = ("A 4-year-old boy accidentally shot his uncle in the stomach at a Dayton house, police said Tuesday. "
            "The shooting was reported at 11:42 a.m. Monday in the 4200 block of Elm Street.")
    assert _incident_date(text) == date(2015, 3, 9)


@pytest.mark.parametrize("text, phrase, trigger, day", [
    ("Soldiers may face new gun rules after the 2014 post shooting. On Nov. 2, a gunman opened fire on soldiers, "
     "killing three.", "2014", "shooting", date(2014, 11, 2)),
    ("A man will stand trial in a shooting earlier this month. He had a hearing today on charges he shot a man in "
     "Dayton on March 2.", "earlier this month", "shooting", date(2015, 3, 2)),
    ("A boy was killed in a shooting this month. He died from a gunshot wound around 7 p.m. on March 5, an hour "
     "after he was shot.", "this month", "shooting", date(2015, 3, 5)),
    ("Two men were wounded in a shooting over the weekend in Dayton. Officers were called about 9:45 p.m. Friday "
     "after a report of shots fired.", "the weekend", "shooting", date(2015, 3, 6)),
    ("A week after a teenager was gunned down in a Dayton parking lot, a man was charged. The boy was shot and "
     "killed on March 1.", "A week after", "gunned down", date(2015, 3, 1)),
    ("A man died of an accidental shooting late last week. He was shot on Thursday at his home in Dayton.",
     "late last week", "shooting", date(2015, 3, 5)),
])
def test_a_coarse_date_narrows_to_the_day_the_story_names_inside_it(nlp, text, phrase, trigger, day):
    from sitrep.resolve.story_dates import narrowed_to_story_day

    found = find_time_expressions(text, PUBLISHED)
    coarse = next(e.value for e in found if e.text == phrase)
    start = text.index(trigger)
    assert narrowed_to_story_day(nlp(text), coarse, found, (start, start + len(trigger))).start == day


@pytest.mark.parametrize("text, phrase, later", [
    ("A teenager wounded in a double shooting that killed his brother died Tuesday.", "Tuesday", True),
    ("The woman was rushed to a hospital, but died the next day.", "the next day", True),
    ("He died from a gunshot wound around 7 p.m. on March 5.", "March 5", False),
    ("A man died Tuesday in a house fire in Dayton.", "Tuesday", False),
    ("A man who was found slumped next to his car died Tuesday in Dayton.", "Tuesday", False),  # "next to"
    ("The sheriff said the boy who was injured in an apparent accidental gunshot incident Monday night has died.",
     "Monday night", False),
])
def test_a_death_after_the_wounds_is_a_later_act(nlp, text, phrase, later):
    from sitrep.resolve.story_dates import dates_later_act

    expression = _expression(text, phrase)
    assert dates_later_act(nlp(text), expression) is later


def test_an_incident_told_with_a_later_death_takes_the_day_of_the_shooting():
    text = ("A Dayton teenager wounded in a double shooting that killed his brother died Tuesday, the coroner said. "
            "The shooting happened about 10 a.m. Sunday at a home on Elm Street.")
    assert _incident_date(text) == date(2015, 3, 8)


def test_a_state_still_so_is_dated_after_the_incident(nlp):
    from sitrep.resolve.story_dates import dates_later_act

    text = "The gunman, who was still at large Monday, opened fire outside a Dayton hall on Sunday night."
    found = {e.text: e for e in find_time_expressions(text, PUBLISHED)}
    doc = nlp(text)
    assert dates_later_act(doc, found["Monday"]) and not dates_later_act(doc, found["Sunday night"])


@pytest.mark.parametrize("text, phrase", [
    ("His trial was set for January 21 in Dayton.", "January 21"),
    ("Police said during a news conference Thursday that a Dayton man is one of four suspects in last week's shooting.",
     "Thursday"),
])
def test_a_court_date_and_a_news_conference_are_later_acts(nlp, text, phrase):
    from sitrep.resolve.story_dates import dates_later_act

    expression = _expression(text, phrase)
    assert dates_later_act(nlp(text), expression)


def test_the_story_day_is_the_one_hanging_from_the_violence_in_its_sentence(nlp):
    from sitrep.resolve.story_dates import story_day

    text = ("Deputies blanketed a Dayton neighborhood Tuesday and found a gun they believe was used to shoot a "
            "7-year-old boy Monday night.")
    day = story_day(nlp(text), find_time_expressions(text, PUBLISHED), PUBLISHED)
    assert day.start == date(2015, 3, 9)


def test_an_incident_dated_by_an_arrest_this_week_takes_a_day_of_that_week(nlp):
    from sitrep.resolve.story_dates import as_fallback, narrowed_to_story_day

    text = "Police arrested a man this week in the fatal shooting of a girl. The shooting happened on Tuesday."
    found = find_time_expressions(text, PUBLISHED)
    act = as_fallback(next(e.value for e in found if e.text == "this week"))
    start = text.index("shooting")
    assert narrowed_to_story_day(nlp(text), act, found, (start, start + len("shooting"))).start == date(2015, 3, 10)


@pytest.mark.parametrize("text, phrase, furniture", [
    ("Enjoy home delivery plus digital access. Sign up for our best value today!", "today", True),
    ("Cloudy early with isolated thunderstorms developing this afternoon.", "this afternoon", True),
    ("A man was shot this afternoon outside a Dayton store.", "this afternoon", False),
    ("Police arrested a man today, a spokesman said.", "today", False),
])
def test_a_present_day_in_an_offer_or_the_weather_is_page_furniture(nlp, text, phrase, furniture):
    from sitrep.resolve.story_dates import is_page_furniture

    expression = _expression(text, phrase)
    assert is_page_furniture(nlp(text), expression) is furniture


def test_a_state_as_of_a_day_and_a_condition_on_a_day_date_no_incident(nlp):
    from sitrep.resolve.story_dates import dates_later_act, is_page_stamp

    text = "As of late Tuesday morning, the boy had received 50,000 cards."
    (expression,) = find_time_expressions(text, PUBLISHED)
    assert is_page_stamp(text, expression)
    text = "All four victims were taken to a Dayton hospital and were in stable condition Friday night."
    (expression,) = find_time_expressions(text, PUBLISHED)
    assert dates_later_act(nlp(text), expression)


@pytest.mark.parametrize("text, phrase", [
    ("The man smiled at cameras as he made his first court appearance Monday.", "Monday"),
    ("Police apprehended a suspect early Saturday in a shooting that left a man dead.", "early Saturday"),
])
def test_a_later_act_named_by_the_verbs_object_or_an_apprehension(nlp, text, phrase):
    from sitrep.resolve.story_dates import dates_later_act

    expression = _expression(text, phrase)
    assert dates_later_act(nlp(text), expression)
