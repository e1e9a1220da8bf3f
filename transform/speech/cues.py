"""Speech cues: which words introduce a statement, who their speaker is, and to whom they speak.

A cue is found by lemma and dependency ("say", "tell", "accuse", "according to", "call for" ...), never by a
list of phrases; its speaker is the token `speakers.resolve` later names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import speakers
from ..lexicon import SPEECH_CUES
from .quotes import Quote

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Token


def cue_label(t: Token) -> str | None:
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
                if c.dep_ in {"prep", "prt"} and c.lower_ == particle and not is_time(c):
                    return f"call {'on' if particle == 'upon' else particle}"
        return None
    if lemma == "quote":
        return None  # "was quoted as saying": the cue is "saying"
    return lemma if lemma in SPEECH_CUES else None


def same_paragraph(speaker: Token | None, cue: Token) -> Token | None:
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


def is_time(prep: Token) -> bool:
    """'called on Tuesday': a date, not an addressee."""
    return any(p.ent_type_ in {"DATE", "TIME"} for p in prep.children)


def speaker_token(cue: Token, label: str) -> Token | None:
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


def addressee(cue: Token) -> str | None:
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


def inside(i: int, quotes: list[Quote]) -> bool:
    return any(q.start <= i < q.end for q in quotes)
