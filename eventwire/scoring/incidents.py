"""Score incidents against gold in the format of ../shared/gold/gva_incidents_dev.jsonl.

Pure: `score_incidents(gold, predictions)` takes plain data; `predictions_from_db` reads what it needs from
a database (read-only). It shares no code with what it scores (`load/incidents.py` and its rules), so a
bug there cannot hide here. The matching rules are the gold README's ("Incidents"):

- **B-cubed** precision/recall/F1 of articles grouped into incidents. An article's predicted incident is the
  one most of its casualty rows belong to (a tie goes to the incident of its first row in the text); an
  article with none, or not in the database, is a group of its own. An article the pipeline loaded once
  under another id (rejected as "same text as X") is scored as X.
- **Each gold incident's figures** are read from the predicted incident most of its articles land in (ties:
  the one holding the gold's earliest-listed article); articles without an incident do not vote, and a gold
  incident none of whose articles has one is wrong on every figure. `killed` and `injured` must equal GVA's
  (a predicted incident with no killed figure counts as 0 killed; likewise wounded); the date must be within
  a day; the place within 40 km of GVA's coordinates (incidents GVA gives no coordinates are not scored).
- **Total killed** over all predicted incidents in the database, as a ratio of the gold total; and, for
  comparison, the **summing mentions** ratio: every article's death toll by the toll rule (killed rows, not
  cumulative, not a subset of a larger count), summed, over the gold total.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

PLACE_KM = 40.0
DATE_DAYS = 1


@dataclass
class Predictions:
    """What the scorer needs from a database."""

    article_ids: dict[str, str] = field(default_factory=dict)  # gold/source id -> article_id
    aliases: dict[str, str] = field(default_factory=dict)  # rejected duplicate source id -> loaded source id
    rows: list[dict] = field(default_factory=list)  # casualty rows: article_id, incident_id, char_start,
    #                                                  casualty_kind, casualty_count, is_cumulative, subset_of
    incidents: dict[str, dict] = field(default_factory=dict)  # incident_id -> incident_date, latitude,
    #                                                             longitude, killed, wounded


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def article_incidents(predictions: Predictions) -> dict[str, str]:
    """article_id -> the incident most of its casualty rows belong to (ties: its first row's)."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in predictions.rows:
        if row.get("incident_id") is not None:
            by_article[row["article_id"]].append(row)
    out = {}
    for article_id, rows in by_article.items():
        counts = Counter(r["incident_id"] for r in rows)
        top = max(counts.values())
        first = min((r for r in rows if counts[r["incident_id"]] == top), key=lambda r: (r["char_start"] or 0))
        out[article_id] = first["incident_id"]
    return out


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def score_incidents(gold: list[dict], predictions: Predictions) -> dict[str, Any]:
    """Every figure of the module doc, as a dict."""
    of_article = article_incidents(predictions)

    def predicted(source_id: str) -> str | None:
        source_id = predictions.aliases.get(source_id, source_id)
        article_id = predictions.article_ids.get(source_id)
        return of_article.get(article_id) if article_id else None

    gold_of: dict[str, str] = {}
    for g in gold:
        for sid in g["articles"]:
            gold_of[sid] = str(g["incident"])
    pred_of = {sid: predicted(sid) or f"article:{sid}" for sid in gold_of}
    gold_groups: dict[str, set[str]] = defaultdict(set)
    pred_groups: dict[str, set[str]] = defaultdict(set)
    for sid in gold_of:
        gold_groups[gold_of[sid]].add(sid)
        pred_groups[pred_of[sid]].add(sid)
    precision = recall = 0.0
    for sid in gold_of:
        both = len(gold_groups[gold_of[sid]] & pred_groups[pred_of[sid]])
        precision += both / len(pred_groups[pred_of[sid]])
        recall += both / len(gold_groups[gold_of[sid]])
    n = len(gold_of)
    precision, recall = (precision / n, recall / n) if n else (0.0, 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    killed_ok = injured_ok = date_ok = place_ok = place_scored = matched = 0
    for g in gold:
        votes = Counter(p for sid in g["articles"] if (p := predicted(sid)) is not None)
        inc = None
        if votes:
            top = max(votes.values())
            order = [predicted(sid) for sid in g["articles"]]
            inc_id = next(p for p in order if p is not None and votes[p] == top)
            inc = predictions.incidents.get(inc_id)
        if g.get("latitude") is not None and g.get("longitude") is not None:
            place_scored += 1
        if inc is None:
            continue
        matched += 1
        killed_ok += int((inc.get("killed") or 0) == int(g.get("killed") or 0))
        injured_ok += int((inc.get("wounded") or 0) == int(g.get("injured") or 0))
        day, gday = _as_date(inc.get("incident_date")), _as_date(g.get("date"))
        date_ok += int(day is not None and gday is not None and abs((day - gday).days) <= DATE_DAYS)
        if g.get("latitude") is not None and g.get("longitude") is not None and inc.get("latitude") is not None:
            place_ok += int(_km(inc["latitude"], inc["longitude"], g["latitude"], g["longitude"]) <= PLACE_KM)

    truth = sum(int(g.get("killed") or 0) for g in gold)
    total_incidents = sum(int(i.get("killed") or 0) for i in predictions.incidents.values())
    mentions = sum(
        int(r.get("casualty_count") or 0) for r in predictions.rows
        if r.get("casualty_kind") == "killed" and not r.get("is_cumulative") and r.get("subset_of") is None
    )
    incidents = len(gold)
    return {
        "gold_incidents": incidents,
        "gold_articles": n,
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "bcubed_f1": f1,
        "incidents_matched": matched,
        "killed_accuracy": _ratio(killed_ok, incidents),
        "injured_accuracy": _ratio(injured_ok, incidents),
        "date_within_day": _ratio(date_ok, incidents),
        "place_within_40km": _ratio(place_ok, place_scored),
        "place_scored": place_scored,
        "killed_truth": truth,
        "killed_over_incidents": total_incidents,
        "killed_ratio_incidents": _ratio(total_incidents, truth),
        "killed_summing_mentions": mentions,
        "killed_ratio_mentions": _ratio(mentions, truth),
        "predicted_incidents": len(predictions.incidents),
    }


_SAME_TEXT = re.compile(r"same text as (.+?), loaded once")


def predictions_from_db(con: Any, source_ids: Iterable[str] | None = None) -> Predictions:
    """Read the predictions from an open DuckDB connection (articles, casualty rows, incidents, rejects)."""
    out = Predictions()
    wanted = set(source_ids) if source_ids is not None else None
    for source_id, article_id in con.execute("SELECT source_id, article_id FROM articles").fetchall():
        if wanted is None or source_id in wanted:
            out.article_ids[source_id] = article_id
    for source_id, detail in con.execute(
            "SELECT source_id, detail FROM rejects WHERE reason = 'duplicate article'").fetchall():
        m = _SAME_TEXT.search(detail or "")
        if m:
            out.aliases[source_id] = m.group(1)
    names = ["article_id", "incident_id", "char_start", "casualty_kind", "casualty_count", "is_cumulative", "subset_of"]
    for values in con.execute(f"SELECT {', '.join(names)} FROM events WHERE event_type = 'casualty'").fetchall():
        out.rows.append(dict(zip(names, values)))
    inc_names = ["incident_id", "incident_date", "latitude", "longitude", "killed", "wounded"]
    for values in con.execute(f"SELECT {', '.join(inc_names)} FROM incidents").fetchall():
        record = dict(zip(inc_names, values))
        out.incidents[record["incident_id"]] = record
    return out


def format_scores(s: dict[str, Any]) -> str:
    """The figures as lines a person reads (targets from issue 12 in brackets)."""
    def f(x: float | None) -> str:
        return "  n/a" if x is None else f"{x:.3f}"
    return "\n".join([
        f"gold: {s['gold_incidents']} incidents, {s['gold_articles']} articles; predicted incidents: {s['predicted_incidents']}",
        f"B-cubed            P {f(s['bcubed_precision'])}  R {f(s['bcubed_recall'])}  F1 {f(s['bcubed_f1'])}   [F1 >= 0.90]",
        f"killed accuracy    {f(s['killed_accuracy'])}   [>= 0.85]",
        f"injured accuracy   {f(s['injured_accuracy'])}   [>= 0.75]",
        f"date within a day  {f(s['date_within_day'])}   [>= 0.90]",
        f"place within 40 km {f(s['place_within_40km'])}   [>= 0.90] (of {s['place_scored']} with coordinates)",
        f"total killed       incidents {s['killed_over_incidents']} = {f(s['killed_ratio_incidents'])}x truth "
        f"({s['killed_truth']})   [within 5%];  summing mentions {s['killed_summing_mentions']} = "
        f"{f(s['killed_ratio_mentions'])}x",
    ])
