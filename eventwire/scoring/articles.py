"""Articles scored against gold lines: statements, speakers, casualty figures, article tolls, places, not_events.

The matching rules are those of the gold README (../shared/gold/README.md), so that every scorer agrees:
texts are NFKC-normalised, lower-cased, curly quotes made straight and white space folded; tokens are runs
of letters and digits; statements match on content overlap, greedy best-overlap-first and one-to-one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u2032": "'", "\u2033": '"'})
_TOKEN = re.compile(r"[^\W_]+")
_WS = re.compile(r"\s+")
# Words that never make a speaker "named": pronouns, titles, determiners and quantifiers that are
# capitalised only because they start a sentence.
PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their this that these those who "
    "one someone somebody".split()
)
_NOT_NAMES = PRONOUNS | frozenset(
    "the a an and of mr mrs ms miss dr prof sir madam lord lady president vice prime minister secretary "
    "sen senator rep representative gov governor gen general col colonel capt captain lt sgt judge justice "
    "chief head leader spokesman spokeswoman spokesperson chairman chairwoman chair director official "
    "officials source sources former current then acting deputy assistant foreign state several many some "
    "other another both all most few two three four five both each every no any such also new "
    "king queen prince princess emir sheikh pope rev father st saint".split()
)


def normalize(text: str | None) -> str:
    """Text as the README compares it: NFKC, lower-case, straight quotes, folded white space."""
    if not text:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()).strip()


def tokens(text: str | None) -> list[str]:
    """Runs of letters and digits of the normalised text."""
    return _TOKEN.findall(normalize(text))


def _multiset_overlap(a: list[str], b: list[str]) -> int:
    counts: dict[str, int] = {}
    for t in b:
        counts[t] = counts.get(t, 0) + 1
    common = 0
    for t in a:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            common += 1
    return common


def containment(part: list[str], whole: list[str]) -> float:
    """Share of `part`'s tokens that stand in `whole` (as a multiset)."""
    return _multiset_overlap(part, whole) / len(part) if part else 0.0


def overlap_f1(a: list[str], b: list[str]) -> float:
    """Token-overlap F1 of two token lists."""
    common = _multiset_overlap(a, b)
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def statement_overlap(gold: dict, predicted_quote: str | None) -> float:
    """How well a predicted content matches a gold statement; 0 when it does not match at all."""
    says, pred = tokens(gold.get("says")), tokens(predicted_quote)
    if not says or not pred:
        return 0.0
    if gold.get("says_is_span"):
        f1 = overlap_f1(says, pred)
        return f1 if f1 >= 0.5 else 0.0
    c = containment(says, pred)
    return c if c >= 0.8 else 0.0


def greedy_match(scores: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, predicted index, score), best score first; ties by position."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for s, g, p in sorted(scores, key=lambda x: (-x[0], x[1], x[2])):
        if s > 0 and g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p, s))
    return pairs


def name_tokens(speaker: str | None) -> set[str]:
    """The surname-like tokens of a speaker: capitalised words that are not pronouns, titles or determiners."""
    if not speaker:
        return set()
    text = unicodedata.normalize("NFKC", speaker).translate(_QUOTES)
    out = set()
    for word in _TOKEN.findall(text):
        if word[0].isupper() and word.lower() not in _NOT_NAMES:
            out.add(word.lower())
    return out


def speaker_right(gold: dict, predicted_actor: str | None) -> bool:
    """True when the predicted speaker shares a surname-like token with the gold speaker or an alias."""
    pred = set(tokens(predicted_actor)) - PRONOUNS
    names = name_tokens(gold.get("speaker"))
    for alias in gold.get("speaker_aliases") or []:
        names |= name_tokens(alias)
    return bool(pred & names)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p, r = _ratio(tp, n_pred), _ratio(tp, n_gold)
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f1}


def _is_acled(article: dict) -> bool:
    if "acled" in str(article.get("source", "")).lower():
        return True
    return any("acled" in str(c.get("note", "")).lower() for c in article.get("casualties") or [])


def article_toll(events: Iterable[dict]) -> int:
    """An article's death toll: killed rows, not cumulative, not part of a larger count already listed."""
    return sum(
        int(e.get("casualty_count") or 0)
        for e in events
        if e.get("event_type", "casualty") == "casualty"
        and e.get("casualty_kind") == "killed"
        and not e.get("is_cumulative")
        and e.get("subset_of") is None
    )


def _overlaps(sentence: str, boiler: str) -> bool:
    """An event sentence overlaps boilerplate when one holds the other, or holds 80% of its tokens."""
    s, b = normalize(sentence), normalize(boiler)
    if not s or not b:
        return False
    if b in s or s in b:
        return True
    bt = tokens(b)
    return bool(bt) and containment(bt, tokens(s)) >= 0.8


