"""The count phrase of a victim slot: "more than 13,000 lives", "between 10 and 15 soldiers", "a man", "dozens of people".

Given the token that fills a casualty cue's victim slot, read how many, with bounds and qualifier, which tokens
say so (for the evidence span) and the victim noun phrase. Anything that is an age, a year, a date, money,
a distance or a measure is refused here, so the casualty extractor never has to think about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .numbers import (
    FIXED_PHRASES,
    QUALIFIERS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_AMOUNTS,
    Amount,
    amount,
    glued_qualifier,
    vague_amount,
    word_number,
)

from .dates import MONTHS
from .lexicon import NOT_PERSON_NOUNS, PERSON_NOUNS, PERSON_SUFFIXES
from .nlp import entity_at, sentence_of

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Token

NOT_A_COUNT_ENTS = {"MONEY", "PERCENT", "QUANTITY", "TIME", "ORDINAL"}
"""Entity types whose numbers are never head counts."""

NOT_VICTIMS = {
    "year", "month", "week", "day", "hour", "minute", "second", "time", "percent", "%", "km", "kilometre",
    "kilometer", "mile", "metre", "meter", "dollar", "euro", "pound", "rupee", "naira", "shilling", "round",
    "shell", "rocket", "missile", "drone", "bomb", "vehicle", "car", "tank", "house", "home", "building",
    "village", "district", "province", "point", "goal", "case", "vote", "seat", "ton", "tonne", "kg",
    "count", "charge", "window", "windshield", "tire", "tyre", "door", "wall", "truck", "bus", "store",
}
"""Nouns a number can count that are not people: "killed in 3 days", "wounded by 2 rockets"."""

_GROUP_HEADS = {"total", "number", "group", "toll", "body", "death", "life"}
_MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "year", "years", "old", "aged", "month", "months", "week", "weeks", "day", "days", "hours",
}
_NOT_COUNT_NEXT = {"%", "percent", "per", "km", "news", "years", "year", "am", "pm", "a.m.", "p.m.", "o'clock", "o’clock", "caliber",
                   "calibre", "mm", "gauge", "block", "blocks", "hundred-block", "mph", "degrees", "feet", "foot",
                   "inches", "pounds", "lbs", "miles", "yards", "meters", "metres", "kilometres", "kilometers"}
_NOT_COUNT_PREV = {"aged", "age", "ages", "route", "highway", "interstate", "i", "no.", "number", "#", "unit", "apt",
                   "apartment", "suite", "room", "exit", "lot", "platoon", "channel", "station", "precinct", "ward",
                   "box", "flight", "tel", "phone", "call", "dial", "image", "photo", "slide", "page", "episode"}
_STREETS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln", "way",
            "place", "pl", "court", "ct", "highway", "hwy", "parkway", "pkwy", "circle", "terrace", "trail", "pike",
            "square", "alley", "plaza", "row"}
_NOMINAL_ADJ = {"dead", "injured", "wounded", "missing"}  # "four dead", "at least 11 dead"
_RANGE_LINKS = {"and", "to", "-", "–", "or"}


@dataclass(slots=True)
class Count:
    """What a victim slot says: the amount, the tokens stating it, and who the victims are."""

    amount: Amount
    tokens: list[Token]  # qualifier + number (+ victim noun) tokens, for the evidence span
    victims: str | None
    victim_token: Token | None  # the head noun, where one is written
    number_token: Token | None  # the token the count was read from (None for "a man")
    reference: str | None = None  # how the victims are named: see REFERENCES
    name: str | None = None  # for reference 'name': the name's words, lower case (who the row is about)
    additive: bool = False  # "another man", "two other people", "a second victim": more victims, not the same


REFERENCES = ("number", "indefinite", "definite", "name", "pronoun")
"""How a count names its victims, for telling a new victim from one already counted (casualty_links.py):
"3 soldiers" / "dozens" (a number), "a man" (indefinite), "the man", "his wife", "the two men" (definite, as
written after a number too), "Mark Ruiz" (a name), "he" (a pronoun)."""


def _numberish(tok: Token) -> bool:
    if tok.ent_type_ == "ORDINAL":
        return False  # "a second man"
    low = tok.lower_
    return tok.like_num or low in UNITS or low in TENS or low in SCALES or word_number(low) is not None


_LISTED_PARTICIPLES = frozenset({"wounded", "injured", "hurt", "killed"})


def _listed_casualties(tok: Token) -> bool:
    """A number the parser hangs on the clause before it, with its participle: "Woman killed, 3 wounded by gunfire",
    "1 dead, 3 wounded in shooting" (a headline's list of figures)."""
    return tok.like_num and any(c.dep_ == "acl" and c.i == tok.i + 1 and c.lower_ in _LISTED_PARTICIPLES
                                for c in tok.children)


def _refused(tok: Token) -> bool:
    """Numbers that are dates, years, ages, times, addresses, calibres, phone numbers, money or measures: never
    head counts ("Around 14 June", "Ana Ruiz, 35,", "the 1200 block of", "a .40-caliber", "352-393-7670")."""
    if tok.ent_type_ in NOT_A_COUNT_ENTS or tok.dep_ == "appos" or tok.text.startswith(("$", "£", "€", ".")):
        return True
    if tok.dep_ == "npadvmod" and not _listed_casualties(tok):
        return True
    doc = tok.doc
    if tok.ent_type_ == "DATE":
        ent = entity_at(tok)
        words = {t.lower_ for t in ent} if ent is not None else set()
        if words & _MONTHS_DAYS:
            return True
        if len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100:
            return True
    if tok.text.endswith("-") or ":" in tok.text or "#" in tok.text:
        return True  # "12- and 14-year-old" (ages), "11:40", "#4"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    nxt2 = doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) else ""
    prv = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if nxt in _NOT_COUNT_NEXT or nxt.rstrip(".") in MONTHS or prv.rstrip(".") in MONTHS or prv in _NOT_COUNT_PREV:
        return True
    if tok.is_title and not tok.is_sent_start and not tok.is_digit and doc[tok.i + 1 : tok.i + 2].text[:1].isupper():
        return True  # a number word inside a name: "an Eight Trey Crip", "the Seven Seas"
    if nxt == "-" and (nxt2 in _NOT_COUNT_NEXT or nxt2 in ("year", "month", "week", "day", "hour", "minute")):
        return True  # "17-year-old", "12-gauge", ".40-caliber"
    return _address(tok) or _phone(tok) or _an_age(tok)


def _an_age(tok: Token) -> bool:
    """Ages written without "years": "The other, 25, is in critical condition", "kills man, 18", "a boy younger
    than 12", "a 16 and 17-year-old were shot"."""
    doc, i = tok.doc, tok.i
    if not tok.is_digit or int(tok.text) > 110:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if i >= 2 and doc[i - 1].text == "," and (doc[i - 2].pos_ in ("NOUN", "PROPN") or doc[i - 2].lower_ == "other") \
            and (after is None or after.is_punct or after.is_sent_start or (after.pos_ == "PROPN" and after.is_title)):
        return True
    if i >= 2 and doc[i - 1].lower_ == "than" and doc[i - 2].lower_ in ("younger", "older"):
        return True
    return (i + 4 < len(doc) and doc[i + 1].lower_ in ("and", "or", "to") and doc[i + 2].like_num
            and doc[i + 3].text == "-" and doc[i + 4].lower_ in ("year", "years", "month", "months"))


def _address(tok: Token) -> bool:
    """"1400 North Avenue", "the 2700 block of West 3rd Street": a house or block number."""
    doc = tok.doc
    if not tok.is_digit:
        return False
    for i in range(tok.i + 1, min(tok.i + 4, len(doc))):
        if doc[i].lower_.rstrip(".") in _STREETS and doc[i].text[:1].isupper():
            return i > tok.i + 1 and all(doc[j].pos_ == "PROPN" or doc[j].is_digit or doc[j].lower_ in ("north", "south", "east", "west")
                       for j in range(tok.i + 1, i))
        if not (doc[i].pos_ == "PROPN" or doc[i].is_digit or doc[i].text[:1].isupper()):
            return False
    return False


def _phone(tok: Token) -> bool:
    """A piece of a phone number: "352-393-7670", "(555) 123-4567", "1-800-222-8477"."""
    doc, parts, i = tok.doc, [tok.text], tok.i
    while i - 2 >= 0 and doc[i - 1].text == "-" and doc[i - 2].is_digit:
        parts.insert(0, doc[i - 2].text)
        i -= 2
    i = tok.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].is_digit:
        parts.append(doc[i + 2].text)
        i += 2
    if len(parts) >= 3 or (len(parts) == 2 and sorted(map(len, parts)) == [3, 4]):
        return True
    return (tok.i > 0 and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"
            and len(tok.text) == 3)


