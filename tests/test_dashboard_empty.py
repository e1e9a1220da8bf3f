"""The dashboard script on an empty database and on one whose incidents predate ACLED categories, run by
Streamlit's own script runner (AppTest): a notice or the page, never an exception. No browser needed."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from eventwire.load.db import session

APP = Path(__file__).resolve().parent.parent / "eventwire" / "dashboard" / "app.py"


def _run(db: Path, monkeypatch):  # noqa: ANN202 - streamlit's AppTest
    testing = pytest.importorskip("streamlit.testing.v1")
    monkeypatch.setenv("EVENTWIRE_DB", str(db))
    at = testing.AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_empty_database_shows_the_notice_not_a_traceback(tmp_path, monkeypatch):
    db = tmp_path / "empty.duckdb"
    with session(db):  # the schema, no articles
        pass
    at = _run(db, monkeypatch)
    assert any("no incidents yet" in i.value for i in at.info)


def test_incident_tables_with_no_rows_show_the_notice(sample_db, tmp_path, monkeypatch):
    """An older database upgraded by this eventwire has the incident tables but nothing reconciled yet."""
    db = tmp_path / "older.duckdb"
    shutil.copy(sample_db, db)
    with session(db) as con:
        con.execute("UPDATE events SET incident_id = NULL")
        con.execute("DELETE FROM incidents")
    at = _run(db, monkeypatch)
    assert any("no incidents yet" in i.value for i in at.info)
    assert any(t.value == "Events" for t in at.subheader)  # and the rest of the page is there


def test_incidents_without_acled_columns_still_draw(tmp_path, monkeypatch):
    """An incidents table from before issue 14 (no category/subcategory): the page shows it, uncategorised."""
    db = tmp_path / "old.duckdb"
    with session(db):
        pass
    with duckdb.connect(str(db)) as con:
        con.execute("""
            DROP VIEW IF EXISTS incident_reports;
            DROP TABLE IF EXISTS incidents;
            INSERT INTO articles (article_id, source_id, source, url, title, published_at, body)
            VALUES ('a1', 's1', 'example.org', 'https://example.org/a1', 'Two killed', DATE '2016-05-02',
                    'Two people were killed in Dayton on Saturday.');
            INSERT INTO events (event_id, article_id, event_type, casualty_kind, casualty_count, is_cumulative,
                                char_start, char_end, location, latitude, longitude, country_code)
            VALUES ('e1', 'a1', 'casualty', 'killed', 2, false, 0, 30, 'Dayton', 39.76, -84.19, 'US');
            ALTER TABLE events ADD COLUMN IF NOT EXISTS incident_id VARCHAR;
            UPDATE events SET incident_id = 'i1';
            CREATE TABLE incidents AS SELECT 'i1' AS incident_id, DATE '2016-04-30' AS incident_date,
                'Dayton' AS location, 'Ohio' AS admin1, 'US' AS country_code, 39.76 AS latitude, -84.19 AS longitude,
                2::BIGINT AS killed, 2::BIGINT AS killed_low, 2::BIGINT AS killed_high, NULL::BIGINT AS wounded,
                NULL::BIGINT AS wounded_low, NULL::BIGINT AS wounded_high, 1::BIGINT AS reports, 1::BIGINT AS articles,
                1::BIGINT AS sources, DATE '2016-05-02' AS first_published, DATE '2016-05-02' AS last_published,
                'Two killed' AS headline, 'e1' AS evidence_event_id, 'x' AS extractor_version;
            CREATE VIEW incident_reports AS
            SELECT i.incident_id, i.incident_date, i.location, i.admin1, i.country_code, i.killed, i.wounded,
                   e.event_id, e.casualty_kind, e.casualty_count, e.casualty_qualifier, e.subset_of, e.event_date,
                   e.location AS report_location, e.reported_by, e.sentence, e.char_start, e.char_end,
                   a.article_id, a.source, a.published_at, a.title, a.url, e.event_id = i.evidence_event_id AS is_evidence
            FROM incidents i JOIN events e ON e.incident_id = i.incident_id JOIN articles a ON a.article_id = e.article_id;
        """)
    at = _run(db, monkeypatch)
    assert not any("no incidents yet" in i.value for i in at.info)
    assert [m.value for m in at.metric][:2] == ["1", "2"]  # one incident, two deaths
