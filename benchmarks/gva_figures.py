"""Benchmark: US local news (Gun Violence Archive set): each article's death toll and wounded total against
its incident's GVA counts, beside a regex peer and the always-zero answer.

    python benchmarks/gva_figures.py [--shared ../shared] [--limit N] [--show-misses N] [--cache FILE]

Reads ../shared/corpus/gva/articles.jsonl and ../shared/gold/gva_incidents_dev.jsonl at run time (nothing from
them is kept in the project). Articles are cleaned as `eventwire run` cleans them, parsed with `nlp.pipe` and
analysed by `analyse_article`. An article's killed figure is its death toll by the toll rule
(`counts_toward_toll`); its wounded figure sums the wounded rows by the same rule (not cumulative, not an
aggregate, not a subset). GVA's `killed`/`injured` are final counts: an article written before a victim died
cannot state them, and some pages hold no report at all (a login wall, a list of videos), so the share of
articles whose text could state the count is printed too: an upper bound read by a generous regex (the number
stands within eight words of a cue; 1 wherever a cue word stands at all; 0 always).

The regex peer is deliberately plain: the largest number (digits, a number word, "a"/"an") in the five words
before "killed/dead/died/slain" (or "wounded/injured/hurt"), 0 when there is none.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_NUM = r"(\d{1,3}|" + "|".join(_WORDS) + r")"
KILL = r"(?:killed|dead|died|slain)"
WOUND = r"(?:wounded|injured|hurt)"


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def regex_peer(text: str, cue: str) -> int:
    """The largest number in the five words before a cue; 0 when none (the plain baseline)."""
    found = [_value(m.group(1)) for m in re.finditer(rf"\b{_NUM}\b(?:\W+\w+){{0,4}}?\W+{cue}\b", text, re.I)]
    return max(found, default=0)


STATED_KILL = r"(?:killed|dead|died|dies|slain|fatal\w*|deceased|homicide|murder\w*|deaths?|succumbed|lost (?:his|her) life)"
STATED_WOUND = r"(?:wounded|injured|injur\w+|hurt|shot|hospitali[sz]ed|condition|grazed)"


def stated_counts(text: str, cue: str) -> set[int]:
    """Counts the text could be stating, read generously (an upper bound on what any extractor can get right):
    0; every number within eight words of a cue; and 1 wherever a cue word stands at all."""
    near = rf"\b{_NUM}\b(?:\W+\w+){{0,7}}?\W+{cue}\b|\b{cue}\b(?:\W+\w+){{0,7}}?\W+{_NUM}\b"
    out = {0}
    for m in re.finditer(near, text, re.I):
        out.add(_value(m.group(1) or m.group(2)))
    if re.search(rf"\b{cue}", text, re.I):
        out.add(1)
    return out


def load(shared: Path, limit: int | None = None) -> tuple[list, dict[str, dict], list[str]]:
    """The cleaned GVA articles (as `eventwire run` cleans them), a map article id → its gold incident, and the
    ids of articles the cleaner rejects (nothing left but page furniture: scored as stating no figure)."""
    from eventwire.evaluate import articles_from_gold

    incidents = [json.loads(line) for line in (shared / "gold" / "gva_incidents_dev.jsonl").read_text().splitlines() if line.strip()]
    by_article = {a: inc for inc in incidents for a in inc["articles"]}
    rows = [json.loads(line) for line in (shared / "corpus" / "gva" / "articles.jsonl").read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r["id"] in by_article][:limit]
    articles = articles_from_gold(rows)
    kept = {a.source_id for a in articles}
    rejected = [r["id"] for r in rows if r["id"] not in kept]  # nothing left after boilerplate: no figure at all
    return articles, {k: v for k, v in by_article.items() if k in kept or k in rejected}, rejected


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def figures(events: list) -> tuple[int, int]:
    """(death toll, wounded total) of one article's events, by the toll rule."""
    from eventwire.transform.events.casualty import counts_toward_toll, counts_toward_wounded

    killed = sum(e.casualty_count or 0 for e in events if counts_toward_toll(e))
    wounded = sum(e.casualty_count or 0 for e in events if counts_toward_wounded(e))
    return killed, wounded


