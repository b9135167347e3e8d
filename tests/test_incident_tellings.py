"""One incident told twice in a story (incident_tellings): the telling dated by a later act joins the one with
the day; other incidents of the story stay their own."""

from __future__ import annotations

from datetime import date

import sitrep
from sitrep.incident_tellings import RETOLD_RULE, with_retold_rule
from sitrep.model import When

PUBLISHED = date(2016, 1, 28)  # a Thursday
FILLER = ("The woman was found in her car. Neighbors said the street had been quiet for years. "
          "Officers searched the area for hours. ")
PLEA = ("Three men pleaded guilty to assault charges in the shooting of a store clerk in Dayton, "
        "prosecutors said Thursday. ")


def _events(text: str):
    return sitrep.extract(text, published=PUBLISHED).events


def test_an_incident_dated_by_a_plea_joins_its_telling_with_the_day():
    telling = ("Prosecutors say that on March 3, 2015, the men walked into a store on Main Street where one of them "
               "opened fire, wounding the clerk.")
    events = _events(PLEA + "The men face up to 20 years in prison. Their lawyers declined to comment. " + telling)
    violent = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(violent) == 1
    incident = violent[0]
    assert (incident.date.start, incident.date.precision) == (date(2015, 3, 3), "day")
    assert incident.date.rule.endswith(f"/{RETOLD_RULE}")
    assert incident.date.text is not None and incident.date.text.text == "March 3, 2015"
    assert any("opened fire" in span.text for span in incident.evidence)  # the telling's evidence is kept
    assert any("pleaded guilty" in span.text for span in incident.evidence)
    assert incident.location is not None and incident.location.name == "Dayton"
    assert not incident.background


def test_a_shooting_in_another_town_on_another_day_stays_its_own_event():
    events = _events(PLEA + FILLER + "In Cincinnati, a man was shot outside a bar on Jan. 20, police said.")
    violent = [e for e in events if e.event_type == "Violence against civilians"]
    assert [e.location.name for e in violent] == ["Dayton", "Cincinnati"]
    assert violent[0].date.start == date(2016, 1, 28) and RETOLD_RULE not in violent[0].date.rule
    assert violent[1].date.start == date(2016, 1, 20)


def test_another_shooting_told_as_another_stays_its_own_event():
    events = _events(PLEA + FILLER + "In another shooting, a man was shot outside a bar on Jan. 20, police said.")
    violent = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(violent) == 2
    assert all(RETOLD_RULE not in e.date.rule for e in violent)


def test_a_shooting_years_before_is_history_not_the_incident():
    events = _events(PLEA + "The men face up to 20 years in prison. "
                     "On March 3, 1998, a man was shot in the same store.")
    violent = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(violent) == 2
    assert violent[0].date.start == date(2016, 1, 28)


def test_the_retold_rule_marks_a_stated_day_not_a_later_acts():
    day = When(start=date(2015, 3, 3), end=date(2015, 3, 3), precision="day", rule="month_day/nearest")
    assert with_retold_rule(day).rule == "month_day/nearest/retold"
    act = When(start=date(2016, 1, 28), end=date(2016, 1, 28), precision="day", rule="weekday/nearest/later-act")
    assert with_retold_rule(act) == act
    assert with_retold_rule(None) is None


def test_the_joined_event_keeps_the_mention_that_states_the_day():
    # a telling whose first mention is undated and whose later mention states the day: that mention is the one kept
    from types import SimpleNamespace

    from sitrep.incident_tellings import join_retold_incidents

    act = When(start=date(2016, 1, 28), end=date(2016, 1, 28), precision="day", rule="weekday/nearest/later-act")
    day = When(start=date(2015, 3, 3), end=date(2015, 3, 3), precision="day", rule="month_day/nearest")
    undated, dated = (SimpleNamespace(mention=SimpleNamespace(when=w), distinct=False) for w in (None, day))

    def builder(drafts, when):
        return SimpleNamespace(drafts=drafts, family="violence", places=list, retold_from=None, when=when)

    incident, telling = builder([SimpleNamespace(mention=SimpleNamespace(when=act), distinct=False)], act), builder(
        [undated, dated], day)
    joined = join_retold_incidents([incident, telling], date_of=lambda b: b.when, type_of=lambda b: "Attack")
    assert joined == [incident] and incident.retold_from is dated
