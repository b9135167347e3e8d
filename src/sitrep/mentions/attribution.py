"""Who asserts what: the sources, cues and stances that frame each event mention.

From the trigger, walk up the parse to the reporting verbs and nouns that govern it ("X claimed ...",
"officials did not confirm the group's claim to have ...", "denied responsibility for the bombing amid
accusations from ..."). Each governing cue gives an Assertion on one or more facets. A sentence with no cue
of its own is the outlet's voice (CODING.md), even right after a quoted one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Assertion, Span
from .actors import actors_at, coordinated_heads, join_tokens, own_subtree, resolve_anaphor
from .lexicon import cues, source_aliases

from ..model import OUTLET  # noqa: E402
MAX_SOURCE_WORDS = 6
CAUSE_WORDS = frozenset({"cause", "reason"})
PERPETRATOR_WORDS = frozenset({"perpetrator", "culprit", "attacker", "attackers"})
# Unnamed classes that sources.csv names but cues.toml's head-noun table does not.
UNNAMED_EXTRA = frozenset({"local reports", "unnamed source", "medics", "monitoring group", "state media"})
PRONOUN_SOURCES = frozenset({"he", "she", "they", "it", "we", "i"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# Documents that speak for whoever issued them ("the statement said", "the video claimed").
DOCUMENT_SOURCES = frozenset({"statement", "communique", "communiqué", "video", "post", "message", "release"})


@dataclass(frozen=True)
class SourceRef:
    """A resolved source: canonical name, the party it speaks for (for independence), and its text."""

    name: str
    party: str
    named: bool
    span: Span | None


def assertions_for(doc, head, trigger_span: Span, to_source, context) -> list[Assertion]:
    """Assertions about the event whose trigger head is ``head``; at least the outlet's own when none."""
    found: list[Assertion] = []
    responsibility = set(cues()["responsibility"]["nouns"])
    hedge = _hedge(head, to_source)
    node = head
    while node.head.i != node.i:
        parent = node.head
        outer = any(a.cue is not None for a in found)  # "the ministry said [the rebels claimed [...]]"
        found.extend(_cue_assertions(doc, parent, node, trigger_span, to_source, context, responsibility, hedge,
                                     outer=outer))
        node = parent
    found.extend(_according_to(doc, head, trigger_span, to_source, context, hedge))
    if not any(a.facet == "occurrence" and a.stance != "does_not_confirm" for a in found):
        found.append(
            Assertion(facet="occurrence", source=OUTLET, source_text=None, cue=None, stance="asserts",
                      evidence=_sentence_span(head, to_source), hedge=hedge, rule="attribution:outlet-voice")
        )
    return found


def _sentence_span(token, to_source) -> Span:
    sent = token.sent
    return to_source(sent.start_char, sent.end_char)


def _hedge(head, to_source) -> Span | None:
    words = set(cues()["hedges"]["words"])
    clause = [head, *head.children, *(head.head.children if head.head.i != head.i else ())]
    for token in clause:
        if token.lower_ in words and token.dep_ in ("advmod", "aux", "amod"):
            return to_source(token.idx, token.idx + len(token.text))
    return None


def _nobody_speaks(cue) -> bool:
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    return any(s.lower_ in ("nobody", "none", "noone") or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)
               for s in subjects)


