"""An event's death toll: the figure each of its mentions reports, and the one toll the event carries.

Split from ``assemble`` (which decides which mentions make one event) because choosing the toll is a question
of its own: sources disagree ("at least 20" from officials, "25" from activists), a follow-up sentence
repeats the count, and a death told later in the story ("the victim later died in hospital") belongs to the
incident told first. CODING.md: ``low`` is the lowest credible figure, ``high`` the highest stated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .mentions.fatalities import IMPLIED_RULE, KILLER_COUNTED_RULE, MULTIPLIED_RULE, ONE_PERSON_RULE, SELF_RULE
from .model import Fatalities, Mention
from .status import OUTLET

__all__ = ["figures_of", "choose_toll", "deaths_to_incident", "orphan_deaths_to_incident", "is_partial"]

RANGE_RULE = "+range-over-sources"
# A death told this many sentences after an incident can still be its toll ("He died at a hospital"); on 400
# GVA pages the later deaths that were the incident's came within 10 sentences, other stories' mostly after 12.
TOLL_REACH_SENTENCES = 12


def figures_of(mentions: list[Mention]) -> list[tuple[str, Fatalities]]:
    """Each mention's death figure with the source that gave it."""
    figures = []
    for mention in mentions:
        if mention.fatalities is None:
            continue
        source = next((a.source for a in mention.assertions if a.facet == "fatalities"), OUTLET)
        figures.append((source, mention.fatalities))
    return figures


# Figures that tell of some of the dead, not how many died: a word that only implies a death ("the homicide"), one
# named victim ("Kevin Richardson, 30, died at the scene"), the killer's own death ("before taking his own life").
PARTIAL_RULES = (IMPLIED_RULE, ONE_PERSON_RULE, SELF_RULE)
KILLER_RULE = "+killer-too"


# figures adding up every group a sentence names, and words that count the dead ("a quadruple murder"): in full
WHOLE_RULES = (":summed", ":coordinated", MULTIPLIED_RULE)


def is_partial(figure: Fatalities) -> bool:
    """The figure tells of some of the dead (one named victim, a word implying a death), not how many died."""
    return any(rule in figure.rule for rule in PARTIAL_RULES) and not any(rule in figure.rule for rule in WHOLE_RULES)


def _counts_of_the_dead(figures: list[tuple[str, Fatalities]]) -> list[tuple[str, Fatalities]]:
    """The figures that count the dead, when any does; else the partial ones.

    "Two people were killed ... Kevin Richardson, 30, died at the scene" is a toll of two and one of its victims
    named, not two conflicting figures (1 and 2)."""
    counted = [(source, f) for source, f in figures if not is_partial(f)]
    if counted:
        return counted
    implied = [(source, f) for source, f in figures if IMPLIED_RULE in f.rule]
    return [pair for pair in figures if pair not in implied] or implied


def choose_toll(figures: list[tuple[str, Fatalities]]) -> Fatalities | None:
    """The event's toll (see _toll_of_counts), plus the killer's own death when a mention tells it and no count
    already holds it: "He shot his wife. ... He then turned the gun on himself" is two dead (ACLED and the GVA
    count every side's dead); "three dead, including the shooter" already holds it."""
    toll = _toll_of_counts(figures)
    if toll is None or SELF_RULE in toll.rule or any(KILLER_COUNTED_RULE in f.rule for _, f in figures):
        return toll
    if not any(SELF_RULE in f.rule for _, f in figures):
        return toll
    return replace(toll, low=None if toll.low is None else toll.low + 1,
                   high=None if toll.high is None else toll.high + 1, rule=toll.rule + KILLER_RULE)


def _toll_of_counts(figures: list[tuple[str, Fatalities]]) -> Fatalities | None:
    """One figure: the lowest credible low and the highest stated high (CODING.md: conflicting figures).

    A figure only implied by a killing word ("a fatal shooting": at least one) or a single named victim counts
    only when no mention gives a number: it is a lower bound, not a conflicting report."""
    figures = _counts_of_the_dead(figures)
    if not figures:
        return None
    lowest = min((f for _, f in figures), key=lambda f: f.low if f.low is not None else 10**9)
    if len(figures) == 1:
        return lowest
    stated_highs = [f.high for _, f in figures if f.high is not None]
    lows = [f.low for _, f in figures if f.low is not None]
    # the highest figure stated bounds the toll, unless an open figure ("at least 20") already exceeds it
    high = max(stated_highs) if stated_highs and (not lows or max(stated_highs) >= max(lows)) else None
    return replace(lowest, high=high, rule=lowest.rule + RANGE_RULE)


LATER_MENTION_RULE = "+later-mention"


# Sub-types that generic words of violence give ("shot", "opened fire", "killed", "fighting"): the cue classifier
# may type one shooting told in two sentences as either, and a follow-up sentence typed so is no sign of a new
# event (assemble.py joins it to the one before).
GENERIC_SUB_TYPES = frozenset({"Attack", "Armed clash"})
# Trigger ranks up to this tell one side's violence ("shooting", "opened fire", "shot dead", "stabbed"); above
# it a word tells a kind of event of its own ("clashed" is 5, "air strike" more), so it has its own toll.
ONE_SIDED_RANK = 3


