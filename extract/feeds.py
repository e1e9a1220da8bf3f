"""RSS/Atom feeds: fetch the feed (feedparser reads it), then each entry's page (trafilatura reads it later).

`fetch_feed` raises `FeedError` for a feed that cannot be had, so the flow can retry it with Prefect
retries and then reject it; a page that cannot be fetched is a Reject for that entry alone.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from .articles import RawArticle, Reject
from .readers import ReaderUnavailable, reader

if TYPE_CHECKING:
    import httpx

TIMEOUT_SECONDS = 10.0
MAX_PAGE_BYTES = 5 * 1024 * 1024  # as for an article file (extract/sources.py)
# A feed lists many entries, often with their full text: real ones stay well under a few MB. Past this, the
# feed is refused after reading this much, so a hostile or broken server cannot fill the memory.
MAX_FEED_BYTES = 10 * 1024 * 1024
USER_AGENT = "eventwire/0.1 (+https://pypi.org/project/eventwire)"


class FeedError(RuntimeError):
    """A feed that could not be fetched or is not a feed; the message is the reason we store."""


class FeedTooLarge(FeedError):
    """A feed past MAX_FEED_BYTES (a retry gets the same answer)."""


def _read_capped(response: httpx.Response, limit: int) -> bytes | None:
    """The streamed response's body, or None once it passes `limit` bytes (declared or read): the rest is
    never read."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch_feed(url: str, timeout: float = TIMEOUT_SECONDS) -> list[dict]:
    """The feed's entries as dicts (link, title, published, summary). Raises FeedError."""
    try:
        with reader("feed"):
            import feedparser
            import httpx
    except ReaderUnavailable as exc:
        raise FeedError(str(exc)) from None

    try:
        # Streamed, so a feed past the limit is refused after MAX_FEED_BYTES, not read whole into memory.
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as response:
            if response.status_code >= 400:
                raise FeedError(f"HTTP {response.status_code} from the feed server")
            content = _read_capped(response, MAX_FEED_BYTES)
    except httpx.TimeoutException as exc:
        raise FeedError(f"timed out after {timeout:g} s ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        raise FeedError(f"could not connect: {exc}") from exc
    if content is None:
        raise FeedTooLarge(f"feed too large: more than {MAX_FEED_BYTES / 2**20:.0f} MB of XML; a feed may be at most that")
    parsed = feedparser.parse(content)
    # feedparser reads anything (an HTML page gives a "feed" with a title and no entries): without entries,
    # only a document feedparser recognised as RSS or Atom (`version`) is an empty feed rather than a mistake.
    if not parsed.entries and (parsed.bozo or not parsed.feed or not parsed.get("version")):
        kind = response.headers.get("content-type", "").split(";")[0] or "unknown content type"
        raise FeedError(f"not an RSS or Atom feed ({parsed.bozo_exception if parsed.bozo else kind})")
    entries = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append({
            "link": entry.get("link"),
            "title": entry.get("title"),
            "published": date(*stamp[:3]) if stamp else None,
            "summary": entry.get("summary"),
            "id": entry.get("id") or entry.get("link"),
        })
    return entries


def fetch_entry(entry: dict, feed_url: str, timeout: float = TIMEOUT_SECONDS) -> RawArticle | Reject:
    """One entry's page, as a RawArticle holding its HTML; a Reject when the page cannot be had."""
    link = entry.get("link")
    source = urlparse(feed_url).netloc or feed_url
    if not link:
        return Reject(str(entry.get("id") or feed_url), "feed entry without a link", f"in {feed_url}")
    try:
        with reader("feed"):
            import httpx
    except ReaderUnavailable as exc:
        return Reject(link, "reader unavailable", str(exc))
    try:
        # Streamed, so a page past the limit is refused after MAX_PAGE_BYTES, not read whole into memory.
        with httpx.stream("GET", link, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as response:
            if response.status_code >= 400:
                return Reject(link, "page not fetched", f"HTTP {response.status_code}")
            body = _read_capped(response, MAX_PAGE_BYTES)
            if body is None:
                return Reject(link, "page too large", f"more than {MAX_PAGE_BYTES / 2**20:.0f} MB; one article may be at most that")
            encoding = response.charset_encoding or "utf-8"
    except httpx.HTTPError as exc:
        return Reject(link, "page not fetched", f"{type(exc).__name__}: {exc}")
    try:
        html = body.decode(encoding, errors="replace")
    except LookupError:  # a charset Python does not know
        html = body.decode("utf-8", errors="replace")
    return RawArticle(
        source_id=link,
        source=source,
        url=link,
        title=entry.get("title"),
        published=entry.get("published"),
        html=html,
    )