def _number_run(tok: Token) -> list[Token]:
    """The contiguous number words around `tok`: "2.5 million", "twenty - five", "a hundred"."""
    doc, start, end = tok.doc, tok.i, tok.i
    while start > sentence_of(tok).start and (
        _numberish(doc[start - 1])
        or (doc[start - 1].text == "-" and start - 2 >= sentence_of(tok).start and doc[start - 2].lower_ in TENS)
        or (doc[start - 1].lower_ == "a" and doc[start].lower_ in SCALES)
    ):
        start -= 1
    while end + 1 < sentence_of(tok).end and (
        doc[end + 1].lower_ in SCALES or (doc[end + 1].text == "-" and end + 2 < sentence_of(tok).end and doc[end + 2].lower_ in UNITS)
    ):
        end += 2 if doc[end + 1].text == "-" else 1
    return [doc[i] for i in range(start, end + 1)]


def doc_link(tok: Token, i: int) -> bool:
    """Whether token i links two ends of a range ("-", "to", or "and" after "between")."""
    doc = tok.doc
    low = doc[i].lower_
    if low in ("-", "–", "to"):
        return True
    return low == "and" and i - 2 >= sentence_of(tok).start and doc[i - 2].lower_ == "between"


def _qualifier_before(first: Token) -> tuple[str | None, list[Token]]:
    """The qualifier phrase ending right before `first` ("more than", "at least"), with its tokens."""
    doc = first.doc
    for width in (3, 2, 1):
        start = first.i - width
        if start < sentence_of(first).start:
            continue
        words = " ".join(t.lower_ for t in doc[start : first.i])
        if words in QUALIFIERS:
            return QUALIFIERS[words], list(doc[start : first.i])
    return None, []


