"""The records extraction produces. Their fields are the tables' columns, named here once.

Event types (`transform/events/`) and places are pure functions of a spaCy `Doc` that return these records;
`transform/article.py` fills in what needs the whole article (ids, location, date) and `load/` writes them.
One `Event` serves every type: generic roles (actor, target, category, subcategory, counts) rather than columns
per type. tests/test_schema.py checks that these fields and the `events` table's columns agree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Event:
    """One event mention of any registered type, with the span it came from."""

    event_type: str  # a registered type's name: 'statement' | 'casualty'
    char_start: int  # span of the event's evidence in Article.body
    char_end: int
    sentence: str = ""
    sent_start: int = 0
    sent_end: int = 0
    # who / what
    actor: str | None = None  # who (speaker, perpetrator) as the article names them in full; never a bare pronoun
    actor_mention: str | None = None  # as written ("he")
    target: str | None = None  # against or to whom the act was done
    category: str | None = None  # the type's own classification (e.g. an ACLED event type)
    subcategory: str | None = None  # and its finer one (e.g. an ACLED sub-event type)
    cue: str | None = None  # lemma of the word that signals the event (say, kill...)
    quote: str | None = None  # what was said, without quote marks
    is_direct: bool | None = None
    addressee: str | None = None  # "X told Y": Y
    # where
    location: str | None = None
    admin1: str | None = None  # the state, province or oblast of `location`
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # when
    event_date: date | None = None
    date_text: str | None = None  # the words the date was read from (None when it is the publication date)
    date_source: str | None = None  # where: 'sentence' | 'paragraph' | 'lead' | 'published' (transform/dates.py)
    # casualties
    casualty_kind: str | None = None  # killed | wounded | missing | kidnapped; 'arrested' on Arrests action rows
    casualty_count: int | None = None
    casualty_low: int | None = None
    casualty_high: int | None = None
    casualty_qualifier: str | None = None
    victims: str | None = None
    is_cumulative: bool | None = None
    recalled: bool | None = None  # a figure of another, earlier incident the article recalls: never in its toll
    from_title: bool | None = None  # read from the headline (the body gives no figure): offsets are in the title
    subset_of: str | None = None  # event_id of the larger count (extractors put the parent's `key` here)
    action_id: str | None = None  # event_id of the act (an `action` row) a casualty figure comes from (a key until ids)
    incident_id: str | None = None  # the incident a casualty figure reports: set by load/incidents.py, not here
    # provenance
    reported_by: str | None = None
    confidence: float | None = None
    # filled in by transform/article.py
    event_id: str = ""
    article_id: str = ""
    extractor_version: str = ""

    @property
    def key(self) -> str:
        """Identity within one article: deterministic, independent of extraction order."""
        key = f"{'title:' if self.from_title else ''}{self.event_type}:{self.char_start}:{self.char_end}:{self.casualty_kind or ''}"
        return f"{key}:{self.subcategory}" if self.subcategory else key


@dataclass(slots=True)
class PlaceMention:
    """One place mentioned in an article, geocoded offline where the gazetteer knows it."""

    name: str  # as written
    char_start: int
    char_end: int
    canonical: str | None = None
    admin1: str | None = None  # state, province, oblast
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = None  # 'country' | 'city' | 'region' ...
    article_id: str = ""


@dataclass(slots=True)
class ArticleResult:
    """Everything extraction found in one article."""

    article_id: str
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    story_date: date | None = None  # the first day its story names (`transform/dates.story_date`)
    story_date_text: str | None = None
    error: str | None = None  # extraction raised on this article: the flow rejects it and the run goes on


def stable_id(*parts: object) -> str:
    """A short deterministic id from its parts (same input, same id, on every run and machine)."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]
