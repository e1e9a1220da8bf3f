"""What was said: the direct quotes a cue introduces or closes, else the clause it reports.

Offsets are characters of the article body; content is returned without quote marks, white space folded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import CALL_PARTICLES
from .cues import is_time
from .quotes import Quote

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Token

# Cues whose direct object can be what was said ("denies plans to invade", "announced a ceasefire").
OBJECT_CONTENT = frozenset("deny announce condemn confirm acknowledge admit stress emphasize emphasise reiterate".split())
XCOMP_CONTENT = frozenset("urge ask tell call warn".split())
OF_CONTENT = frozenset("accuse warn speak talk".split())
# Only these take their content from a clause with no speech frame at all around them.
_TRIVIAL_OBJECTS = {"it", "this", "that", "so", "nothing", "something", "anything", "what", "which", "much"}
_GAP_BEFORE = {"", ",", "-", "\u2014", "\u2013", ", \u2014", "..."}
_MAX_GAP = 16  # characters: the longest gap above, with the spaces around it
_GAP_AFTER = {"", ":", ",", "that", ", that", "-", "\u2014", ": \u2014"}


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


def attached_quotes(cue: Token, speaker: Token | None, quotes: list[Quote], text: str) -> list[Quote]:
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


def quote_content(text: str, quotes: list[Quote]) -> tuple[int, int, str]:
    quotes = sorted(quotes, key=lambda q: q.start)
    parts = [clean_text(text[q.start : q.end]) for q in quotes]
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


def indirect_content(cue: Token, label: str, skip: set[int] = frozenset()) -> tuple[int, int, str] | None:
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
            if c.lower_ in CALL_PARTICLES and c.lower_.replace("upon", "on") == label[5:] and not is_time(c):
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


def clean_text(s: str) -> str:
    """Content without its quote marks and edge punctuation, white space folded."""
    s = re.sub(r"''|``|[\u201c\u201d\u201e\u00ab\u00bb\"]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,;:-\u2014\u2013")
