"""sitrep's data model: small frozen dataclasses that every stage passes along.

The spaCy ``Doc`` never leaves the NLP/extract stages; everything that reaches the store, the CLI or JSON is
one of these. Every fact carries the evidence (character spans into the article's ``source_text``) and the
name of the rule that set it, so ``sitrep explain`` can say why a field has its value.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TO_TYPE: dict[str, str] = {sub: top for top, subs in EVENT_TYPES.items() for sub in subs}

OUTLET = "the outlet"  # the source of what an article states in its own voice
FACETS = ("occurrence", "perpetrator", "cause", "fatalities", "place", "date", "target")
STANCES = ("asserts", "claims_responsibility", "confirms", "does_not_confirm", "denies", "accuses", "reports")
STATUSES = ("confirmed", "claimed", "disputed", "denied", "reported", "unconfirmed")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
ACTOR_ROLES = ("actor1", "actor2", "associated", "target")


@dataclass(frozen=True)
class Span:
    """A stretch of the article's ``source_text``: [start, end) character offsets and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Origin:
    """Where a document came from, precise enough to find it again (file, URL, WARC offset, JSONL line)."""

    kind: str  # file | stdin | url | feed | warc | jsonl | text
    location: str  # path or URL
    offset: int | None = None  # byte offset of a WARC record
    line: int | None = None  # 1-based line of a JSON Lines record

    def describe(self) -> str:
        where = self.location
        if self.line is not None:
            where += f":{self.line}"
        if self.offset is not None:
            where += f"@{self.offset}"
        return where


@dataclass(frozen=True)
class RawDocument:
    """One input document as read, before cleaning: its text (or HTML) and whatever metadata came with it."""

    content: str
    origin: Origin
    media_type: str = "text/plain"  # text/plain | text/html
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class Rejected:
    """An input that could not be used, with the stage that gave up and why; stored and counted, never lost."""

    stage: str  # read | decode | clean | language | extract | store
    reason: str  # short machine-friendly reason: empty, binary, not_english, too_large, ...
    origin: Origin
    detail: str = ""


@dataclass(frozen=True)
class Removal:
    """A stretch of input the cleaner dropped, and the rule that dropped it."""

    span: Span
    rule: str


@dataclass(frozen=True)
class Segment:
    """A run of clean text copied verbatim from the source: clean[clean_start:+length] == source[source_start:+length]."""

    clean_start: int
    source_start: int
    length: int


@dataclass(frozen=True)
class Article:
    """A cleaned article: body text for NLP plus the map back to the original input.

    ``source_text`` is the text every evidence span points into (the input file's text, or for HTML the text
    trafilatura extracted). ``body`` is what NLP reads; ``segments`` map body offsets to source offsets.
    """

    id: str
    source_text: str
    body: str
    segments: tuple[Segment, ...]
    title: Span | None = None
    standfirst: Span | None = None
    published: date | None = None
    published_from: str | None = None  # cli | metadata | dateline | jsonl
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    origin: Origin | None = None
    removed: tuple[Removal, ...] = ()

    def source_offset(self, body_offset: int) -> int:
        """Map an offset in ``body`` to the offset of the same character in ``source_text``."""
        return body_to_source(self.segments, body_offset)

    def source_span(self, body_start: int, body_end: int) -> Span:
        """The source-text span for a body range (end mapped from its last character, so it never overshoots).

        White space at either edge is trimmed first: a sentence's trailing newline is a joiner between
        segments, and mapping it would carry the span into the next paragraph.
        """
        while body_end > body_start and self.body[body_end - 1].isspace():
            body_end -= 1
        while body_start < body_end and self.body[body_start].isspace():
            body_start += 1
        start = self.source_offset(body_start)
        end = self.source_offset(max(body_start, body_end - 1)) + 1 if body_end > body_start else start
        return Span(start, end, self.source_text[start:end])


def body_to_source(segments: tuple[Segment, ...], body_offset: int) -> int:
    """Find the segment holding ``body_offset`` and translate it; offsets between segments snap forward."""
    for segment in segments:
        if segment.clean_start <= body_offset < segment.clean_start + segment.length:
            return segment.source_start + (body_offset - segment.clean_start)
        if body_offset < segment.clean_start:
            return segment.source_start
    if not segments:
        return body_offset
    last = segments[-1]
    return last.source_start + last.length


@dataclass(frozen=True)
class Actor:
    """A party to an event, with its canonical name, ACLED-style kind and the text it was found in."""

    role: str  # actor1 | actor2 | associated | target
    name: str
    kind: str | None = None  # state forces | rebel group | political militia | identity militia | rioters | protesters | civilians | external forces
    inter: int | None = None  # ACLED inter code 1..8
    country_code: str | None = None
    text: Span | None = None
    rule: str = ""


@dataclass(frozen=True)
class Place:
    """A resolved location with ACLED geo_precision (1 town, 2 near a town / small area, 3 region)."""

    name: str
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    feature: str | None = None
    gazetteer_id: str | None = None
    text: Span | None = None
    rule: str = ""


@dataclass(frozen=True)
class When:
    """A date interval with a precision; ``implied`` marks intervals taken from the article, not a phrase."""

    start: date | None
    end: date | None
    precision: str = "unknown"  # day | week | month | year | unknown
    text: Span | None = None
    implied: bool = False
    rule: str = ""


@dataclass(frozen=True)
class Fatalities:
    """Reported deaths: ``low``/``high`` bound what the text supports (high None = open)."""

    low: int | None
    high: int | None
    text: Span | None = None
    rule: str = ""


@dataclass(frozen=True)
class Assertion:
    """One source's stance on one facet of an event."""

    facet: str
    source: str  # canonical party, an unnamed class ("officials", "local reports"), or "the outlet"
    source_text: Span | None
    cue: Span | None
    stance: str
    evidence: Span
    hedge: Span | None = None
    negated: bool = False
    rule: str = ""
    source_named: bool = True  # False for unnamed classes and unresolved phrases ("a commander", "officials")


@dataclass(frozen=True)
class Mention:
    """One place in the text that speaks of an event: its trigger, typed, with its arguments found nearby."""

    trigger: Span
    sentence: Span
    sub_event_type: str
    event_type: str
    actors: tuple[Actor, ...] = ()
    place: Place | None = None
    when: When | None = None
    fatalities: Fatalities | None = None
    weapons: tuple[str, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    background: bool = False
    cause: str | None = None
    rule: str = ""


@dataclass(frozen=True)
class Event:
    """An event as sitrep reports it: merged from one or more mentions, with its evidence and statuses."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str
    summary: str
    background: bool
    date: When | None
    location: Place | None
    actors: tuple[Actor, ...]
    fatalities: Fatalities | None
    weapons: tuple[str, ...]
    assertions: tuple[Assertion, ...]
    status: dict[str, str]
    evidence: tuple[Span, ...]  # the sentences that speak of the event
    triggers: tuple[Span, ...] = ()  # the words in them that say it happened
    rules: dict[str, str] = field(default_factory=dict)  # field name -> rule that set it
    plover: dict[str, str | None] = field(default_factory=dict)  # PLOVER {type, mode} for the ACLED sub-type


@dataclass(frozen=True)
class Extraction:
    """What ``sitrep.extract`` returns for one article: the article, its events, or why it was skipped."""

    article: Article | None
    events: tuple[Event, ...]
    skipped: str | None = None  # reason when no extraction was attempted (empty, binary, not English, ...)
    origin: Origin | None = None


def to_jsonable(value: Any) -> Any:
    """Turn model objects into JSON-ready dicts/lists (dates as ISO strings), dropping nothing."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value
