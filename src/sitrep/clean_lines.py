"""Reading a page line by line for the clean stage (steps 1-2 of ``sitrep.clean``): the furniture rules of
rules/boilerplate.toml, the lines and paragraphs of a page, the pieces a line is cut into at glue points, and
each line's verdict (kept stretch, removed stretches and the rules that removed them).

``clean`` reads the verdicts to find the headline, the standfirst and the body; nothing here decides those.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clean_headline import SENTENCE_END
from .errors import ResourceError

# Hard-wrapped text (wire feeds, e-mail, old corpora) breaks paragraphs into lines at a fixed column: a page
# of at least WRAP_MIN_LINES lines whose longest lines stop by WRAP_MAX_WIDTH characters, with at least
# WRAP_FULL_SHARE of its lines near that width and most of those not ending a sentence. Scraped pages put a
# whole paragraph on one line (hundreds of characters), so they never look wrapped.
WRAP_MIN_LINES = 6
WRAP_MAX_WIDTH = 100
WRAP_FULL_SHARE = 0.5

RULES_PATH = Path(__file__).parent / "rules" / "boilerplate.toml"
POSITIONS = ("any", "head", "tail", "edges")
# "All the difference.The Syrian" / "...streets.Comments" / "difference.”The": a piece boundary with no space.
_GLUE = re.compile(r"(?:(?<=[a-z.!?])|(?<=[.!?][\"”’)]))(?=[A-Z])")
_SENTENCE_GAP = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z\"“‘(])")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Rule:
    """One furniture pattern from boilerplate.toml (see the header of that file for the fields)."""

    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None
    position: str = "any"
    follow_pattern: re.Pattern[str] | None = None
    follow_max_words: int | None = None
    follow_max: int = 0
    follow_in_head: bool = True
    trim_sentences: bool = False

    def matches(self, text: str, words: int) -> bool:
        return (self.max_words is None or words <= self.max_words) and self.pattern.search(text) is not None

    def follows(self, text: str, words: int) -> bool:
        """Whether a line after this rule's match is more of the same block."""
        if self.follow_max_words is not None and words > self.follow_max_words:
            return False
        return self.follow_pattern is None or self.follow_pattern.search(text) is not None


@dataclass(frozen=True)
class Piece:
    """A stretch of one line, outer whitespace excluded: [start, end) in source_text."""

    start: int
    end: int
    glued: bool  # True when it met the previous piece with no space between


@dataclass
class LineVerdict:
    """What the cleaner decided for one non-empty line: the kept stretch (if any) and the dropped ones."""

    index: int
    start: int
    end: int
    kept: tuple[int, int] | None
    removed: list[tuple[int, int, str]]
    paragraph: int = 0  # lines of one hard-wrapped paragraph share this number; otherwise one per line

    def kept_text(self, text: str) -> str:
        """The kept stretch of this line in ``text`` (the page's source text), or "" when it was dropped."""
        return text[self.kept[0] : self.kept[1]] if self.kept else ""

    @property
    def whole_line_kept(self) -> bool:
        """Nothing trimmed off: only such lines can be a headline or standfirst (a trimmed one sat amid chrome)."""
        return self.kept == (self.start, self.end)


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_PATH) -> tuple[Rule, ...]:
    """Read and compile boilerplate.toml once; a broken file is a packaging fault, said as such."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        return tuple(_compile_rule(entry) for entry in table["rule"])
    except (OSError, KeyError, tomllib.TOMLDecodeError, re.error, ValueError) as error:
        raise ResourceError(f"cannot load boilerplate rules: {error}; reinstall with scripts/setup.sh", str(path))


def _compile_rule(entry: dict) -> Rule:
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    position = entry.get("position", "any")
    if position not in POSITIONS:
        raise ValueError(f"rule {entry['name']}: position must be one of {POSITIONS}")
    follow = entry.get("follow_pattern")
    return Rule(
        name=entry["name"],
        pattern=re.compile(entry["pattern"], flags),
        max_words=entry.get("max_words"),
        position=position,
        follow_pattern=re.compile(follow, flags) if follow else None,
        follow_max_words=entry.get("follow_max_words"),
        follow_max=int(entry.get("follow_max", 0)),
        follow_in_head=bool(entry.get("follow_in_head", True)),
        trim_sentences=bool(entry.get("trim_sentences", False)),
    )


# ---------------------------------------------------------------------------------------------- input checks
def split_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of each non-empty line's content, outer whitespace excluded (any of \\n, \\r\\n, \\r ends a line)."""
    spans = []
    for match in _LINE.finditer(text):
        line = match.group().rstrip("\r\n")
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        if match.end() == len(text):
            break
    return spans


