"""Where the NLP runs: in-process, in a pool of worker processes, or on a Dask cluster.

The model loads once per run locally: the pool's fork server runs `warm_up` (see `worker_preload`) and the
workers fork from it with the model loaded; on Dask the first task on a worker loads it (`get_nlp` is
cached per process). Locally, Prefect's tasks run in threads of this
process and hand their batch to the pool: only articles go out and small records come back, and the
Prefect engine (and its API server) stays in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

_pool: ProcessPoolExecutor | None = None


def current_pool() -> ProcessPoolExecutor | None:
    """The worker pool of the run in progress, if it runs with more than one worker."""
    return _pool


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `workers` processes, or None for 1. They fork from a fresh fork server (no lock or thread of
    this process leaks into them) that has loaded the model and warmed the extractors once for all."""
    global _pool
    if workers <= 1:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.worker_preload"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up)
    # Start the workers now, so the model loads while Prefect starts up; from a thread, because starting one
    # waits until the fork server has loaded the model.
    threading.Thread(target=lambda: [pool.submit(int) for _ in range(workers)], daemon=True).start()
    _pool = pool
    try:
        yield pool
    finally:
        _pool = None
        pool.shutdown(wait=True, cancel_futures=True)


def warm_up() -> None:
    """Make a process ready for batches: the spaCy model, and what the extractors load on first use (the
    gazetteer, dateparser's tables), by extracting from one short article. About 2.5 s, spent in the fork
    server while Prefect's server boots; each worker runs it again as it starts, at no cost when it forked
    with all that loaded (and as the fallback if the fork server could not preload)."""
    from datetime import date

    from ..extract.articles import Article
    from ..transform.pipeline import analyse_batch

    text = "Officials in Kyiv said on Monday that 3 people were killed. \"We are safe,\" the mayor told reporters."
    analyse_batch([Article("warm-up", "warm-up", "warm-up", None, None, date(2024, 5, 7), text, "warm-up")])


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
    progress: Callable[[int, int], None] | None = None,
) -> Any:
    """Run `extract_events` with the task runner these options ask for; returns its RunSummary.

    Start-up is overlapped: the NLP workers begin loading the model and Prefect's temporary server (when no
    API is configured) begins booting before the rest is imported; the flow starts once the server answers.
    `progress` is called with (articles seen, articles extracted) after each batch.
    """
    from .api_server import api_of, temporary_server

    with worker_pool(0 if (dask or dask_address) else workers), temporary_server() as server:
        from .extract_events import BATCH_SIZE, DEFAULT_DB, extract_events, set_progress

        flow = extract_events.with_options(task_runner=task_runner(workers, dask, dask_address))
        set_progress(progress)
        try:
            with api_of(server):  # Dask workers receive this API in the flow's settings, so none starts its own
                return flow(
                    sources=sources,
                    db_path=db_path or DEFAULT_DB,
                    published=published,
                    fields=fields,
                    batch_size=batch_size or BATCH_SIZE,
                    in_flight=max(1, workers),
                    feed_timeout=feed_timeout,
                )
        finally:
            set_progress(None)
