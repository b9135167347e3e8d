"""WikiEvents (KAIROS) triggers and arguments for Conflict.* and Life.* events, scored by score_events.py.

Two modes. End to end (``evaluate``): sitrep's events give the triggers (each cut to its head word, typed by the
word when it decides, else by the event's sub-event type), and death, injury, explosion and attack words are
added wherever they occur, since KAIROS annotates every mention. Gold triggers (``evaluate_gold_triggers``): the
annotated triggers with their annotated types, as in the published argument-extraction setting (Li et al.
2021). In both modes the arguments come from sitrep.mentions.arguments on the parsed document. Offsets are
characters (``--char``); spans are head words, or whole proper names, like the annotation.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .common import extract, read_jsonl, require_shared, run_scorer, scoring_files, write_jsonl

TYPE_PREFIXES = "Conflict,Life"
EXPLOSIVE_TYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"}
DEMONSTRATION_TYPES = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
RIOT_TYPES = {"Violent demonstration", "Mob violence"}
ATTACK_TYPES = {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Sexual violence",
                "Government regains territory", "Non-state actor overtakes territory", "Looting/property destruction"}


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


def _sentence_trigger(sentence) -> tuple[int, int] | None:
    """Character span of the first trigger sitrep's matcher finds in an evidence sentence."""
    from sitrep.mentions.triggers import find_triggers
    from sitrep.nlp import parse

    doc = parse(sentence.text)
    matches = find_triggers(doc)
    if not matches:
        return None
    head = doc[matches[0].head]
    return sentence.start + head.idx, sentence.start + head.idx + len(head.text)


# KAIROS types fixed by the trigger word itself, whatever sitrep's sub-event type (lemmas; ontology keywords of
# event_role_KAIROS.json plus their common news synonyms). "attack" is left to sitrep's typing of the event.
WORD_TYPES = {
    "Conflict.Attack.DetonateExplode": {"bomb", "bombing", "explosion", "explode", "detonate", "detonation",
                                        "blast"},
    "Conflict.Attack.Unspecified": {"shooting", "shoot", "gunfire", "assassination", "ambush",
                                    "raid", "airstrike", "shelling", "stabbing", "battle", "gunfight", "war"},
    "Life.Die.Unspecified": {"kill", "die", "dead", "death", "slay", "slaying", "murder", "slaughter", "massacre",
                             "suicide", "assassinate"},
    "Life.Injure.Unspecified": {"injure", "injury", "wound", "hurt", "maim", "maiming"},
}
# KAIROS annotates every mention of an attack, a death or an injury, background and hypothetical ones too, so
# these words are found in every sentence, not only in the sentences sitrep made an event of.
SCANNED_TYPES = tuple(WORD_TYPES)
# Words whose KAIROS type depends on the story (a bombing's "attack" is DetonateExplode): typed like the
# document's own attacks.
CONTEXT_TYPED_LEMMAS = {"attack", "assault"}
# Words that only modify the event word after them ("a suicide bombing") and are no trigger there.
MODIFIER_ONLY_LEMMAS = {"suicide"}
# Nouns that name people or things, not happenings: sitrep's trigger phrases ("suicide bomber", "car bombs",
# "protesters") have them as heads, KAIROS has no trigger there (a bomb is the ExplosiveDevice argument; the
# verb "to bomb" stays a trigger).
NON_EVENT_NOUNS = {"bomb", "bomber", "protester", "protestor", "demonstrator", "ied", "device", "mortar", "rocket",
                    "missile", "grenade", "mine", "landmine", "gunman", "attacker", "militant"}
# The type of a context-typed word in a document where sitrep found no attack.
ATTACK_DEFAULT = "Conflict.Attack.Unspecified"


def word_type(token) -> str | None:
    """The KAIROS type a trigger word fixes by itself (None: the word leaves it to the event)."""
    lemma, lower = token.lemma_.lower(), token.lower_
    for kairos, words in WORD_TYPES.items():
        if lemma in words or lower in words:
            return kairos
    return None


def _names_no_event(token) -> bool:
    """Is this word a weapon or person noun, or a mere modifier ("suicide" in "suicide bombing"), not a trigger."""
    lemma = token.lemma_.lower()
    if lemma in MODIFIER_ONLY_LEMMAS and token.dep_ in {"compound", "amod", "nmod"}:
        return True
    return lemma in NON_EVENT_NOUNS and token.pos_ in {"NOUN", "PROPN"}


def _event_trigger_tokens(event, parsed) -> list[int]:
    """Token indices heading sitrep's trigger spans for ``event`` (re-found in its first evidence sentence if none)."""
    spans = [(span.start, span.end) for span in event.triggers]
    if not spans and event.evidence:
        found = _sentence_trigger(event.evidence[0])
        if found is not None:
            spans.append(found)
    heads = (trigger_token(parsed, start, end) for start, end in spans)
    return [index for index in heads if index is not None]


def _prediction(parsed, index: int, kairos: str) -> dict:
    token = parsed[index]
    start, end = token.idx, token.idx + len(token.text)
    return {"type": kairos, "trigger": [start, end], "args": parsed_arguments(parsed, start, end, kairos)}


