"""The dashboard's query functions, chart and map helpers, and its per-query read, without a browser."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from eventwire.dashboard import charts, maps, queries
from eventwire.dashboard.data import DatabaseBusy, read
from eventwire.dashboard.queries import Filters
from tests.dbutil import rows
from tests.test_dashboard import with_incidents


@pytest.fixture(scope="module")
def incident_db(sample_db, tmp_path_factory):
    """A copy of the samples' database reconciled into incidents (the session's sample_db stays as built)."""
    db = tmp_path_factory.mktemp("incident_db") / "events.duckdb"
    shutil.copy(sample_db, db)
    with_incidents(db)
    assert rows(db, "SELECT count(*) FROM incidents")[0][0] >= 1
    return db


def _events(*spans: tuple[str, str, int, int]) -> pd.DataFrame:
    return pd.DataFrame([{"event_id": i, "event_type": t, "char_start": s, "char_end": e, "actor": "A",
                          "casualty_kind": "killed", "casualty_count": 3} for i, t, s, e in spans])


# ---- text stays text ----------------------------------------------------------------------------------------

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


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:x", "//evil.example/x", "/relative", "http://", "https://a.example/x\"onmouseover=x",
                                 "https://a.example/<script>", None, 42])
def test_only_http_urls_become_links(url):
    assert queries.safe_url(url) is None
    assert "<a" not in queries.link_html(url)
    assert "<" not in queries.link_html(url).replace("&lt;", "")


def test_an_http_url_becomes_a_link_that_sends_no_referrer():
    out = queries.link_html("https://news.example.org/a?b=1&c=2", "source")
    assert out == ('<a href="https://news.example.org/a?b=1&amp;c=2" target="_blank" '
                   'rel="noopener noreferrer nofollow">source</a>')
    assert queries.text_html("![x](http://127.0.0.1:9/p.png) <img src=x>") == "![x](http://127.0.0.1:9/p.png) &lt;img src=x&gt;"


# ---- scales and groups --------------------------------------------------------------------------------------

def test_display_cap_ignores_ordinary_spread_and_cuts_a_single_outlier():
    assert charts.display_cap([3, 5, 8, 12, 20, 0]) is None               # nothing dwarfs the rest
    assert charts.display_cap([10, 12, 15, 30, 400, 1_087]) == 30.0       # 1,087 and 400 over 10x the median (13.5)
    assert charts.display_cap([1, 1, 2, 3, 108_780], factor=50) == 3.0    # deer read as deaths
    assert charts.display_cap([]) is None and charts.display_cap([0, 0]) is None


def test_top_places_keep_n_and_group_the_rest_as_other():
    df = pd.DataFrame({"bucket": [date(2016, 1, 1)] * 5 + [date(2016, 2, 1)] * 2,
                       "place": ["A", "B", "C", "D", "E", "A", "E"], "killed": [9, 8, 1, 1, 5, 1, 1],
                       "incidents": [1] * 7})
    grouped, order = charts.top_places(df, n=2)
    assert order == ["A", "B", charts.OTHER]
    assert grouped["killed"].sum() == df["killed"].sum()
    jan_other = grouped[(grouped["bucket"] == date(2016, 1, 1)) & (grouped["place"] == charts.OTHER)]
    assert int(jan_other["killed"].iloc[0]) == 7


def test_time_unit_gives_a_readable_number_of_bins():
    assert charts.time_unit(date(2016, 1, 1), date(2016, 2, 1)) == "day"
    assert charts.time_unit(date(2016, 1, 1), date(2017, 1, 1)) == "week"
    assert charts.time_unit(date(2013, 1, 1), date(2017, 4, 1)) == "month"


def test_default_dates_leave_out_dates_read_from_ages():
    opts = queries.Options(date(1934, 4, 3), date(2017, 4, 11), date(2013, 1, 2), date(2017, 4, 20),
                           plausible_min=date(2013, 1, 1), plausible_max=date(2017, 4, 11))
    assert queries.default_dates(opts) == (date(2013, 1, 1), date(2017, 4, 11))
    no_reports = queries.Options(date(2016, 1, 1), date(2016, 2, 1), None, None)
    assert queries.default_dates(no_reports) == (date(2016, 1, 1), date(2016, 2, 1))


# ---- the map --------------------------------------------------------------------------------------------------

def _points(lat, lon, killed=None, location=None) -> pd.DataFrame:
    n = len(lat)
    return pd.DataFrame({"incident_id": [f"i{i}" for i in range(n)], "latitude": lat, "longitude": lon,
                         "killed": killed if killed is not None else [1] * n,
                         "location": location if location is not None else [f"P{i}" for i in range(n)]})


def test_the_fitted_view_is_not_stretched_by_a_point_on_another_continent():
    rng = np.random.default_rng(1)
    lat = list(rng.uniform(30, 45, 40)) + [48.85]      # 40 US incidents and one "Paris"
    lon = list(rng.uniform(-120, -75, 40)) + [2.35]
    box, outside = maps.extent(_points(lat, lon))
    assert outside == 1 and box[2] < -60
    everything, none_out = maps.extent(_points(lat, lon), trim=False)
    assert none_out == 0 and everything[2] > 2


def test_extent_has_a_minimum_span_for_one_place():
    box, _ = maps.extent(_points([41.88, 41.88], [-87.63, -87.63]))
    assert box[2] - box[0] >= 1.5 and box[3] - box[1] >= 1.5


def test_labels_fit_the_view_and_never_overlap():
    rng = np.random.default_rng(2)
    lat, lon = rng.uniform(35, 42, 300), rng.uniform(-100, -80, 300)
    pts = _points(lat, lon, killed=list(rng.integers(0, 9, 300)), location=[f"Springfield {i}" for i in range(300)])
    box, _ = maps.extent(pts)
    names = maps.labels(pts, box, 980, 540)
    assert 1 <= len(names) <= 14
    x, y = maps.to_pixels(names["longitude"].to_numpy(), names["latitude"].to_numpy(), box, 980, 540)
    boxes = [(xi + 6, yi - 14, xi + 6 + 6.4 * len(t), yi + 2) for xi, yi, t in zip(x, y, names["label"])]
    for i, a in enumerate(boxes):
        assert 0 <= a[0] and a[2] <= 980 and 0 <= a[1] and a[3] <= 540
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_the_gravest_place_is_labelled_first():
    pts = _points([40.0, 40.01], [-90.0, -90.01], killed=[1, 9], location=["Small", "Grave"])
    names = maps.labels(pts, maps.extent(pts)[0], 980, 540)
    assert list(names["label"]) == ["Grave"]  # the neighbour's name would print over it


def test_the_shipped_outlines_are_topojson_with_names():
    for outline in maps.OUTLINES:
        topo = maps.topology(outline.file)
        assert topo["type"] == "Topology"
        shapes = topo["objects"][outline.feature]["geometries"]
        assert len(shapes) >= 50 and all(s["properties"]["name"] for s in shapes)


# ---- queries on a database ------------------------------------------------------------------------------------

def test_a_database_without_incidents_is_recognised(sample_db, tmp_path):
    assert read(sample_db, queries.has_incidents) is True  # a run reconciles the samples' figures
    db = tmp_path / "no_incidents.duckdb"
    shutil.copy(sample_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE events SET incident_id = NULL")
        con.execute("DELETE FROM incidents")
    assert read(db, queries.has_incidents) is False
    opts = read(db, queries.options)
    assert opts.date_min is not None and opts.places.empty and opts.categories == []


def test_headline_counts_each_incident_once(incident_db):
    head = read(incident_db, queries.headline, Filters())
    n, killed, wounded = rows(incident_db, "SELECT count(*), coalesce(sum(killed), 0), coalesce(sum(wounded), 0) "
                                           "FROM incidents")[0]
    assert (head["incidents"], head["killed"], head["wounded"]) == (n, killed, wounded)
    assert head["killed_summing_reports"] >= head["killed"]


def test_deaths_over_time_add_up_to_the_view(incident_db):
    opts = read(incident_db, queries.options)
    f = Filters(opts.date_min, opts.date_max)
    for level in queries.LEVELS:
        df = read(incident_db, queries.deaths_over_time, f, "month", level)
        assert df["killed"].sum() == read(incident_db, queries.daily_deaths_view, opts.date_min, opts.date_max)


def test_filters_narrow_incidents_to_what_they_name(incident_db):
    every = read(incident_db, queries.incidents, Filters())
    assert len(every) >= 1
    first = every.iloc[0]
    by_country = read(incident_db, queries.incidents, Filters(countries=(first.country_code,)))
    assert set(by_country["country_code"]) == {first.country_code}
    by_category = read(incident_db, queries.incidents, Filters(categories=(first.category,)))
    assert set(by_category["category"]) == {first.category} and first.incident_id in set(by_category["incident_id"])
    source = rows(incident_db, "SELECT source FROM incident_reports WHERE incident_id = ? LIMIT 1", [first.incident_id])[0][0]
    by_source = read(incident_db, queries.incidents, Filters(sources=(source,)))
    assert first.incident_id in set(by_source["incident_id"])
    assert read(incident_db, queries.incidents, Filters(sources=("no such outlet",))).empty
    day = pd.Timestamp(first.incident_date).date()
    one_day = read(incident_db, queries.incidents, Filters(start=day, end=day))
    assert set(pd.to_datetime(one_day["incident_date"]).dt.date) == {day}
    nasty = read(incident_db, queries.incidents, Filters(admin1=("' OR 1=1 --",)))
    assert nasty.empty


def test_incident_reports_list_every_report(incident_db):
    first = read(incident_db, queries.incidents, Filters()).iloc[0]
    reports = read(incident_db, queries.incident_reports, first.incident_id)
    assert len(reports) == rows(incident_db, "SELECT count(*) FROM events WHERE incident_id = ?", [first.incident_id])[0][0]
    assert reports["is_evidence"].sum() == 1


def test_event_search_is_literal_and_case_insensitive_and_filters_by_type(sample_db):
    everyone = read(sample_db, queries.search_events, Filters(), "")
    assert len(everyone) == min(500, rows(sample_db, "SELECT count(*) FROM events")[0][0])
    assert "Oleh Kiper" in set(read(sample_db, queries.search_events, Filters(), "oleh KIPER")["actor"])
    for name in {e for e in everyone["event_type"]}:
        only = read(sample_db, queries.search_events, Filters(event_types=(name,)), "")
        assert set(only["event_type"]) == {name}
    for nasty in ("%", "_", "' OR 1=1 --"):  # no wildcards, no SQL: only rows that hold the text literally
        found = read(sample_db, queries.search_events, Filters(), nasty)
        assert len(found) < len(everyone)
        assert all(nasty in f"{r.actor} {r.what} {r.title}".lower() for r in found.itertuples())


def test_read_waits_briefly_then_reports_busy_while_a_writer_holds_the_file(sample_db):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(3)"
    ), str(sample_db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(DatabaseBusy):
            read(sample_db, queries.options, wait_seconds=0.5)
        assert time.monotonic() - started < 2.5
        # a longer wait rides out the writer and gets the data
        assert read(sample_db, queries.options, wait_seconds=15).date_min is not None
    finally:
        holder.kill()
        holder.wait()