def _negated(verb) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _cue_assertions(doc, cue, via, trigger_span, to_source, context, responsibility, hedge,
                    outer: bool = False) -> list[Assertion]:
    """Assertions made by one governing word ``cue`` (reached from the trigger through ``via``).

    An ``outer`` cue passes on what an inner one says: its positive stance becomes "reports".
    """
    table = cues()
    lemma = cue.lemma_.lower()
    stance = None
    if cue.pos_ in ("VERB", "AUX") and lemma in table["verbs"]:
        stance = table["verbs"][lemma]
    elif cue.pos_ in ("NOUN", "PROPN") and lemma in table["nouns"]:
        stance = table["nouns"][lemma]
    results: list[Assertion] = []
    if stance is None:
        return results
    if _nobody_speaks(cue):
        return results  # "no group has claimed responsibility": nobody asserted anything
    sources = _sources_of(cue, context)
    hedge = hedge or _hedge(cue, to_source)  # "IS reportedly claimed responsibility"
    objects = {c.lemma_.lower() for c in cue.children if c.dep_ in ("dobj", "attr", "nsubjpass")}
    about_responsibility = bool(objects & responsibility) or via.lemma_.lower() in responsibility
    negated = _negated(cue)
    evidence = _sentence_span(cue, to_source)
    cue_span = to_source(cue.idx, cue.idx + len(cue.text))
    facets = ["occurrence"]
    if objects & set(table["figures"]["nouns"]) or via.lemma_.lower() in table["figures"]["nouns"]:
        facets = ["fatalities"]
    elif stance == "claims":
        stance = "claims_responsibility" if _is_own_action(cue, via, sources, about_responsibility) else "asserts"
        facets = ["perpetrator", "occurrence"] if stance == "claims_responsibility" else ["occurrence"]
    elif stance == "denies":
        facets = ["perpetrator"] if about_responsibility else ["occurrence"]
    elif stance == "accuses":
        facets = ["perpetrator"]
    elif about_responsibility:
        facets = ["perpetrator"]
    if negated and stance in ("confirms", "asserts", "reports"):
        stance = "does_not_confirm"
        if via.lemma_.lower() in ("claim", "report", "allegation"):
            facets = ["perpetrator", "cause"]
    elif negated and stance == "denies":
        return results  # "did not deny" neither asserts nor denies
    if outer and stance in ("asserts", "confirms", "claims_responsibility", "accuses"):
        stance = "reports"
    for facet in facets:
        for source in sources:
            results.append(Assertion(facet=facet, source=source.name, source_text=source.span, cue=cue_span,
                                     stance=stance, evidence=evidence, hedge=hedge, negated=negated,
                                     rule=f"attribution:cue:{cue.lemma_.lower()}", source_named=source.named))
    results.extend(_sibling_cues(doc, cue, evidence, to_source, context))
    return results


def _is_own_action(cue, via, sources: list[SourceRef], about_responsibility: bool) -> bool:
    """A claim is a claim of responsibility when the claimant speaks of its own act (CODING.md)."""
    if about_responsibility:
        return True
    if not sources or not sources[0].named:
        return False
    if via.dep_ in ("acl", "xcomp") and via.head.i == cue.i:
        return True  # "the group's claim to have shot down the jet": no other subject
    subjects = [c for c in via.children if c.dep_ in ("nsubj", "agent")]
    return not subjects or any(c.lower_ in ("we", "its", "their") for c in subjects)


def _sibling_cues(doc, cue, evidence, to_source, context) -> list[Assertion]:
    """Cues beside the governing one: "amid accusations from X", "but did not specify the cause"."""
    results: list[Assertion] = []
    table = cues()
    for child in cue.children:
        if child.dep_ == "prep":
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in table["nouns"]:
                    stance = table["nouns"][noun.lemma_.lower()]
                    facet = "perpetrator" if stance in ("accuses", "denies") else "occurrence"
                    for source in _sources_of(noun, context, default_unnamed=False):
                        results.append(Assertion(facet=facet, source=source.name, source_text=source.span,
                                                 cue=to_source(noun.idx, noun.idx + len(noun.text)),
                                                 stance=stance, evidence=evidence,
                                                 rule=f"attribution:noun:{noun.lemma_.lower()}",
                                                 source_named=source.named))
        if child.dep_ == "conj" and child.lemma_.lower() in table["verbs"]:
            objects = {c.lemma_.lower() for c in child.children if c.dep_ == "dobj"}
            own_subject = any(c.dep_ == "nsubj" for c in child.children)
            if own_subject and objects & set(table["responsibility"]["nouns"]):
                # "X blamed Y for the strike, but Z denied involvement": a second speaker on the perpetrator
                stance = table["verbs"][child.lemma_.lower()]
                stance = "claims_responsibility" if stance == "claims" else stance
                for source in _sources_of(child, context):
                    results.append(Assertion(facet="perpetrator", source=source.name, source_text=source.span,
                                             cue=to_source(child.idx, child.idx + len(child.text)), stance=stance,
                                             evidence=evidence, negated=_negated(child),
                                             rule=f"attribution:conj:{child.lemma_.lower()}", source_named=source.named))
                continue
            facet = "cause" if objects & CAUSE_WORDS else "perpetrator" if objects & PERPETRATOR_WORDS else None
            if facet is None:
                continue
            stance = "does_not_confirm" if _negated(child) else "confirms"
            for source in _sources_of(cue, context):
                results.append(Assertion(facet=facet, source=source.name, source_text=source.span,
                                         cue=to_source(child.idx, child.idx + len(child.text)), stance=stance,
                                         evidence=evidence, negated=_negated(child),
                                         rule=f"attribution:conj:{child.lemma_.lower()}", source_named=source.named))
    return results


