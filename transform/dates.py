"""Event dates resolved against the article's publication date, keeping the words they were read from.

Candidates are the DATE entities (plus "yesterday", "today", "tonight") in the event's sentence; the one inside
the event's own clause wins over one elsewhere in the sentence ("killed in Monday's violence, ... reported
Tuesday" → Monday), then the nearest. Free text is never handed to `search_dates` (it reads "we" as Wednesday).

Weekdays are resolved here, not by dateparser: a weekday means the most recent such day on or before
publication ("on Monday" in a Tuesday 27 May 2014 article → 26 May; "Thursday" in a Thursday article → that
day, where dateparser says a week earlier), with "late"/"early" ignored (dateparser returns nothing for "late
Monday") and "last Monday" meaning strictly before. Everything else goes to dateparser with
RELATIVE_BASE=published and PREFER_DATES_FROM='past', cached per (text, published). Without a published date
only absolute dates ("6 May 2020") resolve; nothing is guessed. Spans of time ("three years", "the past 24
hours") and bare years or months are not event days and give None.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .nlp import entities
from .records import Event

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:(last|this|past)\s+)?(?:(?:late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?$"
)
_FILLERS = re.compile(r"^(?:on|in|at|since|by|from|during|until|of)\s+|^(?:late|early|mid|the)\s+|\s+(?:morning|afternoon|evening|night)$")
_SPANS = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))\b(?!\s+ago)")
_HAS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}/\d{1,2}|\b(?:yesterday|today|tonight|ago)\b")


def _weekday(text: str, published: date) -> date | None:
    m = _WEEKDAY.match(text)
    if not m:
        return None
    back = (published.weekday() - WEEKDAYS.index(m.group(2))) % 7
    if back == 0 and m.group(1) in ("last", "past"):
        back = 7
    return published - timedelta(days=back)


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: date | None) -> date | None:
    """dateparser on one short candidate string; cached, since it is slow and articles repeat their dates."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


def resolve_date(text: str, published: date | None) -> date | None:
    """The calendar date `text` ("on Monday", "6 May 2020") means in an article published on `published`."""
    clean = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    if not clean:
        return None
    if published is not None:
        if clean in RELATIVE_WORDS:
            return published + timedelta(days=RELATIVE_WORDS[clean])
        day = _weekday(clean, published)
        if day is not None:
            return day
    while True:
        stripped = _FILLERS.sub("", clean)
        if stripped == clean:
            break
        clean = stripped
    if clean in ("last week", "last month", "this week"):
        if published is None:
            return None
        return _dateparser(clean, published)
    if _SPANS.search(clean) or not _HAS_DAY.search(clean):
        return None  # a span of time, a bare year or month: not an event day
    has_year = re.search(r"\b(1[89]|20)\d\d\b", clean) is not None
    if published is None and not has_year:
        return None  # no published date, no guessed year
    return _dateparser(clean, published)


def _candidates(sent: Span) -> list[Span]:
    spans = [e for e in entities(sent.doc) if e.label_ == "DATE" and sent.start <= e.start and e.end <= sent.end]
    taken = {t.i for e in spans for t in e}
    spans += [sent.doc[t.i : t.i + 1] for t in sent if t.lower_ in RELATIVE_WORDS and t.i not in taken]
    return spans


def date_for_event(event: Event, doc: Doc, published: date | None) -> tuple[date | None, str | None]:
    """The event's date and the words it was read from; (None, None) when the article does not say."""
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if span is None:
        return None, None
    sent = span.sent
    anchor = next((t for t in span if event.cue and t.lemma_.lower() == event.cue), span.root)
    ranked = []
    for cand in _candidates(sent):
        in_clause = any(a.i == anchor.i for a in cand.root.ancestors)
        distance = min(abs(cand.start_char - event.char_end), abs(event.char_start - cand.end_char))
        ranked.append((0 if in_clause else 1, distance, cand))
    for _, _, cand in sorted(ranked, key=lambda r: r[:2]):
        resolved = resolve_date(cand.text, published)
        if resolved is not None:
            return resolved, cand.text
    return None, None
