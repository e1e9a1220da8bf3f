"""ACLED event types scored: what a note (or snippet) reports, by its first action row, and who did it.

Gold lines carry ACLED's own column names: `event_type` (one of the six), `sub_event_type` (one of the 25, spelled
as ACLED spells it), `actor1` and `assoc_actor_1`. The rules (issue 14):
- A note's predicted type is that of its FIRST action row: the earliest sentence with an action, and in it the
  gravest act (violence of any of the three violent types, then riots, then protests, then strategic developments
  — ACLED codes the gravest act a report holds), then the earliest. A note with no action row is wrong.
- Sub-event accuracy (= micro-F1, one label per note), macro-F1 over the sub-event types present in the gold,
  event-type accuracy over the six types, over notes whose gold has them.
- Actor: the first action row's `actor` names ACLED's actor1 or assoc_actor_1 when they share a content word,
  words compared by their first five letters ("Afghan" meets "Afghanistan"), words in parentheses left out (so a
  generic "Protesters (India)" is the word "protesters").
- Gold sub-event types outside ACLED's 25 (the CASE 2021 snippets' other five: disasters, organised crime,
  diplomacy, attribution) are not scored; what they get is counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
TAXONOMY: dict[str, str] = {
    "Armed clash": BATTLES, "Government regains territory": BATTLES, "Non-state actor overtakes territory": BATTLES,
    "Chemical weapon": EXPLOSIONS, "Air/drone strike": EXPLOSIONS, "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS, "Remote explosive/landmine/IED": EXPLOSIONS, "Grenade": EXPLOSIONS,
    "Sexual violence": VAC, "Attack": VAC, "Abduction/forced disappearance": VAC,
    "Peaceful protest": PROTESTS, "Protest with intervention": PROTESTS, "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS, "Mob violence": RIOTS,
    "Agreement": STRATEGIC, "Arrests": STRATEGIC, "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC, "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC, "Non-violent transfer of territory": STRATEGIC, "Other": STRATEGIC,
}
"""ACLED's 25 sub-event types and their event type (ACLED codebook, 2019 taxonomy)."""

GRAVITY = {VAC: 0, EXPLOSIONS: 0, BATTLES: 0, RIOTS: 1, PROTESTS: 2, STRATEGIC: 3}

CASE_CODES: dict[str, str] = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack", "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
"""CASE 2021 task 2 codes of ACLED's 25 types → ACLED's spelling; its other five codes are not ACLED types."""

_STOP = {"of", "the", "and", "or", "for", "in", "on", "a", "an", "to", "with", "from", "by", "at", "its", "their", "his",
         "her", "de", "la", "le", "du", "des", "del", "y", "et"}


def content_words(name: str) -> set[str]:
    """The words an actor's name is compared by: letters only, lower case, first five letters, parentheses out."""
    name = re.sub(r"\([^)]*\)", " ", name)
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _STOP}


def actor_matches(predicted: str | None, gold: Iterable[str | None]) -> bool:
    if not predicted:
        return False
    words = content_words(predicted)
    return any(words & content_words(g) for g in gold if g)


def first_action(events: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The row a note is typed by (see the module doc), or None when it has no action row."""
    actions = [e for e in events if e.get("event_type") == "action" and e.get("subcategory")]
    if not actions:
        return None
    return min(actions, key=lambda e: (e.get("sent_start") or 0, GRAVITY.get(e.get("category") or "", 4),
                                       e.get("char_start") or 0))


def accuracy(gold: list, pred: list) -> float | None:
    pairs = [(g, p) for g, p in zip(gold, pred) if g is not None]
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else None


def macro_f1(gold: list, pred: list) -> float | None:
    """Mean F1 over the labels present in the gold (a missing prediction is a miss, never a label)."""
    labels = sorted({g for g in gold if g is not None})
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab and g is not None for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else None


def score_event_types(gold: list[dict], predictions: dict[str, dict]) -> dict[str, Any] | None:
    """Event-type scores of the gold lines that carry ACLED types (None when none does); `predictions` as for
    `articles.score`."""
    typed = [g for g in gold if g.get("sub_event_type") or g.get("event_type")]
    if not typed:
        return None
    gold_sub, pred_sub, gold_cat, pred_cat, actors = [], [], [], [], []
    others: dict[str, Counter] = {}
    confusion: Counter = Counter()
    for g in typed:
        row = first_action((predictions.get(g["id"]) or {}).get("events") or [])
        sub, cat = (row.get("subcategory"), row.get("category")) if row else (None, None)
        gold_sub_type = g.get("sub_event_type")
        if gold_sub_type and gold_sub_type not in TAXONOMY:
            others.setdefault(gold_sub_type, Counter())[sub or "(none)"] += 1
            continue
        gold_sub.append(gold_sub_type)
        pred_sub.append(sub)
        gold_cat.append(g.get("event_type") or TAXONOMY.get(gold_sub_type or ""))
        pred_cat.append(cat)
        if gold_sub_type:
            confusion[(gold_sub_type, sub or "(none)")] += 1
        if g.get("actor1") or g.get("assoc_actor_1"):
            actors.append(actor_matches(row.get("actor") if row else None, (g.get("actor1"), g.get("assoc_actor_1"))))
    return {
        "notes": len(gold_sub),
        "without_action": sum(p is None for p in pred_sub),
        "sub_event_accuracy": accuracy(gold_sub, pred_sub),
        "sub_event_macro_f1": macro_f1(gold_sub, pred_sub),
        "event_type_accuracy": accuracy(gold_cat, pred_cat),
        "actor_match": sum(actors) / len(actors) if actors else None,
        "actors_scored": len(actors),
        "confusion": {f"{g} -> {p}": n for (g, p), n in confusion.most_common()},
        "other_types": {k: dict(v.most_common()) for k, v in sorted(others.items())},
    }


def format_event_types(scores: dict[str, Any] | None) -> list[str]:
    """The event-type lines of `eventwire eval`'s report."""
    if not scores:
        return []

    def f(x: float | None) -> str:
        return "   -  " if x is None else f"{x:6.3f}"

    lines = [f"{'event types':24}{scores['notes']} notes, {scores['without_action']} with no action row",
             f"{'  sub-event accuracy':24}{f(scores['sub_event_accuracy'])}  (= micro-F1; first action row)",
             f"{'  sub-event macro-F1':24}{f(scores['sub_event_macro_f1'])}",
             f"{'  event-type accuracy':24}{f(scores['event_type_accuracy'])}  (ACLED's 6 types)"]
    if scores["actors_scored"]:
        lines.append(f"{'  actor names actor1':24}{f(scores['actor_match'])}  (of {scores['actors_scored']} notes)")
    for code, got in scores["other_types"].items():
        lines.append(f"  {code} (not an ACLED type): " + "; ".join(f"{k} {v}" for k, v in list(got.items())[:4]))
    return lines
