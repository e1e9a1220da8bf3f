"""What the database already holds, and so what a batch still needs: which articles are new, changed,
unchanged (a hash, no NLP) or duplicates of content already loaded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from ..extract.articles import Article, RawArticle, Reject, article_id_for, raw_hash


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


@dataclass
class Triage:
    """One batch sorted out: what to extract, what to store without extraction, what was rejected."""

    to_extract: list[Article] = field(default_factory=list)  # English articles, new or changed
    to_store: list[Article] = field(default_factory=list)  # other languages: stored, not extracted
    raw_hashes: dict[str, str] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    unchanged: int = 0
    existing: set[str] = field(default_factory=set)  # article ids already in the database (changed ones)


@dataclass
class RunMemory:
    """What a run has seen so far, so duplicates across its batches are caught too."""

    article_ids: set[str] = field(default_factory=set)
    content_sources: dict[str, str] = field(default_factory=dict)  # content_hash -> first source_id


def triage(
    con: duckdb.DuckDBPyConnection,
    raws: list[RawArticle],
    rejects: list[Reject],
    clean: Callable[[RawArticle], Article | Reject],
    extractor_version: str,
    seen: RunMemory,
) -> Triage:
    """Unchanged articles out by raw hash (before cleaning or NLP), the rest cleaned by `clean`; duplicate
    ids and duplicate content (here or already loaded under another name) rejected, loaded once."""
    out = Triage(rejects=list(rejects))
    unique: dict[str, RawArticle] = {}
    for raw in raws:
        aid = article_id_for(raw.source, raw.source_id)
        if aid in seen.article_ids or aid in unique:
            out.rejects.append(Reject(raw.source_id, "duplicate id", "the same source id came twice in this run; the first was kept"))
        else:
            unique[aid] = raw
    hashes = {aid: raw_hash(raw) for aid, raw in unique.items()}
    known = known_articles(con, list(unique))
    fresh: list[Article] = []
    for aid, raw in unique.items():
        seen.article_ids.add(aid)
        old = known.get(aid)
        if old and old.raw_hash == hashes[aid] and old.extractor_version == extractor_version:
            out.unchanged += 1
            continue
        cleaned = clean(raw)
        if isinstance(cleaned, Reject):
            out.rejects.append(cleaned)
            continue
        fresh.append(cleaned)
        if old:
            out.existing.add(aid)
    owners = content_owners(con, [a.content_hash for a in fresh])
    for article in fresh:
        owner = owners.get(article.content_hash)
        first = seen.content_sources.setdefault(article.content_hash, article.source_id)
        if (owner and owner[0] != article.article_id) or first != article.source_id:
            other = owner[1] if owner and owner[0] != article.article_id else first
            out.rejects.append(Reject(article.source_id, "duplicate article", f"same text as {other}, loaded once"))
            continue
        (out.to_extract if article.language == "en" else out.to_store).append(article)
        out.raw_hashes[article.article_id] = hashes[article.article_id]
    return out
