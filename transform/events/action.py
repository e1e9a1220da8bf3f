"""Actions: what happened. One row per act a sentence reports, typed with ACLED's event types.

`category` is ACLED's event type (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots,
Strategic developments), `subcategory` its sub-event type spelled as ACLED spells it ("Air/drone strike", "Armed
clash", "Peaceful protest", ...), `actor` who did it and `target` against whom, resolved to names as speakers are.
The rules are in `transform/acts/` (read its `find` module's docstring); this module makes them an event type.

Arrests (decided here, so nothing is counted twice): an arrest is an action, never a casualty figure. Each report
of one is an `Arrests` row (category Strategic developments) carrying how many were arrested in the row's generic
counts: `casualty_kind = 'arrested'`, `casualty_count` = the number (NULL when the text gives none). The casualty
extractor does not emit 'arrested' rows, so `sum(casualty_count) WHERE casualty_kind = 'arrested'` counts each
arrest once, from action rows. Casualty rows point to the act they come from with `action_id`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..acts.find import find_actions, link_casualties, name_earlier_acts
from ..nlp import text_of
from ..records import Event

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers
    from spacy.tokens import Doc

ARRESTS = "Arrests"


class Action:
    """The `action` event type: `actor` did `subcategory` (of `category`) to `target`; `cue` is the word that
    says so."""

    name = "action"
    label = "action"
    colour = "#d7f0c8"

    def extract(self, doc: Doc) -> list[Event]:
        rows: dict[str, Event] = {}
        text = text_of(doc)
        for act in find_actions(doc):
            event = Event(
                event_type=self.name, char_start=act.char_start, char_end=act.char_end,
                sentence=text[act.sent_start:act.sent_end], sent_start=act.sent_start, sent_end=act.sent_end,
                actor=act.actor, actor_mention=act.actor_mention, target=act.target, category=act.category,
                subcategory=act.subcategory, cue=act.cue, confidence=act.confidence,
                casualty_kind="arrested" if act.subcategory == ARRESTS else None,
                casualty_count=act.count if act.subcategory == ARRESTS else None,
            )
            rows.setdefault(event.key, event)  # one row per span and sub-type
        return list(rows.values())

    def takes_article_place(self, event: Event) -> bool:
        """An act whose sentence names no place happened where the article is about (as a casualty figure does)."""
        return True

    def relate(self, events: list[Event], doc: Doc) -> None:
        """Casualty figures point to the act they come from (`action_id`, the act's key until ids are given), by
        `acts.find.link_casualties`: an act of the figure's own sentence, else the nearest violent act before it in
        its paragraph, else (when its sentence names an act back: "missing after the attack") the nearest before it."""
        actions = [e for e in events if e.event_type == self.name]
        figures = [e for e in events if e.event_type == "casualty"]
        if not actions or not figures:
            return
        acted = {a.sent_start for a in actions}
        back = name_earlier_acts(doc, [f.sent_start if f.sent_start not in acted else -1 for f in figures])
        links = link_casualties(actions, [(f.char_start, f.char_end, f.sent_start) for f in figures], text_of(doc), back)
        for figure, link in zip(figures, links):
            if link is not None:
                figure.action_id = actions[link].key

    def describe(self, row: Mapping[str, Any]) -> str:
        return f"{row.get('subcategory') or 'action'} by {row.get('actor') or 'unknown'}"
