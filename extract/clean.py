"""RawArticle → Article: normalised text, boilerplate out, title and caption off the body, before any NLP.

The body written here is what extraction runs on and what every stored offset points into, so cleaning is
deterministic: the same input (and the same neighbours from its source) gives the same body and hash.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from .articles import Article, RawArticle, Reject, article_id_for, content_hash_of
from .boilerplate import (
    RepeatIndex,
    is_call_to_action,
    is_card_of_another_story,
    is_caption,
    is_credit_line,
    is_fragment,
    is_headline_shaped,
    is_link_line,
    is_other_headline,
    is_see_also,
    is_strong_call,
    paragraph_key,
    word_count,
)
from .readers import ReaderUnavailable, reader

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls (C1: invisible)
_SPACES = re.compile(r"[ \t]+")
# The script of a letter (the first word of its Unicode name) → the language it stands for here. Cyrillic is
# taken for Russian and Arabic script for Arabic (the languages of this project's corpora); Han alone is
# Chinese, Han with kana Japanese. Letters of any other script make the article 'other'.
_SCRIPT_LANGUAGE = {"LATIN": "en", "CYRILLIC": "ru", "ARABIC": "ar", "HEBREW": "he", "GREEK": "el", "HANGUL": "ko",
                    "THAI": "th", "DEVANAGARI": "hi", "GEORGIAN": "ka", "ARMENIAN": "hy", "CJK": "zh"}
_KANA = ("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA")  # the last: ー, the long-vowel mark
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")

# A body past this many characters is cut to this (at a paragraph end) so one article cannot blow memory or
# time: extraction is not linear in the length of an article (100,000 characters: ~45 s and ~400 MB on one
# core; 1,000,000 would take the better part of an hour). The longest of 3,992 corpus articles has 42,000.
MAX_BODY_CHARS = 100_000


def normalise(text: str) -> str:
    """NFKC (non-breaking spaces become spaces), no invisible or control characters, tidy line ends."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def paragraphs_of(text: str) -> list[str]:
    """Non-empty lines of normalised text: a line is a paragraph in every source we read."""
    return [line for line in normalise(text).split("\n") if line]


def detect_language(text: str) -> str:
    """A cheap script-based guess: 'en' for Latin text; 'ru', 'ar', 'ja', 'zh', 'ko', ... where another
    script dominates, 'other' for a script not in `_SCRIPT_LANGUAGE`.

    The model is English-only, so an article in another script is stored but not run through extraction.
    """
    sample = text[:5000]
    scripts: Counter[str] = Counter()
    scripts["LATIN"] = sum(len(m) for m in _ASCII_LETTERS.findall(sample))  # most text: no name lookups
    for ch in _ASCII_LETTERS.sub("", sample):
        if ch.isalpha():
            scripts[unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]] += 1
    kana = sum(scripts.pop(k, 0) for k in _KANA)
    if kana and kana >= 0.1 * (kana + scripts["CJK"]):  # Japanese mixes kana into Han (kanji); Chinese has none
        scripts["JAPANESE"] = kana + scripts.pop("CJK", 0)
    script = max(scripts, key=lambda s: (scripts[s], s == "LATIN"))  # a tie is English, as before
    if not scripts[script]:
        return "en"
    return "ja" if script == "JAPANESE" else _SCRIPT_LANGUAGE.get(script, "other")


def html_to_text(html: str) -> tuple[str, str | None, date | None]:
    """Main text, title and date of a web page (trafilatura drops navigation, ads and scripts).
    Raises ReaderUnavailable when trafilatura or a library it imports is missing."""
    with reader("HTML"):
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return "", None, None
    published = None
    if doc.date:
        try:
            published = datetime.strptime(doc.date[:10], "%Y-%m-%d").date()
        except ValueError:
            published = None
    return doc.text, doc.title, published


@dataclass(slots=True)
class _Marked:
    text: str
    drop: bool = False
    why: str = ""


