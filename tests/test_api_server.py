"""The run's own temporary Prefect server: answers, is stopped unused when an API is configured, is never
left running. (A whole `eventwire run` through it, with Dask workers, is in test_dask.py.)"""

from __future__ import annotations

import httpx
import pytest
from eventwire.flows import api_server


def test_temporary_server_answers_then_stops():
    from prefect.settings import (
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    server = api_server.TemporaryServer()
    try:
        with temporary_settings(updates={PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 120}):  # a busy CI
            server.wait_until_healthy()
        assert httpx.get(f"{server.api_url}/health").status_code == 200
        assert server.api_url.startswith("http://127.0.0.1:")
    finally:
        server.stop()
    assert server.process.poll() is not None
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{server.api_url}/health")


def test_an_early_server_is_stopped_unused_when_the_settings_name_an_api(prefect_harness, monkeypatch):
    # The harness names its API in Prefect's settings, not in the environment: as a profile would.
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    api_server.start_early()
    early = api_server._early
    assert early is not None and early.process.poll() is None
    with api_server.temporary_server() as server:
        assert server is None
        assert early.process.poll() is not None
    assert api_server._early is None
