"""One article's Doc → its rows: every registered event type's events and the place mentions, with ids, where
and when filled in. Pure: the same Doc gives the same records and ids."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import eventwire.versions as versions

from . import numbers
from .casualty_counts import HEADLINE
from .casualty_links import headline_death_told
from .dates import PUBLISHED, date_for_event, story_date
from .events import BY_NAME, EVENT_TYPES
from .events.casualty import counts_toward_toll, counts_toward_wounded
from .headline import (
    cut_short,
    headline_prose,
    headline_town,
    original_offset,
    sentence_case,
    story_part,
    tells_of_a_later_step,
)
from .places import TITLE, URL, article_place, find_places, locate
from .records import ArticleResult, Event, stable_id

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc


def analyse_article(doc: Doc, article_id: str, published: date | None, url: str | None = None,
                    title: str | None = None) -> ArticleResult:
    """All events and places of one article (see the module doc). `url` and `title`: its web address and
    headline, which may name the outlet's city or show a US broadcaster (`places.outlet_city`)."""
    doc.user_data[PUBLISHED] = published
    doc.user_data[URL] = url
    doc.user_data[TITLE] = title
    places = find_places(doc)
    events: list[Event] = [e for event_type in EVENT_TYPES for e in event_type.extract(doc)]
    for event_type in EVENT_TYPES:
        event_type.relate(events, doc)
    if title and not any(e.event_type == "casualty" for e in events):
        told = _headline_doc(title, published)
        headline = _headline_casualties(told, published)
        if (not any(e.casualty_kind == "killed" for e in headline)
                and ((not places and not cut_short(told.text))
                     or article_place(doc, places, headline_first=True) is not None
                     or headline_town(title, None, story_only=True) is not None)
                and not tells_of_a_later_step(told)):
            bare = _headline_casualties(told, published, bare_nouns=True)  # (the same parse, read again)
            if not headline or any(e.casualty_kind == "killed" for e in bare):
                headline = bare  # "Man dies after accidentally shooting himself in the leg": the man is its dead
        events += headline
    elif title:
        toll, hurt = any(counts_toward_toll(e) for e in events), any(counts_toward_wounded(e) for e in events)
        if not toll or (not hurt and HURT_WORDS.search(title)):
            events += _headline_figures_the_body_lacks(_headline_doc(title, published), published, events, toll, hurt)
    for event in events:
        _trim_sentence(event)
        if event.from_title:
            _place_and_date_from_headline(event, doc, places)
        elif event.location is None:
            place = locate(event, doc, places, fallback=BY_NAME[event.event_type].takes_article_place(event))
            if place is not None:
                event.location = place.canonical or place.name
                event.admin1 = place.admin1
                event.country_code = place.country_code
                event.latitude = place.latitude
                event.longitude = place.longitude
        if event.event_date is None:
            event.event_date, event.date_text, event.date_source = date_for_event(event, doc, published)
    _assign_ids(events, article_id)
    for place in places:
        place.article_id = article_id
    events.sort(key=lambda e: (e.char_start, e.char_end, e.event_type))
    story = story_date(doc, published) if any(e.event_type == "casualty" for e in events) else None
    return ArticleResult(article_id=article_id, events=events, places=places, story_date=story and story[0],
                         story_date_text=story and story[1])


HURT_WORDS = re.compile(r"\b(?:wound|injur|hurt|shot|shooting|critical|graz|hospitali)", re.I)
"""Words a headline that gives wounded has ("1 dead, 4 injured", "quadruple shooting"): a headline without them is
not parsed for the wounded a body that gives the dead lacks (2 of 5 Al Jazeera articles give the dead and no wounded;
1 in 70 of their headlines has such a word)."""


