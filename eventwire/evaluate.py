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

from eventwire.scoring import format_report, score, score_event_types
from eventwire.scoring.event_types import CASE_CODES, TAXONOMY, format_event_types

__all__ = ["articles_from_gold", "evaluate_incidents", "evaluate_with_flow", "format_report", "is_incident_gold",
           "load_gold", "predict", "predictions_from_db", "report", "score", "score_all"]


def load_gold(path: str | Path) -> list[dict]:
    """Gold lines from a gold JSONL file (../shared/gold/README.md), an ACLED export (.csv: its `notes`, types,
    actors, fatalities and location) or a CASE 2021 task 2 file (.tsv: snippets and sub-event codes)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return [_acled_line(r) for r in _rows(path, ",")]
    if path.suffix.lower() == ".tsv":
        return [_case_line(r) for r in _rows(path, "\t")]
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _rows(path: Path, delimiter: str) -> list[dict]:
    import csv  # noqa: PLC0415

    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _acled_line(row: dict) -> dict:
    """One ACLED event as a gold line. Types are kept only in the current taxonomy (the pre-2019 one has others)."""
    from eventwire.extract.sources import parse_date  # noqa: PLC0415

    when = parse_date(row.get("event_date"))
    current = row.get("sub_event_type") in TAXONOMY
    line = {"id": f"acled-{row.get('event_id_cnty') or row.get('data_id')}", "source": "ACLED notes", "title": None,
            "published": when.isoformat() if when else None, "text": row.get("notes") or "",
            "places": [row["location"]] if row.get("location") else [],
            "actor1": row.get("actor1") or None, "assoc_actor_1": row.get("assoc_actor_1") or row.get("ally_actor_1") or None}
    if (row.get("fatalities") or "").strip().isdigit():
        line["casualties"] = [{"kind": "killed", "count": int(row["fatalities"]), "date": line["published"],
                               "note": "ACLED fatalities column, coded per event"}]
    if current:
        line.update(event_type=row.get("event_type"), sub_event_type=row.get("sub_event_type"))
    return line


def _case_line(row: dict) -> dict:
    """One CASE 2021 snippet as a gold line: its code as ACLED's sub-event type (the other five codes kept as they
    are, and not scored)."""
    code = row.get("SubType") or ""
    sub = CASE_CODES.get(code, code)
    return {"id": f"case-{row.get('id')}", "source": "CASE 2021", "title": None, "published": None,
            "text": row.get("EventSnippet") or "", "sub_event_type": sub, "event_type": TAXONOMY.get(sub)}


def is_incident_gold(gold: list[dict]) -> bool:
    """Gold lines of incidents (../shared/gold/gva_incidents_dev.jsonl): each names the articles that report it."""
    return bool(gold) and all("incident" in g and "articles" in g and "text" not in g for g in gold)


def default_articles(gold_path: str | Path) -> Path:
    """Where an incident gold file's articles are when not given: ../corpus/gva/articles.jsonl beside its folder."""
    return Path(gold_path).resolve().parent.parent / "corpus" / "gva" / "articles.jsonl"


def evaluate_incidents(path: str | Path, articles: str | Path, db_path: str | Path, limit: int | None = None,
                       workers: int = 1) -> dict[str, Any]:
    """`eventwire eval` on incident gold: the articles its incidents name (from the JSONL file `articles`, records
    with `id, url, title, published, source, text`) through the real flow into `db_path`, then the incidents in
    the database scored (eventwire/scoring/incidents.py)."""
    import tempfile  # noqa: PLC0415

    from eventwire.flows.run import run  # noqa: PLC0415
    from eventwire.load.db import session  # noqa: PLC0415
    from eventwire.options import RunOptions  # noqa: PLC0415
    from eventwire.scoring.incidents import predictions_from_db as incident_predictions  # noqa: PLC0415
    from eventwire.scoring.incidents import score_incidents  # noqa: PLC0415

    gold = load_gold(path)[:limit] if limit else load_gold(path)
    wanted = {a for g in gold for a in g["articles"]}
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / f"{Path(path).stem}_articles.jsonl"
        with open(articles, encoding="utf-8") as src, dump.open("w", encoding="utf-8") as out:
            for line in src:
                if line.strip() and json.loads(line).get("id") in wanted:
                    out.write(line)
        run([str(dump)], RunOptions(db_path=str(db_path), workers=workers))
    with session(db_path, read_only=True) as con:
        return {"incidents": score_incidents(gold, incident_predictions(con, wanted))}


def score_all(gold: list[dict], predictions: dict[str, dict]) -> dict[str, Any]:
    """Every score `eventwire eval` reports: articles (statements, casualties, places...) and event types."""
    scores = score(gold, predictions)
    scores["event_types"] = score_event_types(gold, predictions)
    return scores


def report(scores: dict[str, Any], title: str | None = None) -> str:
    """The plain-text report of `score_all` or `evaluate_incidents`."""
    if "incidents" in scores:
        from eventwire.scoring.incidents import format_scores  # noqa: PLC0415

        return "\n".join([*([title] if title else []), format_scores(scores["incidents"])])
    return "\n".join([format_report(scores, title), *format_event_types(scores.get("event_types"))])


def articles_from_gold(gold: list[dict]) -> list:
    """`Article`s for the gold lines, cleaned as `eventwire run` cleans them (boilerplate, title and captions
    out, repeats across a source's articles counted over the whole gold file). Rejected lines are skipped."""
    from eventwire.extract.articles import Article, RawArticle  # noqa: PLC0415
    from eventwire.extract.boilerplate import RepeatIndex  # noqa: PLC0415
    from eventwire.extract.clean import clean_article, index_repeats  # noqa: PLC0415

    def published(g: dict) -> date | None:
        return date.fromisoformat(g["published"]) if g.get("published") else None

    raws = [RawArticle(source_id=g["id"], source=g.get("source") or "gold", title=g.get("title"), url=g.get("url"),
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
    # Lines with the same article (an ACLED note split across several events) are run once (the pipeline loads
    # the same text once) and each is scored on its rows.
    first: dict[tuple, str] = {}
    for g in gold:
        first.setdefault((g.get("source"), g.get("title"), g.get("published"), g.get("text")), g["id"])
    run_as = {g["id"]: first[(g.get("source"), g.get("title"), g.get("published"), g.get("text"))] for g in gold}
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / f"{Path(path).stem}.jsonl"
        with dump.open("w", encoding="utf-8") as f:
            for g in gold:
                if run_as[g["id"]] == g["id"]:
                    f.write(json.dumps({"id": g["id"], "title": g.get("title"), "published": g.get("published"),
                                        "source": g.get("source") or "gold", "text": g.get("text") or ""}) + "\n")
        run([str(dump)], RunOptions(db_path=str(db_path), workers=workers))
    stored = predictions_from_db(db_path, set(run_as.values()))
    return score_all(gold, {gid: stored[rid] for gid, rid in run_as.items()})
