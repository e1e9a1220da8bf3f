"""Casualty figures (stub, replaced by the casualty extractor)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Event


def extract_casualties(doc: Doc) -> list[Event]:
    """Every casualty figure in `doc`, one `Event(event_type='casualty')` each."""
    return []
