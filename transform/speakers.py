"""Who a speaker is: the mention as written, and the name the article gives them in full.

Coreference-lite, on the parsed Doc only: pronouns go to the nearest earlier person (or organisation, for
"it"), surnames and "Mr. X" to the full name first given, titles and descriptions ("the emir", "a separatist
leader") to the person the article names with that title nearby. Where no name is found the description is
kept ("a witness"); a bare pronoun is never returned as the actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import (
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
)
from .nlp import entities, entity_at

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token

_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_TRIM_DEPS = {"appos", "relcl", "acl", "punct", "advmod", "cc"}


@dataclass
class SpeakerIndex:
    """The names an article gives, built once per Doc: full person names by surname, and where they stand."""

    doc: Doc
    persons: list[Span] = field(default_factory=list)
    orgs: list[Span] = field(default_factory=list)
    by_surname: dict[str, str] = field(default_factory=dict)
    full_names: dict[str, list[str]] = field(default_factory=dict)  # last word → person names ending with it

    @classmethod
    def of(cls, doc: Doc) -> SpeakerIndex:
        """The Doc's index, built on first use and kept with the Doc (statements and figures share it)."""
        key = ("eventwire", "speakers")
        if key not in doc.user_data:
            doc.user_data[key] = cls.build(doc)
        return doc.user_data[key]

    @classmethod
    def build(cls, doc: Doc) -> SpeakerIndex:
        index = cls(doc)
        for ent in entities(doc):
            if ent.label_ == "PERSON":
                ent = _strip_span(ent)
                if ent is None:
                    continue
                index.persons.append(ent)
                words = [t for t in ent if t.is_alpha and t.lower_ not in TITLES]
                if len(words) >= 2:
                    index.by_surname.setdefault(words[-1].lower_, _clean_name(ent))
                    index.full_names.setdefault(words[-1].lower_, []).append(_clean_name(ent))
            elif ent.label_ == "ORG" and _titled_name(ent):
                # "regional governor Oleh Kiper", tagged ORG by the small model: a person after a title.
                index.persons.append(ent)
                index.by_surname.setdefault(ent[-1].lower_, ent.text)
            elif ent.label_ in {"ORG", "NORP", "GPE"}:
                index.orgs.append(ent)
        return index

    def full_name(self, name: str) -> str:
        """'Lavrov' or 'Mr. Lavrov' → 'Sergei Lavrov' when the article gave the full name."""
        words = [w for w in name.replace(".", " ").split() if w.lower() not in TITLES]
        if len(words) == 1:
            return self.by_surname.get(words[0].lower().removesuffix("'s"), name)
        if len(words) > 1:  # "Abu Haneya" → "Halima Abu Haneya"
            tail = " ".join(words).lower()
            longer = [n for n in self.full_names.get(words[-1].lower(), ()) if n.lower().endswith(" " + tail)]
            if longer:
                return max(longer, key=len)
        return name

    def person_before(self, i: int, window: int = 400) -> Span | None:
        """The nearest person named before token `i` (within `window` tokens)."""
        best = None
        for ent in self.persons:
            if ent.end <= i and i - ent.end <= window:
                best = ent
        return best

    def person_after(self, i: int, window: int = 80) -> Span | None:
        """The first person named after token `i` (within `window` tokens)."""
        for ent in self.persons:
            if ent.start > i and ent.start - i <= window:
                return ent
        return None

    def org_before(self, i: int, window: int = 400) -> Span | None:
        best = None
        for ent in self.orgs:
            if ent.end <= i and i - ent.end <= window and ent.label_ == "ORG":
                best = ent
        return best


def _titled_name(ent: Span) -> bool:
    """Two or three capitalised proper nouns right after a title word: a person's name, whatever the NER says."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None and before.lower_ in TITLES and 2 <= len(ent) <= 3
        and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in ent)
    )


def _strip_span(span: Span) -> Span | None:
    """A name span without leading determiners/titles punctuation or trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _clean_name(span: Span) -> str:
    """A name as text, without titles ('Mr.', 'President') in front."""
    toks = list(span)
    while len(toks) > 1 and toks[0].lower_.rstrip(".") in TITLES:
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip()


