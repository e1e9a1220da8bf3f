"""Benchmark: ACLED event and sub-event types from `transform.actions`, on ACLED notes and CASE 2021 snippets.

    python benchmarks/event_types.py [--shared ../shared] [--limit N] [--confusion] [--show-misses N] [--set NAME]

Reads the shared sets at run time (nothing from them is kept in the project):
  (a) acled_global_2020-05_dev.csv  2,401 notes, current taxonomy. Printed whole and in two halves: rows with an
      even index ("tune": what the rules were developed on) and odd ("report": read only through these figures).
  (b) acled_afghanistan_2020-03.csv 496 notes, current taxonomy (developed on).
  (c) acled_africa_2016-06.csv      500 notes, the older taxonomy: our types mapped to its 7 types.
  (d) case2021/task2_test.tsv       1,019 snippets; the 25 ACLED types (codes mapped to ACLED's spelling) and 5
      others. Printed whole and in halves (even ids "tune", odd ids "report").

A note's (snippet's) predicted type is that of its FIRST action row (`eventwire.scoring.event_types`, the rules
`eventwire eval` scores by); a note with none is wrong. Figures:
sub-event accuracy (= micro-F1, one label per note), macro-F1 over the sub-event types present in the gold,
event-type accuracy over ACLED's 6 types, actor match (issue 14's rule: the predicted actor shares a content word
with ACLED's actor1 or assoc_actor_1, words compared by their first five letters, words in parentheses left out,
so that for "Protesters (India)" the word is "protesters"), and the cost per note: the spaCy parse against
`find_actions` on the same Docs.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from eventwire.scoring.event_types import (
    CASE_CODES,
    TAXONOMY,
    accuracy,
    actor_matches,
    first_action,
    macro_f1,
)

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

CASE_OTHERS = ("NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB")

OLD_TYPES = {
    "Riots/Protests": "Riots/Protests", "Violence against civilians": "Violence against civilians",
    "Battle-No change of territory": "Battle-No change of territory", "Remote violence": "Remote violence",
    "Battle-Government regains territory": "Battle-Government regains territory", "Strategic development": "Strategic development",
    "Non-violent transfer of territory": "Non-violent transfer of territory",
    "Battle-Non-state actor overtakes territory": "Battle-Non-state actor overtakes territory",
}


def old_type(category: str | None, subcategory: str | None) -> str | None:
    """Our (current-taxonomy) type as ACLED's pre-2019 taxonomy names it (the Africa 2016 file)."""
    if category is None:
        return None
    if category in ("Protests", "Riots"):
        return "Riots/Protests"
    if category == "Battles":
        return {"Government regains territory": "Battle-Government regains territory",
                "Non-state actor overtakes territory": "Battle-Non-state actor overtakes territory"}.get(
            subcategory or "", "Battle-No change of territory")
    if category == "Explosions/Remote violence":
        return "Remote violence"
    if category == "Violence against civilians":
        return "Violence against civilians"
    return "Non-violent transfer of territory" if subcategory == "Non-violent transfer of territory" else "Strategic development"


# --- scores ---------------------------------------------------------------------------------------------------

@dataclass
class Scored:
    name: str
    gold_sub: list[str | None] = field(default_factory=list)
    pred_sub: list[str | None] = field(default_factory=list)
    gold_cat: list[str | None] = field(default_factory=list)
    pred_cat: list[str | None] = field(default_factory=list)
    actor_ok: list[bool] = field(default_factory=list)

    def add(self, gold_sub: str | None, gold_cat: str | None, pred_sub: str | None, pred_cat: str | None, actor_ok: bool | None) -> None:
        self.gold_sub.append(gold_sub)
        self.pred_sub.append(pred_sub)
        self.gold_cat.append(gold_cat)
        self.pred_cat.append(pred_cat)
        if actor_ok is not None:
            self.actor_ok.append(actor_ok)


def print_scores(s: Scored, sub_label: str = "sub-event accuracy (= micro-F1)", cat_label: str = "event-type accuracy (6 types)") -> None:
    n = sum(g is not None for g in s.gold_sub)
    none = sum(p is None for g, p in zip(s.gold_sub, s.pred_sub) if g is not None)
    print(f"  {s.name}: {n} notes, {none} with no action row")
    if any(g is not None for g in s.gold_sub):
        print(f"    {sub_label}: {accuracy(s.gold_sub, s.pred_sub):.3f}")
        print(f"    macro-F1 over sub-event types: {macro_f1(s.gold_sub, s.pred_sub):.3f}")
    if any(g is not None for g in s.gold_cat):
        print(f"    {cat_label}: {accuracy(s.gold_cat, s.pred_cat):.3f}")
    if s.actor_ok:
        print(f"    actor names ACLED's actor1 or assoc_actor_1: {sum(s.actor_ok) / len(s.actor_ok):.3f} ({sum(s.actor_ok)}/{len(s.actor_ok)})")


