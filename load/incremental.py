"""What the database already holds, and so what a batch still needs: which articles are new, changed,
unchanged (a hash, no NLP) or duplicates of content already loaded.

Two short reads around the cleaning, so the file is never held while articles are cleaned: `known_articles`
(then `select`, no database), cleaning by the caller, `content_owners` (then `admit`, no database)."""

from __future__ import annotations

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
    to_clean: list[RawArticle] = field(default_factory=list)  # new or changed, waiting to be cleaned


@dataclass
class RunMemory:
    """What a run has seen so far, so duplicates across its batches are caught too."""

    article_ids: set[str] = field(default_factory=set)
    content_sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # content_hash -> first (article_id, source_id)


def batch_ids(raws: list[RawArticle]) -> list[str]:
    """The article ids of a batch's inputs (what `known_articles` is asked about)."""
    return [article_id_for(raw.source, raw.source_id) for raw in raws]


def select(raws: list[RawArticle], rejects: list[Reject], known: dict[str, Known], extractor_version: str,
           seen: RunMemory) -> Triage:
    """Step one, before any cleaning: duplicate ids rejected, unchanged articles (same raw hash, same extractor
    version) counted and dropped; the rest wait in `to_clean`."""
    out = Triage(rejects=list(rejects))
    unique: dict[str, RawArticle] = {}
    for aid, raw in zip(batch_ids(raws), raws):
        if aid in seen.article_ids or aid in unique:
            out.rejects.append(Reject(raw.source_id, "duplicate id", "the same source id came twice in this run; the first was kept"))
        else:
            unique[aid] = raw
    for aid, raw in unique.items():
        seen.article_ids.add(aid)
        digest = raw_hash(raw)
        old = known.get(aid)
        if old and old.raw_hash == digest and old.extractor_version == extractor_version:
            out.unchanged += 1
            continue
        out.raw_hashes[aid] = digest
        out.to_clean.append(raw)
        if old:
            out.existing.add(aid)
    return out


def admit(batch: Triage, cleaned: list[Article | Reject], owners: dict[str, tuple[str, str]], seen: RunMemory) -> Triage:
    """Step two, after cleaning: rejects kept, and text already loaded under another name (here or by an earlier
    run: `owners`, from `content_owners`) rejected as a duplicate, loaded once; the rest to extract or to store."""
    batch.to_clean = []
    for article in cleaned:
        if isinstance(article, Reject):
            batch.rejects.append(article)
            continue
        # By article id, as across runs (`owners`): the same source id under two sources is still one text.
        owner = owners.get(article.content_hash)
        first = seen.content_sources.setdefault(article.content_hash, (article.article_id, article.source_id))
        if (owner and owner[0] != article.article_id) or first[0] != article.article_id:
            other = owner[1] if owner and owner[0] != article.article_id else first[1]
            batch.rejects.append(Reject(article.source_id, "duplicate article", f"same text as {other}, loaded once"))
            continue
        (batch.to_extract if article.language == "en" else batch.to_store).append(article)
    kept = {a.article_id for a in batch.to_extract + batch.to_store}
    batch.raw_hashes = {aid: h for aid, h in batch.raw_hashes.items() if aid in kept}
    batch.existing &= kept
    return batch
