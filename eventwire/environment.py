"""The environment a run starts from, set by the command line (and the test suite), never on import.

Prefect reports usage (SDK analytics, and from every server it starts): there is no network here to report to,
and a pipeline run should not phone home; measured, the attempts cost ~1 s of CPU per run. A value the user set
wins. Must run before Prefect is imported or its temporary server is launched.
"""

from __future__ import annotations

import os

DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Prefect's temporary server answers in ~4.5 s on an idle machine, but it waits only 20 s by default: on a busy
    # one (a run beside other jobs) a run died with "did not answer in time". Wait up to two minutes.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def apply_defaults() -> None:
    """Set eventwire's environment defaults where the user has not set the variable."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
