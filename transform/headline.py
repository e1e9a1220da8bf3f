"""What a headline says besides its words: the story's own part (without the site's name an outlet appends), the
town it names and the place it says something happened in (`headline_where`), and its words as prose for the parser
(`sentence_case`, `headline_prose`). Local outlets often name the town of a shooting in the headline and nowhere in
the text ("Houma shooting leaves 1 dead"); the site's name after it is the outlet's home, not where anything
happened."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from .gazetteer import Place, lookup, lookup_in, same_name, us_county, us_county_states, us_state
from .lexicon import GENERIC_TITLE_WORDS, NOT_NAME_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TITLE_PARTS = re.compile(r"\s+[-|–—]\s+")
_RUBRIC = re.compile(r"^\s*(?:[\w'’.-]+\s+){0,2}[\w'’.-]+:\s+")


def story_part(title: str) -> str:
    """A title without the site's name an outlet appends ("... in Bristol - WSMV Channel 4", "... - DoingItLocal",
    "... | WBTV Charlotte"): its first part of three words or more."""
    if "-" in title or "|" in title or "–" in title or "—" in title:
        return next((p for p in _TITLE_PARTS.split(title) if len(p.split()) >= 3), title)
    return title


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_HEADLINE_COMMON = frozenset("""
kill kills killed killing die dies died dead death deaths shot shoots shooting shootings struck wound wounds wounded
injure injures injured injuring hurt hurts critical condition gunfire gunshot gunshots fatal fatally accidental
accidentally teen teens man men woman women boy boys girl girls child children kid kids people person victim victims
police officer officers deputy deputies party home house birthday bar club street found after before during near
outside inside
""".split())


LATER_STEPS = frozenset(
    "identify arraign indict plead convict acquit sentence trial court hearing remember vigil funeral memorial "
    "mourn release drop lawsuit sue".split())
"""Lemmas of a headline about a later step in an earlier incident's story: its victims named, a court's steps,
a vigil, a release from hospital, a dropped charge, a lawsuit ("Teen killed in hunting accident remembered as
witty", "Sheriff wounded in shootout released from hospital"). Not an arrest or a charge, which often comes the
same day ("Teen shot in Homestead, 15-year-old charged as adult")."""


def tells_of_a_later_step(doc: Doc) -> bool:
    """Whether a parsed headline tells of a later step (`LATER_STEPS`) rather than of the incident itself: its
    publication date is then not the incident's day, nor its words enough to file a bare figure under it."""
    return any((t.pos_ in ("VERB", "NOUN", "PROPN", "AUX") and t.lemma_.lower() in LATER_STEPS)
               or t.lower_ in ("id'd", "id’d") for t in doc)


def cut_short(headline: str) -> bool:
    """Whether a headline was cut off by its page ("Man killed, boy injured in apparent drive-by shooting in SW...",
    "Ex-Habersham deputy killed ex-wife, man before shooting..."): what it would have said next, often the place,
    is lost."""
    return headline.rstrip().endswith(("...", "…"))


def sentence_case(title: str) -> str:
    """A headline in Title Case ("2 Girls, 2 Men Shot At Birthday Party In Compton") with its common words in lower
    case, for the parser (which reads "Shot" there as a name): stop words and the words of casualty headlines; names
    keep their capitals. The same length, so offsets hold. Other headlines as they are."""
    words = [m for m in _WORD.finditer(title)]
    if len(words) < 4 or sum(w.group(0)[0].isupper() for w in words) < 0.75 * len(words):
        return title
    out = title
    for w in words:
        word, low = w.group(0), w.group(0).lower()
        if not title[:w.start()].strip():
            continue  # the headline's first word keeps its capital
        if word[1:] == low[1:] and (low in _HEADLINE_COMMON or low in STOP_WORDS):  # ("Shot", never "NYPD")
            out = out[:w.start()] + low + out[w.end():]
    return out


_PROSE_TOKEN = re.compile(r"[\w'’.-]*\w|[^\w\s]")
_PARTICIPLES = frozenset("shot killed wounded injured hurt slain struck found".split())
"""Participles a headline writes without their auxiliary ("5 shot on Detroit's west side", "Teen found dead")."""
_PARTICIPLE_ADVERBS = frozenset("accidentally fatally critically seriously mortally reportedly allegedly "
                                "apparently possibly".split())
_AFTER_PARTICIPLE = frozenset("in on at by near outside inside during while after before and to dead multiple "
                              "twice again early late overnight over , ; : . ... …".split())
"""What follows a headline's passive participle; anything else is an object ("Officer shot suspect"): no insertion."""
_NO_SUBJECT = frozenset(STOP_WORDS) - {"one"}
_PLURAL_SUBJECTS = frozenset("men women children people police kids teens girls boys others family".split())


def headline_prose(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A headline with the auxiliary it drops put back, for a parser trained on prose: "5 shot on Detroit's west
    side" → "5 were shot on ...", "Broken Arrow teen shot in church parking lot" → "... teen was shot ...",
    "Killeen 2-year-old in critical condition" → "... 2-year-old is in critical condition". Only before a
    participle (`_PARTICIPLES`, or "in critical condition") that follows a subject word and no auxiliary, and is
    followed by a preposition or punctuation, not an object. Returns the text and where words went in (offset in
    the new text, length), so offsets map back (`original_offset`)."""
    tokens = list(_PROSE_TOKEN.finditer(text))
    inserted: list[tuple[int, int]] = []
    out, shift = text, 0
    for i, m in enumerate(tokens):
        low = m.group(0).lower()
        nxt = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ","
        condition = (low == "in" and nxt in ("critical", "serious", "stable", "fair", "grave")
                     and i + 2 < len(tokens) and tokens[i + 2].group(0).lower() == "condition")
        follows = nxt in _AFTER_PARTICIPLE or (low == "found" and (nxt in _PARTICIPLES or nxt == "with"))
        if not condition and (low not in _PARTICIPLES or not follows):
            continue
        j = i - 1
        while j >= 0 and tokens[j].group(0).lower() in _PARTICIPLE_ADVERBS:
            j -= 1
        at = tokens[j + 1].start()  # (before the adverbs: "was accidentally shot")
        if j >= 2 and tokens[j].group(0) == "," and tokens[j - 1].group(0).isdigit() and tokens[j - 2].group(0) == ",":
            j -= 3  # "Child, 12, accidentally shot": the child is the subject
        if j < 0:
            continue
        subject = tokens[j].group(0)
        if subject.lower() in _NO_SUBJECT or subject.lower() in _PARTICIPLES or not subject[:1].isalnum() \
                or not _opens_a_clause(tokens, j):
            continue
        plural = (subject.isdigit() and subject != "1") or subject.lower() in _PLURAL_SUBJECTS or (
            subject.lower() in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "multiple",
                                "several", "both"))
        verb = ("are " if plural else "is ") if condition else ("were " if plural else "was ")
        out = out[:at + shift] + verb + out[at + shift:]
        inserted.append((at + shift, len(verb)))
        shift += len(verb)
    return out, inserted


_CLAUSE_OPENERS = frozenset(", : ; after before as when while and — – -".split())
_IN_A_SUBJECT = frozenset("of the a an his her their its with from".split())


def _opens_a_clause(tokens: list[re.Match], j: int) -> bool:
    """Whether the words up to `tokens[j]` are a clause's subject: a run of at most six words back to the headline's
    start or a clause opener ("after", a comma, a colon), with no other function word in it ("Brother arrested after
    sister shot", not "dispute led to 10 people shot", whose people are no subject)."""
    for k in range(j - 1, max(j - 7, -1), -1):
        word = tokens[k].group(0).lower()
        if word in _CLAUSE_OPENERS:
            return True
        if word in STOP_WORDS and word not in _IN_A_SUBJECT:
            return False
    return j - 6 <= 0


def original_offset(offset: int, inserted: list[tuple[int, int]]) -> int:
    """An offset in `headline_prose`'s text, in the headline it was made from (inside an inserted word: where it
    went in)."""
    back = 0
    for at, length in inserted:
        if offset >= at + length:
            back += length
        elif offset > at:
            return at - back
    return offset - back


def headline_proper(title: str) -> str:
    """`story_part` without a rubric or source before a colon ("In Pictures: ...", "Photos: ...", "Police: ..."):
    every article of the outlet, or of the rubric, shares them."""
    title = story_part(title)
    return _RUBRIC.sub("", title, count=1) if ":" in title else title


_HEADLINE_WORDS = GENERIC_TITLE_WORDS | NOT_NAME_WORDS | frozenset("man men dies die kill kills".split()) | frozenset(
    "young side range leader male female".split())  # Title Case words, not towns: "Young Man Found Shot" (Young,
#   Uruguay), "South Side", "Pistol Range", "News Leader" (Leader, Cuba), "Male Juvenile in Custody" (Malé, Maldives)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'.\-]+(?:[ ]+[A-Z][A-Za-z'.\-]+){0,2}")
_COUNTY_AFTER = re.compile(r"\s+(?:County|Co\.|Parish)\b")
_COUNTY_WORDS = frozenset({"County", "Co.", "Parish"})
_COUNTY = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:County|Co\.|Parish|county|parish)(?!\w)")
"""A county or parish a headline names, with the word before it ("In Johnston County", "Lauderdale Co.")."""


@lru_cache(maxsize=65536)
def headline_town(title: str | None, country_code: str | None, story_only: bool = False) -> Place | None:
    """The town a headline names (the first; the longest run of capitalised words the gazetteer knows as a town, in
    `country_code` when given): "Houma shooting leaves 1 dead" → Houma; not a county's name ("Johnston County
    shooting" is no Johnston, Rhode Island) nor a US state's ("in California" is no California, Maryland).
    `story_only`: not in the site's name an outlet appends (`story_part`:
    "... - KSLA News 12 Shreveport, Louisiana" is the outlet's home). A town after "in", "at", "near" or "outside"
    comes before one that describes a person ("Shawnee teenager shot to death in Oklahoma City": where it happened,
    not where the victim lived)."""
    text = story_part(title) if story_only and title else (title or "")
    found = [(m.start(), place) for m in _CAPITALISED.finditer(text) if (place := _town_in(m, text, country_code))]
    where = next((place for start, place in found if _WHERE.search(text, 0, start)), None)
    return where or (found[0][1] if found else None)


_WHERE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.I)
"""A locative preposition right before a headline's town (searched up to the town's start)."""


@lru_cache(maxsize=65536)
def headline_county(title: str, state: str | None) -> Place | None:
    """The first US county or parish a headline's own part (`story_part`) names that `state` has, or (no state) that
    only one state has ("Colbert County": Alabama's), at its point (`us_county`: within 40 km of most of what
    happens in it); for the incident `headline_town` and the text place nowhere."""
    for m in _COUNTY.finditer(story_part(title)):
        for name in (m.group(0), m.group(0).split(" ", 1)[1]):  # ("In Johnston County": Johnston County)
            states = {state} if state else us_county_states(name)
            county = us_county(name, next(iter(states))) if len(states) == 1 else None
            if county is not None:
                return county
    return None


@lru_cache(maxsize=65536)
def headline_where(title: str | None, state: str | None) -> Place | None:
    """Where a headline says it happened, in a US state its story is already placed in: the first town or county
    of that state right after "in", "at", "near" or "outside" in its own part ("Child in critical condition after
    accidental shooting in LaGrange", "Deputies investigating 'quadruple murder' in Anderson Co. home", "Four-Year-Old
    In Leflore County Airlifted ..."), its whole name ("in Washington Heights" is no Washington, "in West Side
    shooting" no West, Texas), not its outskirts ("in Atlanta suburbs"). None where the state has no town or county
    of the name."""
    if not title or not state:
        return None
    text = sentence_case(story_part(title))  # ("Four-Year-Old In Leflore County": "in")
    for m in _CAPITALISED.finditer(text):
        if not _WHERE.search(text, 0, m.start()):
            continue
        county = _COUNTY.match(text, m.start())
        if county is not None:
            found = us_county(county.group(0), state)
            if found is not None:
                return found
            continue
        name = m.group(0)
        if _OUTSKIRTS.match(text, m.end()):
            continue
        town = lookup_in(name, "US", state, small=True)
        if town is not None and same_name(town.canonical, name) and us_state(name) is None:
            return town
    return None


_OUTSKIRTS = re.compile(r"\s+(?:suburbs?|area|metro|outskirts)\b", re.I)
"""After a town's name: not the town ("in Atlanta suburbs")."""


def _town_in(m: re.Match, text: str, country_code: str | None) -> Place | None:
    """The longest run of a capitalised match's words that is a town (see `headline_town`)."""
    words = m.group(0).split()
    county_next = [w in _COUNTY_WORDS for w in words[1:]] + [_COUNTY_AFTER.match(text, m.end()) is not None]
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            if county_next[i + n - 1] or words[i] in _COUNTY_WORDS or words[i + n - 1] in _COUNTY_WORDS:
                continue  # "Johnston County": a county, not a town of that name
            if us_state(" ".join(words[i : i + n])) is not None:
                continue  # "Baby shot in California": the state, not California, Maryland
            if all(w.lower().strip(".'") in _HEADLINE_WORDS for w in words[i : i + n]):
                continue  # "Man Shot Dead": Man is a town in Côte d'Ivoire, and no town here
            name = " ".join(words[i : i + n])
            place = lookup_in(name, country_code) if country_code else lookup(name)
            if place is not None and place.feature == "city":
                return place
    return None
