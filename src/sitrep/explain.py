"""Why an event has the values it has: one row per field with its value, its evidence and the rule that set it.

``sitrep explain`` prints these rows. They are built from the event's JSON record (the shape in
``schema/event.schema.json``), so an event read back from the store explains exactly like a fresh one.
Evidence is the span of source text the value came from plus the sentence (from the event's ``evidence``, or
an assertion's) that holds it, so a reader can check the value against the article.
"""

from __future__ import annotations

from typing import Any

__all__ = ["explain_event", "format_value"]

Row = dict[str, Any]
Span = dict[str, Any]


def explain_event(record: dict[str, Any]) -> list[Row]:
    """Rows {field, value, evidence, rule} for every field of an event record, in reading order.

    ``evidence`` is a list of {text, start, end, sentence} (empty when the value rests on no words of the
    text, e.g. an implied date); ``rule`` names the rule that set the value ("" when none was recorded).
    """
    sentences = _sentences(record)
    rules = record.get("rules") or {}
    rows: list[Row] = [
        _row("type", f"{record['event_type']} / {record['sub_event_type']}", record.get("triggers") or [],
             rules.get("event_type", ""), sentences),
        _row("background", bool(record.get("background")), [], rules.get("background", ""), sentences),
        _field_row("date", record.get("date"), _date_value, rules, sentences),
        _field_row("location", record.get("location"), _place_value, rules, sentences),
    ]
    for actor in record.get("actors") or []:
        rows.append(_row(actor["role"], _actor_value(actor), _spans(actor.get("text")), actor.get("rule", ""), sentences))
    if not record.get("actors"):
        rows.append(_row("actors", None, [], rules.get("actors", ""), sentences))
    rows.append(_field_row("fatalities", record.get("fatalities"), _deaths_value, rules, sentences))
    rows.extend(_status_rows(record, rules, sentences))
    rows.append(_row("weapons", ", ".join(record.get("weapons") or []) or None, [], rules.get("weapons", ""), sentences))
    covered = {"event_type", "background", "date", "location", "actors", "fatalities", "weapons"}
    for name, rule in sorted(rules.items()):
        if name not in covered and not name.startswith("status"):
            rows.append(_row(name, None, [], rule, sentences))
    return rows


def format_value(value: Any) -> str:
    """A row's value as people read it ("-" for nothing)."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _row(field: str, value: Any, spans: list[Span], rule: str, sentences: list[Span]) -> Row:
    return {"field": field, "value": value, "evidence": [_evidence(span, sentences) for span in spans], "rule": rule}


def _field_row(name: str, facts: dict[str, Any] | None, describe, rules: dict[str, str], sentences: list[Span]) -> Row:
    """A row for a nullable sub-record (date, location, fatalities): its own rule first, else the event's."""
    if facts is None:
        return _row(name, None, [], rules.get(name, ""), sentences)
    return _row(name, describe(facts), _spans(facts.get("text")), facts.get("rule") or rules.get(name, ""), sentences)


def _status_rows(record: dict[str, Any], rules: dict[str, str], sentences: list[Span]) -> list[Row]:
    """One row per status facet, then one per assertion on that facet (source, stance, cue, hedge)."""
    rows: list[Row] = []
    assertions = record.get("assertions") or []
    for facet, status in sorted((record.get("status") or {}).items()):
        on_facet = [a for a in assertions if a["facet"] == facet]
        rule = rules.get(f"status.{facet}") or rules.get("status") or _status_rule(status, on_facet)
        rows.append(_row(f"status.{facet}", status, [], rule, sentences))
        for assertion in on_facet:
            spans = [s for s in (assertion.get("source_text"), assertion.get("cue"), assertion.get("hedge")) if s]
            rows.append(
                {
                    "field": f"status.{facet}.assertion",
                    "value": _assertion_value(assertion),
                    "evidence": [_evidence(span, [assertion["evidence"], *sentences]) for span in spans]
                    or [_evidence(assertion["evidence"], [assertion["evidence"]])],
                    "rule": assertion.get("rule", ""),
                }
            )
    return rows


def _status_rule(status: str, assertions: list[dict[str, Any]]) -> str:
    """The CODING.md status rule, named by the stances it read, when the record names none."""
    stances = sorted({a["stance"] for a in assertions})
    return f"status:{status} from {len(assertions)} assertion(s)" + (f" ({', '.join(stances)})" if stances else "")


def _assertion_value(assertion: dict[str, Any]) -> str:
    parts = [f"{assertion['source']} {assertion['stance']}"]
    if assertion.get("cue"):
        parts.append(f"cue \"{assertion['cue']['text']}\"")
    if assertion.get("hedge"):
        parts.append(f"hedge \"{assertion['hedge']['text']}\"")
    if assertion.get("negated"):
        parts.append("negated")
    return "; ".join(parts)


def _date_value(when: dict[str, Any]) -> str:
    start, end = when.get("start"), when.get("end")
    span = "?" if start is None else start if start == end else f"{start}..{end}"
    return f"{span} ({when.get('precision', 'unknown')}" + (", implied" if when.get("implied") else "") + ")"


def _place_value(place: dict[str, Any]) -> str:
    names = [place["name"], place.get("admin2"), place.get("admin1"), place.get("country")]
    text = ", ".join(dict.fromkeys(n for n in names if n))
    if place.get("lat") is not None and place.get("lon") is not None:
        text += f" ({place['lat']:.4f}, {place['lon']:.4f})"
    if place.get("precision") is not None:
        text += f"; geo_precision {place['precision']}"
    if place.get("gazetteer_id"):
        text += f"; {place['gazetteer_id']}"
    return text


def _actor_value(actor: dict[str, Any]) -> str:
    kind = ", ".join(str(v) for v in (actor.get("kind"), actor.get("inter") and f"inter {actor['inter']}") if v)
    return actor["name"] + (f" ({kind})" if kind else "")


def _deaths_value(deaths: dict[str, Any]) -> str:
    low, high = deaths.get("low"), deaths.get("high")
    if low == high:
        return "unknown" if low is None else str(low)
    if high is None:
        return f"at least {low}"
    return f"{low if low is not None else 0} to {high}"


def _spans(span: Span | None) -> list[Span]:
    return [span] if span else []


def _sentences(record: dict[str, Any]) -> list[Span]:
    """Every sentence span the record holds: the event's evidence first, then its assertions'."""
    found = list(record.get("evidence") or [])
    found.extend(a["evidence"] for a in record.get("assertions") or [] if a.get("evidence"))
    return found


def _evidence(span: Span, sentences: list[Span]) -> dict[str, Any]:
    """The span's words and the first sentence that holds them (None when no sentence of the record does)."""
    holder = next((s for s in sentences if s["start"] <= span["start"] and span["end"] <= s["end"]), None)
    return {"text": span["text"], "start": span["start"], "end": span["end"], "sentence": holder["text"] if holder else None}
