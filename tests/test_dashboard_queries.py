"""The dashboard's query functions and its per-query read, without a browser."""

from __future__ import annotations

import subprocess
import sys
import time

import pandas as pd
import pytest

from eventwire.dashboard import queries
from eventwire.dashboard.data import DatabaseBusy, read
from tests.dbutil import rows


def _events(*spans: tuple[str, str, int, int]) -> pd.DataFrame:
    return pd.DataFrame([{"event_id": i, "event_type": t, "char_start": s, "char_end": e, "actor": "A",
                          "casualty_kind": "killed", "casualty_count": 3} for i, t, s, e in spans])


def test_highlight_marks_spans_escapes_text_and_keeps_nested_spans_visible():
    body = 'He said "<b>3 killed</b>" & left.'
    outer = ("s1", "statement", 0, len(body) - 1)
    inner = ("c1", "casualty", body.index("3"), body.index("</b>"))
    out = queries.highlight(body, _events(outer, inner))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert '<mark class="ew-casualty" title="killed: 3" data-event="c1">3 killed</mark>' in out
    assert out.count('data-event="s1"') == 2  # the statement is split around the casualty inside it
    assert out.endswith(".")  # the unmarked tail stays plain


def test_highlight_ignores_spans_out_of_range_or_missing():
    body = "short text"
    out = queries.highlight(body, _events(("x", "statement", 50, 60), ("y", "statement", 3, 3)))
    assert out == body


def test_statement_search_is_literal_and_case_insensitive(sample_db):
    everyone = read(sample_db, queries.statements, "")
    assert len(everyone) == rows(sample_db, "SELECT count(*) FROM events WHERE event_type = 'statement'")[0][0]
    assert set(read(sample_db, queries.statements, "oleh KIPER")["speaker"]) == {"Oleh Kiper"}
    for nasty in ("%", "_", "' OR 1=1 --"):  # no wildcards, no SQL: only rows that hold the text literally
        found = read(sample_db, queries.statements, nasty)
        assert len(found) < len(everyone)
        assert all(nasty in f"{r.speaker} {r.quote} {r.title}".lower() for r in found.itertuples())


def test_daily_deaths_and_points_agree_with_the_views(sample_db):
    assert read(sample_db, queries.daily_deaths)["killed"].sum() == rows(
        sample_db, "SELECT sum(killed) FROM daily_deaths_by_place WHERE day IS NOT NULL")[0][0]
    points = read(sample_db, queries.event_points)
    assert points["events"].sum() == rows(sample_db, "SELECT count(*) FROM events WHERE latitude IS NOT NULL")[0][0]


def test_read_waits_briefly_then_reports_busy_while_a_writer_holds_the_file(sample_db):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(3)"
    ), str(sample_db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(DatabaseBusy):
            read(sample_db, queries.overview, wait_seconds=0.5)
        assert time.monotonic() - started < 2.5
        # a longer wait rides out the writer and gets the data
        assert len(read(sample_db, queries.overview, wait_seconds=15)) >= 1
    finally:
        holder.kill()
        holder.wait()


def test_map_labels_merge_neighbours_and_keep_distant_places_apart():
    points = pd.DataFrame({"location": ["Rafah", "Gaza Strip", "Geneva"], "latitude": [31.3, 31.4, 46.2],
                           "longitude": [34.2, 34.4, 6.1], "events": [1, 3, 1]})
    labels = queries.map_labels(points)
    assert sorted(labels["label"]) == ["Gaza Strip, Rafah", "Geneva"]
    assert labels.set_index("label").loc["Gaza Strip, Rafah", "latitude"] == 31.4  # at the busiest place


def test_map_label_radius_follows_the_extent():
    points = pd.DataFrame({"location": ["Mozambique", "Beira", "Geneva"], "latitude": [-17.8, -19.8, 46.2],
                           "longitude": [35.3, 34.8, 6.1], "events": [2, 3, 1]})
    assert sorted(queries.map_labels(points)["label"]) == ["Beira, Mozambique", "Geneva"]
    assert len(queries.map_labels(points.iloc[:2], radius=1.0)) == 2
