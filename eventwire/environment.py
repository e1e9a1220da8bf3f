"""The environment a run starts from, set by the command line (and the test suite), never on import.

Prefect reports usage (SDK analytics, and from every server it starts): there is no network here to report to,
and a pipeline run should not phone home; measured, the attempts cost ~1 s of CPU per run. A value the user set
wins. Must run before Prefect is imported or its temporary server is launched.
"""

from __future__ import annotations

import os

DEFAULTS = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def apply_defaults() -> None:
    """Set eventwire's environment defaults where the user has not set the variable."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
