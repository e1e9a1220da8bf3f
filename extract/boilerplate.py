"""Recognising boilerplate: by the shape of a line, and by paragraphs a source repeats across articles.

No list of a site's sentences lives here. A line is boilerplate when its *shape* says so (a photo credit
"Name / Agency", a call to subscribe or donate, a "See also:" list of headlines, a menu word) or when the
same paragraph stands in several articles of the same source (a donation plea, a newsletter box).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

# A photo caption ends with its credit: "... eastern Ukraine. Valentyn Ogirenko / Reuters".
_CREDIT = re.compile(
    r"(?:^|[.!?)\"”]\s+)(?:(?:Photo|Image|Picture)s?(?: by|:)\s*)?"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*/\s*[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,3}\s*$"
)
_PHOTO_PREFIX = re.compile(r"^\s*(?:photo|image|picture|file photo|credit)s?\s*[:|]", re.I)

# Calls to act on the page rather than news. Strong ones (subscribe, newsletter, privacy policy) also
# mark the end of an article when they come after its middle; weak ones ("Read more here.") only drop the line.
_STRONG_CALL = re.compile(
    r"\b(?:sign up|subscribe|newsletter|privacy policy|terms of (?:use|service)|cookie policy"
    r"|all rights reserved|your inbox|your mailbox)\b",
    re.I,
)
_WEAK_CALL = re.compile(r"^(?:read more|click here|follow us|share this|remind me later|advertisement)\b", re.I)
_SUPPORT_SITE = re.compile(r"^(?:Read more)?\s*Support (?:The |the )?[A-Z][\w.]*(?: [A-Z][\w.]*)*!?$")
_SEE_ALSO = re.compile(
    r"^\s*(?:see also|read also|related|more on this|also read|recommended|trending(?: now| stories)?|more stories"
    r"|(?:more )?stories you (?:may|might) (?:also )?like|you (?:may|might) also like"
    r"|more (?:stories|from) (?:on )?\S+(?:\.com)?)(?: on \S+)?\s*:?\s*$", re.I)
"""The heading of a list of links: "See also:", "Trending stories:", "More stories you may like on 7News", "More from
wave3.com"."""
_QUOTED = re.compile(r"[\"“”]\s*,?\s*(?:he|she|they|[A-Z]\w+) (?:said|says|told|added)")
# Chinese and Japanese end sentences with 。 and close quotes with 」』 (NFKC has already made ！？） ASCII).
_SENTENCE_END = re.compile(r"[.!?…\"'”’)。」』】]\s*$")
# Kana and Han: Chinese and Japanese are written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in `text`: what spaces separate, except that Chinese and Japanese characters count one word per
    two (about their average word length), so a paragraph in those languages is not taken for a fragment."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    rest = [t for t in _UNSPACED.sub(" ", text).split() if any(c.isalnum() for c in t)]
    return len(rest) + (unspaced + 1) // 2


# A line that links to other stories or media: "RELATED: ...", "MORE: Video shows ...", "Related Stories ...",
# "WATCH: ...", "Previous: Amish boy shot in head" (a headline, not the text of an earlier update).
_LINK_PREFIX = re.compile(
    r"^\s*(?:related(?:\s+(?:stories|headlines|articles|coverage|content|links?|news|videos?))?|more(?:\s+(?:on this(?:\s+story)?|"
    r"stories|videos|news|coverage))?|read\s+more|read\s+also|also\s+read|watch|video|videos|photos?|gallery|slideshow|"
    r"trending|popular|most\s+read|latest|top\s+stories|previous|listen|don't\s+miss|you\s+may\s+also\s+like)\b\s*([:|\-–—]?)\s*(.*)$",
    re.I,
)
_VIDEO_ENTRY = re.compile(r"^\d{1,2}:\d{2}\s+(?!(?i:[ap]\.?m)\b\.?)[A-Z'\"‘“]")  # "1:47 Mother of ... speaks" (not "11:02 p.m.: ...")
_NEWS_WORDS = re.compile(r"\d|\b(?:dead|death|deaths|died|dies|killed|killing|kills|shot|shooting|shootings|slain|murder\w*|"
                         r"wounded|injured|hurt|stabbed|stabbing|homicide|fatal\w*)\b", re.I)
_CAPTION_END = re.compile(
    r"\((?:[^()]*/\s*)?(?:(?:ap|file|staff)?\s*photo(?:grapher)?s?|getty images|courtesy[^()]*|[^()]*/[^()]*)\)\s*\.?"
    r"\s*(?:buy photo\s*)?$|"  # (a newspaper's "(Photo: The Detroit News)Buy Photo")
    r"\bread more\b.{0,40}$|^\(?photo(?:s)?\s*(?:credit|courtesy|provided|by|:)|^buy photo\b", re.I)


def is_link_line(line: str) -> bool:
    """A link to other stories or media ("RELATED: ...", "MORE: Video shows ...", "Related Stories ...") or an
    entry of a video list ("1:47 Mother of the defendant speaks"): never the article's own news."""
    if _VIDEO_ENTRY.match(line):
        return True
    m = _LINK_PREFIX.match(line)
    if m is None:
        return False
    colon, rest = m.group(1), m.group(2)
    if colon or not rest:
        return not (m.group(0).lower().startswith("previous") and _SENTENCE_END.search(rest) and len(rest.split()) > 12)
    return is_headline_shaped(rest) or rest[:1].isupper() and not _SENTENCE_END.search(rest)


