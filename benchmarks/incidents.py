"""Benchmark: casualty rows → incidents on the shared GVA set, and the cost of reconciliation.

    python benchmarks/incidents.py [--db GVA.duckdb] [--gold ../shared/gold/gva_incidents_dev.jsonl]
    python benchmarks/incidents.py --synthetic 1000000

With `--db`, a database built by `eventwire run ../shared/corpus/gva/articles.jsonl --db GVA.duckdb`
(without it the benchmark builds one in a temporary folder first: a few minutes). The database is copied,
never changed. Printed:

- the figures of `eventwire/scoring/incidents.py` (B-cubed, killed/injured accuracy, date, place, total
  killed over incidents and by summing mentions) against issue 12's targets;
- what is extraction and what is reconciliation: the same figures over the gold incidents that have at
  least one article with an incident; the B-cubed an oracle clustering would reach with today's rows
  (every article with an incident grouped as the gold says); and for each miss whether any report held
  the right figure, day or place (if none did, extraction missed it);
- what filing figures into incidents cost the run that built the database (`runs.incident_seconds` against
  `runs.seconds`); the time of a full reconciliation, and of reconciling the same articles batch by batch (64
  articles, publication order: a run whose every batch files) then settling them all together (what a run ends
  with), and whether the batches, alone and settled, left the same incidents as the full pass (and as a
  reverse-order replay).

`--synthetic N` writes N synthetic casualty rows (articles with a few rows each, reports of shared
incidents spread over three years and thousands of places, victims' names in short bodies) into a fresh
database, then times a full reconciliation and one incremental batch of 64 new articles on top.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.load import incidents  # noqa: E402
from eventwire.load.migrate import upgrade  # noqa: E402

from eventwire.scoring import incidents as scoring  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "gva_incidents_dev.jsonl"
CORPUS = SHARED / "corpus" / "gva" / "articles.jsonl"
BATCH = 64


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def build_db(dest: Path) -> None:
    print(f"building {dest} from {CORPUS} with eventwire run (a few minutes)...", flush=True)
    subprocess.run([str(Path(sys.executable).parent / "eventwire"), "run", str(CORPUS), "--db", str(dest)],
                   check=True, stdout=subprocess.DEVNULL)


def _clear(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL")
    for table in ("incidents", "incident_figures", "incident_keys"):
        con.execute(f"DELETE FROM {table}")


def _partition(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT event_id, incident_id FROM events WHERE incident_id IS NOT NULL").fetchall())


def _snapshot(con: duckdb.DuckDBPyConnection) -> tuple:
    return (sorted(con.execute("SELECT * FROM incidents").fetchall(), key=repr),
            sorted(con.execute("SELECT * FROM incident_figures").fetchall(), key=repr),
            sorted(_partition(con).items()))


def _same_grouping(a: dict[str, str], b: dict[str, str]) -> float:
    """Share of rows whose fellow rows are the same in both groupings (1.0: identical partitions)."""
    groups_a, groups_b = defaultdict(set), defaultdict(set)
    for k, v in a.items():
        groups_a[v].add(k)
    for k, v in b.items():
        groups_b[v].add(k)
    keys = set(a) | set(b)
    same = sum(1 for k in keys if k in a and k in b and groups_a[a[k]] == groups_b[b[k]])
    return same / len(keys) if keys else 1.0


def replay(con: duckdb.DuckDBPyConnection, reverse: bool = False) -> tuple[float, float, dict[str, str], float, float]:
    """Reconcile article batches in publication order (or its reverse), then settle them all as a run ends:
    (wall, CPU) seconds of the batches, the batches' grouping, (wall, CPU) seconds of the settling."""
    _clear(con)
    ids = [r[0] for r in con.execute(
        "SELECT article_id FROM articles ORDER BY published_at NULLS LAST, article_id").fetchall()]
    if reverse:
        ids.reverse()
    spent = cpu = 0.0
    for i in range(0, len(ids), BATCH):
        t, c = time.perf_counter(), time.process_time()
        incidents.reconcile_in_transaction(con, ids[i : i + BATCH])
        spent += time.perf_counter() - t
        cpu += time.process_time() - c
    batches = _partition(con)
    t, c = time.perf_counter(), time.process_time()
    incidents.settle(con, ids)
    return spent, cpu, batches, time.perf_counter() - t, time.process_time() - c


