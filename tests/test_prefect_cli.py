"""Prefect's own CLI against a real server, as the README and prefect.yaml tell a team to use it: create the
work pool, `prefect deploy --all`, `prefect deployment ls`, then a worker runs the deployment once.

Under FastAPI 0.151+ the server answered the CLI's `"limit": null` with a 422, so `deploy` and `deployment ls`
ended in a traceback (see the fastapi pin in pyproject.toml); this test is what keeps that pin honest.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml
from eventwire.load.db import connect

from .conftest import ROOT, SAMPLES
from .prefectserver import BIN

DEPLOYMENT = "extract-events-scheduled/eventwire"  # flow name / deployment name in prefect.yaml


def _project(tmp_path: Path, db: Path) -> Path:
    """A copy of the project's prefect.yaml beside a copy of the samples, writing into `db`."""
    folder = tmp_path / "project"
    shutil.copytree(SAMPLES, folder / "data" / "samples")
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    assert deployment["parameters"]["sources"] == ["data/samples"]  # relative: found through the pull step
    deployment["parameters"].update(db_path=str(db), workers=1)   # one process: no fork server to start
    (folder / "prefect.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def _prefect(env: dict[str, str], cwd: Path, *args: str, timeout: float = 120) -> str:
    """Run `prefect ARGS` and return its output, asserting it exits 0 without a traceback."""
    done = subprocess.run([str(BIN / "prefect"), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)
    out = done.stdout + done.stderr
    assert done.returncode == 0, f"prefect {' '.join(args)} exited {done.returncode}:\n{out[-4000:]}"
    assert "Traceback" not in out, f"prefect {' '.join(args)} printed a traceback:\n{out[-4000:]}"
    return out


def test_deploy_list_and_a_worker_run_with_prefects_own_cli(prefect_server, sample_db, tmp_path: Path):
    env, _ = prefect_server
    db = tmp_path / "deployed.duckdb"
    folder = _project(tmp_path, db)
    # PWD as a shell that did `cd project` has it: prefect.yaml's pull step is "{{ $PWD }}", read from the env.
    env = {**env, "PWD": str(folder), "NO_COLOR": "1", "COLUMNS": "250", "PREFECT_LOGGING_LEVEL": "INFO",
           "PREFECT_WORKER_QUERY_SECONDS": "1"}

    _prefect(env, folder, "work-pool", "create", "eventwire", "--type", "process")
    deployed = _prefect(env, folder, "deploy", "--all")
    assert f"Deployment '{DEPLOYMENT}' successfully created" in deployed
    assert DEPLOYMENT in _prefect(env, folder, "deployment", "ls")

    _prefect(env, folder, "deployment", "run", DEPLOYMENT)
    worked = _prefect(env, folder, "worker", "start", "--pool", "eventwire", "--run-once", timeout=300)
    assert "Finished in state Completed()" in worked, worked[-4000:]

    def per_article(path: Path) -> list[tuple]:
        with connect(path, read_only=True) as con:
            return con.execute(
                "SELECT a.title, e.event_type, count(e.event_id) FROM articles a LEFT JOIN events e USING "
                "(article_id) GROUP BY ALL ORDER BY ALL").fetchall()

    got = per_article(db)
    assert {title for title, *_ in got} >= {"Shelling Hits Harbour District in Odesa", "Protesters Rally in Niamey"}
    assert got == per_article(sample_db)  # the deployed run stores what `eventwire run data/samples` stores
    with connect(db, read_only=True) as con:
        assert con.execute("SELECT status, articles_new FROM runs").fetchall() == [("completed", len(
            {title for title, *_ in got}))]
        sources = [s for (s,) in con.execute(
            "SELECT source_id FROM articles UNION ALL SELECT source_id FROM rejects").fetchall()]
    # Read from the deployed folder (the pull step's working directory), not from wherever pytest runs.
    paths = [s for s in sources if "/" in s]
    assert paths and all(s.startswith(str(folder / "data" / "samples")) for s in paths), sources
