"""Bytes → text, or a clear reason why not: encodings are detected, binary files refused, never mojibake."""

from __future__ import annotations

import codecs

from .readers import reader

# Magic numbers of binary formats people drop into article folders by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
}


class NotText(ValueError):
    """The bytes are not text we can read; the message says why, for the `rejects` table."""


def sniff_binary(data: bytes) -> str | None:
    """What binary format `data` looks like, or None when it may be text."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM (NUL in every other byte of Latin text): read it when it reads as writing."""
    head = data[:4096]
    if b"\x00" not in head or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:2000]
        printable = sum(c.isprintable() or c in "\n\r\t" for c in sample)
        if printable >= 0.98 * len(sample) and plausibility(sample) >= 0.6:
            return text, enc
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 and UTF-16 (by BOM, or by shape without one) first, then charset detection;
    raises NotText."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not any(data.startswith(m) for m in _BINARY_MAGIC):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
    what = sniff_binary(data)
    if what:
        raise NotText(f"binary file: looks like {what}")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


# Single-byte encodings news text still arrives in, most likely first (ties go to the earlier one).
_LEGACY = ("cp1252", "cp1251", "koi8_r", "cp1256", "cp1250", "iso8859_7", "cp1255")


def plausibility(text: str) -> float:
    """How much `text` looks like real writing rather than mojibake, from 0 to 1.

    Mojibake shows as letters from the wrong block: Cyrillic read as Latin-1 is nearly all accented
    capitals and lower-case ("Çàãîëîâîê"), while real Latin-script text has few accented letters, and
    real text in another script keeps to that script's block.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    foreign = [c for c in letters if ord(c) > 127]
    if not foreign:
        return 1.0
    blocks: dict[int, int] = {}
    for c in foreign:
        blocks[ord(c) >> 8] = blocks.get(ord(c) >> 8, 0) + 1
    block, count = max(blocks.items(), key=lambda kv: kv[1])
    share = count / len(foreign)
    # A capital in mid-word ("нЙОЙУФТ") is a byte read through the wrong table (KOI8-R as cp1251).
    flips = sum(1 for a, b in zip(text, text[1:]) if a.islower() and b.isupper())
    share *= max(0.0, 1.0 - 4 * flips / max(1, len(text.split())))
    if block <= 2:  # Latin-1 supplement and Latin extended: accents sprinkle, they do not dominate
        return share if len(foreign) / len(letters) < 0.3 else share * 0.2
    if block >= 0x2E:  # CJK and beyond: what a wrong guess on short single-byte text lands on
        return share * 0.5
    return share


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: charset detection's guess, checked against common single-byte encodings.
    Raises ReaderUnavailable when charset-normalizer is missing."""
    with reader("text"):
        from charset_normalizer import from_bytes

    candidates: list[tuple[float, int, str, str]] = []
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding:
        candidates.append((plausibility(str(guess)), 1, str(guess), guess.encoding))
    for rank, enc in enumerate(_LEGACY):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((plausibility(text), -rank, text, enc))
    if not candidates:
        raise NotText("not text: no character encoding fits these bytes")
    score, _, text, enc = max(candidates, key=lambda c: (c[0], c[1]))
    if score < 0.6:
        raise NotText(f"not text: no character encoding gives readable text (best guess {enc})")
    return text, enc
