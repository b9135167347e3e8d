"""Event modality: negation, hedges and irrealis read off the parse keep non-events out of the event list."""

from __future__ import annotations

import pytest

from sitrep.mentions.modality import HYPOTHETICAL_KINDS, Modality, is_event_real, modality

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse(request):
    try:
        nlp = request.getfixturevalue("nlp")
    except pytest.FixtureLookupError:
        from sitrep.nlp import load_pipeline

        nlp = load_pipeline()
    return nlp


def mood_of(nlp, sentence: str, trigger: str) -> Modality:
    doc = nlp(sentence)
    index = next(token.i for token in doc if token.text == trigger)
    return modality(doc, index)


def test_negated_event_is_not_real(parse):
    mood = mood_of(parse, "Rebels did not attack the town on Sunday.", "attack")
    assert mood.negated and mood.negation is not None and mood.negation.text == "not"
    assert mood.score < 0
    assert not is_event_real(mood)


def test_threat_is_hypothetical(parse):
    mood = mood_of(parse, "The group threatened to strike the airport.", "strike")
    assert mood.hypothetical == "threat"
    assert mood.hypothetical_cue.text == "threatened"
    assert not is_event_real(mood)


def test_modal_could_is_possible(parse):
    mood = mood_of(parse, "The army could strike the camps within days.", "strike")
    assert mood.hypothetical == "possible"
    assert not is_event_real(mood)


def test_future_will(parse):
    mood = mood_of(parse, "The militia will attack the convoy tomorrow.", "attack")
    assert mood.hypothetical == "future"
    assert not is_event_real(mood)


def test_reportedly_is_hedged_but_real(parse):
    mood = mood_of(parse, "Militants reportedly attacked a checkpoint near the border.", "attacked")
    assert mood.hedge is not None and mood.hedge.text == "reportedly"
    assert not mood.negated and mood.hypothetical is None
    assert 0 < mood.score < 3
    assert is_event_real(mood)


def test_confirmed_attack_is_certain(parse):
    mood = mood_of(parse, "Officials confirmed the attack on the market.", "attack")
    assert mood == Modality(score=3.0, cues=mood.cues)
    assert mood.score == 3.0 and is_event_real(mood)


def test_plain_past_event_is_certain(parse):
    mood = mood_of(parse, "Gunmen killed four farmers in the village.", "killed")
    assert mood.score == 3.0 and is_event_real(mood)


def test_denial_negates(parse):
    mood = mood_of(parse, "The army denied that it shelled the hospital.", "shelled")
    assert mood.negated and "denial" in mood.cues
    assert not is_event_real(mood)


def test_failed_to_negates(parse):
    mood = mood_of(parse, "The fighters failed to capture the bridge.", "capture")
    assert mood.negated and not is_event_real(mood)


def test_conditional_if(parse):
    mood = mood_of(parse, "If the rebels attack, the army will respond.", "attack")
    assert mood.hypothetical == "conditional"


def test_epistemic_may_have_is_a_hedge(parse):
    mood = mood_of(parse, "The gunmen may have killed ten people.", "killed")
    assert mood.hedge is not None and mood.hedge.text == "may"
    assert mood.hypothetical is None and is_event_real(mood)


def test_it_is_believed(parse):
    mood = mood_of(parse, "It is believed that bandits abducted the pupils.", "abducted")
    assert mood.hedge is not None and mood.hedge.text == "believed"
    assert is_event_real(mood)


def test_negation_reaches_conjoined_verb(parse):
    mood = mood_of(parse, "The soldiers did not burn or loot the houses.", "loot")
    assert mood.negated


def test_no_attack_noun(parse):
    mood = mood_of(parse, "There was no attack on the camp that night.", "attack")
    assert mood.negated and not is_event_real(mood)


def test_question(parse):
    mood = mood_of(parse, "Did the air force bomb the bridge?", "bomb")
    assert mood.hypothetical == "question"


def test_plans_and_vows(parse):
    assert mood_of(parse, "The rebels plan to seize the port.", "seize").hypothetical == "plan"
    assert mood_of(parse, "The commander vowed to retaliate.", "retaliate").hypothetical == "threat"


def test_scores_stay_on_the_scale(parse):
    sentences = [
        ("Nobody was killed in the blast.", "killed"),
        ("The militia would have attacked the town.", "attacked"),
        ("Police may not have arrested anyone.", "arrested"),
        ("The soldiers were accused of raping women.", "raping"),
    ]
    for sentence, trigger in sentences:
        mood = mood_of(parse, sentence, trigger)
        assert -3.0 <= mood.score <= 3.0
        assert mood.hypothetical is None or mood.hypothetical in HYPOTHETICAL_KINDS


