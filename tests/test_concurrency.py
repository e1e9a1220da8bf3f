"""Two `eventwire run` processes at once on one DuckDB file: DuckDB allows one writer, so each run opens the
file only briefly (a batch's check, a batch's write) and waits while the other holds it. Nothing may be
duplicated or lost, the tables must equal a single run's, and a run that cannot get the file says why."""

from __future__ import annotations

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


def test_two_runs_at_once_equal_one_run(samples: Path, tmp_path: Path):
    shared_db = tmp_path / "shared.duckdb"
    first, second = _start(samples, shared_db), _start(samples, shared_db)
    outcomes = [p.communicate(timeout=240) for p in (first, second)]
    for proc, (_, err) in zip((first, second), outcomes):
        # Either run may wait for the other; a run that gives up must say that the file is held.
        assert proc.returncode == 0 or "held by another process" in err, err[-2000:]
    assert any(p.returncode == 0 for p in (first, second))

    single_db = tmp_path / "single.duckdb"
    single = _start(samples, single_db)
    _, err = single.communicate(timeout=240)
    assert single.returncode == 0, err[-2000:]

    assert duplicate_keys(shared_db) == []
    assert snapshot(shared_db) == snapshot(single_db)
    runs = rows(shared_db, "SELECT status, articles_new + articles_changed + articles_unchanged, started_at, finished_at FROM runs")
    assert len(runs) == 2 and all(s == "completed" and n == 5 for s, n, *_ in runs), runs
    # They really ran at once: each started before the other finished.
    assert max(r[2] for r in runs) < min(r[3] for r in runs), runs


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