def paragraph_numbers(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """A paragraph number per line: in hard-wrapped text a blank line starts a paragraph, elsewhere every line
    is a paragraph of its own."""
    lengths = sorted(end - start for start, end in lines)
    if len(lines) >= WRAP_MIN_LINES:
        width = lengths[int(0.9 * (len(lengths) - 1))]
        full = [text[start:end] for start, end in lines if end - start >= 0.75 * width]
        open_ended = sum(1 for line in full if not SENTENCE_END.search(line))
        if width <= WRAP_MAX_WIDTH and len(full) >= WRAP_FULL_SHARE * len(lines) and open_ended * 2 > len(full):
            numbers, current = [], 0
            for i, (start, _end) in enumerate(lines):
                if i and len(_LINE_BREAK.findall(text, lines[i - 1][1], start)) >= 2:
                    current += 1
                numbers.append(current)
            return numbers
    return list(range(len(lines)))


def split_pieces(text: str, start: int, end: int, *, sentences: bool = False) -> list[Piece]:
    """Cut one line at glue points (no space between a sentence's end and a capital) into exact-offset pieces;
    with ``sentences``, at ordinary sentence gaps too (the gap's whitespace belongs to no piece)."""
    cuts = [(m.start(), m.start()) for m in _GLUE.finditer(text, start, end)]
    if sentences:
        cuts += [(m.start(), m.end()) for m in _SENTENCE_GAP.finditer(text, start, end)]
    pieces, cursor, glued = [], start, False
    for cut_start, cut_end in sorted(cuts):
        if cut_start > cursor:
            pieces.append(Piece(cursor, cut_start, glued))
        cursor, glued = max(cursor, cut_end), cut_start == cut_end
    if end > cursor:
        pieces.append(Piece(cursor, end, glued))
    return pieces


def _first_match(rules, text: str, where: str, extra: dict[str, str]) -> Rule | str | None:
    """The first rule (or the name of an extra exact-line rule) that marks ``text`` as furniture here."""
    key = text.casefold()
    if key in extra:
        return extra[key]
    words = len(text.split())
    for rule in rules:
        if rule.position != "any" and not (rule.position == where or (rule.position == "edges" and where != "body")):
            continue
        if rule.matches(text, words):
            return rule
    return None


def classify_lines(text: str, lines, rules, *, extra: dict[str, str], body_range: tuple[int, int] | None, paragraphs):
    """One pass over the lines: decide kept and dropped stretches; ``body_range`` enables edge-only rules."""
    verdicts: list[LineVerdict] = []
    block: Rule | None = None
    block_left = 0
    active_rules = rules if body_range is not None else [r for r in rules if r.position == "any"]
    for index, (start, end) in enumerate(lines):
        where = "body"
        if body_range is not None:
            where = "head" if index < body_range[0] else "tail" if index > body_range[1] else "body"
        verdict = LineVerdict(index, start, end, None, [], paragraphs[index])
        verdicts.append(verdict)
        rest = start
        if block is not None:  # an open block swallows leading pieces that look like more of it
            for piece in split_pieces(text, start, end):
                piece_text = _piece(text, piece)
                hit = _first_match(active_rules, piece_text, where, extra)
                if not (block.follows(piece_text, len(piece_text.split())) or hit is not None):
                    break
                verdict.removed.append((piece.start, piece.end, block.name if hit is None else _name(hit)))
                rest = piece.end
                if isinstance(hit, Rule) and hit.follow_max:
                    block, block_left = hit, hit.follow_max + 1
            else:
                block_left -= 1
                block = block if block_left > 0 else None
                continue
            block = None
            rest = _skip_space(text, rest, end)
        opened = _classify_stretch(text, rest, end, verdict, active_rules, where, extra)
        if opened is not None and (opened.follow_in_head or where != "head"):
            block, block_left = opened, opened.follow_max
    return verdicts


def _classify_stretch(text, start, end, verdict, rules, where, extra) -> Rule | None:
    """Keep or drop one line (or its rest after a block); trim furniture glued to its ends, or — when the whole
    line matched a rule marked trim_sentences — furniture sentences at its ends ("No arrests were made. Get our
    app here."). Returns the block rule the line opens, if any."""
    whole = _first_match(rules, text[start:end], where, extra)
    pieces = split_pieces(text, start, end, sentences=isinstance(whole, Rule) and whole.trim_sentences)
    lead, trail = 0, len(pieces)
    last_hit = None  # the furniture at the line's end, which may open a block over the next lines
    if len(pieces) > 1:
        while lead < trail and (hit := _first_match(rules, _piece(text, pieces[lead]), where, extra)):
            verdict.removed.append((pieces[lead].start, pieces[lead].end, _name(hit)))
            lead += 1
        while trail > lead and (hit := _first_match(rules, _piece(text, pieces[trail - 1]), where, extra)):
            verdict.removed.append((pieces[trail - 1].start, pieces[trail - 1].end, _name(hit)))
            last_hit = last_hit or hit
            trail -= 1
        verdict.removed.sort()
    trimmed = lead > 0 or trail < len(pieces)
    # a cut between two letters ("iOS", "WhatsApp") is more likely inside a word than a seam between elements
    in_word = any(_between_letters(text, pieces[i].start) for i in (lead, trail) if 0 < i < len(pieces))
    if lead < trail:
        middle = (pieces[lead].start, pieces[trail - 1].end)
        if whole is not None and (not trimmed or in_word or len(text[middle[0] : middle[1]].split()) <= 2):
            verdict.removed = [r for r in verdict.removed if r[1] <= start] + [(start, end, _name(whole))]
            return whole if isinstance(whole, Rule) and whole.follow_max else None
        verdict.kept = middle
        return last_hit if isinstance(last_hit, Rule) and last_hit.follow_max else None
    last = _first_match(rules, _piece(text, pieces[-1]), where, extra)
    return last if isinstance(last, Rule) and last.follow_max else None


def _between_letters(text: str, position: int) -> bool:
    return 0 < position < len(text) and text[position - 1].isalpha() and text[position].isalpha()


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _piece(text: str, piece: Piece) -> str:
    return text[piece.start : piece.end]


def _name(hit: Rule | str) -> str:
    return hit.name if isinstance(hit, Rule) else hit
