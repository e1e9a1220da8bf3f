"""Ctrl-C and SIGTERM stop a run and everything it started: the NLP workers and their fork server, Prefect's
temporary server. Nothing is left running.

Python's default SIGTERM ends the process at once, skipping every `finally`: the children a run started (the
temporary server, the fork server and the workers forked from it, which hold each other's pipes open) were
left running under PID 1, about 2.3 GB. Inside `stop_on_signals()`, SIGTERM and SIGINT raise `Interrupted`
(a KeyboardInterrupt) in the main thread instead, so the context managers that started those children stop
them (`runners.worker_pool` terminates its workers without waiting for their batch), the flow records the run
as `interrupted`, and the command exits with 128 + the signal's number (130, 143). Prefect's flow engine
catches SIGTERM itself while a flow runs (it marks the flow run crashed, then sends the signal again to the
handler it found, which is this one), so the order is the same in and out of a flow.

The first signal starts the shutdown; signals that come while it runs are ignored, so a second Ctrl-C cannot
cut it short and leave the children behind (every step of it is bounded in time). The database needs
nothing: a batch is one transaction, and the next run finishes the job.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)
_state = {"depth": 0, "stopping": False}


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (`signum`): Ctrl-C (SIGINT) or SIGTERM."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


def _raise_once(signum: int, frame: FrameType | None) -> None:
    if _state["stopping"]:
        return  # already stopping: let the shutdown finish
    _state["stopping"] = True
    raise Interrupted(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted` while inside (main thread only; elsewhere a no-op); the previous
    handlers come back on the way out. Nests: the CLI wraps the command, `flows.run.run` wraps the run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise_once) for s in SIGNALS}
    _state["depth"] += 1
    try:
        yield
    finally:
        _state["depth"] -= 1
        if _state["depth"] == 0:
            _state["stopping"] = False
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextmanager
def ignoring_signals() -> Iterator[None]:
    """SIGINT and SIGTERM ignored while inside (main thread only): for a shutdown that must finish."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def signal_exception(exc: BaseException) -> BaseException | None:
    """The exception a signal raised behind `exc`, or None: `exc` itself when it is one (KeyboardInterrupt,
    `Interrupted`, Prefect's TerminationSignal), else the cause of DuckDB's RuntimeError("Query interrupted"),
    which DuckDB raises from the signal's exception when the signal lands during a query."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt) or type(seen).__name__ == "TerminationSignal":
            return seen
        rendered = _rendered_signal(seen)
        if rendered is not None:
            return rendered
        seen = seen.__cause__ or seen.__context__
    return None


def _rendered_signal(exc: BaseException) -> BaseException | None:
    """A signal's exception DuckDB turned into its own error, by name only ("Error: TerminationSignal:
    <EMPTY MESSAGE> At: ... known_articles": the handler ran while a query was fetching), as that exception."""
    if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
        return None
    text = str(exc).lstrip()
    if text.startswith("TerminationSignal"):
        from prefect.exceptions import TerminationSignal  # noqa: PLC0415 - only ever here, inside a flow

        return TerminationSignal(signal.SIGTERM)
    if text.startswith(("KeyboardInterrupt", "Interrupted")):
        return Interrupted(signal.SIGTERM if "SIGTERM" in text[:80] else signal.SIGINT)
    return None


@contextmanager
def signals_raised_as_such() -> Iterator[None]:
    """Inside, a DuckDB query that a signal interrupted raises the signal's own exception, not DuckDB's
    RuntimeError("Query interrupted"): Prefect's task engine reports a signal as a crash in one line, but an error
    as a failed task with a traceback, which a user stopping a run during a batch's write saw on the console."""
    try:
        yield
    except Exception as exc:
        stop = signal_exception(exc)
        if stop is None:
            raise
        raise stop from None


def exit_status(exc: BaseException) -> int:
    """The exit status for a command stopped by `exc` (see `signal_exception`): 128 + the signal's number."""
    signum = getattr(exc, "signum", None) or getattr(exc, "signal", None) or signal.SIGINT
    return 128 + int(signum)