def is_caption(line: str) -> bool:
    """A photo caption or credit: "(Photo: WFAA)", "... (Jane Roe / Staff Photographer)", "Photo courtesy of ...",
    "Investigators gather at the scene ... read more Jane Roe", a newspaper's "Buy Photo Police tape wraps around ...
    (Photo: The Detroit News)Buy Photo"."""
    return bool(_CAPTION_END.search(line)) or is_credit_line(line)


def is_other_headline(line: str) -> bool:
    """A headline standing in the text after it began, that tells of shootings or deaths ("30 Shots Fired, 1 Dead
    in Overnight Chester Shooting"): a link to another story, whose figures are not this article's. (Bulleted
    lines and "According to ..." are lists and sentence pieces of the article itself.)"""
    stripped = line.lstrip()
    return (is_headline_shaped(line) and len(line.split()) >= 4 and bool(_NEWS_WORDS.search(line))
            and not stripped.startswith(("*", "-", "•", "–")) and not stripped.lower().startswith("according to"))


_CARD = re.compile(r"(\S.{10,160}?)\s+\1(?:\s|$)")
_WORDS = re.compile(r"\W+")


def is_card_of_another_story(paragraph: str, title: str | None) -> bool:
    """A teaser card of another story on an archived page: its headline said twice, then its summary ("At Least 1
    Dead In Head-On Crash In Boyle Co. At Least 1 Dead In Head-On Crash In Boyle Co. BOYLE COUNTY, Ky ..."), or a
    gallery's or an author box's heading said twice. The card whose headline is the article's title is the article
    itself; without a title nothing tells them apart, and the paragraph stays."""
    m = _CARD.match(paragraph.strip())
    if m is None or not title:
        return False
    heading = _WORDS.sub(" ", m.group(1).lower()).strip()
    named = _WORDS.sub(" ", title.lower()).strip()
    return bool(heading) and heading not in named and named not in heading


def paragraph_key(paragraph: str) -> str:
    """Hash of a paragraph with case and spacing folded, for counting repeats across articles."""
    folded = " ".join(paragraph.lower().split())
    return hashlib.blake2b(folded.encode(), digest_size=8).hexdigest()


def is_credit_line(line: str) -> bool:
    """A photo caption or credit line ("... Valentyn Ogirenko / Reuters")."""
    return bool(_CREDIT.search(line)) or bool(_PHOTO_PREFIX.match(line))


def is_call_to_action(line: str) -> bool:
    """Short page furniture asking the reader to do something (subscribe, donate, read more)."""
    if _QUOTED.search(line) or "“" in line:
        return False
    return is_strong_call(line) or bool(_WEAK_CALL.match(line) or _SUPPORT_SITE.match(line))


def is_strong_call(line: str) -> bool:
    """A call to subscribe, sign up or donate: after the middle of a page, the article has ended."""
    short = word_count(line) <= 25
    return short and bool(_STRONG_CALL.search(line) or _SUPPORT_SITE.match(line))


def is_see_also(line: str) -> bool:
    """The heading of a list of links to other articles."""
    return bool(_SEE_ALSO.match(line))


def is_headline_shaped(line: str) -> bool:
    """A headline or menu entry: short, no sentence punctuation at the end, mostly capitalised words."""
    words = line.split()
    if not words or len(words) > 16 or _SENTENCE_END.search(line):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.6


def is_fragment(line: str) -> bool:
    """A line too short to be a sentence of news and not ending like one ("Once", "Monthly", "Continue")."""
    return word_count(line) <= 3 and not _SENTENCE_END.search(line)


class RepeatIndex:
    """Which paragraphs a source repeats across its articles (counted over what this run has seen).

    A paragraph is boilerplate when at least `min_articles` articles of the source carry it, and at least
    `min_share` of them: two Moscow Times articles sharing a donation plea qualify; two Al Jazeera live
    blogs out of thousands sharing an update do not (that is news, printed twice).
    """

    def __init__(self, min_articles: int = 2, min_share: float = 0.02, min_words: int = 4) -> None:
        self.min_articles = min_articles
        self.min_share = min_share
        self.min_words = min_words
        self._counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._articles: dict[str, set[str]] = defaultdict(set)

    def add(self, source: str, article_key: str, paragraphs: list[str]) -> None:
        """Count the article's paragraphs under its source (once per article, however often it is added)."""
        if article_key in self._articles[source]:
            return
        self._articles[source].add(article_key)
        counts = self._counts[source]
        for key in {paragraph_key(p) for p in paragraphs if word_count(p) >= self.min_words}:
            counts[key] += 1

    def is_repeated(self, source: str, paragraph: str) -> bool:
        """True when the paragraph stands in enough of the source's articles to be furniture, not news."""
        n = self._counts.get(source, {}).get(paragraph_key(paragraph), 0)
        return n >= max(self.min_articles, self.min_share * len(self._articles.get(source, ())))
