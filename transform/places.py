"""Place mentions, geocoded offline, and which of them is where an event happened.

`find_places`: every GPE/LOC/FAC entity the gazetteer knows, plus proper nouns the NER missed ("mayor of
Donetsk", "Kyiv forces") where the name is a country, an alias or a town of 100,000+ people and the word is not
inside another entity (so "The Moscow Times" is not Moscow).

`locate` picks the event's place by this rule, first match wins:
  1. a place governed by a locative preposition (in, at, near, outside...) inside the event's own clause
     (the cue's subtree), the closest to the cue in the tree;
  2. the place nearest to the event's words in the same sentence governed by in/at/near/...;
  3. where the event's type says it happened at the article's main place (`EventType.takes_article_place`:
     casualty figures of one incident, not running tolls, which belong to a war), the article's dominant place
     (most mentioned; ties go to the first mentioned).
Countries lose to towns and regions in steps 1-2 when both are found ("in Donetsk, Ukraine" → Donetsk).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .gazetteer import ALIASES, is_known_town, lookup, normalise
from .records import Event, PlaceMention

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "from", "on", "into", "off", "of"}
UNTAGGED_MIN_POPULATION = 100_000
_BLOCKING_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "PERSON", "FAC"}


def _mention(span: Span | list[Token], text: str, start: int, end: int) -> PlaceMention | None:
    place = lookup(text)
    if place is None:
        return None
    return PlaceMention(
        name=text,
        char_start=start,
        char_end=end,
        canonical=place.canonical,
        admin1=place.admin1,
        country_code=place.country_code,
        latitude=place.latitude,
        longitude=place.longitude,
        feature=place.feature,
    )


def _entity_text(ent: Span) -> tuple[str, int, int]:
    """The entity without a leading "the" or a trailing "'s"."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    if not tokens:
        return ent.text, ent.start_char, ent.end_char
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return ent.doc[tokens[0].i : tokens[-1].i + 1].text, start, end  # (doc.text is rebuilt on every call)


def find_places(doc: Doc) -> list[PlaceMention]:
    """Every place mentioned in `doc`, geocoded where the gazetteer knows it (see the module doc)."""
    places: list[PlaceMention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            text, start, end = _entity_text(ent)
            mention = _mention(ent, text, start, end)
            if mention is None and len(ent) > 1:  # "Dawlat Abad district, Balkh": try the first proper-noun run
                names = [t for t in ent if t.pos_ == "PROPN"]
                if names:
                    mention = _mention(ent, " ".join(t.text for t in names), names[0].idx, names[-1].idx + len(names[-1]))
            if mention is not None:
                places.append(mention)
                covered.update(range(ent.start, ent.end))
        elif ent.label_ == "ORG" and lookup_alias(ent):
            text, start, end = _entity_text(ent)
            places.append(_mention(ent, text, start, end))
            covered.update(range(ent.start, ent.end))
        elif _mislabelled(ent[0], ent.label_, len(ent)):
            continue  # a lone place name the NER took for an organisation or a person: the scan below takes it
        elif ent.label_ in _BLOCKING_LABELS | {"NORP", "DATE"}:
            covered.update(range(ent.start, ent.end))
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        if tok.ent_type_ in _BLOCKING_LABELS and not _mislabelled(tok, tok.ent_type_, 1):
            continue
        if tok.ent_iob_ == "B" and tok.i + 1 < len(doc) and tok.nbor().ent_iob_ == "I":
            continue
        if is_known_town(tok.text, UNTAGGED_MIN_POPULATION) or _mislabelled(tok, tok.ent_type_, 1):
            mention = _mention([tok], tok.text, tok.idx, tok.idx + len(tok))
            if mention is not None:
                places.append(mention)
    places.sort(key=lambda p: p.char_start)
    return places


def _mislabelled(tok: Token, label: str, length: int) -> bool:
    """A one-word ORG ("annexing Crimea") or PERSON after "in"/"near" ("killed in Mykolaiv") that is a known place;
    or any one-word ORG, PERSON or NORP right after a locative preposition ("a market in Djibo", "the harbour
    district of Odesa") that names a town in the gazetteer."""
    if length != 1:
        return False
    if label in ("ORG", "PERSON", "NORP") and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS and is_known_town(tok.text, 5_000):
        return True
    if not is_known_town(tok.text, UNTAGGED_MIN_POPULATION):
        return False
    if label == "ORG":
        return True
    return label == "PERSON" and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS - {"of", "from"}


def lookup_alias(ent: Span) -> bool:
    """Whether an entity is in the alias table ("the Donetsk People's Republic", tagged ORG by the NER)."""
    return normalise(_entity_text(ent)[0]) in ALIASES


def _tokens_of(doc: Doc, place: PlaceMention) -> Span | None:
    return doc.char_span(place.char_start, place.char_end, alignment_mode="expand")


def _governing_prep(span: Span) -> Token | None:
    """The preposition a place hangs from ("in Donetsk", "in the Dasht area of Kunduz city"), if any."""
    tok = span.root
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.dep_ == "prep" or head.pos_ == "ADP":
            return head if head.lower_ in LOCATIVE_PREPS else None
        if tok.dep_ not in ("compound", "pobj", "appos", "conj", "poss", "nmod", "amod") and head.pos_ not in ("NOUN", "PROPN"):
            return None
        tok = head
    return None


def _cue_token(event: Event, doc: Doc) -> Token | None:
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if event.cue and (tok.lemma_.lower() == event.cue or tok.lower_.startswith(event.cue[:4])):
            return tok
    return span.root


def _depth_below(tok: Token, ancestor: Token) -> int | None:
    """How many steps up from `tok` to `ancestor`, or None when `ancestor` does not govern it."""
    for depth, anc in enumerate(tok.ancestors, start=1):
        if anc.i == ancestor.i:
            return depth
    return None


def _specific_first(place: PlaceMention) -> int:
    return 1 if place.feature == "country" else 0


def locate(event: Event, doc: Doc, places: list[PlaceMention], fallback: bool = False) -> PlaceMention | None:
    """The place where `event` happened, among the article's place mentions (rule in the module doc); `fallback`:
    the article's dominant place when the sentence names none (rule 3)."""
    if not places:
        return None
    in_sentence = [p for p in places if event.sent_start <= p.char_start < event.sent_end] if event.sent_end else []
    cue = _cue_token(event, doc)
    governed: list[tuple[PlaceMention, Span]] = []
    for p in in_sentence:
        span = _tokens_of(doc, p)
        if span is not None and _governing_prep(span) is not None:
            governed.append((p, span))
    if cue is not None:
        clause = []
        for p, span in governed:
            depth = _depth_below(span.root, cue)
            if depth is not None:
                clause.append((_specific_first(p), depth, p.char_start, p))
        if clause:
            return min(clause, key=lambda c: c[:3])[3]
    if governed:
        middle = (event.char_start + event.char_end) / 2
        return min(governed, key=lambda g: (_specific_first(g[0]), abs(g[0].char_start - middle)))[0]
    if fallback:
        return dominant_place(places)
    return None


def dominant_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The article's most mentioned place (by canonical name; ties go to the first mentioned), towns before countries."""
    if not places:
        return None
    counts = Counter(p.canonical or p.name for p in places)
    first = {}
    for i, p in enumerate(places):
        first.setdefault(p.canonical or p.name, (i, p))
    best = min(counts, key=lambda name: (_specific_first(first[name][1]), -counts[name], first[name][0]))
    return first[best][1]
