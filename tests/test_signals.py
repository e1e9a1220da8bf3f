"""Ctrl-C and SIGTERM: a real `eventwire run` (and `eventwire serve`) stopped halfway leaves no process behind, and
a re-run leaves exactly one clean run's rows.

Before flows/interrupt.py, SIGTERM ended the CLI at once (exit 143) and its children stayed up under PID 1:
Prefect's temporary server, the fork server and the NLP workers (about 2.3 GB). The `eventwire run` child here
runs without PREFECT_API_URL, so the temporary server is one of its children too; every descendant is recorded
while the run goes, and each must be gone once the command has exited. The articles are invented here.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path

import psutil
import pytest
from eventwire.flows.run import run

from eventwire.options import RunOptions

from .cliutil import ROOT, cli_command, cli_env
from .dbutil import duplicate_keys, rows, snapshot
from .prefectserver import BIN, stop

N_ARTICLES = 24
BATCH = 2
TOWNS = ["Kharkiv", "Odesa", "Sumy", "Lviv", "Dnipro", "Poltava", "Kherson", "Mykolaiv", "Chernihiv", "Zaporizhzhia"]
PEOPLE = ["Anna Kovalenko", "Petro Bondar", "Iryna Shevchuk", "Mykola Tkachenko", "Olena Moroz", "Taras Lysenko"]


def write_articles(folder: Path, n: int = N_ARTICLES) -> Path:
    """`n` invented text files, a few paragraphs each, every paragraph unique."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        town, person = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)]
        paras = [f"Shelling Hits {town} District ({i})"]
        for j in range(3):
            paras.append(f"Shelling struck district {j} of {town} on Monday, killing {i % 9 + j + 2} people and "
                         f"wounding {i + j + 10} others, officials said in report {i}-{j}. \u201cWe counted {i + j + 3} "
                         f"craters near school {i * 13 + j},\u201d said {person}, who has led the district council "
                         f"since {1990 + j}.")
        (folder / f"2024-04-{i % 28 + 1:02d}_article-{i:03d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return folder


class Watched:
    """A child process: its merged output read line by line, and every descendant it ever had recorded."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path = ROOT) -> None:
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                                     cwd=cwd, start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.output: list[str] = []
        self.descendants: dict[int, psutil.Process] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def record_descendants(self) -> None:
        try:
            for child in psutil.Process(self.proc.pid).children(recursive=True):
                self.descendants.setdefault(child.pid, child)
        except psutil.Error:
            pass

    def wait_for_lines(self, predicate, count: int, timeout: float = 300) -> None:
        """Read output until `count` lines satisfy `predicate`, recording descendants meanwhile."""
        deadline, seen = time.monotonic() + timeout, 0
        while seen < count:
            self.record_descendants()
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert time.monotonic() < deadline, "timed out:\n" + "".join(self.output)[-4000:]
                continue
            assert line is not None, "the child ended first:\n" + "".join(self.output)[-4000:]
            self.output.append(line)
            seen += bool(predicate(line))

    def finish(self, timeout: float = 120) -> str:
        """Wait for the child to exit; the rest of its output."""
        self.proc.wait(timeout=timeout)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                break
            if line is None:
                break
            self.output.append(line)
        return "".join(self.output)

    def survivors(self, timeout: float = 60) -> list[str]:
        """Descendants still running after up to `timeout` s (the fork server takes a moment to exit after its
        parent; on a loaded 2-core machine up to a few seconds)."""
        def alive() -> list[psutil.Process]:
            out = []
            for p in self.descendants.values():
                try:
                    if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                        out.append(p)
                except psutil.NoSuchProcess:
                    pass
            return out
        deadline = time.monotonic() + timeout
        while alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        left = alive()
        described = []
        for p in left:
            try:
                described.append(f"{p.pid}: {' '.join(p.cmdline())[:120]}")
                p.kill()  # do not leave them to the next test
            except psutil.Error:
                pass
        return described


def _load_completed(line: str) -> bool:
    return "Task run 'load-" in line and "Completed" in line


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("signals") / "articles")


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory, prefect_harness) -> dict:
    """One uninterrupted run's rows."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    run([str(corpus)], RunOptions(db_path=str(db), workers=1, batch_size=BATCH))
    return snapshot(db)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_mid_run_stops_every_child_and_a_rerun_finishes_the_job(corpus: Path, clean: dict, tmp_path: Path,
                                                                           signum: int):
    db = tmp_path / "events.duckdb"
    args = ["run", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", str(BATCH)]
    # No PREFECT_API_URL: the run starts Prefect's temporary server itself, as a user's first run does.
    env = {k: v for k, v in cli_env().items() if k != "PREFECT_API_URL"}
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"  # a loaded machine
    child = Watched(cli_command(*args), env)
    try:
        child.wait_for_lines(_load_completed, count=2)
        child.record_descendants()
        kinds = [" ".join(p.cmdline()) for p in child.descendants.values() if p.is_running()]
        assert any("uvicorn" in k for k in kinds), kinds  # the temporary server
        assert sum("forkserver" in k for k in kinds) >= 3, kinds  # the fork server and both workers
        os.kill(child.proc.pid, signum)
        output = child.finish()
    finally:
        if child.proc.poll() is None:
            os.killpg(child.proc.pid, signal.SIGKILL)
    assert child.proc.returncode == 128 + signum, output[-3000:]
    assert f"stopped by {signal.Signals(signum).name}" in output
    assert "Traceback" not in output, output[-3000:]
    assert child.survivors() == []

    loaded = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 0 < loaded < N_ARTICLES
    assert duplicate_keys(db) == []
    assert rows(db, "SELECT status, finished_at IS NOT NULL, articles_new FROM runs") == [("interrupted", True, loaded)]

    run([str(corpus)], RunOptions(db_path=str(db), workers=1, batch_size=BATCH))  # the next run finishes the job
    assert snapshot(db) == clean
    assert duplicate_keys(db) == []
    assert rows(db, "SELECT status, articles_new, articles_unchanged FROM runs ORDER BY started_at") == [
        ("interrupted", loaded, 0), ("completed", N_ARTICLES - loaded, loaded)]


def test_sigterm_stops_serve_and_the_scheduled_run_in_progress(prefect_server, tmp_path: Path):
    env, server = prefect_server
    folder = write_articles(tmp_path / "in", 30)
    db = tmp_path / "events.duckdb"
    child = Watched([str(BIN / "eventwire"), "serve", str(folder), "--interval", "5", "--db", str(db),
                     "--workers", "2", "--batch-size", str(BATCH)],
                    {**env, "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PREFECT_LOGGING_LEVEL": "INFO"}, cwd=tmp_path)
    try:
        child.wait_for_lines(_load_completed, count=1, timeout=240)
        child.record_descendants()
        kinds = [" ".join(p.cmdline()) for p in child.descendants.values() if p.is_running()]
        assert sum("forkserver" in k for k in kinds) >= 3, kinds  # the scheduled run's fork server and workers
        os.kill(child.proc.pid, signal.SIGTERM)
        output = child.finish()
    finally:
        if child.proc.poll() is None:
            stop(child.proc)
    assert child.proc.returncode == 128 + signal.SIGTERM, output[-3000:]
    assert "stopped by SIGTERM" in output
    assert "Traceback" not in output, output[-3000:]
    assert child.survivors() == []
    assert rows(db, "SELECT status FROM runs") == [("interrupted",)]
    assert duplicate_keys(db) == []


def test_a_signal_during_a_query_leaves_as_the_signal_not_as_duckdbs_error():
    """A batch's write stopped by a signal: the task must see the signal (Prefect reports it in one line), not
    DuckDB's RuntimeError("Query interrupted") (reported as a failed task, with a traceback)."""
    import duckdb
    from eventwire.flows.interrupt import Interrupted, signals_raised_as_such

    def interrupt(signum, frame):
        raise Interrupted(signal.SIGTERM)

    long_query = "SELECT count(*) FROM range(10000000000) a WHERE a.range % 7 = 3"
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        con = duckdb.connect()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Exception) as bare:  # what DuckDB itself raises
            con.execute(long_query)
        assert not isinstance(bare.value, Interrupted)
        assert "interrupted" in str(bare.value).lower()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Interrupted), signals_raised_as_such():
            con.execute(long_query)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_signal_duckdb_renders_as_its_own_error_is_still_the_signal():
    """Seen once in the suite: SIGTERM landing while `known_articles` fetched came back as DuckDB's
    `Error("TerminationSignal: <EMPTY MESSAGE> At: ...")`, which the flow re-raised as an error (Prefect printed a
    traceback). It stands for the signal now; any other DuckDB error stays an error."""
    import duckdb
    from eventwire.flows.interrupt import Interrupted, signal_exception

    stop = signal_exception(duckdb.Error("TerminationSignal: <EMPTY MESSAGE>\n\nAt:\n  load/incremental.py(33)"))
    assert type(stop).__name__ == "TerminationSignal" and stop.signal == signal.SIGTERM
    stop = signal_exception(duckdb.Error("Interrupted: stopped by SIGINT\n\nAt:\n  x"))
    assert isinstance(stop, Interrupted) and stop.signum == signal.SIGINT
    assert signal_exception(duckdb.Error("Catalog Error: Table with name x does not exist!")) is None
    assert signal_exception(ValueError("TerminationSignal")) is None  # only DuckDB's rendering counts
    try:  # a signal raised while another error was being handled leaves through __context__
        try:
            raise Interrupted(signal.SIGTERM)
        except Interrupted:
            raise RuntimeError("closing the connection failed")  # noqa: B904
    except RuntimeError as exc:
        assert isinstance(signal_exception(exc), Interrupted)