def test_event_noun_in_future_clause_stays_real(parse):
    mood = mood_of(parse, "The government will investigate the bombing of the market.", "bombing")
    assert mood.hypothetical is None and is_event_real(mood)
    assert mood.score < 3.0


def test_headline_present_tense_is_real(parse):
    mood = mood_of(parse, "Gunmen kill five in raid on northern village", "kill")
    assert is_event_real(mood)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The now-cancelled deal to buy the jets was criticised in parliament.", "deal"),
        ("The opening of the new airport has been delayed until next year.", "opening"),
        ("The ministry blamed the contractor for the delay in delivery of the helicopters.", "delivery"),
        ("The planned attack on the convoy was called off at the last minute.", "attack"),
    ],
)
def test_cancelled_or_delayed_events_did_not_happen(parse, sentence, word):
    doc = parse(sentence)
    token = next(t for t in doc if t.text == word)
    mood = modality(doc, token.i)
    assert mood.negated and mood.score < 0


def test_no_one_as_subject_negates_the_event(parse):
    doc = parse("No one was hurt in the blast, police said.")
    assert modality(doc, next(t.i for t in doc if t.text == "hurt")).negated


def test_negation_does_not_cross_a_contrast(parse):
    doc = parse("The army did not name the unit, but said the strike hit a depot.")
    assert not modality(doc, next(t.i for t in doc if t.text == "said")).negated


def test_no_longer_negates_the_verb(parse):
    mood = mood_of(parse, "The militia no longer fights in the valley.", "fights")
    assert mood.negated and mood.negation.text == "no"
    assert not is_event_real(mood)


def test_against_with_a_gerund_is_not_done(parse):
    mood = mood_of(parse, "Parliament voted against sending troops to the border.", "sending")
    assert mood.negated
    assert mood.score < 0


def test_no_role_in_an_event_negates_it(parse):
    mood = mood_of(parse, "The army said it played no role in the shelling of the camp.", "shelling")
    assert mood.negated and mood.negation.text == "no"


def test_negated_plan_is_irrealis_and_negated(parse):
    mood = mood_of(parse, "The government did not plan to attack the rebels.", "attack")
    assert mood.hypothetical == "plan"
    assert mood.negated
    assert not is_event_real(mood)


def test_negated_wish_stays_a_plain_wish(parse):
    mood = mood_of(parse, "The rebels do not want to attack the capital.", "attack")
    assert mood.hypothetical == "desire"
    assert not mood.negated


def test_negated_attempt_did_not_happen(parse):
    mood = mood_of(parse, "The soldiers did not try to stop the looting.", "stop")
    assert mood.negated
    assert mood.score < 0
    assert not is_event_real(mood)


def test_negated_occurrence_verb_reaches_its_event_noun(parse):
    mood = mood_of(parse, "The two sides did not sign the ceasefire agreement.", "agreement")
    assert mood.negated
    assert not is_event_real(mood)


def test_a_call_of_shots_fired_reports_them(parse):
    mood = mood_of(parse, "Police responded to a call of shots fired on Elm Street.", "shots")
    assert mood.hypothetical is None and is_event_real(mood)


def test_a_call_for_a_ceasefire_still_wants_it(parse):
    mood = mood_of(parse, "The envoy renewed his call for a ceasefire in the north.", "ceasefire")
    assert mood.hypothetical == "desire"


def test_not_going_to_is_a_negated_future(parse):
    mood = mood_of(parse, "They are not going to attack the town.", "attack")
    assert mood.negated and mood.hypothetical == "future" and mood.score < 0


def test_one_no_read_twice_is_not_a_double_negative(parse):
    mood = mood_of(parse, "No enforcement action was ever announced by the police.", "action")
    assert mood.negated and mood.score < 0


def test_no_details_about_an_event_does_not_negate_it(parse):
    mood = mood_of(parse, "Police gave no details about the negotiations with the kidnappers.", "negotiations")
    assert not mood.negated and mood.score > 2
    assert mood_of(parse, "There was no response to the request.", "request").score > 2
    assert mood_of(parse, "The rebels played no part in the attack.", "attack").negated


def test_negated_blocker_lets_the_event_happen(parse):
    mood = mood_of(parse, "The guards did not prevent the attack.", "attack")
    assert not mood.negated and mood.score > 2
    assert mood_of(parse, "The guards prevented the attack.", "attack").negated


