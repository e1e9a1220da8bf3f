"""`eventwire eval GOLD.jsonl`: run the pipeline on a gold file's articles and score what it stored.

The runner: reads gold files, feeds their articles to the real flow (or, for tests and benchmarks, straight to
`analyse_batch`), reads the rows back and hands them to the pure scorer (`eventwire/scoring.py`).
Kept import-light: spaCy, Prefect and DuckDB are imported only by the functions that need them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.scoring import format_report, score

__all__ = ["articles_from_gold", "evaluate_with_flow", "format_report", "load_gold", "predict",
           "predictions_from_db", "score"]



def load_gold(path: str | Path) -> list[dict]:
    """The gold articles of a JSONL file, one dict a line (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def articles_from_gold(gold: list[dict]) -> list:
    """`Article`s for the gold lines, cleaned as `eventwire run` cleans them (boilerplate, title and captions
    out, repeats across a source's articles counted over the whole gold file). Rejected lines are skipped."""
    from eventwire.extract.articles import Article, RawArticle  # noqa: PLC0415
    from eventwire.extract.boilerplate import RepeatIndex  # noqa: PLC0415
    from eventwire.extract.clean import clean_article, index_repeats  # noqa: PLC0415

    def published(g: dict) -> date | None:
        return date.fromisoformat(g["published"]) if g.get("published") else None

    raws = [RawArticle(source_id=g["id"], source=g.get("source") or "gold", title=g.get("title"),
                       published=published(g), text=g.get("text") or "") for g in gold]
    repeats = RepeatIndex()
    index_repeats(raws, repeats)
    cleaned = (clean_article(raw, repeats) for raw in raws)
    return [a for a in cleaned if isinstance(a, Article)]


def predict(gold: list[dict], batch_size: int = 32) -> dict[str, dict]:
    """Run the pipeline in-process on the gold articles: {gold id: {"events": [...], "places": [...]}}."""
    from dataclasses import asdict  # noqa: PLC0415

    from eventwire.transform.pipeline import analyse_batch  # noqa: PLC0415

    articles = articles_from_gold(gold)
    out: dict[str, dict] = {}
    for i in range(0, len(articles), batch_size):
        chunk = articles[i:i + batch_size]
        for art, res in zip(chunk, analyse_batch(chunk)):
            out[art.source_id] = {"events": [asdict(e) for e in res.events],
                                  "places": [asdict(p) for p in res.places]}
    return out


def predictions_from_db(db_path: str | Path, source_ids: Iterable[str]) -> dict[str, dict]:
    """The stored events and places of the given articles, keyed by their source id (the gold id)."""
    import duckdb  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    out: dict[str, dict] = {sid: {"events": [], "places": []} for sid in source_ids}
    with duckdb.connect(str(db_path), read_only=True) as con:
        con.register("wanted", pa.table({"source_id": pa.array(list(out), pa.string())}))
        for table in ("events", "places"):
            rel = con.execute(
                f"SELECT a.source_id AS _sid, t.* FROM {table} t JOIN articles a USING (article_id) "  # our own names
                "JOIN wanted w ON w.source_id = a.source_id"
            )
            names = [d[0] for d in rel.description]
            for row in rel.fetchall():
                record = dict(zip(names, row))
                out[record.pop("_sid")][table].append(record)
    return out


def evaluate_with_flow(path: str | Path, db_path: str | Path, limit: int | None = None, workers: int = 1) -> dict[str, Any]:
    """What `eventwire eval` does: load the gold articles with the real flow into `db_path`, read the rows
    back, and score them."""
    import tempfile  # noqa: PLC0415

    from eventwire.flows.run import run  # noqa: PLC0415
    from eventwire.options import RunOptions  # noqa: PLC0415

    gold = load_gold(path)[:limit] if limit else load_gold(path)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / f"{Path(path).stem}.jsonl"
        with dump.open("w", encoding="utf-8") as f:
            for g in gold:
                f.write(json.dumps({"id": g["id"], "title": g.get("title"), "published": g.get("published"),
                                    "source": g.get("source") or "gold", "text": g.get("text") or ""}) + "\n")
        run([str(dump)], RunOptions(db_path=str(db_path), workers=workers))
    return score(gold, predictions_from_db(db_path, [g["id"] for g in gold]))
