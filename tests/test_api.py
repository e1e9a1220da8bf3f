"""The notebook API: `eventwire.extract` on text in memory (no Prefect, no database) and `eventwire.read`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import eventwire

from .conftest import ROOT
from .dbutil import rows

HARBOUR = ("Port Town Shelling\n\nAt least 14 people were killed when shells hit the harbour of Odesa on Monday, "
           "the mayor said.\n\n\"We are counting the dead,\" said Anna Ruiz, the city's mayor.")


def test_extract_on_texts_needs_no_server_or_database(tmp_path: Path):
    """In a fresh interpreter: no Prefect or DuckDB is imported, and no file is written."""
    code = ("import sys, eventwire; x = eventwire.extract(['Two soldiers were wounded in Kharkiv on Friday.'], "
            "published='2024-01-05'); print((x.events.event_type == 'casualty').sum(), sorted({'prefect', 'duckdb'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[0] == "1" and out.stdout.strip().endswith("[]")
    assert list(tmp_path.iterdir()) == []


def test_extract_gives_the_rows_a_run_would_store():
    x = eventwire.extract([HARBOUR, "", "Nothing happened here today, officials say nothing."], published="2024-03-12")
    killed = x.events[x.events["casualty_kind"] == "killed"].iloc[0]
    assert (killed["casualty_count"], killed["casualty_qualifier"], killed["location"]) == (14, "at least", "Odesa")
    assert str(killed["event_date"]) == "2024-03-11"  # "on Monday" in a Tuesday article
    said = x.events[x.events["event_type"] == "statement"]
    assert "Anna Ruiz" in set(said["actor"])
    assert set(x.events["id"]) <= {"0", "2"} and x.events["article_id"].notna().all()
    body = x.articles.set_index("article_id")["body"]
    assert all(body[a][s:e] for a, s, e in zip(x.events["article_id"], x.events["char_start"], x.events["char_end"]))
    assert list(x.rejects["reason"]) == ["empty article"]
    assert set(x.events.columns) >= {"event_type", "actor", "target", "category", "subcategory", "casualty_count"}


def test_extract_reads_a_dataframe_with_its_own_columns():
    df = pd.DataFrame({"id": ["a", "b"], "body": [HARBOUR, "Three people were wounded in Lviv."],
                       "published": ["2024-03-12", None], "title": ["Shelling", None]})
    x = eventwire.extract(df, text_column="body", published="2024-01-01")
    assert set(x.events["id"]) == {"a", "b"}
    assert dict(zip(x.articles["source_id"], x.articles["published_at"].astype(str))) == {
        "a": "2024-03-12", "b": "2024-01-01"}
    with pytest.raises(ValueError, match="no 'text' column"):
        eventwire.extract(df)


@pytest.mark.usefixtures("prefect_harness")
def test_read_returns_every_table_and_view(sample_db: Path):
    frames = eventwire.read(sample_db)
    assert {"articles", "events", "places", "daily_deaths_by_place", "event_timeline", "runs"} <= set(frames)
    assert len(frames["events"]) == rows(sample_db, "SELECT count(*) FROM events")[0][0]
    assert frames["daily_deaths_by_place"]["killed"].sum() == rows(sample_db, "SELECT sum(killed) FROM daily_deaths_by_place")[0][0]
    assert list(eventwire.read(sample_db, ["runs"])) == ["runs"]
    with pytest.raises(KeyError, match="no table or view named nope"):
        eventwire.read(sample_db, ["nope"])
