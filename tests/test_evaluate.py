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


def test_event_types_are_scored_by_each_notes_first_and_gravest_action():
    from eventwire.scoring import score_event_types

    gold = [
        {"id": "n1", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "actor1": "Military Forces of Israel (2022-)", "assoc_actor_1": ""},
        {"id": "n2", "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (India)"},
        {"id": "n3", "sub_event_type": "NATURAL_DISASTER"},  # a CASE code outside ACLED's 25: reported, not scored
    ]
    act = {"event_type": "action", "sent_start": 0}
    predictions = {
        "n1": {"events": [{**act, "char_start": 0, "category": "Protests", "subcategory": "Peaceful protest", "actor": "x"},
                          {**act, "char_start": 40, "category": "Explosions/Remote violence",
                           "subcategory": "Air/drone strike", "actor": "the Israeli army"}]},
        "n2": {"events": [{**act, "sent_start": 50, "char_start": 60, "category": "Protests",
                           "subcategory": "Peaceful protest", "actor": "protesters (farmers)"}]},
        "n3": {"events": []},
    }
    s = score_event_types(gold, predictions)
    assert (s["notes"], s["sub_event_accuracy"], s["event_type_accuracy"]) == (2, 1.0, 1.0)
    assert s["actor_match"] == 1.0  # "Israeli" meets "Israel" by five letters; "protesters" is the generic word
    assert s["other_types"] == {"NATURAL_DISASTER": {"(none)": 1}}
    assert score_event_types([{"id": "x"}], {}) is None  # no typed gold: nothing to report


def test_acled_exports_and_case_snippets_read_as_gold_lines(tmp_path):
    acled = tmp_path / "acled.csv"
    acled.write_text("event_id_cnty,event_date,event_type,sub_event_type,actor1,assoc_actor_1,location,notes,fatalities\n"
                     'XYZ1,2020-05-09,Battles,Armed clash,Rebels,,Alpha,"On 9 May 2020, rebels and soldiers clashed in '
                     'Alpha. 2 were killed.",2\n', encoding="utf-8")
    (line,) = load_gold(acled)
    assert (line["id"], line["published"], line["sub_event_type"], line["places"]) == ("acled-XYZ1", "2020-05-09",
                                                                                     "Armed clash", ["Alpha"])
    assert line["casualties"][0]["count"] == 2 and line["source"] == "ACLED notes"
    case = tmp_path / "case.tsv"
    case.write_text("id\tEventSnippet\tSubType\n7\tJets bombed a depot.\tAIR_STRIKE\n8\tA quake hit.\tNATURAL_DISASTER\n",
                    encoding="utf-8")
    lines = load_gold(case)
    assert [(g["sub_event_type"], g["event_type"]) for g in lines] == [
        ("Air/drone strike", "Explosions/Remote violence"), ("NATURAL_DISASTER", None)]
