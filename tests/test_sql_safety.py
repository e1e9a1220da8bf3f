"""What a user passes never becomes SQL: paths, ids, field names and --db go in as parameters or Arrow data.

Audit (load/, flows/, eventwire/cli.py): every user value reaches DuckDB through `?` parameters or a
registered Arrow table; the only f-strings in SQL interpolate our own table names and the `runs` column
names `finish_run` allows. This test passes hostile values through the real CLI and checks that the tables
survive and that each value is stored verbatim.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from eventwire.extract.articles import Reject
from eventwire.load import db as dbmod
from eventwire.load import incremental, writer

from .cliutil import run_cli
from .dbutil import rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

EVIL = "'; DROP TABLE events; --"
ARTICLE = (
    "Dam Breach Floods Villages\n\n"
    "A dam burst near Nova Kakhovka on Tuesday, and at least nine people were killed as the water swept "
    "through three villages, the regional governor said.\n\n"
    "\u201cWe lost everything in one night,\u201d said Hanna O'Brien, a farmer.\n"
)


def test_hostile_paths_ids_fields_and_db_path_are_stored_verbatim(tmp_path: Path):
    folder = tmp_path / f"it's \"quoted\"{EVIL}"
    folder.mkdir()
    evil_file = folder / f"o'brien{EVIL}.txt"
    evil_file.write_text(ARTICLE, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join([
        json.dumps({"id": EVIL, "source": "x'); DELETE FROM articles; --", "title": "Quote \" and ' and ;",
                    f"body{EVIL}": ARTICLE.replace("nine", "eleven").replace("Hanna", "Olha")}),
        json.dumps({"id": f"no text {EVIL}", "title": "no body"}),
    ]) + "\n", encoding="utf-8")
    db_dir = tmp_path / "db 'x'; DROP TABLE runs; --"
    db = db_dir / "events.duckdb"

    proc = run_cli("run", str(folder), str(records), "--db", str(db), "--workers", "1",
                   "--field", f"text=body{EVIL}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stdout + proc.stderr

    tables = {r[0] for r in rows(db, "SELECT table_name FROM information_schema.tables")}
    assert {"articles", "events", "places", "rejects", "runs"} <= tables
    articles = dict(rows(db, "SELECT source_id, source FROM articles"))
    assert articles == {str(evil_file.resolve()): folder.name, EVIL: "x'); DELETE FROM articles; --"}
    assert rows(db, "SELECT title FROM articles WHERE source_id = ?", [EVIL]) == [("Quote \" and ' and ;",)]
    counts = dict(rows(db, "SELECT a.source_id, count(*) FROM events e JOIN articles a USING (article_id) "
                           "WHERE e.event_type = 'casualty' GROUP BY 1"))
    assert counts == {str(evil_file.resolve()): 1, EVIL: 1}
    assert "Hanna O'Brien" in {r[0] for r in rows(db, "SELECT actor FROM events")}
    assert rows(db, "SELECT source_id, reason FROM rejects") == [(f"no text {EVIL}", "no text")]
    assert rows(db, "SELECT sources, status FROM runs") == [([str(folder), str(records)], "completed")]


def test_load_functions_take_hostile_values_as_data(tmp_path: Path):
    path = tmp_path / "e.duckdb"
    with dbmod.session(path) as con:
        assert incremental.known_articles(con, [EVIL, "' OR 1=1 --"]) == {}
        assert incremental.content_owners(con, [EVIL]) == {}
        writer.start_run(con, EVIL, [EVIL], 1, EVIL)
        writer.record_rejects(con, [Reject(EVIL, f"reason {EVIL}", f"detail {EVIL}")], EVIL)
        writer.finish_run(con, EVIL, {"articles_new": 1, f"seconds = 0; {EVIL}": 5}, {EVIL: 2}, "completed")
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT run_id, sources, status, articles_new, extractor_version FROM runs").fetchall() == [
            (EVIL, [EVIL], "completed", 1, EVIL)]
        assert con.execute("SELECT source_id, reason, detail FROM rejects").fetchall() == [
            (EVIL, f"reason {EVIL}", f"detail {EVIL}")]
        assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)  # the table is still there
        assert con.execute("SELECT run_id, event_type, events FROM run_counts").fetchall() == [(EVIL, EVIL, 2)]
