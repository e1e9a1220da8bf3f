"""The Prefect flow `extract_events`: sources → clean → NLP in batches → DuckDB. Wiring only.

Prefect's unit of work is a batch, never an article: one `extract` task per batch (run in-process, in a
process pool, or on Dask, by the task runner chosen in `flows/runners.py`) and one `load` task per batch
in this process, which is DuckDB's only writer and holds the file only while it writes. The `load` task
gets the batch's articles and records in `quote(...)`: they hold no futures, and Prefect would otherwise
walk every object in them looking for some (measured: about a tenth of this process's time). (Not the
`extract` task's: a Dask runner does not unwrap `quote`, and walking the articles alone is cheap.)
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

import eventwire

from ..extract.articles import Article, RawArticle, Reject
from ..extract.boilerplate import RepeatIndex
from ..extract.clean import clean_article, index_repeats
from ..extract.feeds import FeedError, fetch_entry, fetch_feed, is_url
from ..extract.sources import iter_source
from ..load import writer
from ..load.db import session
from ..load.state import RunMemory, Triage, triage
from ..transform.records import ArticleResult
from .report import publish_run_report

DEFAULT_DB = eventwire.DEFAULT_DB
BATCH_SIZE = 64

# Set by the CLI to drive a progress bar: called with (articles seen, articles extracted) after each batch.
ProgressHook = Callable[[int, int], None]
_progress: ProgressHook | None = None


def set_progress(hook: ProgressHook | None) -> None:
    """Install (or remove) the progress callback for runs in this process."""
    global _progress
    _progress = hook


def _report_progress(seen: int, done: int) -> None:
    """Call the progress hook, if any. The flow calls this function rather than reading `_progress`, so
    when a task runner pickles the flow by value (Dask), it never tries to pickle the CLI's hook."""
    if _progress:
        _progress(seen, done)


@dataclass
class RunSummary:
    """What a run did: the CLI prints it, the `runs` table keeps it."""

    run_id: str
    db_path: str
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    articles_rejected: int = 0
    statements: int = 0
    casualties: int = 0
    places: int = 0
    seconds: float = 0.0
    nlp_seconds: float = 0.0
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # (source_id, reason, detail)

    def counts(self) -> dict[str, float | int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, (int, float))}

    def labelled(self) -> list[tuple[str, str]]:
        """What a person reads after a run, labelled once for the terminal summary and the run report."""
        return [
            ("articles new", str(self.articles_new)),
            ("articles changed", str(self.articles_changed)),
            ("articles unchanged", str(self.articles_unchanged)),
            ("articles rejected", str(self.articles_rejected)),
            ("statements", str(self.statements)),
            ("casualty figures", str(self.casualties)),
            ("place mentions", str(self.places)),
            ("seconds", f"{self.seconds:.1f}"),
            ("NLP seconds", f"{self.nlp_seconds:.1f}"),
        ]


# ---- tasks -------------------------------------------------------------------------------------------


class _FeedFailureWithoutTraceback(logging.Filter):
    """A feed that fails is an expected outcome (retried, then a reject with its reason): Prefect's task log
    keeps its one-line message ("... FeedError('HTTP 500 from the feed server') - Retries are exhausted")
    but not a traceback on the console."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], FeedError):
            record.exc_info, record.exc_text = None, None
        return True


logging.getLogger("prefect.task_runs").addFilter(_FeedFailureWithoutTraceback())


@task(name="fetch-feed", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def fetch_feed_task(url: str, timeout: float) -> list[dict]:
    """The feed's entries; retried by Prefect when the server fails or hangs."""
    return fetch_feed(url, timeout=timeout)


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages_task(entries: list[dict], feed_url: str, timeout: float) -> list[RawArticle | Reject]:
    """Each entry's page; a page that cannot be had is a Reject for that entry alone."""
    return [fetch_entry(e, feed_url, timeout=timeout) for e in entries]


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: list[Article]) -> tuple[list[ArticleResult], float]:
    """NLP over one batch (model loaded once per process); returns records and seconds spent."""
    from ..transform.pipeline import analyse_batch
    from .runners import current_pool

    started = time.perf_counter()
    pool = current_pool()
    results = pool.submit(analyse_batch, articles).result() if pool else analyse_batch(articles)
    return results, time.perf_counter() - started


@task(name="load", cache_policy=NO_CACHE)
def load_task(db_path: str, articles: list[Article], results: list[ArticleResult], raw_hashes: dict[str, str],
              rejects: list[Reject], run_id: str) -> None:
    """One transaction: the batch's articles replace their old rows, with their events and places."""
    with session(db_path, apply_schema=False) as con:
        writer.write_batch(con, articles, results, raw_hashes, eventwire.EXTRACTOR_VERSION, run_id, rejects)


# ---- the flow ----------------------------------------------------------------------------------------


def _raw_stream(sources: list[str], published: date | None, fields: dict[str, str] | None,
                feed_timeout: float) -> Iterator[RawArticle | Reject]:
    logger = get_run_logger()
    for source in sources:
        if is_url(source):
            state = fetch_feed_task(source, feed_timeout, return_state=True)
            if state.is_failed():
                try:
                    state.result()
                except FeedError as exc:
                    detail = str(exc)
                except Exception as exc:  # anything else the feed library raised: still a reason, not a crash
                    detail = f"{type(exc).__name__}: {exc}"
                logger.warning("feed %s rejected after retries: %s", source, detail)
                yield Reject(source, "feed not read", detail)
                continue
            yield from fetch_pages_task(state.result(), source, feed_timeout)
        else:
            yield from iter_source(source, published=published, fields=fields)


