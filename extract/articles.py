"""The two shapes an article takes on its way in: as a source gave it, and cleaned for NLP."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class RawArticle:
    """An article as a source handed it over, before any cleaning.

    Exactly one of `text` and `html` is set. `source_id` is the id the input gave (a JSONL `id`, else the
    URL or file path): it is what makes `article_id` stable across runs.
    """

    source_id: str
    source: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    text: str | None = None
    html: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned article: `body` is the text extraction runs on, and every stored offset points into it."""

    article_id: str
    source_id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    body: str
    content_hash: str
    language: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate lines taken out, for inspection


@dataclass(slots=True)
class Reject:
    """An input that could not be used, and why, in words a person understands."""

    source_id: str
    reason: str
    detail: str = ""


def article_id_for(source: str, source_id: str) -> str:
    """Stable key: the same input (source and its own id) gives the same id on every run."""
    return hashlib.sha1(f"{source}\x1f{source_id}".encode()).hexdigest()[:16]


def content_hash_of(title: str | None, body: str) -> str:
    """Hash of what extraction sees, so a changed article is re-extracted and an unchanged one is not."""
    return hashlib.sha1(f"{title or ''}\x1f{body}".encode()).hexdigest()


def raw_hash(raw: RawArticle) -> str:
    """Hash of an input as given: an unchanged article costs this, not cleaning or NLP."""
    h = hashlib.sha1()
    for part in (raw.title or "", str(raw.published or ""), raw.url or "", raw.text or "", raw.html or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()
