"""Records → Arrow → DuckDB: one transaction per batch, so an article's row, events and places land together.

A batch replaces the rows of the articles it carries (delete, then insert), which is what makes re-runs
idempotent and a changed article replace its old rows; casualty figures it is asked to file are reconciled into
incidents in the same transaction (load/incidents.py). A kill mid-write leaves the last committed batch.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import pyarrow as pa

from ..extract.articles import Article, Reject
from ..transform.records import ArticleResult, Event, PlaceMention
from . import incidents

if TYPE_CHECKING:  # only connections are passed in: the notebook API builds tables here without DuckDB
    import duckdb


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _table(rows: Sequence[object], record_type: type) -> pa.Table:
    """An Arrow table with one column per record field (empty batches keep their columns)."""
    names = [f.name for f in fields(record_type)]
    columns = {name: [getattr(r, name) for r in rows] for name in names}
    return pa.table(columns)


def articles_table(articles: Sequence[Article], raw_hashes: dict[str, str], extractor_version: str, run_id: str,
                   results: Sequence[ArticleResult] = ()) -> pa.Table:
    """The articles' rows, with what extraction read from each whole article (`results`, by article id)."""
    now = _now()
    whole = {r.article_id: r for r in results}
    return pa.table({
        "article_id": [a.article_id for a in articles],
        "source_id": [a.source_id for a in articles],
        "source": [a.source for a in articles],
        "url": [a.url for a in articles],
        "title": [a.title for a in articles],
        "published_at": pa.array([a.published for a in articles], pa.date32()),
        "story_date": pa.array([getattr(whole.get(a.article_id), "story_date", None) for a in articles], pa.date32()),
        "story_date_text": pa.array([getattr(whole.get(a.article_id), "story_date_text", None) for a in articles],
                                    pa.string()),
        "ingested_at": pa.array([now] * len(articles), pa.timestamp("us")),
        "body": [a.body for a in articles],
        "content_hash": [a.content_hash for a in articles],
        "raw_hash": [raw_hashes.get(a.article_id) for a in articles],
        "language": [a.language for a in articles],
        "extractor_version": [extractor_version] * len(articles),
        "run_id": [run_id] * len(articles),
    })


def _insert(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    if data.num_rows == 0:
        return
    con.register("batch_rows", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch_rows")  # table: our own constant
    finally:
        con.unregister("batch_rows")


def write_batch(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    results: Sequence[ArticleResult],
    raw_hashes: dict[str, str],
    extractor_version: str,
    run_id: str,
    rejects: Iterable[Reject] = (),
    file_incidents: Sequence[str] | None = None,
) -> incidents.Stats | None:
    """Replace these articles' rows with the new ones, record rejects and file the casualty figures of
    `file_incidents` (None: the batch's articles; empty: none now, a run settles them at its end) into incidents,
    in one transaction. Returns what the filing did (None when nothing was filed)."""
    events = [e for r in results for e in r.events]
    places = [p for r in results for p in r.places]
    ids = pa.table({"article_id": pa.array([a.article_id for a in articles], pa.string())})
    con.begin()
    try:
        con.register("batch_ids", ids)
        for table in ("events", "places", "articles"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM batch_ids)")
        con.unregister("batch_ids")
        _insert(con, "articles", articles_table(articles, raw_hashes, extractor_version, run_id, results))
        _insert(con, "events", _table(events, Event))
        _insert(con, "places", _table(places, PlaceMention))
        record_rejects(con, rejects, run_id)
        filed = [a.article_id for a in articles] if file_incidents is None else list(file_incidents)
        stats = incidents.reconcile(con, filed) if filed else None  # the figures join their incidents
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return stats


def record_rejects(con: duckdb.DuckDBPyConnection, rejects: Iterable[Reject], run_id: str) -> None:
    """Upsert rejects by (source_id, reason): seen again, only `last_seen_at` and the detail move."""
    rows = list({(r.source_id, r.reason): r for r in rejects}.values())
    if not rows:
        return
    now = _now()
    data = pa.table({
        "source_id": [r.source_id for r in rows],
        "reason": [r.reason for r in rows],
        "detail": [r.detail for r in rows],
        "seen_at": pa.array([now] * len(rows), pa.timestamp("us")),
        "last_seen_at": pa.array([now] * len(rows), pa.timestamp("us")),
        "run_id": [run_id] * len(rows),
    })
    con.register("new_rejects", data)
    try:
        con.execute(
            "UPDATE rejects SET last_seen_at = n.last_seen_at, detail = n.detail, run_id = n.run_id "
            "FROM new_rejects n WHERE rejects.source_id = n.source_id AND rejects.reason = n.reason"
        )
        con.execute(
            "INSERT INTO rejects BY NAME SELECT n.* FROM new_rejects n WHERE NOT EXISTS "
            "(SELECT 1 FROM rejects r WHERE r.source_id = n.source_id AND r.reason = n.reason)"
        )
    finally:
        con.unregister("new_rejects")


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, sources: list[str], workers: int, extractor_version: str) -> None:
    """Record a run as `running`, with the process that runs it; runs left `running` by a process of this machine
    that no longer exists (killed, or the machine went down) are marked `interrupted` first."""
    host, pid = socket.gethostname(), os.getpid()
    stale = [run for run, run_pid in con.execute(
        "SELECT run_id, pid FROM runs WHERE status = 'running' AND host = ?", [host]).fetchall()
        if run_pid is None or not _alive(run_pid)]
    if stale:
        con.execute("UPDATE runs SET status = 'interrupted' WHERE list_contains(?, run_id)", [stale])
    con.execute(
        "INSERT INTO runs (run_id, started_at, sources, status, workers, extractor_version, host, pid) "
        "VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
        [run_id, _now(), sources, workers, extractor_version, host, pid],
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def unsettled_articles(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Articles that runs which did not complete wrote since the last run that did, besides run `run_id`: a
    killed or interrupted run's batches were never settled into incidents (`incidents.settle`), so the next
    run to complete settles them with its own."""
    return [r[0] for r in con.execute(
        "SELECT a.article_id FROM articles a JOIN runs r USING (run_id) WHERE r.run_id <> ? AND r.status <> 'completed' "
        "AND r.started_at > coalesce((SELECT max(started_at) FROM runs WHERE status = 'completed'), TIMESTAMP '1970-01-01') "
        "ORDER BY a.article_id", [run_id]).fetchall()]


RUN_COLUMNS = ("articles_new", "articles_changed", "articles_unchanged", "articles_rejected", "statements",
               "casualties", "places", "seconds", "nlp_seconds", "incident_seconds")


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, float | int],
               event_counts: dict[str, int], status: str) -> None:
    """Record the run's counts and timings (only columns of the `runs` table are taken), and its rows stored by
    event type in `run_counts` (one row per type: a new type needs no new column)."""
    items = [(k, v) for k, v in counts.items() if k in RUN_COLUMNS]
    assignments = ", ".join(f"{k} = ?" for k, _ in items)  # column names: our own constants
    con.begin()
    try:
        con.execute(
            f"UPDATE runs SET finished_at = ?, status = ?{', ' if items else ''}{assignments} WHERE run_id = ?",
            [_now(), status, *[v for _, v in items], run_id],
        )
        con.execute("DELETE FROM run_counts WHERE run_id = ?", [run_id])
        _insert(con, "run_counts", pa.table({
            "run_id": [run_id] * len(event_counts),
            "event_type": list(event_counts),
            "events": pa.array(list(event_counts.values()), pa.int64()),
        }))
        con.commit()
    except BaseException:
        con.rollback()
        raise
