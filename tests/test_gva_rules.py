"""Rules for local crime news (US datelines, shootings, ages, statement dates); sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sitrep
from sitrep.dateline_text import read_dateline, read_datelines
from sitrep.mentions.numbers import parse_quantity
from sitrep.resolve.datelines import find_dateline, state_named
from sitrep.resolve.toponyms import find_toponyms

PUBLISHED = date(2015, 3, 11)  # a Wednesday


def _lead(text: str):
    events = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background]
    return events[0] if events else None


@pytest.mark.parametrize("phrase, bounds", [
    ("a 6-year-old boy", (1, 1)),
    ("A 15-year-old", (1, 1)),
    ("a nine year old girl", (1, 1)),
    ("two 17-year-old boys", (2, 2)),
    ("at least 12 people", (12, None)),
])
def test_an_age_is_not_a_count(phrase, bounds):
    assert parse_quantity(phrase) == bounds


@pytest.mark.parametrize("text, city, state", [
    ("SPRINGFIELD, Mo. — A man was hurt.", "SPRINGFIELD", ("US", "Missouri")),
    ("Posted 9 a.m.\n\nBOWLING GREEN, KY (WXYZ) – Police said.", "BOWLING GREEN", ("US", "Kentucky")),
    ("FAYETTEVILLE, N.C. -- Deputies were called.", "FAYETTEVILLE", ("US", "North Carolina")),
    ("DENVER (AP) — Police said.", "DENVER", None),
])
def test_datelines_are_read_with_their_state(text, city, state):
    dateline = find_dateline(text)
    assert dateline is not None and dateline.city == city and dateline.state == state


@pytest.mark.parametrize("text, city", [
    ("KABUL, March 3 (Reuters) - Gunmen attacked a checkpoint.", "KABUL"),
    ("GENEVA, March 3, 2023 (AFP) - Talks resumed.", "GENEVA"),
    ("SAN SALVADOR, 30 MAR 89 -- [TEXT] A bomb exploded.", "SAN SALVADOR"),
    ("San Salvador, 30 mar 89 -- [TEXT] a bomb exploded.", "San Salvador"),  # truecased wire copy
])
def test_international_datelines_with_their_filing_date(text, city):
    dateline = find_dateline(text)
    assert dateline is not None and dateline.city == city and dateline.state is None


@pytest.mark.parametrize("text", ["UPDATE: police said more", "Police said - nothing more", "In other news, a fair.",
                                  "Officials, May 3 - a sentence", "Tuesday, March 3 - 2:15 PM",
                                  "Last Updated, Mar 3, 2023 - 10:00"])
def test_labels_and_sentences_are_not_datelines(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text, place, state, filed, agency, dash", [
    ("KABUL, 3 March (Reuters) - Gunmen attacked.", "KABUL", None, ("3", "March", None), "Reuters", "-"),
    ("GENEVA, March 3, 2023 (AFP) - Talks resumed.", "GENEVA", None, ("3", "March", "2023"), "AFP", "-"),
    ("SAN SALVADOR, 3 JAN 90 (DPA) -- [TEXT] Troops fought.", "SAN SALVADOR", None, ("3", "JAN", "90"), "DPA", "--"),
    ("MANASSAS, Va. — A woman remains in hospital.", "MANASSAS", "Va.", None, None, "—"),
    ("LOUISVILLE, KY (WAVE) - Police said.", "LOUISVILLE", "KY", None, "WAVE", "-"),
    ("CHICAGO (AP) — A man was killed.", "CHICAGO", None, None, "AP", "—"),
    ("KABUL, Afghanistan, Sept. 3rd 2023: Gunmen attacked.", "KABUL", "Afghanistan", ("3", "Sept.", "2023"), None, ":"),
    ("CLANDESTINE, 14 NOV 89 (CADENA REVOLUCIONARIA NACIONAL) --", "CLANDESTINE", None, ("14", "NOV", "89"),
     "CADENA REVOLUCIONARIA NACIONAL", "--"),  # hard-wrapped wire copy: the story starts on the next line
])
def test_each_dateline_shape_is_read_into_its_parts_at_their_offsets(text, place, state, filed, agency, dash):
    dateline = read_dateline(text)
    assert dateline is not None and dateline.start == 0 and text[dateline.end - len(dash):dateline.end] == dash
    parts = {"place": dateline.place, "state": dateline.state, "agency": dateline.agency, "dash": dateline.dash}
    assert {name: span and span.text for name, span in parts.items()} == {
        "place": place, "state": state, "agency": agency, "dash": dash}
    filing = dateline.filed
    assert (filing and (filing.day, filing.month, filing.year)) == filed
    for span in filter(None, (*parts.values(), filing and filing.span)):
        assert text[span.start:span.end] == span.text


def test_datelines_are_read_at_each_line_start_with_offsets_into_the_whole_text():
    text = "Posted 9 a.m.\n\n• BOWLING GREEN, KY (WXYZ) – Police said.\nDENVER (AP) — More."
    found = [(d.start, d.place.start, d.place.text, d.state and d.state.text) for d in read_datelines(text)]
    assert found == [(15, 17, "BOWLING GREEN", "KY"), (text.index("DENVER"), text.index("DENVER"), "DENVER", None)]
    assert read_dateline(text[15:]) is None  # a bullet before the place: not a dateline that opens the text


@pytest.mark.parametrize("text", ["KABUL, 3 March (Reuters) Gunmen attacked.", "KABUL\n- item one",
                                  "(AP) — no place", "3 March - a date alone", "the man - who was 30 - fled"])
def test_lines_without_a_dateline_shape_give_none(text):
    assert read_dateline(text) is None


_earlier_lines = st.one_of(st.just(""), st.text(max_size=40).map(lambda lines: lines + "\n"))
_places = st.sampled_from(["KABUL", "SAN SALVADOR", "San Salvador", "LOUISVILLE", "O’HARE", "ST. LOUIS"])
_states = st.sampled_from(["", "Va.", "KY", "N.C.", "Costa Rica"])
_filing_dates = st.sampled_from(["", "3 March", "March 3, 2023", "30 MAR 89", "Sept. 3rd"])
_agencies = st.sampled_from(["", "Reuters", "AP", "CADENA REVOLUCIONARIA NACIONAL"])
_dashes = st.sampled_from(["-", "—", "–", "--", ":"])


@given(st.text())
def test_the_dateline_reader_never_raises_on_any_text_and_its_offsets_lie_inside_it(text):
    for dateline in (read_dateline(text), *read_datelines(text)):
        if dateline is not None:
            _assert_parts_inside(text, dateline)


@given(_earlier_lines, _places, _states, _filing_dates, _agencies, _dashes, st.text(max_size=40))
def test_a_written_dateline_is_read_back_whatever_surrounds_it(earlier, place, state, filed, agency, dash, story):
    text = (f"{earlier}{place}{', ' + state if state else ''}{', ' + filed if filed else ''}"
            f"{' (' + agency + ')' if agency else ''} {dash} {story}")
    dateline = next((d for d in read_datelines(text) if d.place.start == len(earlier)), None)
    assert dateline is not None and dateline.place.text == place
    assert (dateline.state and dateline.state.text, dateline.filed and dateline.filed.span.text,
            dateline.agency and dateline.agency.text, dateline.dash.text) == (state or None, filed or None,
                                                                              agency or None, dash)
    _assert_parts_inside(text, dateline)


def _assert_parts_inside(text, dateline):
    assert 0 <= dateline.start <= dateline.place.start < dateline.place.end <= dateline.end <= len(text)
    parts = (dateline.place, dateline.state, dateline.filed and dateline.filed.span, dateline.agency, dateline.dash)
    for span in filter(None, parts):
        assert dateline.start <= span.start < span.end <= dateline.end and text[span.start:span.end] == span.text


def test_postal_codes_name_states():
    assert state_named("TX") == ("US", "Texas")
    assert state_named("Tenn") == ("US", "Tennessee")
    assert state_named("XQ") is None


def test_dateline_state_picks_the_town_of_that_state():
    text = "PARIS, Tenn. (WXYZ) — A man was wounded outside a store in Paris on Friday."
    chosen = {t.text.lower(): t.chosen for t in find_toponyms(text) if t.chosen}
    assert chosen["paris"].admin1 == "Tennessee"


def test_dateline_state_steers_other_towns_of_the_story():
    text = "SALEM, Ore. — Officers said the car was later found in Albany."
    albany = next(t for t in find_toponyms(text) if t.text == "Albany")
    assert albany.chosen.admin1 == "Oregon"


def test_streets_named_after_towns_are_not_places():
    text = "The victims were found on Houston Avenue near Dallas and Austin streets in Phoenix."
    names = {t.text for t in find_toponyms(text)}
    assert "Phoenix" in names and not names & {"Houston", "Dallas", "Austin", "Houston Avenue"}


@pytest.mark.parametrize("text, killed", [
    ("Police said three teenagers were shot, one fatally, on Tuesday night in Omaha.", 1),
    ("A 19-year-old man was fatally shot on Sunday in Tulsa.", 1),
    ("A woman was shot to death on Friday evening in Toledo.", 1),
    ("A prosecutor charged a man in the fatal shooting of a 4-year-old girl in Macon.", 1),
    ("Two men were fatally shot outside a bar in Fresno on Monday.", 2),
    ("A 12-year-old boy was shot in the leg on Monday in Akron.", None),
])
def test_lethal_shootings_count_their_dead(text, killed):
    event = _lead(text)
    assert event is not None
    assert (event.fatalities.low if event.fatalities else None) == killed


def test_a_shooting_that_left_a_man_dead_counts_one():
    event = next(e for e in sitrep.extract("Officers arrested a suspect after a shooting that left a man dead in "
                                           "Reno on Monday.", published=PUBLISHED).events if e.fatalities)
    assert event.fatalities.low == 1


def test_the_story_date_comes_from_its_opening_sentences_when_the_lead_has_none():
    text = ("Detectives are looking for the gunman who wounded a cashier in Tacoma.\n"
            "The manager said the store will reopen next week.\n"
            "The shooting happened around 9 p.m. Saturday at a gas station.")
    event = _lead(text)
    assert event.date is not None and event.date.start == date(2015, 3, 7)


def test_a_neighbourhood_named_after_a_far_town_is_part_of_the_story_town():
    text = "OMAHA, Neb. — A man was wounded in a shooting in the Dallas neighborhood on Friday, Omaha police said."
    place = _lead(text).location
    assert place is not None and place.admin1 == "Nebraska"


def test_city_parts_are_not_towns():
    names = {t.text for t in find_toponyms("Two men were shot on the South Side and later Downtown in Denver.")}
    assert names == {"Denver"}


def test_a_town_named_by_its_police_is_a_place(nlp):
    text = "The Bellefontaine Police Department said a teen was hurt."
    names = {t.text for t in find_toponyms(text, nlp(text))}
    assert "Bellefontaine" in names


def test_a_state_level_place_gives_way_to_the_story_town_in_that_state():
    text = ("ALBION, Mich. (AP) — Police say a shooting outside a party in southern Michigan left four people "
            "wounded late Thursday.")
    place = _lead(text).location
    assert place is not None and place.name == "Albion" and place.admin1 == "Michigan"


@pytest.mark.parametrize("text", [
    "A shooting in Tulsa claimed the life of one man and injured three other people on Saturday.",
    "A 14-year-old girl was fatally wounded in a shooting late Tuesday in Tulsa.",
    "Police said a teenager shot and killed himself in Tulsa on Sunday.",
    "Officers say a 15-year-old boy was found shot to death on Tuesday in Tulsa.",
    "A 12-year-old girl was fatally struck by stray gunfire in Tulsa on Monday.",
    "Detectives identified the woman fatally shot on Monday outside a Tulsa bar.",
])
def test_more_ways_of_telling_one_death(text):
    assert _lead(text).fatalities.low == 1


def test_now_does_not_date_an_event():
    event = _lead("A man is now in custody after a shooting that wounded two people in Tulsa.")
    assert event.date is None or event.date.implied


def test_a_small_place_abroad_in_a_one_country_story_loses_its_far_reading():
    text = ("Police in Dallas, Houston and Austin said a man from Waco was hurt near Zvornik on Friday.")
    chosen = {t.text: t.chosen for t in find_toponyms(text)}
    assert chosen["Dallas"].country_code == "US"
    assert "Zvornik" in chosen and chosen["Zvornik"] is None


def test_a_site_named_after_a_town_is_not_the_town():
    names = {t.text for t in find_toponyms("Shots were fired at Palacio Park and near the Aspen Heights Apartments "
                                           "in Fresno.")}
    assert "Fresno" in names and not names & {"Palacio", "Aspen", "Aspen Heights"}


def test_only_the_whole_dateline_city_is_taken_on_trust():
    names = {t.text for t in find_toponyms("ST. LOUIS (AP) — A man was shot in Missouri.")}
    assert "LOUIS" not in names


@pytest.mark.parametrize("text", [
    "A man shot and killed his wife before turning the gun on himself in Tulsa, police said.",
    "A man fatally shot his neighbour and then killed himself in Tulsa on Sunday.",
])
def test_the_attackers_own_death_is_counted_too(text):
    assert _lead(text).fatalities.low == 2


def test_the_opening_date_skips_court_steps_and_bare_clock_times():
    text = ("Detectives are looking for the gunman who wounded a cashier in Tacoma.\n"
            "A suspect was arraigned Tuesday in a different case.\n"
            "The shooting happened around 9 p.m. at a gas station on Saturday.")
    event = _lead(text)
    assert event.date is not None and event.date.start == date(2015, 3, 7)


def test_a_city_named_with_an_indefinite_neighbourhood_stays_that_city():
    text = "Four people were shot in a Tulsa neighborhood near Grand River and Pine, Tulsa police said."
    tulsa = [t for t in find_toponyms(text) if t.text == "Tulsa"]
    assert tulsa and all(t.chosen.admin1 == "Oklahoma" and t.chosen.name == "Tulsa" for t in tulsa)


def test_a_big_city_bearing_the_name_beats_a_reading_by_alias():
    chosen = {t.text: t.chosen for t in find_toponyms("A man was shot in Philadelphia on Monday.")}
    assert chosen["Philadelphia"].country_code == "US"


def test_a_small_province_yields_to_a_bigger_city_abroad_of_the_same_name():
    chosen = {t.text: t.chosen for t in find_toponyms("Two men were shot in Toledo, police in Ohio said.")}
    assert chosen["Toledo"].feature != "admin1"


@pytest.mark.parametrize("text, killed", [
    ("FRESNO — A 16-year-old boy was killed in a drive-by shooting Monday night, police said.", 1),
    ("DAYTON (WXYZ) – A 6-year-old is dead after a shooting on the city's north side.", 1),
])
def test_a_dateline_parsed_as_the_subject_does_not_hide_the_victims(text, killed):
    assert _lead(text).fatalities.low == killed


def test_labels_and_lone_cities_over_a_list_are_not_datelines():
    from sitrep.resolve.datelines import find_dateline

    assert find_dateline("EXCLUSIVE: Rebels seize the town") is None
    assert find_dateline("KABUL\n\n- item one") is None
    assert find_dateline("MANASSAS, Va. — A woman remains in hospital") is not None


@pytest.mark.parametrize("text", [
    "The couple were found dead with gunshot wounds in their home on Pine Road on Tuesday.",
    "Two deputies were involved in a shootout with a robbery suspect on Monday night.",
    "Officers heard shots fired near a gas station on Elm Street on Sunday.",
    "A 9-year-old boy was hit by a stray bullet while playing outside on Saturday.",
    "The deaths of the mother and her son on Friday were a murder-suicide, the sheriff said.",
    "Police responded to a call of shots fired on Cedar Lane late Monday.",
    "A 17-year-old was wounded in a drive-by on Oak Street on Friday night.",
    "Two men were found slain in a parked car on Birch Road on Sunday.",
])
def test_local_shooting_phrases_are_events(text):
    event = _lead(text)
    assert event is not None and event.event_type in ("Violence against civilians", "Battles")


def test_a_shootout_is_an_armed_clash_and_a_stray_bullet_an_attack():
    assert _lead("Two deputies were involved in a shootout with a robbery suspect on Monday.").sub_event_type == "Armed clash"
    assert _lead("A boy was hit by a stray bullet outside his home on Saturday.").sub_event_type == "Attack"


@pytest.mark.parametrize("text", [
    "Lawmakers clashed over the gun bill in the state Senate on Tuesday.",
    "Democrats and Republicans clashed in a heated debate on Tuesday.",
    "Police fired rubber bullets and were struck by criticism on Tuesday.",
    "Protesters called for an end to gun violence on Tuesday.",
])
def test_words_of_debate_and_crowd_control_are_not_shootings(text):
    assert _lead(text) is None


def test_a_page_with_no_event_in_its_text_is_read_under_its_headline():
    text = "Anyone with information is asked to call Crime Stoppers.\nThe investigation continues."
    extraction = sitrep.extract(text, title="Man shot dead outside Elm Street store", published=PUBLISHED)
    assert len(extraction.events) == 1
    evidence = extraction.events[0].evidence[0]
    assert evidence.text == extraction.article.source_text[evidence.start:evidence.end]
    assert evidence.text.startswith("Man shot dead")
    assert sitrep.extract(text, published=PUBLISHED).events == ()


def test_a_page_with_its_own_event_is_not_read_again_under_its_headline():
    text = "A woman was stabbed outside a bar on Main Street on Tuesday, police said."
    events = sitrep.extract(text, title="Man shot dead outside Elm Street store", published=PUBLISHED).events
    assert len(events) == 1 and "stabbed" in events[0].evidence[0].text


def test_dying_of_gunshot_wounds_joins_the_shooting_told_next_to_it():
    text = ("Police opened fire on a crowd of demonstrators in the square on Sunday, killing two students.\n"
            "A doctor said both students had died of gunshot wounds to the chest.")
    events = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background]
    assert len(events) == 1


@pytest.mark.parametrize("text", [
    "Police are investigating a homicide after a man was found dead on Elm Street on Sunday.",
    "A store clerk fired at the robber as he fled on Sunday, the sheriff said.",
    "Police said the man was charged with the murder of his neighbour on Elm Street on Sunday.",
])
def test_homicide_murder_and_firing_at_someone_are_events(text):
    assert _lead(text) is not None


@pytest.mark.parametrize("text", [
    "Homicide detectives asked residents for help on Monday.",
    "The murder rate in the county rose last year, officials said on Monday.",
    "The mayor fired the police chief on Monday.",
])
def test_crime_words_as_modifiers_and_other_firing_are_not_events(text):
    assert _lead(text) is None


def test_a_murder_suicide_is_one_attack():
    event = _lead("The deaths of a mother and her son on Friday were a murder-suicide, the sheriff said.")
    assert event.sub_event_type == "Attack"
