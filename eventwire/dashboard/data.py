"""Reading for the dashboard: open read-only per query, close at once, ride out a run that is loading.

DuckDB lets one process write a file and no other process open it meanwhile. A dashboard that kept the
file open would block every scheduled run; so each query opens the file read-only, waits briefly if a
run is writing (its batches are short transactions), and lets go. If the run holds on longer, the
caller gets DatabaseBusy and shows a notice with the last data it had.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..load.db import DatabaseBusy, session

WAIT_SECONDS = 3.0

T = TypeVar("T")

__all__ = ["DatabaseBusy", "read", "WAIT_SECONDS"]


def read(db_path: str | Path, query: Callable[..., T], *args: object, wait_seconds: float = WAIT_SECONDS) -> T:
    """Run `query(con, *args)` on a read-only connection opened for this query alone."""
    with session(db_path, read_only=True, wait_seconds=wait_seconds) as con:
        return query(con, *args)
