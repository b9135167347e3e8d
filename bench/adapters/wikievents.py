"""WikiEvents (KAIROS) triggers and arguments for Conflict.* and Life.* events, scored by score_events.py.

sitrep's events are mapped onto KAIROS: the sub-event type gives the Conflict type, a reported death count adds
a Life.Die event. The trigger is the event's first trigger span (or, for events without one, re-found inside
the evidence sentence with the package's trigger matcher). Roles: actor1 -> Attacker, actor2/target -> Target
(Victim for Life.Die), location -> Place, fatalities phrase -> Victim. Offsets are characters (``--char``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .common import extract, read_jsonl, require_shared, run_scorer, write_jsonl

TYPE_PREFIXES = "Conflict,Life"
EXPLOSIVE_TYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"}
DEMONSTRATION_TYPES = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
RIOT_TYPES = {"Violent demonstration", "Mob violence"}
ATTACK_TYPES = {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Sexual violence",
                "Government regains territory", "Non-state actor overtakes territory", "Looting/property destruction"}
DEATH_LEMMAS = {"kill", "die", "dead", "death", "slay", "murder"}
DEATH_PREFIXES = ("kill", "die", "died", "dead", "death", "slay", "slain", "murder")
INJURY_PREFIXES = ("injur", "wound", "hurt")


def kairos_type(sub_event_type: str) -> str | None:
    """The KAIROS event type closest to an ACLED sub-event type (None: no Conflict/Life counterpart)."""
    if sub_event_type in EXPLOSIVE_TYPES:
        return "Conflict.Attack.DetonateExplode"
    if sub_event_type in DEMONSTRATION_TYPES:
        return "Conflict.Demonstrate.Unspecified"
    if sub_event_type in RIOT_TYPES:
        return "Conflict.Demonstrate.DemonstrateWithViolence"
    if sub_event_type in ATTACK_TYPES:
        return "Conflict.Attack.Unspecified"
    return None


def gold_path() -> Path:
    return require_shared() / "data" / "wikievents" / "dev.jsonl"


def _sentence_trigger(sentence, wanted_lemmas=None) -> tuple[int, int] | None:
    """Character span of the first trigger in an evidence sentence (or of a word with one of ``wanted_lemmas``)."""
    from sitrep.mentions.triggers import find_triggers
    from sitrep.nlp import parse

    doc = parse(sentence.text)
    if wanted_lemmas:
        for token in doc:
            if token.lemma_.lower() in wanted_lemmas:
                return sentence.start + token.idx, sentence.start + token.idx + len(token.text)
        return None
    matches = find_triggers(doc)
    if not matches:
        return None
    head = doc[matches[0].head]
    return sentence.start + head.idx, sentence.start + head.idx + len(head.text)


def _span(span) -> list[int] | None:
    """The argument's head word (WikiEvents entity mentions are mostly single head words)."""
    if span is None:
        return None
    from sitrep.nlp import parse

    doc = parse(span.text)
    roots = [token for token in doc if token.dep_ == "ROOT" and not token.is_punct]
    if not roots:
        return [span.start, span.end]
    head = roots[0]
    return [span.start + head.idx, span.start + head.idx + len(head.text)]


def _weapon_spans(event, sentence) -> list[list[int]]:
    spans = []
    lowered = sentence.text.lower()
    for weapon in event.weapons:
        position = lowered.find(weapon.lower())
        if position >= 0:
            from sitrep.model import Span

            start = sentence.start + position
            spans.append(_span(Span(start, start + len(weapon), sentence.text[position:position + len(weapon)])))
    return spans


def _trigger_type(word: str, conflict_type: str | None) -> str | None:
    """A death or injury word is a Life event in KAIROS even when sitrep folds it into an attack."""
    lowered = word.lower()
    if lowered.startswith(DEATH_PREFIXES):
        return "Life.Die.Unspecified"
    if lowered.startswith(INJURY_PREFIXES):
        return "Life.Injure.Unspecified"
    return conflict_type


