"""What a database holds: its tables and views with their columns, read from DuckDB's catalog.

One reader for the three places that ask: the upgrade (which columns are missing), the export (which relations
are per article) and the dashboard (what an older database lacks, so a page adapts instead of failing).
"""

from __future__ import annotations

import duckdb


def columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Every table and view of the open database → its (column, type) pairs in declared order."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        out.setdefault(table, []).append((column, kind))
    return out