def _according_to(doc, head, trigger_span, to_source, context, hedge) -> list[Assertion]:
    results: list[Assertion] = []
    for token in head.sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for noun in doc[token.i + 1].children:
                if noun.dep_ == "pobj":
                    for source in resolve_sources(noun, context):
                        stance = "reports" if source.name == "local reports" else "asserts"
                        results.append(Assertion(facet="occurrence", source=source.name, source_text=source.span,
                                                 cue=to_source(token.idx, doc[token.i + 1].idx + 2), stance=stance,
                                                 evidence=_sentence_span(head, to_source), hedge=hedge,
                                                 rule="attribution:according-to", source_named=source.named))
    return results


def _sources_of(cue, context, default_unnamed: bool = True) -> list[SourceRef]:
    """The speaker of a cue: subject of a verb, possessor or "from"/"by" object of a noun.

    With no speaker in the parse, an "unnamed source" (or nothing, for a noun like "in a statement").
    """
    heads = []
    for child in cue.children:
        if child.dep_ in ("nsubj", "poss"):
            heads.append(child)
        elif child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from"):
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    if not heads and cue.dep_ in ("conj", "advcl", "xcomp") and cue.head.i != cue.i:
        return _sources_of(cue.head, context)
    sources: list[SourceRef] = []
    for head in heads:
        for group_head in coordinated_heads(head):
            sources.extend(resolve_sources(group_head, context))
    if sources or not default_unnamed:
        return sources
    return [SourceRef("unnamed source", "unnamed", False, None)]


def unnamed_classes() -> frozenset[str]:
    """The canonical names of unnamed source classes ("officials", "local reports", ...), from cues.toml."""
    return frozenset(cues()["unnamed_sources"].values()) | UNNAMED_EXTRA


def resolve_sources(head, context) -> list[SourceRef]:
    """Canonical source(s) for a noun phrase: a named body, an actor, an unnamed class, or the words used."""
    to_source = context.to_source
    span = to_source(head.left_edge.idx, head.idx + len(head.text))
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return resolve_sources(head.head.head, context)  # "..., which said": the noun the clause hangs on
    if (head.lower_ in PRONOUN_SOURCES or head.lemma_.lower() in DOCUMENT_SOURCES) and context.last_source is not None:
        return [context.last_source]  # "he added", "the statement said": the source last named
    spoken_for = _spoken_for(head, context.country_code)
    if spoken_for:
        refs = [SourceRef(h.name, f"gov:{h.country_code}" if h.inter == 1 and h.country_code else h.name, True, span)
                for h in spoken_for]
        context.last_source = refs[0]
        return refs
    subtree = own_subtree(head)
    named = _named_source(subtree)
    if named:
        ref = SourceRef(named[0], f"gov:{named[1]}" if named[1] else named[0], named[0] not in unnamed_classes(), span)
        context.last_source = ref
        return [ref]
    hits = actors_at(head, context.country_code)
    anaphor = resolve_anaphor(head, context.actor_hits)
    if not hits and anaphor is not None:
        hits = [anaphor]
    if hits:
        refs = [SourceRef(h.name, f"gov:{h.country_code}" if h.inter == 1 and h.country_code else h.name, True, span)
                for h in hits]
        context.last_source = refs[0]
        return refs
    unnamed = cues()["unnamed_sources"]
    text = " ".join(t.lower_ for t in subtree if t.i <= head.i)
    for phrase, name in unnamed.items():
        if " " in phrase and phrase in text:
            return [SourceRef(name, name, False, span)]
    lemma = head.lemma_.lower()
    if lemma in unnamed:
        return [SourceRef(unnamed[lemma], unnamed[lemma], False, span)]
    if head.ent_type_ in ("PERSON", "ORG", "NORP"):
        ref = SourceRef(span.text, span.text, True, span)
        context.last_source = ref
        return [ref]
    # an identified office ("the regional governor", "the city's mayor") is a named source; "a commander",
    # "a local activist network" are not
    identified = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this")) for c in head.children)
    return [SourceRef(span.text.lower(), span.text.lower(), identified, span)]


# A person who speaks for the body named before them ("a police spokesman", "an army spokeswoman").
SPOKESPERSON_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})


def _spoken_for(head, country_code: str | None):
    """The body a spokesperson speaks for, from the words before the title ("a Dhaka police spokesman")."""
    if head.lemma_.lower() not in SPOKESPERSON_WORDS:
        return []
    for child in head.children:
        if child.dep_ in ("compound", "poss", "amod") and child.i < head.i:
            hits = actors_at(child, country_code)
            if hits:
                return hits
    return []


def _named_source(tokens) -> tuple[str, str | None] | None:
    aliases = source_aliases()
    if not aliases:
        return None
    words = [t.lower_ for t in tokens]
    for size in range(min(MAX_SOURCE_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            alias = join_tokens(words[start : start + size], tokens[start : start + size])
            if alias in aliases:
                return aliases[alias]
    return None
