"""Place mentions, geocoded offline (stub, replaced by the places extractor)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Event, PlaceMention


def find_places(doc: Doc) -> list[PlaceMention]:
    """Every place mentioned in `doc`, geocoded where the gazetteer knows it."""
    return []


def locate(event: Event, doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The place where `event` happened, among the article's place mentions (not every place nearby)."""
    return None
