"""The dashboard, for real: `eventwire dashboard` on a free port, driven by headless Chromium (Debian's).

Nothing downloads a browser: Playwright drives /usr/bin/chromium (`.ci/run` installs it). The test skips
only when that browser is truly absent.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest

from eventwire.dashboard import queries
from eventwire.dashboard.data import read

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--mute-audio"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard_url(sample_db: Path) -> Iterator[str]:
    """`eventwire dashboard --db sample_db --port N`, up and answering; stopped (its whole group) after."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "dashboard", "--db", str(sample_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 40
        while True:
            if proc.poll() is not None:
                pytest.fail(f"dashboard exited: {proc.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("dashboard did not answer within 40 s")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _open(browser, url: str):  # noqa: ANN001, ANN202 (playwright objects)
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid=stApp]", timeout=30_000)
    return page


def test_dashboard_shows_map_chart_statements_and_article(dashboard_url, browser, sample_db, tmp_path):
    points = read(sample_db, queries.event_points)
    deaths = read(sample_db, queries.daily_deaths)
    assert len(points) and len(deaths)
    page = _open(browser, dashboard_url)
    charts = page.locator(".vega-embed")
    charts.nth(1).wait_for(timeout=30_000)
    # the grid draws on a canvas; its accessible table (attached, not visible) carries the cell text
    page.wait_for_selector("[data-testid=stDataFrame] [role=gridcell]", state="attached", timeout=30_000)
    assert not page.locator("[data-testid=stException]").count()

    # the map: one circle per geocoded place, labelled (Vega renders SVG here)
    map_svg = charts.nth(0)
    map_svg.locator("g.mark-symbol path").first.wait_for(timeout=15_000)
    assert map_svg.locator("g.mark-symbol path").count() == len(points)
    labels = ", ".join(map_svg.locator("g.mark-text text").all_text_contents())
    assert all(place in labels for place in points["location"])
    # deaths per day: one bar segment per (day, place)
    assert charts.nth(1).locator("g.mark-rect path").count() == len(deaths)
    # the headline numbers are the views' numbers
    metrics = page.locator("[data-testid=stMetricValue]").all_inner_texts()
    assert metrics[-1] == str(int(read(sample_db, queries.overview)["killed"].sum()))

    # statements: search narrows the table to a speaker from the samples
    box = page.get_by_label("Search speaker, quote or title")
    box.fill("Oleh")
    box.press("Enter")
    page.wait_for_selector("text=matching “Oleh”", timeout=15_000)
    cells = page.locator("[data-testid=stDataFrame] [role=gridcell]")
    page.wait_for_selector("[data-testid=stDataFrame] [role=gridcell]:text-is('Oleh Kiper')", state="attached",
                           timeout=15_000)
    expected = read(sample_db, queries.statements, "Oleh")
    assert len(expected) >= 1 and set(expected["speaker"]) == {"Oleh Kiper"}
    assert page.get_by_text(f"{len(expected)} statement(s) matching").count() == 1
    assert "Oleh Kiper" in cells.all_text_contents()

    # the article view marks each event's span of the body
    first = read(sample_db, queries.articles).iloc[0]
    view = read(sample_db, queries.article, first.article_id)
    marks = page.locator("mark[data-event]")
    assert marks.count() >= 1
    marked = {m.get_attribute("data-event") for m in marks.all()}
    assert marked == set(view.events["event_id"])
    casualty = view.events[view.events["event_type"] == "casualty"].iloc[0]
    span = view.body[int(casualty.char_start):int(casualty.char_end)]
    assert page.locator(f"mark.ew-casualty[data-event='{casualty.event_id}']").first.inner_text() in span

    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    if os.environ.get("EVENTWIRE_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["EVENTWIRE_KEEP_SCREENSHOT"])
    page.close()


def test_dashboard_rides_out_a_writer_holding_the_file(dashboard_url, browser, sample_db):
    """While another process writes (holds the file), the page shows a notice, not a traceback."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(30)"
    ), str(sample_db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        page = _open(browser, dashboard_url)
        page.wait_for_selector("text=A run is loading into the database right now", timeout=30_000)
        assert not page.locator("[data-testid=stException]").count()
        page.close()
    finally:
        holder.kill()
        holder.wait()
    # and once the writer lets go, the next page load has its data again
    page = _open(browser, dashboard_url)
    page.locator(".vega-embed").nth(1).wait_for(timeout=30_000)
    assert not page.get_by_text("A run is loading into the database right now").count()
    with duckdb.connect(str(sample_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    page.close()