def _read_number(tok: Token) -> tuple[Amount, list[Token]] | None:
    """The amount a number token states, with range, qualifier and glued forms ("over1,000")."""
    if _refused(tok):
        return None
    qual, glued = glued_qualifier(tok.text)
    if glued is not None:
        return amount(glued, qual), [tok]
    if tok.text.count("-") == 1:
        parts = [p.replace(",", "") for p in tok.text.split("-")]
        if all(p.isdigit() for p in parts):  # "2-4"; not "12-" ("12- and 14-year-old": ages, refused above)
            lo, hi = int(parts[0]), int(parts[1])
            if lo < hi:
                return amount(lo, high=hi), [tok]
    run = _number_run(tok)
    before = run[0].i - 2
    if (before >= sentence_of(tok).start and tok.doc[run[0].i - 1].lower_ == "of" and _numberish(tok.doc[before])
            and tok.doc[before].dep_ == "quantmod" and not any(c.dep_ in ("relcl", "acl") for c in tok.head.children)):
        return _read_number(tok.doc[before])  # "three of four members were killed": three (the parser hung it on four;
        # but "one of three people hit by gunfire": the three are those the cue speaks of)
    if before >= sentence_of(tok).start and doc_link(tok, run[0].i - 1) and _numberish(tok.doc[before]) and not tok.doc[before].ent_type_ in NOT_A_COUNT_ENTS:
        return _read_number(tok.doc[before])  # the upper end of "2-4", "10 to 15": read from the lower end
    text = " ".join(t.text for t in run if t.text != "-")
    fixed = FIXED_PHRASES.get(text.lower())
    value = fixed if fixed is not None else word_number(text)
    if value is None:
        return None
    tokens = list(run)
    doc, first, last = tok.doc, run[0], run[-1]
    # a range: "between 10 and 15", "10 to 15", "two or three"
    between = first.i > sentence_of(first).start and doc[first.i - 1].lower_ == "between"
    link = doc[last.i + 1].lower_ if last.i + 2 < sentence_of(last).end else ""
    if (link in _RANGE_LINKS and (link != "and" or between)) and _numberish(doc[last.i + 2]):
        high = word_number(" ".join(t.text for t in _number_run(doc[last.i + 2])))
        if high is not None and high > value:
            tokens = ([doc[first.i - 1]] if between else []) + tokens + [doc[last.i + 1], doc[last.i + 2]]
            return amount(value, high=high), tokens
    qual, qual_tokens = _qualifier_before(first)
    return amount(value, qual), qual_tokens + tokens


