"""Shared helpers for the speed benchmarks: a corpus slice, word counts, and timing a process tree's run.

Peak memory is sampled over the whole process tree (the CLI, its NLP worker processes and Prefect's
temporary server), because `getrusage(RUSAGE_CHILDREN)` reports only the largest single child.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
ALJAZEERA = ROOT.parent / "shared" / "corpus" / "aljazeera" / "articles.jsonl"
FIELDS = ["--field", "text=body", "--field", "published=date"]


def corpus_slice(src: Path, n: int, dest: Path) -> list[dict]:
    """The first `n` records of a JSONL corpus, written to `dest`; returns them."""
    records: list[dict] = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            if len(records) >= n:
                break
            if line.strip():
                records.append(json.loads(line))
    dest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def word_count(texts: list[str]) -> int:
    """Words as white-space separated pieces: the same count divides both timings."""
    return sum(len(t.split()) for t in texts)


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measured(cmd: list[str], env: dict[str, str] | None = None, interval: float = 0.2) -> Measured:
    """Run `cmd`, returning wall seconds and the peak summed RSS of its process tree."""
    full_env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **(env or {})}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        ps = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                peak = max(peak, _tree_rss(ps))
            except psutil.Error:
                break
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return Measured(seconds, peak / 2**20, proc.returncode, output)


def eventwire_cmd() -> list[str]:
    """The installed console script beside this Python (the venv's), else `python -m eventwire`."""
    script = Path(sys.executable).with_name("eventwire")
    return [str(script)] if script.exists() else [sys.executable, "-m", "eventwire"]


def run_row(db: Path) -> dict:
    """The last run's row of the `runs` table (its own timings, without process start-up)."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute("SELECT * FROM runs ORDER BY started_at DESC LIMIT 1")
        names = [d[0] for d in cur.description]
        return dict(zip(names, cur.fetchone()))