def _headline_figures_the_body_lacks(told: Doc, published: date | None, body: list[Event], toll: bool,
                                     hurt: bool) -> list[Event]:
    """The headline's figures of a kind the body gives none of, where the body tells of casualties: its dead where
    the body gives no death toll ("Juvenile Dies After Man Mishandles Handgun" over the story of the shot, that
    victim then being the dead one: `headline_death_told`), and its wounded where the body gives none and the
    headline tells them apart from its dead ("1 dead, 4 injured in 'series' of shootings in Bristol", "Man killed,
    3 others shot"): a headline's lone wounded victim ("Teen shot in Allegheny Township") is often the one the body
    says died. `toll`, `hurt`: whether the body gives a death toll, and wounded."""
    found = _headline_casualties(told, published, bare_nouns=True)
    dead = [e for e in found if e.casualty_kind == "killed"] if not toll else []
    wounded = [e for e in found if e.casualty_kind == "wounded"] if (
        not hurt and any(e.casualty_kind == "killed" for e in found)) else []
    headline_death_told(dead, body)
    return dead + wounded


def _headline_doc(title: str, published: date | None) -> Doc:
    """The headline's own part (`story_part`: not the site's name after it), a prefix of the title, parsed once in
    sentence case (`sentence_case`) and dated by the article's publication."""
    from .nlp import parse_one

    doc = parse_one(sentence_case(story_part(title)))
    doc.user_data[PUBLISHED] = published
    return doc


def _headline_casualties(doc: Doc, published: date | None, bare_nouns: bool = False) -> list[Event]:
    """The casualty figures of an article's headline, for an article whose body gives none: many archived pages keep
    a headline ("4 people shot in southeast Atlanta") over a body that is a sign-in box or a photo caption. Where
    the body tells of casualties but lacks a kind, the headline's figures of that kind count, read in headline style
    (`bare_nouns`, `casualty_counts.HEADLINE`: "Teen killed" is a teen): see `_headline_figures_the_body_lacks`. A
    headline whose parse reads one kind only is read again as prose for the other ("2 teens killed, 2 injured":
    `_prose_casualties`), where both readings agree on the first. On a page whose body gives no figure,
    `analyse_article` reads bare nouns only where the page says where (a town in the headline or the body:
    "Sacramento teen killed by apparent accidental gunshot"; a page that names no country leaves such a row
    unplaced, and filing reads the headline's town where the outlet is at home, `load.incidents`), or where the body
    names no place at all and the headline is whole (a sign-in box under "Teenage boy shot and killed by family
    member": filing places it at its outlet's home; not "... drive-by shooting in SW...", cut off where the place
    was), and the headline tells of the incident, not of a later step in its story
    (`headline.tells_of_a_later_step`: "Teen killed in hunting accident remembered as witty"): dated by a
    follow-up's publication, or beside a body whose places are not the headline's, such a death could be filed under
    nothing and opened an incident of its own beside its report's, counting the death twice. A headline the parser
    misreads for want of its auxiliary ("5 shot on Detroit's west side") is read again with it put back
    (`_prose_casualties`); one that names a deadly attack but no victim ("Police investigate deadly shooting in
    Mount Holly park") is at least one dead, in headline style only (`_a_deadly_attack`). `doc` is
    `_headline_doc`'s, so the rows' offsets hold in `articles.title`; dated by the headline's own words, else the
    publication date."""
    doc.user_data[HEADLINE] = bare_nouns
    found = [e for e in BY_NAME["casualty"].extract(doc) if not e.is_cumulative]
    kinds = {e.casualty_kind for e in found}
    if not kinds >= {"killed", "wounded"}:  # "2 teens killed, 2 injured in ...": the second item is prose's to read
        prose = _prose_casualties(doc, published, bare_nouns)
        if {e.casualty_kind for e in prose} >= kinds:  # (not where the readings disagree: "Girl, 17, killed" read
            found += [e for e in prose if e.casualty_kind not in kinds]  # as a wounded girl and as a dead one)
    if not found and bare_nouns:
        found = _a_deadly_attack(doc)
    for event in found:
        event.from_title = True
        if event.event_date is None:
            event.event_date, event.date_text, event.date_source = date_for_event(event, doc, published)
    return found


DEADLY_WORDS = frozenset({"fatal", "deadly"})
DEADLY_ATTACKS = frozenset({"shooting", "shootout", "gunshot", "wound", "stabbing", "ambush", "rampage"})


