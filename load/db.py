"""Opening the DuckDB file: the schema brought up to date once per run, a clear wait-or-fail when another process
holds the file.

DuckDB lets one process write a file and no other process open it meanwhile. So every caller opens the file
for as short a time as it can (a batch's write, a query) and `connect` waits, with back-off, for a holder to
let go, then fails with a message that says what is going on.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import UserError
from .migrate import SCHEMA_VERSION, SchemaTooNew, check_version, upgrade

DEFAULT_WAIT_SECONDS = 120.0

__all__ = ["DatabaseBusy", "DatabaseUnusable", "SchemaTooNew", "connect", "ensure_current", "session"]

# DuckDB's message when another process holds the file (duckdb 1.x): 'IO Error: Could not set lock on file
# "PATH": Conflicting lock is held in PROGRAM (PID n) ...'. Matched with the path taken out first, so a path
# that contains "lock" (blocked/x.duckdb) is not mistaken for it.
_LOCK_MESSAGE = re.compile(r"^(IO Error: )?Could not set lock on file\b|Conflicting lock is held in\b")


class DatabaseBusy(UserError):
    """Another process holds the database file for longer than we were willing to wait."""


class DatabaseUnusable(UserError):
    """The database path cannot be used: not a DuckDB file, damaged, or in a place that cannot be written."""


def _is_lock_error(exc: Exception, path: str | Path = "") -> bool:
    """Whether `exc` is DuckDB's "held by another process" error (not merely a message that says "lock")."""
    text = str(exc)
    for name in {str(path), str(Path(path).absolute()), os.path.realpath(path)} - {""}:
        text = text.replace(name, "")
    return bool(_LOCK_MESSAGE.search(text))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def unusable(path: Path, exc: BaseException, read_only: bool) -> DatabaseUnusable:
    """The one-line error for a database file DuckDB cannot open or read (`exc`), saying what to do."""
    detail = _first_line(exc)
    if "not a valid DuckDB database file" in detail:
        return DatabaseUnusable(f"{path} is not a DuckDB database ({detail}); give --db another file name "
                                "(a new one is created) or the path of an eventwire database")
    if isinstance(exc, duckdb.IOException) and ("Permission denied" in detail or "Read-only file system" in detail):
        return DatabaseUnusable(f"cannot {'read' if read_only else 'write'} {path}: {detail}; give --db a path "
                                "in a folder you can write to")
    return DatabaseUnusable(f"{path} cannot be read as a DuckDB database; it may be truncated or damaged ({detail}). "
                            "Restore it from a backup, or give --db a new file name to start afresh")


def folder_problem(folder: Path) -> str | None:
    """Create `folder` if missing; None when it exists or was made, else why it cannot be, in a few words (a
    file in the way, no permission). Shared by the database's folder and the export folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        return "a part of its path is a file"
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


def _make_parent(path: Path) -> None:
    """The database's folder, created if missing; a clear error when it cannot be (a file in the way, no
    permission), before anything is written."""
    problem = folder_problem(path.parent)
    if problem:
        raise DatabaseUnusable(f"cannot create the folder {path.parent} for {path}: {problem}; "
                               "give --db a path in a folder you can write to")
    if not os.access(path.parent, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        where = path if path.exists() else path.parent
        raise DatabaseUnusable(f"cannot write {path}: no permission to write {where}; give --db a path in a "
                               "folder you can write to")


def connect(path: str | Path, read_only: bool = False, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, waiting up to `wait_seconds` while another process holds the file; a path DuckDB
    cannot use is a `DatabaseUnusable` with one line saying why and what to do."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseUnusable(f"{path} is a folder, not a database file; give --db a file name, e.g. {path / 'eventwire.duckdb'}")
    if read_only and not path.exists():
        raise DatabaseUnusable(f"no database at {path}; load one with `eventwire run`, or give --db its path")
    if not read_only:
        _make_parent(path)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.ConnectionException:
            raise  # this process already has the file open another way: a bug, not the user's file
        except duckdb.Error as exc:
            if not _is_lock_error(exc, path):
                raise unusable(path, exc, read_only) from None
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
        try:
            if read_only:
                check_version(con, path)
            elif apply_schema:
                upgrade(con, path)
        except (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException) as exc:
            raise unusable(Path(path), exc, read_only) from None  # opened, but its pages cannot be read
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
