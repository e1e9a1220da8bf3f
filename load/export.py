"""Tables and views out to files (Parquet or CSV) for tools that read files rather than DuckDB.

Per-article relations (articles, events, places, event_timeline) are partitioned by the article's
publication month (`published_month=2024-03/`, `unknown` when the date is not known) in Parquet, so a
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

from .db import DEFAULT_WAIT_SECONDS, session

MONTH = "coalesce(strftime(a.published_at, '%Y-%m'), 'unknown') AS published_month"

# relation → the SELECT that exports it (with `published_month` when it is partitioned by month).
PARTITIONED: dict[str, str] = {
    "articles": f"SELECT a.*, {MONTH} FROM articles a",
    "events": f"SELECT e.*, {MONTH} FROM events e LEFT JOIN articles a USING (article_id)",
    "places": f"SELECT p.*, {MONTH} FROM places p LEFT JOIN articles a USING (article_id)",
    "event_timeline": f"SELECT t.*, {MONTH} FROM event_timeline t JOIN articles a USING (article_id)",
}
SINGLE: dict[str, str] = {
    name: f"SELECT * FROM {name}"
    for name in ("daily_deaths_by_place", "statements_by_speaker", "latest_running_toll", "events_per_source",
                 "rejects", "runs")
}
VIEWS = ("daily_deaths_by_place", "statements_by_speaker", "latest_running_toll", "events_per_source",
         "event_timeline")


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


@dataclass
class Exported:
    relation: str
    path: Path  # a folder of month partitions, or one file
    rows: int


def ensure_views(db_path: str | Path, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> None:
    """Create the views in a database written before they existed (a brief write, only when needed)."""
    with session(db_path, read_only=True, wait_seconds=wait_seconds) as con:
        have = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    if not set(VIEWS) <= have:
        with session(db_path, wait_seconds=wait_seconds):
            pass  # a writing session applies load/schema.sql


def export(db_path: str | Path, out_dir: str | Path, fmt: ExportFormat | str = ExportFormat.parquet,
           wait_seconds: float = DEFAULT_WAIT_SECONDS) -> list[Exported]:
    """Write every table and view under `out_dir`; returns what was written, relation by relation."""
    fmt = ExportFormat(fmt)
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ensure_views(db_path, wait_seconds)
    written: list[Exported] = []
    with session(db_path, read_only=True, wait_seconds=wait_seconds) as con:
        for name, sql in PARTITIONED.items():
            rel = con.sql(sql)
            if fmt is ExportFormat.parquet:
                target = out / name
                rel.write_parquet(str(target), partition_by=["published_month"], overwrite=True)
            else:
                target = out / f"{name}.csv"
                rel.write_csv(str(target), header=True)
            written.append(Exported(name, target, _count(con, sql)))
        for name, sql in SINGLE.items():
            rel = con.sql(sql)
            target = out / f"{name}.{fmt.value}"
            if fmt is ExportFormat.parquet:
                rel.write_parquet(str(target))
            else:
                rel.write_csv(str(target), header=True)
            written.append(Exported(name, target, _count(con, sql)))
    return written


def _count(con, sql: str) -> int:  # noqa: ANN001 (duckdb connection)
    return con.sql(f"SELECT count(*) FROM ({sql})").fetchone()[0]


def timed_export(db_path: str | Path, out_dir: str | Path, fmt: ExportFormat | str) -> tuple[list[Exported], float]:
    """`export` and the seconds it took (the CLI prints both)."""
    started = time.perf_counter()
    result = export(db_path, out_dir, fmt)
    return result, time.perf_counter() - started
