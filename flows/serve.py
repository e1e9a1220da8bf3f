"""Scheduled runs: `extract_events` served on a cron or interval schedule by Prefect's runner (what `Flow.serve`
does, with SIGTERM handled like Ctrl-C: the run in progress is cancelled and its processes stop).

Prefect schedules only against a real API server (its temporary server refuses: "Cannot schedule flows on
an ephemeral server"), so `serve` checks that PREFECT_API_URL is set and says how to get one if not.
Each scheduled run executes `scheduled_extract` in a fresh subprocess (Prefect's runner does that), which
calls `flows/run.run` with the options, so a scheduled run is the same run `eventwire run` does: unchanged articles cost a hash, new and changed ones are extracted.
At most one run at a time (`limit=1`): a slow run delays the next one instead of racing it for the file.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
import signal
import time
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.types.entrypoint import EntrypointType

from ..errors import UserError
from ..options import RunOptions
from .interrupt import Interrupted, ignoring_signals
from .run import check_paths, run

_D = RunOptions()  # the defaults, declared once there

DEPLOYMENT_NAME = "eventwire"


class NoPrefectServer(UserError):
    """Scheduling was asked for without a Prefect API server to keep the schedule."""


@flow(name="extract-events-scheduled")
def scheduled_extract(
    sources: list[str],
    db_path: str = _D.db_path,
    published: str | None = None,
    fields: dict[str, str] | None = None,
    workers: int = _D.workers,
    dask: bool = _D.dask,
    dask_address: str | None = _D.dask_address,
    batch_size: int = _D.batch_size,
    feed_timeout: float = _D.feed_timeout,
) -> dict[str, float | int]:
    """One scheduled run of `extract_events` (a subflow) with these options; returns its counts.

    Parameters are RunOptions' fields as plain JSON types (`published` is YYYY-MM-DD), the deployment's
    interface (prefect.yaml): the runner validates them in a fresh subprocess, where annotations naming
    imported types do not resolve.
    """
    options = RunOptions(db_path=db_path, published=date.fromisoformat(published) if published else None,
                         fields=fields, workers=workers, dask=dask, dask_address=dask_address,
                         batch_size=batch_size, feed_timeout=feed_timeout)
    return run(sources, options).counts()


def api_url() -> str | None:
    """The Prefect API this process talks to, if one is configured (env or profile)."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def _absolute(source: str) -> str:
    """Paths made absolute so a scheduled run finds them whatever its working directory; URLs as given."""
    return source if "://" in source else str(Path(source).resolve())


def parameters(sources: list[str], options: RunOptions) -> dict[str, Any]:
    """The deployment's parameters: `scheduled_extract`'s, JSON-friendly, paths absolute (and UTF-8: `check_paths`)."""
    check_paths(sources, options)
    params = dataclasses.asdict(options)
    params.update(sources=[_absolute(s) for s in sources], db_path=str(Path(options.db_path).resolve()),
                  published=options.published.isoformat() if options.published else None)
    return params


def serve(params: dict[str, Any], cron: str | None = None, interval: float | None = None,
          name: str = DEPLOYMENT_NAME) -> None:
    """Serve `scheduled_extract` with `params` on `cron` or every `interval` seconds, until interrupted."""
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of cron and interval")
    if not api_url():
        raise NoPrefectServer(
            "scheduled runs need a Prefect server: start one with `prefect server start` and point this shell "
            "at it, e.g. `export PREFECT_API_URL=http://127.0.0.1:4200/api` (Prefect's temporary server "
            "cannot keep schedules)"
        )
    from prefect.runner import Runner

    class _Runner(Runner):
        """Prefect's runner, stopped the same way by SIGTERM and Ctrl-C: `astop` (it cancels the run in progress,
        whose process then stops its workers). Prefect 3.8's own SIGTERM handler calls `stop`, which only makes a
        coroutine it never awaits, prints tracebacks and exits 0 once the run in progress has finished."""

        stopped_by: int | None = None

        def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
            self.request_stop(signal.SIGTERM)

        def request_stop(self, signum: int) -> None:
            if self.stopped_by is None:
                self.stopped_by = signum
                loop = asyncio.get_running_loop()
                loop.call_soon_threadsafe(lambda: setattr(self, "_stopping_task", loop.create_task(self.astop())))

    # What `Flow.serve` does, with the runner above: one deployment, at most one run at a time.
    runner = _Runner(name=name, pause_on_shutdown=True, limit=1)
    runner.add_flow(scheduled_extract, name=name, cron=cron, interval=interval, parameters=params,
                    description="eventwire: extract events from the configured sources on a schedule",
                    entrypoint_type=EntrypointType.MODULE_PATH)

    async def serve_until_stopped() -> None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, runner.request_stop, signal.SIGINT)
        await runner.start()

    schedule = f"cron {cron!r}" if cron else f"every {interval:g} s"
    print(f"eventwire: serving deployment 'extract-events-scheduled/{name}' ({schedule}); Ctrl-C stops", flush=True)
    try:
        asyncio.run(serve_until_stopped())
    finally:
        with ignoring_signals():  # the shutdown is bounded; a second Ctrl-C must not leave a run behind
            stop_scheduled_runs()
    if runner.stopped_by is not None:
        raise Interrupted(runner.stopped_by)


def stop_scheduled_runs(timeout: float = 60.0) -> None:
    """Stop the runs in progress: the runner runs each in a child process (multiprocessing), which SIGTERM makes
    stop its NLP workers and record its run as `interrupted` (flows/interrupt.py); killed if it takes longer
    than `timeout` seconds."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + timeout
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join(5)
