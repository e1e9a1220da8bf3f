"""What an event type is: the small protocol every module in `transform/events/` implements.

In the spirit of spaCy's registered components, a type declares what it produces and nothing downstream names
it: the article assembler, the run counts, the views, the dashboard and `eval` loop over the registry
(`transform/events/__init__.py`). Every type fills the same `Event` record (records.py): its span and sentence,
and the generic roles `actor`, `target`, `category`, `subcategory` and the counts, so a new type needs no new
column for what another type already has.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from ..records import Event

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc


class EventType(Protocol):
    """One kind of event. `name` is the value of `events.event_type`; `label` is what people read (run summary,
    dashboard); `colour` is its highlight in the dashboard's article view."""

    name: str
    label: str
    colour: str

    def extract(self, doc: Doc) -> list[Event]:
        """Every event of this type in a parsed article: a pure function of the Doc (the same Doc gives the same
        records). Ids, place and date are filled in afterwards by `transform/article.py`."""
        ...

    def takes_article_place(self, event: Event) -> bool:
        """Whether an event whose sentence names no place happened at the article's main place."""
        ...

    def relate(self, events: list[Event], doc: Doc) -> None:
        """After every type has extracted: link this type's rows with the article's other rows (e.g. a casualty
        figure to its act), by setting a link field to the other row's `key`. Most types do nothing here."""
        ...

    def describe(self, row: Mapping[str, Any]) -> str:
        """One line for people about a stored row (the dashboard shows it on hover)."""
        ...
