"""Plain-text tables of events for people (the CLI's default output)."""

from __future__ import annotations

from typing import Any

COLUMNS = (("type", 26), ("date", 23), ("place", 22), ("actors", 44), ("deaths", 7), ("status", 60))


def _date(event: dict[str, Any]) -> str:
    when = event.get("date")
    if not when or not when.get("start"):
        return "-"
    text = when["start"] if when["start"] == when["end"] else f"{when['start']}..{when['end'][5:]}"
    return text + ("*" if when.get("implied") else "")


def _place(event: dict[str, Any]) -> str:
    place = event.get("location")
    if not place:
        return "-"
    return f"{place['name']}, {place.get('country_code') or '?'}"


def _deaths(event: dict[str, Any]) -> str:
    deaths = event.get("fatalities")
    if not deaths:
        return "-"
    low, high = deaths.get("low"), deaths.get("high")
    if low == high:
        return str(low)
    return f"{low if low is not None else '?'}{'+' if high is None else f'-{high}'}"


def _actors(event: dict[str, Any]) -> str:
    return "; ".join(f"{a['name']}" for a in event.get("actors", [])) or "-"


def _status(event: dict[str, Any]) -> str:
    return ", ".join(f"{k}:{v}" for k, v in sorted(event.get("status", {}).items()))


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def event_rows(event: dict[str, Any]) -> list[str]:
    """One table line for an event (background events marked with a leading '~')."""
    values = (
        ("~" if event.get("background") else "") + event["sub_event_type"],
        _date(event),
        _place(event),
        _actors(event),
        _deaths(event),
        _status(event),
    )
    return ["  ".join(_cell(v, w).ljust(w) for v, (_, w) in zip(values, COLUMNS)).rstrip()]


def table_header() -> str:
    return "  ".join(name.ljust(width) for name, width in COLUMNS).rstrip()


def record_table(record: dict[str, Any]) -> str:
    """A readable block for one article record: its title line, then one line per event."""
    title = record.get("title") or ""
    lines = [f"== {record.get('input')}" + (f" — {title}" if title else "")]
    if record.get("skipped"):
        lines.append(f"   skipped: {record['skipped']}")
        return "\n".join(lines)
    if not record["events"]:
        lines.append("   no events found")
        return "\n".join(lines)
    lines.append("   " + table_header())
    for event in record["events"]:
        lines.extend("   " + row for row in event_rows(event))
    return "\n".join(lines)


LEGEND = "(~ background event; * date implied by the article, not stated)"
