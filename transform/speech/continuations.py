"""Quotes no cue took: the next paragraph of a quote already attributed, or 'Name: "…"'.

Anything else in quote marks (scare quotes, titles, slogans) is left alone: a statement needs a speaker.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .. import speakers
from ..records import Event
from .candidate import Candidate
from .content import clean_text
from .cues import cue_label
from .quotes import Quote

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token


def unclaimed_quotes(found: list[Candidate], quotes: list[Quote], claimed: set[int], text: str, doc: Doc,
                     starts: list[int], index: speakers.SpeakerIndex, min_words: int) -> None:
    """Quotes no cue took: a continuation of the quote before it (same paragraph, or the next paragraph for an
    unclosed quote), or 'Name: "…"'. Anything else (scare quotes, titles) is left alone."""
    by_end = sorted(found, key=lambda c: c.event.char_end)
    for q in quotes:
        if id(q) in claimed or q.words(text) < min_words:
            continue
        prev = None
        for c in by_end:
            if c.event.char_end <= q.start:
                prev = c
        prev_para = prev.quotes[-1].paragraph if prev is not None and prev.quotes else None
        if prev is not None and prev.event.is_direct and prev_para is not None and (
            prev_para == q.paragraph or (q.continues and prev_para == q.paragraph - 1)
        ) and not _cue_between(doc, starts, prev.event.char_end, q.start, prev.cue):
            event = prev.event
            event.quote = f"{event.quote} {clean_text(text[q.start:q.end])}".strip()
            event.char_end = q.end
            prev.quotes.append(q)
            claimed.add(id(q))
            continue
        if not q.closed:  # an opening paragraph of a quote whose last paragraph has the cue
            nxt = next((c for c in found if c.quotes and c.quotes[0].continues and c.quotes[0].paragraph == q.paragraph + 1), None)
            if nxt is not None:
                event = nxt.event
                event.quote = f"{clean_text(text[q.start:q.end])} {event.quote}".strip()
                event.char_start = q.start
                nxt.quotes.insert(0, q)
                claimed.add(id(q))
                continue
        colon = text[max(0, q.mark_start - 3) : q.mark_start].rstrip()
        if colon.endswith(":"):
            event = _colon_statement(q, text, doc, starts, index)
            if event is not None:
                found.append(Candidate(event, None, [q]))
                claimed.add(id(q))
                by_end = sorted(found, key=lambda c: c.event.char_end)


def _cue_between(doc: Doc, starts: list[int], a: int, b: int, own: Token | None) -> bool:
    """A speech cue other than the statement's own stands between two offsets."""
    i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    return any(cue_label(doc[k]) is not None and (own is None or k != own.i) for k in range(i, min(j, len(doc))))


def _colon_statement(q: Quote, text: str, doc: Doc, starts: list[int], index: speakers.SpeakerIndex) -> Event | None:
    """'Mark Blum and Jo Cohen: "…"' → the names before the colon speak."""
    colon = text.rfind(":", 0, q.mark_start)
    line_start = text.rfind("\n", 0, colon) + 1
    seg_start = max(line_start, text.rfind(" - ", line_start, colon) + 1, text.rfind("\u2014", line_start, colon) + 1)
    i, j = bisect.bisect_left(starts, seg_start), bisect.bisect_left(starts, colon)
    names = [e for e in doc.ents if i <= e.start and e.end <= j and e.label_ in {"PERSON", "ORG"}]
    if not names:
        return None
    span: Span = doc[names[0].start : names[-1].end]
    actor = index.full_name(span.text) if len(names) == 1 else span.text
    sent = doc[min(j, len(doc) - 1)].sent
    return Event(
        event_type="statement", char_start=q.start, char_end=q.end, sentence=sent.text,
        sent_start=sent.start_char, sent_end=sent.end_char, actor=actor, actor_mention=span.text, cue=":",
        quote=clean_text(text[q.start : q.end]), is_direct=True, confidence=0.6,
    )
