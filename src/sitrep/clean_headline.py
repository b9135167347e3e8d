"""Where the article sits on a read page, for the clean stage (``sitrep.clean``): which lines are body text,
which is the headline and which the standfirst, and what chrome is left around them to sweep away.

Split out of ``clean`` because these are judgements about the page's layout, made after the line reader
(``clean.read_page``) has dropped the furniture its rules know: they work on its ``LineVerdict``s and change
only which stretches are kept. The headline is the first short kept line before the body (or the line matching
the metadata title); the standfirst is the next kept line when it reads as a one-sentence summary; leftovers
before the first and after the last body paragraph that do not read as sentences are page chrome.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clean_dates import parse_date
from .dateline_text import read_dateline

if TYPE_CHECKING:  # clean_lines imports this module; the verdicts are only read here, through their methods
    from .clean_lines import LineVerdict

__all__ = [
    "BODY_LINE_MIN_WORDS",
    "SENTENCE_END",
    "HEADLINE_SEPARATOR",
    "body_like_lines",
    "find_headline",
    "with_headline",
    "looks_like_headline",
    "looks_like_standfirst",
    "sweep_edges",
]

# Headlines run 4-20 words; 30 leaves room for long tabloid headlines without taking a body paragraph, and
# fewer than 4 words is a menu item or section label ("World", "Live TV", "Trending Topics").
TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 30
# A line ending in a full stop is a sentence, not a headline, unless it is this short ("Ten dead.").
TITLE_SENTENCE_MAX_WORDS = 8
# Standfirsts are one summary sentence: 6-40 words in the pages we labelled; shorter lines there are bylines.
STANDFIRST_MIN_WORDS = 6
STANDFIRST_MAX_WORDS = 45
# A standfirst that ends in a full stop reads like a lead paragraph; lead paragraphs run 20-35 words, the
# punctuated standfirsts we labelled 10-16, so longer ones are taken as body.
STANDFIRST_SENTENCE_MAX_WORDS = 18
# A kept line this long (and ending like a sentence) is body text: it bounds the page "head" and "tail".
BODY_LINE_MIN_WORDS = 12
# The headline is looked for among the first this-many non-empty lines only.
TITLE_SEARCH_LINES = 15
# A metadata title matches a line that adds at most this much around it ("× Headline", "Headline - WRAL.com",
# "Headline Updated: Thursday, October 29, 2015 2:43 PM EDT").
TITLE_AFFIX_MAX_CHARS = 60
# A line most of whose words are capitalised is a name (byline, outlet, place), not a standfirst sentence.
MAX_CAPITALISED_SHARE = 0.6

# A sentence end, allowing closing quotes/brackets and a bracketed note after it ("... final. [END RECORDING]").
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(\s*\[[^\]\n]{1,40}\])?$")
# Lead paragraphs end in past-tense attribution ("..., police said."); standfirsts use the present ("say").
_LEAD_ATTRIBUTION = re.compile(r"\b(said|reported|told [^.]{1,40}|added|announced)( on \w+day| late \w+| earlier)?[.!][\"”’']?$")
# A dateline on a line of its own: "PESHAWAR:", "KYIV, Ukraine —", "Washington (CNN)".
_DATELINE_LINE = re.compile(
    r"^([A-Z][A-Z .'’-]{2,30}(,\s*[A-Z][A-Za-z .'’-]{1,30})?\s*[:—–-]"
    r"|[A-Z][A-Za-z .'’-]{2,30}(,\s*[A-Z][A-Za-z .'’-]{1,30})?\s*\(([A-Z]{2,8}|Reuters)\)\s*[:—–-]?)$"
)


# ---------------------------------------------------------------------------------------------- body bounds
def body_like_lines(text: str, verdicts: list[LineVerdict]) -> list[int]:
    """Indexes of the lines whose paragraph reads like body text (long enough, ends as a sentence)."""
    paragraphs: dict[int, list[LineVerdict]] = {}
    for verdict in verdicts:
        paragraphs.setdefault(verdict.paragraph, []).append(verdict)
    body = []
    for members in paragraphs.values():
        joined = " ".join(v.kept_text(text) for v in members if v.kept)
        if _is_body_like(joined):
            body += [v.index for v in members if v.kept]
    return sorted(body)


def _is_body_like(line: str) -> bool:
    return len(line.split()) >= BODY_LINE_MIN_WORDS and SENTENCE_END.search(line) is not None


# ---------------------------------------------------------------------------------------------- headline
def looks_like_headline(line: str) -> bool:
    """Short, but more than a menu label, and not a full sentence (headlines seldom end in a full stop)."""
    words = len(line.split())
    if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
        return False
    return not line.endswith(".") or words <= TITLE_SENTENCE_MAX_WORDS


def looks_like_standfirst(line: str, *, after_title: bool, set_apart: bool) -> bool:
    """A one-sentence summary: short, in sentence case; if it ends like a sentence, it must sit right under the
    headline and be set apart from the body by furniture (otherwise it is the first body paragraph)."""
    words = line.split()
    if not STANDFIRST_MIN_WORDS <= len(words) <= STANDFIRST_MAX_WORDS or _opens_with_dateline(line) or "|" in line:
        return False
    if sum(word[:1].isupper() for word in words) / len(words) > MAX_CAPITALISED_SHARE:
        return False
    if len(words) < BODY_LINE_MIN_WORDS and parse_date(line):  # "Outlet — City, 3 October 2024"
        return False
    if not SENTENCE_END.search(line):
        return True
    short = len(words) <= STANDFIRST_SENTENCE_MAX_WORDS
    return after_title and set_apart and short and not _LEAD_ATTRIBUTION.search(line)


def _opens_with_dateline(line: str) -> bool:
    """A line that opens with a dateline ("KABUL, 3 March (Reuters) - ...", "TORRINGTON — Mayor ...") is the lead
    paragraph, not a standfirst. Its place is in capitals and its dash stands apart ("U.S.-led" is one word); a
    lone capitalised word before a colon is a label ("RELATED:", "UPDATE:"), not a place."""
    dateline = read_dateline(line)
    if dateline is None or not dateline.place.text.isupper() or not line[dateline.end:dateline.end + 1].isspace():
        return False
    return dateline.dash.text != ":" or any((dateline.state, dateline.filed, dateline.agency))


# Between a headline given apart from the text and the text itself: a blank line, so the headline is a paragraph
# (and a sentence) of its own.
HEADLINE_SEPARATOR = "\n\n"


def with_headline(text: str, title: str | None) -> str:
    """The text an article is read from: a headline given apart from the page (metadata, a JSON Lines title) is
    put in front of it with a blank line, unless one of the page's first lines already is that headline.

    The headline then has offsets of its own, so what it says can be evidence like any other sentence, and an
    empty or all-furniture page can still be read from it.
    """
    headline = " ".join((title or "").split())
    if not headline:
        return text
    first_lines = [line for line in text.splitlines() if line.strip()][:TITLE_SEARCH_LINES]
    if any(_same_text(line, headline) for line in first_lines):
        return text
    return headline + HEADLINE_SEPARATOR + text


def _same_text(line: str, wanted: str) -> bool:
    """The same headline, allowing for spacing, case and an outlet name added to either ("... | The Ledger")."""
    line, wanted = " ".join(line.split()).casefold(), " ".join(wanted.split()).casefold()
    if not line or not wanted:
        return False
    shorter, longer = sorted((line, wanted), key=len)
    close = len(shorter.split()) >= TITLE_MIN_WORDS and len(longer) - len(shorter) <= TITLE_AFFIX_MAX_CHARS
    return shorter == longer or (close and shorter in longer)


def find_headline(
    text: str, verdicts: list[LineVerdict], known_title: str | None, known_standfirst: str | None = None
) -> tuple[int | None, int | None]:
    """Positions (in verdicts) of the headline and standfirst lines, either of which may be missing; a title
    or summary from the page's metadata, when it matches a line, decides."""
    body = body_like_lines(text, verdicts)
    first_body = body[0] if body else len(verdicts)
    candidates = verdicts[: min(TITLE_SEARCH_LINES, first_body)]
    title_at = None
    if known_title and known_title.strip():
        title_at = next(
            (i for i, v in enumerate(verdicts[:TITLE_SEARCH_LINES]) if _same_text(v.kept_text(text), known_title)),
            None,
        )
        if title_at is None:  # the scraper kept the headline apart: the text starts with the body, not a guess
            return None, None
    else:
        title_at = next(
            (i for i, v in enumerate(candidates) if v.whole_line_kept and looks_like_headline(v.kept_text(text))),
            None,
        )
    if title_at is None:
        return None, None
    following = [i for i in range(title_at + 1, min(first_body + 1, len(verdicts))) if verdicts[i].kept]
    if not following or not verdicts[following[0]].whole_line_kept:
        return title_at, None
    candidate = following[0]
    if known_standfirst and _same_text(verdicts[candidate].kept_text(text), known_standfirst):
        return title_at, candidate
    after = candidate + 1
    set_apart = after < len(verdicts) and not verdicts[after].kept
    line = verdicts[candidate].kept_text(text)
    if looks_like_standfirst(line, after_title=candidate == title_at + 1, set_apart=set_apart):
        return title_at, candidate
    return title_at, None


