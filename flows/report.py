"""A run's report as a Prefect Markdown artifact: what was loaded and what was rejected, in the Prefect UI.

The Markdown is built by a pure function (testable without Prefect); publishing never fails a run that
has already loaded its data, it only logs why the artifact is missing.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

ARTIFACT_KEY = "eventwire-run"  # one key: the UI's Artifacts page keeps every run's report as a version
MAX_REJECT_ROWS = 50


def _cell(value: Any) -> str:
    """Text safe inside a Markdown table cell."""
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def run_report_markdown(summary: Any) -> str:
    """A Markdown report of a RunSummary: counts loaded, then rejects with their reasons."""
    lines = [
        f"# eventwire run `{summary.run_id}`",
        "",
        f"Database: `{_cell(summary.db_path)}`",
        "",
        "| loaded | count |",
        "| --- | ---: |",
    ]
    for label, value in summary.labelled():
        lines.append(f"| {label} | {value} |")
    lines.append("")
    if not summary.rejects:
        lines.append("No input was rejected.")
        return "\n".join(lines) + "\n"
    lines += [f"## Rejected ({summary.articles_rejected})", "", "| source | reason | detail |", "| --- | --- | --- |"]
    for source_id, reason, detail in summary.rejects[:MAX_REJECT_ROWS]:
        lines.append(f"| {_cell(source_id)} | {_cell(reason)} | {_cell(detail)} |")
    if summary.articles_rejected > MAX_REJECT_ROWS:
        lines += ["", f"… and {summary.articles_rejected - MAX_REJECT_ROWS} more: all are in the `rejects` table."]
    return "\n".join(lines) + "\n"


def publish_run_report(summary: Any) -> UUID | None:
    """Create the run's Markdown artifact (call inside the flow, so it attaches to the flow run)."""
    from prefect import get_run_logger
    from prefect.artifacts import create_markdown_artifact

    try:
        return create_markdown_artifact(
            markdown=run_report_markdown(summary),
            key=ARTIFACT_KEY,
            description=f"eventwire run {summary.run_id}: loaded and rejected",
        )
    except Exception as exc:  # the data is loaded; a missing report must not turn the run red
        get_run_logger().warning("run report artifact not created: %s", exc)
        return None
