"""Sentence boundaries set before parsing (sitrep.sentence_bounds): a full stop inside a sentence ("11:42 a.m.",
"Ave.", "Sgt.") does not cut off what follows it."""

from __future__ import annotations

import pytest
import spacy

from sitrep.nlp import parse
from sitrep.sentence_bounds import continuing_tokens, join_abbreviation_stops


@pytest.fixture(scope="module")
def tokenize():
    """The English tokenizer alone (no model): the rules read tokens, not parses."""
    return spacy.blank("en").make_doc


def continuing_words(tokenize, text: str) -> list[str]:
    return [token.text for token in continuing_tokens(tokenize(text))]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The shooting was reported at 11:42 a.m. Monday in the 300 block of Elm Place, police said.",
    "A man was wounded in a drive-by shooting about 11:40 p.m. Wednesday, Sept. 14, outside a home.",
    "Police say that about 7:08 p.m. Saturday, officers found a man shot in a parked car.",
    "The crash happened around 5:30p.m. Thursday at the river bridge.",
    "Two men were shot at 2 a.m. Sept. 3 near the stadium.",
])
def test_a_day_named_after_a_clock_time_stays_in_its_sentence(text):
    assert [s.text for s in parse(text).sents] == [text]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A man was shot at Washington Ave. and Empire Blvd. early Monday.",
    "Three people were shot on W. North Ave. in the 6500 block on Sunday night.",
])
def test_an_abbreviation_does_not_end_the_sentence(text):
    assert [s.text for s in parse(text).sents] == [text]


@pytest.mark.model
@pytest.mark.parametrize("text, first", [
    ("The bar closed at 2 a.m. The shooting began minutes later.", "The bar closed at 2 a.m."),
    ("The victim was Norris Greenhouse Sr. He was 54 years old.", "The victim was Norris Greenhouse Sr."),
    ("Send them any resources required. http://example.com/x", "Send them any resources required."),
    ("He was shot on the porch. later, police said, a man was held.", "He was shot on the porch."),
])
def test_a_full_stop_can_still_end_a_sentence(text, first):
    assert [s.text.strip() for s in parse(text).sents][0] == first


# --- abbreviations written in front of a name ---

@pytest.mark.parametrize("text, name", [
    ("Police said Sgt. Maria Lopez was shot dead on Monday in Dallas.", "Maria"),
    ("The deputy, Sheriff's Cpl. Dan Price, was wounded Tuesday.", "Dan"),
    ("Det. Paul Greer said the gunman fled on foot.", "Paul"),
    ("Adm. Karen Dale said the ship was hit by a drone.", "Karen"),
    ("A man was shot in St. Louis on Monday.", "Louis"),
    ("The blast hit a shop near Mt. Pleasant on Sunday.", "Pleasant"),
    ("THE DEFENSE MINISTER, GEN. JUAN PEREZ, SAID THE REBELS ATTACKED.", "JUAN"),
    ("TROOPS UNDER COL.\nLUIS MENDEZ REPELLED THE ATTACK.", "LUIS"),
    ("The suspect was held at the No. 4 station.", "4"),
    ("He joined the U.S. Army in 2001.", "Army"),
    ("Rebels shot at a U.N. Mission convoy.", "Mission"),
    ("The protest was led by Rev. Dr. Anne Cole.", "Anne"),
])
def test_a_name_after_its_abbreviation_continues_the_sentence(tokenize, text, name):
    assert name in continuing_words(tokenize, text)


@pytest.mark.parametrize("text, word", [
    ("He was promoted to Sgt. He had served ten years.", "He"),  # a title with no name after it
    ("It happened in the U.S. Police said the gunman fled.", "Police"),  # "Police" is no part of a U.S. name
    ("The victim lived on Main St. Officers found him there.", "Officers"),  # Main St. is a street
    ("The victim lived on 5th St. Officers found him there.", "Officers"),
    ("The shooting happened on Elm Dr. Witnesses heard four shots.", "Witnesses"),
    ('"No. That is not who we are," she said.', "That"),  # "No." before a word, not a number
    ("Police said Sgt.\n\nJohn Smith wrote the report.", "John"),  # a blank line ends a paragraph
    ("He used to say sgt. Two men were shot.", "Two"),  # "sgt" in lower case is not a listed spelling
    # found in review: a state code or an agency in capitals, and a title before a sentence's usual first word
    ("He was shot in Jackson, MS. Police said the gunman fled.", "Police"),
    ("He was found in Billings, MT. Officers found him dead.", "Officers"),
    ("The firm settled with the SEC. John Smith, its lawyer, declined to comment.", "John"),
    ("A spill happened outside the DEP. Officials said nothing.", "Officials"),
    ("He served in the Army as a Sgt. Police say he snapped.", "Police"),
])
def test_a_full_stop_before_what_is_not_a_name_is_left_to_the_parser(tokenize, text, word):
    assert word not in continuing_words(tokenize, text)


def test_a_split_full_stop_joins_its_title_with_offsets_kept(tokenize):
    doc = tokenize("Police said Sgt. Maria Lopez and Capt. Ray Ito were hurt.")
    join_abbreviation_stops(doc)
    words = [token.text for token in doc]
    assert "Sgt." in words and "Capt." in words and "." not in words[:-1]
    assert doc[words.index("Sgt.")].idx == doc.text.index("Sgt.")


def test_a_full_stop_that_ends_a_sentence_stays_a_token(tokenize):
    doc = tokenize("He was promoted to Sgt. He had served ten years.")
    join_abbreviation_stops(doc)
    assert [token.text for token in doc][4:6] == ["Sgt", "."]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police said Sgt. Maria Lopez was shot dead on Monday in Dallas.",
    "Lt. Gov. Ann Burke visited the wounded on Friday.",
    "The raid was led by Col. Ruben Ortiz and Capt. Lee Marsh of the state police.",
    "Pvt. Sam Ochoa and Cpl. Nina Hart were killed when the convoy was ambushed.",
    "Supt. Joan Kerr and Cmdr. Ray Ito said the attack was planned.",
    "THE ATTACK WAS CARRIED OUT BY REBELS, SAID GEN. JUAN PEREZ, THE ARMY SPOKESMAN.",
])
def test_a_title_does_not_end_the_sentence(text):
    assert [s.text for s in parse(text).sents] == [text]


@pytest.mark.model
def test_a_title_word_without_a_name_can_still_end_a_sentence():
    sentences = [s.text for s in parse("He was promoted to Sgt. He had served ten years.").sents]
    assert sentences == ["He was promoted to Sgt.", "He had served ten years."]
