"""Benchmark: article death tolls, places and speed against ACLED notes (and checks on the two seed articles).

    python benchmarks/acled_tolls.py [--gold-dir ../shared/gold] [--limit N] [--show-misses]

Reads the gold files at run time (nothing from them is kept in the project). The toll is the rule analysts
rely on: the sum of `casualty_count` over killed rows that are neither cumulative nor a subset.

Which notes count. ACLED's fatality column is coded per event, is sometimes split across events, and is
sometimes deliberately 0 while the note quotes a figure ("Fatalities coded as 0 (VoJ reported 3)"). So a note
is scored only where its text states what the column says:
  * fatalities > 0, a number (digits, a number word or a vague amount) within a few words of a kill cue, and no
    coding remark ("coded as", "split across", "fatalities");
  * fatalities = 0 and no kill cue at all (killed, died, dead, death, fatalities, lives, bodies, shot dead...).
Everything else is left out, and the counts of each group are printed.

Then EVERY note, unfiltered: the gold notes and the ACLED CSVs under ../shared/corpus/acled/ (each row's notes,
`fatalities` and `event_date`; a row already in a gold file counts once). Toll accuracy is the share of notes
whose toll equals `fatalities`; event date accuracy is the share of casualty rows whose `event_date` equals
ACLED's `event_date`. A note is handed in as published on the gold file's date (ACLED's event date) or, for a
CSV row, on the day ACLED uploaded it (`timestamp`; the event date where the file has none), so a date read
from the text is tested, not the publication date; the share of rows dated from the note's own words is printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path

KILL_CUE = re.compile(r"\b(kill\w*|died|dies|dead|deaths?|fatalit\w*|lives|bodies|body|slain|murder\w*|behead\w*|massacre\w*|lynch\w*|toll)\b", re.I)
NUMBER = (
    r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred\w*|dozens?|several|scores|tens|thousands|an?)"
)
NEAR = re.compile(rf"\b{NUMBER}\b(?:\W+\w+){{0,6}}?\W+{KILL_CUE.pattern}|{KILL_CUE.pattern}(?:\W+\w+){{0,4}}?\W+{NUMBER}\b", re.I)
CODING_REMARK = re.compile(r"coded as|split across|fatalit", re.I)
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
DEFAULT_CSV = DEFAULT_GOLD.parent / "corpus" / "acled"


def norm(text: str) -> str:
    """The gold README's normalisation: NFKC, lower case, straight quotes, folded white space."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def scored_group(note: dict, shared_texts: set[str]) -> str:
    """Which group a note falls in: 'stated', 'zero', or why it is left out."""
    text, gold = note["text"], note["casualties"][0]["count"]
    if gold > 0:
        if text in shared_texts:
            return "left out: same note on several events (split)"
        if CODING_REMARK.search(text):
            return "left out: coding remark"
        return "stated" if NEAR.search(text) else "left out: count not stated near a kill cue"
    return "zero" if not KILL_CUE.search(text) else "left out: 0 coded but text mentions deaths"


def death_toll(events: list) -> int:
    """The article's death toll by the analysts' rule (`counts_toward_toll`)."""
    from eventwire.transform.events.casualty import counts_toward_toll

    return sum(e.casualty_count or 0 for e in events if counts_toward_toll(e))


