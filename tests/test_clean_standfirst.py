"""Which standfirsts the clean stage leaves in the body NLP reads (sitrep.clean_standfirst), and what the
Article then holds."""

from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.clean_standfirst import own_words, reads_as_report
from sitrep.model import Origin, RawDocument

TITLE = "Two hurt in shooting outside Elm Street bar"
BODY = (
    "A 24-year-old man was arrested in connection with the shooting, police said on Monday.\n"
    "Both victims were taken to a hospital and are expected to survive, officers said at the scene."
)


def raw(text: str) -> RawDocument:
    return RawDocument(content=text, origin=Origin("text", "<test>"))


@pytest.mark.parametrize("standfirst", [
    "Two men were shot outside a bar on Elm Street late Saturday night, police say",
    "A woman was wounded by a stray bullet while she sat on her porch around 9 p.m. Friday (Source: WXYZ)",
    "A teenager died after he and a friend found a loaded handgun in a bedroom closet on Sunday afternoon.",
    "Police are looking for two men who fired into a crowd outside a party early Sunday. "
    "Channel 5's reporter has more. (Published Sunday, June 8, 2014)",
])
def test_a_report_sentence_is_read(standfirst):
    assert reads_as_report(standfirst)


@pytest.mark.parametrize("standfirst", [
    "Teen killed in Elm Street shooting identified, new images of car released",  # a second headline
    "Four fighters killed at a checkpoint as the coalition keeps up air raids along the river valley",  # headlinese
    "Man charged in shooting death of teen girl in Centerville Posted: Tuesday, May 5, 2015 1:54 PM EST",  # stamp
    "Officers were called to the 1700 block of Oak Street around 10:30 pm after shots were fired. (Photo: WXYZ)",
    "A Man Was Shot On Elm Street Late Saturday Night In The City's North End, Police Say Today",  # title case
    "Two men were shot outside a bar",  # short
])
def test_a_headline_stamp_or_photo_caption_is_not(standfirst):
    assert not reads_as_report(standfirst)


def test_own_words_stop_at_a_stamp_or_credit():
    assert own_words("Man shot on Elm Street Updated: Monday, May 4, 2015") == ["Man", "shot", "on", "Elm", "Street"]
    assert own_words("A boy was shot Sunday (Source: WXYZ)") == ["A", "boy", "was", "shot", "Sunday"]


def test_a_report_standfirst_stays_in_the_body_and_is_still_the_standfirst():
    standfirst = "Two men were shot outside a bar on Elm Street late Saturday night, police say"
    article = clean(raw(f"Home\n{TITLE}\n{standfirst}\nShare this article\n{BODY}"))
    assert article.title.text == TITLE
    assert article.standfirst.text == standfirst
    assert article.body == f"{standfirst}\n{BODY}"
    assert "standfirst" not in {removal.rule for removal in article.removed}
    start = article.source_offset(0)
    assert article.source_text[start : start + len(standfirst)] == standfirst


def test_a_headline_like_standfirst_stays_out_of_the_body():
    standfirst = "Police say the gunman fled on foot"
    article = clean(raw(f"Home\n{TITLE}\n{standfirst}\nShare this article\n{BODY}"))
    assert article.standfirst.text == standfirst
    assert article.body == BODY
    assert "standfirst" in {removal.rule for removal in article.removed}
