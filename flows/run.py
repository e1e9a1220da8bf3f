"""The one way to run the pipeline: `run(sources, options, progress)`. The CLI, scheduled runs, `eventwire eval`
and the tests all come through here.

It checks the database first (upgraded to this eventwire's schema, or refused with one clear error before
anything starts), then sets up, in this order so that start-up overlaps, what the flow needs and the flow does not own: the NLP worker pool (started first, so the model
loads while Prefect starts), Prefect's temporary API server when no API is configured, the task runner the
options ask for, and quiet logs for expected feed failures; then it runs `extract_events` and returns its
`RunSummary`. Paths Prefect cannot send (names that are not UTF-8) are refused first (`check_paths`).

Ctrl-C and SIGTERM stop all of it (`interrupt.stop_on_signals`): the flow records the run as `interrupted` and
stops the workers, the context managers below stop the temporary server and the pool, and `Interrupted` (a
KeyboardInterrupt) leaves this function.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import UserError
from ..load.db import session
from ..options import RunOptions
from .api_server import api_of, temporary_server
from .interrupt import stop_on_signals
from .runners import task_runner, worker_pool

if TYPE_CHECKING:
    from .extract_events import ProgressHook
    from .summary import RunSummary


class _FeedFailureWithoutTraceback(logging.Filter):
    """A feed that fails is an expected outcome (retried, then a reject with its reason): Prefect's task log
    keeps its one-line message ("... FeedError('HTTP 500 from the feed server') - Retries are exhausted")
    but not a traceback on the console."""

    def filter(self, record: logging.LogRecord) -> bool:
        from ..extract.feeds import FeedError

        if record.exc_info and isinstance(record.exc_info[1], FeedError):
            record.exc_info, record.exc_text = None, None
        return True


def _quiet_feed_failures() -> None:
    logger = logging.getLogger("prefect.task_runs")
    if not any(isinstance(f, _FeedFailureWithoutTraceback) for f in logger.filters):
        logger.addFilter(_FeedFailureWithoutTraceback())


def check_paths(sources: Sequence[str], options: RunOptions) -> None:
    """Paths Prefect can send: it passes the flow's parameters as UTF-8 JSON, and a name with bytes that are not
    UTF-8 (kept by Python as lone surrogates) cannot be. `UserError` naming it, before anything starts."""
    for what, value in [*(("SOURCE", s) for s in sources), ("--db", options.db_path)]:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = os.fsencode(value).decode("utf-8", "backslashreplace")
            advice = ("rename it to UTF-8 (e.g. with convmv), or give the folder that holds it: files inside a "
                      "folder are read whatever their names" if what == "SOURCE" else "give --db a UTF-8 name")
            raise UserError(f"{what} {shown} is not UTF-8 text, which Prefect needs to pass it to the flow: {advice}") from None


def run(sources: Sequence[str], options: RunOptions = RunOptions(), progress: ProgressHook | None = None) -> RunSummary:
    """Run `extract_events` over `sources` with `options`; `progress` is called with (articles seen, articles
    analysed) after each batch. Returns the run's summary."""
    _quiet_feed_failures()
    check_paths(sources, options)
    with session(options.db_path):  # the database brought up to date, or refused, before anything starts
        pass
    with stop_on_signals(), worker_pool(0 if options.uses_dask else options.nlp_workers) as pool, \
            temporary_server() as server:
        from .extract_events import (  # Prefect imports while the workers load the model
            Runtime,
            extract_events,
        )

        flow = extract_events.with_options(task_runner=task_runner(options))
        with api_of(server):  # Dask workers receive this API in the flow's settings, so none starts its own
            return flow(sources=list(sources), options=options, runtime=Runtime(pool, progress))
