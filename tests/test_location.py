"""Event location: the place tied to the trigger, ACLED precision, and no place when the sentence gives none."""

from __future__ import annotations

import pytest

from sitrep.model import Place
from sitrep.resolve.location import event_place, precision_for
from sitrep.resolve.toponyms import find_toponyms


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp import load_pipeline

    return load_pipeline()


def _place_for(nlp, text: str, trigger: str) -> Place | None:
    doc = nlp(text)
    start = text.index(trigger)
    return event_place(doc, start, start + len(trigger), find_toponyms(text, doc))


def test_town_named_directly_is_precision_1(nlp):
    place = _place_for(nlp, "A pilot was killed when his jet was shot down in Deir Ezzor on Monday.", "shot")
    assert (place.name, place.country_code, place.precision) == ("Deir ez-Zor", "SY", 1)
    assert place.text.text == "Deir Ezzor" and place.lat is not None and place.rule


def test_near_a_town_is_precision_2(nlp):
    place = _place_for(nlp, "A Syrian plane crashed near Damascus during operations.", "crashed")
    assert place.name == "Damascus" and place.precision == 2


def test_direction_of_a_town_is_precision_2(nlp):
    place = _place_for(nlp, "The jet was shot down in East Qalamoun, north-east of Damascus.", "shot")
    assert place.name == "East Qalamoun" and place.precision == 2 and place.admin1 == "Rif Dimashq"


def test_region_is_precision_3(nlp):
    place = _place_for(nlp, "Government forces shelled villages in Idlib province on Tuesday.", "shelled")
    assert place.feature == "admin1" and place.precision == 3


def test_country_only_has_no_coordinates_or_precision(nlp):
    place = _place_for(nlp, "Three soldiers were killed in Syria on Friday.", "killed")
    assert place.country_code == "SY" and place.lat is None and place.lon is None and place.precision is None


def test_sentence_without_a_place_gives_none(nlp):
    assert _place_for(nlp, "The temporary ceasefire was marred by strikes that hit a UN aid convoy.", "hit") is None


def test_place_in_another_sentence_is_not_borrowed(nlp):
    text = "Fighting raged in Aleppo last week. On Monday an aid convoy was struck, killing 12 people."
    assert _place_for(nlp, text, "struck") is None


def test_modifier_toponym_loses_to_the_locative_one(nlp):
    place = _place_for(nlp, "Syrian and Russian jets bombed a market in Idlib, activists said.", "bombed")
    assert place.name == "Idlib"


def test_precision_for_rules():
    town = Place(name="X", feature="city", precision=1)
    assert precision_for(town, "clashes in ") == 1
    assert precision_for(town, "fighting near ") == 2
    assert precision_for(town, "20 km north of ") == 2
    assert precision_for(Place(name="Y", feature="admin1", precision=3), "near ") == 3
    assert precision_for(Place(name="Z", feature="country"), "in ") is None
    assert precision_for(None) is None


def test_containing_province_and_country_are_context(nlp):
    text = "Militants abducted dozens of women near Dikwa in Nigeria's Borno state on Monday."
    place = _place_for(nlp, text, "abducted")
    assert place.name == "Dikwa" and place.admin1 == "Borno" and place.precision == 2


def test_reference_town_is_not_the_place(nlp):
    text = "Gunmen shot a man outside his home in Bahawalpur, 80 kilometers south of Multan."
    assert _place_for(nlp, text, "shot").name == "Bahawalpur"


def test_unknown_neighbourhood_is_coded_to_its_town(nlp):
    text = "Gangs torched houses in the neighbourhood of Zqxwarbeh in Port-au-Prince on Sunday."
    place = _place_for(nlp, text, "torched")
    assert place.name == "Zqxwarbeh" and place.country_code == "HT" and place.lat is not None
    assert place.precision == 2 and place.rule.startswith("event_place:within")


def test_control_of_a_town_places_the_event(nlp):
    place = _place_for(nlp, "Wagner fighters had taken full control of Bakhmut, the eastern city.", "taken")
    assert place.name == "Bakhmut" and place.precision == 1


def test_reporting_verb_has_no_event_place(nlp):
    text = "Officials in Damascus said the pilot was rescued."
    assert _place_for(nlp, text, "said") is None
