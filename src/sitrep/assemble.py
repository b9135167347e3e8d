"""The assemble stage: merge an article's mentions into events, and give each facet its status.

Merging follows how news refers back to events: a definite mention ("the jet", "the bombing") joins the
latest compatible event; an indefinite one joins only when its place or date agrees with one; "another" or
"an earlier" starts a new one; a weak mention ("an aircraft had crashed", "killing 12") joins the nearest
compatible event within a sentence of it. Mentions whose places are far apart or whose dates do not overlap
never merge.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from .mentions import RESPONSIBILITY_RULE, SENTENCE_PARTY, MentionDraft
from .mentions.subtypes import SEIZURE_KEY_PREFIXES, fighters_killed
from .model import SUB_EVENT_TO_TYPE, Actor, Article, Event, Mention, Place, When
from .event_type import GENERIC_TRIGGER_RANK, PROTEST_FAMILY_TYPES, refined_type, type_rule
from .death_toll import GENERIC_SUB_TYPES, choose_toll, deaths_to_incident, figures_of, orphan_deaths_to_incident
from .geodesy import distance_km
from .incident_tellings import SAME_PLACE_KM, join_retold_incidents, with_retold_rule
from .lead_context import BACKGROUND_GAP_DAYS, lead_context_to_incident, with_lead_context
from .plover import plover_code
from .resolve.story_dates import is_fallback_date
from .status import read_roles, statuses

SAME_AREA_KM = 100.0  # places closer than this can be one event ("near Damascus" vs "in Qalamoun")
WEAK_ATTACH_SENTENCES = 1  # a weak mention joins an event mentioned at most this many sentences away
# An agreement said to have ended or collapsed is the backdrop of the fighting reported, whenever it ended.
ENDED_AGREEMENT_CUES = ("ended", "collapsed", "expired", "broke down", "lapsed")
BACKGROUND_CUES = ("days after", "weeks after", "came after", "earlier", "last month", "last year", "previous",
                   "since", "one of several", "follows", "followed")


@dataclass
class _EventBuilder:
    drafts: list[MentionDraft] = field(default_factory=list)
    # death figures of a later event of the same incident (death_toll), and whether this event's own went there
    borrowed_figures: list = field(default_factory=list)
    lent_toll: bool = False
    # the mention stating the day of another telling of the incident joined to this event (incident_tellings)
    retold_from: MentionDraft | None = None

    @property
    def family(self) -> str:
        return self.drafts[0].family

    def mentions(self) -> list[Mention]:
        return [d.mention for d in self.drafts]

    def places(self) -> list[Place]:
        return [m.place for m in self.mentions() if m.place is not None and m.place.lat is not None]

    def dates(self) -> list[When]:
        """Dates stated with the event's own (not anaphoric) mentions."""
        return [d.mention.when for d in self.drafts
                if d.mention.when is not None and d.mention.when.start is not None and not d.mention.when.implied
                and not (d.definite and len(self.drafts) > 1)]

    def actor_names(self, role: str) -> set[str]:
        """Names of the actors in ``role`` that the parse tied to a trigger (not merely named nearby)."""
        return {a.name for m in self.mentions() for a in m.actors if a.role == role and not a.rule.startswith(SENTENCE_PARTY)}


def assemble(article: Article, drafts: list[MentionDraft], *, implied_date: When | None = None,
             lead_place: Place | None = None, lead_date: When | None = None) -> tuple[Event, ...]:
    """Events for one article, in order of first mention.

    The lead event (the article's first) takes ``lead_place``/``lead_date`` (the lead paragraph's) when none
    of its own mentions gives a place or a date; of the others, only the incident an arrest told first follows
    (``lead_context``). An incident dated only by a later act is one event with its telling further down
    (``incident_tellings``).
    """
    builders: list[_EventBuilder] = []
    for draft in (d for d in drafts if not d.weak):
        target = _merge_target(builders, draft)
        if target is None:
            builders.append(_EventBuilder([draft]))
        else:
            target.drafts.append(draft)
    orphans = []
    for draft in (d for d in drafts if d.weak):
        target = _weak_target(builders, draft)
        if target is not None:
            target.drafts.append(draft)
        elif _stands_alone(draft):
            builders.append(_EventBuilder([draft]))
        else:
            orphans.append(draft)
    builders = _without_aftermath_seizures(builders)
    builders.sort(key=lambda b: min(d.mention.trigger.start for d in b.drafts))
    builders = join_retold_incidents(builders, date_of=_own_date,
                                     type_of=lambda b: _main_mention(b.mentions()).sub_event_type)
    deaths_to_incident(builders, compatible=_compatible, main_mention=_main_mention,
                       told_apart=lambda later, incident: _told_as_background(later) or _dated_before(
                           later, incident.dates() or ([lead_date] if lead_date else [])))
    orphan_deaths_to_incident(builders, orphans, compatible=_compatible,
                              told_apart=lambda draft: _told_as_background(_EventBuilder([draft])))
    events = [_event(article, b, implied_date) for b in builders]
    if events:
        events[0] = with_lead_context(events[0], lead_place, lead_date)
    events = lead_context_to_incident(_mark_background(events, article), lead_place, lead_date)
    return tuple(replace(event, summary=summarise(event)) for event in events)