def report(articles: list, results: list, by_article: dict[str, dict], show_misses: int = 0,
           rejected: list[str] = ()) -> dict[str, float]:
    """Print and return the figures for analysed articles (`results[i]` belongs to `articles[i]`); rejected
    articles count as stating nothing (0 killed, 0 wounded)."""
    n = len(articles) + len(rejected)
    right = Counter()
    for sid in rejected:
        inc = by_article[sid]
        for key, gold in (("killed", inc["killed"]), ("wounded", inc["injured"])):
            right[key] += gold == 0
            right[f"peer_{key}"] += gold == 0
            right[f"zero_{key}"] += gold == 0
            right[f"stated_{key}"] += gold == 0
        right["both"] += inc["killed"] == 0 and inc["injured"] == 0
    tolls: list[tuple[int, str]] = []
    rows_per_article = Counter()
    dated = Counter()
    misses = []
    for art, res in zip(articles, results):
        inc = by_article[art.source_id]
        if res.error:
            print(f"  ERROR {art.source_id}: {res.error}")
        killed, wounded = figures(res.events)
        tolls.append((killed, art.source_id))
        rows_per_article[sum(e.event_type == "casualty" for e in res.events)] += 1
        right["killed"] += killed == inc["killed"]
        right["wounded"] += wounded == inc["injured"]
        right["both"] += killed == inc["killed"] and wounded == inc["injured"]
        right["peer_killed"] += regex_peer(art.body, KILL) == inc["killed"]
        right["peer_wounded"] += regex_peer(art.body, WOUND) == inc["injured"]
        right["zero_killed"] += inc["killed"] == 0
        right["zero_wounded"] += inc["injured"] == 0
        right["stated_killed"] += inc["killed"] in stated_counts(art.body, STATED_KILL)
        right["stated_wounded"] += inc["injured"] in stated_counts(art.body, STATED_WOUND)
        for e in res.events:
            if e.event_type != "casualty":
                continue
            if e.event_date is None:
                dated["none"] += 1
            elif art.published and not (art.published - timedelta(days=366) <= e.event_date <= art.published + timedelta(days=1)):
                dated["outside a year before publication"] += 1
            else:
                dated["within a year before publication"] += 1
        where = next((e for e in res.events if e.event_type == "casualty" and e.subset_of is None
                      and not e.is_cumulative and not e.recalled and e.latitude is not None), None)
        if where is not None and inc.get("latitude") is not None:
            right["placed"] += 1
            right["placed_near"] += km(where.latitude, where.longitude, inc["latitude"], inc["longitude"]) <= 40
        if killed != inc["killed"] or wounded != inc["injured"]:
            misses.append((art.source_id, inc["killed"], killed, inc["injured"], wounded))
    share = {k: v / max(1, n) for k, v in right.items()}
    print(f"GVA articles: {n}, of which rejected by the cleaner (no text left): {len(rejected)} "
          f"(incidents in gold: {len(set(i['incident'] for i in by_article.values()))})")
    print(f"{'':34}{'killed':>8}{'wounded':>9}")
    print(f"{'eventwire (toll rule)':34}{share['killed']:8.3f}{share['wounded']:9.3f}   both right {share['both']:.3f}")
    print(f"{'regex peer':34}{share['peer_killed']:8.3f}{share['peer_wounded']:9.3f}")
    print(f"{'always 0':34}{share['zero_killed']:8.3f}{share['zero_wounded']:9.3f}")
    print(f"{'text states the count (<= bound)':34}{share['stated_killed']:8.3f}{share['stated_wounded']:9.3f}")
    print(f"event place (first counted figure's location): {right['placed']} articles placed, "
          f"{right['placed_near'] / max(1, right['placed']):.3f} of them within 40 km of GVA's coordinates "
          f"({right['placed_near'] / max(1, n):.3f} of all articles)")
    total = sum(t for t, _ in tolls)
    truth = sum(by_article[a.source_id]["killed"] for a in articles)
    print(f"summed article tolls {total} (sum of each article's incident's killed: {truth}); biggest: "
          + ", ".join(f"{t} ({sid[4:12]})" for t, sid in sorted(tolls, reverse=True)[:5]))
    print("casualty rows per article: " + ", ".join(f"{k}: {v}" for k, v in sorted(rows_per_article.items())[:8]))
    print("casualty rows' event_date: " + ", ".join(f"{k} {v}" for k, v in sorted(dated.items())))
    for sid, gk, k, gw, w in misses[:show_misses]:
        print(f"  MISS {sid} killed gold {gk} got {k} | wounded gold {gw} got {w}")
    return share


def analyse(doc, article):
    """`analyse_article`, with a bug on one article recorded as the flow records it (a result with `error`)."""
    from eventwire.transform.article import analyse_article
    from eventwire.transform.records import ArticleResult

    try:
        return analyse_article(doc, article.article_id, article.published, article.url, article.title)
    except Exception as exc:  # noqa: BLE001 - the flow rejects such an article and goes on; so does this count
        return ArticleResult(article.article_id, error=f"{type(exc).__name__}: {exc}")


def _cached_docs(cache: Path | None, nlp, articles: list) -> list:
    """The parsed articles: from `cache` when it holds exactly these texts, else parsed (and written to it)."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.body for a in articles]:
            return docs
    docs = list(nlp.pipe((a.body for a in articles), batch_size=32))
    if cache is not None:
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=None,
                    help="a DocBin of the parsed articles: written on the first run, read on later ones (while "
                         "iterating on extraction rules; delete it when the pipeline or the corpus changes)")
    args = ap.parse_args(argv)
    from eventwire.transform.article import analyse_article
    from eventwire.transform.nlp import get_nlp

    articles, by_article, rejected = load(args.shared, args.limit)
    nlp = get_nlp()
    analyse_article(nlp("A man was shot and killed on Monday in Dayton."), "warm-up", None)  # one-off loads
    t0 = time.perf_counter()
    docs = _cached_docs(args.cache, nlp, articles)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    results = [analyse(doc, a) for a, doc in zip(articles, docs)]
    extract_s = time.perf_counter() - t0
    report(articles, results, by_article, args.show_misses, rejected)
    if args.cache is None:
        print(f"timing: parse {parse_s:.1f} s, extraction {extract_s:.1f} s ({100 * extract_s / parse_s:.1f}% of parse)")
    else:
        print(f"timing: extraction {extract_s:.1f} s (the parse was read from {args.cache}: no parse timing)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