def attribution(con: duckdb.DuckDBPyConnection, gold: list[dict], preds: scoring.Predictions) -> dict:
    """For each miss, whether any report had it right (reconciliation) or none did (extraction)."""
    of_article = scoring.article_incidents(preds)
    rows = defaultdict(list)
    for r in con.execute(
            "SELECT e.incident_id, e.article_id, e.casualty_kind, e.casualty_count, e.subset_of, e.sentence, "
            "e.latitude, e.longitude, coalesce(e.event_date, a.published_at), a.published_at "
            "FROM events e JOIN articles a USING (article_id) WHERE e.incident_id IS NOT NULL").fetchall():
        rows[r[0]].append(r)
    out = Counter()
    matched = []
    for g in gold:
        votes = Counter()
        for sid in g["articles"]:
            aid = preds.article_ids.get(preds.aliases.get(sid, sid))
            if aid in of_article:
                votes[of_article[aid]] += 1
        if not votes:
            out["no incident (no article with a casualty row): extraction"] += 1
            continue
        inc_id = votes.most_common(1)[0][0]
        inc = preds.incidents[inc_id]
        matched.append(g)
        members = rows[inc_id]
        for kind, field_, gold_value in (("killed", "killed", g["killed"]), ("wounded", "wounded", g["injured"])):
            if (inc.get(field_) or 0) == gold_value:
                continue
            per_report = defaultdict(lambda: defaultdict(int))
            for r in members:
                if r[2] == kind and r[4] is None:
                    per_report[r[1]][r[5]] += r[3] or 0
            figures = {max(s.values()) for s in per_report.values()} or {0}
            side = "reconciliation (a report had it)" if gold_value in figures else "extraction (no report had it)"
            out[f"{kind} wrong: {side}"] += 1
        gday = date.fromisoformat(g["date"])
        if inc.get("incident_date") is None or abs((inc["incident_date"] - gday).days) > 1:
            ok = any(r[8] is not None and abs((r[8] - gday).days) <= 1 for r in members)
            out["date wrong: " + ("reconciliation (a report had it)" if ok else "extraction (no report had it)")] += 1
        if g.get("latitude") is not None:
            here = inc.get("latitude") is not None and scoring._km(inc["latitude"], inc["longitude"], g["latitude"], g["longitude"]) <= 40
            if not here:
                ok = any(r[6] is not None and scoring._km(r[6], r[7], g["latitude"], g["longitude"]) <= 40 for r in members)
                out["place wrong: " + ("reconciliation (a report had it)" if ok else "extraction (no report had it)")] += 1
    return {"counts": out, "matched": matched}


def oracle_bcubed(gold: list[dict], preds: scoring.Predictions) -> dict:
    """B-cubed if every article that has an incident were grouped exactly as the gold says."""
    of_article = scoring.article_incidents(preds)
    oracle = scoring.Predictions(article_ids=preds.article_ids, aliases=preds.aliases, incidents={})
    for g in gold:
        for sid in g["articles"]:
            aid = preds.article_ids.get(preds.aliases.get(sid, sid))
            if aid in of_article:
                oracle.rows.append({"article_id": aid, "incident_id": f"gold:{g['incident']}", "char_start": 0})
    return scoring.score_incidents(gold, oracle)