SEIZURE_RULE_PREFIXES = tuple(f"trigger:{prefix}" for prefix in SEIZURE_KEY_PREFIXES)


def _without_aftermath_seizures(builders: list[_EventBuilder]) -> list[_EventBuilder]:
    """Arms recovered in an article that reports fighting ("weapons and a boat had been recovered") are the
    fighting's aftermath, not an event of their own; a seizure is an event only where no violence is reported."""
    if not any(b.family == "violence" for b in builders):
        return builders
    return [b for b in builders
            if not all(d.mention.rule.startswith(SEIZURE_RULE_PREFIXES) for d in b.drafts)]


def _dated_before(later: _EventBuilder, incident_dates: list[When]) -> bool:
    """The later event's own date ends BACKGROUND_GAP_DAYS or more before the incident's (or the lead's) begins."""
    return any(w.end and d.start and (d.start - w.end).days >= BACKGROUND_GAP_DAYS
               for w in later.dates() for d in incident_dates if not d.implied)


def _told_as_background(builder: _EventBuilder) -> bool:
    """The event's sentences frame it as context ("earlier", "last month"), as _mark_background reads them."""
    text = " ".join(d.mention.sentence.text.lower() for d in builder.drafts)
    return any(cue in text for cue in BACKGROUND_CUES)


def _compatible(builder: _EventBuilder, draft: MentionDraft) -> bool:
    if builder.family != draft.family:
        return False
    mention = draft.mention
    if mention.place is not None and mention.place.lat is not None:
        if any(_distance_km(mention.place, p) > SAME_AREA_KM for p in builder.places()):
            return False
    # a definite mention's date is often the statement's ("claimed the attack on Monday"), not the event's
    if mention.when is not None and mention.when.start is not None and not mention.when.implied and not draft.definite:
        if any(not _overlaps(mention.when, w) for w in builder.dates()):
            return False
    if draft.definite and not draft.weak:
        return True  # "the attack also killed two civilians", "also claimed the attack": same event, new detail
    for role in ("actor1", "actor2"):
        own = {a.name for a in mention.actors if a.role == role and not a.rule.startswith(SENTENCE_PARTY)}
        theirs = builder.actor_names(role)
        if own and theirs and not own & theirs:
            return False
    return True


def _agrees(builder: _EventBuilder, draft: MentionDraft) -> bool:
    """Positive evidence of sameness for an indefinite mention: the same place (or one within
    SAME_PLACE_KM: "East Qalamoun" and "the Qalamoun region"), or a stated date."""
    mention = draft.mention
    if _continues(builder, draft):
        return True
    if mention.place is not None and mention.place.lat is not None and builder.places():
        return any(_distance_km(mention.place, p) <= SAME_PLACE_KM or mention.place.gazetteer_id == p.gazetteer_id
                   for p in builder.places())
    placed = (mention.place is not None and mention.place.lat is not None) or bool(builder.places())
    if mention.when is not None and mention.when.start is not None and not mention.when.implied and builder.dates():
        # the same day alone joins two mentions only when neither names a place: one day holds many events
        return not placed and any(w == mention.when or _same_interval(w, mention.when) for w in builder.dates())
    return False


