"""`eventwire serve` for real: a Prefect server on 127.0.0.1, the flow served on a short interval against a
folder, an article added between runs. The next scheduled run must load it, and no run may duplicate rows."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from eventwire.load.db import connect

from .dbutil import duplicate_keys

BIN = Path(sys.executable).parent
ARTICLE_A = "Harbour Shelling\n\nAt least 14 people were killed when shells hit the harbour, the mayor said on Monday.\n"
ARTICLE_B = "Dam Breach\n\nThree people were killed when the dam broke, police said. \"We are searching for more,\" said Ana Ruiz.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """Terminate a process group we started (SIGTERM, then SIGKILL)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


def _wait_for(what: str, check: Callable[[], bool], timeout: float, procs: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        for p in procs:
            assert p.poll() is None, f"{p.args[:2]} exited with {p.returncode} while waiting for {what}"
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture()
def prefect_server(tmp_path: Path) -> Iterator[tuple[dict[str, str], subprocess.Popen]]:
    """A real Prefect server in its own home under tmp_path; yields the env that points at it."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        try:
            return httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        _wait_for("the Prefect server's /api/health", healthy, 90, [server])
        yield {**env, "PREFECT_API_URL": api}, server
    finally:
        _stop(server)
        log.close()


def _query(db: Path, sql: str) -> list[tuple] | None:
    """Rows from a read-only open, or None while the file is missing (the flow holds it only briefly)."""
    if not db.exists():
        return None
    with connect(db, read_only=True, wait_seconds=30) as con:
        return con.execute(sql).fetchall()


def test_served_flow_picks_up_a_new_article_on_the_next_run_without_duplicates(prefect_server, tmp_path: Path):
    env, server = prefect_server
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2024-03-12_harbour.txt").write_text(ARTICLE_A, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    log = (tmp_path / "serve.log").open("w")
    served = subprocess.Popen(
        [str(BIN / "eventwire"), "serve", str(folder), "--interval", "5", "--db", str(db), "--workers", "1"],
        env={**env, "PREFECT_RUNNER_POLL_FREQUENCY": "2"}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True, cwd=tmp_path,
    )
    procs = [server, served]

    def completed_runs() -> int:
        got = _query(db, "SELECT count(*) FROM runs WHERE status = 'completed'")
        return got[0][0] if got else 0

    try:
        _wait_for("the first scheduled run", lambda: completed_runs() >= 1, 60, procs)
        assert _query(db, "SELECT count(*) FROM articles") == [(1,)]

        (folder / "2024-03-13_dam.txt").write_text(ARTICLE_B, encoding="utf-8")
        before = completed_runs()
        _wait_for("a run that loads the new article", lambda: _query(db, "SELECT count(*) FROM articles") == [(2,)], 45, procs)
        # One more run after that: it must find both unchanged and add nothing.
        _wait_for("the run after", lambda: completed_runs() >= before + 2, 45, procs)
    finally:
        _stop(served)
        log.close()
        if served.returncode not in (None, 0, -signal.SIGTERM, 128 + signal.SIGTERM, 1):
            print((tmp_path / "serve.log").read_text()[-3000:])

    assert duplicate_keys(db) == []
    runs = _query(db, "SELECT articles_new, articles_changed, articles_unchanged, status FROM runs ORDER BY started_at")
    assert all(status == "completed" for *_, status in runs), runs
    assert sum(new for new, *_ in runs) == 2  # each article loaded once, by the run after it appeared
    assert runs[-1][:3] == (0, 0, 2)
    kinds = _query(db, "SELECT a.title, count(*) FROM events e JOIN articles a USING (article_id) "
                       "WHERE e.event_type = 'casualty' GROUP BY 1 ORDER BY 1")
    assert [title for title, _ in kinds] == ["Dam Breach", "Harbour Shelling"]
