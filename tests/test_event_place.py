"""The incident's place settled against the story's own towns (resolve/event_place.py); texts written for these tests."""

from __future__ import annotations

from datetime import date

import sitrep
from sitrep.resolve.event_place import after_aftermath_word, names_aftermath_site, story_country
from sitrep.resolve.toponyms import find_toponyms

PUBLISHED = date(2015, 3, 11)


def _incident_place(text: str):
    events = [e for e in sitrep.extract(text, published=PUBLISHED).events if not e.background]
    return events[0].location if events else None


def test_a_station_call_sign_or_a_sheriffs_office_makes_a_us_story():
    assert story_country("HOMESTEAD, Fla. (WSVN) -- A man was shot.") == "US"
    assert story_country("The Marion County Sheriff's Office said deputies arrived.") == "US"
    assert story_country("Troops shelled the town of Idlib on Monday.") is None


def test_a_us_story_reads_an_ambiguous_town_as_the_us_one():
    text = "A 17-year-old was shot in the hand in central Toledo, the Sheriff's Office said."
    toledo = next(t for t in find_toponyms(text) if t.text == "Toledo")
    assert toledo.chosen.country_code == "US"


def test_a_place_after_a_hospital_word_is_an_aftermath_place():
    text = "He was taken to a hospital in Auburn."
    assert after_aftermath_word(text, text.index("Auburn"))
    assert not after_aftermath_word("He was shot in Auburn.", len("He was shot in "))


def test_a_local_dateline_town_beats_a_namesake_in_another_state():
    text = "BENTON, Ark. (KTHV) -- A 2-year-old was shot and killed Sunday, police said. The boy was visiting Nelson."
    place = _incident_place(text)
    assert place is not None and place.name == "Benton" and place.admin1 == "Arkansas"
    assert text[place.text.start:place.text.end] == "BENTON"


def test_a_wire_dateline_does_not_override_the_place_of_the_event():
    text = "BOSTON (Reuters) - A man shot two people in Portland, Oregon, on Sunday, police said."
    place = _incident_place(text)
    assert place is not None and place.name == "Portland" and place.admin1 == "Oregon"


def test_a_state_only_answer_gives_way_to_the_story_town_in_that_state():
    text = ("Family of five found shot dead in Maine home\n\nFive people were found shot dead in a home in Maine "
            "on Sunday. Police in Saco said the deaths were a murder-suicide. Saco police are investigating.")
    place = _incident_place(text)
    assert place is not None and place.name == "Saco" and place.admin1 == "Maine"


def test_with_no_place_tied_to_the_event_the_story_names_its_town():
    text = ("Two dead after shooting outside club\n\nTwo people were killed early Sunday outside a club. "
            "Memphis police said the shooter fled. Memphis officers are searching for him.")
    place = _incident_place(text)
    assert place is not None and place.name == "Memphis"
    assert text[place.text.start:place.text.end] == "Memphis"


def test_a_town_merely_mentioned_does_not_replace_a_stated_state():
    text = "A man was shot dead in northern Ohio on Monday, police said. Dayton police were not involved in the case."
    place = _incident_place(text)
    assert place is not None and place.name == "Ohio"


def test_a_town_whose_police_report_the_shooting_replaces_the_state():
    text = "A man was shot dead in northern Ohio on Monday. Bellefontaine Police said the man was 40."
    place = _incident_place(text)
    assert place is not None and place.name == "Bellefontaine" and place.admin1 == "Ohio"


def test_a_name_the_gazetteer_lacks_is_coded_to_the_local_storys_town():
    text = ("MEMPHIS, Tenn. (WREG) — Two people were shot Sunday in Zorbington Heights, police said. "
            "Memphis police are investigating.")
    place = _incident_place(text)
    assert place is not None and place.name == "Memphis" and place.precision == 2


def test_a_town_abroad_in_a_local_us_story_is_read_as_its_us_namesake():
    text = ("A 17-year-old was shot in the hand in central Toledo late Tuesday. The shooting occurred in the 1200 "
            "block of Elmwood Street, police said.")
    place = _incident_place(text)
    assert place is not None and place.country_code == "US" and place.admin1 == "Ohio"