def _continues(builder: _EventBuilder, draft: MentionDraft) -> bool:
    """A mention in the very next sentence that names no place, no date and only a generic word ("killed",
    "attack") goes on telling the same event ("Police are investigating a deadly shooting. One person was killed, police said.");
    a marker of another event ("separately", "another attack") has already made the draft distinct."""
    from .mentions.lexicon import trigger_rank

    mention = draft.mention
    if mention.place is not None or (mention.when is not None and not mention.when.implied):
        return False
    if trigger_rank(mention.rule.split(":", 1)[-1]) > GENERIC_TRIGGER_RANK:
        return False  # a specific new word ("responded with artillery fire") may tell another event
    last = max(d.sentence_index for d in builder.drafts)
    if draft.sentence_index - last != 1:
        return False
    own = {a.name for a in mention.actors if a.role == "actor1"}
    theirs = {a.name for d in builder.drafts for a in d.mention.actors if a.role == "actor1"}
    if own and theirs and not own & theirs:
        return False  # "... it had responded with artillery fire": the other side acting, another event
    return mention.sub_event_type in {d.mention.sub_event_type for d in builder.drafts} | GENERIC_SUB_TYPES


def _same_interval(a: When, b: When) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _merge_target(builders: list[_EventBuilder], draft: MentionDraft) -> _EventBuilder | None:
    if draft.distinct:
        return None
    for builder in reversed(builders):
        if not _compatible(builder, draft):
            continue
        if draft.definite or _agrees(builder, draft):
            return builder
    return None


def _weak_target(builders: list[_EventBuilder], draft: MentionDraft) -> _EventBuilder | None:
    if draft.mention.rule.startswith(RESPONSIBILITY_RULE):
        return _latest_before(builders, draft)
    best = None
    best_distance = None
    for builder in builders:
        if not _compatible(builder, draft):
            continue
        distance = min(abs(d.sentence_index - draft.sentence_index) for d in builder.drafts)
        if distance <= WEAK_ATTACH_SENTENCES and (best_distance is None or distance < best_distance):
            best, best_distance = builder, distance
    return best


def _latest_before(builders: list[_EventBuilder], draft: MentionDraft) -> _EventBuilder | None:
    """The event mentioned last before ``draft`` in the same family (what "claimed responsibility" refers to)."""
    earlier = [
        (max(d.sentence_index for d in b.drafts if d.sentence_index <= draft.sentence_index), b)
        for b in builders
        if b.family == draft.family and not all(d.weak for d in b.drafts)
        and any(d.sentence_index <= draft.sentence_index for d in b.drafts)
    ]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


# A death told with its violent cause ("died of a gunshot wound", "died of stab wounds") is an event even with
# no other mention to join.
VIOLENT_DEATH_CAUSE = re.compile(r"\b(?:gunshot|bullet|stab|stabbing|shrapnel|shot|shooting|blast|explosion)\b",
                                 re.IGNORECASE)
DEATH_RULES = ("trigger:die", "trigger:pronounce dead")


def _stands_alone(draft: MentionDraft) -> bool:
    """A weak killing mention is an event of its own when it names who did it or how many died; a lone death
    ("died", "was pronounced dead") when its sentence also gives a violent cause and a count."""
    mention = draft.mention
    if mention.rule.startswith(DEATH_RULES):
        return mention.fatalities is not None and VIOLENT_DEATH_CAUSE.search(mention.sentence.text) is not None
    if not mention.rule.startswith("trigger:kill"):
        return False
    return mention.fatalities is not None or any(a.role == "actor1" for a in mention.actors)


def _distance_km(a: Place, b: Place) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _overlaps(a: When, b: When) -> bool:
    return not (a.end < b.start or b.end < a.start)


def _event(article: Article, builder: _EventBuilder, implied_date: When | None) -> Event:
    mentions = builder.mentions()
    main = _main_mention(mentions)
    sub_event_type = refined_type(builder.family, main, mentions)
    location = _choose_place(mentions)
    date = _own_date(builder) or implied_date
    if builder.retold_from is not None:
        date = with_retold_rule(date)
    actors = tidy_actors(_merge_actors(mentions), sub_event_type)
    actors = conventional_parties(actors, sub_event_type, _event_country(location, actors), main)
    assertions = read_roles(_unique([a for m in mentions for a in m.assertions]), actors)
    figures = [] if builder.lent_toll else figures_of(mentions) + builder.borrowed_figures
    fatalities = choose_toll(figures)
    status = statuses(assertions, actors, figures)
    evidence = tuple(sorted({m.sentence for m in mentions}, key=lambda s: s.start))
    weapons = tuple(dict.fromkeys(w for m in mentions for w in m.weapons))
    rules = {
        "event_type": type_rule(main, sub_event_type),
        "location": location.rule if location else "none: no place tied to the event in the text",
        "date": date.rule if date else "none",
        "fatalities": fatalities.rule if fatalities else "none: no deaths reported",
    }
    event_id = hashlib.sha256(f"{article.id}:{mentions[0].trigger.start}".encode()).hexdigest()[:12]
    return Event(
        id=event_id,
        article_id=article.id,
        event_type=SUB_EVENT_TO_TYPE[sub_event_type],
        sub_event_type=sub_event_type,
        summary="",
        background=False,
        date=date,
        location=location,
        actors=actors,
        fatalities=fatalities,
        weapons=weapons,
        assertions=tuple(assertions),
        status=status,
        evidence=evidence,
        triggers=tuple(sorted({m.trigger for m in mentions}, key=lambda s: s.start)),
        rules=rules,
        plover=plover_code(sub_event_type, " ".join(s.text for s in evidence), weapons),
    )


