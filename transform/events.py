"""One article's Doc → its event and place records: runs each extractor, then fills in ids, where and when."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

import eventwire

from .casualties import extract_casualties
from .dates import date_for_event
from .places import find_places, locate
from .records import ArticleResult, Event, stable_id
from .statements import extract_statements


def extract_article(doc: Doc, article_id: str, published: date | None) -> ArticleResult:
    """All events and places of one article. Pure: the same Doc gives the same records and ids."""
    places = find_places(doc)
    events: list[Event] = extract_statements(doc) + extract_casualties(doc)
    for event in events:
        if event.location is None:
            place = locate(event, doc, places)
            if place is not None:
                event.location = place.canonical or place.name
                event.country_code = place.country_code
                event.latitude = place.latitude
                event.longitude = place.longitude
        if event.event_date is None:
            event.event_date, event.date_text = date_for_event(event, doc, published)
    _assign_ids(events, article_id)
    for place in places:
        place.article_id = article_id
    events.sort(key=lambda e: (e.char_start, e.char_end, e.event_type))
    return ArticleResult(article_id=article_id, events=events, places=places)


def _assign_ids(events: list[Event], article_id: str) -> None:
    """Deterministic event ids; `subset_of` turns from the parent's key into the parent's event id."""
    ids = {e.key: stable_id(article_id, e.key) for e in events}
    for event in events:
        event.article_id = article_id
        event.event_id = ids[event.key]
        event.extractor_version = eventwire.EXTRACTOR_VERSION
        if event.subset_of is not None:
            event.subset_of = ids.get(event.subset_of)
