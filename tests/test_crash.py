"""Crashes: `kill -9` a real `eventwire run` while it loads, run again, and the tables equal a clean run's.

Each batch is written in one DuckDB transaction (load/writer.py), so a killed batch vanishes whole: an
article's row, its events and its places land together or not at all, and the next run picks it up.

Two kills, on one database:
1. inside a batch's transaction, deterministically: the child process is the real CLI with one test-only
   wrapper around `writer._insert` that, in the 4th batch, announces itself and sleeps after the events are
   inserted but before the commit. We kill it there.
2. the re-run, at whatever point it has reached just after its 6th batch committed (no hook at all).
A third run completes; its tables must equal those of a clean run into another database.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from eventwire.flows.run import run

from eventwire.options import RunOptions

from .cliutil import ROOT, cli_command, cli_env
from .dbutil import duplicate_keys, rows, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")

N_ARTICLES = 64
BATCH = 4
KILL_IN_BATCH = 4

TOWNS = ["Kharkiv", "Odesa", "Sumy", "Lviv", "Dnipro", "Poltava", "Kherson", "Mykolaiv", "Chernihiv", "Zaporizhzhia"]
PEOPLE = ["Anna Kovalenko", "Petro Bondar", "Iryna Shevchuk", "Mykola Tkachenko", "Olena Moroz", "Taras Lysenko"]


def invented_articles(path: Path) -> Path:
    """Short invented articles, each with a casualty figure and a quote; every paragraph unique."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            town, person = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)]
            text = (
                f"Shelling hit a school in {town} on Monday, killing {i % 9 + 2} people and wounding {i + 10} "
                f"others, officials said in their report number {i + 1}.\n\n"
                f"\u201cWe counted {i + 3} craters in the yard of school {i + 100},\u201d said {person}, "
                f"the head of the district.\n"
            )
            fh.write(json.dumps({"id": f"crash-{i:03d}", "title": f"School Shelled in {town} ({i + 1})",
                                 "published": "2024-04-02", "source": "crash-wire", "text": text}) + "\n")
    return path


# The child: the real CLI, with a pause inside batch KILL_IN_BATCH's transaction (after its articles and
# events are inserted, before the commit).
CHILD = """
import sys, time
from eventwire.load import writer
real_insert, seen = writer._insert, []
def pausing_insert(con, table, data):
    real_insert(con, table, data)
    if table == "events":
        seen.append(1)
        if len(seen) == {kill_in_batch}:
            print("TEST-HOOK: inside the transaction of batch {kill_in_batch}", flush=True)
            time.sleep(600)
writer._insert = pausing_insert
from eventwire.cli import app
sys.argv = ["eventwire"] + sys.argv[1:]
app()
"""