def gva(args: argparse.Namespace) -> None:
    if not GOLD.exists() and not Path(args.gold).exists():
        raise SystemExit(f"{args.gold} not found (the shared corpus sits beside the project)")
    gold = scoring.load_gold(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(args.db) if args.db else Path(tmp) / "gva.duckdb"
        if not src.exists():
            build_db(src)
        work = Path(tmp) / "work.duckdb"
        shutil.copy(src, work)
        con = duckdb.connect(str(work))
        upgrade(con)
        run_seconds, run_incident_seconds = con.execute(
            "SELECT sum(seconds), sum(incident_seconds) FROM runs WHERE status = 'completed'").fetchone()
        rows = con.execute("SELECT count(*) FROM events WHERE event_type = 'casualty'").fetchone()[0]
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]

        from eventwire.transform import gazetteer
        gazetteer._index()  # loaded once per process, as the run's workers do: not reconciliation's cost
        t, c = time.perf_counter(), time.process_time()
        stats = incidents.reconcile_in_transaction(con, full=True)
        full_seconds, full_cpu = time.perf_counter() - t, time.process_time() - c
        full = _snapshot(con)
        preds = scoring.predictions_from_db(con)
        s = scoring.score_incidents(gold, preds)
        print(f"GVA dev: {articles} articles, {rows} casualty rows, {stats.reports} reports → {len(preds.incidents)} incidents")
        print(scoring.format_scores(s))

        att = attribution(con, gold, preds)
        sub = scoring.score_incidents(att["matched"], preds)
        bound = oracle_bcubed(gold, preds)
        print("\nextraction vs reconciliation")
        print(f"  gold incidents with an incident: {len(att['matched'])} of {len(gold)}; over those: killed "
              f"{_f(sub['killed_accuracy'])}, injured {_f(sub['injured_accuracy'])}, date {_f(sub['date_within_day'])}, "
              f"place {_f(sub['place_within_40km'])}")
        print(f"  B-cubed with today's rows grouped perfectly (oracle clustering): P {_f(bound['bcubed_precision'])} "
              f"R {_f(bound['bcubed_recall'])} F1 {_f(bound['bcubed_f1'])}  (ours: F1 {_f(s['bcubed_f1'])})")
        for k, v in sorted(att["counts"].items()):
            print(f"  {v:5d}  {k}")

        print("\ncost")
        if run_incident_seconds is not None and run_seconds:
            print(f"  the run that built the database filed its figures into incidents in {run_incident_seconds:.2f} s CPU "
                  f"against {run_seconds:.1f} s: {run_incident_seconds / run_seconds:.1%} (runs.incident_seconds: its "
                  "batches' filings for watchers, every LIVE_INCIDENTS_SECONDS, and its settling)")
        print(f"  full reconciliation: {full_seconds:.2f} s (CPU {full_cpu:.2f} s; wall time varies with the shared machine's load)")
        incidents.reconcile_in_transaction(con, full=True)
        print(f"  full again, unchanged input: identical tables {_snapshot(con) == full}")
        batched, batched_cpu, batches_only, settled, settled_cpu = replay(con)
        batch_partition = _partition(con)
        total, total_cpu = batched + settled, batched_cpu + settled_cpu
        print(f"  replayed with every batch filing (the most a run files): batches of {BATCH} articles in publication "
              f"order: {batched:.2f} s (CPU {batched_cpu:.2f} s), then the "
              f"run's settling of them all: {settled:.2f} s (CPU {settled_cpu:.2f} s); together {total:.2f} s (CPU "
              f"{total_cpu:.2f} s)" + (f" = {total / run_seconds:.1%} of the {run_seconds:.0f} s run that built the "
                                      "database" if run_seconds else ""))
        print(f"  batches alone vs full: same grouping for {_same_grouping(dict(full[2]), batches_only):.1%} of rows; "
              f"settled vs full: {_same_grouping(dict(full[2]), batch_partition):.1%}; "
              f"incidents {con.execute('SELECT count(*) FROM incidents').fetchone()[0]} vs {len(full[0])}")
        bs = scoring.score_incidents(gold, scoring.predictions_from_db(con))
        print(f"  batched and settled scores: B-cubed F1 {_f(bs['bcubed_f1'])}, killed {_f(bs['killed_accuracy'])}, "
              f"total killed {_f(bs['killed_ratio_incidents'])}x")
        _, _, reverse_batches, _, _ = replay(con, reverse=True)
        print(f"  reverse order vs publication order: same grouping for {_same_grouping(batches_only, reverse_batches):.1%} "
              f"of rows (batches alone), {_same_grouping(batch_partition, _partition(con)):.1%} settled")
        con.close()


# ---- synthetic ---------------------------------------------------------------------------------------------

FIRST = ("James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda "
         "Elizabeth Barbara Susan Jessica Sarah Karen Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua "
         "Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Nancy Lisa Betty Margaret").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
        "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall").split()


SYLLABLES = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to".split()


def _names(rng: random.Random, n: int) -> list[str]:
    """`n` made-up capitalised names of two or three syllables (real news has thousands of surnames)."""
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(n)})