def print_confusion(gold: list, pred: list, top: int = 40) -> None:
    """Gold → predicted counts, the diagonal first per gold type, then the largest confusions."""
    per_gold = Counter(g for g in gold if g is not None)
    pairs = Counter((g, p or "(none)") for g, p in zip(gold, pred) if g is not None)
    print(f"    {'gold sub-event type':36} {'n':>5} {'right':>6}  most frequent wrong predictions")
    for g, n in per_gold.most_common():
        wrong = [(p, c) for (gg, p), c in pairs.most_common() if gg == g and p != g][:3]
        print(f"    {g[:36]:36} {n:5d} {pairs[(g, g)]:6d}  " + "; ".join(f"{p} {c}" for p, c in wrong))


# --- the sets -------------------------------------------------------------------------------------------------

def read_csv(path: Path, delimiter: str = ",") -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


@dataclass
class Item:
    text: str
    gold_sub: str | None
    gold_cat: str | None
    actors: list[str]
    half: str  # 'tune' or 'report'
    code: str | None = None  # CASE code / ACLED old type


def acled_items(rows: list[dict], current: bool = True) -> list[Item]:
    items = []
    for i, r in enumerate(rows):
        if current:
            items.append(Item(r["notes"], r["sub_event_type"], r["event_type"], [r.get("actor1", ""), r.get("assoc_actor_1", "")],
                              "tune" if i % 2 == 0 else "report"))
        else:
            items.append(Item(r["notes"], None, None, [r.get("actor1", ""), r.get("ally_actor_1", "")], "report", code=r["event_type"]))
    return items


def case_items(rows: list[dict]) -> list[Item]:
    items = []
    for r in rows:
        sub = CASE_CODES.get(r["SubType"])
        items.append(Item(r["EventSnippet"], sub, TAXONOMY.get(sub) if sub else None, [],
                          "tune" if int(r["id"]) % 2 == 0 else "report", code=r["SubType"]))
    return items


def first_row(actions: list) -> tuple[str | None, str | None, str | None]:
    """(category, subcategory, actor) of the row the note is typed by: `eventwire eval`'s rule (first_action)."""
    row = first_action([asdict(a) for a in actions])
    return (row["category"], row["subcategory"], row["actor"]) if row else (None, None, None)


def predict(docs: list, find: Callable) -> tuple[list[tuple[str | None, str | None, str | None]], float]:
    """First rows, and the CPU seconds `find` took (CPU, not wall: the machine is shared, see `main`)."""
    t0 = time.process_time()
    preds = [first_row(find(d)) for d in docs]
    return preds, time.process_time() - t0


def report_current(name: str, items: list[Item], preds: list, halves: bool, confusion: bool) -> None:
    print(f"\n{name}")
    groups = [("all", items, preds)]
    if halves:
        groups += [(h, [it for it in items if it.half == h], [p for it, p in zip(items, preds) if it.half == h]) for h in ("tune", "report")]
    for label, its, ps in groups:
        s = Scored(label)
        for it, (cat, sub, actor) in zip(its, ps):
            s.add(it.gold_sub, it.gold_cat, sub, cat, actor_matches(actor, it.actors) if it.actors else None)
        print_scores(s)
    if confusion:
        print_halves_confusion(items, preds, halves)


def print_halves_confusion(items: list[Item], preds: list, halves: bool) -> None:
    """The confusion table of the whole set, or of each half: the report half is read through these counts only."""
    for label in (("tune", "report") if halves else ("all",)):
        sel = [(it, p) for it, p in zip(items, preds) if it.gold_sub and (label == "all" or it.half == label)]
        if halves:
            print(f"  confusion, {label} half:")
        print_confusion([it.gold_sub for it, _ in sel], [p[1] for _, p in sel])


def report_old(name: str, items: list[Item], preds: list, confusion: bool) -> None:
    print(f"\n{name} (older taxonomy: our types mapped to its 7)")
    gold = [it.code for it in items]
    pred = [old_type(c, s) for c, s, _ in preds]
    ok = [actor_matches(a, it.actors) for it, (_, _, a) in zip(items, preds)]
    print(f"  {len(items)} notes, {sum(p is None for p in pred)} with no action row")
    print(f"    event-type accuracy (7 old types; Riots/Protests one type): {accuracy(gold, pred):.3f}")
    print(f"    macro-F1 over the old types: {macro_f1(gold, pred):.3f}")
    print(f"    actor names ACLED's actor1 or ally_actor_1: {sum(ok) / len(ok):.3f} ({sum(ok)}/{len(ok)})")
    if confusion:
        print_confusion(gold, pred)


