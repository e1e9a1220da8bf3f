"""The `eventwire` command line: parse options, call the flow, print the summary.

Heavy libraries (Prefect, spaCy, DuckDB) are imported inside the commands, so `eventwire --help` answers
at once.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from eventwire.options import RunOptions

DEFAULTS = RunOptions()

app = typer.Typer(
    name="eventwire",
    help="News articles in, an event table out: who said what, where, when, and casualty figures, in DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


# Options `run` and `serve` share: their types and help declared once here, their defaults once in RunOptions
# (Typer needs each command's parameters spelled out), checked and turned into a RunOptions by `_run_options`.
Sources = Annotated[list[str], typer.Argument(help="Files, folders, JSON/JSONL dumps, or RSS/Atom feed URLs.")]
DbPath = Annotated[Path, typer.Option("--db", help="DuckDB file to load into.")]
Published = Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every article.")]
Fields = Annotated[list[str], typer.Option("--field", help="Map a record field: NAME=FIELD, e.g. text=body.")]
Workers = Annotated[int, typer.Option(help="Parallel NLP processes; 0 = one per core.")]
Dask = Annotated[bool, typer.Option("--dask", help="Run NLP on a local Dask cluster.")]
DaskAddress = Annotated[Optional[str], typer.Option(help="Run NLP on this Dask scheduler (tcp://host:port).")]
BatchSize = Annotated[int, typer.Option(help="Articles per batch (one Prefect task per batch).")]
FeedTimeout = Annotated[float, typer.Option(help="Seconds to wait for a feed or page.")]


@app.callback()
def _root() -> None:
    """News articles in, an event table out."""
    from eventwire.environment import apply_defaults

    apply_defaults()  # before Prefect is imported or its server launched


def _run_options(db: Path, published: str | None, field: list[str], workers: int, dask: bool,
                 dask_address: str | None, batch_size: int, feed_timeout: float) -> RunOptions:
    """The options `run` and `serve` share, checked (--published as a date, --field pairs as a mapping)."""
    try:
        when = date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter("use YYYY-MM-DD", param_hint="--published") from None
    return RunOptions(db_path=str(db), published=when, fields=_parse_fields(field) or None, workers=workers,
                      dask=dask, dask_address=dask_address, batch_size=batch_size, feed_timeout=feed_timeout)


@contextmanager
def _one_line_errors(command: str) -> Iterator[None]:
    """Errors a user can act on (`eventwire.errors.UserError`: a database held by another process, not a database,
    damaged or in a place that cannot be written; a path Prefect cannot send; an export folder that is a file;
    and a database written by a newer eventwire) as one line on stderr and exit status 2, not a traceback.

    Inside, Ctrl-C and SIGTERM stop the command cleanly (`flows/interrupt.py`: what it started is stopped) and
    it exits with 128 + the signal's number, after one line that says so."""
    from eventwire.errors import UserError
    from eventwire.flows.interrupt import exit_status, signal_exception, stop_on_signals

    try:
        with stop_on_signals():
            yield
    except UserError as exc:  # SchemaTooNew, DatabaseBusy, unusable paths...
        typer.echo(f"eventwire {command}: {exc}", err=True)
        raise typer.Exit(2) from None
    except BaseException as exc:
        stop = signal_exception(exc)
        if stop is None:
            raise
        status = exit_status(stop)
        typer.echo(f"eventwire {command}: stopped by {signal.Signals(status - 128).name}; what it had started is "
                   "stopped" + (". Batches already loaded are kept: run it again to finish" if command == "run" else ""),
                   err=True)
        raise typer.Exit(status) from None