def csv_notes(csv_dir: Path, gold_notes: list[dict]) -> list[dict]:
    """Every ACLED note: the gold notes, then the CSV rows not among them, as {id, text, published, fatalities, event_date}."""
    import csv
    from datetime import datetime, timezone

    out = [{"id": n["id"], "text": n["text"], "published": n.get("published"), "event_date": n.get("published"),
            "fatalities": n["casualties"][0]["count"]} for n in gold_notes]
    seen = {n["id"] for n in out}
    for path in sorted(csv_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                nid = f"acled-{row['event_id_cnty']}"
                if nid in seen or not (row.get("notes") or "").strip():
                    continue
                seen.add(nid)
                day = datetime.strptime(row["event_date"], next(
                    fmt for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y") if _parses(row["event_date"], fmt))).date()
                stamp = row.get("timestamp")
                published = datetime.fromtimestamp(int(stamp), timezone.utc).date() if stamp else day
                out.append({"id": nid, "text": row["notes"], "published": published.isoformat(),
                            "event_date": day.isoformat(), "fatalities": int(row["fatalities"])})
    return out


def _parses(text: str, fmt: str) -> bool:
    from datetime import datetime

    try:
        datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


def run_every_note(notes: list[dict], show_misses: bool) -> None:
    """Every note, no filter: toll accuracy and event date accuracy (see the module doc)."""
    from eventwire.transform.article import analyse_article
    from eventwire.transform.nlp import get_nlp

    nlp = get_nlp()
    docs = nlp.pipe((n["text"] for n in notes), batch_size=64)
    right = rows = rows_right = from_text = from_text_right = undated = 0
    by_source: dict[str, list[int]] = {}
    for note, doc in zip(notes, docs):
        published = date.fromisoformat(note["published"]) if note.get("published") else None
        events = [e for e in analyse_article(doc, note["id"], published).events if e.event_type == "casualty"]
        toll = death_toll(events)
        right += toll == note["fatalities"]
        if show_misses and toll != note["fatalities"]:
            print(f"  MISS {note['id']} gold={note['fatalities']} got={toll}: {note['text'][:220]}")
        truth = date.fromisoformat(note["event_date"])
        for e in events:
            rows += 1
            ok = e.event_date == truth
            rows_right += ok
            source = getattr(e, "date_source", None) or ("none" if e.event_date is None else "sentence")
            by_source.setdefault(source, [0, 0])
            by_source[source][0] += 1
            by_source[source][1] += ok
            undated += e.event_date is None
            if source not in ("published", "none"):
                from_text += 1
                from_text_right += ok
            if show_misses and not ok and e.event_date is not None:
                print(f"  DATE {note['id']} gold={truth} got={e.event_date} ({source}: {e.date_text!r}): {note['text'][:160]}")
    n = len(notes)
    print(f"\nEVERY ACLED note, no filter: {n} notes (gold files + CSVs)")
    print(f"  TOLL ACCURACY (all notes): {right}/{n} = {100 * right / max(1, n):.1f}%")
    print(f"  EVENT DATE ACCURACY (casualty rows): {rows_right}/{rows} = {100 * rows_right / max(1, rows):.1f}%; "
          f"undated {undated}; dated from the note's words {from_text} rows, right {100 * from_text_right / max(1, from_text):.1f}%")
    print("    by date_source: " + ", ".join(f"{k} {v[0]} ({100 * v[1] / max(1, v[0]):.0f}% right)" for k, v in sorted(by_source.items())))


def run_acled(notes: list[dict], show_misses: bool) -> None:
    from eventwire.transform.events.casualty import extract_casualties
    from eventwire.transform.dates import date_for_event
    from eventwire.transform.nlp import get_nlp
    from eventwire.transform.places import find_places, locate

    nlp = get_nlp()
    from eventwire.transform.dates import resolve_date
    from eventwire.transform.gazetteer import countries_of, lookup

    t0 = time.perf_counter()
    lookup("Kabul")
    countries_of("Kabul")
    resolve_date("6 May 2020", None)
    extract_casualties(nlp("On 6 May 2020, 2 soldiers were killed in Kabul."))
    print(f"one-off per process: gazetteer, dateparser and extractors' first call {time.perf_counter() - t0:.2f} s (not in the per-note times)")
    t0 = time.perf_counter()
    docs = list(nlp.pipe((n["text"] for n in notes), batch_size=64))
    parse_s = time.perf_counter() - t0

    groups: dict[str, list[bool]] = {}
    texts = [n["text"] for n in notes]
    shared_texts = {t for t in texts if texts.count(t) > 1}
    tp = fp = fn = 0
    located = located_ok = dated = dated_ok = 0
    t_cas = t_places = t_locate = t_dates = 0.0
    for note, doc in zip(notes, docs):
        published = date.fromisoformat(note["published"]) if note.get("published") else None
        t = time.perf_counter()
        events = extract_casualties(doc)
        t_cas += time.perf_counter() - t
        t = time.perf_counter()
        places = find_places(doc)
        t_places += time.perf_counter() - t
        t = time.perf_counter()
        for e in events:
            p = locate(e, doc, places)
            if e.casualty_kind == "killed" and e.subset_of is None and p is not None:
                located += 1
                gold_places = {norm(g) for g in note.get("places", [])}
                located_ok += norm(p.name) in gold_places or norm(p.canonical or "") in gold_places
        t_locate += time.perf_counter() - t
        t = time.perf_counter()
        for e in events:
            d, _, _ = date_for_event(e, doc, published)
            if d is not None:
                dated += 1
                dated_ok += d == published  # ACLED notes are published on (or reported for) their event day
        t_dates += time.perf_counter() - t

        group = scored_group(note, shared_texts)
        toll, gold = death_toll(events), note["casualties"][0]["count"]
        groups.setdefault(group, []).append(toll == gold)
        if show_misses and group in ("stated", "zero") and toll != gold:
            print(f"  MISS {note['id']} gold={gold} got={toll}: {note['text'][:220]}")
        predicted = {norm(p.name) for p in places} | {norm(p.canonical) for p in places if p.canonical}
        names = {norm(p.name) for p in places}
        gold_places = {norm(g) for g in note.get("places", [])}
        hit = {g for g in gold_places if g in predicted}
        tp += len(hit)
        fn += len(gold_places) - len(hit)
        fp += len([n for n in names if n not in gold_places and not any(n == norm(p.name) and norm(p.canonical or "") in gold_places for p in places)])

    print(f"\nACLED notes: {len(notes)}")
    print("filter: fatalities>0 scored when a number stands within a few words of a kill cue, the note has no coding")
    print("        remark and its text is not repeated on other events (a split report); fatalities=0 scored when the")
    print("        text has no kill cue; all others left out.")
    for name, results in sorted(groups.items()):
        print(f"  {name:48s} {len(results):4d} notes, toll right {sum(results):4d} ({100 * sum(results) / len(results):.1f}%)")
    scored = groups.get("stated", []) + groups.get("zero", [])
    print(f"  TOLL ACCURACY on scored notes: {sum(scored)}/{len(scored)} = {100 * sum(scored) / max(1, len(scored)):.1f}%")
    stated = groups.get("stated", [])
    print(f"    of which fatalities>0: {sum(stated)}/{len(stated)} = {100 * sum(stated) / max(1, len(stated)):.1f}%")
    print(f"\nplaces (all mentions vs ACLED's one location per note): precision {tp / max(1, tp + fp):.2f}, recall {tp / max(1, tp + fn):.2f}")
    print(f"locate(): killed rows given a place {located}, place is ACLED's location {located_ok} ({100 * located_ok / max(1, located):.0f}%)")
    print(f"dates: casualty rows dated {dated}, equal to the note's date {dated_ok} ({100 * dated_ok / max(1, dated):.0f}%)")
    n = len(notes)
    ms = lambda s: 1000 * s / n  # noqa: E731
    print(f"\ntiming per note: parse {ms(parse_s):.2f} ms | casualties {ms(t_cas):.3f} ms, places {ms(t_places):.3f} ms, "
          f"locate {ms(t_locate):.3f} ms, dates {ms(t_dates):.3f} ms "
          f"(extraction = {100 * (t_cas + t_places + t_locate + t_dates) / parse_s:.1f}% of parse)")


def seed_body(text: str) -> str:
    """The seed articles hold site boilerplate the lead's cleaner removes; cut it the crude way for this check."""
    for marker in ("See also:", "Sign up for our free weekly newsletter"):
        if marker in text:
            text = text[: text.index(marker)]
    return text.replace("Support The Moscow Times!", "")


def run_seeds(path: Path) -> None:
    from eventwire.transform.article import analyse_article
    from eventwire.transform.nlp import parse_one

    print(f"\nseeds ({path}):")
    for line in path.read_text().splitlines():
        seed = json.loads(line)
        published = date.fromisoformat(seed["published"])
        doc = parse_one(seed_body(seed["text"]))
        result = analyse_article(doc, seed["id"], published)
        casualties = [e for e in result.events if e.event_type == "casualty"]
        print(f"  {seed['id']}: toll {death_toll(casualties)}")
        for e in casualties:
            print(f"    {e.casualty_kind} {e.casualty_count} ({e.casualty_qualifier}) victims={e.victims!r} cumulative={e.is_cumulative} "
                  f"subset={'yes' if e.subset_of else 'no'} place={e.location} date={e.event_date} reported_by={e.reported_by}")
        gold = {norm(p) for p in seed.get("places", [])}
        got = {norm(p.name) for p in result.places}
        geocoded = [p for p in result.places if p.latitude is not None]
        print(f"    places: gold {sorted(gold)}; missing {sorted(gold - got)}; extra {sorted(got - gold)}; "
              f"geocoded {len(geocoded)}/{len(result.places)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--csv-dir", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    files = sorted(args.gold_dir.glob("acled_*.jsonl"))
    if not files:
        print(f"no ACLED gold under {args.gold_dir}", file=sys.stderr)
        return 1
    notes = [json.loads(line) for f in files for line in f.read_text().splitlines() if line.strip()]
    run_acled(notes[: args.limit], args.show_misses)
    run_every_note(csv_notes(args.csv_dir, notes)[: args.limit], args.show_misses)
    if (args.gold_dir / "seeds.jsonl").exists():
        run_seeds(args.gold_dir / "seeds.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
