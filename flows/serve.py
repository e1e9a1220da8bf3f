"""Scheduled runs: `extract_events` served on a cron or interval schedule by Prefect (`Flow.serve`).

Prefect schedules only against a real API server (its temporary server refuses: "Cannot schedule flows on
an ephemeral server"), so `serve` checks that PREFECT_API_URL is set and says how to get one if not.
Each scheduled run executes `scheduled_extract` in a fresh subprocess (Prefect's runner does that), which
calls `flows/run.run` with the options, so a scheduled run is the same run `eventwire run` does: unchanged articles cost a hash, new and changed ones are extracted.
At most one run at a time (`limit=1`): a slow run delays the next one instead of racing it for the file.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.types.entrypoint import EntrypointType

from ..errors import UserError
from ..options import RunOptions
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
    scheduled_extract.serve(
        name=name,
        cron=cron,
        interval=interval,
        parameters=params,
        limit=1,
        description="eventwire: extract events from the configured sources on a schedule",
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