def _parse_fields(pairs: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise typer.BadParameter(f"expected NAME=FIELD, e.g. text=body; got {pair!r}", param_hint="--field")
        fields[ours.strip()] = theirs.strip()
    return fields


def _print_summary(summary, console) -> None:  # noqa: ANN001 (RunSummary; imported lazily)
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"eventwire run {summary.run_id}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in [*summary.labelled(), ("database", summary.db_path)]:
        table.add_row(label, escape(str(value)))
    console.print(table)
    if summary.rejects:
        console.print(f"[yellow]{summary.articles_rejected} input(s) rejected[/] (all in the rejects table):")
        for source_id, reason, detail in summary.rejects[:10]:
            console.print(f"  {escape(source_id)}: [bold]{escape(reason)}[/] — {escape(detail)}")  # a path may hold "[/x]"
        more = summary.unlisted_rejects(10)
        if more:
            console.print(f"  {escape(more)}")


@app.command()
def run(
    sources: Sources,
    db: DbPath = Path(DEFAULTS.db_path),
    published: Published = None,
    field: Fields = [],  # noqa: B006
    workers: Workers = DEFAULTS.workers,
    dask: Dask = DEFAULTS.dask,
    dask_address: DaskAddress = DEFAULTS.dask_address,
    batch_size: BatchSize = DEFAULTS.batch_size,
    feed_timeout: FeedTimeout = DEFAULTS.feed_timeout,
) -> None:
    """Extract events from SOURCES into the DuckDB file."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(stderr=True)
    options = _run_options(db, published, field, workers, dask, dask_address, batch_size, feed_timeout)
    with _one_line_errors("run"):
        from eventwire.flows.api_server import start_early

        start_early()  # Prefect's temporary server boots (~4.5 s) while the rest loads
        from eventwire.flows.run import (
            run as run_flow,  # light: the flow imports in the run
        )

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                      console=console, transient=True, disable=not console.is_terminal) as progress:
            bar = progress.add_task("reading articles", total=None)
            summary = run_flow(sources, options, progress=lambda seen, done: progress.update(
                bar, description=f"{seen} articles read, {done} analysed"))
    _print_summary(summary, Console())


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (format: ../shared/gold/README.md; incidents too), an "
                                              "ACLED export (.csv) or CASE 2021 task 2 snippets (.tsv).")],
    db: Annotated[Optional[Path], typer.Option(help="Keep the rows in this DuckDB file (default: a temporary one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="Only the first N gold lines.")] = None,
    workers: Annotated[int, typer.Option(help="Parallel NLP processes.")] = 1,
    articles: Annotated[Optional[Path], typer.Option(help="Incident gold: the articles (JSONL) its incidents name "
                                                          "(default: ../corpus/gva/articles.jsonl beside the gold's folder).")] = None,
) -> None:
    """Run the pipeline on a gold file's articles and print precision, recall and F1 (or incident scores)."""
    import json
    import tempfile

    from eventwire.evaluate import (
        default_articles,
        evaluate_incidents,
        evaluate_with_flow,
        is_incident_gold,
        load_gold,
        report,
    )

    if not gold.is_file():
        raise typer.BadParameter(f"no such file: {gold}", param_hint="GOLD")
    incident_gold = gold.suffix.lower() == ".jsonl" and is_incident_gold(load_gold(gold)[:20])
    if incident_gold:
        articles = articles or default_articles(gold)
        if not articles.is_file():
            raise typer.BadParameter(f"incident gold needs its articles: no file at {articles}", param_hint="--articles")
    with tempfile.TemporaryDirectory() as tmp, _one_line_errors("eval"):
        target = db or Path(tmp) / "eval.duckdb"
        if incident_gold:
            scores = evaluate_incidents(gold, articles, target, limit=limit, workers=workers)
        else:
            scores = evaluate_with_flow(gold, target, limit=limit, workers=workers)
    if as_json:
        typer.echo(json.dumps({k: v for k, v in scores.items() if k != "per_article"}, default=str, indent=2))
    else:
        typer.echo(report(scores, title=f"eventwire eval {gold}"))


@app.command()
def serve(
    sources: Sources,
    cron: Annotated[Optional[str], typer.Option(help='Cron schedule, e.g. "*/15 * * * *".')] = None,
    interval: Annotated[Optional[float], typer.Option(help="Seconds between runs (instead of --cron).")] = None,
    db: DbPath = Path(DEFAULTS.db_path),
    published: Published = None,
    field: Fields = [],  # noqa: B006
    workers: Workers = DEFAULTS.workers,
    dask: Dask = DEFAULTS.dask,
    dask_address: DaskAddress = DEFAULTS.dask_address,
    batch_size: BatchSize = DEFAULTS.batch_size,
    feed_timeout: FeedTimeout = DEFAULTS.feed_timeout,
    name: Annotated[str, typer.Option(help="Deployment name in Prefect.")] = "eventwire",
) -> None:
    """Run the extraction on a schedule (needs `prefect server start` and PREFECT_API_URL); Ctrl-C stops."""
    if (cron is None) == (interval is None):
        raise typer.BadParameter("give exactly one of --cron and --interval", param_hint="--cron/--interval")
    if interval is not None and interval <= 0:
        raise typer.BadParameter("must be more than 0 seconds", param_hint="--interval")
    options = _run_options(db, published, field, workers, dask, dask_address, batch_size, feed_timeout)
    from eventwire.flows.serve import parameters
    from eventwire.flows.serve import serve as serve_flow

    with _one_line_errors("serve"):
        serve_flow(parameters(sources, options), cron=cron, interval=interval, name=name)


class ExportFormat(str, Enum):  # mirrors eventwire.load.export.ExportFormat, without importing DuckDB for --help
    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write into (created if missing).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="parquet (partitioned by published month) or csv.")] = ExportFormat.parquet,
    db: Annotated[Path, typer.Option(help="DuckDB file to read.")] = Path(DEFAULTS.db_path),
) -> None:
    """Write every table and view to files (Parquet or CSV) for tools that read files."""
    from eventwire.load.export import timed_export

    if not db.is_file():
        raise typer.BadParameter(f"no database at {db}", param_hint="--db")
    with _one_line_errors("export"):
        written, seconds = timed_export(db, out_dir, fmt.value)
    for item in written:
        typer.echo(f"{item.relation:24} {item.rows:>8} rows  {item.path}")
    typer.echo(f"exported {len(written)} tables and views in {seconds:.2f} s")


