"""Credit, not speech: '…, Interfax reported' and 'according to a transcript' name where a statement came from.

An outlet framing another statement becomes that statement's `reported_by`; a cue inside another statement's
reported clause is part of what was said, not a statement of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import speakers
from ..lexicon import OUTLET_NAMES, OUTLET_PARTS, OUTLET_WORDS, is_outlet_name
from ..nlp import sentence_of
from ..records import Event
from .candidate import Candidate

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Token

_CREDIT_CUES = {"report", "according to"}


def credit_frames(cues: list[tuple[Token, str, Token]]) -> tuple[set[int], set[int], dict[int, str]]:
    """Cues that only credit a source ('…, Interfax reported', 'according to a transcript') when another cue
    in the same sentence carries the statement: their token ids, the frame's words (kept out of the other
    statement's content) and the source credited, by sentence start."""
    frames: set[int] = set()
    words: set[int] = set()
    sources: dict[int, str] = {}
    for cue, label, speaker in cues:
        if not (label in _CREDIT_CUES or is_outlet_name(speakers.mention_span(speaker).text)):
            continue
        others = [c for c, lab, _ in cues if c is not cue and sentence_of(c) == sentence_of(cue) and c.i not in frames
                  and lab not in _CREDIT_CUES]
        if not others:
            continue
        frames.add(cue.i)
        frame = {t.i for t in speaker.subtree} | {cue.i}
        if label == "according to":
            frame |= {t.i for t in cue.subtree}
        for c in cue.children:
            if c.dep_ in {"npadvmod", "advmod", "prep", "aux", "neg"} and label != "according to":
                frame |= {t.i for t in c.subtree}
        words |= frame
        sources[sentence_of(cue).start] = speakers.mention_span(speaker).text
    return frames, words, sources


def _is_outlet(actor: str | None, mention: str | None = None) -> bool:
    """A speaker who is a news outlet: a known outlet name, an outlet-shaped name, or "the agency" as written."""
    name = (actor or "").strip()
    if not name:
        return False
    if name.lower().removeprefix("the ") in OUTLET_NAMES or OUTLET_PARTS.search(name):
        return True
    return any(w in OUTLET_WORDS for w in (mention or "").lower().split())


def reporting_frames(found: list[Candidate]) -> None:
    """'…, Interfax reported': an outlet framing another statement is its source, not a speaker."""
    drop = []
    for i, outer in enumerate(found):
        cue = outer.cue
        if cue is None or not _is_outlet(outer.event.actor, outer.event.actor_mention):
            continue
        inner = [c.event for c in found if c is not outer and c.cue is not None and sentence_of(c.cue) == sentence_of(cue)
                 and outer.event.char_start <= c.cue.idx < outer.event.char_end]
        if inner:
            for e in inner:
                e.reported_by = outer.event.actor
            drop.append(i)
    for i in reversed(drop):
        del found[i]
    for c in found:
        e = c.event
        if e.reported_by is None and e.addressee and _is_outlet(e.addressee):
            e.reported_by = e.addressee


def drop_nested(found: list[Candidate]) -> None:
    """A cue inside another statement's reported clause ('X said the party had asked Y to…') is part of
    what X said, not a statement of its own."""
    indirect_by_sent: dict[int, list[Event]] = {}  # only statements of the same sentence can hold a cue
    for c in found:
        if c.cue is not None and not c.event.is_direct:
            indirect_by_sent.setdefault(sentence_of(c.cue).start, []).append(c.event)
    keep = []
    for c in found:
        event, cue = c.event, c.cue
        nested = cue is not None and any(
            o is not event
            and o.char_start <= cue.idx < o.char_end and o.char_start <= event.char_start and event.char_end <= o.char_end
            for o in indirect_by_sent.get(sentence_of(cue).start, ())
        )
        if not nested:
            keep.append(c)
    found[:] = keep
