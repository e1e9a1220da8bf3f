"""A statement while it is being found: the row it will become, the cue that made it, the quotes it holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Event
from .quotes import Quote

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Token


@dataclass(slots=True)
class Candidate:
    """One statement in the making. `cue` is None for a statement found without one ('Name: "…"'); `quotes` are
    the quotation spans its content was read from, in text order (empty for reported speech)."""

    event: Event
    cue: Token | None
    quotes: list[Quote] = field(default_factory=list)
