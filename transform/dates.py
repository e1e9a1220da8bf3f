"""Event dates resolved against the article's publication date, keeping the words they were read from and
saying where they were found (`date_source`).

Where an event's date comes from, first match wins:
  1. `sentence`: a date in the event's own sentence; the one inside the event's own clause wins over one
     elsewhere in the sentence ("killed in Monday's violence, ... reported Tuesday" → Monday), then the nearest;
     never, from another clause, the day of an arrest, a charge or a court's step ("charged a man Thursday in
     the fatal shooting of ...": the event has no day of its own there, and goes on to 2.); an event told in an
     "N days after" clause of a dated one, N days before that date ("was arrested Thursday, a day after he shot
     his friend": Wednesday; `_days_before`);
  2. `paragraph`: the nearest date before the event's sentence in the same paragraph ("On 12 March 2020, a bomb
     hit a convoy. Two soldiers were killed."), passing over the day something was said ("... on Saturday night,
     a spokesman said Sunday.") when the paragraph gives another;
  3. `lead`: the first date of the article's lead (its first paragraph, and where that is a headline, a
     caption or a byline, the story's first paragraph too), or its dateline: not a day of an arrest, a charge
     or a news conference, nor the day something was said where the lead gives another ("Police said Friday that
     ... when the gunfire broke out Thursday afternoon": Thursday), nor one more than a year before publication
     (a lead recalling history), and never from a paragraph after the event's own;
  4. `published`: the publication date itself (`date_text` is then NULL).
Never a date from a later paragraph, nor one inside quotation marks (a quote about another time). A sentence
whose only date is no event day ("in 2015", "last year") keeps the event undated rather than borrow one.
Candidates are the DATE entities, TIME entities that name a day ("11 p.m. Sunday"), "yesterday", "today",
"tonight", a date written in numbers with its year ("On 06/24/2013 at approximately 9:18 pm": not a birth date),
and a holiday named as a day ("on Christmas night", "a New Year's Eve shooting": the latest one on or
before publication, within a month of it); not the page's own time stamp ("Posted: Friday, June 26, 2015 4:46 AM EDT", "(Published ...)": the day
of writing, which the publication date already says). Free text is never handed to `search_dates` (it reads "we"
as Wednesday). A clock time ("10 p.m.", "about 10:30") is no part of a date.

Weekdays are resolved here, not by dateparser: a weekday means the most recent such day on or before
publication ("on Monday" in a Tuesday 27 May 2014 article → 26 May; "Thursday" in a Thursday article → that
day, where dateparser says a week earlier), with "late"/"early" ignored (dateparser returns nothing for "late
Monday") and "last Monday" meaning strictly before; but the day after publication's name means that day (a page
dated the evening before: `_weekday`), unless the article writes out the date six days before (`_resolve`).
Everything else goes to dateparser with RELATIVE_BASE=published and PREFER_DATES_FROM='past', cached per (text,
published). Without a published date only absolute dates ("6 May 2020") resolve; nothing is guessed. Spans of time
("three years", "the past 24 hours"), bare years or months and bare numbers (ages: "Antonio Reyes, 35, died" is no
1935) are not event days and give None. A numeric date is read day-first or month-first, whichever the numbers
allow; when both do ("7/4"), the reading nearest before publication.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import FIGURE_SOURCE_VERBS
from .nlp import entities, paragraph_index, paragraph_starts, text_of
from .records import Event

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token

PUBLISHED = ("eventwire", "published")
"""Where `transform/article.py` leaves the article's publication date in `Doc.user_data`, for extractors that
need it (casualty figures tell one incident from another by their dates)."""
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this morning": 0, "this afternoon": 0,
                  "this evening": 0, "earlier today": 0, "last night": -1, "yesterday morning": -1,
                  "yesterday afternoon": -1, "yesterday evening": -1}
_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:(last|this|past)\s+)?(?:(?:late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?$"
)
_FILLERS = re.compile(
    r"^(?:on|in|at|over|since|by|from|during|until|of|around|about|circa|approximately|as reported on|reported on"
    r"|as of)\s+|^(?:late|early|mid|the)\s+|\s+(?:morning|afternoon|evening|night)$|\s*\(as reported\)$"
)
_CLOCK = re.compile(r"\b(?:around|about|at|shortly|just)?\s*(?:before|after)?\s*"
                    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d)(?=\s|$|,)|\b(?:noon|midnight)\b")
"""A clock time ("10 p.m.", "about 10:30"): no part of a date."""
_HOUR_BEFORE_WEEKDAY = re.compile(r"^(?:(?:around|about|at)\s+)?\d{1,2}\s+"
                                  r"(?=(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                                  r"\b(?:\s+(?:morning|afternoon|evening|night))?$)")
"""An hour written without "p.m." before a weekday ("around 11 Thursday night"): a clock time, not the 11th."""
_SPANS = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))\b(?!\s+ago)")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$|,)")
_NUMERIC = re.compile(r"^(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_DAY_RANGE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?=[a-z])")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
"""The months in order (`MONTH_NAMES.index(m) + 1` is its number): for the rules that read a month named in a sentence."""
MONTHS = {*MONTH_NAMES, "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_RELATIVE_WORD = re.compile(r"\b(?:yesterday|today|tonight|tomorrow)\b", re.I)
_APOSTROPHE = r"(?:['’]s|s['’]?)"
_HOLIDAY_NAME = re.compile(
    r"\b(?:christmas(?:\s+(?:eve|day))?|new\s+year" + _APOSTROPHE + r"\s+(?:eve|day)|thanksgiving(?:\s+day)?"
    r"|independence\s+day|(?:the\s+)?fourth\s+of\s+july|halloween|valentine" + _APOSTROPHE + r"\s+day"
    r"|(?:father|mother)" + _APOSTROPHE + r"\s+day|memorial\s+day|labor\s+day)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b", re.I)
"""A holiday named as a day ("on Christmas night", "a New Year's Eve shooting"): the NER tags these DATE, TIME,
EVENT or nothing, so they are found in the text."""
HOLIDAY_WINDOW = 31
"""A holiday is the latest one on or before publication, and only within this many days of it (a month on, "for
Christmas" is more likely a plan or a memory than the day of the event)."""


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` (0 = Monday) of a month; `n` = -1 for its last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1), "independence day": lambda y: date(y, 7, 4),
    "fourth of july": lambda y: date(y, 7, 4), "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14), "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4), "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
}


def _holiday(clean: str, published: date | None) -> date | None:
    """The day a holiday's name means: of the year the words give, else the latest one on or before publication
    within `HOLIDAY_WINDOW` days of it."""
    year = re.search(r"\b(?:1[89]|20)\d\d\b", clean)
    name = re.sub(r"\s*,?\s*\b(?:1[89]|20)\d\d\b", "", clean).strip(" ,")
    name = re.sub(r"\b(new year|valentine|father|mother)(?:s['’]?|['’]s)", r"\1's", name)
    rule = _HOLIDAYS.get(name)
    if rule is None:
        return None
    if year is not None:
        return rule(int(year.group()))
    if published is None:
        return None
    day = rule(published.year)
    if day > published:
        day = rule(published.year - 1)
    return day if (published - day).days <= HOLIDAY_WINDOW else None
AGE = re.compile(r"\b(?:years?|months?|weeks?|days?)[- ]old\b|\baged?\b")
"""Words that make a number an age ("17-year-old", "aged 35"): never a date, never a count."""
_PERIOD = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:year|month|decade|century|spring|summer|fall|autumn|winter)s?\b|"
                     r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b")
_HAS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:ago)\b")


_WEEKENDS = frozenset({"weekend", "past weekend", "this past weekend", "last weekend"})
"""A weekend that has passed ("over the weekend", "this past weekend"): its Sunday (`_weekend`)."""


def _weekend(text: str, published: date) -> date:
    """The Sunday of the weekend before publication (on a Saturday, that Saturday; "last weekend" on a weekend day,
    the one before): within a day of whichever day it was, for a story that says no more ("shot over the weekend"),
    and as near publication as the weekend allows."""
    if published.weekday() == 5:
        return published - timedelta(days=7 if text == "last weekend" else 0)
    back = (published.weekday() - 6) % 7
    if text == "last weekend" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _weekday(text: str, published: date) -> date | None:
    """The day a weekday's name means: the latest such day on or before publication ("last Monday" on a Monday, the
    one before), except the day after publication's name (not "last" or "past"), which means that day: a page dated the
    evening before (another time zone, a story updated next morning: "Police announced Saturday morning" on a page
    dated Friday), far more often than a day six days before (GVA: 26 of 37 such rows' incidents fell on publication
    or the day after, 6 six days before)."""
    m = _WEEKDAY.match(text)
    if not m:
        return None
    back = (published.weekday() - WEEKDAYS.index(m.group(2))) % 7
    if back == 0 and m.group(1) in ("last", "past"):
        back = 7
    if back == 6 and m.group(1) is None:
        return published + timedelta(days=1)
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


def _numeric(m: re.Match, published: date | None) -> date | None:
    """"9-15-16", "7/4", "2016-07-04" (not "1-10"): day-first or month-first, whichever the numbers allow; when both
    do, the reading nearest before publication (an event is reported after it happens)."""
    a, b, y = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:  # ISO
        year, first, second = int(a), int(b), int(y) if y else None
        if second is None:
            return None
        try:
            return date(year, first, second)
        except ValueError:
            return None
    if y is None and (published is None or "/" not in m.group(0)):
        return None  # (without a year only "7/4" is a day: "1-10" is a range or Interstate 10, "1.5" a number)
    readings = []
    for month, day in ((int(a), int(b)), (int(b), int(a))):
        years = [int(y) + (2000 if int(y) < 70 else 1900) if len(y) == 2 else int(y)] if y else [published.year, published.year - 1]
        for year in years:
            try:
                readings.append(date(year, month, day))
            except ValueError:
                continue
    if not readings:
        return None
    if published is None:
        return readings[0] if len(set(readings)) == 1 else None
    past = [d for d in readings if d <= published]
    return max(past) if past else None


@lru_cache(maxsize=16384)
def resolve_date(text: str, published: date | None) -> date | None:
    """The calendar date `text` ("on Monday", "6 May 2020") means in an article published on `published`. Cached:
    an article's events ask for the same few dates again and again."""
    clean = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    clean = " ".join(_CLOCK.sub(" ", clean).split()).strip(" ,.")
    clean = _HOUR_BEFORE_WEEKDAY.sub("", clean)
    clean = clean[:-2] if clean.endswith("'s") else clean  # "last week's shooting", "Sunday night's"
    if not clean:
        return None
    if published is not None and clean in RELATIVE_WORDS:
        return published + timedelta(days=RELATIVE_WORDS[clean])
    clean = _DAY_RANGE.sub(r"\1 ", clean)  # "24-26 june": the first day
    while True:
        stripped = _FILLERS.sub("", clean).strip(" ,.")
        if stripped == clean:
            break
        clean = stripped
    if published is not None:
        if clean in RELATIVE_WORDS:
            return published + timedelta(days=RELATIVE_WORDS[clean])
        day = _weekday(clean, published)
        if day is not None:
            return day
    if clean in _WEEKENDS:
        return _weekend(clean, published) if published is not None else None
    if _HOLIDAY_NAME.search(clean) is not None:
        return _holiday(clean, published)
    numeric = _NUMERIC.match(clean)
    if numeric:
        return _numeric(numeric, published)
    if clean in ("last week", "last month", "this week"):
        if published is None:
            return None
        return _dateparser(clean, published)
    if _SPANS.search(clean) or not _HAS_DAY.search(clean):
        return None  # a span of time, a bare year or month: not an event day
    if not (_MONTH.search(clean + " ") or "ago" in clean or any(w in clean for w in WEEKDAYS)):
        return None  # a bare number is an age or a count ("Antonio Reyes, 35"), never a day
    has_year = re.search(r"\b(1[89]|20)\d\d\b", clean) is not None
    if published is None and not has_year:
        return None  # no published date, no guessed year
    found = _dateparser(clean, published)
    if found is not None and not has_year and published is not None:
        if abs(found.year - published.year) > 1:
            return None  # a year dateparser made up from other numbers
        try:
            this_year = found.replace(year=published.year)
        except ValueError:
            this_year = None
        if this_year is not None and found < this_year and (this_year - published).days <= 7:
            return this_year  # "May 10" in a page dated 7 May: a few days on, not a year back
    return found


def _resolve(cand: Span, published: date | None) -> date | None:
    """`resolve_date` of a date in its article: a weekday `_weekday` reads as the day after publication is the one six
    days before when the article writes that day's date out (ACLED's "On 28 April 2020, ... succumbed to his wounds
    on Tuesday" in a note stamped the next Monday) or speaks of last week ("the fifth person killed in last week's
    shooting ... Friday" on a Thursday)."""
    day = resolve_date(cand.text, published)
    if day is not None and published is not None and day == published + timedelta(days=1) and any(
            w in cand.text.lower() for w in WEEKDAYS):
        before = published - timedelta(days=6)
        written, last_week = _written_days(cand.doc, published)
        if before in written or last_week:
            return before
    return day


_LAST_WEEK = re.compile(r"\blast week\b", re.IGNORECASE)


def _written_days(doc: Doc, published: date) -> tuple[set[date], bool]:
    """(the days an article writes out with their month, "28 April 2020", "Oct. 1"; whether a date of it speaks of
    last week), cached per Doc."""
    key = ("eventwire", "written_days", published)
    if key not in doc.user_data:
        candidates = _all_candidates(doc)
        written = {day for c in candidates if _MONTH.search(c.text.lower() + " ") and _HAS_DAY.search(c.text)
                   and (day := resolve_date(c.text, published)) is not None}
        doc.user_data[key] = written, any(_LAST_WEEK.search(c.text) for c in candidates)
    return doc.user_data[key]


def _in_quotes(doc: Doc, start: int, para_start: int) -> bool:
    """Whether a character offset stands inside quotation marks opened in its paragraph (a quote about another time)."""
    before = text_of(doc)[para_start:start]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _with_day(ent: Span) -> Span:
    """The entity with the day number the NER left out before its month ("Around 9 [May 2020]")."""
    doc, start = ent.doc, ent.start
    if start > 0 and doc[start].lower_.rstrip(".") in MONTHS and doc[start - 1].is_digit and len(doc[start - 1]) <= 2:
        return doc[start - 1 : ent.end]
    return ent


_STAMP_BEFORE = re.compile(r"(?:posted|updated|published|last modified|created)\s*:?\s*(?:on\s+)?"
                           r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", re.I)
_STAMP_AFTER = re.compile(r"\s*(?:[-–|,]|at)?\s*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?-i:[A-Z]{2,4}\b)?\s*"
                          r"(?:\n|$|\||updated|posted)", re.I)
_ENDS_IN_CLOCK = re.compile(r"\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?$", re.I)
_LINE_END = re.compile(r"\s*(?-i:[A-Z]{2,4}\b)?[ \t]*(?:\n|$|\||updated|posted)", re.I)


def _is_stamp(text: str, start: int, end: int) -> bool:
    """Whether a date is the page's own time stamp, not an event's day: "Posted: Friday, June 26, 2015 4:46 AM
    EDT", "(Published Wednesday, March 25, 2015)", a line that ends "March 12, 2015 7:26 AM". A stamp is the day
    of writing, and an event told under it has its own day or none ("On January 3 at about 6:00 PM" stays)."""
    line_start = text.rfind("\n", 0, start) + 1
    if _STAMP_BEFORE.search(text, max(line_start, start - 30), start):
        return True
    if _STAMP_AFTER.match(text, end) is not None:
        return True
    return _ENDS_IN_CLOCK.search(text, start, end) is not None and _LINE_END.match(text, end) is not None


_SLASHED_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])")
"""A date written in numbers with its year ("06/24/2013", "3/13/17"), which the NER seldom tags."""
_BIRTH = re.compile(r"\b(?:dob|d\.o\.b\.?|born|birth)\W*$", re.I)
"""Words before a numeric date that make it a birth date ("DOB 07/19/98")."""


def _all_candidates(doc: Doc) -> list[Span]:
    """Every date-like span of the doc, in order (built once per Doc)."""
    key = ("eventwire", "date_candidates")
    if key not in doc.user_data:
        spans = [_with_day(e) for e in entities(doc) if e.label_ == "DATE"
                 or (e.label_ == "TIME" and any(t.lower_ in WEEKDAYS or t.lower_ in RELATIVE_WORDS for t in e))]
        text = text_of(doc)
        spans = [e for e in spans if not AGE.search(e.text.lower()) and not _is_stamp(text, e.start_char, e.end_char)]
        taken = {t.i for e in spans for t in e}
        for m in _RELATIVE_WORD.finditer(text):  # found in the text, not by walking every token
            span = doc.char_span(m.start(), m.end())
            if span is not None and len(span) == 1 and span.start not in taken:
                spans.append(span)
        for m in _HOLIDAY_NAME.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is not None and not any(t.i in taken for t in span):
                spans.append(span)
        for m in (_SLASHED_DATE.finditer(text) if "/" in text else ()):  # "On 06/24/2013 at approximately 9:18 pm"
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if (span is not None and not any(t.i in taken for t in span) and not _is_stamp(text, m.start(), m.end())
                    and not _BIRTH.search(text, max(0, m.start() - 16), m.start())):
                spans.append(span)
        doc.user_data[key] = sorted(spans, key=lambda s: s.start)
    return doc.user_data[key]


def _candidates(sent: Span) -> list[Span]:
    spans = _all_candidates(sent.doc)
    starts = _candidate_starts(sent.doc)
    lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
    return [c for c in spans[lo:hi] if c.end <= sent.end]


def _candidate_starts(doc: Doc) -> list[int]:
    key = ("eventwire", "date_candidate_starts")
    if key not in doc.user_data:
        doc.user_data[key] = [c.start for c in _all_candidates(doc)]
    return doc.user_data[key]


LEAD_SEARCH = 4
"""How many opening paragraphs `_lead_spans` looks through for the story's first one."""
_CAPTION = re.compile(r"\(\s*photo\b|\bphoto\s*[:/]|\bcaption\b|\bcredit\s*:|/\s*staff\s*\)|^\W*update\b", re.I)
"""A photo caption or its credit ("(Photo: Getty Images)", "Credit: KMOV", "(Lauren Stephenson/Staff)"), or an
update's note ("UPDATE 8:30 PM, JAN. 3 - ..."): no paragraph of the story's lead."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


def _a_story_paragraph(paragraph: str) -> bool:
    """Whether a paragraph is a sentence of the story: five words or more ending as a sentence does, and no
    photo caption or update note (not a headline and its time stamp, a byline, "More Video...", a dateline on a
    line of its own)."""
    return (len(paragraph.split()) >= 5 and _SENTENCE_END.search(paragraph) is not None
            and _CAPTION.search(paragraph) is None)


def _lead_spans(text: str) -> list[tuple[int, int]]:
    """The article's lead as (start, end) character spans: its first paragraph, and where that is no sentence of
    the story ("6-year-old shoots grandfather Posted: Tuesday, May 27, 2014 4:43 PM EDT", "(Photo: Getty Images)",
    "HOUSTON, Texas (AP) -"), the first of the next `LEAD_SEARCH` paragraphs that is (not the captions or update
    notes between them)."""
    start, spans = 0, []
    for _ in range(LEAD_SEARCH):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        story = _a_story_paragraph(text[start:end])
        if story or not spans:
            spans.append((start, end))
        if story or end == len(text):
            return spans
        start = end + 2
    return spans[:1]


def _lead(doc: Doc, published: date | None) -> tuple[date, str, int] | None:
    """(date, words, offset) of the first date of the article's lead (`_lead_spans`: its first paragraph, and the
    story's first where that is none of the story) or dateline, cached per Doc and publication date."""
    key = ("eventwire", "lead_date", published)
    if key not in doc.user_data:
        found = said = None
        for start, end in _lead_spans(text_of(doc)):
            for cand in _all_candidates(doc):
                if cand.start_char >= end:
                    break
                if cand.start_char < start or _in_quotes(doc, cand.start_char, 0) or _day_of_development(cand):
                    continue  # (a charge's or a court's day: "Charges were filed Friday in connection to a chase")
                resolved = _resolve(cand, published)
                if resolved is not None and published is not None and (published - resolved).days > LEAD_MAX_DAYS:
                    continue  # a lead recalling history ("On January 15, 1947, the remains of ...") dates nothing
                if resolved is not None:
                    if _day_of_saying(cand):  # "Phoenix police said Friday that ... when the gunfire broke out
                        said = said or (resolved, cand.text.strip(), cand.start_char)  # Thursday afternoon"
                        continue
                    found = (resolved, cand.text.strip(), cand.start_char)
                    break
            if found is not None:
                break
        doc.user_data[key] = found or said
    return doc.user_data[key]


LEAD_MAX_DAYS = 366
"""How far before publication the lead's day may lie to date the rows below it (`_lead`): further back, the lead
recalls history (a page of famous crimes opening "On January 15, 1947, ..."), not the day of what follows."""


DEVELOPMENT_VERBS = frozenset(
    "charge plead sentence arraign indict convict acquit arrest book jail detain release appear testify sue file "
    "deny order rule schedule identify name extradite issue".split())
"""Verbs of what follows an incident: an arrest, a charge, a court's steps, the naming of a victim ("charged a
man with murder Thursday", "pleaded guilty on Monday", "bond was denied Saturday", "was identified Tuesday").
Not "enter", "hold" or "set" ("gunmen entered the village and killed two", "held a protest", "set fire to")."""
DEVELOPMENT_NOUNS = frozenset(
    "warrant arrest charge hearing arraignment court bond bail plea sentencing trial verdict indictment vigil "
    "funeral autopsy conference appearance".split())
"""The same, as nouns a date can qualify ("was issued an arrest warrant on Saturday afternoon", "a vigil Sunday")."""
BRIEFINGS = frozenset({"conference", "briefing"})
"""What police hold after an incident ("held a news conference Monday afternoon about ... Sunday morning"). Not a
vigil or a court an act's own sentence is about ("held a vigil protesting ...", "conducted a Sharia court which
sentenced to death and executed ...": ACLED dates the act by them)."""
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def _word_dated(cand: Span) -> Token:
    """The word a date qualifies, past its preposition and the time of day the NER left out ("pleaded guilty on
    Monday": pleaded; "appeared in court [Tuesday] morning": appeared)."""
    tok = cand.root.head
    for _ in range(3):
        if tok.head.i == tok.i or not (tok.pos_ == "ADP" or tok.lower_ in _TIMES_OF_DAY):
            break
        tok = tok.head
    return tok


def _day_of_saying(cand: Span) -> bool:
    """Whether a date is the day something was said ("a spokesman said Sunday", "police announced Monday"): a
    sentence that borrows its paragraph's date takes an earlier day the paragraph gives an event first ("One
    person was killed on Saturday night, a spokesman said Sunday. ... several people had been shot")."""
    head = cand.root.head
    return (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in FIGURE_SOURCE_VERBS) or _day_of_development(cand)


def _day_of_development(cand: Span) -> bool:
    """Whether a date is the day of an arrest, a charge or a court's step (`DEVELOPMENT_VERBS`): not the day of
    the incident such a sentence tells of in another clause ("Rome police charged a man with murder Thursday in
    connection with the fatal shooting of ..."; "pleaded guilty on Monday to killing his brother")."""
    word = _word_dated(cand)
    lemma = word.lemma_.lower()
    if word.pos_ in ("VERB", "AUX"):  # "charged ... Thursday"; "held a news conference Monday afternoon"
        return lemma in DEVELOPMENT_VERBS or any(c.dep_ == "dobj" and c.lemma_.lower() in BRIEFINGS
                                                 for c in word.children)
    return word.pos_ == "NOUN" and lemma in DEVELOPMENT_NOUNS


_DEATH_VERBS = frozenset({"die", "succumb"})
_DAYS_AFTER = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _days_before(anchor: Token, in_sentence: list[Span], published: date | None) -> tuple[date, str, str] | None:
    """(date, words, "sentence") of an event told in an "N days after" clause of a dated one ("was arrested Thursday,
    a day after he accidentally shot his friend": the shooting, Wednesday), and of a death N days after what caused
    it, dated by its cause as GVA and ACLED date a death by its attack ("died on Friday, two days after he was shot":
    Wednesday). The words run from the date to "after"."""
    death = anchor.lemma_.lower() in _DEATH_VERBS
    for clause in [*(c for c in anchor.children if death and c.dep_ == "advcl"), anchor, *anchor.ancestors]:
        if clause.dep_ != "advcl":
            continue
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        days = next((c for c in clause.children if c.dep_ == "npadvmod" and c.lower_ in ("day", "days")
                     and mark is not None and c.i == mark.i - 1), None)  # "a day after", "two days after"
        number = next((c for c in days.children if c.lower_ in _DAYS_AFTER), None) if days is not None else None
        if number is None:
            return None  # (the nearest adverbial clause decides)
        start = clause.left_edge.i
        dated = [c for c in in_sentence if c.end <= start and _word_dated(c).i == clause.head.i]
        resolved = _resolve(dated[-1], published) if dated else None
        if resolved is None:
            return None
        words = anchor.doc[dated[-1].start : mark.i + 1].text
        return resolved - timedelta(days=_DAYS_AFTER[number.lower_]), words, "sentence"
    return None


def _clause_host(anchor: Token) -> Token | None:
    """The noun a relative clause holding `anchor` describes: its dates are the clause's ("the July 20, 2012
    shooting that left 12 dead")."""
    tok = anchor
    for _ in range(4):
        if tok.dep_ in ("relcl", "acl"):
            return tok.head
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


STORY_DAYS = 7
"""How far before publication the story's day may lie (`story_date`): a weekly paper's report of last weekend."""


NAMED_DAY_YEARS = 3
"""How far before publication a day the article names as the incident's may lie (`_incident_named_day`): a
sentencing two years on still says "for the March 16, 2014 shooting"."""
_BEFORE_NAMED_DAY = re.compile(r"\bthe\s+$", re.IGNORECASE)
_AFTER_NAMED_DAY = re.compile(r",?\s*(?:\d{4},?\s*)?(?:(?:fatal|deadly|accidental|double|triple|quadruple|mass|"
                              r"drive-by|police)\s+)?(?:shooting|shootings|attack|incident|killing|killings|slaying|"
                              r"slayings|murder|murders|homicide|shootout|rampage|massacre)\b", re.IGNORECASE)


def _incident_named_day(doc: Doc, published: date) -> tuple[date, str] | None:
    """(date, words) of the day an article names as its incident's: "the March 16, 2014 shooting", "six days
    after the Dec. 6 shooting", "the April 5 incident" (a follow-up weeks or years on: a sentencing, a lawsuit, a
    charge), on or up to `NAMED_DAY_YEARS` before publication; the first such, outside quotation marks."""
    text = text_of(doc)
    starts = paragraph_starts(doc)
    for cand in _all_candidates(doc):
        if _AFTER_NAMED_DAY.match(text, cand.end_char) is None or not (
                cand.text[:4].lower() == "the " or _BEFORE_NAMED_DAY.search(text, max(0, cand.start_char - 6),
                                                                            cand.start_char) is not None):
            continue
        if _in_quotes(doc, cand.start_char, starts[paragraph_index(doc, cand.start_char)]):
            continue
        resolved = _resolve(cand, published)
        if resolved is not None and 0 <= (published - resolved).days <= 366 * NAMED_DAY_YEARS:
            words = cand.text.strip()
            return resolved, words[4:] if words[:4].lower() == "the " else words
    return None


def story_date(doc: Doc, published: date | None) -> tuple[date, str] | None:
    """(date, words) of the day the article names as its incident's ("the March 16, 2014 shooting":
    `_incident_named_day`), else of the first day the article's story names anywhere: a date outside quotation
    marks, not the day of an arrest, a charge or a court's step, nor the day something was said, that falls on
    publication or up to `STORY_DAYS` before it ("A 6-year-old boy was shot and killed ..." with "Saturday" three
    paragraphs on).
    An article-level hint, never an event row's date (rows take none from a later paragraph): the day an incident
    that its rows date only by publication happened (`load/incident_rules.summarise`)."""
    if published is None:
        return None
    named = _incident_named_day(doc, published)
    if named is not None:
        return named
    starts = paragraph_starts(doc)
    for cand in _all_candidates(doc):
        para_start = starts[paragraph_index(doc, cand.start_char)]
        if _in_quotes(doc, cand.start_char, para_start) or _day_of_saying(cand):
            continue
        resolved = _resolve(cand, published)
        if resolved is not None and 0 <= (published - resolved).days <= STORY_DAYS:
            return resolved, cand.text.strip()
    return None


def date_for_event(event: Event, doc: Doc, published: date | None,
                   own_clause: bool = False, cue: int | None = None) -> tuple[date | None, str | None, str | None]:
    """(date, the words it was read from, where: sentence / paragraph / lead / published); see the module doc.
    (None, None, None) when neither the article nor its publication date says. `own_clause`: of the event's
    sentence, only a date in the event's own clause ("killed on March 31") counts, not one of another clause
    ("accused in the killing of a girl, entered a plea Friday"). `cue`: the index of the event's cue token, where
    the caller knows it (the evidence may hold only the victim: "Joseph Parks, 24, was found dead on Feb. 23")."""
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if span is None:
        return None, None, None
    sent = span.sent
    anchor = next((t for t in span if event.cue and t.lemma_.lower() == event.cue), span.root)
    if cue is not None and not span.start <= cue < span.end:
        anchor = doc[cue]
        if anchor.pos_ == "ADJ" and anchor.head.pos_ in ("VERB", "AUX"):
            anchor = anchor.head  # "was found dead on Feb. 23": the date is the verb's
    ranked = []
    in_sentence = _candidates(sent)
    before = _days_before(anchor, in_sentence, published)
    if before is not None:
        return before
    host = _clause_host(anchor)
    for cand in in_sentence:
        in_clause = any(a.i == anchor.i for a in cand.root.ancestors) or (host is not None and cand.root.head.i == host.i)
        if own_clause and not in_clause:
            continue
        if not in_clause and _day_of_development(cand):
            continue  # the day of an arrest or a charge: the event's own day is another (or unknown)
        distance = min(abs(cand.start_char - event.char_end), abs(event.char_start - cand.end_char))
        ranked.append((0 if in_clause else 1, distance, cand))
    for _, _, cand in sorted(ranked, key=lambda r: r[:2]):
        resolved = _resolve(cand, published)
        if resolved is not None:
            return resolved, cand.text.strip(), "sentence"
    if own_clause and in_sentence:
        return None, None, None
    if any(_PERIOD.search(c.text.lower()) for c in in_sentence):
        return None, None, None  # "in 2015", "last year": the sentence dates the event, to no day; borrow none
    para_start = paragraph_starts(doc)[paragraph_index(doc, sent.start_char)]
    earlier = _all_candidates(doc)[: bisect.bisect_left(_candidate_starts(doc), sent.start)]
    said: tuple[date, str] | None = None
    for cand in reversed(earlier):
        if cand.start_char >= sent.start_char:
            continue
        if cand.start_char < para_start:
            break
        if _in_quotes(doc, cand.start_char, para_start):
            continue
        resolved = _resolve(cand, published)
        if resolved is not None:
            if _day_of_saying(cand):
                said = said or (resolved, cand.text.strip())
                continue
            return resolved, cand.text.strip(), "paragraph"
    if said is not None:
        return said[0], said[1], "paragraph"
    lead = _lead(doc, published)
    if lead is not None and paragraph_index(doc, lead[2]) <= paragraph_index(doc, sent.start_char):
        return lead[0], lead[1], "lead"  # (never from a paragraph after the event's: a headline's event takes none)
    if published is not None:
        return published, None, "published"
    return None, None, None