def _arguments(event, conflict_type: str, sentence, *, anywhere: bool = False) -> list[dict]:
    """Role-labelled head-word spans of the event's arguments that sit in ``sentence`` (or ``anywhere``)."""
    inside = lambda span: span is not None and (  # noqa: E731
        anywhere or (sentence.start <= span.start and span.end <= sentence.end))
    args = []
    life = conflict_type.startswith("Life")
    if life and event.fatalities is not None and inside(event.fatalities.text):
        args.append({"role": "Victim", "span": _span(event.fatalities.text)})
    for actor in event.actors:
        if not inside(actor.text):
            continue
        if "Demonstrate" in conflict_type:
            role = {"actor1": "Demonstrator", "actor2": "Regulator"}.get(actor.role)
        elif conflict_type == "Life.Die.Unspecified":
            role = {"actor1": "Killer", "actor2": "Victim", "target": "Victim"}.get(actor.role)
        elif conflict_type == "Life.Injure.Unspecified":
            role = {"actor1": "Injurer", "actor2": "Victim", "target": "Victim"}.get(actor.role)
        else:
            role = {"actor1": "Attacker", "actor2": "Target", "target": "Target"}.get(actor.role)
        if role and not (role == "Victim" and any(a["role"] == "Victim" for a in args)):
            args.append({"role": role, "span": _span(actor.text)})
    if event.location is not None and inside(event.location.text):
        args.append({"role": "Place", "span": _span(event.location.text)})
    if "Attack" in conflict_type:
        weapon_role = "ExplosiveDevice" if conflict_type.endswith("DetonateExplode") else "Instrument"
        args += [{"role": weapon_role, "span": span} for span in _weapon_spans(event, sentence)]
    return args


def doc_events(event) -> list[dict]:
    """KAIROS predictions (char offsets) for one sitrep event: one per trigger word, arguments from its sentence."""
    conflict_type = kairos_type(event.sub_event_type)
    triggers = list(getattr(event, "triggers", ()))
    if not triggers and event.evidence:
        found = _sentence_trigger(event.evidence[0])
        if found is not None:
            from sitrep.model import Span

            triggers = [Span(found[0], found[1], "")]
    out = []
    for trigger in triggers:
        sentence = next((s for s in event.evidence if s.start <= trigger.start < s.end), None)
        if sentence is None:
            continue
        word = sentence.text[trigger.start - sentence.start:trigger.end - sentence.start]
        kind = _trigger_type(word, conflict_type)
        if kind is None:
            continue
        out.append({"type": kind, "trigger": [trigger.start, trigger.end], "args": _arguments(event, kind, sentence)})
    if event.fatalities is not None and event.fatalities.text is not None and event.fatalities.low:
        sentence = next((s for s in event.evidence if s.start <= event.fatalities.text.start < s.end), None)
        death = _sentence_trigger(sentence, DEATH_LEMMAS) if sentence is not None else None
        if death is not None and all(e["trigger"] != list(death) for e in out):
            out.append({"type": "Life.Die.Unspecified", "trigger": list(death),
                        "args": _arguments(event, "Life.Die.Unspecified", sentence)})
    return out


def offset_text(doc: dict) -> str:
    """The document text rebuilt from its tokens' character offsets (the offsets ``--char`` scoring uses).

    The released ``text`` field is whitespace-normalised differently from the token offsets, so extracting from
    it would shift every span; each token is put back at its own offset, gaps filled with spaces.
    """
    tokens = [token for sentence in doc["sentences"] for token in sentence[0]]
    buffer = [" "] * max((end for _, _, end in tokens), default=0)
    for word, start, end in tokens:
        buffer[start:end] = list(word[: end - start].ljust(end - start))
    return "".join(buffer)


def predict(docs) -> list[dict]:
    rows = []
    for doc in docs:
        extraction = extract(offset_text(doc), doc_id=doc["doc_id"])
        events = []
        if extraction is not None:
            for event in extraction.events:
                events.extend(doc_events(event))
        rows.append({"doc_id": doc["doc_id"], "events": events})
    return rows


def evaluate(limit: int | None = None, out_dir: Path | None = None) -> dict:
    docs = list(read_jsonl(gold_path(), limit))
    out_dir = out_dir or Path(tempfile.mkdtemp(prefix="sitrep-wikievents-"))
    pred_file = out_dir / "wikievents.pred.jsonl"
    write_jsonl(pred_file, predict(docs))
    gold_file = gold_path()
    if limit is not None:
        gold_file = out_dir / "wikievents.gold.jsonl"
        write_jsonl(gold_file, docs)
    result = run_scorer("score_events.py", "wikievents", gold_file, pred_file, "--char", "--type-prefix", TYPE_PREFIXES)
    overlap = run_scorer("score_events.py", "wikievents", gold_file, pred_file, "--char", "--overlap",
                         "--type-prefix", TYPE_PREFIXES)
    result["Arg-C_overlap"] = overlap["Arg-C"]
    result["prediction_file"] = str(pred_file)
    return result
