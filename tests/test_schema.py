"""The one schema: records and tables agree, and a database from an older eventwire upgrades in place.

Upgrade rule (README, "What is guaranteed"): a database an older eventwire wrote gets the tables and columns it
lacks and current views, in one transaction, keeping every row; one written by a newer eventwire is refused in
one line, before anything is written.
"""

from __future__ import annotations

import subprocess
from dataclasses import fields
from pathlib import Path

import duckdb
import pytest
from eventwire.flows.run import run
from eventwire.load.db import SchemaTooNew, ensure_current, session
from eventwire.load.migrate import SCHEMA_VERSION, expected_columns, stored_version
from eventwire.transform.events import EVENT_TYPES
from eventwire.transform.records import Event, PlaceMention

from eventwire.options import RunOptions

from .cliutil import cli_command, cli_env
from .conftest import ROOT
from .dbutil import duplicate_keys, rows

V1_SCHEMA = Path(__file__).parent / "fixtures" / "schema_v1.sql"


def test_event_fields_are_the_events_columns():
    columns = {name for name, _ in expected_columns()["events"]}
    assert {f.name for f in fields(Event)} == columns
    assert {f.name for f in fields(PlaceMention)} == {name for name, _ in expected_columns()["places"]}


def test_every_registered_type_declares_what_downstream_reads():
    names = [t.name for t in EVENT_TYPES]
    assert len(names) == len(set(names)) and {"statement", "casualty"} <= set(names)
    for t in EVENT_TYPES:
        assert t.label and t.colour.startswith("#")
        assert callable(t.extract) and isinstance(t.takes_article_place(Event(t.name, 0, 1)), bool)


def _v1_database(path: Path) -> None:
    """A database as the first release left it: its schema, one article with one event, one finished run."""
    with duckdb.connect(str(path)) as con:
        con.execute(V1_SCHEMA.read_text())
        con.execute("INSERT INTO articles (article_id, source_id, source, title, body, content_hash, raw_hash, "
                    "extractor_version) VALUES ('old1', 'old.txt', 'old', 'Old', 'Two people were killed.', 'h', 'r', '0.0.9')")
        con.execute("INSERT INTO events (event_id, article_id, event_type, casualty_kind, casualty_count, is_cumulative, "
                    "char_start, char_end) VALUES ('e1', 'old1', 'casualty', 'killed', 2, false, 0, 3)")
        con.execute("INSERT INTO runs (run_id, status) VALUES ('r0', 'completed')")


@pytest.mark.usefixtures("prefect_harness")
def test_a_first_release_database_upgrades_in_place_and_keeps_its_rows(samples: Path, tmp_path: Path):
    db = tmp_path / "old.duckdb"
    _v1_database(db)
    with duckdb.connect(str(db)) as con:
        assert stored_version(con) == 1
        before = {c[0] for c in con.execute("DESCRIBE events").fetchall()}
    assert "target" not in before

    summary = run([str(samples)], RunOptions(db_path=str(db), workers=1))

    assert summary.articles_new == 5
    with duckdb.connect(str(db), read_only=True) as con:
        assert stored_version(con) == SCHEMA_VERSION
        for table, columns in expected_columns().items():
            present = {c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()}
            assert {name for name, _ in columns} <= present, table
    assert rows(db, "SELECT casualty_count, target FROM events WHERE event_id = 'e1'") == [(2, None)]  # kept
    assert rows(db, "SELECT killed FROM daily_deaths_by_place WHERE killed = 2")  # views read old rows too
    assert rows(db, "SELECT count(*) FROM run_counts WHERE run_id = ?", [summary.run_id])[0][0] == len(EVENT_TYPES)
    assert duplicate_keys(db) == []


@pytest.mark.parametrize("damage", ["ALTER TABLE events DROP COLUMN confidence",
                                    "ALTER TABLE events RENAME COLUMN actor TO speaker"])
@pytest.mark.usefixtures("prefect_harness")
def test_a_database_missing_a_column_gets_it_back(samples: Path, tmp_path: Path, damage: str):
    db = tmp_path / "damaged.duckdb"
    run([str(samples)], RunOptions(db_path=str(db), workers=1))
    with duckdb.connect(str(db)) as con:
        con.execute(damage)
    (samples / "2024-03-20_new.txt").write_text("New Article\n\nThe mayor said on Monday that two people were killed.\n")
    summary = run([str(samples)], RunOptions(db_path=str(db), workers=1))
    assert summary.articles_new == 1
    assert rows(db, "SELECT count(*) FROM events WHERE actor IS NOT NULL AND confidence IS NOT NULL")[0][0] > 0


def test_a_newer_database_is_refused_in_one_line_and_left_alone(tmp_path: Path, samples: Path):
    db = tmp_path / "newer.duckdb"
    with session(db) as con:
        con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP, '9.9')", [SCHEMA_VERSION + 1])
    before = db.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer eventwire"):
        ensure_current(db)
    done = subprocess.run(cli_command("run", str(samples), "--db", str(db), "--workers", "1"), capture_output=True,
                          text=True, env=cli_env(), cwd=ROOT, timeout=300)
    assert done.returncode != 0
    assert "newer eventwire" in done.stderr and "Traceback" not in done.stderr + done.stdout
    assert db.read_bytes() == before
