"""The Prefect flow `extract-events`: sources → clean → NLP in batches → DuckDB. Wiring only.

An article goes: `extract/` reads it (`iter_source`, or a feed through `fetch_feed_task`), `load/incremental`
says whether it is new, changed or unchanged (a short read), `extract/clean` cleans it with the database file
closed, `nlp_task` parses and analyses a batch (`transform/pipeline.analyse_batch`: every registered event type),
and `load_task` writes the batch in one transaction (`load/writer`).

Prefect's unit of work is a batch, never an article: one `nlp` task per batch (run in this process, handed to
the run's worker pool, or on Dask, by the task runner `flows/run.py` chose) and one `load` task per batch in this
process, which is DuckDB's only writer and holds the file only while it writes. The `load` task gets the batch's
articles and records in `quote(...)`: they hold no futures, and Prefect would otherwise walk every object in them
looking for some (measured: about a tenth of this process's time). (Not the `nlp` task's: a Dask runner does
not unwrap `quote`, and walking the articles alone is cheap.)
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import State
from prefect.utilities.annotations import quote

import eventwire.versions as versions

from ..extract.articles import Article, RawArticle, Reject
from ..extract.boilerplate import RepeatIndex
from ..extract.clean import clean_article, index_repeats
from ..extract.feeds import FeedError, FeedTooLarge, fetch_entry, fetch_feed, is_url
from ..extract.sources import iter_source
from ..load import incidents, writer
from ..load.db import DatabaseBusy, session
from ..load.incremental import (
    RunMemory,
    Triage,
    admit,
    batch_ids,
    content_owners,
    known_articles,
    select,
)
from ..options import RunOptions
from ..transform.records import ArticleResult
from .interrupt import signal_exception, signals_raised_as_such
from .report import publish_run_report
from .runners import stop_workers, was_stopped
from .summary import MAX_REJECTS_LOGGED, RunSummary

NLP_CHUNK = 16
"""Articles per job handed to the worker pool: a batch goes as several jobs, so the workers share out the last
batches of a run instead of one of them parsing a whole batch alone while the other waits (the same parse cost:
spaCy's own batches are of 32 texts)."""

LIVE_INCIDENTS_SECONDS = 30.0
"""A batch files the figures the run has written so far into incidents when the run's last filing is at least
this long ago (or it never filed): a dashboard open during a long run sees its incidents grow. Not every batch:
the run's last step files all its articles again together (`settle_task`), so the batches' filings are only for
watching, and filing each batch cost GVA's run (2,192 articles in 34 batches) 4.1 s of 69."""

ProgressHook = Callable[[int, int], None]
"""Called with (articles seen, articles analysed) after each batch: the CLI's progress bar."""


class Runtime:
    """What a run hands its flow besides options: the NLP worker pool (None: NLP in the task's own process or on
    Dask) and the progress hook. Not a value Prefect can store: the flow run's parameters show "<Runtime>"."""

    __slots__ = ("pool", "progress")

    def __init__(self, pool: Executor | None = None, progress: ProgressHook | None = None) -> None:
        self.pool = pool
        self.progress = progress

    def __reduce__(self) -> tuple:
        """Pickled (Prefect sends the flow run's context, parameters included, to Dask workers), it arrives empty:
        workers need neither this process's pool nor its progress bar, and neither can travel."""
        return (Runtime, ())


# ---- tasks -------------------------------------------------------------------------------------------


def _worth_retrying(task: object, task_run: object, state: State) -> bool:
    """A feed that failed is retried, except one too large (it will be as large next time)."""
    return not isinstance(state.data, FeedTooLarge)


@task(name="fetch-feed", retries=2, retry_delay_seconds=1, retry_condition_fn=_worth_retrying, cache_policy=NO_CACHE)
def fetch_feed_task(url: str, timeout: float) -> list[dict]:
    """The feed's entries; retried by Prefect when the server fails or hangs."""
    return fetch_feed(url, timeout=timeout)


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages_task(entries: list[dict], feed_url: str, timeout: float) -> list[RawArticle | Reject]:
    """Each entry's page; a page that cannot be had is a Reject for that entry alone."""
    return [fetch_entry(e, feed_url, timeout=timeout) for e in entries]


@task(name="nlp", cache_policy=NO_CACHE)
def nlp_task(articles: list[Article], pool: Executor | None = None) -> tuple[list[ArticleResult], float]:
    """Parse and analyse one batch (the model loaded once per process), in `pool` if given; returns the
    records and the seconds spent."""
    from ..transform.pipeline import analyse_batch

    started = time.perf_counter()
    if pool is None:
        return analyse_batch(articles), time.perf_counter() - started
    try:
        futures = [pool.submit(analyse_batch, articles[i:i + NLP_CHUNK]) for i in range(0, len(articles), NLP_CHUNK)]
        return [r for f in futures for r in f.result()], time.perf_counter() - started
    except BrokenProcessPool:
        if was_stopped(pool):  # the run is being stopped (Ctrl-C, SIGTERM): nothing to report, nothing is loaded
            return [], 0.0
        raise


@task(name="load", cache_policy=NO_CACHE)
def load_task(db_path: str, articles: list[Article], results: list[ArticleResult], raw_hashes: dict[str, str],
              rejects: list[Reject], run_id: str, file_incidents: list[str]) -> float:
    """One transaction: the batch's articles replace their old rows, with their events and places, and the
    figures of `file_incidents` join their incidents. Stopped by a signal mid-write, nothing of the batch stays
    and the signal, not DuckDB's error, leaves the task. Returns the seconds spent on incidents."""
    with session(db_path, apply_schema=False) as con, signals_raised_as_such():
        stats = writer.write_batch(con, articles, results, raw_hashes, versions.EXTRACTOR_VERSION, run_id, rejects,
                                   file_incidents=file_incidents)
    return stats.seconds if stats is not None else 0.0


@task(name="settle-incidents", cache_policy=NO_CACHE)
def settle_task(db_path: str, run_id: str, articles: list[str], filed_together: bool) -> float:
    """The run's articles filed into incidents together (`incidents.settle`): batches filed them, if at all, as
    they came, and the grouping should not depend on that order. With them, the articles of runs killed or
    interrupted since the last complete one, so a re-run after a kill ends as one clean run does. Nothing to do
    when one filing took all the run's articles together and no earlier run left any. Returns its seconds."""
    with session(db_path, apply_schema=False) as con, signals_raised_as_such():
        earlier = writer.unsettled_articles(con, run_id)
        if not filed_together or earlier:
            return incidents.settle(con, articles + earlier).seconds
    return 0.0


# ---- the flow ----------------------------------------------------------------------------------------


def _raw_stream(sources: list[str], options: RunOptions) -> Iterator[RawArticle | Reject]:
    logger = get_run_logger()
    paths_read: set[Path] = set()  # resolved: a folder given under two names is read once
    for source in sources:
        if is_url(source):
            state = fetch_feed_task(source, options.feed_timeout, return_state=True)
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
            yield from fetch_pages_task(state.result(), source, options.feed_timeout)
        else:
            yield from iter_source(source, published=options.published, fields=options.fields, seen=paths_read)


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
    """Sort a batch out against the database: new, changed, unchanged (no NLP), duplicate, rejected. The file is
    held for two short reads; cleaning happens between them, with the file closed."""
    index_repeats(raws, repeats)
    with session(db_path, apply_schema=False) as con:
        known = known_articles(con, batch_ids(raws))
    batch = select(raws, rejects, known, versions.EXTRACTOR_VERSION, seen)
    cleaned = [clean_article(raw, repeats) for raw in batch.to_clean]
    hashes = [a.content_hash for a in cleaned if isinstance(a, Article)]
    owners = {}
    if hashes:
        with session(db_path, apply_schema=False) as con:
            owners = content_owners(con, hashes)
    summary.articles_unchanged += batch.unchanged
    return admit(batch, cleaned, owners, seen)


def _load(db_path: str, batch: Triage, results: list[ArticleResult], run_id: str, summary: RunSummary,
          unfiled: list[str] | None) -> list[str]:
    """Write one batch (one transaction), log its rejects, and count what it added; returns the ids written.
    `unfiled`: articles written earlier whose figures are to join incidents now, with this batch's (None: file
    nothing now)."""
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
        filing = [] if unfiled is None or not articles else unfiled + [a.article_id for a in articles]
        summary.incident_seconds += load_task(db_path, quote(articles), quote(results), quote(batch.raw_hashes),
                                              quote(batch.rejects), run_id, quote(filing))
    for r in batch.rejects:  # the first few one line each; the rest in one line at the end of the run
        if summary.add_reject(r.source_id, r.reason, r.detail):
            logger.warning("rejected %s: %s (%s)", r.source_id, r.reason, r.detail)
    for res in results:
        summary.events.update(e.event_type for e in res.events)
        summary.places += len(res.places)
    return [a.article_id for a in articles]


@flow(name="extract-events")
def extract_events(sources: list[str], options: RunOptions = RunOptions(), runtime: Runtime | None = None) -> RunSummary:
    """Extract events from `sources` into the DuckDB file `options.db_path`; returns what the run did.

    `options.in_flight` batches are analysed at once (one per NLP worker) while the flow cleans the next and
    loads the finished ones, in order.
    """
    started = time.perf_counter()
    logger = get_run_logger()
    runtime = runtime or Runtime()
    db_path = options.db_path
    run_id = uuid.uuid4().hex[:12]
    summary = RunSummary(run_id=run_id, db_path=str(Path(db_path)))
    with session(db_path) as con:
        writer.start_run(con, run_id, sources, options.nlp_workers, versions.EXTRACTOR_VERSION)
    repeats = RepeatIndex()
    seen = RunMemory()
    pending: deque = deque()
    done = 0
    written: list[list[str]] = []  # the article ids of each batch written
    unfiled: list[str] = []  # written, their figures not yet in incidents
    last_filed = time.perf_counter()

    def finish_oldest() -> None:
        nonlocal done, unfiled, last_filed
        batch, future = pending.popleft()
        results, seconds = future.result() if future is not None else ([], 0.0)
        summary.nlp_seconds += seconds
        file_now = time.perf_counter() - last_filed >= LIVE_INCIDENTS_SECONDS
        ids = _load(db_path, batch, results, run_id, summary, unfiled if file_now else None)
        if ids:
            written.append(ids)
            if file_now:
                unfiled, last_filed = [], time.perf_counter()
            else:
                unfiled.extend(ids)
        done += len(batch.to_extract)
        if runtime.progress is not None:
            runtime.progress(len(seen.article_ids), done)

    status = "failed"
    try:
        for raws, rejects in _batches(_raw_stream(sources, options), options.batch_size):
            batch = _triage(db_path, raws, rejects, repeats, seen, summary)
            future = nlp_task.submit(batch.to_extract, runtime.pool) if batch.to_extract else None
            pending.append((batch, future))
            while len(pending) > options.in_flight:
                finish_oldest()
        while pending:
            finish_oldest()
        filed_together = len(written) == 1 and not unfiled  # one batch, which filed its own figures
        summary.incident_seconds += settle_task(db_path, run_id, quote([a for ids in written for a in ids]),
                                                filed_together)
        status = "completed"
    except BaseException as exc:
        stop = signal_exception(exc)  # Ctrl-C, or SIGTERM (Prefect's handler, or flows/interrupt.py)
        if stop is None:
            raise
        status = "interrupted"
        if runtime.pool is not None:
            stop_workers(runtime.pool)  # now: Prefect's task runner waits for its threads, which wait for them
        if stop is exc:
            raise
        raise stop from None  # DuckDB's "Query interrupted" stands for the signal: Prefect acts on the signal
    finally:
        summary.seconds = time.perf_counter() - started
        try:
            # Interrupted: wait briefly for the file; if another process holds it, the next run marks this one.
            with session(db_path, apply_schema=False, wait_seconds=120 if status != "interrupted" else 10) as con:
                writer.finish_run(con, run_id, summary.counts(), summary.event_counts(), status)
        except DatabaseBusy:
            if status != "interrupted":
                raise
    more = summary.unlisted_rejects(MAX_REJECTS_LOGGED)
    if more:
        logger.warning(more)
    logger.info(
        "run %s: %d new, %d changed, %d unchanged, %d rejected; events %s in %.1f s",
        run_id, summary.articles_new, summary.articles_changed, summary.articles_unchanged,
        summary.articles_rejected, summary.event_counts(), summary.seconds,
    )
    publish_run_report(summary)  # a Markdown artifact in the Prefect UI: loaded and rejected
    return summary
