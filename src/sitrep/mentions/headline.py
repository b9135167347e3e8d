"""Triggers in a headline read because the body told of no event (``pipeline.events_of``).

Headlines drop auxiliaries and articles ("5 shot, 1 killed in store lot", "Man Shoots Girlfriend And Her Son"),
and the small English model, trained on running text, tags their verbs as nouns or names, so the part-of-speech
checks of ``triggers.find_triggers`` miss them. Inside the headline only, the word forms listed in
``rules/triggers.toml`` ``[headline_forms]`` count as their trigger whatever their tag, and a "killed" in a
headline that names a gun or a shooter is a killing of its own, not a death waiting for an event to join.
"""

from __future__ import annotations

from dataclasses import replace

from .lexicon import headline_forms, trigger_rules, word_list
from .triggers import TriggerMatch

__all__ = ["HEADLINE_END", "mark_headline", "with_headline_triggers"]

# Key in a parsed Doc's user_data: where the headline set above the body ends (a character offset).
HEADLINE_END = "sitrep.headline_end"


def mark_headline(doc, end_char: int) -> None:
    """Note on ``doc`` that its text up to ``end_char`` is the article's headline."""
    doc.user_data[HEADLINE_END] = end_char


def with_headline_triggers(doc, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """``matches`` plus the headline's triggers the parse missed, with weak killings made strong where the
    headline names a gun; unchanged for a doc without a marked headline."""
    end = doc.user_data.get(HEADLINE_END)
    if not end:
        return matches
    headline = [token for token in doc if token.idx < end]
    names_a_gun = any(token.lower_ in word_list("gun_words") for token in headline)
    taken = {i for m in matches for i in range(m.start, m.end)}
    in_headline = [m for m in matches if doc[m.head].idx < end]
    found = [m for m in matches if m not in in_headline]
    for match in in_headline:
        if _other_sense(doc[match.head]):
            continue  # "Mug shot of suspect released"
        found.append(_strengthened(match) if names_a_gun and match.rule.key in headline_forms().values() else match)
    for token in headline:
        rule = _headline_rule(token)
        if token.i in taken or rule is None or (rule.weak and not names_a_gun):
            continue
        found.append(TriggerMatch(start=token.i, end=token.i + 1, head=token.i, rule=replace(rule, weak=False),
                                  sub_event_type=rule.sub_event_type, cause=rule.cause, definite=False,
                                  distinct=False, generic=False))
    return sorted(found, key=lambda m: m.start)


def _strengthened(match: TriggerMatch) -> TriggerMatch:
    return replace(match, rule=replace(match.rule, weak=False)) if match.rule.weak else match


def _headline_rule(token):
    """The one-word trigger rule a headline word form stands for, or None."""
    key = headline_forms().get(token.lower_)
    if key is None or _other_sense(token):
        return None
    return next((rule for rule in trigger_rules().get(key, ()) if rule.words == (key,)), None)


def _other_sense(token) -> bool:
    """"Flu shot clinic", "Mug shot released", "shot clock": a word next to the form gives it another sense."""
    if token.lower_ != "shot":
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return before in word_list("headline_other_sense_before") or after in word_list("headline_other_sense_after")
