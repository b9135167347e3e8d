"""PLOVER codes for ACLED sub-event types."""

from __future__ import annotations

from sitrep.model import SUB_EVENT_TO_TYPE
from sitrep.plover import plover_code


def test_every_sub_event_type_has_a_code():
    for sub_event_type in SUB_EVENT_TO_TYPE:
        assert plover_code(sub_event_type)["type"] in {"FIGHT", "ASSAULT", "PROTEST", "COERCE", "AGREE", "REJECT", "OTHER"}


def test_drone_strike_mode_and_collapsed_truce():
    assert plover_code("Air/drone strike", "A drone struck a car")["mode"] == "drone"
    assert plover_code("Air/drone strike", "Jets bombed the town")["mode"] == "aerial"
    assert plover_code("Agreement", "The truce collapsed on Monday")["type"] == "REJECT"
    assert plover_code("Agreement", "The parties signed a ceasefire")["type"] == "AGREE"
    assert plover_code("Arrests")["type"] == "COERCE"