def doc_events(extraction, parsed) -> list[dict]:
    """KAIROS predictions (char offsets) for one document: sitrep's triggers plus the event words of WORD_TYPES.

    Each sitrep trigger is cut to its head word (KAIROS triggers are single words), typed by the word when the
    word decides (an explosion is DetonateExplode, a death Life.Die), else by the event's sub-event type. Event
    words elsewhere in the text are added with their word's type ("attack" with the story's attack type).
    Arguments come from the parse around the trigger (sitrep.mentions.arguments).
    """
    chosen: dict[tuple[int, str], None] = {}
    for event in extraction.events if extraction is not None else ():
        conflict_type = kairos_type(event.sub_event_type)
        for index in _event_trigger_tokens(event, parsed):
            token = parsed[index]
            kairos = word_type(token) or conflict_type
            if kairos is None or _names_no_event(token):
                continue
            chosen.setdefault((index, kairos))
    conflict_types = [kairos for _, kairos in chosen if kairos.startswith("Conflict.Attack")]
    story_type = Counter(conflict_types).most_common(1)[0][0] if conflict_types else ATTACK_DEFAULT
    typed = {index for index, _ in chosen}
    for token in parsed:
        if _names_no_event(token):
            continue
        kairos = word_type(token)
        if kairos is None and token.lemma_.lower() in CONTEXT_TYPED_LEMMAS and token.i not in typed:
            kairos = story_type
        if kairos in SCANNED_TYPES:
            chosen.setdefault((token.i, kairos))
    return [_prediction(parsed, index, kairos) for index, kairos in chosen]


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


KIND_BY_TYPE = (("Conflict.Attack.DetonateExplode", "explode"), ("Conflict.Attack", "attack"),
                ("Conflict.Demonstrate", "demonstrate"), ("Conflict.Defeat", "defeat"), ("Life.Die", "die"),
                ("Life.Injure", "injure"), ("Justice.ArrestJailDetain", "detain"))


def argument_kind(kairos: str) -> str | None:
    """sitrep's argument-extraction kind for a KAIROS event type (None: a type it has no roles for)."""
    return next((kind for prefix, kind in KIND_BY_TYPE if kairos.startswith(prefix)), None)


def trigger_token(doc, start: int, end: int) -> int | None:
    """Index of the spaCy token heading the character span ``[start, end)`` (None: no token there)."""
    inside = [token for token in doc if token.idx < end and start < token.idx + len(token.text) and not token.is_space]
    if not inside:
        return None
    heads = [token for token in inside if not (start <= token.head.idx < end) or token.head.i == token.i]
    return (heads or inside)[-1].i


def parsed_arguments(doc, start: int, end: int, kairos: str) -> list[dict]:
    """Role-labelled character spans for the event whose trigger covers ``[start, end)`` of the parsed ``doc``."""
    from sitrep.mentions.arguments import extract_arguments

    kind = argument_kind(kairos)
    index = trigger_token(doc, start, end)
    if kind is None or index is None:
        return []
    return [{"role": argument.role, "span": [doc[argument.start].idx,
                                             doc[argument.end - 1].idx + len(doc[argument.end - 1].text)]}
            for argument in extract_arguments(doc, index, kind)]


def gold_trigger_events(doc: dict, parsed) -> list[dict]:
    """Predictions for the gold triggers with their gold types: argument extraction alone (Li et al. 2021)."""
    tokens = [token for sentence in doc["sentences"] for token in sentence[0]]
    events = []
    for mention in doc["event_mentions"]:
        first, last = tokens[mention["trigger"]["start"]], tokens[mention["trigger"]["end"] - 1]
        start, end = first[1], last[2]
        events.append({"type": mention["event_type"], "trigger": [start, end],
                       "args": parsed_arguments(parsed, start, end, mention["event_type"])})
    return events


def predict_gold_triggers(docs) -> list[dict]:
    from sitrep.nlp import parse

    return [{"doc_id": doc["doc_id"], "events": gold_trigger_events(doc, parse(offset_text(doc)))} for doc in docs]


def predict(docs) -> list[dict]:
    from sitrep.nlp import parse

    rows = []
    for doc in docs:
        text = offset_text(doc)
        extraction = extract(text, doc_id=doc["doc_id"])
        rows.append({"doc_id": doc["doc_id"], "events": doc_events(extraction, parse(text))})
    return rows


def evaluate(limit: int | None = None, out_dir: Path | None = None) -> dict:
    """Triggers and arguments end to end: sitrep's own events mapped onto KAIROS."""
    docs = list(read_jsonl(gold_path(), limit))
    return _scored(docs, predict(docs), "wikievents.pred.jsonl", limit, out_dir)


def evaluate_gold_triggers(limit: int | None = None, out_dir: Path | None = None) -> dict:
    """Arg-C (exact and overlap) for arguments of the gold triggers: the setting of the published numbers."""
    docs = list(read_jsonl(gold_path(), limit))
    return _scored(docs, predict_gold_triggers(docs), "wikievents.gold-triggers.pred.jsonl", limit, out_dir)


def _scored(docs, predictions, pred_name: str, limit: int | None, out_dir: Path | None) -> dict:
    """Score predictions with exact and with overlapping argument spans."""
    out_dir, gold_file = scoring_files("wikievents", gold_path(), docs, limit, out_dir)
    pred_file = out_dir / pred_name
    write_jsonl(pred_file, predictions)
    result = run_scorer("score_events.py", "wikievents", gold_file, pred_file, "--char", "--type-prefix", TYPE_PREFIXES)
    overlap = run_scorer("score_events.py", "wikievents", gold_file, pred_file, "--char", "--overlap",
                         "--type-prefix", TYPE_PREFIXES)
    result["Arg-C_overlap"] = overlap["Arg-C"]
    result["prediction_file"] = str(pred_file)
    return result
