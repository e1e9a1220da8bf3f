"""Every source reader starts in a fresh interpreter, with what any pip installs; one that cannot start says
in one line what to install.

pip 23.2 (what `python3 -m venv` gives on Python 3.11) installed justext without lxml_html_clean: justext
asks for `lxml[html_clean]`, lxml provides `html-clean`, and that pip does not match the two spellings. The
HTML reader then died on import with a 100-line traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from eventwire.load.db import connect
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .cliutil import ROOT, cli_command, cli_env


def _probe() -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.readers_probe"], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout)


def test_every_reader_reads_a_tiny_input_in_a_fresh_interpreter():
    got = _probe()
    assert got["rejects"] == []
    titles = {name: title for name, title, _ in got["articles"]}
    assert titles == {
        "2024-05-06_ferry.txt": "Ferry Service Resumes",
        "2024-05-07_cafe.txt": "Caf\u00e9 Owners Protest Rent Rise",  # cp1252, decoded via charset-normalizer
        "probe-json-1": "School Roof Repaired",
        "probe-jsonl-1": "Market Moves to New Hall",
        "2024-05-10_bridge.html": "Bridge Reopens After Repairs",     # trafilatura
        "port-blast.html": "Blast at the Grain Port",                  # feedparser + httpx, then trafilatura
        "ferry-rescue.html": "Ferry Passengers Rescued off the Coast",
    }
    assert {"trafilatura", "justext", "lxml_html_clean", "feedparser", "httpx", "charset_normalizer"} <= set(got["modules"])


def _installed_by_any_pip(root: str) -> set[str]:
    """The distributions `pip install root` brings in when an extra is followed only if the package provides
    it under that exact spelling (pip 23.2 and older do not normalise `html_clean` to `html-clean`)."""
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(root, frozenset[str]())]
    while todo:
        name, extras = todo.pop()
        if (canonicalize_name(name), extras) in seen:
            continue
        seen.add((canonicalize_name(name), extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        provided = set(dist.metadata.get_all("Provides-Extra") or [])
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is not None:
                if "extra" in str(req.marker):
                    if not any(req.marker.evaluate({"extra": e}) for e in extras & provided):
                        continue
                elif not req.marker.evaluate({"extra": ""}):
                    continue
            todo.append((req.name, frozenset(req.extras)))
    return {name for name, _ in seen}


def test_what_the_readers_import_is_installed_by_any_pip():
    """Each module the readers loaded comes from a distribution eventwire requires (directly or through its
    dependencies) without relying on an extra spelled differently from how its package provides it."""
    modules = _probe()["modules"]
    owners = metadata.packages_distributions()
    needed = {canonicalize_name(dist) for m in modules for dist in owners.get(m, [])}
    reachable = _installed_by_any_pip("eventwire")
    assert sorted(needed - reachable) == []


HTML = ("<!DOCTYPE html><html><head><title>Lighthouse Restored</title></head><body><article><h1>Lighthouse "
        "Restored</h1><p>The old lighthouse on the northern cape was restored by volunteers over the summer, the "
        "harbour office said on Friday.</p></article></body></html>")
TEXT = "Lighthouse Keeper Retires\n\nThe last keeper of the northern lighthouse retired on Friday, the harbour office said.\n"


def test_a_reader_that_cannot_start_says_in_one_line_what_to_install(prefect_harness, tmp_path: Path):
    """A real `eventwire run` where lxml_html_clean cannot be imported (as after an old pip): the HTML page
    is rejected with one line naming what to install, the text article loads, no traceback."""
    blocker = tmp_path / "site" / "lxml_html_clean"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        'raise ModuleNotFoundError("No module named \'lxml_html_clean\'", name="lxml_html_clean")\n')
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2024-06-07_lighthouse.html").write_text(HTML, encoding="utf-8")
    (folder / "2024-06-07_keeper.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    env = {**cli_env(), "PYTHONPATH": os.pathsep.join([str(blocker.parent), str(ROOT)])}
    done = subprocess.run(cli_command("run", str(folder), "--db", str(db), "--workers", "1"), capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-4000:]
    assert "Traceback" not in out and "ImportError" not in out, out[-4000:]
    hint = "the HTML reader needs lxml_html_clean: pip install lxml_html_clean"
    assert hint in out
    with connect(db, read_only=True) as con:
        assert con.execute("SELECT reason, detail FROM rejects").fetchall() == [("reader unavailable", hint)]
        assert con.execute("SELECT title FROM articles").fetchall() == [("Lighthouse Keeper Retires",)]


def test_a_feed_reader_without_feedparser_fails_the_feed_with_one_line(tmp_path: Path):
    """The feed reader's missing library is a FeedError (the flow retries it, then rejects the feed with
    this detail), not an ImportError."""
    blocker = tmp_path / "site" / "feedparser"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text('raise ModuleNotFoundError("No module named \'feedparser\'", name="feedparser")\n')
    code = ("from eventwire.extract.feeds import FeedError, fetch_feed\n"
            "try:\n    fetch_feed('http://127.0.0.1:9/feed.xml', timeout=1)\n"
            "except FeedError as exc:\n    print(exc)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker.parent), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "the feed reader needs feedparser: pip install feedparser"