def synthetic(n_rows: int, path: Path, seed: int = 12) -> int:
    """A database of about `n_rows` casualty rows (see the module doc); returns the rows written."""
    rng = random.Random(seed)
    first = FIRST + _names(rng, 300)
    last = LAST + _names(rng, 3000)
    places = [(f"Town{i}", rng.uniform(-40, 60), rng.uniform(-120, 140)) for i in range(5000)]
    start = date(2014, 1, 1)
    art = defaultdict(list)
    ev = defaultdict(list)
    rows = 0
    inc = 0
    while rows < n_rows:
        inc += 1
        name, lat, lon = places[rng.randrange(len(places))]
        day = start + timedelta(days=rng.randrange(3 * 365))
        victims = [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(rng.randint(1, 2))]
        killed, wounded = rng.randint(0, 3), rng.randint(0, 4)
        street = f"{rng.choice(last)} {rng.choice(('Street', 'Avenue', 'Road', 'Boulevard'))}"
        for a in range(rng.choice((1, 1, 2, 2, 3, 5))):
            aid = f"a{inc}-{a}"
            published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 7)))
            body = (f"{name} - {victims[0]}, {rng.randint(16, 70)}, was killed on {street} when gunfire erupted. "
                    + " ".join(f"Police said {v} was taken to hospital." for v in victims[1:]))
            art["article_id"].append(aid)
            art["source_id"].append(aid)
            art["source"].append(f"outlet{rng.randrange(300)}")
            art["title"].append(f"Shooting in {name}")
            art["published_at"].append(published)
            art["body"].append(body)
            for k, (kind, count) in enumerate((("killed", killed or 1), ("wounded", wounded))):
                if count == 0 and k:
                    continue
                ev["event_id"].append(f"{aid}-{k}")
                ev["article_id"].append(aid)
                ev["event_type"].append("casualty")
                ev["sentence"].append(body.split(". ")[0])
                ev["char_start"].append(10 * k)
                ev["casualty_kind"].append(kind)
                ev["casualty_count"].append(count)
                ev["casualty_low"].append(count)
                ev["casualty_high"].append(count)
                ev["is_cumulative"].append(False)
                ev["location"].append(name)
                ev["latitude"].append(lat)
                ev["longitude"].append(lon)
                ev["event_date"].append(day if rng.random() < 0.5 else None)
                ev["date_text"].append("Tuesday")
                rows += 1
    con = duckdb.connect(str(path))
    upgrade(con)
    con.register("a", pa.table({k: pa.array(v, pa.date32() if k == "published_at" else None) for k, v in art.items()}))
    con.register("e", pa.table({k: pa.array(v, pa.date32() if k == "event_date" else None) for k, v in ev.items()}))
    con.execute("INSERT INTO articles BY NAME SELECT * FROM a")
    con.execute("INSERT INTO events BY NAME SELECT * FROM e")
    con.close()
    return rows


def synthetic_bench(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.duckdb"
        t = time.perf_counter()
        rows = synthetic(n, path)
        print(f"synthetic: {rows} casualty rows written in {time.perf_counter() - t:.1f} s")
        con = duckdb.connect(str(path))
        t, cpu = time.perf_counter(), time.process_time()
        stats = incidents.reconcile_in_transaction(con, full=True)
        print(f"full reconciliation of {rows} rows ({stats.reports} reports → "
              f"{con.execute('SELECT count(*) FROM incidents').fetchone()[0]} incidents): {time.perf_counter() - t:.1f} s "
              f"(CPU {time.process_time() - cpu:.1f} s in this process; the machine is shared, so wall time varies)")
        # one more batch: 64 new reports of existing incidents and new ones
        new = con.execute("SELECT article_id FROM articles ORDER BY hash(article_id) LIMIT 64").fetchall()
        ids = [r[0] for r in new]
        con.execute("CREATE TEMP TABLE again AS SELECT * FROM events WHERE article_id IN (SELECT unnest(?))", [ids])
        con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [ids])
        con.execute("UPDATE again SET incident_id = NULL")
        con.execute("INSERT INTO events BY NAME SELECT * FROM again")
        t = time.perf_counter()
        stats = incidents.reconcile_in_transaction(con, ids)  # (the gazetteer is loaded by now)
        print(f"one batch of 64 rewritten articles on top: {time.perf_counter() - t:.2f} s "
              f"({stats.candidates} candidate incidents read, {stats.incidents_written} written)")
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a database built by eventwire run over the GVA corpus (copied, not changed)")
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--synthetic", type=int, metavar="N", help="time reconciliation of N synthetic rows instead")
    args = parser.parse_args()
    if args.synthetic:
        synthetic_bench(args.synthetic)
    else:
        gva(args)


if __name__ == "__main__":
    main()
