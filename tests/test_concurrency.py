"""Two `eventwire run` processes at once on one DuckDB file: DuckDB allows one writer, so each run opens the
file only briefly (a batch's check, a batch's write) and waits while the other holds it. Nothing may be
duplicated or lost, the tables must equal a single run's, and a run that cannot get the file says why."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eventwire.load.db import DatabaseBusy, connect

from .dbutil import duplicate_keys, rows, snapshot

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.usefixtures("prefect_harness")


def _env() -> dict[str, str]:
    """This session's env plus the harness's API, so the runs do not each start a temporary server."""
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def _start(samples: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "eventwire"), "run", str(samples), "--db", str(db), "--workers", "1",
                             "--batch-size", "2"], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


EXTRA = 16
"""Variants of a sample added to the input: enough batches that each run lasts several seconds, longer than the
difference in two processes' start-up (on a loaded machine one run of the five samples alone ended before the other
began, and the runs never met)."""
GATE_SECONDS = 8.0
"""How long the test holds the new database file, so both runs wait at the door and start their flows together."""
ATTEMPTS = 3
"""Pairs of runs tried before concluding that two runs never meet (scheduling is the machine's, not ours)."""


def _more_articles(samples: Path) -> int:
    """Add `EXTRA` distinct articles (a sample's record, its text told of another town); returns the input's count."""
    first = json.loads((samples / "articles.jsonl").read_text().splitlines()[0])
    with (samples / "more.jsonl").open("w") as out:
        for i in range(EXTRA):
            out.write(json.dumps({**first, "id": f"{first['id']}-v{i}", "url": f"{first['url']}-v{i}",
                                  "text": first["text"].replace("Djibo", f"Djibo district {i + 1}")}) + "\n")
    return 5 + EXTRA


def _run_two_at_once(samples: Path, db: Path) -> None:
    """Start two runs on `db` while a holder keeps the file, release it, and wait for both."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "time.sleep(float(sys.argv[2]))", str(db), str(GATE_SECONDS)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    first, second = _start(samples, db), _start(samples, db)
    holder.wait()
    outcomes = [p.communicate(timeout=240) for p in (first, second)]
    for proc, (_, err) in zip((first, second), outcomes):
        # Either run may wait for the other; a run that gives up must say that the file is held.
        assert proc.returncode == 0 or "held by another process" in err, err[-2000:]
    assert any(p.returncode == 0 for p in (first, second))


def test_two_runs_at_once_equal_one_run(samples: Path, tmp_path: Path):
    articles = _more_articles(samples)
    single_db = tmp_path / "single.duckdb"
    single = _start(samples, single_db)
    _, err = single.communicate(timeout=240)
    assert single.returncode == 0, err[-2000:]

    met = []
    for attempt in range(ATTEMPTS):
        shared_db = tmp_path / f"shared{attempt}.duckdb"
        _run_two_at_once(samples, shared_db)
        assert duplicate_keys(shared_db) == []
        assert snapshot(shared_db) == snapshot(single_db)
        runs = rows(shared_db, "SELECT status, articles_new + articles_changed + articles_unchanged, started_at, "
                               "finished_at FROM runs")
        assert len(runs) == 2 and all(s == "completed" and n == articles for s, n, *_ in runs), runs
        met.append(runs)
        if max(r[2] for r in runs) < min(r[3] for r in runs):
            break  # they really ran at once: each started before the other finished
    else:
        pytest.fail(f"in {ATTEMPTS} tries two runs never ran at once: {met}")


def test_a_held_file_makes_connect_wait_then_fail_clearly(tmp_path: Path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(DatabaseBusy, match="held by another process"):
            connect(db, wait_seconds=1.5)
        assert 1.5 <= time.monotonic() - started < 10  # it waited, with back-off, then gave up
    finally:
        holder.kill()
        holder.wait()
    connect(db, read_only=True).close()  # free again once the holder is gone
