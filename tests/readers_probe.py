"""Run every source reader once on tiny input, in this (fresh) interpreter, and print what happened as JSON.

`python -m tests.readers_probe` from the repository: text (UTF-8 and a legacy encoding, which goes through
charset-normalizer), JSON, JSONL, an HTML page (trafilatura, which imports justext and lxml_html_clean), and
an RSS feed with its entry pages from the real local feed server (feedparser, httpx). tests/test_readers.py
runs it in a subprocess, so a module missing from the environment cannot hide behind one already imported.
All text here is invented for the test.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

PAGE = ("<!DOCTYPE html><html><head><title>Bridge Reopens After Repairs</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Bridge Reopens After Repairs</h1>"
        "<p>The river bridge in the old town reopened to traffic on Monday after six months of repairs, "
        "the city council said in a statement.</p>"
        "<p>Engineers replaced the cracked supports and laid a new surface for cars and cyclists.</p>"
        "</article><footer>Copyright Probe Wire</footer></body></html>")


def _write_inputs(folder: Path) -> None:
    (folder / "2024-05-06_ferry.txt").write_text(
        "Ferry Service Resumes\n\nThe island ferry sailed again on Monday after a week of storms, the port "
        "authority said.\n", encoding="utf-8")
    # cp1252 bytes that are not UTF-8: decoded by charset-normalizer's guess, checked for plausibility.
    (folder / "2024-05-07_cafe.txt").write_bytes(
        "Caf\u00e9 Owners Protest Rent Rise\n\nOwners of the caf\u00e9s on the main square said on Tuesday "
        "that the new rents would close half of them \u2013 \u201cwe cannot pay this\u201d, one said.\n"
        .encode("cp1252"))
    (folder / "records.json").write_text(json.dumps([{
        "id": "probe-json-1", "title": "School Roof Repaired", "published": "2024-05-08",
        "text": "The roof of the village school was repaired over the weekend, the mayor said."}]), encoding="utf-8")
    (folder / "records.jsonl").write_text(json.dumps({
        "id": "probe-jsonl-1", "title": "Market Moves to New Hall", "published": "2024-05-09",
        "text": "The weekly market moved into the new hall on Thursday, traders said."}) + "\n", encoding="utf-8")
    (folder / "2024-05-10_bridge.html").write_text(PAGE, encoding="utf-8")


def probe() -> dict:
    from eventwire.extract.articles import Reject
    from eventwire.extract.clean import clean_article
    from eventwire.extract.feeds import fetch_entry, fetch_feed
    from eventwire.extract.sources import iter_source

    from .feedserver import serving

    got: dict[str, list] = {"articles": [], "rejects": []}

    def keep(item) -> None:
        if not isinstance(item, Reject):
            item = clean_article(item)
        if isinstance(item, Reject):
            got["rejects"].append([item.source_id, item.reason, item.detail])
        else:
            got["articles"].append([Path(item.source_id).name, item.title, item.body[:60]])

    with tempfile.TemporaryDirectory() as tmp:
        _write_inputs(Path(tmp))
        for item in iter_source(tmp):
            keep(item)
    with serving() as server:
        feed = server.url("/feed.xml")
        for entry in fetch_feed(feed, timeout=10):
            keep(fetch_entry(entry, feed, timeout=10))
    got["modules"] = sorted({name.split(".")[0] for name in sys.modules})
    return got


if __name__ == "__main__":
    print(json.dumps(probe()))
