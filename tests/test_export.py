"""`eventwire export`: every table and view to files DuckDB reads back, Parquet partitioned by month."""

from __future__ import annotations

import duckdb
import pytest
from eventwire.load.export import export

from tests.dbutil import rows


def test_parquet_export_is_partitioned_by_month_and_reads_back(sample_db, tmp_path):
    out = tmp_path / "out"
    written = {w.relation: w for w in export(sample_db, out, "parquet")}
    relations = {r[0] for r in rows(sample_db, "SELECT table_name FROM information_schema.tables")}
    assert set(written) == relations - {"schema_version", "incident_keys"}
    assert {"articles", "events", "places", "event_timeline", "daily_deaths_by_place", "runs", "rejects"} <= set(written)
    months = {r[0].strftime("%Y-%m") for r in rows(sample_db, "SELECT DISTINCT published_at FROM articles")}
    assert {p.name for p in (out / "events").iterdir()} == {f"published_month={m}" for m in months}
    with duckdb.connect() as con:
        for name in ("articles", "events", "places", "event_timeline"):
            n = con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                            [str(out / name / "*" / "*.parquet")]).fetchone()[0]
            assert n == rows(sample_db, f"SELECT count(*) FROM {name}")[0][0] == written[name].rows
        back = con.execute("SELECT sum(killed) FROM read_parquet(?)",
                           [str(out / "daily_deaths_by_place.parquet")]).fetchone()[0]
    assert back == rows(sample_db, "SELECT sum(killed) FROM daily_deaths_by_place")[0][0]
    # a second export into the same folder replaces, not adds
    export(sample_db, out, "parquet")
    with duckdb.connect() as con:
        assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / "events" / "*" / "*.parquet")]
                           ).fetchone()[0] == written["events"].rows


def test_csv_export_reads_back(sample_db, tmp_path):
    out = tmp_path / "it's a folder"  # a quote in the path must not reach SQL
    export(sample_db, out, "csv")
    with duckdb.connect() as con:
        speakers = {r[0] for r in con.execute("SELECT speaker FROM read_csv(?)",
                                              [str(out / "statements_by_speaker.csv")]).fetchall()}
        n = con.execute("SELECT count(*) FROM read_csv(?)", [str(out / "event_timeline.csv")]).fetchone()[0]
    assert "Oleh Kiper" in speakers
    assert n == rows(sample_db, "SELECT count(*) FROM events")[0][0]


def test_export_refuses_unknown_format_and_missing_db(sample_db, tmp_path):
    with pytest.raises(ValueError):
        export(sample_db, tmp_path / "x", "xlsx")
    with pytest.raises(FileNotFoundError):
        export(tmp_path / "nothing.duckdb", tmp_path / "y", "csv")


def test_cli_export_writes_files_and_refuses_unknown_format(sample_db, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    runner = CliRunner()
    done = runner.invoke(app, ["export", str(tmp_path / "out"), "--format", "parquet", "--db", str(sample_db)])
    assert done.exit_code == 0, done.output
    assert "event_timeline" in done.output and (tmp_path / "out" / "runs.parquet").is_file()
    refused = runner.invoke(app, ["export", str(tmp_path / "bad"), "--format", "xlsx", "--db", str(sample_db)])
    assert refused.exit_code == 2 and not (tmp_path / "bad").exists()