# ---------------------------------------------------------------------------------------------- page edges
def sweep_edges(text: str, verdicts: list[LineVerdict], title_at: int | None, standfirst_at: int | None) -> None:
    """Drop what is left of the page chrome around the article: repeats of the headline, everything kept above
    it, and short unpunctuated lines (names, places, section labels, link titles) before the first or after the last body
    paragraph. Agency datelines ("PESHAWAR:") stay: they say where the story happened."""
    if title_at is not None:  # the headline repeated further down (share text, a reordered extraction)
        headline = " ".join(verdicts[title_at].kept_text(text).split()).casefold()
        for verdict in verdicts:
            if verdict.index != title_at and " ".join(verdict.kept_text(text).split()).casefold() == headline:
                verdict.removed = sorted(verdict.removed + [(*verdict.kept, "title_repeat")])
                verdict.kept = None
    body = body_like_lines(text, verdicts)
    if not body:
        return
    paragraph_text: dict[int, str] = {}
    for verdict in verdicts:  # a hard-wrapped paragraph is judged whole
        if verdict.kept and verdict.index not in (title_at, standfirst_at):
            joined = paragraph_text.get(verdict.paragraph)
            paragraph_text[verdict.paragraph] = f"{joined} {verdict.kept_text(text)}" if joined else verdict.kept_text(text)
    for verdict in verdicts:
        line = paragraph_text.get(verdict.paragraph, "")
        if not verdict.kept or verdict.index in (title_at, standfirst_at) or body[0] <= verdict.index <= body[-1]:
            continue
        if title_at is not None and verdict.index < title_at:
            rule = "page_header"
        elif SENTENCE_END.search(line) or len(line.split()) >= BODY_LINE_MIN_WORDS or _DATELINE_LINE.match(line):
            continue
        else:
            rule = "page_header" if verdict.index < body[0] else "page_footer"
        verdict.removed = sorted(verdict.removed + [(*verdict.kept, rule)])
        verdict.kept = None
