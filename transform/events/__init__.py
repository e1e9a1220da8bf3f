"""The registry of event types: one line per type. Everything downstream loops over `EVENT_TYPES`.

To add a type: write `transform/events/<name>.py` with a class implementing `base.EventType`, add it below,
and add `tests/test_<name>.py`. Nothing else names it.
"""

from __future__ import annotations

from .action import Action
from .base import EventType
from .casualty import Casualty
from .statement import Statement

EVENT_TYPES: tuple[EventType, ...] = (Statement(), Casualty(), Action())
"""In extraction order (a type's rows never depend on another's)."""

BY_NAME: dict[str, EventType] = {t.name: t for t in EVENT_TYPES}

__all__ = ["BY_NAME", "EVENT_TYPES", "EventType"]