def _own_date(builder: _EventBuilder) -> When | None:
    """The date the event's mentions give it: its own (indefinite, first, or the retold telling's) mentions' best,
    else any mention's."""
    own = [d.mention for d in builder.drafts if not d.definite or d is builder.drafts[0] or d is builder.retold_from]
    return _choose_date(own) or _choose_date(builder.mentions())


def _main_mention(mentions: list[Mention]) -> Mention:
    """The mention that types the event: the most specific trigger, the first among equals."""
    typed = [m for m in mentions if not m.rule.startswith(RESPONSIBILITY_RULE)] or mentions
    return max(typed, key=lambda m: (_type_rank(m), -m.trigger.start))


TYPE_PRIORITY = ("Armed clash", "Attack")
def _type_rank(mention: Mention) -> int:
    """Specific types beat the generic ones a story also uses ("fighting", "attack", "killed")."""
    rank = int(mention.rule.split(":")[-1] != "kill")
    if mention.sub_event_type not in TYPE_PRIORITY:
        rank += 2
    if mention.cause == "shot down":
        rank += 3
    return rank


def _unique(items: list) -> list:
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _choose_place(mentions: list[Mention]) -> Place | None:
    """The place most mentions tie the event to; among places of that area, the most precise."""
    places = [m.place for m in mentions if m.place is not None]
    if not places:
        return None
    located = [p for p in places if p.lat is not None]
    if not located:
        return places[0]
    clusters: list[list[Place]] = []
    for place in located:
        for cluster in clusters:
            if _distance_km(cluster[0], place) <= SAME_AREA_KM / 2:
                cluster.append(place)
                break
        else:
            clusters.append([place])
    best_cluster = max(clusters, key=lambda c: (len(c), -located.index(c[0])))
    return min(best_cluster, key=lambda p: (p.precision or 9, best_cluster.index(p)))


def _choose_date(mentions: list[Mention]) -> When | None:
    dated = [m.when for m in mentions if m.when is not None and m.when.start is not None]
    if not dated:
        return None
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    return min(dated, key=lambda w: (w.implied, order.get(w.precision, 5), is_fallback_date(w)))


def _merge_actors(mentions: list[Mention]) -> tuple[Actor, ...]:
    actors: list[Actor] = []
    for mention in mentions:
        for actor in mention.actors:
            if not any(a.name == actor.name for a in actors):
                actors.append(actor)
    return tuple(actors)


RIOT_TYPES = frozenset({"Violent demonstration", "Mob violence"})
GENERIC_ARMED_PREFIXES = ("Unidentified Armed Group (", "Opposition Rebels (")


def tidy_actors(actors: tuple[Actor, ...], sub_event_type: str) -> tuple[Actor, ...]:
    """ACLED's actor conventions over the parties found: a named group makes "gunmen" or "the rebels" redundant,
    a parent ("Islamic State") gives way to its named branch, a riot's crowd is rioters, a protest's is not
    "civilians"."""
    names = {a.name for a in actors}
    named_armed = any(a.inter in (2, 3, 4) and not a.name.startswith(GENERIC_ARMED_PREFIXES) for a in actors)
    kept = []
    for actor in actors:
        if named_armed and actor.name.startswith(GENERIC_ARMED_PREFIXES):
            continue
        if any(other != actor.name and other.startswith(actor.name + " ") for other in names):
            continue
        if sub_event_type in PROTEST_FAMILY_TYPES and actor.kind == "civilians" and sub_event_type not in RIOT_TYPES:
            continue
        if sub_event_type in RIOT_TYPES and actor.name.startswith("Protesters ("):
            actor = replace(actor, name="Rioters (" + actor.name[len("Protesters ("):], kind="rioters", inter=5,
                            rule=actor.rule + "+riot")
        if any(a.name == actor.name for a in kept):
            continue
        kept.append(actor)
    return tuple(kept)


