"""PLOVER type and mode for an ACLED-typed event (rules/plover.toml), for users of the PLOVER/POLECAT ontology."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return tomllib.loads(resources.files("sitrep.rules").joinpath("plover.toml").read_text(encoding="utf-8"))


def plover_code(sub_event_type: str, evidence_text: str = "", weapons: tuple[str, ...] = ()) -> dict[str, str | None]:
    """{"type", "mode"} for a sub-event type; the evidence decides drone vs aerial and agree vs reject."""
    entry = _table().get(sub_event_type, {"type": "OTHER"})
    code = entry["type"]
    mode = entry.get("mode")
    lowered = evidence_text.lower()
    if "drone_mode" in entry and ("drone" in lowered or any("drone" in w for w in weapons)):
        mode = entry["drone_mode"]
    if "collapse_type" in entry and any(word in lowered for word in entry["collapse_words"]):
        code = entry["collapse_type"]
    return {"type": code, "mode": mode}
