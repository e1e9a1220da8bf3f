"""Prefect's temporary API server, booting while the run imports and loads, not after.

With no PREFECT_API_URL, Prefect starts a temporary server (uvicorn running its API app, ~4.5 s to answer)
when the flow first calls the API, and first imports all of `prefect.server` into this process (2-3 s) just
for the launcher class. A run starts the same command itself (`TemporaryServer`: same app, same environment
as Prefect's `SubprocessASGIServer`), so the server boots while this process imports Prefect and the NLP
workers load the model; the flow then finds PREFECT_API_URL set. `eventwire run` calls `start_early()`
before anything imports Prefect; when Prefect's settings turn out to name an API after all (a profile or
prefect.toml), that early server is stopped unused.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from importlib.util import find_spec
from pathlib import Path

# A run stores no blocks, and registering Prefect's block types (after hashing the registry to see whether it
# changed) was 0.4 s of the server's ~3 s boot on every run. A user's own setting wins.
SKIP_BLOCK_REGISTRATION = {"PREFECT_API_BLOCKS_REGISTER_ON_START": "false", "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
PORT_IN_USE_EXIT = 3  # uvicorn's exit status when its port was taken meanwhile
_early: TemporaryServer | None = None


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryServer:
    """A Prefect API server in a child process, on a free port of 127.0.0.1, for this run only."""

    def __init__(self, settings_env: dict[str, str] | None = None) -> None:
        self.settings_env = settings_env or {}
        self.port = _free_port()
        self.process = self._launch()
        self.answered = False  # set once /health answered

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _launch(self) -> subprocess.Popen:
        """The command and environment of Prefect's `SubprocessASGIServer` (prefect 3.8), UI off. Prefect's
        directory is found without importing it, so this can run before `import prefect`."""
        prefect_dir = Path(find_spec("prefect").origin).parent
        env = {**SKIP_BLOCK_REGISTRATION, **os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1", **self.settings_env}
        return subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env,
        )

    def wait_until_healthy(self) -> None:
        """Block until the API answers /health (Prefect's startup timeout applies); relaunch on a port clash."""
        import httpx
        from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

        deadline = time.monotonic() + PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                status = self.process.poll()
                if status == PORT_IN_USE_EXIT:
                    self.port = _free_port()
                    self.process = self._launch()
                elif status is not None:
                    raise RuntimeError(f"Prefect's temporary server exited with status {status} before it answered")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        self.answered = True
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"Prefect's temporary server did not answer on {self.api_url} in time "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self, quiet: bool = False) -> None:
        """Stop the server, once Prefect has sent it the run's last logs and events (which it otherwise
        sends at interpreter exit, to a server already gone). A server that never answered (the run stopped or
        failed while it booted) is killed: it has nothing to keep, and uvicorn, stopped in the middle of its
        start-up, prints a traceback ("Reactive triggers not started")."""
        if not self.answered:
            self.process.kill()
            self.process.wait()
            return
        if not quiet:
            from prefect.events.worker import EventsWorker
            from prefect.logging import get_logger
            from prefect.logging.handlers import APILogWorker

            APILogWorker.drain_all(timeout=5)
            EventsWorker.drain_all(timeout=5)
            get_logger("eventwire").info("Stopping temporary server on %s", self.api_url)
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_early() -> None:
    """Boot a temporary server now, before `import prefect`, unless the environment names an API."""
    global _early
    if _early is None and not os.environ.get("PREFECT_API_URL"):
        _early = TemporaryServer()
        atexit.register(_stop_unused)


def _stop_unused() -> None:
    """At exit: stop an early server no run took up (the command failed before its flow started)."""
    if _early is not None:
        _early.stop(quiet=True)


@contextmanager
def temporary_server() -> Iterator[TemporaryServer | None]:
    """The temporary server this run uses (the early one, else one started now), or None when Prefect's
    settings name an API; stopped on the way out."""
    global _early
    import prefect.main  # noqa: F401 - Prefect's logging set-up, which the message below goes through
    from prefect.logging import get_logger
    from prefect.settings import PREFECT_API_URL, get_current_settings

    server, _early = _early, None
    if PREFECT_API_URL.value():
        if server is not None:
            server.stop(quiet=True)
        yield None
        return
    if server is None:  # not started early: pass this process's settings on, as Prefect does
        server = TemporaryServer(get_current_settings().to_environment_variables(exclude_unset=True))
    get_logger("eventwire").info("Starting temporary server on %s", server.api_url)
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def api_of(server: TemporaryServer | None) -> Iterator[None]:
    """Point this process's Prefect settings (and so the flow's, which Dask workers receive) at `server`,
    once it answers. Without a server, the settings already name the API. The server listens on 127.0.0.1:
    a Dask cluster on other machines needs PREFECT_API_URL set to a server they can reach."""
    if server is None:
        yield
        return
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

    server.wait_until_healthy()
    # No UI is served (as with Prefect's own temporary server), so no "View at" link to one.
    with temporary_settings(updates={PREFECT_API_URL: server.api_url, PREFECT_UI_URL: ""}):
        yield
