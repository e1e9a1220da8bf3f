"""The backbone's acceptance checks on the shared corpus (skipped cleanly when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eventwire.flows.run import run

from eventwire.options import RunOptions

from .conftest import shared_path
from .dbutil import duplicate_keys, rows, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_moscow_times_statements_casualties_and_no_boilerplate(tmp_path: Path):
    folder = shared_path("corpus", "moscow_times")
    gold = [json.loads(line) for line in shared_path("gold", "seeds.jsonl").open(encoding="utf-8")]
    db = tmp_path / "mt.duckdb"
    summary = run([str(folder)], RunOptions(db_path=str(db), workers=1))
    assert summary.articles_new == 2 and summary.articles_rejected == 0
    titles = {t for (t,) in rows(db, "SELECT title FROM articles")}
    assert titles == {g["title"] for g in gold}

    actors = {a for (a,) in rows(db, "SELECT DISTINCT actor FROM events WHERE event_type = 'statement'")}
    for speaker in ("Denis Pushilin", "Valery Bolotov", "Sergei Lavrov"):
        assert speaker in actors
    assert not actors & {"he", "she", "He", "She", "they", "They"}

    [(count, location, day, reported_by, victims)] = rows(db, """
        SELECT casualty_count, location, event_date, reported_by, victims FROM events
        WHERE casualty_kind = 'killed' AND NOT is_cumulative AND subset_of IS NULL""")
    assert count == 40 and "Donetsk" in location and str(day) == "2014-05-26"
    assert "Lyukyanchenko" in reported_by
    assert rows(db, "SELECT count(*) FROM events WHERE subset_of IS NOT NULL AND casualty_count = 2")[0][0] == 1

    sentences = [" ".join(s.split()) for (s,) in rows(db, "SELECT sentence FROM events")]
    for g in gold:
        for junk in g["not_events"]:
            junk = " ".join(junk.split())
            assert not any(junk in s or s in junk for s in sentences), junk

    before = snapshot(db)
    again = run([str(folder)], RunOptions(db_path=str(db), workers=1))
    assert again.articles_unchanged == 2 and snapshot(db) == before
    assert duplicate_keys(db) == []


@pytest.mark.slow
def test_500_aljazeera_articles_load_without_error(tmp_path: Path):
    source = shared_path("corpus", "aljazeera", "articles.jsonl")
    dump = tmp_path / "aljazeera_500.jsonl"
    with source.open(encoding="utf-8") as src, dump.open("w", encoding="utf-8") as out:
        for _, line in zip(range(500), src):
            out.write(line)
    db = tmp_path / "aj.duckdb"
    summary = run([str(dump)], RunOptions(db_path=str(db), fields={"text": "body", "published": "date"}, workers=2))
    assert summary.articles_new + summary.articles_rejected == 500
    assert summary.articles_rejected <= 5  # only genuine duplicates or empties, each with a reason
    assert rows(db, "SELECT count(*) FROM articles WHERE published_at IS NULL")[0][0] == 0
    assert rows(db, "SELECT count(*) FROM events")[0][0] > 1000
    assert rows(db, "SELECT count(*) FROM runs WHERE status = 'completed'")[0][0] == 1
    assert duplicate_keys(db) == []
