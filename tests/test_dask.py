"""NLP on a real Dask cluster (two worker processes) through prefect-dask: the same rows as in-process.

The Prefect task engine runs inside the Dask workers, with the settings the flow's context carries. Under
the test harness that names the harness's API; from the CLI with no PREFECT_API_URL, `runners.run` starts
the temporary server itself and names it, so no worker starts (and times out on) a server of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from eventwire.flows.run import run

from eventwire.options import RunOptions

from .conftest import SAMPLES
from .dbutil import duplicate_keys, snapshot

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(scope="module")
def cluster() -> Iterator:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_db(prefect_harness, tmp_path_factory) -> Path:
    """The samples run in-process, one worker: the rows every other way of running must equal."""
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    run([str(SAMPLES)], RunOptions(db_path=str(db), workers=1))
    return db


def test_dask_cluster_run_equals_in_process_run(cluster, local_db: Path, tmp_path: Path):
    from distributed import Client

    def model_loaded() -> bool:  # runs on each worker (a local function travels by value)
        nlp = sys.modules.get("eventwire.transform.nlp")
        return nlp is not None and nlp.get_nlp.cache_info().currsize == 1

    # As under the CLI: a progress hook holding a lock (Rich's bar does) must not travel to the workers.
    lock = threading.RLock()
    seen: list[int] = []

    def hook(n_seen: int, done: int) -> None:
        with lock:
            seen.append(done)

    dask_db = tmp_path / "dask.duckdb"
    summary = run([str(SAMPLES)], RunOptions(db_path=str(dask_db), dask_address=cluster.scheduler_address, batch_size=2), progress=hook)
    with Client(cluster) as client:
        loaded = client.run(model_loaded)  # the extract tasks ran on the workers: they hold the model
    assert seen and seen[-1] == 5
    assert summary.articles_new == 5 and summary.nlp_seconds > 0
    assert any(loaded.values()), loaded
    assert duplicate_keys(dask_db) == []
    assert snapshot(dask_db) == snapshot(local_db)


def test_cli_on_dask_without_a_prefect_api_url(cluster, local_db: Path, tmp_path: Path):
    dask_db = tmp_path / "dask.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    # A temporary server starts slowly on a busy machine (as the harness allows, 120 s, not Prefect's 20 s).
    env.update(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    done = subprocess.run([str(BIN / "eventwire"), "run", str(SAMPLES), "--db", str(dask_db), "--batch-size", "2",
                           "--dask-address", cluster.scheduler_address], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("Starting temporary server") == 1  # this process's, none on the workers
    assert duplicate_keys(dask_db) == []
    assert snapshot(dask_db) == snapshot(local_db)
