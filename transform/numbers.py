"""Numbers as news writes them: "40", "13,000", "Seventeen", "twenty-five", "1.5 million", "over1,000", "dozens".

Pure string functions, no spaCy: the casualty extractor decides *which* tokens are a count; this module only
says what number they mean. Vague amounts follow one declared table, `VAGUE_AMOUNTS`, so that a figure an
analyst sums always means the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

VAGUE_AMOUNTS: dict[str, int] = {
    "several": 10,
    "many": 10,
    "scores": 20,
    "tens": 10,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
}
"""How vague amounts become a count: THE one table of conventions (linked from the README).

Follows ACLED's codebook where it has a rule: "several"/"many" → 10, "dozens" → 12, "hundreds" → 100;
"tens" → 10, "scores" → 20 and "thousands" → 1,000 extend it the same way (the smallest reading of the plural).
A count read from this table gets `casualty_qualifier = "vague"`, a lower `confidence`, `casualty_low` set to
the convention and no `casualty_high`, so an analyst can drop or keep such rows. Exact words that only look
vague are plain numbers: "a dozen" = 12, "half a dozen" = 6, "a hundred" = 100, "a couple of" = 2.
"""

FIXED_PHRASES: dict[str, int] = {"a dozen": 12, "half a dozen": 6, "a couple": 2, "a pair": 2, "a score": 20}

QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "in excess of": "more than", "upwards of": "more than",
    "at least": "at least", "a minimum of": "at least", "no fewer than": "at least", "no less than": "at least",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "almost": "nearly", "nearly": "nearly", "close to": "nearly",
    "up to": "up to", "as many as": "up to", "at most": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}
"""Words before a count → the canonical `casualty_qualifier` (more than, at least, about, nearly, up to...)."""

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
# More than the people alive: not a head count (and past what a BIGINT column holds if larger still).
MAX_COUNT = 10_000_000_000
_GLUED = re.compile(r"^([a-z]+)(\d[\d,\.]*)$")


def word_number(text: str) -> int | None:
    """The integer a number written in words or digits means: "Seventeen", "twenty-five", "13,000", "2.5 million"."""
    words = text.lower().replace("-", " ").replace(" and ", " ").split()
    if not words:
        return None
    total, current, seen = 0, 0, False
    for w in words:
        if _DIGITS.match(w):
            if seen:
                return None  # "2 4" is two numbers, not six
            if len(w.split(".")[0].replace(",", "")) > len(str(MAX_COUNT)):
                return None  # "999…9" with hundreds of digits: float() would be inf
            value = float(w.replace(",", ""))
            if value != int(value) and len(words) == 1:
                return None  # "2.5" alone is not a head count
            current += value
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif w == "a" and not seen:
            current = 1
            continue
        else:
            return None
        seen = True
    value = total + current
    return int(value) if seen and value == int(value) and value <= MAX_COUNT else None


def glued_qualifier(token_text: str) -> tuple[str | None, int | None]:
    """("more than", 1000) for a token such as "over1,000" that lost its space; (None, None) otherwise."""
    m = _GLUED.match(token_text.lower())
    if not m or m.group(1) not in QUALIFIERS:
        return None, None
    return QUALIFIERS[m.group(1)], word_number(m.group(2))


def vague_amount(text: str) -> int | None:
    """The conventional count for a vague amount ("dozens", "hundreds of thousands"), per `VAGUE_AMOUNTS`."""
    return VAGUE_AMOUNTS.get(" ".join(text.lower().split()))


@dataclass(frozen=True, slots=True)
class Amount:
    """A count with its bounds: what `casualty_count/low/high/qualifier` are filled from."""

    count: int
    low: int | None
    high: int | None
    qualifier: str | None

    @property
    def is_vague(self) -> bool:
        return self.qualifier == "vague"


def amount(value: int, qualifier: str | None = None, high: int | None = None) -> Amount:
    """Bounds implied by a qualifier: "more than N" → low N, no high; "up to N" → high N; exact → low = high = N."""
    if high is not None:  # a range "between 10 and 15": the count is the lower figure, as ACLED codes it
        return Amount(value, value, high, "between")
    if qualifier is None:
        return Amount(value, value, value, None)
    if qualifier in ("more than", "at least", "vague"):
        return Amount(value, value, None, qualifier)
    if qualifier in ("up to", "nearly", "fewer than"):
        return Amount(value, None, value, qualifier)
    return Amount(value, None, None, qualifier)  # about: neither bound is stated
