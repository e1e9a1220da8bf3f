"""Statements on invented sentences (one per shape the issue lists), and on the Moscow Times seeds."""

from __future__ import annotations

import json

import pytest
from eventwire.transform.events.statement import extract_statements
from eventwire.transform.nlp import parse_one
from eventwire.transform.speech.quotes import find_quotes

from .conftest import shared_path

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}


def statements(text: str):
    return extract_statements(parse_one(text))


def only(text: str):
    found = statements(text)
    assert len(found) == 1, [(e.actor, e.cue, e.quote) for e in found]
    return found[0]


def test_direct_quote_after_cue_with_colon():
    e = only('Governor Alan Brisk told reporters: "The bridge will reopen in May."')
    assert e.actor == "Alan Brisk"
    assert e.cue == "tell"
    assert e.addressee == "reporters"
    assert e.is_direct is True
    assert e.quote == "The bridge will reopen in May."


def test_direct_quote_before_cue_inverted():
    text = '"Prices will fall before the winter," said Karen Holt, a trade analyst.'
    e = only(text)
    assert e.actor == "Karen Holt"
    assert e.quote == "Prices will fall before the winter"
    assert text[e.char_start : e.char_end].startswith("Prices will fall")
    assert e.sentence.startswith('"Prices') and e.sent_start == 0


def test_split_quote_is_one_statement():
    e = only('"We will not retreat from the border," Governor Ana Pell said on Monday, "and we never will."')
    assert e.actor == "Ana Pell"
    assert "retreat from the border" in e.quote and "we never will" in e.quote


def test_quote_continues_over_paragraphs():
    cue_last = (
        'Mayor Oren Vasko spoke at length.\n\n"The water plant is old and the pipes leak every winter.\n\n'
        '"We have asked the region for money three times and heard nothing back," Vasko said.'
    )
    e = only(cue_last)
    assert e.actor == "Oren Vasko"
    assert e.quote.startswith("The water plant") and e.quote.endswith("heard nothing back")
    cue_first = (
        'Mayor Oren Vasko told the council: "The water plant is old and the pipes leak every winter.\n\n'
        '"We have asked the region for money three times and heard nothing back."'
    )
    e = only(cue_first)
    assert e.addressee == "the council"
    assert e.quote.startswith("The water plant") and e.quote.endswith("heard nothing back.")


def test_unbalanced_and_curly_marks_never_crash():
    for text in ['He said \u201cthis will end badly', '"Open and never closed, she said.', '\u201d stray close. X said so.',
                 "''Doubled marks,'' said Tomas Reyes, ''work too.''", '"', "\u201c\u201c\u201d"]:
        statements(text)  # must not raise
    e = only("''Doubled marks are used by some papers,'' said Tomas Reyes.")
    assert e.actor == "Tomas Reyes" and e.quote.startswith("Doubled marks")


def test_reported_speech_without_quotes():
    e = only("Minister Pavel Orlik said the port was capable of handling twice the cargo.")
    assert e.is_direct is False
    assert e.actor == "Pavel Orlik"
    assert e.quote == "the port was capable of handling twice the cargo"


def test_deny_with_object_and_accuse_of():
    deny = only("Moscow denies plans to close the northern port.")
    assert (deny.actor, deny.cue) == ("Moscow", "deny")
    assert "plans to close the northern port" in deny.quote
    accuse = only("The mayor accused the council of wasting public money on statues.")
    assert accuse.cue == "accuse" and accuse.quote.startswith("wasting public money")


def test_according_to_and_call_for():
    e = only("According to the Interior Ministry, the dam was damaged by shelling overnight.")
    assert e.cue == "according to" and "Ministry" in e.actor
    assert "the dam was damaged by shelling" in e.quote
    c = only("Senator Dana Whitlow on Tuesday called for an inquiry into the contract.")
    assert c.cue == "call for" and c.actor == "Dana Whitlow"
    assert c.quote.startswith("an inquiry")


def test_urge_with_infinitive():
    e = only("The regional governor urged residents to stay indoors until the storm passes.")
    assert e.cue == "urge" and e.quote.startswith("stay indoors")


def test_outlet_is_reported_by_not_speaker():
    e = only('"Our crews reached the village at dawn," rescue chief Ivo Marek told journalists, Interfax reported.')
    assert e.actor == "Ivo Marek"
    assert e.reported_by == "Interfax"


def test_pronoun_resolves_to_person_never_bare():
    text = (
        "Foreign Minister Sergei Lavrenko arrived in Geneva on Monday.\n\n"
        '"We came to listen," he told reporters.'
    )
    e = only(text)
    assert e.actor_mention == "he"
    assert e.actor == "Sergei Lavrenko"


def test_surname_resolves_to_full_name():
    text = (
        "Foreign Minister Sergei Lavrenko arrived in Geneva on Monday for the talks.\n\n"
        "Lavrenko told journalists that the talks would go on for a week."
    )
    e = only(text)
    assert e.actor == "Sergei Lavrenko" and e.actor_mention == "Lavrenko"


def test_indefinite_description_named_in_next_paragraph():
    text = (
        "A rebel leader on Thursday urged the army to hand over its heavy weapons.\n\n"
        "Marko Dubrov spoke after a week of shelling around the town."
    )
    e = only(text)
    assert e.actor == "Marko Dubrov" and e.actor_mention == "A rebel leader"


def test_unresolved_description_is_kept_not_guessed():
    e = only('"The roof just fell in," a witness said.')
    assert e.actor == "a witness"


def test_no_statement_without_speech():
    assert statements("The bridge reopened in May after two years of repairs.") == []
    assert statements('Critics call the plan a "vanity project" in the city.') == []


def test_actor_is_never_a_bare_pronoun():
    found = statements('"It is over," she said. "They lied," he added. "Enough," they said.')
    assert found
    assert all((e.actor or "").lower() not in PRONOUNS for e in found)


def test_find_quotes_handles_marks():
    text = 'A "b c d" e \u201cf g\u201d h\n"open para\n"continues here.'
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["b c d", "f g", "open para", "continues here."]
    assert qs[2].closed is False and qs[3].continues is True


@pytest.fixture(scope="module")
def seeds():
    seeds_file = shared_path("gold", "seeds.jsonl")
    return [json.loads(line) for line in seeds_file.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_statements_found_with_named_speakers(seeds):
    from eventwire.evaluate import predict, score

    scores = score(seeds, predict(seeds))
    assert scores["statements"]["recall"] == 1.0
    assert scores["speaker_accuracy"] == 1.0
    assert scores["not_event_hits"] == 0


def test_surname_resolves_when_the_ner_calls_the_name_an_organisation():
    text = (
        "Missiles struck the port late Monday, regional governor Oleh Kiper said on Tuesday.\n\n"
        "Kiper said the dead included three children."
    )
    actors = [e.actor for e in extract_statements(parse_one(text))]
    assert actors == ["Oleh Kiper", "Oleh Kiper"]