def _batches(stream: Iterator[RawArticle | Reject], size: int) -> Iterator[tuple[list[RawArticle], list[Reject]]]:
    raws: list[RawArticle] = []
    rejects: list[Reject] = []
    for item in stream:
        (rejects if isinstance(item, Reject) else raws).append(item)
        if len(raws) >= size or len(rejects) >= size * 4:
            yield raws, rejects
            raws, rejects = [], []
    if raws or rejects:
        yield raws, rejects


def _triage(db_path: str, raws: list[RawArticle], rejects: list[Reject], repeats: RepeatIndex,
            seen: RunMemory, summary: RunSummary) -> Triage:
    """Sort a batch out against the database: new, changed, unchanged (no NLP), duplicate, rejected."""
    index_repeats(raws, repeats)
    with session(db_path, apply_schema=False) as con:
        batch = triage(con, raws, rejects, lambda raw: clean_article(raw, repeats), eventwire.EXTRACTOR_VERSION, seen)
    summary.articles_unchanged += batch.unchanged
    return batch


def _load(db_path: str, batch: Triage, results: list[ArticleResult], run_id: str, summary: RunSummary) -> None:
    """Write one batch (one transaction), log its rejects, and count what it added."""
    logger = get_run_logger()
    articles = batch.to_extract + batch.to_store
    results = results + [ArticleResult(a.article_id) for a in batch.to_store]
    failed = {r.article_id: r.error for r in results if r.error}
    if failed:  # not stored (its old rows, if any, stay), so the next run tries it again
        batch.rejects.extend(Reject(a.source_id, "extraction failed", f"a bug, please report it: {failed[a.article_id]}")
                             for a in articles if a.article_id in failed)
        articles = [a for a in articles if a.article_id not in failed]
        results = [r for r in results if not r.error]
    changed = sum(a.article_id in batch.existing for a in articles)  # counted as stored, after any failures
    summary.articles_changed += changed
    summary.articles_new += len(articles) - changed
    if articles or batch.rejects:  # a batch of unchanged articles costs no task and no write
        load_task(db_path, quote(articles), quote(results), quote(batch.raw_hashes), quote(batch.rejects), run_id)
    for r in batch.rejects:
        logger.warning("rejected %s: %s (%s)", r.source_id, r.reason, r.detail)
        if len(summary.rejects) < 1000:
            summary.rejects.append((r.source_id, r.reason, r.detail))
    summary.articles_rejected += len(batch.rejects)
    for res in results:
        summary.statements += sum(e.event_type == "statement" for e in res.events)
        summary.casualties += sum(e.event_type == "casualty" for e in res.events)
        summary.places += len(res.places)


@flow(name="extract-events")
def extract_events(
    sources: list[str],
    db_path: str = DEFAULT_DB,
    published: date | None = None,
    fields: dict[str, str] | None = None,
    batch_size: int = BATCH_SIZE,
    in_flight: int = 2,
    feed_timeout: float = 10.0,
) -> RunSummary:
    """Extract events from `sources` into the DuckDB file at `db_path`; returns what the run did.

    `in_flight` batches are extracted at once (one per worker of the task runner) while the flow cleans
    the next and loads the finished ones, in order.
    """
    started = time.perf_counter()
    logger = get_run_logger()
    run_id = uuid.uuid4().hex[:12]
    summary = RunSummary(run_id=run_id, db_path=str(Path(db_path)))
    with session(db_path) as con:
        writer.start_run(con, run_id, sources, in_flight, eventwire.EXTRACTOR_VERSION)
    repeats = RepeatIndex()
    seen = RunMemory()
    pending: deque = deque()
    done = 0

    def finish_oldest() -> None:
        nonlocal done
        batch, future = pending.popleft()
        results, seconds = future.result() if future is not None else ([], 0.0)
        summary.nlp_seconds += seconds
        _load(db_path, batch, results, run_id, summary)
        done += len(batch.to_extract)
        _report_progress(len(seen.article_ids), done)

    status = "failed"
    try:
        for raws, rejects in _batches(_raw_stream(sources, published, fields, feed_timeout), batch_size):
            batch = _triage(db_path, raws, rejects, repeats, seen, summary)
            future = extract_task.submit(batch.to_extract) if batch.to_extract else None
            pending.append((batch, future))
            while len(pending) > max(1, in_flight):
                finish_oldest()
        while pending:
            finish_oldest()
        status = "completed"
    finally:
        summary.seconds = time.perf_counter() - started
        with session(db_path, apply_schema=False) as con:
            writer.finish_run(con, run_id, summary.counts(), status)
    logger.info(
        "run %s: %d new, %d changed, %d unchanged, %d rejected; %d statements, %d casualty figures in %.1f s",
        run_id, summary.articles_new, summary.articles_changed, summary.articles_unchanged,
        summary.articles_rejected, summary.statements, summary.casualties, summary.seconds,
    )
    publish_run_report(summary)  # a Markdown artifact in the Prefect UI: loaded and rejected
    return summary