def score(gold: list[dict], predictions: dict[str, dict]) -> dict[str, Any]:
    """Statement P/R/F1, speaker accuracy, casualty matches, article tolls, places P/R and not_events hits.

    `predictions` maps a gold article `id` to {"events": [event rows as dicts], "places": [place rows]}.
    Only what the gold annotates is scored: a missing list means "not annotated".
    """
    st = {"tp": 0, "pred": 0, "gold": 0}
    sp = {"right": 0, "scored": 0}
    ca = {"tp": 0, "pred": 0, "gold": 0}
    toll = {"right": 0, "scored": 0}
    pl = {"tp": 0, "pred": 0, "gold": 0}
    not_event_hits = 0
    per_article = []
    for art in gold:
        pred = predictions.get(art["id"], {}) or {}
        events = list(pred.get("events") or [])
        row: dict[str, Any] = {"id": art["id"]}
        if "statements" in art:
            g_st = art["statements"] or []
            p_st = [e for e in events if e.get("event_type") == "statement"]
            pairs = greedy_match([
                (statement_overlap(g, p.get("quote")), gi, pi)
                for gi, g in enumerate(g_st) for pi, p in enumerate(p_st)
            ])
            st["tp"] += len(pairs)
            st["pred"] += len(p_st)
            st["gold"] += len(g_st)
            row.update(statements_gold=len(g_st), statements_predicted=len(p_st), statements_matched=len(pairs))
            for gi, pi, _ in pairs:
                if name_tokens(g_st[gi].get("speaker")):
                    sp["scored"] += 1
                    sp["right"] += speaker_right(g_st[gi], p_st[pi].get("actor"))
        if "casualties" in art:
            p_ca = [e for e in events if e.get("event_type") == "casualty"]
            if _is_acled(art):
                killed = [c for c in art["casualties"] or [] if c.get("kind") == "killed"]
                if killed:
                    toll["scored"] += 1
                    ok = article_toll(p_ca) == sum(int(c.get("count") or 0) for c in killed)
                    toll["right"] += ok
                    row["toll_right"] = ok
            else:
                # A gold count's `includes` ("40 people, including two civilians") are rows of their own
                # in the event table (with `subset_of` set), so they are expected as predictions too.
                g_ca = [x for c in art["casualties"] or [] for x in
                        [c, *({"kind": c.get("kind"), **inc} for inc in c.get("includes") or [])]]
                pairs = greedy_match([
                    (1.0, gi, pi) for gi, g in enumerate(g_ca) for pi, p in enumerate(p_ca)
                    if g.get("kind") == p.get("casualty_kind") and g.get("count") == p.get("casualty_count")
                ])
                ca["tp"] += len(pairs)
                ca["pred"] += len(p_ca)
                ca["gold"] += len(g_ca)
        if "places" in art:
            g_pl = {normalize(x) for x in art["places"] or []} - {""}
            p_pl: dict[str, set[str]] = {}
            for place in pred.get("places") or []:
                key = normalize(place.get("canonical") or place.get("name"))
                p_pl.setdefault(key, set()).update({normalize(place.get("name")), key})
            found = {g for g in g_pl if any(g in names for names in p_pl.values())}
            pl["tp"] += len(found)
            pl["gold"] += len(g_pl)
            pl["pred"] += len(p_pl)
        hits = sum(
            1 for e in events for b in art.get("not_events") or [] if _overlaps(e.get("sentence") or "", b)
        )
        not_event_hits += hits
        row["not_event_hits"] = hits
        per_article.append(row)
    return {
        "articles": len(gold),
        "statements": _prf(st["tp"], st["pred"], st["gold"]),
        "speaker_accuracy": _ratio(sp["right"], sp["scored"]),
        "speakers_scored": sp["scored"],
        "casualties": _prf(ca["tp"], ca["pred"], ca["gold"]),
        "toll_accuracy": _ratio(toll["right"], toll["scored"]),
        "tolls_scored": toll["scored"],
        "places": _prf(pl["tp"], pl["pred"], pl["gold"]),
        "not_event_hits": not_event_hits,
        "per_article": per_article,
    }


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def format_report(scores: dict[str, Any], title: str | None = None) -> str:
    """A plain-text table of the scores, for the terminal."""
    lines = [title] if title else []
    lines.append(f"articles: {scores['articles']}")
    lines.append(f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'pred':>7}{'gold':>7}")
    for name in ("statements", "casualties", "places"):
        s = scores[name]
        if s["gold"] or s["predicted"]:
            lines.append(f"{name:24}{_fmt(s['precision'])} {_fmt(s['recall'])} {_fmt(s['f1'])}"
                         f"{s['tp']:7d}{s['predicted']:7d}{s['gold']:7d}")
    if scores["speakers_scored"]:
        lines.append(f"{'speaker accuracy':24}{_fmt(scores['speaker_accuracy'])}  "
                     f"(of {scores['speakers_scored']} matched statements with a named speaker)")
    if scores["tolls_scored"]:
        lines.append(f"{'article toll accuracy':24}{_fmt(scores['toll_accuracy'])}  "
                     f"(of {scores['tolls_scored']} articles)")
    lines.append(f"{'not_events hit':24}{scores['not_event_hits']:6d}")
    return "\n".join(lines)
