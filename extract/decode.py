"""Bytes → text, or a clear reason why not: encodings are detected, binary files refused, never mojibake."""

from __future__ import annotations

import codecs

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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 and UTF-16 (by BOM) first, then charset detection; raises NotText."""
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
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotText("not text: no character encoding fits these bytes")
    return str(best), best.encoding