def mention_span(head: Token) -> Span:
    """The speaker's noun phrase as written: the head with its modifiers and conjuncts, without appositions
    or relative clauses ("Karen Holt, a trade analyst, who..." → "Karen Holt")."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _TRIM_DEPS:
            continue
        keep.extend(child.subtree)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    span = head.doc[lo : hi + 1]
    return _strip_punct(span)


def _strip_punct(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _entity_of(token: Token) -> Span | None:
    return entity_at(token) if token.ent_type_ in _NAME_LABELS else None


def _appos_name(head: Token) -> Span | None:
    """'a senior member of the party, Vladimir Vasilyev,' → the apposed name."""
    for child in head.children:
        if child.dep_ == "appos":
            ent = _entity_of(child)
            if ent is not None and ent.label_ in {"PERSON", "ORG"}:
                return _strip_span(ent)
            if child.pos_ == "PROPN":
                return mention_span(child)
    return None


def resolve(head: Token, index: SpeakerIndex, previous_actor: str | None = None) -> tuple[str | None, str]:
    """(actor, actor_mention) for the speaker whose head token is `head`."""
    if head.lower_ in RELATIVE_PRONOUNS and head.dep_.startswith("nsubj"):
        # "Holt, who said ..." → the noun the relative clause hangs on
        clause = head.head
        if clause.dep_ == "relcl":
            head = clause.head
    mention = mention_span(head)
    mention_text = mention.text
    low = head.lower_
    if head.pos_ == "PRON" or low in PRONOUNS:
        return _resolve_pronoun(head, index, previous_actor), mention_text
    # conjoined speakers ("the United States and its EU allies") stay as written
    if any(c.dep_ == "conj" for c in head.children):
        return mention_text, mention_text
    ent = _entity_of(head)
    if ent is not None:
        name = _strip_span(ent)
        if name is not None:
            if ent.label_ == "PERSON":
                return index.full_name(_clean_name(name)), mention_text
            if ent.label_ == "ORG" and len(mention) <= len(ent) + 2:
                # a one-word "organisation" that is the surname of a person named earlier is that person
                return (index.full_name(_clean_name(name)) if len(name) == 1 else _clean_name(name)), mention_text
    appos = _appos_name(head)
    if appos is not None:
        return index.full_name(_clean_name(appos)), mention_text
    if head.pos_ == "PROPN":
        return index.full_name(_strip_title_text(mention)), mention_text
    if head.lemma_.lower() in TITLES or any(c.lemma_.lower() in TITLES for c in head.children):
        found = _resolve_description(head, mention, index)
        if found is not None:
            return found, mention_text
    return mention_text, mention_text


def _strip_title_text(span: Span) -> str:
    toks = [t for t in span if not t.is_punct and t.tag_ != "POS" and t.lower_ not in {"the", "a", "an"}]
    while len(toks) > 1 and toks[0].lower_.rstrip(".") in TITLES:
        toks = toks[1:]
    return " ".join(t.text for t in toks) if toks else span.text


def _resolve_pronoun(head: Token, index: SpeakerIndex, previous_actor: str | None) -> str | None:
    low = head.lower_
    if low in NEUTER_PRONOUNS:
        org = index.org_before(head.i)
        return _clean_name(org) if org is not None else None
    if low in PLURAL_PRONOUNS:
        return previous_actor if previous_actor and previous_actor.lower() not in PRONOUNS else None
    person = index.person_before(head.i)
    if person is not None:
        return index.full_name(_clean_name(person))
    return previous_actor if previous_actor and previous_actor.lower() not in PRONOUNS else None


def _resolve_description(head: Token, mention: Span, index: SpeakerIndex) -> str | None:
    """'the emir' → the person named with that title earlier; 'a separatist leader' → the person the next
    sentences name. None when nothing fits (the caller keeps the description)."""
    title = head.lemma_.lower()
    definite = any(t.lower_ in {"the", "his", "her", "its", "their"} for t in mention[:1]) or any(
        c.dep_ == "poss" for c in head.children
    )
    if definite:
        for ent in reversed(index.persons):
            if ent.end > head.i:
                continue
            near = head.doc[max(ent.start - 6, 0) : min(ent.end + 8, len(head.doc))]
            if any(t.lemma_.lower() == title for t in near):
                return index.full_name(_clean_name(ent))
        return None
    if head.lower_ in {"leader", "head", "chief", "emir", "president", "minister", "governor", "mayor"}:
        after = index.person_after(head.i)
        if after is not None:
            return index.full_name(_clean_name(after))
    return None


def source_name(head: Token) -> str | None:
    """Who gave a figure ("police said 3 were killed", "according to Interfax"), resolved as a speaker is; None for
    a pronoun the article never names, and for a relative pronoun (the figure's own clause, not its source)."""
    if head.lower_ in RELATIVE_PRONOUNS:
        return None
    return resolve(head, SpeakerIndex.of(head.doc))[0]
