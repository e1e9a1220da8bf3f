"""Where the NLP runs: in-process, in a pool of worker processes, or on a Dask cluster.

The model loads once per worker: `warm_up` runs as each pool process starts, and on Dask the first task
on a worker loads it (`get_nlp` is cached per process). Locally, Prefect's tasks run in threads of this
process and hand their batch to the pool: only articles go out and small records come back, and the
Prefect engine (and its API server) stays in one process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

_pool: ProcessPoolExecutor | None = None


def current_pool() -> ProcessPoolExecutor | None:
    """The worker pool of the run in progress, if it runs with more than one worker."""
    return _pool


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `workers` processes (spawned, so no lock of this process leaks into them), or None for 1."""
    global _pool
    if workers <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up)
    for _ in range(workers):  # start the workers now, so their model loads overlap Prefect's start-up
        pool.submit(int)
    _pool = pool
    try:
        yield pool
    finally:
        _pool = None
        pool.shutdown(wait=True, cancel_futures=True)


def warm_up() -> None:
    """Load the spaCy model in a fresh worker process, before its first batch."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from ..transform.nlp import get_nlp

    get_nlp()


@contextmanager
def api_for_workers(remote: bool) -> Iterator[None]:
    """Make sure Dask workers can reach this run's Prefect API.

    Tasks on a Dask worker run Prefect's task engine there, with the settings the flow's context carries.
    With no PREFECT_API_URL, Prefect would start a temporary server per process, and a worker's times out
    ("Timed out while attempting to connect to ephemeral Prefect API server"). So start the temporary
    server here (the one Prefect would start anyway; stopped at exit) and name it in the settings the
    workers receive. It listens on 127.0.0.1: a cluster on other machines needs PREFECT_API_URL set to a
    server they can reach.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if not remote or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def default_workers() -> int:
    return os.cpu_count() or 1


def task_runner(workers: int = 1, dask: bool = False, dask_address: str | None = None) -> Any:
    """A task runner for `workers` parallel batches (Dask when asked for)."""
    if dask or dask_address:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=max(1, workers))


def run(
    sources: list[str],
    db_path: str | None = None,
    *,
    published: Any = None,
    fields: dict[str, str] | None = None,
    workers: int = 1,
    dask: bool = False,
    dask_address: str | None = None,
    batch_size: int | None = None,
    feed_timeout: float = 10.0,
) -> Any:
    """Run `extract_events` with the task runner these options ask for; returns its RunSummary."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from .extract_events import BATCH_SIZE, DEFAULT_DB, extract_events

    flow = extract_events.with_options(task_runner=task_runner(workers, dask, dask_address))
    with api_for_workers(bool(dask or dask_address)), worker_pool(0 if (dask or dask_address) else workers):
        return flow(
            sources=sources,
            db_path=db_path or DEFAULT_DB,
            published=published,
            fields=fields,
            batch_size=batch_size or BATCH_SIZE,
            in_flight=max(1, workers),
            feed_timeout=feed_timeout,
        )