class Child:
    """A child process whose merged output is read line by line in a thread."""

    def __init__(self, argv: list[str]):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     env=cli_env(), cwd=ROOT)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, predicate, timeout: float = 240) -> str:
        """Lines until `predicate(line)` holds; fails when the child ends or the time runs out first."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None if time.monotonic() >= deadline else ""
            if line is None:
                self.kill()
                raise AssertionError("child ended or timed out before the kill point:\n" + "".join(self.output)[-4000:])
            self.output.append(line)
            if line and predicate(line):
                return line

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)  # kill -9: no cleanup, no rollback, no finally
        self.proc.wait(timeout=30)


def _events_by_article(db: Path) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for row in rows(db, "SELECT article_id, event_id, event_type, char_start, char_end, casualty_count, quote FROM events"):
        out.setdefault(row[0], []).append(row[1:])
    return {k: sorted(v, key=repr) for k, v in out.items()}


def test_kill_9_while_loading_then_rerun_equals_a_clean_run(tmp_path: Path):
    source = str(invented_articles(tmp_path / "crash.jsonl"))
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    args = ["run", source, "--db", str(db), "--workers", "1", "--batch-size", str(BATCH)]

    run([source], RunOptions(db_path=str(clean_db), workers=1, batch_size=BATCH))
    clean = snapshot(clean_db)
    clean_events = _events_by_article(clean_db)
    assert len(clean["articles"]) == N_ARTICLES
    assert len(clean_events) == N_ARTICLES  # every article has events, so a half-written one would show

    # 1. Killed inside the 4th batch's transaction: its articles and events were inserted, not committed.
    child = Child([sys.executable, "-c", CHILD.format(kill_in_batch=KILL_IN_BATCH), *args])
    child.wait_for(lambda line: line.startswith("TEST-HOOK"))
    child.kill()
    assert child.proc.returncode == -signal.SIGKILL
    committed = (KILL_IN_BATCH - 1) * BATCH
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == committed
    after_kill = _events_by_article(db)
    assert set(after_kill) == {a[0] for a in rows(db, "SELECT article_id FROM articles")}
    for article_id, events in after_kill.items():  # no half-written article: all its events, or none
        assert events == clean_events[article_id]
    assert rows(db, "SELECT count(*) FROM places")[0][0] == rows(
        clean_db, "SELECT count(*) FROM places WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(after_kill)])[0][0]
    assert rows(db, "SELECT status, finished_at FROM runs") == [("running", None)]  # what a killed run leaves

    # 2. The re-run, killed with no hook just after its 6th load committed (unchanged batches load nothing).
    child = Child(cli_command(*args))
    loads = []
    child.wait_for(lambda line: "Task run 'load-" in line and "Completed" in line and len(loads.append(1) or loads) == 6)
    child.kill()
    assert child.proc.returncode == -signal.SIGKILL
    partial = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert committed + 3 * BATCH <= partial < N_ARTICLES  # at least 3 more batches, but not all
    assert duplicate_keys(db) == []

    # 3. A run to the end: the tables equal the clean run's, and nothing is duplicated.
    finished = subprocess.run(cli_command(*args), capture_output=True, text=True, env=cli_env(), cwd=ROOT, timeout=300)
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "Traceback" not in finished.stdout + finished.stderr
    assert duplicate_keys(db) == []
    assert snapshot(db) == clean
    statuses = rows(db, "SELECT status, articles_new, articles_unchanged FROM runs ORDER BY started_at")
    assert [s[0] for s in statuses] == ["interrupted", "interrupted", "completed"]  # killed runs, marked by the next
    assert statuses[2][1] + statuses[2][2] == N_ARTICLES and statuses[2][2] == partial


def test_an_extractor_that_raises_costs_one_article_not_the_run(tmp_path: Path, monkeypatch):
    """A bug on one hostile article: that article is rejected (and retried next run), the others load."""
    from eventwire.transform import pipeline

    real = pipeline.analyse_article

    def buggy(doc, article_id, published, url=None, title=None):
        if "craters in the yard of school 103" in doc.text:
            raise ZeroDivisionError("division by zero")
        return real(doc, article_id, published, url, title)

    source = invented_articles(tmp_path / "a.jsonl")
    lines = source.read_text(encoding="utf-8").splitlines()[:12]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    monkeypatch.setattr(pipeline, "analyse_article", buggy)
    summary = run([str(source)], RunOptions(db_path=str(db), workers=1, batch_size=5))
    assert rows(db, "SELECT source_id, reason, detail FROM rejects") == [
        ("crash-003", "extraction failed", "a bug, please report it: ZeroDivisionError: division by zero")]
    assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(11, 11)]
    assert rows(db, "SELECT count(DISTINCT article_id) FROM events")[0][0] == 11
    assert rows(db, "SELECT status FROM runs") == [("completed",)]
    assert summary.articles_rejected == 1
    # Fixed, the next run picks the article up.
    monkeypatch.setattr(pipeline, "analyse_article", real)
    again = run([str(source)], RunOptions(db_path=str(db), workers=1, batch_size=5))
    assert (again.articles_new, again.articles_unchanged) == (1, 11)
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 12