def _a_deadly_attack(doc: Doc) -> list[Event]:
    """A headline that names a deadly attack without a victim ("Police investigate deadly shooting in Mount Holly park",
    "Kenosha police arrest 15-year-old in fatal shooting"): at least one dead, a killed row of 1 "at least" (low 1, no
    high), read in headline style only (bare nouns) where nothing else in the headline is a figure."""
    for tok in doc:
        if tok.lower_ not in DEADLY_WORDS:
            continue
        attack = next((t for t in doc[tok.i + 1 : tok.i + 5] if t.lower_ in DEADLY_ATTACKS), None)
        if attack is not None and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in doc[tok.i + 1 : attack.i]):
            start, end = tok.idx, attack.idx + len(attack.text)  # "fatal shooting", "deadly Hamilton bar shooting"
            amount = numbers.amount(1, "at least")
            return [Event("casualty", start, end, sentence=doc.text, sent_start=0, sent_end=len(doc.text),
                          cue=tok.lower_, casualty_kind="killed", casualty_count=amount.count, casualty_low=amount.low,
                          casualty_high=amount.high, casualty_qualifier=amount.qualifier, confidence=0.5)]
    return []


_PROSE = ("eventwire", "headline prose")
"""Where `_prose_casualties` keeps a headline's prose reading (its Doc and `headline_prose`'s insertions)."""


def _prose_casualties(doc: Doc, published: date | None, bare_nouns: bool) -> list[Event]:
    """A headline's figures read again with the auxiliary it drops put back (`headline.headline_prose`: "5 shot on
    Detroit's west side" parses "shot" as a noun, "5 were shot ..." as the passive it is), offsets mapped back to
    the headline's."""
    from .nlp import parse_one

    if _PROSE not in doc.user_data:  # (parsed once: `analyse_article` reads a headline twice, bare nouns the second)
        text, inserted = headline_prose(doc.text)
        doc.user_data[_PROSE] = (parse_one(text), inserted) if inserted else (None, inserted)
    prose, inserted = doc.user_data[_PROSE]
    if prose is None:
        return []
    prose.user_data[PUBLISHED], prose.user_data[HEADLINE] = doc.user_data.get(PUBLISHED), bare_nouns
    found = [e for e in BY_NAME["casualty"].extract(prose) if not e.is_cumulative]
    keys = {}
    for event in found:
        old = event.key
        for field in ("char_start", "char_end", "sent_start", "sent_end"):
            setattr(event, field, original_offset(getattr(event, field), inserted))
        event.sentence = doc.text[event.sent_start:event.sent_end]
        keys[old] = event.key
    for event in found:  # (links between rows are keys, made from the offsets)
        event.subset_of = keys.get(event.subset_of, event.subset_of)
        event.action_id = keys.get(event.action_id, event.action_id)
    return found


def _place_and_date_from_headline(event: Event, doc: Doc, places: list) -> None:
    """A headline figure happened where the headline says, else where the article is about (`article_place`)."""
    place = article_place(doc, places, headline_first=True)
    if place is not None:
        event.location = place.canonical or place.name
        event.admin1, event.country_code = place.admin1, place.country_code
        event.latitude, event.longitude = place.latitude, place.longitude


def _trim_sentence(event: Event) -> None:
    """A sentence ends at its last character, not at the blank line after it (spaCy keeps the whitespace that
    follows a sentence in it): `sentence` and `sent_end` shrink together, so `body[sent_start:sent_end]` holds."""
    trimmed = event.sentence.rstrip()
    if len(trimmed) < len(event.sentence) and event.sent_end - event.sent_start == len(event.sentence):
        event.sent_end -= len(event.sentence) - len(trimmed)
        event.sentence = trimmed


def _assign_ids(events: list[Event], article_id: str) -> None:
    """Deterministic event ids; links between rows (`subset_of`, `action_id`) turn from keys into event ids."""
    ids = {e.key: stable_id(article_id, e.key) for e in events}
    for event in events:
        event.article_id = article_id
        event.event_id = ids[event.key]
        event.extractor_version = versions.EXTRACTOR_VERSION
        if event.subset_of is not None:
            event.subset_of = ids.get(event.subset_of)
        if event.action_id is not None:
            event.action_id = ids.get(event.action_id)
