"""Shared fixtures: Prefect's test harness, the shared corpus (skipped cleanly when absent), sample data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from eventwire.environment import apply_defaults

apply_defaults()  # as the command line does: no usage reporting, set before anything imports Prefect

from .prefectserver import prefect_server  # noqa: E402, F401 - a fixture: a real `prefect server` for a test

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when the shared corpus is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (the shared corpus sits beside the project in development and CI)")
    return path


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API and database for the whole session (Prefect's own test harness)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def samples(tmp_path: Path) -> Path:
    """A private copy of the bundled samples, so a test may change or add articles."""
    dest = tmp_path / "samples"
    shutil.copytree(SAMPLES, dest)
    return dest


@pytest.fixture(scope="session")
def sample_db(prefect_harness, tmp_path_factory) -> Path:
    """A database built once from the bundled samples by the real flow."""
    from eventwire.flows.run import run

    from eventwire.options import RunOptions

    db = tmp_path_factory.mktemp("sample_db") / "events.duckdb"
    run([str(SAMPLES)], RunOptions(db_path=str(db), workers=1))
    return db
