"""Who said what: every act of reported speech in an article, with its speaker resolved to a name.

One pass over the parsed Doc (no re-parsing): find speech cues by lemma and dependency (say, tell, accuse,
"according to", "call for" ...), tie each to the quotation it introduces or follows (found on the characters
by `statement_quotes`), else to its reported clause; then hand the subject to `speakers.resolve`.
Quotes no cue claims are kept only when they continue the previous speaker's quote, or follow "Name:".
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from . import speakers
from .records import Event
from .statement_quotes import Quote, find_quotes

# Lemmas that introduce speech. Some need a particle ("call for", "call on"); see `_cue_label`.
CUE_LEMMAS = frozenset(
    "say tell add state announce write tweet post urge warn accuse deny claim insist stress condemn report "
    "note explain argue ask acknowledge declare recall conclude respond reply promise vow predict admit "
    "confirm allege assert emphasize emphasise maintain caution reiterate remark comment contend concede "
    "complain charge testify retort quip".split()
)
CALL_PARTICLES = {"for", "on", "upon"}
# Cues whose direct object can be what was said ("denies plans to invade", "announced a ceasefire").
OBJECT_CONTENT = frozenset("deny announce condemn confirm acknowledge admit stress emphasize emphasise reiterate".split())
XCOMP_CONTENT = frozenset("urge ask tell call warn".split())
OF_CONTENT = frozenset("accuse warn speak talk".split())
# Only these take their content from a clause with no speech frame at all around them.
_TRIVIAL_OBJECTS = {"it", "this", "that", "so", "nothing", "something", "anything", "what", "which", "much"}
_GAP_BEFORE = {"", ",", "-", "\u2014", "\u2013", ", \u2014", "..."}
_MAX_GAP = 16  # characters: the longest gap above, with the spaces around it
_GAP_AFTER = {"", ":", ",", "that", ", that", "-", "\u2014", ": \u2014"}
OUTLET_WORDS = {"agency", "newspaper", "outlet", "daily", "broadcaster", "channel", "paper", "tabloid",
                "website", "magazine", "network", "television", "radio", "wire", "news"}
OUTLET_NAMES = {
    "reuters", "ap", "associated press", "afp", "agence france-presse", "interfax", "tass", "ria", "ria novosti",
    "bloomberg", "cnn", "bbc", "xinhua", "kommersant", "vedomosti", "al jazeera", "rbc", "meduza", "nbc",
    "cbs", "abc", "fox news", "politico", "axios", "the hill", "ukrinform", "unian", "anadolu", "efe", "dpa",
}
_OUTLET_PARTS = re.compile(r"\b(News|Times|Post|Journal|Gazette|Herald|Tribune|Agency|TV|Radio|Telegraph|Guardian)\b")
MIN_QUOTE_WORDS = 3  # shorter quoted bits are partial quotes or scare quotes, not speech on their own
# A "sentence" longer than this is a list, a table or garbage, not news prose: its cues are skipped (each
# cue's clause can span the whole sentence, so reading them all would be quadratic in its length).
MAX_SENTENCE_TOKENS = 250


def extract_statements(doc: Doc) -> list[Event]:
    """Every act of reported speech in `doc`, one `Event(event_type='statement')` each."""
    text = doc.text
    quotes = find_quotes(text)
    speech = [q for q in quotes if q.words(text) >= MIN_QUOTE_WORDS or not q.closed]
    index = speakers.SpeakerIndex.build(doc)
    starts = [t.idx for t in doc]
    claimed: set[int] = set()
    found: list[tuple[Event, Token | None, list[Quote]]] = []
    previous_actor: str | None = None

    cues: list[tuple[Token, str, Token]] = []
    too_long = [s for s in doc.sents if len(s) > MAX_SENTENCE_TOKENS]
    for cue in doc:
        label = _cue_label(cue)
        if label is None or _inside(cue.idx, speech) or any(s.start <= cue.i < s.end for s in too_long):
            continue
        speaker = _same_paragraph(_speaker_token(cue, label), cue)
        if speaker is not None:  # "was accused of …": no one speaks
            cues.append((cue, label, speaker))
    frames, frame_tokens, sources = _frames(cues)

    for cue, label, speaker in cues:
        if cue.i in frames:
            continue
        attached = _attached_quotes(cue, speaker, quotes, text)
        attached = [q for q in attached if id(q) not in claimed]
        if attached:
            claimed.update(id(q) for q in attached)
            content = _quote_content(text, attached)
            direct = True
        else:
            span = _indirect_content(cue, label, frame_tokens)
            if span is None:
                continue
            content = (span[0], span[1], _clean_text(span[2]))
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
            cue=label, quote=content[2], is_direct=direct, addressee=_addressee(cue),
            confidence=_confidence(direct, actor, mention), reported_by=sources.get(sent.start),
        )
        found.append((event, cue, attached))

    _reporting_frames(found, doc)
    _drop_nested(found)
    _unclaimed_quotes(found, speech, claimed, text, doc, starts, index)
    return _dedupe([e for e, _, _ in found])


# --- cues -----------------------------------------------------------------------------------------------

def _cue_label(t: Token) -> str | None:
    """The cue's name ('say', 'call for', 'according to'), or None when `t` is not a speech cue."""
    low = t.lower_
    if low == "according" and any(c.lower_ == "to" for c in t.children):
        return "according to"
    if t.pos_ not in {"VERB", "AUX"} and not (t.pos_ == "NOUN" and t.tag_.startswith("VB")):
        return None
    lemma = t.lemma_.lower()
    if lemma == "call":
        for particle in ("for", "on", "upon"):
            for c in t.children:
                if c.dep_ in {"prep", "prt"} and c.lower_ == particle and not _is_time(c):
                    return f"call {'on' if particle == 'upon' else particle}"
        return None
    if lemma == "quote":
        return None  # "was quoted as saying": the cue is "saying"
    return lemma if lemma in CUE_LEMMAS else None


