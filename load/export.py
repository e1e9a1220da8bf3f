"""Tables and views out to files (Parquet or CSV) for tools that read files rather than DuckDB.

Per-article relations (articles, events, places, event_timeline... any with an `article_id`) are partitioned by
the article's publication month (`published_month=2024-03/`, `unknown` when the date is not known) in Parquet, so a
reader can prune by month; the small aggregate views and the bookkeeping tables are one file each.

The database is opened read-only for the whole export (a consistent snapshot, and a scheduled run is
only kept waiting as long as the export takes). Output paths go through DuckDB's Python API, never
into SQL text; relation names are our own constants.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import duckdb

from ..errors import UserError
from .catalog import columns
from .db import DEFAULT_WAIT_SECONDS, ensure_current, folder_problem, session

MONTH = "coalesce(strftime(a.published_at, '%Y-%m'), 'unknown') AS published_month"

BOOKKEEPING = {"schema_version", "incident_keys"}  # not data (a version log, an index): left out of exports


def relations(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, bool]]:
    """Every table and view to export → (the SELECT that exports it, whether it is partitioned by month).

    A relation with an `article_id` column is per article: partitioned by its article's publication month.
    Everything else (aggregate views, runs, rejects) is one file. New tables and views are exported as they come.
    """
    names = [(name, any(c == "article_id" for c, _ in cols)) for name, cols in sorted(columns(con).items())]
    out: dict[str, tuple[str, bool]] = {}
    for name, per_article in names:  # names: the database's own relations, quoted as identifiers
        if name in BOOKKEEPING:
            continue
        ident = '"' + name.replace('"', '""') + '"'
        if name == "articles":
            out[name] = (f"SELECT a.*, {MONTH} FROM articles a", True)
        elif per_article:
            out[name] = (f"SELECT t.*, {MONTH} FROM {ident} t LEFT JOIN articles a USING (article_id)", True)
        else:
            out[name] = (f"SELECT * FROM {ident}", False)
    return out


class ExportFolderUnusable(UserError):
    """The export's output folder cannot be used (a file is in the way, no permission)."""


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


@dataclass
class Exported:
    relation: str
    path: Path  # a folder of month partitions, or one file
    rows: int


def export(db_path: str | Path, out_dir: str | Path, fmt: ExportFormat | str = ExportFormat.parquet,
           wait_seconds: float = DEFAULT_WAIT_SECONDS) -> list[Exported]:
    """Write every table and view under `out_dir`; returns what was written, relation by relation."""
    fmt = ExportFormat(fmt)
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}")
    out = Path(out_dir)
    ensure_current(db_path, wait_seconds)  # a database that cannot be read is refused before anything is written
    _make_folder(out)
    written: list[Exported] = []
    with session(db_path, read_only=True, wait_seconds=wait_seconds) as con:
        for name, (sql, partitioned) in relations(con).items():
            rel = con.sql(sql)
            if fmt is ExportFormat.csv:
                target = out / f"{name}.csv"
                rel.write_csv(str(target), header=True)
            elif partitioned:
                target = out / name
                rel.write_parquet(str(target), partition_by=["published_month"], overwrite=True)
            else:
                target = out / f"{name}.parquet"
                rel.write_parquet(str(target))
            written.append(Exported(name, target, _count(con, sql)))
    return written


def _make_folder(out: Path) -> None:
    """The export folder, created if missing; `ExportFolderUnusable` (one line) when it cannot be."""
    if out.exists() and not out.is_dir():
        raise ExportFolderUnusable(f"{out} is a file, not a folder: give export a folder (it is created if missing)")
    problem = folder_problem(out)
    if problem:
        raise ExportFolderUnusable(f"cannot create the folder {out}: {problem}")


def _count(con, sql: str) -> int:  # noqa: ANN001 (duckdb connection)
    return con.sql(f"SELECT count(*) FROM ({sql})").fetchone()[0]


def timed_export(db_path: str | Path, out_dir: str | Path, fmt: ExportFormat | str) -> tuple[list[Exported], float]:
    """`export` and the seconds it took (the CLI prints both)."""
    started = time.perf_counter()
    result = export(db_path, out_dir, fmt)
    return result, time.perf_counter() - started
