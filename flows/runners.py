"""Where the NLP runs: in-process, in a pool of worker processes, or on a Dask cluster.

The model loads once per run locally: the pool's fork server runs `warm_up` (see `worker_preload`) and the
workers fork from it with the model loaded; on Dask the first task on a worker loads it (`get_nlp` is
cached per process). Locally, Prefect's tasks run in threads of this process and hand their batch to the pool:
only articles go out and small records come back, and the Prefect engine (and its API server) stays in one
process.
"""

from __future__ import annotations

import multiprocessing
import threading
import weakref
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from ..options import RunOptions

_stopped: weakref.WeakSet[Executor] = weakref.WeakSet()  # pools stop_workers ended


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `workers` processes, or None for 1. They fork from a fresh fork server (no lock or thread of
    this process leaks into them) that has loaded the model and warmed the extractors once for all."""
    if workers <= 1:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.worker_preload"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up)
    # Start the workers now, so the model loads while Prefect starts up; from a thread, because starting one
    # waits until the fork server has loaded the model.
    threading.Thread(target=_start, args=(pool, workers), daemon=True).start()
    try:
        yield pool
    except BaseException:  # stopped (Ctrl-C, SIGTERM: flows/interrupt.py) or failed: do not wait for the batches
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(pool: ProcessPoolExecutor, workers: int) -> None:
    """Have the pool start its workers (a task each); quietly not, if the run stopped meanwhile."""
    try:
        for _ in range(workers):
            pool.submit(int)
    except (RuntimeError, BrokenProcessPool):  # shut down or stopped (stop_workers) while starting
        pass


def stop_workers(pool: Executor) -> None:
    """End the pool's workers now (SIGTERM, then SIGKILL after 5 s). With them gone, the fork server exits too:
    each worker holds the fork server's "alive" pipe open, which is why they all outlived a killed run."""
    _stopped.add(pool)
    processes = list(getattr(pool, "_processes", {}).values())  # the executor's own record of its workers
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


def was_stopped(pool: Executor) -> bool:
    """Whether `stop_workers` ended this pool (its batches' BrokenProcessPool is then expected, not a failure)."""
    return pool in _stopped


def warm_up() -> None:
    """Make a process ready for batches: the spaCy model, and what the extractors load on first use (the
    gazetteer, dateparser's tables), by analysing one short article. About 2.5 s, spent in the fork
    server while Prefect's server boots; each worker runs it again as it starts, at no cost when it forked
    with all that loaded (and as the fallback if the fork server could not preload)."""
    from datetime import date

    from ..extract.articles import Article
    from ..transform.pipeline import analyse_batch

    text = ("Officials in Kyiv said on Monday that 3 people were killed. \"We are safe,\" the mayor told reporters. "
            "The attack on 6 May killed two.")  # (a date for dateparser: it loads its tables on first use)
    analyse_batch([Article("warm-up", "warm-up", "warm-up", None, None, date(2024, 5, 7), text, "warm-up")])


def task_runner(options: RunOptions) -> Any:
    """The task runner for `options`: Dask when asked for, else threads (one per batch in flight) that hand
    their batch to the worker pool."""
    if options.uses_dask:
        from prefect_dask import DaskTaskRunner

        if options.dask_address:
            return DaskTaskRunner(address=options.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": options.nlp_workers, "threads_per_worker": 1, "processes": True})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=options.in_flight)
