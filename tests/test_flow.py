"""The extract_events flow, run for real under Prefect's test harness into a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest
from eventwire.flows.run import run

import eventwire.versions as versions
from eventwire.options import RunOptions

from .dbutil import duplicate_keys, rows, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_samples_load_with_rows_traceable_to_their_spans(sample_db: Path):
    assert rows(sample_db, "SELECT count(*) FROM articles")[0][0] == 5
    assert rows(sample_db, "SELECT count(*) FROM rejects WHERE reason = 'broken JSON line'")[0][0] == 1
    events = rows(sample_db, """
        SELECT e.char_start, e.char_end, e.sent_start, e.sent_end, e.sentence, length(a.body),
               substr(a.body, e.sent_start + 1, e.sent_end - e.sent_start), e.extractor_version
        FROM events e JOIN articles a USING (article_id) WHERE NOT coalesce(e.from_title, false)""")
    assert len(events) >= 10
    for start, end, s_start, s_end, sentence, body_len, body_sentence, version in events:
        assert 0 <= start < end <= body_len
        assert body_sentence == sentence
        assert version == versions.EXTRACTOR_VERSION
    types = dict(rows(sample_db, "SELECT event_type, count(*) FROM events GROUP BY 1"))
    assert types.get("statement", 0) > 0 and types.get("casualty", 0) > 0
    # Boilerplate of the samples (subscription box, caption credit) never reaches a body.
    assert rows(sample_db, "SELECT count(*) FROM articles WHERE body ILIKE '%newsletter%' OR body LIKE '%/ Harbour Wire%'")[0][0] == 0
    run_row = rows(sample_db, "SELECT status, articles_new, articles_rejected FROM runs")
    assert run_row == [("completed", 5, 1)]


def test_second_run_adds_nothing_and_skips_nlp(samples: Path, tmp_path: Path):
    db = tmp_path / "e.duckdb"
    first = run([str(samples)], RunOptions(db_path=str(db), workers=1))
    before = snapshot(db)
    second = run([str(samples)], RunOptions(db_path=str(db), workers=1))
    assert second.articles_unchanged == first.articles_new == 5
    assert second.articles_new == second.articles_changed == 0
    assert second.nlp_seconds == 0.0  # nothing was parsed
    assert snapshot(db) == before
    assert duplicate_keys(db) == []


def test_changed_article_replaces_its_rows_and_new_version_reprocesses(samples: Path, tmp_path: Path, monkeypatch):
    db = tmp_path / "e.duckdb"
    run([str(samples)], RunOptions(db_path=str(db), workers=1))
    path = next(samples.glob("*harbour*.txt"))
    text = path.read_text(encoding="utf-8").replace("At least 14 people", "At least 19 people")
    path.write_text(text, encoding="utf-8")
    summary = run([str(samples)], RunOptions(db_path=str(db), workers=1))
    assert (summary.articles_changed, summary.articles_unchanged) == (1, 4)
    counts = rows(db, "SELECT casualty_count FROM events JOIN articles USING (article_id) "
                      "WHERE source_id = ? AND casualty_kind = 'killed' AND NOT is_cumulative", [str(path.resolve())])
    assert (19,) in counts and (14,) not in counts
    assert duplicate_keys(db) == []

    monkeypatch.setattr(versions, "EXTRACTOR_VERSION", "test-next")
    summary = run([str(samples)], RunOptions(db_path=str(db), workers=1))
    assert summary.articles_changed == 5
    assert rows(db, "SELECT DISTINCT extractor_version FROM events") == [("test-next",)]
    assert duplicate_keys(db) == []


def test_same_text_under_two_names_is_loaded_once(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Bridge Reopens\n\nThe bridge reopened on Monday after repairs, the city said."
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    summary = run([str(folder)], RunOptions(db_path=str(db), workers=1))
    assert summary.articles_new == 1
    assert rows(db, "SELECT reason FROM rejects") == [("duplicate article",)]
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 1


def test_a_batch_split_into_pool_jobs_keeps_each_article_with_its_own_rows(tmp_path: Path):
    """A batch of 40 goes to the pool as jobs of NLP_CHUNK articles: each article's figure must land on it."""
    from eventwire.flows.extract_events import NLP_CHUNK

    folder = tmp_path / "many"
    folder.mkdir()
    numbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for i in range(40):
        (folder / f"2024-05-{i % 28 + 1:02d}_report-{i:02d}.txt").write_text(
            f"Report number {i}\n\nPolice said {numbers[i % 8]} people were killed in a fire on Monday.\n")
    assert 40 > 2 * NLP_CHUNK
    db = tmp_path / "many.duckdb"
    summary = run([str(folder)], RunOptions(db_path=str(db), workers=2, batch_size=64))
    assert summary.articles_new == 40
    got = rows(db, "SELECT a.title, e.casualty_count FROM events e JOIN articles a USING (article_id) "
                   "WHERE e.event_type = 'casualty' AND e.casualty_kind = 'killed'")
    assert len(got) == 40
    assert all(best == int(title.split()[-1]) % 8 + 2 for title, best in got), got


