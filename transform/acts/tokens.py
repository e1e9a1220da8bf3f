"""Token-level helpers for `actions`: children by dependency, modifiers, lemma keys, and per-Doc tables (forms,
lemmas, dependency labels, sentence word sets) read once from the Doc's arrays, because spaCy builds a new Token
object on every access and most tokens never need one."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..nlp import forms, sentences, tokens_among

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers
    from spacy.tokens import Doc, Span, Token


def lemma_of(t: Token) -> str:
    return t.lemma_.lower()


def kids(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def modifiers(t: Token) -> list[Token]:
    """The words in front of a noun that qualify it ("Saudi-led coalition", "roadside", "IDP")."""
    out: list[Token] = []
    stack = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod") and c.i < t.i]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ in ("compound", "amod", "npadvmod", "nmod", "advmod") and g.i < c.i)
    return out


_MOD_WORDS_KEY = ("eventwire", "action_mod_words")


def mod_words(t: Token) -> frozenset[str]:
    """The forms and lemmas of `t`'s modifiers, found once per token (the rules ask often)."""
    memo = t.doc.user_data.setdefault(_MOD_WORDS_KEY, {})
    words = memo.get(t.i)
    if words is None:
        words = memo[t.i] = frozenset(w for m in modifiers(t) for w in (m.lower_, lemma_of(m)))
    return words


def is_verb(t: Token) -> bool:
    return t.pos_ == "VERB" or (t.pos_ == "ADJ" and t.tag_ == "VBN") or (t.pos_ == "NOUN" and t.tag_ in ("VBD", "VBN"))


def is_noun(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "VERB" and t.tag_ in ("NN", "NNS"))


def _dobj(t: Token) -> list[Token]:
    """Direct objects, and the passive subject (its object in the active)."""
    return kids(t, "dobj", "nsubjpass") or ([t.head] if t.dep_ == "acl" and t.tag_ == "VBN" else [])


def objects_with_conj(t: Token) -> list[Token]:
    out = []
    for o in _dobj(t):
        out.append(o)
        out.extend(c for c in o.children if c.dep_ == "conj")
    return out


def prep_objects(t: Token, *preps: str) -> list[Token]:
    out = []
    for p in t.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(kids(p, "pobj", "pcomp"))
    return out


def has_child_word(t: Token, words: set[str]) -> bool:
    return any(c.lower_ in words or lemma_of(c) in words for c in t.children)


_WORDS_KEY = ("eventwire", "sentence_words")  # not "action_...": `find._clean` keeps it


def sentence_words(t: Token) -> frozenset[str]:
    """The words (lower case and lemma) of `t`'s sentence, built once per Doc: sentence-level checks become set
    lookups instead of walks over Token objects (spaCy builds a new one on every access)."""
    table = t.doc.user_data.get(_WORDS_KEY)
    if table is None:
        table = words_table(t.doc, sentences(t.doc))
    return table[t.i]


def words_table(doc: Doc, sents: list[Span]) -> list[frozenset[str]]:
    """For each token, the words (lower case and lemma) of its sentence; built once per Doc, and kept by `_clean`
    in `find`: strings only, and `name_earlier_acts` asks again after `find_actions`."""
    table = doc.user_data.get(_WORDS_KEY)
    if table is None:
        table = [frozenset()] * len(doc)
        lowers, lemmas, _ = forms(doc)
        for sent in sents:
            words = frozenset(lowers[sent.start:sent.end]) | frozenset(lemmas[sent.start:sent.end])
            table[sent.start:sent.end] = [words] * (sent.end - sent.start)
        doc.user_data[_WORDS_KEY] = table
    return table


def candidates(doc: Doc, start: int, end: int, words: frozenset[str]) -> list[Token]:
    """The tokens of doc[start:end] whose form or lemma is in `words`: the only ones worth a Token object."""
    return tokens_among(doc, _with_fixed_forms(words), start, end)


@lru_cache(maxsize=64)
def _with_fixed_forms(words: frozenset[str]) -> frozenset[str]:
    """`words` and the forms the model lemmatizes wrongly (their lemmas are fixed by `lemma_of`), once per set."""
    return words | LEMMA_FIXED_FORMS


_LEMMA_FIXES = {"raped": "rape", "raping": "rape", "rapes": "rape", "shelled": "shell", "militiamen": "militiaman",
                "retook": "retake", "overran": "overrun", "scuffled": "scuffle"}
"""Forms the model lemmatizes wrongly ("raped" → "rap")."""
LEMMA_FIXED_FORMS = frozenset(_LEMMA_FIXES)


def word_key(t: Token) -> str:
    low = t.lower_
    if low in _LEMMA_FIXES:
        return _LEMMA_FIXES[low]
    lem = lemma_of(t)
    return lem if lem else low


def first_or_none(it):
    for x in it:
        if x is not None:
            return x
    return None
