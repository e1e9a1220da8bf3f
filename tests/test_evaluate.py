"""The gold scorer on tiny hand-made gold and predictions: the README's matching rules, one by one."""

from __future__ import annotations

import json

from eventwire.evaluate import load_gold
from eventwire.scoring import (
    article_toll,
    format_report,
    normalize,
    score,
    speaker_right,
    tokens,
)


def stmt(quote, actor=None, sentence="s"):
    return {"event_type": "statement", "quote": quote, "actor": actor, "sentence": sentence}


def test_normalize_and_tokens():
    assert normalize("  \u201cHello\u00a0 World\u201d ") == '"hello world"'
    assert tokens("It\u2019s 40 people") == ["it", "s", "40", "people"]


def test_distinctive_piece_needs_80_percent_containment():
    gold = [{"id": "a", "statements": [{"speaker": "Ana Pell", "says": "we will never retreat from the border",
                                        "says_is_span": False}]}]
    hit = score(gold, {"a": {"events": [stmt("And we will never retreat from the border, ever", "Ana Pell")]}})
    assert hit["statements"]["tp"] == 1 and hit["statements"]["f1"] == 1.0
    miss = score(gold, {"a": {"events": [stmt("we will retreat", "Ana Pell")]}})
    assert miss["statements"]["tp"] == 0 and miss["statements"]["precision"] == 0.0


def test_span_needs_overlap_f1_half_and_is_one_to_one():
    gold = [{"id": "a", "statements": [{"speaker": "Ana Pell", "says": "the port will close on Monday",
                                        "says_is_span": True}]}]
    preds = [stmt("the port will close on Monday"), stmt("the port will close on Monday morning")]
    s = score(gold, {"a": {"events": preds}})
    assert s["statements"]["tp"] == 1
    assert s["statements"]["precision"] == 0.5 and s["statements"]["recall"] == 1.0
    low = score(gold, {"a": {"events": [stmt("the port is fine, officials said on the radio for hours")]}})
    assert low["statements"]["tp"] == 0


def test_speaker_surname_and_pronoun_rule():
    gold = {"speaker": "Russian Foreign Minister Sergei Lavrov", "speaker_aliases": ["Lavrov"]}
    assert speaker_right(gold, "Lavrov")
    assert speaker_right(gold, "Sergei Lavrov")
    assert not speaker_right(gold, "he")
    assert not speaker_right(gold, "Minister")  # a title is not a name
    assert not speaker_right({"speaker": "he"}, "he")


def test_speaker_accuracy_counts_only_named_gold():
    gold = [{"id": "a", "statements": [
        {"speaker": "Ana Pell", "says": "alpha beta gamma delta", "says_is_span": False},
        {"speaker": "a source", "says": "one two three four", "says_is_span": False},
    ]}]
    s = score(gold, {"a": {"events": [stmt("alpha beta gamma delta", "she"), stmt("one two three four", "x")]}})
    assert s["speakers_scored"] == 1 and s["speaker_accuracy"] == 0.0


def test_casualties_tolls_places_and_not_events():
    gold = [
        {"id": "c", "casualties": [{"kind": "killed", "count": 40}, {"kind": "wounded", "count": 3}],
         "places": ["Donetsk", "Kyiv"], "not_events": ["Sign up for our free weekly newsletter"]},
        {"id": "acled-1", "source": "ACLED notes", "casualties": [{"kind": "killed", "count": 5, "note": "ACLED"}]},
    ]
    preds = {
        "c": {"events": [{"event_type": "casualty", "casualty_kind": "killed", "casualty_count": 40,
                          "sentence": "Sign up for our free weekly newsletter today"}],
              "places": [{"name": "Donetsk", "canonical": "Donetsk"}, {"name": "Paris", "canonical": None}]},
        "acled-1": {"events": [
            {"event_type": "casualty", "casualty_kind": "killed", "casualty_count": 5, "subset_of": None},
            {"event_type": "casualty", "casualty_kind": "killed", "casualty_count": 2, "subset_of": "x"},
            {"event_type": "casualty", "casualty_kind": "killed", "casualty_count": 90, "is_cumulative": True},
        ]},
    }
    s = score(gold, preds)
    assert (s["casualties"]["tp"], s["casualties"]["gold"]) == (1, 2)
    assert s["toll_accuracy"] == 1.0
    assert (s["places"]["precision"], s["places"]["recall"]) == (0.5, 0.5)
    assert s["not_event_hits"] == 1
    assert article_toll(preds["acled-1"]["events"]) == 5
    report = format_report(s)
    assert "article toll accuracy" in report and "places" in report


def test_missing_lists_are_not_scored(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Nothing here."}) + "\n\n", encoding="utf-8")
    gold = load_gold(path)
    s = score(gold, {"x": {"events": [stmt("anything at all", "Bo Li")]}})
    assert s["statements"]["predicted"] == 0 and s["statements"]["f1"] is None
