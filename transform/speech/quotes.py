"""Quotation spans in an article body, found on the characters (not the parse), paragraph by paragraph.

Why characters: quotes run over several sentences and paragraphs, and the tokenizer and sentence splitter
disagree about where they start and end. Curly, straight and doubled ('' ``) marks are all read;
an unbalanced mark never raises: an unclosed quote runs to the end of its paragraph, and continues into
the next paragraph when that one opens with a quote mark (the newspaper convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|\u2018\u2018|\u2019\u2019|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_OPENERS = {"\u201c", "\u201e", "\u00ab", "``", "\u2018\u2018"}
_CLOSERS = {"\u201d", "\u00bb", "\u2019\u2019"}
_OPEN_CONTEXT = set(" \t\n([{-\u2014\u2013/:")
_PARA = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Quote:
    """One quoted stretch: `start`/`end` are its content, `mark_start`/`mark_end` include the marks."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    paragraph: int
    closed: bool = True
    continues: bool = False  # an unclosed quote from the previous paragraph goes on here

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _opens(text: str, m: re.Match) -> bool:
    """Whether an ambiguous straight mark opens a quote: it follows a space or bracket and precedes a word."""
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return before in _OPEN_CONTEXT and not after.isspace()


def find_quotes(text: str) -> list[Quote]:
    """Every quoted stretch of `text`, in order."""
    quotes: list[Quote] = []
    prev_unclosed = False
    for p, para in enumerate(_PARA.finditer(text)):
        open_m: re.Match | None = None
        para_text_start = para.start()
        first_mark = True
        continues = False
        for m in _MARK.finditer(text, para.start(), para.end()):
            mark = m.group()
            if mark in _OPENERS:
                kind = "open"
            elif mark in _CLOSERS:
                kind = "close"
            else:
                kind = "open" if _opens(text, m) else "close"
            if open_m is None:
                if kind == "open":
                    open_m = m
                    continues = first_mark and prev_unclosed and m.start() - para_text_start <= 1
            elif kind == "close" or mark not in _OPENERS:
                quotes.append(Quote(open_m.end(), m.start(), open_m.start(), m.end(), p, True, continues))
                open_m, continues = None, False
            else:  # a second opener while one is open: the first was never closed
                open_m = m
            first_mark = False
        prev_unclosed = False
        if open_m is not None:
            end = para.end()
            while end > open_m.end() and text[end - 1].isspace():
                end -= 1
            quotes.append(Quote(open_m.end(), end, open_m.start(), end, p, False, continues))
            prev_unclosed = True
    return [q for q in quotes if q.end > q.start]
