"""What the database already holds: which articles are unchanged, and which content is already loaded."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa


@dataclass(frozen=True, slots=True)
class Known:
    """What we stored for an article last time."""

    raw_hash: str | None
    content_hash: str | None
    extractor_version: str | None


def known_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, Known]:
    """Stored hashes and extractor version for the given article ids (one query for the whole batch)."""
    if not article_ids:
        return {}
    wanted = pa.table({"article_id": pa.array(article_ids, pa.string())})
    con.register("wanted_ids", wanted)
    try:
        rows = con.execute(
            "SELECT a.article_id, a.raw_hash, a.content_hash, a.extractor_version "
            "FROM articles a JOIN wanted_ids w USING (article_id)"
        ).fetchall()
    finally:
        con.unregister("wanted_ids")
    return {r[0]: Known(r[1], r[2], r[3]) for r in rows}


def content_owners(con: duckdb.DuckDBPyConnection, hashes: list[str]) -> dict[str, tuple[str, str]]:
    """content_hash → (article_id, source_id) of articles already loaded with that content."""
    if not hashes:
        return {}
    con.register("wanted_hashes", pa.table({"content_hash": pa.array(hashes, pa.string())}))
    try:
        rows = con.execute(
            "SELECT a.content_hash, min(a.article_id), min(a.source_id) "
            "FROM articles a JOIN wanted_hashes w USING (content_hash) GROUP BY a.content_hash"
        ).fetchall()
    finally:
        con.unregister("wanted_hashes")
    return {r[0]: (r[1], r[2]) for r in rows}