def tells_same_toll(incident_sub_type: str, later_sub_type: str, later_only_deaths: bool, later_rank: int) -> bool:
    """A later event whose deaths may be the incident's own: one told only by a death ("A man was shot in Tulsa
    on Monday. ... He died at a hospital, police said Tuesday"), one of the same sub-type, or one told with
    words of one-sided violence when both are of the generic sub-types ("the shooting ... he opened fire,
    killing three"). An event told with words of its own kind ("police clashed with the gang; several were
    killed") is another event with its own toll. Places and dates are checked by the caller."""
    if later_only_deaths or later_sub_type == incident_sub_type:
        return True
    return {incident_sub_type, later_sub_type} <= GENERIC_SUB_TYPES and later_rank <= ONE_SIDED_RANK


def lent_figures(figures: list[tuple[str, Fatalities]]) -> list[tuple[str, Fatalities]]:
    """A later mention's figures as the incident's: the same words, the rule saying where they were found."""
    return [(source, replace(figure, rule=figure.rule + LATER_MENTION_RULE)) for source, figure in figures]


def deaths_to_incident(builders: list, *, compatible: Callable, main_mention: Callable, told_apart: Callable) -> None:
    """An event told with no deaths (or only some of them: one named victim, "a homicide") takes those of the first
    later event of the same incident (tells_same_toll) that has any (a count above its own, ``_counts_more``),
    within its area and dates (``compatible(event, mention)``), not marked as another ("a separate shooting"),
    not told apart as background (``told_apart(later, incident)``: "earlier", a date days before).

    News often reports the shooting first and the death later ("He died at a hospital"), too far from the
    first mention to merge with it; the later event keeps its other facts but no longer carries the toll.
    ``builders`` are assemble's events in the making, in text order; they are updated in place."""
    from .mentions.lexicon import trigger_rank

    for index, incident in enumerate(builders):
        own = figures_of(incident.mentions())
        if incident.lent_toll or incident.borrowed_figures or any(not is_partial(f) for _, f in own):
            continue
        own_type = main_mention(incident.mentions()).sub_event_type
        for later in builders[index + 1:]:
            figures = figures_of(later.mentions())
            if not figures or later.lent_toll or later.borrowed_figures:
                continue
            if own and not _counts_more(figures, own):
                continue  # the incident names one of its dead; only a later count of them all says more
            if any(d.distinct for d in later.drafts) or not all(compatible(incident, d) for d in later.drafts):
                continue
            if _sentences_between(incident, later) > TOLL_REACH_SENTENCES:
                break  # another story told further down the page ("In a separate case ...", a list of links)
            if told_apart(later, incident):
                continue  # "Earlier this year, a suicide bomber killed five policemen": another story's toll
            told_by = main_mention(later.mentions())
            if own and told_by.sub_event_type != own_type:
                break  # a count of another kind of event (an attack's dead after a kidnapping's victim)
            if tells_same_toll(own_type, told_by.sub_event_type, all(d.weak for d in later.drafts),
                               trigger_rank(told_by.rule.split(":", 1)[-1])):
                incident.borrowed_figures = lent_figures(figures)
                later.lent_toll = not own  # a count above a named victim is told again, not moved
            break


def orphan_deaths_to_incident(builders: list, orphans: list, *, compatible: Callable, told_apart: Callable) -> None:
    """A death told on its own further down ("Terrell Skinner, 26, was pronounced dead at the scene"), too far
    from any event to join it and with no cause of its own to stand alone, is the toll of the nearest event told
    before it, when that event has none yet (one that has a toll is only being repeated)."""
    for orphan in orphans:
        if orphan.mention.fatalities is None or told_apart(orphan):
            continue
        before = [b for b in builders if b.family == orphan.family and not b.lent_toll
                  and min(d.sentence_index for d in b.drafts) < orphan.sentence_index and compatible(b, orphan)]
        if not before:
            continue
        nearest = max(before, key=lambda b: max(d.sentence_index for d in b.drafts
                                                if d.sentence_index < orphan.sentence_index))
        if nearest.borrowed_figures or figures_of(nearest.mentions()):
            continue
        if orphan.sentence_index - max(d.sentence_index for d in nearest.drafts) > TOLL_REACH_SENTENCES:
            continue
        nearest.borrowed_figures = lent_figures(figures_of([orphan.mention]))


def _counts_more(figures: list[tuple[str, Fatalities]], partial: list[tuple[str, Fatalities]]) -> bool:
    """A count of the dead above every partial figure of the incident ("Todd Webb, 14, was killed ... the shooting
    that left two students dead"): the incident's toll told later."""
    most = max((f.low or 0 for _, f in partial), default=0)
    return any(not is_partial(f) and f.low is not None and f.low > most for _, f in figures)


def _sentences_between(earlier, later) -> int:
    """Sentences from the earlier event's last mention to the later one's first death figure."""
    dying = [d.sentence_index for d in later.drafts if d.mention.fatalities is not None]
    return min(dying) - max(d.sentence_index for d in earlier.drafts)
