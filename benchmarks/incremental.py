"""Benchmark: a re-run over unchanged articles costs a hash per article, not NLP; memory stays flat.

    python benchmarks/incremental.py [--articles 4000] [--workers 2] [--baseline 500]

First `eventwire run` of the Al Jazeera corpus into a fresh database, then the same command again: the
second must take at most 5% of the first (it parses nothing). Then a first run over the first `--baseline`
articles into another fresh database, for memory: the peak RSS of the big run (summed over its process
tree) should be at most 1.3 times the small one's, because the flow streams batches. Lines print as they
are measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import (  # noqa: E402
    ALJAZEERA,
    FIELDS,
    corpus_slice,
    eventwire_cmd,
    run_measured,
    run_row,
)


def _run(src: Path, db: Path, workers: int, label: str):
    m = run_measured([*eventwire_cmd(), "run", str(src), "--db", str(db), *FIELDS, "--workers", str(workers)])
    if m.returncode != 0:
        sys.exit(f"{label} failed ({m.returncode}):\n{m.output[-3000:]}")
    row = run_row(db)
    print(f"{label:<26} wall {m.seconds:8.1f} s  flow {row['seconds']:8.1f} s  peak RSS {m.peak_rss_mb:6.0f} MB  "
          f"new {row['articles_new']}, unchanged {row['articles_unchanged']}, rejected {row['articles_rejected']}",
          flush=True)
    return m, row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ALJAZEERA)
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--baseline", type=int, default=500, help="articles of the small run for memory (0: skip)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        n = len(corpus_slice(args.corpus, args.articles, src))
        db = Path(tmp) / "events.duckdb"
        first, first_row = _run(src, db, args.workers, f"first run ({n} articles)")
        second, second_row = _run(src, db, args.workers, "second run (unchanged)")
        print(f"second / first: wall {second.seconds / first.seconds:.3f}, flow "
              f"{second_row['seconds'] / first_row['seconds']:.3f} (target at most 0.05)", flush=True)
        if args.baseline:
            small_src = Path(tmp) / "small.jsonl"
            corpus_slice(args.corpus, args.baseline, small_src)
            small, _ = _run(small_src, Path(tmp) / "small.duckdb", args.workers, f"first run ({args.baseline} articles)")
            print(f"peak RSS {n} / {args.baseline} articles: {first.peak_rss_mb / small.peak_rss_mb:.2f} (target at most 1.3)")


if __name__ == "__main__":
    main()
