"""What two reports of one incident share besides a date and a place: names, streets, wording.

Read from the stored text (`articles.body`, `articles.title`, the casualty rows' sentences) with regular
expressions: no model, so it costs microseconds an article and runs where the database is. The keys feed the
reconciliation rules in `load/incident_rules.py`; they are hints, never proof on their own.

- **names**: people named in full ("Lonnie Christopher Roberson", "Derrick Green, 17,") in the text around
  the report's figures (`context`): runs of 2-4 capitalised words none of which is a title, day, institution,
  nationality or street word, or a word the article also writes in lower case (so "Man Arrested After Shooting" in a headline is no name). The key is the first and
  last word, lower case ("lonnie roberson"): outlets vary middle names and initials, and a surname alone
  is shared by too many people.
  Names right after a title that marks a spokesperson, officer or byline ("spokesman Don Aaron", "Sgt. ...",
  "By Jane Doe") are left out: the same officer speaks about many incidents in one city; so are a part of a
  state ("Central Florida") and a web page's player boilerplate ("Download Now", "Adobe Player").
- **victims**: the subset of names given with an age ("Derrick Green, 17," or "17-year-old Derrick Green"):
  in local crime news these are the victims and suspects, the strongest evidence.
- **streets**: "the 400 block of East 71st Street", "on Auburn Avenue", "Madison Avenue near 15th Street":
  the street name and its type, lower case ("east 71st street", "auburn avenue"); "the 1400 block of
  Gherald", without a type word ("gherald"). Counties and parishes are kept with them ("itasca county",
  "mary parish"): where local news places a rural incident; the rules weigh them apart from streets.
- **shingles**: the `SKETCH` smallest hashes of the word 5-grams of the sentences that carry the article's
  casualty figures (not the page's opening, which is often the site's boilerplate), a bottom-k sketch: the
  share of the smallest hashes of two sketches' union that both hold estimates how much of that wording the
  articles share (syndicated copies of one wire story share most of it).

A report's keys are stored as strings (`as_keys`/`from_keys`: "n:lonnie roberson", "v:lonnie roberson",
"s:madison avenue", "w:123,456,...") so that later batches read them instead of parsing bodies again.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from ..transform import gazetteer
from ..transform.headline import headline_proper
from ..transform.lexicon import GENERIC_TITLE_WORDS, NOT_NAME_WORDS

_CAP = r"[A-Z][a-z]+(?:['’\-][A-Za-z]+)?"
_INITIAL = r"[A-Z]\."
_NICK = r"[\"“][A-Z][a-z]+[\"”]"
_WORD_START = r"(?<!\w.)"
"""Placed right after a word's first letter: no word character before that letter, what a leading `\b` says. A
pattern that opens on a letter (not on `\b`) lets Python's `re` skip to the positions where that letter stands
(2-4 times faster over article bodies)."""
NAME = re.compile(rf"([A-Z]{_WORD_START}[a-z]+(?:['’\-][A-Za-z]+)?(?:[ \t\u00a0]+(?:{_CAP}|{_INITIAL}|{_NICK})){{1,3}})")
"""2-4 capitalised words (the first `_CAP`, its letter at a word start), not across lines."""
AGE_AFTER = re.compile(r",\s*(\d{1,2})\s*,")
AGE_BEFORE = re.compile(r"\b\d{1,2}[-\s]year[-\s]old\s+(?:[a-z]+\s+){0,2}$")

STREET_TYPES = (
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln", "way",
    "court", "ct", "place", "pl", "parkway", "pkwy", "highway", "hwy", "circle", "terrace", "trail", "pike",
)
_STREET_TYPE = re.compile(r"(?:" + "|".join(t[0].upper() + _WORD_START + t[1:] for t in STREET_TYPES) + r")\b\.?")
_STREET_NAME = re.compile(
    r"((?:(?:North|South|East|West|N|S|E|W)\.?\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))\s+$"
)
_BLOCK_OF = re.compile(
    r"\bblock of ((?:(?:North|South|East|West|N|S|E|W)\.?\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\b"
    r"(?![ \t]+[A-Z0-9])"  # (a type word or more of the name follows: the type-word search finds it)
)
_COUNTY = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:County|Parish)\b")
_STREET_SHORT = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "dr": "drive", "ln": "lane",
                 "ct": "court", "pl": "place", "pkwy": "parkway", "hwy": "highway", "n": "north", "s": "south",
                 "e": "east", "w": "west"}


TITLES_BEFORE = frozenset("""
spokesman spokeswoman spokesperson sgt sergeant lt lieutenant capt captain chief officer detective sheriff deputy
trooper cpl corporal commissioner mayor attorney prosecutor coroner judge reporter by dr rev pastor gov governor
sen senator rep president superintendent director agent investigator
""".split())
"""A name right after one of these words is a spokesperson's, an officer's or a byline, not a victim's."""

