"""Statements: eventwire beside textacy's `direct_quotations`, scored by the same gold scorer, plus timing.

    python benchmarks/statements_peer.py [GOLD.jsonl ...] [--limit N]

Both systems see the same cleaned bodies and the same spaCy Docs (parsed once). textacy is a dev-only
dependency (`pip install -e .[bench]`). Timing compares the plain parse with parse + statement extraction:
the issue asks for no more than 1.3x.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventwire.transform.events.statement import extract_statements
from eventwire.transform.nlp import get_nlp, parse

from eventwire.evaluate import articles_from_gold, load_gold
from eventwire.scoring import format_report, score

GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "gold"  # ../shared beside the project
TARGETS = {
    "polnear_dev.jsonl": "statement F1 >= 0.80, speaker accuracy >= 0.90 (a quote-mark-and-verb baseline: F1 ~0.40)",
    "seeds.jsonl": "every statement found with its named speaker; no event from not_events",
}


def textacy_statements(doc) -> list[dict]:
    """textacy's direct quotations as event rows the scorer reads."""
    from textacy.extract.triples import direct_quotations

    rows = []
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # a peer's crash is a finding, not a reason to stop the benchmark
        print(f"  textacy failed on one doc: {type(exc).__name__}: {exc}")
        return rows
    for speaker, cue, content in triples:
        rows.append({
            "event_type": "statement", "quote": content.text.strip("\"'\u201c\u201d "),
            "actor": " ".join(t.text for t in speaker), "cue": " ".join(t.lemma_ for t in cue),
            "sentence": content.sent.text,
        })
    return rows


def run(path: Path, limit: int | None) -> None:
    gold = load_gold(path)[:limit] if limit else load_gold(path)
    articles = articles_from_gold(gold)
    get_nlp()  # load outside the clock
    t0 = time.perf_counter()
    docs = list(parse(a.body for a in articles))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours_rows = [extract_statements(d) for d in docs]
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    peer_rows = [textacy_statements(d) for d in docs]
    t_peer = time.perf_counter() - t0

    from dataclasses import asdict

    ours = {a.source_id: {"events": [asdict(e) for e in rows]} for a, rows in zip(articles, ours_rows)}
    peer = {a.source_id: {"events": rows} for a, rows in zip(articles, peer_rows)}
    only_statements = [{k: v for k, v in g.items() if k not in {"casualties", "places", "not_events"}} for g in gold]
    s_ours = score(only_statements, ours)
    s_peer = score(only_statements, peer)

    print(f"\n=== {path.name}: {len(articles)} articles ===")
    print(f"target: {TARGETS.get(path.name, '-')}")
    print(format_report(s_ours, "eventwire"))
    print(format_report(s_peer, "textacy direct_quotations"))
    nots = score([{"id": g["id"], "not_events": g.get("not_events") or []} for g in gold], ours)["not_event_hits"]
    print(f"not_events hit by eventwire statements: {nots}")
    print(f"time: parse {t_parse:.2f}s, eventwire statements {t_ours:.2f}s "
          f"(parse + statements = {(t_parse + t_ours) / t_parse:.2f}x the parse; target <= 1.30x), "
          f"textacy {t_peer:.2f}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path,
                    default=[GOLD_DIR / "polnear_dev.jsonl", GOLD_DIR / "seeds.jsonl"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of each file")
    args = ap.parse_args()
    for path in args.gold:
        run(path, args.limit)


if __name__ == "__main__":
    main()
