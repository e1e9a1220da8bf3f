"""The run report: Markdown built from a RunSummary, and the artifact the real flow leaves in Prefect."""

from __future__ import annotations

from collections import Counter

from eventwire.flows.report import ARTIFACT_KEY, run_report_markdown
from eventwire.flows.summary import RunSummary

from tests.dbutil import rows


def test_markdown_lists_counts_and_rejects_with_pipes_escaped():
    summary = RunSummary(run_id="abc", db_path="x.duckdb", articles_new=3, articles_rejected=1, events=Counter(statement=7),
                         rejects=[("feed|1", "feed not read", "HTTP 500\nfrom server")])
    md = run_report_markdown(summary)
    assert "| articles new | 3 |" in md and "| statements | 7 |" in md
    assert "| feed\\|1 | feed not read | HTTP 500 from server |" in md


def test_flow_leaves_a_markdown_artifact_for_its_run(sample_db):
    from prefect.client.orchestration import get_client

    run_id, new = rows(sample_db, "SELECT run_id, articles_new FROM runs")[0]
    with get_client(sync_client=True) as client:
        # the REST filter directly: this client's read_artifacts sends unset options as nulls, which
        # the API refuses (422)
        response = client.request("POST", "/artifacts/filter",
                                  json={"artifacts": {"key": {"any_": [ARTIFACT_KEY]}}, "limit": 200})
    ours = [a for a in response.json() if run_id in (a["data"] or "")]
    assert len(ours) == 1
    assert ours[0]["type"] == "markdown" and ours[0]["flow_run_id"]
    assert "broken JSON line" in ours[0]["data"]  # the sample with a broken line is reported as rejected
    assert f"| articles new | {new} |" in ours[0]["data"]