_WORD = re.compile(r"[a-z0-9]+")
SHINGLE_SIZE = 5
SKETCH = 16


@dataclass(slots=True)
class Evidence:
    """One report's keys (see the module doc)."""

    names: frozenset[str] | set[str] = field(default_factory=frozenset)
    victims: frozenset[str] | set[str] = field(default_factory=frozenset)
    streets: frozenset[str] | set[str] = field(default_factory=frozenset)
    shingles: frozenset[int] | set[int] = field(default_factory=frozenset)
    words: frozenset[str] | set[str] = field(default_factory=frozenset)  # distinctive words of the title
    _keys: list[str] | None = None
    _parts: tuple | None = field(default=None, compare=False, repr=False)  # worked out once (`incident_rules._parts`)

    @property
    def keys(self) -> list[str]:
        """The keys an index files this report under: names and streets (as stored: "n:...", "s:...")."""
        if self._keys is None:
            self._keys = [f"n:{n}" for n in sorted(self.names)] + [f"s:{s}" for s in sorted(self.streets)]
        return self._keys


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """One-word names the gazetteer reads as a region (a US state, "Florida"; "Donbas"), lower case."""
    names = set(gazetteer.us_state_names()) | {k for k, p in gazetteer.ALIASES.items() if p.feature == "region"}
    return frozenset(n for n in names if " " not in n and gazetteer.lookup(n).feature == "region")


@lru_cache(maxsize=1 << 19)  # a million casualty rows name a few hundred thousand people: keep them all
def _name_words(name: str) -> tuple[str, ...] | None:
    """The lower-case words of a capitalised run that may name a person (no title, institution or place)."""
    words = [w for w in name.split() if not w.endswith(".") and not w.startswith(("\"", "“"))]
    if len(words) < 2:
        return None
    plain = [w.lower().replace("’", "'") for w in words]
    if any(w.endswith("'s") for w in plain[:-2]):
        return None  # "Al Jazeera's Nida Ibrahim": someone's correspondent or spokesperson ("Cole's Place" stays)
    plain[-1] = plain[-1][:-2] if plain[-1].endswith("'s") else plain[-1]
    if len(plain[-1]) < 2 or any(w.split("'")[0] in NOT_NAME_WORDS for w in plain):
        return None
    if gazetteer.lookup(" ".join(words)) is not None:
        return None  # "Las Vegas", "Miami Gardens"
    if plain[-1] in _region_words():
        return None  # "Central Florida", "South Texas": a part of a state or province, no person
    return tuple(plain)


_LOWER_WORD = re.compile(rf"[a-z]{_WORD_START}[a-z'’\-]+\b")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?\s*$")


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_before(text: str, start: int) -> str:
    """The word ending right before `start` (within 20 characters; one full stop and spaces after it
    allowed): what `_LAST_WORD` finds, without a regular expression's 20 tries."""
    w = text[max(0, start - 20) : start].rstrip()
    if w.endswith("."):
        w = w[:-1]
    i = len(w)
    while i and w[i - 1] in _LETTERS:
        i -= 1
    return w[i:]


def names_in(text: str) -> tuple[set[str], set[str]]:
    """(people named in full as "first last", those of them given with an age)."""
    names: set[str] = set()
    aged: set[str] = set()
    lower_words: set[str] | None = None
    for m in NAME.finditer(text):
        words = _name_words(m.group(1))
        if words is None:
            continue
        start = m.start()
        if _word_before(text, start).lower() in TITLES_BEFORE:
            continue
        if lower_words is None:
            lower_words = set(_LOWER_WORD.findall(text))
        if not lower_words.isdisjoint(words):
            continue  # a word the article also writes in lower case: "Man Arrested After Shooting"
        key = f"{words[0]} {words[-1]}"
        names.add(key)
        if AGE_AFTER.match(text, m.end()) or AGE_BEFORE.search(text, max(0, start - 30), start):
            aged.add(key)
    return names, aged


_NOT_STREET_START = NOT_NAME_WORDS - {"north", "south", "east", "west"}