def test_any_event_under_a_negated_verb_is_negated(parse):
    assert mood_of(parse, "The army did not launch any attack.", "attack").negated
    assert mood_of(parse, "The talks did not result in any changes in the offer.", "changes").negated
    assert not mood_of(parse, "The board did not mention the attack.", "attack").negated


def test_a_not_on_the_copula_negates_an_adjective_governor(parse):
    negated = mood_of(parse, "The rebels are not likely to attack the town.", "attack")
    plain = mood_of(parse, "The rebels are likely to attack the town.", "attack")
    assert negated.negated and negated.score < plain.score
    assert not plain.negated


def test_an_attempts_base_form_complement_keeps_the_attempt_reading(parse):
    tried = mood_of(parse, "The migrants tried to reach the island by boat.", "reach")
    assert "attempt" in tried.cues and "bare_verb" not in tried.cues
    assert tried.score < mood_of(parse, "The migrants want to reach the island by boat.", "reach").score


@pytest.mark.parametrize(("sentence", "trigger", "cue"), [
    ("Officials cited a lack of fighting in the district.", "fighting", "lack"),
    ("In the absence of a ceasefire, residents stayed indoors.", "ceasefire", "absence"),
    ("The town remained free of violence during the vote.", "violence", "free"),
    ("The area is largely free from fighting.", "fighting", "free"),
    ("The campaign, short of murder, has made life hard.", "murder", "short"),
    ("Instead of negotiating, the army shelled the town.", "negotiating", "Instead"),
    ("Rather than attacking the base, the rebels withdrew.", "attacking", "Rather"),
])
def test_a_missing_or_forgone_event_is_negated(parse, sentence, trigger, cue):
    mood = mood_of(parse, sentence, trigger)
    assert mood.negated and mood.negation.text == cue
    assert not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Instead of negotiating, the army shelled the town.", "shelled"),
    ("Troops freed the town from the siege.", "siege"),
    ("The town was freed from the siege on Monday.", "siege"),
    ("Free from the siege, residents returned home.", "siege"),
    ("Opposition leaders were absent from the talks in Geneva.", "talks"),
    ("His absence from the negotiations angered the rebels.", "negotiations"),
])
def test_the_event_taken_or_one_a_privative_word_is_past_stays_real(parse, sentence, trigger):
    assert is_event_real(mood_of(parse, sentence, trigger))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The government imposed a ban on protests in the capital.", "protests"),
    ("The council ordered an embargo on trade with the junta.", "trade"),
    ("The government announced a moratorium on executions.", "executions"),
    ("The ministry ruled out a ground invasion.", "invasion"),
])
def test_an_event_under_a_ban_is_not_real(parse, sentence, trigger):
    mood = mood_of(parse, sentence, trigger)
    assert mood.negated and not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The army played down the likelihood of an offensive.", "offensive"),
    ("Analysts put the probability of a ground assault at one in three.", "assault"),
])
def test_the_likelihood_of_an_event_is_in_prospect(parse, sentence, trigger):
    mood = mood_of(parse, sentence, trigger)
    assert mood.hypothetical == "plan" and not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Not one shot was fired at the checkpoint.", "fired"),
    ("Not a single person was killed in the raid.", "killed"),
])
def test_not_one_participant_denies_the_event(parse, sentence, trigger):
    mood = mood_of(parse, sentence, trigger)
    assert mood.negated and mood.negation.text == "Not" and not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Not one but two bombs exploded in the market.", "exploded"),
    ("Troops fired not just one shot.", "fired"),
    ("Not all residents fled the town.", "fled"),
    ("One shot was fired at the checkpoint.", "fired"),
])
def test_not_before_a_larger_count_or_all_keeps_the_event(parse, sentence, trigger):
    assert is_event_real(mood_of(parse, sentence, trigger))


