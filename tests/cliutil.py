"""Running the real `eventwire` command in a subprocess, against the test session's Prefect API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli_env() -> dict[str, str]:
    """The environment for a child `eventwire`: the Prefect API of the running test harness (so the child
    does not start a temporary server of its own), no analytics, no colours."""
    from prefect.settings import get_current_settings

    env = dict(os.environ)
    url = get_current_settings().api.url
    if url:
        env["PREFECT_API_URL"] = str(url)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "200"
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", *args]


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cli_command(*args), capture_output=True, text=True, env=cli_env(), cwd=ROOT, timeout=timeout)
