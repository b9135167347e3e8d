"""event_type.refined_type on hand-built mentions: where the parse's reading of the sides wins over the cue
classifier's word count, and where the classifier retypes a generic word. No model needed."""

from __future__ import annotations

from sitrep.event_type import refined_type, type_rule
from sitrep.mentions import SENTENCE_PARTY
from sitrep.model import SUB_EVENT_TO_TYPE, Actor, Mention, Span


def mention(sentence: str, sub_event_type: str, rule: str, actors: tuple[Actor, ...] = ()) -> Mention:
    return Mention(trigger=Span(0, 4, sentence[:4]), sentence=Span(0, len(sentence), sentence),
                   sub_event_type=sub_event_type, event_type=SUB_EVENT_TO_TYPE[sub_event_type], actors=actors, rule=rule)


CIVILIANS = Actor(role="actor2", name="Civilians (Nigeria)", kind="civilians", inter=7, rule="template:villagers")
POLICE_AS_SOURCE = Actor(role="actor2", name="Police Forces of Nigeria", kind="state forces", inter=1,
                         rule=SENTENCE_PARTY + "template:police")


def test_a_generic_killing_with_no_armed_side_stays_an_attack():
    text = "The man killed his wife at their home on Sunday, police said."
    assert refined_type("violence", mention(text, "Attack", "trigger:kill"), [mention(text, "Attack", "trigger:kill")]) \
        == "Attack"


def test_police_as_the_source_do_not_block_the_civilian_victims():
    text = "Gunmen fired on villagers in the fighting near Kalo on Monday, according to police."
    main = mention(text, "Attack", "trigger:fire on", (CIVILIANS, POLICE_AS_SOURCE))
    assert refined_type("violence", main, [main]) == "Attack"


def test_the_parse_clash_is_not_undone_by_attack_cues():
    text = "Gunmen killed at least nine villagers, attacking a market and a military base."
    main = mention(text, "Armed clash", "trigger:attack")
    assert refined_type("violence", main, [main]) == "Armed clash"


def test_a_crowd_brawl_is_not_made_a_clash_by_the_word_fighting():
    text = "More than 30 people were fighting outside the flats when shots rang out."
    main = mention(text, "Mob violence", "trigger:fighting")
    assert refined_type("violence", main, [main]) == "Mob violence"


def test_a_generic_word_is_retyped_by_a_specific_cue():
    text = "The attack was carried out with a roadside bomb that struck a minibus."
    main = mention(text, "Attack", "trigger:attack")
    assert refined_type("violence", main, [main]) == "Remote explosive/landmine/IED"


def test_type_rule_names_the_classifier_when_it_changed_the_type():
    main = mention("The attack ...", "Attack", "trigger:attack")
    assert type_rule(main, "Attack") == "trigger:attack"
    assert type_rule(main, "Armed clash") == "trigger:attack+cue-classifier"