def streets_in(text: str) -> set[str]:
    """Street names, normalised ("E. 71st St." → "east 71st street"): found by their type word, then the
    capitalised words (or ordinal) before it."""
    out = set()
    for t in _STREET_TYPE.finditer(text):
        m = _STREET_NAME.search(text, max(0, t.start() - 40), t.start())
        if m is None:
            continue
        words = [_STREET_SHORT.get(w, w) for w in _WORD.findall(f"{m.group(1)} {t.group(0)}".lower())]
        if len(words) >= 2 and words[0] not in _NOT_STREET_START:
            out.add(" ".join(words))
    for m in (_COUNTY.finditer(text) if "County" in text or "Parish" in text else ()):  # where local news places a rural incident
        words = _WORD.findall(m.group(0).lower())
        if words[0] in _NOT_STREET_START:  # "The Itasca County", "In Pike County"
            words = words[1:]
        if len(words) >= 2 and words[0] not in _NOT_STREET_START:
            out.add(" ".join(words))
    for m in (_BLOCK_OF.finditer(text) if "block of" in text else ()):  # "the 1400 block of Gherald": no type word
        words = [_STREET_SHORT.get(w, w) for w in _WORD.findall(m.group(1).lower())]
        if words and words[-1] not in _NOT_STREET_START and words[-1] not in ("north", "south", "east", "west"):
            out.add(" ".join(words))
    return out


def shingles_of(text: str) -> frozenset[int]:
    """The bottom-`SKETCH` sketch of the opening's word 5-grams."""
    words = _WORD.findall(text.lower())
    grams = map(" ".join, zip(*(words[i:] for i in range(SHINGLE_SIZE))))
    return frozenset(sorted(set(map(zlib.crc32, map(str.encode, grams))))[:SKETCH])


CONTEXT_BEFORE = 300
CONTEXT_AFTER = 700


SHORT_ARTICLE = 2000


def context(body: str, spans: list[tuple[int, int]], first: bool = True) -> str:
    """The body around a report's figures: from `CONTEXT_BEFORE` characters before each span to
    `CONTEXT_AFTER` after it (where local news names the victim and the street), windows merged; for an
    article's first report, all of a short article (`SHORT_ARTICLE` characters: one incident's report)."""
    if first and len(body) <= SHORT_ARTICLE:
        return body
    windows = sorted((max(0, a - CONTEXT_BEFORE), min(len(body), b + CONTEXT_AFTER)) for a, b in spans)
    merged: list[list[int]] = []
    for a, b in windows:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return "\n".join(body[a:b] for a, b in merged)


_TITLE_WORD = re.compile(r"[a-z][a-z'\-]{3,}")


def title_words(title: str | None) -> frozenset[str]:
    """The distinctive words of a headline (four letters or more, not `GENERIC_TITLE_WORDS`, not a town's
    name: two reports of one town share that anyway): "Sweet 16 party", "Juice Bowl". Not the site's name an
    outlet appends (`headline_proper`)."""
    if not title:
        return frozenset()
    return frozenset(w for w in _TITLE_WORD.findall(headline_proper(title).lower()) if _distinctive(w))


@lru_cache(maxsize=65536)
def _distinctive(word: str) -> bool:
    return word not in GENERIC_TITLE_WORDS and gazetteer.lookup(word) is None


def evidence_of(title: str | None, body: str | None, sentences: list[str] | tuple[str, ...] = ()) -> Evidence:
    """The keys of one article: names and streets from its title and body, wording from `sentences` (those
    that carry its casualty figures), distinctive words from its title."""
    text = f"{title or ''}\n{body or ''}"
    names, aged = names_in(text)
    return Evidence(frozenset(names), frozenset(aged), frozenset(streets_in(text)), shingles_of(" ".join(sentences)),
                    title_words(title))


def wording(a: Evidence, b: Evidence) -> float:
    """Estimated share of wording two openings have in common (Jaccard, from the two sketches)."""
    if not a.shingles or not b.shingles:
        return 0.0
    both = a.shingles & b.shingles
    if not both:
        return 0.0
    union = sorted(a.shingles | b.shingles)[:SKETCH]
    return len(both.intersection(union)) / len(union)


def as_keys(e: Evidence) -> list[str]:
    """The evidence as strings, for storing (see the module doc); the wording sketch is one string."""
    keys = e.keys + [f"v:{n}" for n in sorted(e.victims)] + [f"t:{w}" for w in sorted(e.words)]
    if e.shingles:
        keys.append("w:" + ",".join(map(str, sorted(e.shingles))))
    return keys


def from_keys(keys: list[str] | tuple[str, ...]) -> Evidence:
    """`as_keys` undone."""
    parts: dict[str, set] = {"n": set(), "v": set(), "s": set(), "t": set()}
    shingles: set[int] = set()
    for key in keys:
        kind, _, value = key.partition(":")
        if kind == "w":
            shingles.update(int(h) for h in value.split(",") if h)
        elif kind in parts:
            parts[kind].add(value)
    return Evidence(frozenset(parts["n"]), frozenset(parts["v"]), frozenset(parts["s"]), frozenset(shingles),
                    frozenset(parts["t"]))