@app.command()
def dashboard(
    db: Annotated[Path, typer.Option(help="DuckDB file to show (opened read-only, per query).")] = Path(DEFAULTS.db_path),
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
) -> None:
    """Open the analyst's dashboard (Streamlit) on http://127.0.0.1:PORT; Ctrl-C stops."""
    import subprocess
    import sys

    from eventwire.load.db import ensure_current

    if not db.is_file():
        raise typer.BadParameter(f"no database at {db}; load one with `eventwire run`", param_hint="--db")
    with _one_line_errors("dashboard"):
        ensure_current(db)  # a database an older eventwire wrote is upgraded first (a brief write, only then)
    app_path = Path(__file__).resolve().parent / "dashboard" / "app.py"
    typer.echo(f"eventwire dashboard on http://127.0.0.1:{port} (database {db})", err=True)
    command = [sys.executable, "-m", "streamlit", "run", str(app_path),
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
               "--client.toolbarMode", "viewer",
               "--", "--db", str(db.resolve())]
    try:
        raise typer.Exit(subprocess.call(command))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


def main() -> None:
    """The console script (and `python -m eventwire`): the command, then a quick exit.

    When a command has finished, the interpreter's teardown (freeing every module and object one by one: the
    gazetteer's 300,000 places, Prefect) took ~0.7 s of every run. The exit handlers still run (the temporary
    server, logging, the worker pool's bookkeeping) and output is flushed; only the freeing is skipped, as the
    operating system takes the memory back anyway. A non-daemon thread still at work gets the ordinary exit."""
    import atexit
    import os
    import sys
    import threading

    try:
        app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.exit(code)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
