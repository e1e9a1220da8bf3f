"""Who said what: statements with their speakers (stub, replaced by the statements extractor)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Event


def extract_statements(doc: Doc) -> list[Event]:
    """Every act of reported speech in `doc`, one `Event(event_type='statement')` each."""
    return []