def _same_paragraph(speaker: Token | None, cue: Token) -> Token | None:
    """The parser sometimes runs a sentence over a paragraph break ('9:30 p.m.' above 'Trump says'): a subject
    across the break is replaced by the last name in the cue's own paragraph before the cue, if any."""
    if speaker is None:
        return None
    doc = cue.doc
    lo, hi = sorted((speaker.i, cue.i))
    if "\n" not in doc[lo:hi].text_with_ws:  # the text between them (not doc.text: rebuilt on every call)
        return speaker
    start = cue.i  # the first token of the cue's paragraph (walking tokens: no doc.text, no doc.ents per cue)
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    names = [e for e in doc[start:cue.i].ents if e.label_ in {"PERSON", "ORG"}]
    return names[-1].root if names else None


def _is_time(prep: Token) -> bool:
    """'called on Tuesday': a date, not an addressee."""
    return any(p.ent_type_ in {"DATE", "TIME"} for p in prep.children)


def _frames(cues: list[tuple[Token, str, Token]]) -> tuple[set[int], set[int], dict[int, str]]:
    """Cues that only credit a source ('…, Interfax reported', 'according to a transcript') when another cue
    in the same sentence carries the statement: their token ids, the frame's words (kept out of the other
    statement's content) and the source credited, by sentence start."""
    frames: set[int] = set()
    words: set[int] = set()
    sources: dict[int, str] = {}
    for cue, label, speaker in cues:
        if not (label in {"report", "according to"} or _outlet_name(speaker)):
            continue
        others = [c for c, lab, _ in cues if c is not cue and c.sent == cue.sent and c.i not in frames
                  and lab not in {"report", "according to"}]
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
        sources[cue.sent.start] = speakers.mention_span(speaker).text
    return frames, words, sources


def _outlet_name(speaker: Token) -> bool:
    text = speakers.mention_span(speaker).text
    low = text.lower().removeprefix("the ")
    return (low in OUTLET_NAMES or bool(_OUTLET_PARTS.search(text)) or bool(re.search(r"\.(ru|com|org|net|ua)\b", low))
            or any(w in OUTLET_WORDS for w in low.split()))


