"""Paths and files a user gets wrong: one line saying what is wrong and what to do, exit status 2, no traceback,
and nothing written. Each case runs the real `eventwire` command (a subprocess), against the test session's
Prefect API. Before, each of these printed a traceback (and a path containing "lock" waited 120 s first)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eventwire.load.db import (
    DatabaseBusy,
    DatabaseUnusable,
    _is_lock_error,
    connect,
    session,
)

from .cliutil import ROOT, cli_command, cli_env

pytestmark = pytest.mark.usefixtures("prefect_harness")

ARTICLE = "Harbour Shelling\n\nAt least 14 people were killed when shells hit the harbour, the mayor said on Monday.\n"


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and modification time: equal before and after = nothing written."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def eventwire(*args: str | bytes, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command; arguments may be bytes (file names that are not UTF-8)."""
    return subprocess.run([*map(os.fsencode, cli_command()), *map(os.fsencode, args)], capture_output=True,
                          env=cli_env(), cwd=cwd, timeout=timeout)


def one_line(result: subprocess.CompletedProcess, command: str) -> str:
    """The single line the command printed to stderr, after checking the status and that there is no traceback."""
    out, err = result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")
    assert result.returncode == 2, out + err
    assert "Traceback" not in out + err, err[-3000:]
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"eventwire {command}: "), err
    return lines[0]


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "text.duckdb").write_text("this is a text file, not a database\n", encoding="utf-8")
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "x.duckdb").write_text("not a database either\n", encoding="utf-8")
    with session(tmp_path / "real.duckdb"):  # an empty eventwire database
        pass
    data = (tmp_path / "real.duckdb").read_bytes()
    (tmp_path / "truncated.duckdb").write_bytes(data[:16384])
    return tmp_path


@pytest.mark.parametrize("db, expected", [
    ("a-file/events.duckdb", "a part of its path is a file"),
    ("text.duckdb", "is not a DuckDB database"),
    ("truncated.duckdb", "may be truncated or damaged"),
    ("blocked/x.duckdb", "is not a DuckDB database"),  # "lock" in the path: no 120 s wait, no "held by another"
    (".", "is a folder, not a database file"),
])
def test_run_with_a_database_path_it_cannot_use(work: Path, db: str, expected: str):
    before = listing(work)
    started = time.monotonic()
    line = one_line(eventwire("run", "article.txt", "--db", db, "--workers", "1", cwd=work), "run")
    assert expected in line and "--db" in line  # what to do
    assert "held by another process" not in line
    assert time.monotonic() - started < 60  # the lock wait is 120 s
    assert listing(work) == before


def test_a_folder_that_cannot_be_written(work: Path):
    """Root may write into a read-only folder; an immutable one (chattr +i) stops it too."""
    folder = work / "locked-up"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = lambda: folder.chmod(0o755)  # noqa: E731
    else:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("running as root, which writes into read-only folders, and chattr +i is not available here; "
                        "the message is also checked through DuckDB's own refusal in the next test")
        undo = lambda: subprocess.run([chattr, "-i", str(folder)], check=True)  # noqa: E731
    try:
        line = one_line(eventwire("run", "article.txt", "--db", "locked-up/events.duckdb", "--workers", "1", cwd=work), "run")
        assert "cannot write" in line and "no permission" in line and "--db" in line
        assert list(folder.iterdir()) == []
    finally:
        undo()


def test_duckdb_refusing_to_create_the_file_is_one_line_too():
    """/sys takes no new files, whoever asks (root included): DuckDB's own "Permission denied"."""
    if not Path("/sys/kernel").is_dir():
        pytest.skip("no /sys here")
    with pytest.raises(DatabaseUnusable, match="cannot write .*(Permission denied|no permission).*give --db a path"):
        connect("/sys/kernel/eventwire-test.duckdb", wait_seconds=1)


def test_a_path_with_lock_in_it_is_not_a_lock_error_but_a_real_lock_still_is(tmp_path: Path):
    text = tmp_path / "blocked" / "not-a-db.duckdb"
    text.parent.mkdir()
    text.write_text("text\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(DatabaseUnusable, match="is not a DuckDB database"):
        connect(text, wait_seconds=30)
    assert time.monotonic() - started < 10
    held = tmp_path / "lock" / "held.duckdb"  # "lock" in the path, and really held by another process
    held.parent.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(held)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseBusy, match="held by another process") as caught:
            connect(held, wait_seconds=1)
        assert _is_lock_error(caught.value.__cause__, held)
    finally:
        holder.kill()
        holder.wait()


def test_export_into_a_file(work: Path):
    before = listing(work)
    line = one_line(eventwire("export", "a-file", "--db", "real.duckdb", cwd=work), "export")
    assert "a-file is a file, not a folder" in line
    assert listing(work) == before


def test_export_and_dashboard_of_a_text_file_named_duckdb(work: Path):
    before = listing(work)
    assert "is not a DuckDB database" in one_line(eventwire("export", "out", "--db", "text.duckdb", cwd=work), "export")
    assert "is not a DuckDB database" in one_line(eventwire("dashboard", "--db", "text.duckdb", "--port", "1", cwd=work),
                                                  "dashboard")
    assert listing(work) == before and not (work / "out").exists()


def test_names_that_are_not_utf8(work: Path):
    """Prefect sends the flow's parameters as UTF-8 JSON: a SOURCE or --db whose name is not UTF-8 is refused
    before anything starts (files with such names inside a folder are read: tests/test_bad_input.py)."""
    latin1 = os.fsencode(work) + b"/caf\xe9.txt"
    with open(latin1, "wb") as fh:
        fh.write(ARTICLE.encode())
    before = listing(work)
    line = one_line(eventwire("run", latin1, "--db", "new.duckdb", "--workers", "1", cwd=work), "run")
    assert "caf\\xe9.txt is not UTF-8" in line and "rename it" in line
    line = one_line(eventwire("run", "article.txt", "--db", b"caf\xe9.duckdb", "--workers", "1", cwd=work), "run")
    assert "--db caf\\xe9.duckdb is not UTF-8" in line
    assert listing(work) == before
