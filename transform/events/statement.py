"""Statements: who said what. Every act of reported speech in an article, with its speaker resolved to a name.

One pass over the parsed Doc (no re-parsing), in the order of the `speech` modules: find quotation spans on the
characters (`speech.quotes`) and speech cues by lemma and dependency (`speech.cues`: say, tell, accuse,
"according to", "call for" ...); set aside cues that only credit a source (`speech.sources`); tie each cue to
the quotation it introduces or follows, else to its reported clause (`speech.content`); name the speaker
(`speakers.resolve`); then take quotes no cue claimed when they continue the previous speaker's quote or follow
"Name:" (`speech.continuations`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import speakers
from ..lexicon import SPEECH_CUES
from ..nlp import sentences, text_of, tokens_among
from ..records import Event
from ..speech.candidate import Candidate
from ..speech.content import (
    attached_quotes,
    clean_text,
    indirect_content,
    quote_content,
)
from ..speech.continuations import unclaimed_quotes
from ..speech.cues import addressee, cue_label, inside, same_paragraph, speaker_token
from ..speech.quotes import find_quotes
from ..speech.sources import credit_frames, drop_nested, reporting_frames

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Token

MIN_QUOTE_WORDS = 3  # shorter quoted bits are partial quotes or scare quotes, not speech on their own
# A "sentence" longer than this is a list, a table or garbage, not news prose: its cues are skipped (each
# cue's clause can span the whole sentence, so reading them all would be quadratic in its length).
MAX_SENTENCE_TOKENS = 250


class Statement:
    """The `statement` event type: `actor` said `quote` (`is_direct` when quoted), `cue` the speech verb."""

    name = "statement"
    label = "statement"
    colour = "#cfe3ff"

    def extract(self, doc: Doc) -> list[Event]:
        return extract_statements(doc)

    def takes_article_place(self, event: Event) -> bool:
        """A statement happened where its sentence says, or nowhere known: where the article is about is not
        where someone spoke."""
        return False

    def relate(self, events: list[Event], doc: Doc) -> None:
        pass

    def describe(self, row: Mapping[str, Any]) -> str:
        return f"statement by {row.get('actor') or 'unknown'}"


def extract_statements(doc: Doc) -> list[Event]:
    """Every act of reported speech in `doc`, one `Event(event_type='statement')` each."""
    text = text_of(doc)  # (built once per Doc: the casualty and date readers need it too)
    quotes = find_quotes(text)
    speech = [q for q in quotes if q.words(text) >= MIN_QUOTE_WORDS or not q.closed]
    index = speakers.SpeakerIndex.of(doc)
    starts = doc.to_array("IDX").tolist()  # each token's offset, without a Token object per token
    claimed: set[int] = set()
    found: list[Candidate] = []
    previous_actor: str | None = None

    cues: list[tuple[Token, str, Token]] = []
    too_long = [s for s in sentences(doc) if len(s) > MAX_SENTENCE_TOKENS]
    for cue in tokens_among(doc, _CUE_WORDS):
        label = cue_label(cue)
        if label is None or inside(cue.idx, speech) or any(s.start <= cue.i < s.end for s in too_long):
            continue
        speaker = same_paragraph(speaker_token(cue, label), cue)
        if speaker is not None:  # "was accused of …": no one speaks
            cues.append((cue, label, speaker))
    frames, frame_tokens, sources = credit_frames(cues)

    for cue, label, speaker in cues:
        if cue.i in frames:
            continue
        attached = attached_quotes(cue, speaker, quotes, text)
        attached = [q for q in attached if id(q) not in claimed]
        if attached:
            claimed.update(id(q) for q in attached)
            content = quote_content(text, attached)
            direct = True
        else:
            span = indirect_content(cue, label, frame_tokens)
            if span is None:
                continue
            content = (span[0], span[1], clean_text(span[2]))
            direct = False
        if not content[2]:
            continue
        actor, mention = (None, None)
        if speaker is not None:
            actor, mention = speakers.resolve(speaker, index, previous_actor)
        if actor is not None:
            previous_actor = actor
        sent = cue.sent
        event = Event(
            event_type="statement", char_start=content[0], char_end=content[1], sentence=sent.text,
            sent_start=sent.start_char, sent_end=sent.end_char, actor=actor, actor_mention=mention,
            cue=label, quote=content[2], is_direct=direct, addressee=addressee(cue),
            confidence=_confidence(direct, actor, mention), reported_by=sources.get(sent.start),
        )
        found.append(Candidate(event, cue, attached))

    reporting_frames(found)
    drop_nested(found)
    unclaimed_quotes(found, speech, claimed, text, doc, starts, index, MIN_QUOTE_WORDS)
    return _dedupe([c.event for c in found])


_CUE_WORDS = SPEECH_CUES | {"call", "according"}
"""The words (form or lemma) `cue_label` may name a cue by: only these tokens get a Token object."""


def _confidence(direct: bool, actor: str | None, mention: str | None) -> float:
    score = 0.9 if direct else 0.75
    if actor is None:
        score -= 0.3
    elif mention and actor != mention:
        score -= 0.05
    return round(score, 2)


def _dedupe(events: list[Event]) -> list[Event]:
    """One statement per content span (two cues on one clause), in text order."""
    seen: dict[tuple[int, int], Event] = {}
    for e in events:
        k = (e.char_start, e.char_end)
        if k not in seen or (seen[k].actor is None and e.actor is not None):
            seen[k] = e
    return sorted(seen.values(), key=lambda e: (e.char_start, e.char_end))