@pytest.mark.parametrize(("sentence", "trigger", "cue"), [
    ("Had the troops attacked, the town would have fallen.", "attacked", "Had"),
    ("Should the talks fail, fighting will resume.", "fail", "Should"),
])
def test_an_inverted_auxiliary_opens_a_condition_like_if(parse, sentence, trigger, cue):
    mood = mood_of(parse, sentence, trigger)
    if_clause = mood_of(parse, "If the troops attack, the town will fall.", "attack")
    assert mood.hypothetical == "conditional" and mood.hypothetical_cue.text == cue
    assert mood.score == if_clause.score and not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Troops had attacked the town before dawn.", "attacked"),
    ("After the rebels had attacked, the troops withdrew.", "attacked"),
])
def test_a_past_perfect_in_place_stays_real(parse, sentence, trigger):
    assert is_event_real(mood_of(parse, sentence, trigger))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The army managed to capture the town.", "capture"),
    ("Police were forced to use tear gas.", "use"),
])
def test_an_implicative_infinitive_is_as_certain_as_a_plain_verb(parse, sentence, trigger):
    assert mood_of(parse, sentence, trigger).score == mood_of(parse, "The army captured the town.", "captured").score


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Fighters massed near the city ahead of an expected assault.", "assault"),
    ("Residents fled ahead of an imminent attack.", "attack"),
    ("The upcoming elections worry the army.", "elections"),
])
def test_an_event_an_adjective_puts_ahead_is_in_prospect(parse, sentence, trigger):
    mood = mood_of(parse, sentence, trigger)
    assert mood.hypothetical == "plan" and not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The expected assault began at dawn.", "assault"),
    ("The suspect carried out a planned attack on the mosque.", "attack"),
    ("The army launched the expected assault at dawn.", "assault"),
    ("The long-planned offensive was launched on Monday.", "offensive"),
    ("The scheduled elections were held on Sunday.", "elections"),
    ("The planned attack killed 20 people.", "attack"),
])
def test_an_event_put_ahead_and_then_said_to_happen_is_real(parse, sentence, trigger):
    assert is_event_real(mood_of(parse, sentence, trigger))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The expected assault did not happen.", "assault"),
    ("The planned offensive was postponed.", "offensive"),
    ("The planned attack could kill thousands.", "attack"),
])
def test_an_event_put_ahead_and_then_stopped_or_still_open_is_not_real(parse, sentence, trigger):
    assert not is_event_real(mood_of(parse, sentence, trigger))


def test_danger_puts_a_clause_ahead_but_names_a_present_threat_with_a_noun(parse):
    assert is_event_real(mood_of(parse, "Residents fled the danger of the fighting.", "fighting"))
    ahead = mood_of(parse, "There is always the danger of his being shot at from a window.", "shot")
    assert ahead.hypothetical == "plan" and not is_event_real(ahead)


@pytest.mark.parametrize("sentence", [
    "No one has claimed the attack.",
    "The group did not claim the attack.",
])
def test_an_unclaimed_attack_is_not_a_denied_one(parse, sentence):
    assert is_event_real(mood_of(parse, sentence, "attack"))


def test_a_claim_modal_still_reaches_the_attack(parse):
    assert mood_of(parse, "The group could claim the attack.", "attack").hypothetical == "possible"


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Hundreds of people gathered in Lagos on Monday to protest against fuel prices.", "protest"),
    ("Hundreds of people took to the streets to protest the killing.", "protest"),
    ("Students blocked roads to demand the release of their classmates.", "demand"),
])
def test_a_gathering_carries_out_the_protest_it_is_held_for(parse, sentence, trigger):
    mood = mood_of(parse, sentence, trigger)
    assert is_event_real(mood) and mood.score == 3.0


def test_a_gathering_only_tried_leaves_its_protest_an_attempt(parse):
    mood = mood_of(parse, "Activists tried to gather to protest the law, but police dispersed them.", "protest")
    gathering = mood_of(parse, "Activists tried to gather to protest the law, but police dispersed them.", "gather")
    assert "attempt" in gathering.cues and mood.score == gathering.score < 3.0


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Hundreds of people plan to gather in Lagos to protest against fuel prices.", "protest"),
    ("Nobody gathered to protest.", "protest"),
    ("The army gathered forces to attack the town.", "attack"),
])
def test_a_purpose_stays_open_when_the_gathering_is_or_the_purpose_is_no_protest(parse, sentence, trigger):
    assert not is_event_real(mood_of(parse, sentence, trigger))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Israel has not ruled out a ground invasion of Gaza.", "invasion"),
    ("The army did not rule out air strikes on Rafah.", "strikes"),
])
def test_an_event_not_ruled_out_is_possible_not_real(parse, sentence, trigger):
    mood = mood_of(parse, sentence, trigger)
    assert mood.hypothetical == "possible" and not is_event_real(mood)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("In case of an attack, residents should go to shelters.", "attack"),
    ("In the event of a strike, the ministry will respond.", "strike"),
    ("The militia is capable of attacking the capital.", "attacking"),
])
def test_a_condition_or_a_capacity_is_not_an_event(parse, sentence, trigger):
    assert not is_event_real(mood_of(parse, sentence, trigger))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The case of the attack on the embassy is still open.", "attack"),
    ("The event was marked by clashes with police.", "clashes"),
])
def test_case_and_event_outside_in_case_of_leave_the_event_real(parse, sentence, trigger):
    assert is_event_real(mood_of(parse, sentence, trigger))
