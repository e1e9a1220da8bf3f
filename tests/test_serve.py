"""`eventwire serve` for real: a Prefect server on 127.0.0.1, the flow served on a short interval against a
folder, an article added between runs. The next scheduled run must load it, and no run may duplicate rows."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from eventwire.load.db import connect

from .dbutil import duplicate_keys
from .prefectserver import BIN, stop, wait_for

ARTICLE_A = "Harbour Shelling\n\nAt least 14 people were killed when shells hit the harbour, the mayor said on Monday.\n"
ARTICLE_B = "Dam Breach\n\nThree people were killed when the dam broke, police said. \"We are searching for more,\" said Ana Ruiz.\n"


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
        wait_for("the first scheduled run", lambda: completed_runs() >= 1, 60, procs)
        assert _query(db, "SELECT count(*) FROM articles") == [(1,)]

        (folder / "2024-03-13_dam.txt").write_text(ARTICLE_B, encoding="utf-8")
        before = completed_runs()
        wait_for("a run that loads the new article", lambda: _query(db, "SELECT count(*) FROM articles") == [(2,)], 45, procs)
        # One more run after that: it must find both unchanged and add nothing.
        wait_for("the run after", lambda: completed_runs() >= before + 2, 45, procs)
    finally:
        stop(served)
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
