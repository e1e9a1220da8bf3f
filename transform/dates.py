"""Dates resolved against the publication date (stub, replaced by the dates extractor)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from .records import Event


def resolve_date(text: str, published: date | None) -> date | None:
    """The calendar date `text` ("on Monday", "6 May 2020") means in an article published on `published`."""
    return None


def date_for_event(event: Event, doc: Doc, published: date | None) -> tuple[date | None, str | None]:
    """The event's date and the words it was read from; (None, None) when the article does not say."""
    return None, None
