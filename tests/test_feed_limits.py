"""A feed's XML has a size limit, as a page has: an endless feed from the real local HTTP server is refused
after MAX_FEED_BYTES, without reading the rest, and the run records it as a reject with the size."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from eventwire.extract.feeds import MAX_FEED_BYTES, FeedTooLarge, fetch_feed

from .dbutil import rows
from .feedserver import FeedServer, serving

TOO_LARGE = "feed too large: more than 10 MB of XML; a feed may be at most that"


def _sent_when_settled(server: FeedServer, path: str) -> int:
    """Bytes the server wrote before the client left (it stops at its next write after that)."""
    last, deadline = -1, time.monotonic() + 10
    while server.sent[path] != last and time.monotonic() < deadline:
        last = server.sent[path]
        time.sleep(0.3)
    return last


def test_an_endless_feed_is_refused_after_the_limit_without_reading_the_rest():
    assert MAX_FEED_BYTES == 10 * 2**20  # the figure TOO_LARGE names
    with serving() as server:
        with pytest.raises(FeedTooLarge, match="^" + TOO_LARGE + "$"):
            fetch_feed(server.url("/huge-feed.xml"), timeout=5)
        sent = _sent_when_settled(server, "/huge-feed.xml")
    # The server would send 200 MB; the client stopped after 10 (what the sockets buffered comes on top).
    assert MAX_FEED_BYTES < sent < 3 * MAX_FEED_BYTES


def test_the_run_rejects_an_oversized_feed_with_its_size(prefect_harness, tmp_path: Path):
    from eventwire.flows.run import run

    from eventwire.options import RunOptions

    db = tmp_path / "e.duckdb"
    with serving() as server:
        huge, good = server.url("/huge-feed.xml"), server.url("/feed.xml")
        summary = run([huge, good], RunOptions(db_path=str(db), workers=1, feed_timeout=5))
        assert server.hits["/huge-feed.xml"] == 1  # not retried: it would be as large again
    assert rows(db, "SELECT source_id, reason, detail FROM rejects") == [(huge, "feed not read", TOO_LARGE)]
    assert summary.articles_new == 2  # the good feed beside it still loads
