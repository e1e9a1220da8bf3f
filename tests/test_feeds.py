"""Feeds over real HTTP: a server on 127.0.0.1 serves an RSS feed whose entries link to pages on the same
server, and endpoints that fail. The flow runs for real under Prefect's harness."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from eventwire.extract.feeds import FeedError, fetch_feed
from eventwire.flows.run import run

from eventwire.options import RunOptions

from .dbutil import duplicate_keys, rows
from .feedserver import PAGES, serving

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_feed_entries_pages_are_fetched_and_loaded_with_events(tmp_path: Path):
    db = tmp_path / "e.duckdb"
    with serving() as server:
        summary = run([server.url("/feed.xml")], RunOptions(db_path=str(db), workers=1, feed_timeout=5))
        assert server.hits["/feed.xml"] == 1
        assert all(server.hits[path] == 1 for path in PAGES)
        again = run([server.url("/feed.xml")], RunOptions(db_path=str(db), workers=1, feed_timeout=5))
    assert (summary.articles_new, summary.articles_rejected) == (2, 0)
    articles = rows(db, "SELECT source_id, url, title, published_at, language, body FROM articles ORDER BY published_at")
    assert [(a[2], a[3]) for a in articles] == [("Blast at the Grain Port", date(2024, 3, 12)),
                                                ("Ferry Passengers Rescued off the Coast", date(2024, 3, 13))]
    for source_id, url, _title, _published, language, body in articles:
        assert source_id == url and url.startswith(server.base + "/pages/")
        assert language == "en"
        assert "Home" not in body and "Copyright" not in body  # navigation and footer stayed out
    events = rows(db, "SELECT a.title, e.event_type, e.casualty_kind, e.casualty_count, e.actor "
                      "FROM events e JOIN articles a USING (article_id)")
    assert ("Blast at the Grain Port", "casualty", "killed", 4) in [e[:4] for e in events]
    assert "Oleh Marchenko" in [e[4] for e in events if e[1] == "statement"]
    assert ("Ferry Passengers Rescued off the Coast", "missing", 2) in [(e[0], e[2], e[3]) for e in events]
    # The second read of the same feed adds nothing.
    assert (again.articles_new, again.articles_unchanged) == (0, 2)
    assert duplicate_keys(db) == []


def test_a_dead_entry_link_rejects_that_entry_alone(tmp_path: Path):
    db = tmp_path / "e.duckdb"
    with serving() as server:
        run([server.url("/feed-with-dead-link.xml")], RunOptions(db_path=str(db), workers=1, feed_timeout=5))
        gone = server.url("/pages/gone.html")
    assert rows(db, "SELECT source_id, reason, detail FROM rejects") == [(gone, "page not fetched", "HTTP 404")]
    assert rows(db, "SELECT title FROM articles") == [("Blast at the Grain Port",)]


def test_a_hanging_feed_times_out_is_retried_then_rejected_and_the_run_goes_on(tmp_path: Path, samples: Path):
    db = tmp_path / "e.duckdb"
    with serving(hang_seconds=30) as server:
        started = time.perf_counter()
        summary = run([server.url("/hang"), server.url("/error500"), str(samples)], RunOptions(db_path=str(db), workers=1, feed_timeout=0.5))
        seconds = time.perf_counter() - started
        hits = dict(server.hits)
    assert hits["/hang"] == 3 and hits["/error500"] == 3  # Prefect retries=2
    assert seconds < 60  # each attempt gave up after 0.5 s, not after the server's 30 s
    assert summary.articles_new == 5  # the samples after the bad feeds still load
    assert set(rows(db, "SELECT source_id, reason, detail FROM rejects WHERE reason = 'feed not read'")) == {
        (server.url("/hang"), "feed not read", "timed out after 0.5 s (ReadTimeout)"),
        (server.url("/error500"), "feed not read", "HTTP 500 from the feed server"),
    }
    assert rows(db, "SELECT status FROM runs") == [("completed",)]


def test_fetch_feed_raises_feed_error_with_a_reason():
    with serving() as server:
        with pytest.raises(FeedError, match="not an RSS or Atom feed"):
            fetch_feed(server.url("/not-a-feed"), timeout=5)
        with pytest.raises(FeedError, match="HTTP 404"):
            fetch_feed(server.url("/nothing-here"), timeout=5)
        assert len(fetch_feed(server.url("/feed.xml"), timeout=5)) == 2
    with pytest.raises(FeedError, match="could not connect"):
        fetch_feed(server.url("/feed.xml"), timeout=1)  # the server is gone


def test_a_20_mb_page_is_refused_without_reading_it_whole(tmp_path: Path):
    db = tmp_path / "e.duckdb"
    with serving() as server:
        summary = run([server.url("/feed-with-huge-page.xml")], RunOptions(db_path=str(db), workers=1, feed_timeout=5))
        huge = server.url("/pages/huge.html")
    assert rows(db, "SELECT source_id, reason, detail FROM rejects") == [
        (huge, "page too large", "more than 5 MB; one article may be at most that")]
    assert rows(db, "SELECT title FROM articles") == [("Ferry Passengers Rescued off the Coast",)]
    assert summary.articles_new == 1
