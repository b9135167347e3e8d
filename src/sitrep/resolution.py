"""The resolve stage for one article: places and dates found once, then asked per event trigger.

Toponyms and time expressions are found over the whole body (so disambiguation sees every place in the
story), and each event mention asks which of them belongs to its trigger. Spans come back in body offsets
and are rebased here onto the article's source text, so every evidence span points into the input.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .doc_text import text_of
from .model import Article, Place, Span, When
from .nlp import sentence_of


@dataclass(frozen=True)
class Resolver:
    """Places and dates of one article, ready to be tied to event triggers."""

    article: Article
    toponyms: tuple
    time_expressions: tuple
    country_code: str | None
    implied: When | None
    story: object = None  # resolve.event_place.StoryPlaces: the story's dateline town and most-named towns

    @classmethod
    def for_article(cls, article: Article, doc) -> "Resolver":
        from .resolve.dates import find_time_expressions
        from .resolve.event_dates import implied_date
        from .resolve.event_place import StoryPlaces, headline_toponyms
        from .resolve.outlets import outlet_home
        from .resolve.toponyms import find_toponyms

        outlet = outlet_home(article.url)  # a prior among the text's own place names, never a place itself
        toponyms = tuple(find_toponyms(article.body, doc, outlet=outlet))
        expressions = tuple(find_time_expressions(article.body, article.published))
        implied = implied_date(article.published)
        return cls(article, toponyms, expressions, _main_country(toponyms), _rebase_when(article, implied),
                   StoryPlaces.of(article, toponyms, headline_toponyms(article, _main_country(toponyms), outlet),
                                  outlet))

    def place(self, doc, start_char: int, end_char: int) -> Place | None:
        from .resolve.event_place import settled_place
        from .resolve.location import event_place

        place = event_place(doc, start_char, end_char, list(self.toponyms))
        if place is not None and _country_as_actor(doc, place):
            return None
        return settled_place(_rebase_place(self.article, place), self.story, self.article.source_text)

    def lead_place(self, doc) -> Place | None:
        """The first located place of the lead (first LEAD_SENTENCES sentences, dateline included); failing
        that, the first town of the story's opening sentences ("Bellefontaine Police said ...").

        News puts the main event's place in the lead; when no place is tied to the main event's own words,
        this is the place the text gives for it (never a place from outside the text).
        """
        from .resolve.event_place import settled_place, story_town

        for lead_end, towns_only in ((_lead_end(doc), False), (_lead_end(doc, STORY_OPENING_SENTENCES), True)):
            for toponym in self.toponyms:
                chosen = getattr(toponym, "chosen", None)
                if toponym.start >= lead_end or chosen is None or chosen.lat is None or chosen.feature in COUNTRY_FEATURES:
                    continue  # a country is no event place with coordinates (CODING.md, Place)
                if towns_only and chosen.feature not in TOWN_FEATURES:
                    continue
                lead = _rebase_place(self.article, replace(chosen, rule="lead-paragraph place"))
                return settled_place(lead, self.story, self.article.source_text)
        # no place in the opening: the story's own town (dateline, headline, else most named), named in the text
        return story_town(self.story, "story's own town")

    def lead_date(self, doc) -> When | None:
        """The first dated time expression of the lead, not after publication (see lead_place); failing that,
        the first day-precise one of the story's opening sentences (a page often opens with furniture, and a
        story often dates its event only in its second paragraph: "The shooting happened about 9 p.m. Friday").
        A time that dates a statement ("police said Monday") is not the event's. Failing both, the day the story
        names for its violence further down (``story_dates.story_day``), else the first day its opening names for
        anything but a later act, a statement or the page (``opening_day``)."""
        from .resolve.dates import PRESENT_REF
        from .resolve.event_dates import is_statement_time
        from .resolve.story_dates import in_incident_sentence, is_history

        published = self.article.published
        # a day named where the story tells of violence comes before one of the aftermath ("still at large Monday")
        ordered = sorted(self.time_expressions, key=lambda e: not in_incident_sentence(doc, e))
        for lead_end, precise_only in ((_lead_end(doc), False), (_lead_end(doc, STORY_OPENING_SENTENCES), True)):
            for expression in ordered:
                when = expression.value
                if expression.start >= lead_end or expression.kind not in ("date", "time") or when is None \
                        or when.start is None or (expression.kind == "time" and when.precision != "day"):
                    continue
                if published is not None and when.start > published or is_history(when, published):
                    continue
                if (precise_only and when.precision != "day") or is_statement_time(doc, expression) \
                        or expression.timex_value == PRESENT_REF or _dates_nothing_of_the_event(doc, expression):
                    continue
                return replace(when, text=_rebase(self.article, when.text), rule="lead-paragraph date")
        from .resolve.opening_day import opening_day
        from .resolve.story_dates import story_day

        expressions = list(self.time_expressions)
        day = story_day(doc, expressions, published) or opening_day(doc, expressions, published)
        return _rebase_when(self.article, day)

    def date(self, doc, start_char: int, end_char: int) -> When | None:
        from .resolve.event_dates import event_date
        from .resolve.story_dates import narrowed_to_story_day

        when = event_date(doc, start_char, end_char, list(self.time_expressions), self.article.published)
        return _rebase_when(self.article, narrowed_to_story_day(doc, when, list(self.time_expressions),
                                                                (start_char, end_char)))


LEAD_SENTENCES = 2  # the lead of a news story: its first two sentences
TOWN_FEATURES = frozenset({"city", "capital", "town", "village", "neighbourhood"})
COUNTRY_FEATURES = frozenset({"country", "continent"})
STORY_OPENING_SENTENCES = 6  # where a story dates its event when its lead does not


def _lead_end(doc, sentences: int = LEAD_SENTENCES) -> int:
    ends = [sentence.end_char for sentence in list(doc.sents)[:sentences]]
    return ends[-1] if ends else 0


ACTOR_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "agent"})


# Words of the justice system: a sentence with one and no word of violence dates a court step or an arrest
# ("was arraigned Tuesday", "a complaint filed Thursday"), not the incident.
JUSTICE_LEMMAS = frozenset("arrest arraign charge plead sentence indict court hearing file convict trial appear "
                           "custody bond jail testify verdict jury".split())
CLOCK_DAY_WORDS = re.compile(r"day|tonight", re.IGNORECASE)


def _dates_nothing_of_the_event(doc, expression) -> bool:
    """A time phrase that cannot date the story's incident: a bare clock time ("around 6:30 p.m.": the day is said
    elsewhere), the page's own stamp ("Published Saturday, July 30") or furniture ("Sign up today!"), or a court
    or arrest step."""
    if expression.rule == "clock" and not CLOCK_DAY_WORDS.search(expression.text):
        return True
    from .resolve.story_dates import dates_later_act, is_page_furniture, is_page_stamp

    if is_page_stamp(text_of(doc), expression) or dates_later_act(doc, expression) or is_page_furniture(doc, expression):
        return True
    sentence = sentence_of(doc, expression.start)
    if sentence is None:
        return False
    lemmas = {token.lemma_.lower() for token in sentence}
    return bool(lemmas & JUSTICE_LEMMAS) and not _violent(lemmas)


def _violent(lemmas: set[str]) -> bool:
    from .mentions.lexicon import trigger_rules

    rules = trigger_rules()
    return any(rule.event_class == "violence" for lemma in lemmas for rule in rules.get(lemma, ()))


def _country_as_actor(doc, place: Place) -> bool:
    """"Russia's missile strikes", "Israel struck": a country named as the one acting is an actor, not the
    event's place (ACLED codes where it happened, and the text here does not say)."""
    if place.feature != "country" or place.text is None:
        return False
    token = next((t for t in doc if t.idx == place.text.start), None)
    return token is not None and token.dep_ in ACTOR_DEPS


def _main_country(toponyms) -> str | None:
    """The country most of the article's places are in: the context for "troops" or "civilians"."""
    codes = Counter(t.chosen.country_code for t in toponyms if getattr(t, "chosen", None) and t.chosen.country_code)
    return codes.most_common(1)[0][0] if codes else None


def _rebase(article: Article, span: Span | None) -> Span | None:
    if span is None:
        return None
    return article.source_span(span.start, span.end)


def _rebase_place(article: Article, place: Place | None) -> Place | None:
    return None if place is None else replace(place, text=_rebase(article, place.text))


def _rebase_when(article: Article, when: When | None) -> When | None:
    return None if when is None else replace(when, text=_rebase(article, when.text))
