"""The dashboard, for real: `eventwire dashboard` on a free port, driven by headless Chromium (Debian's).

Nothing downloads a browser: Playwright drives /usr/bin/chromium (`.ci/run` installs it). The test skips
only when that browser is truly absent. Three databases, each built by the real flow:
- the first GVA_ARTICLES gun-violence reports of ../shared (skipped without it): the page at volume;
- articles whose titles, sources, URLs and bodies carry markdown, HTML and `javascript:` (written here):
  the page fetches nothing outside its origin and runs none of it;
- the bundled samples, with no incidents: a notice, not a traceback.
The first two are reconciled into incidents by load/incidents.py (`with_incidents`). Screenshots stay under pytest's tmp dir; EVENTWIRE_KEEP_SCREENSHOT=PATH copies one out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import httpx
import pytest

from eventwire.dashboard import charts
from tests.conftest import SHARED, shared_path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--mute-audio"]
GVA = ("corpus", "gva", "articles.jsonl")
GVA_ARTICLES = 150

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")

# Hostile articles: each reports a shooting (so it becomes an incident) and carries markup everywhere.
PIXEL = "http://127.0.0.1:9"
BODY = ("{n} people were killed and two others were wounded in a shooting on {street} in {city} on "
        "Saturday night, police said. Witnesses posted ![photo]({pixel}/body.png) and "
        '<img src="{pixel}/body2.png" onerror="window.__pwned=1"> and <script>window.__pwned=1</script> online. '
        "[Read more](javascript:window.__pwned=1). The police chief said officers were still looking for the gunman.")
HOSTILE = [
    {"id": "evil-md", "url": "javascript:window.__pwned=1", "title": f"Evil ![pixel]({PIXEL}/pixel.png)",
     "source": f"![src]({PIXEL}/source.png)", "city": "Dayton, Ohio", "n": "Three", "street": "Main Street",
     "published": "2016-05-02"},
    {"id": "evil-html", "url": "data:text/html,<script>window.__pwned=1</script>",
     "title": f'Evil <img src="{PIXEL}/img.png" onerror="window.__pwned=1"> shooting',
     "source": "<script>window.__pwned=1</script>", "city": "Tucson, Arizona", "n": "Two", "street": "Oak Avenue",
     "published": "2016-05-09"},
    {"id": "evil-link", "url": "https://news.example.org/evil-link?a=1&b=2",
     "title": "Evil [click me](javascript:window.__pwned=1) <style>@import url(http://127.0.0.1:9/css);</style>",
     "source": f'<iframe src="{PIXEL}/frame"></iframe>', "city": "Omaha, Nebraska", "n": "Four",
     "street": "Pine Road", "published": "2016-05-16"},
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """`eventwire dashboard --db db --port N`, up and answering; stopped (its whole group) after."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "dashboard", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"dashboard exited: {proc.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("dashboard did not answer within 60 s")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _build(tmp_path_factory, name: str, sources: list[str]) -> Path:
    from eventwire.flows.run import run

    from eventwire.options import RunOptions

    db = tmp_path_factory.mktemp(name) / "events.duckdb"
    run(sources, RunOptions(db_path=str(db), workers=1))
    with_incidents(db)
    return db


def with_incidents(db: Path) -> Path:
    """Reconcile the database's casualty rows into incidents (load/incidents.py), as a run will once the flow
    calls it; a no-op then (a rebuild keeps every id)."""
    from eventwire.load.db import session
    from eventwire.load.incidents import rebuild

    with session(db) as con:
        rebuild(con)
    return db


@pytest.fixture(scope="module")
def gva_db(prefect_harness, tmp_path_factory) -> Path:
    """The first GVA_ARTICLES gun-violence reports, through the real flow, reconciled into incidents."""
    src = SHARED.joinpath(*GVA)
    if not src.exists():
        pytest.skip(f"{src} not present")
    part = tmp_path_factory.mktemp("gva_src") / "gva_part.jsonl"
    with src.open(encoding="utf-8") as lines:
        part.write_text("".join(line for _, line in zip(range(GVA_ARTICLES), lines)), encoding="utf-8")
    return _build(tmp_path_factory, "gva_db", [str(part)])


@pytest.fixture(scope="module")
def hostile_db(prefect_harness, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile_src")
    rows = [{"id": h["id"], "url": h["url"], "title": h["title"], "published": h["published"], "source": h["source"],
             "text": f"{h['title']}\n\n" + BODY.format(n=h["n"], city=h["city"], street=h["street"], pixel=PIXEL)}
            for h in HOSTILE]
    (folder / "hostile.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return _build(tmp_path_factory, "hostile_db", [str(folder / "hostile.jsonl")])


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


CHOSEN = "() => document.querySelector('[data-testid=ew-incident]')?.getAttribute('data-incident') ?? null"


class Watched:
    """A page with every request outside its origin and every script error recorded."""

    def __init__(self, browser, url: str, height: int = 2400) -> None:  # noqa: ANN001
        self.url = url
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": height})
        self.page.on("request", lambda r: None if r.url.startswith(url + "/") or r.url == url else self.outside.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="domcontentloaded")
        self.page.wait_for_selector("[data-testid=stApp]", timeout=60_000)

    def settle(self) -> None:
        """Wait until Streamlit has finished the current run (no 'running' indicator for a moment)."""
        self.page.wait_for_timeout(500)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]') "
                                    "&& !document.querySelector('[data-stale=true]')", timeout=60_000)
        self.page.wait_for_timeout(200)

    def pick(self, dot) -> str:  # noqa: ANN001
        """Click an incident's circle; the id of the incident whose reports the page then lists."""
        before = self.page.evaluate(CHOSEN)
        dot.click(force=True)
        self.page.wait_for_function(f"() => ({CHOSEN})() !== {json.dumps(before)}", timeout=60_000)
        self.settle()
        return self.page.evaluate(CHOSEN)

    def no_traceback(self) -> None:
        shown = self.page.locator("[data-testid=stException]")
        assert not shown.count(), shown.first.inner_text()
        assert not self.errors, self.errors


def _metric(page, label: str) -> int:  # noqa: ANN001
    box = page.locator("[data-testid=stMetric]").filter(has=page.get_by_text(label, exact=True)).first
    return int(box.locator("[data-testid=stMetricValue]").inner_text().replace(",", ""))


def _sql(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _shown_dates(page) -> tuple[date, date]:  # noqa: ANN001
    """The date range the sidebar shows (its start and end fields)."""
    values = page.locator("[data-testid=stDateInput] input[type=date]").evaluate_all("es => es.map(e => e.value)")
    assert len(values) == 2, values
    return date.fromisoformat(values[0]), date.fromisoformat(values[1])


def _axis_months(chart) -> list[tuple[int, int]]:  # noqa: ANN001
    """(year, month) of each date label on a chart's x axis ('Apr 2016', '2016', 'Jan 03')."""
    months = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
    found = []
    for text in chart.locator("g.role-axis-label text").all_text_contents():
        if m := re.fullmatch(r"(\w{3}) \d{2}, (\d{4})", text.strip()):
            found.append((int(m.group(2)), months[m.group(1)]))
        elif m := re.fullmatch(r"(\w{3}) (\d{4})", text.strip()):
            found.append((int(m.group(2)), months[m.group(1)]))
        elif m := re.fullmatch(r"(\d{4})", text.strip()):
            found.append((int(m.group(1)), 1))
    return found


def _shot(page, tmp_path: Path, name: str) -> Path:  # noqa: ANN001
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    if os.environ.get("EVENTWIRE_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["EVENTWIRE_KEEP_SCREENSHOT"])
    return shot


def test_the_page_at_volume_counts_incidents_maps_them_and_keeps_its_scales(gva_db, browser, tmp_path):
    shared_path(*GVA)
    with serve(gva_db) as url:
        w = Watched(browser, url)
        page = w.page
        charts_ = page.locator(".vega-embed")
        page.locator("g.incidents_marks path").first.wait_for(state="attached", timeout=60_000)
        page.locator("g.deaths_marks path").first.wait_for(state="attached", timeout=60_000)
        w.settle()
        w.no_traceback()
        start, end = _shown_dates(page)
        lo, hi = _sql(gva_db, "SELECT min(incident_date), max(incident_date) FROM incidents")[0]
        assert lo <= start <= end <= hi

        # the headline: deaths over incidents (each once) in the shown dates, as the views give them
        killed, n = _sql(gva_db, "SELECT sum(killed), count(*) FROM incidents WHERE incident_date BETWEEN ? AND ?",
                         [start, end])[0]
        assert _metric(page, "deaths") == killed
        assert _metric(page, "incidents") == n
        assert killed == _sql(gva_db, "SELECT sum(killed) FROM daily_deaths_by_place WHERE day BETWEEN ? AND ?",
                              [start, end])[0][0]
        mentions = _sql(gva_db, "SELECT sum(killed) FROM daily_death_mentions_by_place")[0][0]
        assert mentions > killed  # summing reports would say more: the page does not

        # the map: a base layer of outlines (countries, and states where the view meets the US), one circle
        # per incident with coordinates, labels that do not overlap
        the_map = charts_.nth(0)
        assert the_map.locator("g.outline_country_marks path").count() >= 100
        assert the_map.locator("g.outline_admin1_marks path").count() >= 50
        located = _sql(gva_db, "SELECT count(*) FROM incidents WHERE incident_date BETWEEN ? AND ? "
                               "AND latitude IS NOT NULL", [start, end])[0][0]
        assert the_map.locator("g.incidents_marks path").count() == located
        boxes = [b for b in (t.bounding_box() for t in the_map.locator("g.labels_marks text").all()) if b]
        assert 1 <= len(boxes) <= 14
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap_x = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
                overlap_y = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
                assert overlap_x <= 1 or overlap_y <= 1, (a, b)

        # deaths over time: the axis lies inside the shown dates; the legend holds the top places and "other"
        deaths = charts_.nth(1)
        months = _axis_months(deaths)
        assert months and min(months) >= (start.year, start.month) and max(months) <= (end.year, end.month)
        legend = deaths.locator("g.role-legend-label text").all_text_contents()
        assert 2 <= len(legend) <= charts.TOP_PLACES + 1
        if len(legend) == charts.TOP_PLACES + 1:
            assert legend[-1] == "other"

        # click an incident on the map: its reports are listed
        chosen = w.pick(the_map.locator("g.incidents_marks path").first)
        reports = _sql(gva_db, "SELECT count(*) FROM incident_reports WHERE incident_id = ?", [chosen])[0][0]
        assert reports >= 1
        assert int(page.locator("[data-testid=ew-incident-reports]").inner_text()) == reports

        # a filter narrows everything to one state
        state, state_killed = _sql(gva_db, """SELECT admin1, sum(killed) FROM incidents WHERE admin1 IS NOT NULL
            AND incident_date BETWEEN ? AND ? GROUP BY admin1 ORDER BY count(*) DESC, admin1 LIMIT 1""", [start, end])[0]
        box = page.get_by_label("State / province (admin1)")
        box.click()
        box.fill(state)
        page.get_by_role("option", name=re.compile("^" + re.escape(state) + r" \(")).first.click()
        page.keyboard.press("Escape")
        w.settle()
        page.wait_for_function(f"() => [...document.querySelectorAll('[data-testid=stMetricValue]')]"
                               f".some(e => e.innerText.replace(/,/g, '') === '{int(state_killed or 0)}')", timeout=60_000)
        assert _metric(page, "deaths") == int(state_killed or 0)
        w.no_traceback()
        assert not w.outside, w.outside
        _shot(page, tmp_path, "dashboard_gva.png")
        page.close()


def test_hostile_text_stays_text(hostile_db, browser, tmp_path):
    """Titles, sources, URLs and bodies carrying markdown, HTML and javascript: are shown as text: opening
    the page, every incident and every article fetches nothing outside the page's origin and runs no script."""
    with serve(hostile_db) as url:
        w = Watched(browser, url)
        page = w.page
        dots = page.locator("g.incidents_marks path")
        dots.first.wait_for(state="attached", timeout=60_000)
        w.settle()
        w.no_traceback()
        located = _sql(hostile_db, "SELECT count(*) FROM incidents WHERE latitude IS NOT NULL")[0][0]
        assert dots.count() == located >= 1
        seen = set()
        for i in range(dots.count()):  # each incident: its tooltip, then its reports
            dots.nth(i).hover(force=True)
            page.locator("#vg-tooltip-element").filter(has_text="Evil").wait_for(timeout=10_000)
            seen.add(w.pick(dots.nth(i)))
        assert len(seen) == located
        search = page.get_by_label("Find an article by title")
        for h in HOSTILE:  # each article view: the title search leaves it the only choice
            search.fill(h["title"])
            search.press("Enter")
            page.wait_for_function("t => document.querySelector('[data-testid=ew-article-head]')?.innerText.includes(t)",
                                   arg=h["title"], timeout=60_000)
            w.settle()
            head = page.locator("[data-testid=ew-article-head]")
            assert h["title"] in head.inner_text()      # shown as written, character for character
            assert h["source"] in head.inner_text()
            links = head.locator("a")
            if h["url"].startswith("https://"):
                assert links.count() == 1 and links.first.get_attribute("href") == h["url"]
            else:
                assert links.count() == 0               # javascript: and data: never become links
        page.wait_for_timeout(1000)
        w.no_traceback()
        assert not w.outside, w.outside
        assert page.evaluate("() => window.__pwned") is None
        assert not page.locator("a[href^='javascript:' i], a[href^='data:' i], iframe[src*='127.0.0.1:9'], "
                                "img[src*='127.0.0.1:9']").count()
        _shot(page, tmp_path, "dashboard_hostile.png")
        page.close()


def test_a_database_without_incidents_shows_a_notice_and_its_events(sample_db, browser, tmp_path):
    no_incidents = tmp_path / "statements_only.duckdb"  # the samples' rows, as a corpus with no casualty figure leaves
    shutil.copy(sample_db, no_incidents)
    with duckdb.connect(str(no_incidents)) as con:
        con.execute("UPDATE events SET incident_id = NULL")
        con.execute("DELETE FROM incidents")
        con.execute("DELETE FROM incident_figures")
    sample_db = no_incidents
    with serve(sample_db) as url:
        w = Watched(browser, url)
        page = w.page
        page.get_by_text("This database has no incidents yet").wait_for(timeout=60_000)
        page.locator("mark[data-event]").first.wait_for(timeout=60_000)
        w.settle()
        w.no_traceback()
        assert not page.locator("g.incidents_marks").count()
        # the events section, every registered type, and a search that narrows it
        box = page.get_by_label("Search who, what or title")
        box.fill("Oleh")
        box.press("Enter")
        page.get_by_text("matching the search").wait_for(timeout=15_000)
        page.wait_for_selector("[data-testid=stDataFrame] [role=gridcell]:text-is('Oleh Kiper')", state="attached",
                               timeout=15_000)
        assert not w.outside, w.outside
        page.close()

        # while another process writes (holds the file), the page shows a notice, not a traceback
        holder = subprocess.Popen([sys.executable, "-c", (
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(30)"
        ), str(sample_db)], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "held"
            w = Watched(browser, url)
            w.page.wait_for_selector("text=A run is loading into the database right now", timeout=60_000)
            assert not w.page.locator("[data-testid=stException]").count()
            w.page.close()
        finally:
            holder.kill()
            holder.wait()
        w = Watched(browser, url)
        w.page.locator("mark[data-event]").first.wait_for(timeout=60_000)
        assert not w.page.get_by_text("A run is loading into the database right now").count()
        w.page.close()
