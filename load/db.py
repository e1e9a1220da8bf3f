"""Opening the DuckDB file: the schema brought up to date once per run, a clear wait-or-fail when another process
holds the file.

DuckDB lets one process write a file and no other process open it meanwhile. So every caller opens the file
for as short a time as it can (a batch's write, a query) and `connect` waits, with back-off, for a holder to
let go, then fails with a message that says what is going on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .migrate import SCHEMA_VERSION, SchemaTooNew, check_version, upgrade

DEFAULT_WAIT_SECONDS = 120.0

__all__ = ["DatabaseBusy", "SchemaTooNew", "connect", "ensure_current", "session"]


class DatabaseBusy(RuntimeError):
    """Another process holds the database file for longer than we were willing to wait."""


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
    """Open, (for writers) bring the schema up to date (`migrate.upgrade`), yield, and close: hold the file briefly.

    A run upgrades once, when it starts; its per-batch sessions pass `apply_schema=False`. Readers are refused a
    database newer than this eventwire (`SchemaTooNew`)."""
    con = connect(path, read_only=read_only, wait_seconds=wait_seconds)
    try:
        if read_only:
            check_version(con, path)
        elif apply_schema:
            upgrade(con, path)
        yield con
    finally:
        con.close()


def ensure_current(path: str | Path, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> None:
    """For readers (dashboard, export): a database an older eventwire wrote is upgraded first (a brief write, only
    then), so its views are those the reader queries; a newer one is refused (`SchemaTooNew`)."""
    with session(path, read_only=True, wait_seconds=wait_seconds) as con:
        current = check_version(con, path) == SCHEMA_VERSION
    if not current:
        with session(path, wait_seconds=wait_seconds):
            pass