def test_two_workers_give_the_same_rows_as_one(samples: Path, tmp_path: Path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run([str(samples)], RunOptions(db_path=str(one), workers=1, batch_size=2))
    run([str(samples)], RunOptions(db_path=str(two), workers=2, batch_size=2))
    assert snapshot(one) == snapshot(two)


def _incidents_while_running(tmp_path: Path, live_seconds: float, monkeypatch) -> tuple[list[int], Path]:
    """Four one-article batches of shootings in four towns; the incidents in the database after each batch."""
    import duckdb

    from eventwire.flows import extract_events

    monkeypatch.setattr(extract_events, "LIVE_INCIDENTS_SECONDS", live_seconds)
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for i, (town, street) in enumerate((("Boston", "Elm"), ("Denver", "Oak"), ("Seattle", "Pine"), ("Miami", "Lake"))):
        (folder / f"2024-05-0{i + 2}_{town.lower()}.txt").write_text(
            f"Two killed in {town} shooting\n\n{town} police said two men were shot dead on {street} Street on Monday.\n")
    db = tmp_path / f"live-{live_seconds}.duckdb"
    seen: list[int] = []

    def count_incidents(_seen: int, _done: int) -> None:  # the file is free between batches
        with duckdb.connect(str(db), read_only=True) as con:
            seen.append(con.execute("SELECT count(*) FROM incidents").fetchone()[0])

    summary = run([str(folder)], RunOptions(db_path=str(db), workers=1, batch_size=1), progress=count_incidents)
    assert summary.articles_new == 4 and summary.incident_seconds > 0
    assert rows(db, "SELECT incident_seconds > 0 FROM runs") == [(True,)]
    return seen, db


def test_batches_file_incidents_for_watchers_only_every_so_often_and_the_run_settles_them_all(tmp_path: Path,
                                                                                               monkeypatch):
    """Filing each batch's figures is work the run's settling does again: batches file only when the last filing
    is LIVE_INCIDENTS_SECONDS old. Never due, nothing shows until the run ends; due every batch, incidents grow
    batch by batch; both runs end with the same incidents."""
    quiet, quiet_db = _incidents_while_running(tmp_path, 1e9, monkeypatch)
    assert quiet == [0, 0, 0, 0]
    live, live_db = _incidents_while_running(tmp_path, 0.0, monkeypatch)
    assert live == [1, 2, 3, 4]
    query = "SELECT incident_id, location, killed, incident_date FROM incidents ORDER BY 1"
    assert rows(quiet_db, query) == rows(live_db, query) and len(rows(quiet_db, query)) == 4


def test_a_headline_figure_is_stored_with_its_span_in_the_title(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2024-05-02_sign-in.txt").write_text(
        "Four wounded in shooting at Pomona restaurant\n\nPlease sign in to read this story. Already a subscriber?\n")
    db = tmp_path / "e.duckdb"
    run([str(folder)], RunOptions(db_path=str(db), workers=1))
    got = rows(db, "SELECT e.casualty_count, e.sentence = substr(a.title, e.sent_start + 1, e.sent_end - e.sent_start), "
                   "e.event_date FROM events e JOIN articles a USING (article_id) WHERE e.from_title")
    assert [(n, same) for n, same, _ in got] == [(4, True)]