RIOT_TYPES_WITH_CROWD = frozenset({"Violent demonstration"})
DEMONSTRATION_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
CONVENTION_RULE = "convention:"


def conventional_parties(actors: tuple[Actor, ...], sub_event_type: str, country_code: str | None,
                         main: Mention) -> tuple[Actor, ...]:
    """ACLED's fixed parties: a demonstration's actor1 is its protesters (a riot's, its rioters) and the forces
    that intervene are actor2; an Attack (violence against civilians, by ACLED's definition) has the civilians
    as actor2. A missing crowd or victims' side is added, named for the event's country, with the trigger (or
    the victims' phrase) as its evidence; with no country nothing is added."""
    if sub_event_type in DEMONSTRATION_TYPES | RIOT_TYPES_WITH_CROWD:
        crowd_kind = "rioters" if sub_event_type in RIOT_TYPES_WITH_CROWD else "protesters"
        actors = tuple(replace(a, role="actor2") if a.role == "actor1" and a.kind != crowd_kind else a
                       for a in actors)  # whoever acts on the crowd is the other side
        crowd = [a for a in actors if a.kind == crowd_kind]
        if crowd:
            return tuple(replace(a, role="actor1") if a in crowd else a for a in actors)
        added = _country_party(crowd_kind, country_code, "actor1", main.trigger)
        return (added, *actors) if added else actors
    if sub_event_type == "Attack" and not any(a.role in ("actor2", "target") for a in actors) and not (
            main.fatalities and fighters_killed(main.fatalities)):
        evidence = main.fatalities.text if main.fatalities and main.fatalities.text else main.trigger
        added = _country_party("civilians", country_code, "actor2", evidence)
        return (*actors, added) if added else actors
    return actors


PARTY_NAMES = {"protesters": ("Protesters", 6), "rioters": ("Rioters", 5), "civilians": ("Civilians", 7)}


def _country_party(kind: str, country_code: str | None, role: str, evidence) -> Actor | None:
    from .mentions.actors import country_name

    country = country_name(country_code)
    if country is None:
        return None
    label, inter = PARTY_NAMES[kind]
    return Actor(role=role, name=f"{label} ({country})", kind=kind, inter=inter, country_code=country_code,
                 text=evidence, rule=f"{CONVENTION_RULE}{kind}")


def _event_country(location: Place | None, actors: tuple[Actor, ...]) -> str | None:
    """The event's country: its place's, else the country of a national party to it."""
    if location is not None and location.country_code:
        return location.country_code
    return next((a.country_code for a in actors if a.country_code), None)


def _mark_background(events: list[Event], article: Article) -> list[Event]:
    """The lead event is the article's first; later ones dated before it, or framed as context, are background."""
    if not events:
        return events
    lead = events[0]
    marked = [lead]
    for event in events[1:]:
        background = False
        if lead.date and event.date and not event.date.implied and not lead.date.implied and event.date.end and lead.date.start:
            background = (lead.date.start - event.date.end).days >= BACKGROUND_GAP_DAYS
        if not background:
            text = " ".join(s.text.lower() for s in event.evidence)
            background = any(cue in text for cue in BACKGROUND_CUES) or (
                event.sub_event_type == "Agreement" and any(cue in text for cue in ENDED_AGREEMENT_CUES))
        marked.append(replace(event, background=background))
    return marked


def summarise(event: Event) -> str:
    """A one-line summary built only from the event's own fields (never from outside knowledge)."""
    actor1 = next((a.name for a in event.actors if a.role == "actor1"), None)
    actor2 = next((a.name for a in event.actors if a.role == "actor2"), None)
    parts = [event.sub_event_type]
    if actor1:
        parts.append(f"by {actor1}")
    if actor2:
        parts.append(f"against {actor2}")
    if event.location:
        parts.append(f"in {event.location.name}")
    if event.date and event.date.start and not event.date.implied:
        parts.append(f"on {event.date.start.isoformat()}" if event.date.precision == "day" else f"({event.date.precision} of {event.date.start.isoformat()})")
    if event.fatalities:
        low, high = event.fatalities.low, event.fatalities.high
        parts.append(f"; {low if low is not None else '?'}{'' if high == low else ('+' if high is None else f'-{high}')} killed")
    status = "; ".join(f"{facet} {value}" for facet, value in sorted(event.status.items()))
    return " ".join(parts) + (f" [{status}]" if status else "")
