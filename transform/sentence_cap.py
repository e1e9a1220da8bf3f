"""Bounded sentences: a run of text with no sentence end in sight is cut into pieces the parser and the
extractors can afford, before the parser sees it.

The parser and every extractor work per sentence, and some of their work grows with the square of a
sentence's length (each event looks at the places and dates of its sentence, and walks its clause up the
tree). News sentences are short (of 30,497 sentences in 998 Al Jazeera articles, 2 are over 250 tokens:
lists), but a hostile record can be one 100,000-character sentence: that took 11x as long as as much
ordinary text, and the parser itself slows down on it (10,000 quote marks: 15.6 s as one sentence, 1.9 s
in pieces). So this component, placed before the parser, looks for stretches of more than `MAX_TOKENS`
tokens with no sentence-ending token (. ! ? …) and no line break, and marks sentence starts inside them,
at most `MAX_TOKENS` apart: after a comma, semicolon, colon or dash, or before a conjunction, when one
falls in the second half of the piece; else where the piece is full. The parser keeps those boundaries
(spaCy's parser respects sentence starts set before it) and places its own everywhere else, so ordinary
text is parsed exactly as before. What is lost: an event whose words straddle a cut.

A stretch that has sentence-ending tokens the parser then does not end sentences at is not cut; such text
is rare and still bounded in length by the article limit (`extract.clean.MAX_BODY_CHARS`).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

NAME = "eventwire_sentence_cap"
MAX_TOKENS = 250  # the statement extractor's limit too (transform/events/statement.MAX_SENTENCE_TOKENS)
_ENDS = (".", "!", "?", "…", "...", "?!", "!?", "。", "！", "？")
_CUT_AFTER = {",", ";", ":", "—", "–", "-"}
_CUT_BEFORE = {"and", "but", "or", "while", "whereas", "as", "after", "before", "when", "where", "which", "who"}


def _stretches(doc: Doc, max_tokens: int) -> list[tuple[int, int]]:
    """(start, end) token ranges longer than `max_tokens` with no sentence end and no line break inside."""
    orth, space = doc.to_array([ORTH, IS_SPACE]).T
    breaks = np.isin(orth, np.array([doc.vocab.strings.add(e) for e in _ENDS], dtype=np.uint64))
    for i in np.flatnonzero(space):  # whitespace tokens are few: a line break ends a stretch
        breaks[i] |= "\n" in doc[int(i)].text
    cuts = np.concatenate(([-1], np.flatnonzero(breaks), [len(doc)]))
    gaps = np.diff(cuts) - 1
    return [(int(cuts[k]) + 1, int(cuts[k + 1])) for k in np.flatnonzero(gaps > max_tokens)]


def _cut_points(doc: Doc, start: int, end: int, max_tokens: int) -> list[int]:
    """Token indices inside doc[start:end] that begin a new sentence, each piece at most `max_tokens` long."""
    points = []
    while end - start > max_tokens:
        window = range(start + max_tokens, start + max_tokens // 2, -1)
        at = next((i for i in window if doc[i - 1].text in _CUT_AFTER or doc[i].lower_ in _CUT_BEFORE), start + max_tokens)
        points.append(at)
        start = at
    return points


def cap_sentences(doc: Doc, max_tokens: int = MAX_TOKENS) -> Doc:
    """Mark sentence starts in stretches of more than `max_tokens` tokens without a sentence end (module doc)."""
    if len(doc) <= max_tokens:
        return doc
    for start, end in _stretches(doc, max_tokens):
        for i in _cut_points(doc, start, end, max_tokens):
            doc[i].is_sent_start = True
    return doc


@Language.component(NAME)
def _component(doc: Doc) -> Doc:
    return cap_sentences(doc)


def add_to(nlp: Language) -> None:
    """Put the cap in `nlp`, right before its parser (once)."""
    if NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
