"""Opening the DuckDB file: schema applied once per writer, a clear wait-or-fail when another process holds it.

DuckDB lets one process write a file and no other process open it meanwhile. So every caller opens the file
for as short a time as it can (a batch's write, a query) and `connect` waits, with back-off, for a holder to
let go, then fails with a message that says what is going on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

DEFAULT_WAIT_SECONDS = 120.0


class DatabaseBusy(RuntimeError):
    """Another process holds the database file for longer than we were willing to wait."""


def schema_sql() -> str:
    """The one schema (load/schema.sql)."""
    return resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "already open" in text


def connect(path: str | Path, read_only: bool = False, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, waiting up to `wait_seconds` while another process holds the file."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"{path} is held by another process (another eventwire run or a tool with it open); "
                    f"waited {wait_seconds:.0f} s. Detail: {exc}"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@contextmanager
def session(path: str | Path, read_only: bool = False, wait_seconds: float = DEFAULT_WAIT_SECONDS,
            apply_schema: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, (for writers) make sure the schema is there, yield, and close: hold the file briefly.

    A run applies the schema once, when it starts; its per-batch sessions pass `apply_schema=False`."""
    con = connect(path, read_only=read_only, wait_seconds=wait_seconds)
    try:
        if not read_only and apply_schema:
            con.execute(schema_sql())
        yield con
    finally:
        con.close()
