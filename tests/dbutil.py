"""Reading a test database back: table snapshots that compare equal when runs leave identical rows."""

from __future__ import annotations

from pathlib import Path

import duckdb

# Columns that legitimately differ between two runs over the same input.
VOLATILE = {"ingested_at", "run_id", "seen_at", "last_seen_at"}


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of the data tables (not `runs`), sorted, without run-specific columns."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("articles", "events", "places", "rejects"):
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in VOLATILE]
            out[table] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    return out


def duplicate_keys(db: Path) -> list[tuple]:
    """Any key that appears twice: article ids, event ids, place spans."""
    return rows(db, """
        SELECT 'article', article_id FROM articles GROUP BY article_id HAVING count(*) > 1
        UNION ALL SELECT 'event', event_id FROM events GROUP BY event_id HAVING count(*) > 1
        UNION ALL SELECT 'place', article_id || ':' || char_start FROM places
                  GROUP BY article_id, char_start, char_end HAVING count(*) > 1
    """)