def _drop_nested(found) -> None:
    """A cue inside another statement's reported clause ('X said the party had asked Y to…') is part of
    what X said, not a statement of its own."""
    keep = []
    indirect_by_sent: dict[int, list[Event]] = {}  # only statements of the same sentence can hold a cue
    for o, c, _ in found:
        if c is not None and not o.is_direct:
            indirect_by_sent.setdefault(c.sent.start, []).append(o)
    for item in found:
        event, cue, _ = item
        nested = cue is not None and any(
            o is not event
            and o.char_start <= cue.idx < o.char_end and o.char_start <= event.char_start and event.char_end <= o.char_end
            for o in indirect_by_sent.get(cue.sent.start, ())
        )
        if not nested:
            keep.append(item)
    found[:] = keep


def _inside(i: int, quotes: list[Quote]) -> bool:
    return any(q.start <= i < q.end for q in quotes)


def _speaker_token(cue: Token, label: str) -> Token | None:
    """The subject of the cue: its own nsubj, or that of the verb it hangs on ('..., adding that'),
    or the object of 'according to'."""
    if label == "according to":
        for to in cue.children:
            if to.lower_ == "to":
                for c in to.children:
                    if c.dep_ == "pobj":
                        return c
        return None
    t = cue
    for _ in range(4):
        for c in t.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and not (c.dep_ == "nsubjpass" and t is cue):
                return c
        if t.lemma_ == "quote":  # "X was quoted as saying"
            for c in t.children:
                if c.dep_ == "nsubjpass":
                    return c
        if t.dep_ in {"advcl", "conj", "xcomp", "pcomp", "prep", "acl"} and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "relcl":
            return t.head
        break
    doc = cue.doc
    for k in range(cue.i + 1, min(cue.i + 5, len(doc))):  # inverted '"…," said X, …' parsed with X elsewhere
        if doc[k].dep_ == "nsubj" and doc[k].pos_ in {"PROPN", "NOUN"}:
            return doc[k]
        if doc[k].is_punct:
            break
    for c in cue.children:  # passive "it was said by X"
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _addressee(cue: Token) -> str | None:
    """'X told Y': Y (the object of tell, or 'said to Y')."""
    lemma = cue.lemma_.lower()
    for c in cue.children:
        if lemma == "tell" and c.dep_ in {"dobj", "dative", "iobj"}:
            return speakers.mention_span(c).text
        if c.dep_ in {"prep", "dative"} and c.lower_ == "to" and lemma != "accord":
            for p in c.children:
                if p.dep_ == "pobj":
                    return speakers.mention_span(p).text
    return None


def _confidence(direct: bool, actor: str | None, mention: str | None) -> float:
    score = 0.9 if direct else 0.75
    if actor is None:
        score -= 0.3
    elif mention and actor != mention:
        score -= 0.05
    return round(score, 2)


# --- content ----------------------------------------------------------------------------------------------

def _clause_bounds(cue: Token, speaker: Token | None) -> tuple[int, int]:
    """Characters the speech frame ('the governor said on Monday') covers, content excluded."""
    toks = [cue]
    if speaker is not None:
        toks.extend(speaker.subtree)
    for c in cue.children:
        if c.dep_ in {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "dobj", "dative", "prt", "nsubj",
                      "agent", "iobj"}:
            toks.extend(c.subtree)
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    return lo, hi


def _attached_quotes(cue: Token, speaker: Token | None, quotes: list[Quote], text: str) -> list[Quote]:
    """The direct quotes this cue introduces or closes: '"…," he said, "…"' or 'X said: "…"'."""
    lo, hi = _clause_bounds(cue, speaker)
    before = after = None
    for q in quotes:  # a gap that can match is a few characters (text is whitespace-folded): no long slices
        if q.mark_end <= lo and lo - q.mark_end <= _MAX_GAP and text[q.mark_end : lo].strip() in _GAP_BEFORE \
                and "\n" not in text[q.mark_end : lo]:
            before = q
        if q.mark_start >= hi and q.mark_start - hi <= _MAX_GAP and text[hi : q.mark_start].strip() in _GAP_AFTER \
                and "\n" not in text[hi : q.mark_start]:
            after = q
            break
    # cue inside the frame "…," he said on Monday. "…" : the right edge may stop short of the frame's comma
    if after is None and before is not None:
        sent_end = cue.sent.end_char
        for q in quotes:
            if hi <= q.mark_start <= sent_end + 1 and text[hi : q.mark_start].strip(" ,") == "":
                after = q
                break
    out = [q for q in (before, after) if q is not None]
    if len(out) == 2 and before is not None and after is not None:
        # a quote after a closing frame only belongs to it when the frame ends with a comma (split quote)
        if not text[hi : after.mark_start].strip().startswith(",") and text[hi : after.mark_start].strip():
            out = [before]
    return out


