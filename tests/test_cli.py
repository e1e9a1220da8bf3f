"""The command line: fast --help, clear option errors, eval on the real flow."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

from .conftest import ROOT, shared_path


def test_help_imports_nothing_heavy():
    """`eventwire --help` must answer at once: no spaCy, Prefect, DuckDB or pandas at import time."""
    code = ("import sys, eventwire.cli; heavy = {'spacy', 'prefect', 'duckdb', 'pandas', 'dateparser'} & set(sys.modules);"
            " print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_help_lists_the_commands():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "eval"):
        assert command in result.output


def test_bad_field_mapping_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--field", "text", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code != 0
    assert "NAME=FIELD" in result.output


@pytest.mark.usefixtures("prefect_harness")
def test_run_prints_a_summary(samples: Path, tmp_path: Path):
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["run", str(samples), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "articles new" in result.output and "broken JSON line" in result.output
    assert db.exists()


@pytest.mark.usefixtures("prefect_harness")
def test_eval_on_the_seeds_scores_the_stored_rows(tmp_path: Path):
    gold = shared_path("gold", "seeds.jsonl")
    db = tmp_path / "eval.duckdb"
    result = CliRunner().invoke(app, ["eval", str(gold), "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    start = result.output.index("\n{\n") + 1 if not result.output.startswith("{") else 0
    end = result.output.index("\n}", start) + 2
    scores = json.loads(result.output[start:end])
    assert scores["articles"] == 2
    assert scores["statements"]["recall"] >= 0.9
    assert scores["not_event_hits"] == 0
    assert db.exists()