DEGREE_WORDS = frozenset({"as", "so", "too", "how"})


def _degree(vague: Token) -> bool:
    """"as many people as he could", "so many died", "too many", "how many": a degree, not an amount of people."""
    return any(c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS for c in vague.children) or (
        vague.i > 0 and vague.doc[vague.i - 1].lower_ in DEGREE_WORDS)


def _noun_phrase(noun: Token) -> str:
    """The victim noun with its compound and adjective modifiers: "Taliban militants", "civilians"."""
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not _numberish(c) and c.lower_ not in VAGUE_AMOUNTS]
    while left and left[0].lower_ in ("more", "least", "than", "about", "some", "other", "others"):
        left = left[1:]
    return " ".join([t.text for t in left] + [noun.text])


def _of_noun(tok: Token) -> Token | None:
    """The noun after "of": "dozens of people", "a total of four soldiers", "the bodies of 5 men"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_ABSTRACT_SUFFIXES = ("ment", "tion", "sion", "ity", "ance", "ence", "ness", "ism", "ure", "ing")
_EVENT_NOUNS = {"response", "attack", "strike", "raid", "blast", "explosion", "assault", "majority", "minority", "war",
                "fire", "crash", "accident", "storm", "quake", "earthquake", "flood", "shooting", "stabbing",
                "incident", "homicide", "murder", "killing", "robbery", "case", "crime", "clash", "ambush", "suicide"}
_ADDITIVE = {"another", "other", "others", "second", "third", "fourth", "fifth", "more", "additional", "further"}
_SINGULAR_PRONOUNS = {"he", "she", "him", "her", "himself", "herself"}


def _abstract(noun: Token) -> bool:
    """Nouns that cannot be one victim ("a bombardment", "a majority", "the response")."""
    low = noun.lemma_.lower()
    return low in _EVENT_NOUNS or low in NOT_VICTIMS or low.endswith(_ABSTRACT_SUFFIXES)


def not_people(noun: Token) -> bool:
    """Victims that are no people: animals ("90,000 deer"), things and abstractions (lexicon.NOT_PERSON_NOUNS),
    and the unborn ("three people and an unborn baby": tolls such as GVA's count the people born)."""
    return (noun.lemma_.lower() in NOT_PERSON_NOUNS or noun.lower_ in NOT_PERSON_NOUNS
            or any(c.lower_ == "unborn" for c in noun.children))


def is_person_noun(noun: Token) -> bool:
    """A noun naming one person: "man", "bystander", "17-year-old", "Konkomba" (lexicon, person suffixes, NER)."""
    low = noun.lemma_.lower()
    if not_people(noun) or _abstract(noun):
        return False
    if low in PERSON_NOUNS or noun.ent_type_ in ("PERSON", "NORP"):
        return True
    if noun.lower_ == "old" and any(c.lower_ in ("year", "month", "week") for c in noun.children):
        return True  # "the 17-year-old"
    return noun.pos_ in ("NOUN", "PROPN") and low.endswith(PERSON_SUFFIXES) and len(low) > 4


def _additive(slot: Token) -> bool:
    return slot.lower_ in _ADDITIVE or any(c.lower_ in _ADDITIVE and c.dep_ in ("det", "amod", "advmod", "nummod", "compound")
                                           for c in slot.children)


def _definite(slot: Token) -> Token | None:
    """The "the" / "both" / possessive that makes a noun phrase definite ("the man", "his wife"), if any."""
    return next((c for c in slot.lefts if (c.dep_ in ("det", "predet") and c.lower_ in ("the", "both", "this", "that"))
                 or c.dep_ == "poss"), None)


_ORG_WORDS = frozenset({"department", "police", "army", "company", "inc", "corp", "university", "school", "bank",
                        "church", "party", "council", "office", "agency", "force", "forces", "group", "club", "news"})
_NOT_NAME_WORDS = frozenset({"death", "deaths", "shooting", "killing", "murder", "homicide", "man", "woman", "police",
                             "officer", "victim", "suspect", "dead", "injured", "wounded", "shot", "fatal", "teen"})


def _named_before(slot: Token) -> bool:
    """A lone capitalised word that is a word of a full PERSON name in the article ("Juan Webb" ... "Webb was
    shot"): that person, though the NER left it untagged here."""
    doc = slot.doc
    key = ("eventwire", "person_words")
    if key not in doc.user_data:
        doc.user_data[key] = sorted({t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e
                                     if t.is_alpha and t.is_title})
    return slot.lower_ in doc.user_data[key] and slot.lower_ not in PERSON_NOUNS and slot.lower_ not in _NOT_NAME_WORDS


def _person_name(slot: Token) -> str | None:
    """The words of a PERSON name in the slot, lower case and space-separated ("Mark T. Ruiz" → "mark ruiz"):
    a later "Ruiz" or "Mark" is the same person (casualty_links.same_name)."""
    if slot.pos_ != "PROPN" or not slot.is_title or (slot.ent_type_ not in ("PERSON", "", "ORG") and not _named_before(slot)):
        return None  # (the NER misses names, or calls them organisations or places: "Rivera was killed" after "Ana Rivera")
    if slot.ent_type_ != "PERSON" and not _named_before(slot) and (slot.lower_ in PERSON_NOUNS or slot.lower_ in _NOT_NAME_WORDS or not any(
            t.pos_ == "PROPN" and t.is_title and t.lower_ not in _NOT_NAME_WORDS for t in slot.lefts if t.dep_ == "compound")
            or any(t.lower_ in _ORG_WORDS for t in slot.subtree)):
        return None  # untagged: only a first name + surname ("Ana Ruiz"), never "Police", "Shooting Death"
    ent = entity_at(slot)
    tokens = list(ent) if ent is not None and ent.start <= slot.i < ent.end else [slot]
    if ent is None:
        tokens = [t for t in slot.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [slot]
    words = [t.lower_.replace("’", "'") for t in tokens if t.is_alpha and len(t) > 1 and t.tag_ != "POS"]
    return " ".join(words) or None


def _owned_noun(pron: Token) -> Token | None:
    """"her" the parser made an object of its own ("fatally shooting her older brother"): the noun it owns."""
    if pron.lower_ != "her" or pron.i + 1 >= len(pron.doc):
        return None
    for tok in pron.doc[pron.i + 1 : pron.i + 5]:
        if tok.head.i == pron.head.i and tok.dep_ == pron.dep_ and tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT") or tok.head.i == pron.head.i:
            return None
    return None


def _singular(slot: Token) -> Count | None:
    """One person named without a number: "a man", "another victim", "the 17-year-old", "his wife", "Mark Ruiz",
    "he". Whether it is a new victim or one already counted is decided across the article (casualty_links.py)."""
    low = slot.lower_
    if slot.pos_ == "PRON":
        owned = _owned_noun(slot)
        if owned is not None:  # "shooting her older brother", parsed as two objects: the brother is the victim
            return Count(amount(1), [slot, owned], _noun_phrase(owned), owned, None,
                         reference="definite") if is_person_noun(owned) else None
        if low in _SINGULAR_PRONOUNS:
            return Count(amount(1), [slot], None, slot, None, reference="pronoun")
        return None
    name = _person_name(slot)
    if name is not None:
        return Count(amount(1), [slot], _noun_phrase(slot), slot, None, reference="name", name=name)
    titled = _titled_name(slot)
    if titled is not None:
        return titled
    if slot.tag_ not in ("NN", "NNP", "JJ") or _abstract(slot) or not_people(slot):
        return None
    det = next((c for c in slot.lefts if c.dep_ == "det"), None)
    if det is not None and det.lower_ in ("a", "an", "another") and (slot.tag_ == "NN" or is_person_noun(slot)):
        return Count(amount(1), [det, slot], _noun_phrase(slot), slot, None, reference="indefinite",
                     additive=_additive(slot))
    definite = _definite(slot)
    if (definite is not None and definite.lower_ != "both" and slot.lemma_.lower() not in _GROUP_HEADS
            and is_person_noun(slot)):
        return Count(amount(1), [definite, slot], _noun_phrase(slot), slot, None, reference="definite",
                     additive=_additive(slot))
    if (slot.doc.user_data.get(HEADLINE) and det is None and slot.lemma_.lower() not in _GROUP_HEADS
            and is_person_noun(slot) and (slot.tag_ == "NN" or slot.lower_ in PERSON_NOUNS or _years_old(slot))):
        # "Teen killed in shooting", "5-year-old shot": a headline drops its articles ("Juvenile" is an NNP)
        return Count(amount(1), [slot], _noun_phrase(slot), slot, None, reference="indefinite")
    return None


def _years_old(slot: Token) -> bool:
    """Whether the slot is the "old" of "5-year-old" (tagged an adjective), a person in a headline."""
    return (slot.lower_ == "old" and slot.i >= 2 and slot.nbor(-1).text == "-"
            and slot.nbor(-2).lower_ in ("year", "month"))


HEADLINE = ("eventwire", "headline")
"""Set in a headline's Doc (`Doc.user_data`): a bare singular noun for a person there is one victim ("Teen killed in
accidental shooting", "Shawnee teenager shot to death"), as "a teen" is in prose."""


def _titled_name(slot: Token) -> Count | None:
    """A bare title or role before a name the parser made its apposition ("U.S. citizen Adrian Espinosa, 17, was
    killed"): the named person. Only without a determiner: "the victim, Ana Ruiz," stays the definite victim."""
    if slot.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in slot.children) or not_people(slot) \
            or _abstract(slot):
        return None
    appos = next((c for c in slot.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"), None)
    name = _person_name(appos) if appos is not None else None
    if name is None:
        return None
    return Count(amount(1), [slot, appos], _noun_phrase(appos), appos, None, reference="name", name=name)


def _couple(slot: Token) -> Count | None:
    """"A couple of people" and "a young couple", "the couple": two people (a couple of things are no victims)."""
    of = _of_noun(slot)
    if of is not None and not is_person_noun(of) and of.lemma_.lower() not in ("people", "person"):
        return None  # "a couple of shots"
    victim = of if of is not None else slot
    definite = _definite(slot) if of is None else None
    return Count(amount(2), [slot] + ([of] if of is not None else []), _noun_phrase(victim), victim, slot,
                 reference="definite" if definite is not None else "number", additive=_additive(victim))


def read_count(slot: Token) -> Count | None:
    """The count a victim slot states, or None when it states none (or states an age, a date, money, animals...).
    A single person without a number ("a man", "the victim", "Mark Ruiz", "he") is a count of 1 with its
    `reference`, for the article-level rule that tells new victims from ones already counted."""
    if slot.lemma_.lower() in NOT_VICTIMS or slot.ent_type_ in NOT_A_COUNT_ENTS or not_people(slot) \
            or slot.lemma_.lower() in _EVENT_NOUNS:
        return None  # "five shootings", "two attacks": events, not victims
    low = slot.lower_
    if slot.lemma_.lower() == "couple" and slot.pos_ == "NOUN":
        return _couple(slot)
    # the slot is itself a number or a vague amount: "18 were wounded", "dozens of people"
    vague = vague_amount(low)
    if vague is not None and _degree(slot):
        return None  # "so many died", "killing as many people as he could": no figure
    if vague is not None and slot.pos_ in ("NOUN", "NUM", "ADJ", "PRON"):
        of = _of_noun(slot)
        if of is not None and of.lower_ in ("thousands",) and low in ("tens", "hundreds"):
            vague = vague_amount(f"{low} of thousands")
            of = _of_noun(of)
        if of is not None and (of.lemma_.lower() in NOT_VICTIMS or not_people(of)):
            return None
        tokens = [slot] + ([of] if of is not None else [])
        return Count(amount(vague, "vague"), tokens, _noun_phrase(of) if of is not None else None, of, slot,
                     reference="number")
    if _numberish(slot) or glued_qualifier(slot.text)[1] is not None:
        read = _read_number(slot)
        if read is None:
            return None
        amt, tokens = read
        of = _of_noun(slot)
        if of is not None and (of.lemma_.lower() in NOT_VICTIMS or not_people(of) or of.lemma_.lower() in _EVENT_NOUNS):
            return None
        return Count(amt, tokens + ([of] if of is not None else []), _noun_phrase(of) if of is not None else None, of, slot,
                     reference="definite" if _definite(slot) is not None else "number", additive=_additive(slot))
    if low == "another" and slot.pos_ in ("DET", "PRON") and slot.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
        return Count(amount(1), [slot], None, None, None, reference="indefinite", additive=True)  # "and another wounded"
    if slot.pos_ not in ("NOUN", "PROPN", "PRON") and not (slot.pos_ == "ADJ" and slot.lower_ in _NOMINAL_ADJ) \
            and not is_person_noun(slot):  # ("the 17-year-old")
        return None
    if slot.lemma_.lower() in _GROUP_HEADS:
        of = _of_noun(slot)
        if of is not None:
            inner = read_count(of)
            if inner is not None:
                return inner
    for child in slot.lefts:
        if child.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "det") and (
            _numberish(child) or glued_qualifier(child.text)[1] is not None
        ):
            read = _read_number(child)
            if read is None:
                continue  # an age, a name ("a 35 year old man", "an Eight Trey member"): the noun may be one person
            amt, tokens = read
            victims = None if slot.lower_ in _NOMINAL_ADJ else _noun_phrase(slot)
            return Count(amt, tokens + [slot], victims, slot, child,
                         reference="definite" if _definite(slot) is not None else "number", additive=_additive(slot))
        if child.dep_ in ("amod", "nummod", "det") and child.lower_ in VAGUE_AMOUNTS and not _degree(child):
            return Count(amount(VAGUE_AMOUNTS[child.lower_], "vague"), [child, slot], _noun_phrase(slot), slot, child,
                         reference="number", additive=_additive(slot))
    if slot.lower_ == "both" or any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in slot.children):
        return Count(amount(2), [slot], None if slot.lower_ == "both" else _noun_phrase(slot), slot, None, reference="definite")
    return _singular(slot)
