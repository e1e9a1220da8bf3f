"""NLP on a real Dask cluster (two worker processes) through prefect-dask: the same rows as in-process.

The Prefect task engine runs inside the Dask workers; they get the flow's settings (the harness's API URL)
with each task from prefect-dask, so no worker starts a temporary server of its own.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from eventwire.flows import extract_events as flow_module
from eventwire.flows.runners import run

from .dbutil import duplicate_keys, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_dask_cluster_run_equals_in_process_run(samples: Path, tmp_path: Path):
    from distributed import Client, LocalCluster

    def model_loaded() -> bool:  # runs on each worker (a local function travels by value)
        nlp = sys.modules.get("eventwire.transform.nlp")
        return nlp is not None and nlp.get_nlp.cache_info().currsize == 1

    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    run([str(samples)], str(local_db), workers=1)
    # As under the CLI: a progress hook holding a lock (Rich's bar does) must not travel to the workers.
    lock = threading.RLock()
    seen: list[int] = []

    def hook(n_seen: int, done: int) -> None:
        with lock:
            seen.append(done)

    flow_module.set_progress(hook)
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            summary = run([str(samples)], str(dask_db), dask_address=cluster.scheduler_address, batch_size=2)
            with Client(cluster) as client:
                # The extract tasks ran on the workers: their processes hold the loaded model.
                loaded = client.run(model_loaded)
    finally:
        flow_module.set_progress(None)
    assert seen and seen[-1] == 5
    assert summary.articles_new == 5 and summary.nlp_seconds > 0
    assert any(loaded.values()), loaded
    assert duplicate_keys(dask_db) == []
    assert snapshot(dask_db) == snapshot(local_db)