def _quote_content(text: str, quotes: list[Quote]) -> tuple[int, int, str]:
    quotes = sorted(quotes, key=lambda q: q.start)
    parts = [_clean_text(text[q.start : q.end]) for q in quotes]
    return quotes[0].start, quotes[-1].end, " ".join(p for p in parts if p)


def _span_of(tokens: list[Token], exclude: set[int] | None = None) -> tuple[int, int, str] | None:
    toks = sorted((t for t in tokens if not exclude or t.i not in exclude), key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or (toks[0].dep_, toks[0].lower_) in {("mark", "that"), ("aux", "to")}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    out = []
    for a, b in zip(toks, toks[1:] + [None]):
        out.append(a.text_with_ws if b is not None and b.i == a.i + 1 else a.text + " ")
    return toks[0].idx, toks[-1].idx + len(toks[-1].text), "".join(out).strip()


def _indirect_content(cue: Token, label: str, skip: set[int] = frozenset()) -> tuple[int, int, str] | None:
    """The reported clause: ccomp ('said Russia was capable…'), xcomp ('urged X to send…'),
    of-phrase ('accused Kyiv of…'), object ('denies plans to invade'), or the clause 'according to' frames."""
    lemma = cue.lemma_.lower()
    if label == "according to":
        head = cue.head
        while head.dep_ not in {"ROOT"} and head.head is not head and head.pos_ not in {"VERB", "AUX"}:
            head = head.head
        if head is cue:
            return None
        exclude = {t.i for t in cue.subtree} | set(skip)
        return _span_of(list(head.subtree), exclude)
    children = list(cue.children)
    for c in children:
        if c.dep_ == "ccomp":
            return _span_of(list(c.subtree), skip)
    if label in {"call for", "call on"}:
        for c in children:
            if c.lower_ in CALL_PARTICLES and c.lower_.replace("upon", "on") == label[5:] and not _is_time(c):
                for p in c.children:
                    if p.dep_ in {"pobj", "pcomp"}:
                        span = list(p.subtree)
                        xc = [x for x in children if x.dep_ == "xcomp"]
                        return _span_of(span + [t for x in xc for t in x.subtree] if label == "call on" else span, skip)
    if lemma in XCOMP_CONTENT:
        for c in children:
            if c.dep_ == "xcomp":
                return _span_of(list(c.subtree), skip)
    if lemma in OF_CONTENT:
        for c in children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ in {"pcomp", "pobj"}:
                        return _span_of(list(p.subtree), skip)
    if lemma in OBJECT_CONTENT:
        for c in children:
            if c.dep_ == "dobj" and c.lower_ not in _TRIVIAL_OBJECTS and len(list(c.subtree)) >= 3:
                return _span_of(list(c.subtree), skip)
    # parenthetical frame: "The economy, he said, is strong" / "It is strong, he says" parsed under the content
    if cue.dep_ in {"parataxis", "ccomp", "advcl"} and any(c.dep_.startswith("nsubj") for c in children):
        head = cue.head
        if head.pos_ in {"VERB", "AUX"} and head.i != cue.i:
            exclude = {t.i for t in cue.subtree} | set(skip)
            return _span_of(list(head.subtree), exclude)
    return None


def _clean_text(s: str) -> str:
    """Content without its quote marks and edge punctuation, white space folded."""
    s = re.sub(r"''|``|[\u201c\u201d\u201e\u00ab\u00bb\"]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,;:-\u2014\u2013")


# --- second pass ---------------------------------------------------------------------------------------------

def _is_outlet(event: Event, cue: Token | None) -> bool:
    name = (event.actor or "").strip()
    if not name:
        return False
    if name.lower().removeprefix("the ") in OUTLET_NAMES or _OUTLET_PARTS.search(name):
        return True
    mention = (event.actor_mention or "").lower().split()
    return any(w in OUTLET_WORDS for w in mention)


def _reporting_frames(found: list[tuple[Event, Token | None, list[Quote]]], doc: Doc) -> None:
    """'…, Interfax reported': an outlet framing another statement is its source, not a speaker."""
    drop = []
    for i, (outer, cue, _) in enumerate(found):
        if cue is None or not _is_outlet(outer, cue):
            continue
        inner = [e for e, c, _ in found if e is not outer and c is not None and c.sent == cue.sent
                 and outer.char_start <= c.idx < outer.char_end]
        if inner:
            for e in inner:
                e.reported_by = outer.actor
            drop.append(i)
    for i in reversed(drop):
        del found[i]
    for e, cue, _ in found:
        if e.reported_by is None and e.addressee and _is_outlet(Event("statement", 0, 0, actor=e.addressee), None):
            e.reported_by = e.addressee


def _unclaimed_quotes(found, quotes: list[Quote], claimed: set[int], text: str, doc: Doc,
                      starts: list[int], index: speakers.SpeakerIndex) -> None:
    """Quotes no cue took: a continuation of the quote before it (same paragraph, or the next paragraph for an
    unclosed quote), or 'Name: "…"'. Anything else (scare quotes, titles) is left alone."""
    by_end = sorted(found, key=lambda f: f[0].char_end)
    for q in quotes:
        if id(q) in claimed or q.words(text) < MIN_QUOTE_WORDS:
            continue
        prev = None
        for f in by_end:
            if f[0].char_end <= q.start:
                prev = f
        prev_para = _paragraph_of(prev[2][-1]) if prev and prev[2] else None
        if prev is not None and prev[0].is_direct and prev_para is not None and (
            prev_para == q.paragraph or (q.continues and prev_para == q.paragraph - 1)
        ) and not _cue_between(doc, starts, prev[0].char_end, q.start, prev[1]):
            event = prev[0]
            event.quote = f"{event.quote} {_clean_text(text[q.start:q.end])}".strip()
            event.char_end = q.end
            prev[2].append(q)
            claimed.add(id(q))
            continue
        if not q.closed:  # an opening paragraph of a quote whose last paragraph has the cue
            nxt = next((f for f in found if f[2] and f[2][0].continues and f[2][0].paragraph == q.paragraph + 1), None)
            if nxt is not None:
                event = nxt[0]
                event.quote = f"{_clean_text(text[q.start:q.end])} {event.quote}".strip()
                event.char_start = q.start
                nxt[2].insert(0, q)
                claimed.add(id(q))
                continue
        colon = text[max(0, q.mark_start - 3) : q.mark_start].rstrip()
        if colon.endswith(":"):
            event = _colon_statement(q, text, doc, starts, index)
            if event is not None:
                found.append((event, None, [q]))
                claimed.add(id(q))
                by_end = sorted(found, key=lambda f: f[0].char_end)


def _paragraph_of(q: Quote) -> int:
    return q.paragraph


def _cue_between(doc: Doc, starts: list[int], a: int, b: int, own: Token | None) -> bool:
    """A speech cue other than the statement's own stands between two offsets."""
    i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    return any(_cue_label(doc[k]) is not None and (own is None or k != own.i) for k in range(i, min(j, len(doc))))


def _colon_statement(q: Quote, text: str, doc: Doc, starts: list[int], index) -> Event | None:
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
        quote=_clean_text(text[q.start : q.end]), is_direct=True, confidence=0.6,
    )


def _dedupe(events: list[Event]) -> list[Event]:
    """One statement per content span (two cues on one clause), in text order."""
    seen: dict[tuple[int, int], Event] = {}
    for e in events:
        k = (e.char_start, e.char_end)
        if k not in seen or (seen[k].actor is None and e.actor is not None):
            seen[k] = e
    return sorted(seen.values(), key=lambda e: (e.char_start, e.char_end))
