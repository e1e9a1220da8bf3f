"""Inputs a tough user gives: the same folder under two names, the same record in two files, a flood of rejects.

Real runs of the flow (Prefect's test harness) and of the command line, on articles invented here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eventwire.flows.run import run
from eventwire.flows.summary import MAX_REJECTS_LOGGED

from eventwire.options import RunOptions

from .cliutil import run_cli
from .dbutil import duplicate_keys, rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

ARTICLES = {
    "2024-03-11_harbour.txt": "Harbour Shelling\n\nAt least 14 people were killed when shells hit the harbour in "
                              "Odesa, the mayor said on Monday.\n",
    "2024-03-12_dam.txt": "Dam Breach\n\nThree people were killed when the dam near Kherson broke, police said. "
                          "\"We are searching for more,\" said Ana Ruiz.\n",
}


def test_a_folder_under_two_names_is_loaded_once(tmp_path: Path):
    """`eventwire run src alias` with alias -> src stored every article twice (same source_id, two `source`
    values) with its events doubled, and a re-run kept both."""
    src = tmp_path / "src"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    (tmp_path / "alias").symlink_to(src, target_is_directory=True)
    single, both = tmp_path / "single.duckdb", tmp_path / "both.duckdb"
    run([str(src)], RunOptions(db_path=str(single), workers=1))
    summary = run([str(src), str(tmp_path / "alias")], RunOptions(db_path=str(both), workers=1))
    assert summary.articles_new == 2
    table = "SELECT source, source_id, title FROM articles ORDER BY source_id"
    assert rows(both, table) == rows(single, table)
    assert rows(both, "SELECT source, count(*) FROM articles GROUP BY 1") == [("src", 2)]
    assert rows(both, "SELECT count(*) FROM events") == rows(single, "SELECT count(*) FROM events")
    assert rows(both, "SELECT reason, detail FROM rejects") == [
        ("duplicate source", f"the same folder as {src}, given earlier in this run; read once")]
    # Given only under the other name, on a later run: the same articles, unchanged.
    again = run([str(tmp_path / "alias")], RunOptions(db_path=str(both), workers=1))
    assert (again.articles_new, again.articles_unchanged) == (0, 2)
    assert rows(both, "SELECT count(*) FROM articles") == [(2,)]
    assert duplicate_keys(both) == []


def test_the_same_record_in_two_files_is_loaded_once(tmp_path: Path):
    """Same id and text in two dumps (two `source` values): one text, loaded once, within a run as across runs."""
    record = {"id": "wire-7", "title": "Harbour Shelling", "published": "2024-03-11", "text": ARTICLES["2024-03-11_harbour.txt"]}
    for name in ("monday.jsonl", "tuesday.jsonl"):
        (tmp_path / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    run([str(tmp_path / "monday.jsonl"), str(tmp_path / "tuesday.jsonl")], RunOptions(db_path=str(db), workers=1))
    assert rows(db, "SELECT source, source_id FROM articles") == [("monday", "wire-7")]
    assert rows(db, "SELECT source_id, reason, detail FROM rejects") == [
        ("wire-7", "duplicate article", "same text as wire-7, loaded once")]
    (tmp_path / "wednesday.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    run([str(tmp_path / "wednesday.jsonl")], RunOptions(db_path=str(db), workers=1))
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]


def test_a_flood_of_rejects_is_summarised_not_printed_one_line_each(tmp_path: Path):
    """200,000 duplicate records printed 200,000 warning lines. Now: the first few, then one line with the count by
    reason; the rejects table keeps every one."""
    dump = tmp_path / "dump.jsonl"
    text = ARTICLES["2024-03-11_harbour.txt"]
    lines = [json.dumps({"id": f"wire-{i}", "title": "Harbour Shelling", "text": text}) for i in range(400)]
    dump.write_text("\n".join(lines + ["{broken"] * 30) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    proc = run_cli("run", str(dump), "--db", str(db), "--workers", "1")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert "Traceback" not in output
    per_reject = [line for line in output.splitlines() if "rejected " in line and ("duplicate article (" in line
                                                                                   or "broken JSON line (" in line)]
    assert 0 < len(per_reject) <= MAX_REJECTS_LOGGED
    by_reason = "(in all: 399 duplicate article, 30 broken JSON line)"
    assert f"... and {429 - MAX_REJECTS_LOGGED} more rejected {by_reason}; every one is in the rejects table" in output
    assert f"... and 419 more rejected {by_reason}" in proc.stdout  # the summary, after its first 10
    assert len(output.splitlines()) < 120
    assert rows(db, "SELECT reason, count(*) FROM rejects GROUP BY 1 ORDER BY 1") == [
        ("broken JSON line", 30), ("duplicate article", 399)]