def test_the_name_of_a_neighbourhood_is_read_as_the_storys_city():
    text = ("CHICAGO (WLS) -- A man was shot Sunday in the Kensington neighborhood, police said. "
            "Chicago police are investigating.")
    place = _incident_place(text)
    assert place is not None and place.name == "Chicago" and place.admin1 == "Illinois"


def test_a_neighbourhood_of_the_named_city_keeps_the_city():
    text = "SEATTLE (KOMO) -- Three people were shot Monday in a Seattle neighborhood, police said."
    place = _incident_place(text)
    assert place is not None and place.name == "Seattle"


def test_a_town_abroad_without_a_home_namesake_gives_way_to_the_local_storys_town():
    text = ("Man shot dead in Akron\n\nA man was shot dead Sunday, the Sheriff's Office said. Deputies said the man "
            "had shot Zapala before he fled. Akron police said the man was 40.")
    place = _incident_place(text)
    assert place is not None and place.country_code == "US" and place.name == "Akron"


def test_a_county_is_read_as_the_one_holding_the_storys_town():
    text = ("Teen charged in Uniontown shooting\n\nA teenager was charged after a shooting in Fayette County on "
            "Wednesday, the sheriff's office said.")
    place = _incident_place(text)
    assert place is not None and place.name == "Uniontown" and place.admin1 == "Pennsylvania"


def test_a_county_is_read_as_its_namesake_in_the_storys_state():
    text = "Boy shot near Topeka\n\nTopeka police said a boy was shot Friday in Marion County."
    place = _incident_place(text)
    assert place is not None and place.name == "Marion County" and place.admin1 == "Kansas"


def test_a_town_named_as_the_hospitals_town_is_an_aftermath_place():
    text = "The boy was taken to a Little Rock hospital, where he died."
    start = text.index("Little Rock")
    assert names_aftermath_site(text, start, start + len("Little Rock"))
    text = "The shooting happened outside the Little Rock hospital on Sunday."
    start = text.index("Little Rock")
    assert not names_aftermath_site(text, start, start + len("Little Rock"))


def test_the_hospitals_town_gives_way_to_the_storys_town_in_that_state():
    text = ("Toddler shot in Benton\n\nA 2-year-old was shot Tuesday and taken to a Little Rock hospital, "
            "where he died. Benton police said the boy found a gun.")
    place = _incident_place(text)
    assert place is not None and place.name == "Benton" and place.admin1 == "Arkansas"


def test_a_dateline_town_named_as_the_hospitals_town_gives_way_to_the_town_whose_police_report():
    text = ("LITTLE ROCK, Ark. (KTHV) -- A 2-year-old died Tuesday after being shot, police said. The Benton Police "
            "Department said the boy was taken to a Little Rock hospital, where he died.")
    place = _incident_place(text)
    assert place is not None and place.name == "Benton" and place.admin1 == "Arkansas"


def test_a_dateline_town_not_named_as_a_hospitals_town_stays():
    text = ("LITTLE ROCK, Ark. (KTHV) -- A 2-year-old died Tuesday after being shot, police said. Benton police "
            "said they were not involved in the case.")
    place = _incident_place(text)
    assert place is not None and place.name == "Little Rock"


def test_a_state_only_answer_gives_way_to_the_county_whose_sheriff_reports():
    text = ("A boy was fatally shot while playing with a gun in northern Michigan. The Antrim County sheriff's "
            "department says the boy found the gun in a closet.")
    place = _incident_place(text)
    assert place is not None and place.name == "Antrim County" and place.admin1 == "Michigan"


def test_a_county_merely_named_does_not_replace_the_state():
    text = ("A boy was fatally shot while playing with a gun in northern Michigan. He had lived in Antrim County "
            "for two years.")
    place = _incident_place(text)
    assert place is not None and place.name == "Michigan"