def report_case(items: list[Item], preds: list, confusion: bool) -> None:
    print("\nCASE 2021 task 2 snippets (25 ACLED types; none = wrong)")
    for label, sel in (("all", lambda it: True), ("tune", lambda it: it.half == "tune"), ("report", lambda it: it.half == "report")):
        its = [(it, p) for it, p in zip(items, preds) if sel(it)]
        acled = [(it, p) for it, p in its if it.gold_sub is not None]
        gold = [it.gold_sub for it, _ in acled]
        pred = [p[1] for _, p in acled]
        right = sum(g == p for g, p in zip(gold, pred))
        # strict micro-F1: an ACLED type predicted for a snippet of the 5 other types is a false positive
        predicted = sum(p[1] is not None for _, p in its)
        strict_p = right / predicted if predicted else 0.0
        strict_r = right / len(acled) if acled else 0.0
        strict = 2 * strict_p * strict_r / (strict_p + strict_r) if right else 0.0
        cat = accuracy([it.gold_cat for it, _ in acled], [p[0] for _, p in acled])
        print(f"  {label}: {len(acled)} snippets of the 25 types")
        print(f"    micro-F1 over the 25 (= accuracy on their snippets): {right / len(acled):.3f}")
        print(f"    macro-F1 over the 25: {macro_f1(gold, pred):.3f}")
        print(f"    event-type accuracy (6 types): {cat:.3f}")
        print(f"    strict micro-F1 (predictions on the other 5 types' snippets count as false positives): {strict:.3f}"
              f" (P {strict_p:.3f}, R {strict_r:.3f})")
    print("  the 5 types outside ACLED's list: what their snippets get (first row)")
    for code in CASE_OTHERS:
        got = Counter((p[1] or "(none)") for it, p in zip(items, preds) if it.code == code)
        n = sum(got.values())
        print(f"    {code:18} {n:4d}: " + "; ".join(f"{k} {v}" for k, v in got.most_common(4)))
    if confusion:
        print_halves_confusion(items, preds, halves=True)


def show_misses(name: str, items: list[Item], preds: list, n: int, half: str = "tune") -> None:
    print(f"\nmisses in {name} ({half} half, first {n})")
    shown = 0
    for it, (cat, sub, actor) in zip(items, preds):
        if it.half != half or it.gold_sub is None or sub == it.gold_sub:
            continue
        print(f"  [{it.gold_sub} → {sub}] actor={actor!r} :: {it.text[:260]}")
        shown += 1
        if shown >= n:
            break


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--limit", type=int, default=0, help="at most N items per set (0: all)")
    ap.add_argument("--confusion", action="store_true", help="print the confusion tables")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N misses of the tune halves")
    ap.add_argument("--set", action="append", choices=["global", "afghanistan", "africa", "case"], help="only these sets")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus"
    if not corpus.exists():
        print(f"{corpus} not found: the shared corpus sits beside the project (../shared)", file=sys.stderr)
        return 2

    from eventwire.transform.events.action import Action
    from eventwire.transform.nlp import get_nlp

    nlp = get_nlp()
    find_actions = Action().extract  # the event type's rows, as the pipeline stores them
    find_actions(nlp("Warm-up: police arrested two men."))  # imports and lazy tables, not in the timings
    wanted = set(args.set or ["global", "afghanistan", "africa", "case"])
    sets: list[tuple[str, list[Item]]] = []
    if "global" in wanted:
        sets.append(("ACLED global 2020-05 dev", acled_items(read_csv(corpus / "acled" / "acled_global_2020-05_dev.csv"))))
    if "afghanistan" in wanted:
        items = acled_items(read_csv(corpus / "acled" / "acled_afghanistan_2020-03.csv"))
        for it in items:
            it.half = "tune"
        sets.append(("ACLED Afghanistan 2020-03", items))
    if "africa" in wanted:
        sets.append(("ACLED Africa 2016-06", acled_items(read_csv(corpus / "acled" / "acled_africa_2016-06.csv"), current=False)))
    if "case" in wanted:
        sets.append(("CASE 2021", case_items(read_csv(corpus / "case2021" / "task2_test.tsv", delimiter="\t"))))

    # Cost is CPU seconds of this process (time.process_time) for both the parse and find_actions: on a shared
    # 2-core machine wall time charges either side for other people's jobs. Wall seconds are printed too.
    parse_total = find_total = parse_wall_total = 0.0
    notes_total = 0
    for name, items in sets:
        if args.limit:
            items = items[: args.limit]
        t0, w0 = time.process_time(), time.perf_counter()
        docs = list(nlp.pipe((it.text for it in items), batch_size=64))
        parse_s, parse_wall = time.process_time() - t0, time.perf_counter() - w0
        w0 = time.perf_counter()
        preds, find_s = predict(docs, find_actions)
        find_wall = time.perf_counter() - w0
        parse_wall_total += parse_wall
        parse_total += parse_s
        find_total += find_s
        notes_total += len(items)
        if name.startswith("CASE"):
            report_case(items, preds, args.confusion)
        elif name.startswith("ACLED Africa"):
            report_old(name, items, preds, args.confusion)
        else:
            report_current(name, items, preds, halves=name.startswith("ACLED global"), confusion=args.confusion)
        print(f"  cost (CPU): parse {1000 * parse_s / len(items):.2f} ms/note, find_actions {1000 * find_s / len(items):.3f} ms/note"
              f" ({100 * find_s / parse_s:.1f}% of the parse); wall: {100 * find_wall / parse_wall:.1f}%")
        if args.show_misses:
            show_misses(name, items, preds, args.show_misses)
    print(f"\noverall cost over {notes_total} notes (CPU seconds): parse {parse_total:.1f} s, find_actions {find_total:.2f} s"
          f" = {100 * find_total / parse_total:.1f}% of the parse (parse wall {parse_wall_total:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