def _mark_boilerplate(paras: list[_Marked], source: str, repeats: RepeatIndex | None, title: str | None = None) -> None:
    """Mark page furniture by shape and by repetition across the source's articles."""
    total_words = sum(word_count(p.text) for p in paras) or 1
    words_before = 0
    cut_from = None
    for i, p in enumerate(paras):
        t = p.text
        if is_see_also(t) or is_call_to_action(t):
            p.drop, p.why = True, "call to action" if not is_see_also(t) else "see also"
            # Past the middle of the page, a link list or a call to subscribe ends the article.
            if cut_from is None and words_before >= total_words * 0.5 and (is_see_also(t) or is_strong_call(t)):
                cut_from = i
        elif is_credit_line(t) or is_caption(t):
            p.drop, p.why = True, "caption with credit"
        elif is_link_line(t):
            p.drop, p.why = True, "related link"
        elif is_card_of_another_story(t, title):
            p.drop, p.why = True, "card of another story"
        elif is_fragment(t):
            p.drop, p.why = True, "fragment"
        words_before += word_count(t)
    # Paragraphs the source repeats in other articles, unless they are most of this article (then this is
    # a copy or an update of another article, not furniture).
    if repeats is not None:
        left = [p for p in paras if not p.drop]
        repeated = [p for p in left if repeats.is_repeated(source, p.text)]
        if repeated and len(repeated) < 0.8 * len(left):
            for p in repeated:
                p.drop, p.why = True, "repeated across the source's articles"
    # Past the first paragraph of text, a headline-shaped line is a link to another story or a video's title
    # ("30 Shots Fired, 1 Dead in Overnight Chester Shooting"), and a paragraph said twice is page furniture.
    first = next((i for i, p in enumerate(paras) if not p.drop and not is_headline_shaped(p.text)), len(paras))
    seen: set[str] = set()
    for i, p in enumerate(paras):
        if p.drop:
            continue
        key = paragraph_key(p.text)
        if key in seen:
            p.drop, p.why = True, "repeated in the article"
        elif i > first and is_other_headline(p.text):
            p.drop, p.why = True, "headline of another story"
        seen.add(key)
    if cut_from is not None:
        for p in paras[cut_from:]:
            if not p.drop:
                p.drop, p.why = True, "after the end of the article"
    # After "See also:", headline-shaped lines are links, wherever the list stands.
    in_list = False
    for p in paras:
        if p.why == "see also":
            in_list = True
        elif in_list and (p.drop or is_headline_shaped(p.text)):
            p.drop, p.why = True, p.why or "see-also link"
        else:
            in_list = False


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()).rstrip(".") == " ".join(b.lower().split()).rstrip(".")


def clean_article(raw: RawArticle, repeats: RepeatIndex | None = None) -> Article | Reject:
    """Clean one article; a Reject (with a reason a person understands) when nothing usable is left."""
    title, published = raw.title, raw.published
    if raw.html is not None:
        try:
            text, page_title, page_date = html_to_text(raw.html)
        except ReaderUnavailable as exc:
            return Reject(raw.source_id, "reader unavailable", str(exc))
        title, published = title or page_title, published or page_date
        if not text.strip():
            return Reject(raw.source_id, "no article text in page", "the HTML holds no main text (scripts or navigation only)")
    else:
        text = raw.text or ""
    if not text.strip():
        return Reject(raw.source_id, "empty article", "no text at all")
    paras = [_Marked(p) for p in paragraphs_of(text[: MAX_BODY_CHARS * 2])]
    _mark_boilerplate(paras, raw.source, repeats, title)
    if title:
        title = normalise(title).strip()
        kept = [p for p in paras if not p.drop]
        if kept and _same(kept[0].text, title):
            kept[0].drop, kept[0].why = True, "title"
    else:
        # Without a given title, the first line that is not page furniture is the title (a text file's
        # first line, however short; a headline-shaped first line elsewhere), when a body is left after it:
        # an article of one line is all body, untitled.
        first = next((p for p in paras if not p.drop or p.why == "fragment"), None)
        if first is not None and (raw.html is None and (is_headline_shaped(first.text) or raw.source_id.endswith(".txt"))) \
                and any(not p.drop for p in paras if p is not first):
            title = first.text
            first.drop, first.why = True, "title"
    kept = [p for p in paras if not p.drop]
    body = "\n\n".join(p.text for p in kept)
    if len(body) > MAX_BODY_CHARS:
        body = body[: body.rfind("\n\n", 0, MAX_BODY_CHARS) if "\n\n" in body[:MAX_BODY_CHARS] else MAX_BODY_CHARS]
    if not body.strip():
        return Reject(raw.source_id, "empty article", "nothing left after removing boilerplate")
    return Article(
        article_id=article_id_for(raw.source, raw.source_id),
        source_id=raw.source_id,
        source=raw.source,
        url=raw.url,
        title=title,
        published=published,
        body=body,
        content_hash=content_hash_of(title, body),
        language=detect_language(body),
        removed=[f"{p.why}: {p.text[:80]}" for p in paras if p.drop],
    )


def index_repeats(raws: list[RawArticle], repeats: RepeatIndex) -> None:
    """Count the paragraphs of plain-text articles, so repeats across a source's articles are boilerplate."""
    for raw in raws:
        if raw.text:
            paras = paragraphs_of(raw.text[: MAX_BODY_CHARS * 2])
            # Keyed by content: the same article under two names counts once.
            repeats.add(raw.source, paragraph_key("\n".join(paras)), paras)
