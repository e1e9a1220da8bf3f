"""Place mentions, geocoded offline, and which of them is where an event happened.

`find_places`: every GPE/LOC/FAC entity the gazetteer knows, plus proper nouns the NER missed ("mayor of
Donetsk", "Kyiv forces") where the name is a country, an alias or a town of 100,000+ people and the word is not
inside another entity (so "The Moscow Times" is not Moscow). Not places: acronyms ("CAIR", "MPS"), words that are
never a place alone ("the Red Sea" is not Seattle, "North"), buildings, streets and parks the gazetteer knows
only as another town's other name ("White House"), a town's name that names a street there ("the 1300 block of
South Racine", "Durango Drive"), US state abbreviations ("Ore."), and words of the article's full person names
("Murad Ali ... Murad said"). A town many countries share is the one in the article's country
(the country most of its place mentions, and US state names, a US broadcaster's call sign in the dateline or as
its web address ("wbrc.com"), or a US outlet's city point to): Chester, Pennsylvania, not Chester, England; and a
US town many states share is the one in the state written after it ("Bastrop, Texas") or named most in the
article, else the one nearest the dateline's town (or on its call sign's side of the Mississippi), and in a story
that names no state, the one nearest the US city its outlet's web address names ("sanfrancisco.cbslocal.com") or
its headline ends with ("... - WBRC FOX6 News - Birmingham, AL"); the states a headline names ("4-year-old Iowa
boy dies") count with the text's, and an outlet's address naming one ("nbcconnecticut.com") as half a vote; a name
the gazetteer's towns of 5,000+ lack may be a US town of 500+ people in a state the story names ("TRAER, Iowa —",
"Nicoma Park Police"); a county only one state has counts as that state's name, also inside an agency's
name ("the Lexington County Coroner's Office": South Carolina). Outside the US, a name the NER missed or mistook
beside a settlement word or after a locative preposition may be a town of 500+ people there ("in Chimtal district,
Balkh", "raided Gouzoudou village": `_settlement_names`), and "Qalat city" is Qalat. In US stories: a state's
name is the state (a region, never Virginia, South Africa); "<Name> County" is the county's state or its namesake town there, never a town of that name in another state,
else no place; an all-capitals dateline and a police/sheriff's department name their town ("the Reno Police
Department"); "the Englewood neighborhood" far from the story's towns is no place, nor, in a US outlet's story, is
a town abroad whose country the story never names ("Kenya" as a woman's name, "Toyota"); towns farther than 300 km
from the dateline's town (else from the first town it names near its outlet's city: "Wolcott" in a Chicago
Sun-Times story is a street) are not where its events happened.

`locate` picks the event's place by this rule, first match wins, among the places in the article's country
(when it has one) and leaving out places the victim was taken to ("a hospital in Dallas") and towns named once
and far from the article's main place (a street or neighbourhood sharing a city's name):
  1. a place governed by a locative preposition (in, at, near, outside...) inside the event's own clause
     (the cue's subtree), the closest to the cue in the tree;
  2. the place nearest to the event's words in the same sentence governed by in/at/near/...;
  3. where the event's type says it happened at the article's main place (`EventType.takes_article_place`:
     casualty figures of one incident, not running tolls, which belong to a war), the dateline's place
     ("GAINESVILLE, Fla. —"), else the article's dominant place (most mentioned; ties go to the first mentioned).
Countries lose to towns and regions in steps 1-2 when both are found ("in Donetsk, Ukraine" → Donetsk), US
states to towns, and a US state found gives way to the article's own town in that state, a city the event happened
"outside" or "near" to the dateline's town within 60 km of it ("DOUGLASVILLE, Ga. (AP) — ... outside Atlanta"). A
country the event's
sentence names outright as where it happened ("1,300 killed in Israel" in a story from Paris) counts in steps 1-2
even when it is not the article's country.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .gazetteer import (ALIAS_MARGIN, ALIASES, Place, admin1_names, countries, countries_of, county_key, distance_km,
                        is_known_town, known_as_written, lookup, lookup_in, normalise, same_name, small_towns_abroad,
                        small_us_towns, towns_named, us_city_in, us_city_named, us_county, us_county_states, us_state)
from .headline import headline_town
from .nlp import entities, text_of
from .records import Event, PlaceMention

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "from", "on", "into", "off", "of"}
UNTAGGED_MIN_POPULATION = 100_000
_BLOCKING_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "PERSON", "FAC"}


def _mention(span: Span | list[Token], text: str, start: int, end: int) -> PlaceMention | None:
    place = lookup(text)
    if place is None:
        return None
    return PlaceMention(
        name=text,
        char_start=start,
        char_end=end,
        canonical=place.canonical,
        admin1=place.admin1,
        country_code=place.country_code,
        latitude=place.latitude,
        longitude=place.longitude,
        feature=place.feature,
    )


def _entity_text(ent: Span) -> tuple[str, int, int]:
    """The entity without a leading "the" or a trailing "'s"."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    if not tokens:
        return ent.text, ent.start_char, ent.end_char
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return ent.doc[tokens[0].i : tokens[-1].i + 1].text, start, end  # (doc.text is rebuilt on every call)


GEO_WORDS = frozenset("""
sea ocean river lake gulf canal strait desert island islands mountain mountains valley coast north south east west
central park house square street road bridge temple hospital camp crossing border port line the inc metro side far
""".split())
"""Words that are part of a name but never a place alone ("the Red Sea" is not Seattle, "North" no town), and
make a name of a building, street or park ("White House" is not Casablanca)."""


US_STATES_ABBR = ("Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. "
                  "Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Va. Vt. "
                  "Wash. Wis. W.Va. Wyo.")
US_STATES = re.compile(  # (?=[A-Z]): every name starts so, and the check lets the regex skip other characters (4x faster)
    r"(?=[A-Z])\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    r"Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|"
    r"Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|"
    r"Washington|West Virginia|Wisconsin|Wyoming|Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|Fla\.|Ga\.|Ill\.|"
    r"Ind\.|Kan\.|Ky\.|La\.|Md\.|Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|N\.J\.|N\.M\.|"
    r"N\.Y\.|N\.C\.|N\.D\.|Okla\.|Ore\.|Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Va\.|Vt\.|Wash\.|Wis\.|W\.Va\.|Wyo\.)"
    r"(?=[\s,.;:)—–-]|$)")
"""US states as written (names, AP abbreviations): a vote for the United States in `_in_the_articles_country`."""


def _people_words(doc: Doc) -> set[str]:
    """The words of the article's full PERSON names ("Murad Ali"): the same word alone later is that person, whatever
    the gazetteer says ("Murad is competing")."""
    ents = entities(doc)
    people = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e if t.is_alpha}
    return people - {t.lower_ for e in ents if e.label_ in ("GPE", "LOC") for t in e}  # "Luhansk" ... "Luhansk People's Republic"


_STATE_ABBREVIATIONS = frozenset(w.rstrip(".").lower() for w in re.findall(r"[A-Z][\w.]*\.", US_STATES_ABBR))
_AP_STATES = dict(zip(US_STATES_ABBR.split(), (n.replace("_", " ") for n in (
    "Alabama Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Illinois Indiana Kansas Kentucky "
    "Louisiana Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire "
    "New_Jersey New_Mexico New_York North_Carolina North_Dakota Oklahoma Oregon Pennsylvania Rhode_Island "
    "South_Carolina South_Dakota Tennessee Virginia Vermont Washington Wisconsin West_Virginia Wyoming").split()), strict=True))
"""AP abbreviation ("Fla.") → state name (GeoNames' admin1 name)."""
_POSTAL = re.compile(r"(?<=, )(A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\b")
_POSTAL_NAMES = {"AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California", "CO": "Colorado",
                 "CT": "Connecticut", "DC": "Washington, D.C.", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
                 "HI": "Hawaii", "IA": "Iowa", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "KS": "Kansas",
                 "KY": "Kentucky", "LA": "Louisiana", "MA": "Massachusetts", "MD": "Maryland", "ME": "Maine",
                 "MI": "Michigan", "MN": "Minnesota", "MO": "Missouri", "MS": "Mississippi", "MT": "Montana",
                 "NC": "North Carolina", "ND": "North Dakota", "NE": "Nebraska", "NH": "New Hampshire", "NJ": "New Jersey",
                 "NM": "New Mexico", "NV": "Nevada", "NY": "New York", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
                 "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
                 "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia", "VT": "Vermont", "WA": "Washington",
                 "WI": "Wisconsin", "WV": "West Virginia", "WY": "Wyoming"}


_CALL_SIGN = re.compile(r"\((?:CBS|NBC|ABC|FOX|CNN)?\s*[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT|CD))?\)")
"""A US broadcaster's call sign in a dateline ("DETROIT (WXYZ) —", "(KTHV)"): the report is American."""


US_POLICE_WORDS = re.compile(r"(?=[\dSsPpCc])\b(?:\d{2,5} block of|[Ss]heriff's (?:[Oo]ffice|[Dd]epartment)|[Pp]olice [Dd]epartment|911 call|"
                             r"[Cc]ounty [Cc]oroner)\b")
"""Words of American police reporting ("the 1900 block of", "the Sheriff's Office", "a 911 call"): a vote for the
United States (at most two), for local reports that name no state ("Birmingham police say...")."""
EAST_OF_MISSISSIPPI = -90.5
"""Longitude splitting US call signs: W... stations east of the Mississippi, K... west (a few old exceptions)."""
RIVER_BAND = 1.0
"""Degrees of longitude either side of `EAST_OF_MISSISSIPPI` where a town is on neither side for certain: the river
winds, and St. Louis's suburbs (Jennings, 90.26° W) lie west of it though east of the line."""


def _state_name(written: str) -> str:
    """A state as written ("Fla.", "TX", "Texas") → its name."""
    return _AP_STATES.get(written) or _POSTAL_NAMES.get(written) or written


def _written_state(written: str) -> str | None:
    """The US state a headline writes after a town ("AL", "Mo.", "Louisiana", "New York"), also where the site's
    name goes on after it ("Lima, OH News Weather Sports"); None when it is no state."""
    for words in (written, written.split()[0]) if " " in written else (written,):
        state = _state_name(words)
        if state in _POSTAL_NAMES.values():
            return state
    return None


def _us_states(text: str) -> tuple[Counter[str], dict[int, str]]:
    """The article's US states: how often each is named (full name, AP abbreviation, or a postal code after a
    comma), and the state written right after a town ("Bastrop, Texas", "PHENIX CITY, AL"), by the town's end offset."""
    votes: Counter[str] = Counter()
    after: dict[int, str] = {}
    for m in list(US_STATES.finditer(text)) + list(_POSTAL.finditer(text[:3000])):
        state = _state_name(m.group(0))
        votes[state] += 1
        before = text[max(0, m.start() - 2) : m.start()]
        if before == ", ":
            after[m.start() - 2] = state
    dateline = _DATELINE_STATE.match(text[:120])
    state = _dateline_state(text)
    if dateline is not None and state is not None and (town_end := text.rfind(",", 0, dateline.start(1))) not in after:
        votes[state] += 1  # "GRANT COUNTY, Ky (LEX 18) —": an abbreviation without its point, in a dateline only
        after[town_end] = state
    return votes, after


def states_named(text: str) -> set[str]:
    """The US states a text names (full names, AP abbreviations, a postal code after a comma; see `_us_states`)."""
    return set(_us_states(text)[0])


LEADING_WORDS = frozenset({"the", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "central", "downtown", "northern", "southern", "eastern", "western"})
"""Words before a town's name that keep it that town ("West Philadelphia"), unlike "Park" in "Park Manor"."""
BUILT_WORDS = frozenset("street st road rd avenue ave boulevard blvd drive dr lane ln way bridge park square house "
                        "highway hwy parkway pkwy court plaza mall school church center centre hospital".split())
COUNTY_COUNTRIES = frozenset({"US", "GB", "IE", "KE", "LR", "TW"})
"""Countries that name their divisions "X County": elsewhere "X County" is no town called X."""


_BLOCK_OF = re.compile(r"\bblock of\s+(?:(?:North|South|East|West|[NSEW]\.?)\s+)?$", re.IGNORECASE)
_STREET_AFTER = re.compile(r"\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Parkway|Pkwy|Pike)\b")


def _a_street(text: str, place: PlaceMention) -> bool:
    """A town's name that names a street here: "in the 1300 block of South Racine" (Chicago's Racine Avenue, not
    Racine, Wisconsin), "the 3700 block of Cambridge", "on Cleveland Street", "Durango Drive". Not a county
    ("Cook County Road 12" is still in the county)."""
    if place.feature == "country" or county_key(place.name):
        return False
    return (_BLOCK_OF.search(text, max(0, place.char_start - 30), place.char_start) is not None
            or _STREET_AFTER.match(text, place.char_end) is not None)


def _longer_name(doc: Doc, start: int, untagged: bool) -> bool:
    """A town's name the NER did not tag, inside a longer name the gazetteer lacks ("Park Manor", a neighbourhood):
    the word before it is a capitalised proper noun that is no place. ("North Philadelphia" is in Philadelphia.)"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if not before.text[:1].isupper() or before.is_sent_start and before.lower_ in ("the",):
        return False
    return untagged and before.pos_ == "PROPN" and not before.is_sent_start and lookup(before.text) is None


def _plausible(mention: PlaceMention, text: str, label: str, people: set[str]) -> bool:
    """A match is a place unless it is a person of the article, a word that is never a place alone, or a building,
    street or park the gazetteer knows only as another town's other name ("White House" is not Casablanca)."""
    key = normalise(text)
    if key in ALIASES or mention.feature == "country":
        return True
    if text.endswith(("-", "‐")):
        return False  # "Arab-American", "Israeli-Palestinian": half of a compound word, not Arab, Alabama
    if key in _STATE_ABBREVIATIONS:
        return False  # "MYRTLE CREEK, Ore. —": a state, not Ore in Nigeria
    if key in GEO_WORDS or (len(text.split()) == 1 and key in people):
        return False
    if text.isupper() and len(text) <= 5:
        return False  # an acronym ("CAIR", "MPS"), whatever town shares its letters
    if key.endswith(" county") and mention.country_code not in COUNTY_COUNTRIES:
        return False  # "Colbert County, Ala.": a county, not a town abroad that shares its first word
    canonical = normalise(mention.canonical or "")
    rest = " ".join(w for w in key.split() if w not in GEO_WORDS)
    if not rest:
        return False  # "South Side", "West Bank" aside (an alias): only words that are never a place alone
    if canonical != key and rest != key and rest not in canonical:
        return False  # "White House", "Central Park", "East River" (not "Gaza City"): no entry of the gazetteer's
    return True


def find_places(doc: Doc) -> list[PlaceMention]:
    """Every place mentioned in `doc`, geocoded where the gazetteer knows it (see the module doc)."""
    places: list[PlaceMention] = []
    unknown: list[tuple[str, int, int]] = []  # GPEs the gazetteer lacks: small US towns, in a US story
    covered: set[int] = set()
    people = _people_words(doc)
    for ent in entities(doc):
        if ent.label_ in PLACE_LABELS:
            text, start, end = _entity_text(ent)
            if ent.label_ == "GPE" and us_county_states(text):
                unknown.append((text, start, end))  # "Kanawha County": a US county (`_counties`), whatever town abroad
                continue  # or former name of a town ("Kanawha", Charleston's) its first word is
            mention = _mention(ent, text, start, end)
            if mention is None and ent.label_ == "GPE" and text.lower() not in people:
                unknown.append((text, start, end))
            if mention is None and len(ent) > 1:  # "Dawlat Abad district, Balkh": try the first proper-noun run
                names = [t for t in ent if t.pos_ == "PROPN" and t.lower_ not in GEO_WORDS and t.lower_ not in LEADING_WORDS]
                lead = [t for t in ent if names and t.i < names[0].i and t.lower_ not in LEADING_WORDS]
                built = any(t.lower_ in BUILT_WORDS for t in ent if names and t.i > names[-1].i)
                if names and not lead and not built:  # "Dawlat Abad district", "Southwest Baltimore"; never "Park
                    # Manor" → Manor, "North Bend Road" → Bend
                    mention = _mention(ent, " ".join(t.text for t in names), names[0].idx, names[-1].idx + len(names[-1]))
            if mention is not None and (not _plausible(mention, mention.name, ent.label_, people)
                                        or _longer_name(doc, mention.char_start, False)):
                mention = None
            if mention is not None:
                _without_settlement_word(mention)
            if mention is not None:
                places.append(mention)
                covered.update(range(ent.start, ent.end))
        elif ent.label_ == "ORG" and lookup_alias(ent):
            text, start, end = _entity_text(ent)
            places.append(_mention(ent, text, start, end))
            covered.update(range(ent.start, ent.end))
        elif _mislabelled(ent[0], ent.label_, len(ent)):
            continue  # a lone place name the NER took for an organisation or a person: the scan below takes it
        elif _mislabelled_town(ent):
            text, start, end = _entity_text(ent)
            places.append(_mention(ent, text, start, end))
            covered.update(range(ent.start, ent.end))
        elif ent.label_ in _BLOCKING_LABELS | {"NORP", "DATE"}:
            covered.update(range(ent.start, ent.end))
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        if tok.ent_type_ in _BLOCKING_LABELS and not _mislabelled(tok, tok.ent_type_, 1):
            continue
        if tok.ent_iob_ == "B" and tok.i + 1 < len(doc) and tok.nbor().ent_iob_ == "I":
            continue
        if (is_known_town(tok.text, UNTAGGED_MIN_POPULATION) and (_own_name(tok.text) or tok.dep_ not in ("compound", "amod", "nmod"))
                ) or _mislabelled(tok, tok.ent_type_, 1):
            # (another spelling of a town only as a noun of its own: "shelled Mykolaiv", never "Molotov cocktails")
            mention = _mention([tok], tok.text, tok.idx, tok.idx + len(tok))
            if mention is not None and _plausible(mention, tok.text, tok.ent_type_, people) and not _longer_name(doc, tok.idx, True):
                places.append(mention)
    text = text_of(doc)
    for town in _agency_towns(text, unknown):  # "the Reno Police Department": Reno
        if not any(p.char_start < town.char_end and town.char_start < p.char_end for p in places):
            places.append(town)
    head = _dateline_town(text[:120])
    if head is not None and not any(p.char_start < head.char_end for p in places):
        places.append(head)
    elif head is None and (m := DATELINE.match(text[:120])) is not None and not any(p.char_start < m.end(1) for p in places):
        unknown.append((m.group(1), 0, m.end(1)))  # "TRAER, Iowa —"
    places[:] = sorted((p for p in places if not _a_street(text, p)), key=lambda p: p.char_start)
    url, title = doc.user_data.get(URL), doc.user_data.get(TITLE)
    outlet, station_east, outlet_named = outlet_city(url, title), _station_east(url), outlet_states(url, title)
    station = station_east is not None
    doc.user_data[COUNTRY], doc.user_data[ANCHOR] = _in_the_articles_country(
        places, text, unknown, outlet, station_east, outlet_named, host_state(url))
    if doc.user_data[COUNTRY] != "US":  # (the US branch above reads a US story's small towns by state)
        places.extend(t for t in _settlements_in(doc.user_data[COUNTRY], _settlement_names(doc, places, people), places)
                      if not any(p.char_start < t.char_end and t.char_start < p.char_end for p in places))
        places.sort(key=lambda p: p.char_start)
    if doc.user_data[COUNTRY] not in (None, "US"):
        places[:] = _no_strays_abroad(places, doc.user_data[COUNTRY], _nationalities(doc), STRAY_TOWN)
    if doc.user_data[ANCHOR] is None and outlet is not None and doc.user_data[COUNTRY] == "US":
        doc.user_data[ANCHOR] = _outlet_anchor(places, outlet)
    if doc.user_data[COUNTRY] == "US":  # (elsewhere "the East Jerusalem neighbourhood of ..." names a real place)
        places[:] = _no_far_neighbourhoods(places, text)
        if outlet is not None or station or outlet_named or _CALL_SIGN.search(text[:400]):
            places[:] = _no_strays_abroad(places, "US")
    return places


def _no_strays_abroad(places: list[PlaceMention], country: str, nationalities: set[str] = frozenset(),
                      smaller_than: int | None = None) -> list[PlaceMention]:
    """A town abroad whose country (or a region of it, or with `nationalities` its people) an article of `country`
    never names is no place (of fewer than `smaller_than` people, where given).

    In a US outlet's US story (its web address or headline names a US city, state or broadcaster, or its dateline a
    call sign), any such town: a word or a name the NER took for one ("Kenya Smith", "Toyota", "Male", "Young man
    found shot") or a US town the gazetteer lacks ("Denmark", South Carolina; "Ira", Vermont); not in other outlets'
    stories of America: a world outlet names "Doha" or "The Hague" in a story about Washington without their
    countries. In an article of another country, one under `STRAY_TOWN` people: "North Africa" read as Mahdia,
    Tunisia, whose other names include it; "Maymana" a girl, "Maan" a news agency; "Murghab district, Badghis" as
    Murghob, Tajikistan."""
    named = {p.country_code for p in places if p.feature in ("country", "region") and p.country_code} | nationalities
    return [p for p in places if not (
        p.feature == "city" and p.country_code not in (None, country) and p.country_code not in named
        and (smaller_than is None or _population(p) < smaller_than))]


STRAY_TOWN = 100_000
"""A town smaller than this, in a country an article of another country (not the US) never names, is a word or a
name the gazetteer matched by chance (`_no_strays_abroad`); a bigger one a story names without its country
("Doha", "The Hague")."""


def _population(mention: PlaceMention) -> int:
    """The people of the town a mention names (0 for one the gazetteer knows only among its small towns)."""
    town = lookup(mention.canonical or mention.name)
    return town.population if town is not None else 0


def _nationalities(doc: Doc) -> set[str]:
    """The countries whose people or things the article names ("Palestinians", "the Jordanian city of Aqaba"): a
    NORP word that opens like a country's name ("Jordan-ian", "Leban-ese"; five letters, or the whole of a shorter
    name: "Iraq-i")."""
    out = set()
    for ent in entities(doc):
        if ent.label_ == "NORP":
            word = normalise(ent.text)
            code = _country_by_stem().get(word[:5]) or _country_by_stem().get(word[:4])
            if code is not None:
                out.add(code)
    return out


@lru_cache(maxsize=1)
def _country_by_stem() -> dict[str, str]:
    stems: dict[str, str] = {}
    for key, place in list(countries().items()) + [(k, p) for k, p in ALIASES.items() if p.feature == "country"]:
        if len(key) >= 4 and " " not in key:
            stems.setdefault(key[:5], place.country_code)  # ("iraq": its whole name, for "Iraqi")
    return stems


AGENCY = re.compile(r"(?=[A-Z])\b((?:[A-Z][a-z][\w'-]*[ \t]+){1,4}?)(?:[Pp]olice|[Ss]heriff|[Ss]heriff's|Fire Department|Fire Rescue)\b")
"""A local agency named for its town ("the Reno Police Department", "Cheyenne Police", "Polk County Sheriff's
Office"): the town (or the county, which `_us_regions` reads)."""
NOT_TOWNS = frozenset("state capitol metro transit university campus park military tribal border highway airport "
                      "city county school housing port federal national the".split())
DATELINE = re.compile(r"^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:,\s*[\w. ]{2,20})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]")
"""An all-capitals dateline ("STONEHAM (WHDH) —", "MYRTLE CREEK, Ore. —")."""


NEIGHBOURHOOD = re.compile(r"\s+(?:neighbou?rhoods?|community area|section of)\b", re.I)


def _no_far_neighbourhoods(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """"the Englewood neighborhood", "the Austin neighbourhood": "the" and a town's name followed by
    "neighborhood" is a part of some city; when it lies far from every other town of the article (Harlem lies near
    New York), the gazetteer knows only a namesake far away (Englewood is no Issaquah, Washington): no place.
    ("a South Bend neighborhood" is a part of South Bend, and kept.)"""
    towns = [p for p in places if p.feature == "city" and p.latitude is not None]
    kept = []
    for p in places:
        if (p.feature == "city" and p.country_code == "US" and p.latitude is not None and NEIGHBOURHOOD.match(text, p.char_end)
                and text[max(0, p.char_start - 4) : p.char_start].lower() == "the "):
            others = [t for t in towns if (t.canonical or t.name) != (p.canonical or p.name)]
            if others and not any(_km(p, t) <= STORY_RADIUS_KM for t in others):
                continue
        kept.append(p)
    return kept


def _agency_towns(text: str, unknown: list[tuple[str, int, int]]) -> list[PlaceMention]:
    """The towns police, sheriff's and fire departments are named for, where the gazetteer has a town of that own
    name (the longest run of capitalised words before the agency it knows: "Friday Tulsa Police" → Tulsa). Where
    it knows none, the whole run goes to `unknown` ("Nicoma Park Police": a town of 2,400, see `_small_towns`)."""
    found = []
    for m in AGENCY.finditer(text):
        words = m.group(1).split()
        for k in range(len(words)):
            name = " ".join(words[k:])
            if words[k].lower() in NOT_TOWNS:
                continue
            start = m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
            mention = _mention([], name, start, start + len(name))
            if mention is None:
                continue
            if mention.feature == "region" or (mention.feature == "city" and (_own_name(name) or name.endswith(" County"))):
                found.append(mention)
            elif mention.feature == "country":
                unknown.append((name, start, start + len(name)))  # "Palestine Police": a US town in a US story
            break  # the longest name the gazetteer knows, or nothing ("New York Police" is no York)
        else:
            k = next((k for k, w in enumerate(words) if w.lower() not in NOT_TOWNS), None)
            if k is not None:
                start = m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
                name = " ".join(words[k:])
                unknown.append((name, start, start + len(name)))
    return found


def _dateline_town(head: str) -> PlaceMention | None:
    """The town of an all-capitals dateline the NER missed ("STONEHAM (WHDH) —")."""
    m = DATELINE.match(head)
    if m is None:
        return None
    name = m.group(1)
    mention = _mention([], name, 0, len(name))
    return mention if mention is not None and mention.feature == "city" and _own_name(name) else None


URL = ("eventwire", "url")
"""Where `analyse_article` leaves the article's URL (its outlet's city: `outlet_city`) for `find_places`."""
TITLE = ("eventwire", "title")
"""Where `analyse_article` leaves the article's headline (the outlet's home it may end with) for `find_places`."""
COUNTRY = ("eventwire", "country")
"""Where `find_places` leaves the article's country (`_in_the_articles_country`) for `locate`."""
ANCHOR = ("eventwire", "anchor")
"""Where `find_places` leaves a US story's dateline town (`_anchor`) for `locate`."""
HEADLINE_PLACE = ("eventwire", "headline place")
"""Where `locate` keeps the town the headline names (`_headline_place`), once per article."""





def _host_labels(url: str | None) -> list[str]:
    """The labels of a web address's host that name the outlet ("sanfrancisco", "cbslocal"), without the top-level
    domain and "www"-like prefixes."""
    if not url:
        return []
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # "http://[abc/": a feed's broken link is no reason to lose the article
        return []
    return [w for w in host.lower().split(".")[:-1] if w not in ("www", "m", "mobile", "amp", "news")]


def outlet_city(url: str | None, title: str | None = None) -> Place | None:
    """The US city an outlet is at: one of 50,000+ people its web address names ("sanfrancisco.cbslocal.com",
    "nbcphiladelphia.com", "cincinnati.com"; the longest such name in the host), else a town written with its
    state in the site's name its headline ends with ("... - WBRC FOX6 News - Birmingham, AL", "| Charleston,
    SC"): local news is mostly about its own area, so this is where an otherwise unplaced namesake is looked for.
    None for most outlets (call signs alone, national outlets)."""
    return us_city_in("".join(_host_labels(url))) or _headline_outlet_town(title) or _headline_outlet_city(title)


_HOST_CALL_SIGN = re.compile(r"[kw][a-z]{2,3}(?:tv|dt|am|fm|\d{1,2})?(?:news\d*|tv)?")
_NOT_CALL_SIGNS = frozenset("""
web wap wiki kids king kind kick keep kent kerr kiss know wall walk want warm wave week well west what when wide
wife wild will wind wine wing wire wise wish wolf wood word work wow wsj
""".split())


_WESTERN_W = frozenset({"wfaa", "wbap", "woai", "wky", "wday", "wdaz", "who", "woc", "wow"})
"""Call signs given before the Mississippi split that keep their W west of it (Dallas's WFAA, Fort Worth's WBAP,
San Antonio's WOAI, Oklahoma City's WKY, Fargo's WDAY, Des Moines's WHO): no side to read from them."""


def _station_east(url: str | None) -> bool | None:
    """Whether a broadcaster's web address ("wtok.com", "who13.com") is an eastern station's: a W call sign not in
    `_WESTERN_W`; None when the address is no US broadcaster's (`us_call_sign_host`)."""
    if not us_call_sign_host(url):
        return None
    label = _host_labels(url)[0]
    call = re.sub(r"(?:tv|dt|am|fm|news)?\d*(?:news\d*|tv)?$", "", label)
    return label.startswith("w") and call not in _WESTERN_W


def us_call_sign_host(url: str | None) -> bool:
    """Whether an outlet's web address starts with a US broadcaster's call sign ("wsmv.com", "ksla.com",
    "kivitv.com", "wdbj7.com"): K or W and two or three letters, with the station's channel or "tv"; a few
    English words of that shape are not call signs. Call signs are American (Canada's start with C, Mexico's
    with X)."""
    labels = _host_labels(url)
    return bool(labels) and labels[0] not in _NOT_CALL_SIGNS and _HOST_CALL_SIGN.fullmatch(labels[0]) is not None


_HOST_STATES = {n.replace(" ", "").lower(): n for n in _POSTAL_NAMES.values() if n not in ("Washington", "New York")}


def outlet_states(url: str | None, title: str | None) -> Counter[str]:
    """US states an article's headline names ("4-year-old Iowa boy dies", "... - KSLA News 12 Shreveport,
    Louisiana"; a county only one state has: "... In Kanawha County ...") and the state its outlet's web address
    names ("nbcconnecticut.com", "northwestgeorgianews.com"; the
    longest name, so "westvirginia" is not Virginia; never "washington" or "newyork": washingtonpost.com is the
    capital's, nbcnewyork.com covers Newark, New Jersey too): counted with the states the text names, for telling
    namesake towns apart."""
    votes: Counter[str] = Counter(_state_name(m.group(0)) for m in US_STATES.finditer(title or ""))
    _count_counties_of_one_state(title or "", [], votes)  # "A Shooting Overnight In Kanawha County ...": West Virginia
    state = host_state(url)
    if state is not None:
        votes[state] += 0.5  # half a vote: breaks ties, never outvotes the text
    return votes


def host_state(url: str | None) -> str | None:
    """The US state an outlet's web address names ("nbcconnecticut.com"; see `outlet_states`)."""
    host = "".join(_host_labels(url))
    found = [key for key in _HOST_STATES if key in host]
    return _HOST_STATES[max(found, key=len)] if found else None


_HEADLINE_PARTS = re.compile(r"\s+[-|–—]\s+|\s*\|\s*|-(?=[A-Z]{4}\b)|(?<=\b[A-Z]{4})-")
_TOWN_AND_STATE = re.compile(r"((?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*),\s*([A-Z][A-Za-z.]*(?:\s+[A-Z][a-z]+)?)")


def _headline_outlet_town(title: str | None) -> Place | None:
    """A US town written with its state ("Birmingham, AL", "Shreveport, Louisiana"; a state cut short at the
    title's end, "Louisia", counts) in a headline's trailing parts, where outlets put their own name and home."""
    if not title or "," not in title:
        return None
    parts = _HEADLINE_PARTS.split(title)
    for part in reversed(parts[1:]):
        for m in _TOWN_AND_STATE.finditer(part):
            state = _written_state(m.group(2))
            if state is None:
                cut = part is parts[-1] and m.end(2) == len(part.rstrip()) and len(m.group(2)) >= 5
                state = next((s for s in _POSTAL_NAMES.values() if cut and s.startswith(m.group(2))), None)
            if state is None:
                continue
            words = m.group(1).split()
            for i in range(len(words)):  # "KSLA News 12 Shreveport": the town is the last words
                town = lookup_in(" ".join(words[i:]), "US", state, small=True)
                if town is not None:
                    return town
    return None


_SITE_PART = re.compile(r"\b(?:News|NEWS|Weather)\b")
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")


def _headline_outlet_city(title: str | None) -> Place | None:
    """A US city of 50,000+ people named in a headline's trailing part that is a site's name ("... - WRCBtv.com |
    Chattanooga News, Weather & Sports", "7NEWS Miami"): the first run of capitalised words that is such a
    city's own name. Only parts that say "News" or "Weather", where outlets put their name and home."""
    if not title:
        return None
    for part in reversed(_HEADLINE_PARTS.split(title)[1:]):
        if _SITE_PART.search(part):
            for m in _CAPITALISED_RUN.finditer(part):
                words = m.group(0).split()
                for n in range(len(words), 0, -1):  # "Fort Wayne" before "Fort"
                    for i in range(len(words) - n + 1):
                        city = us_city_named(" ".join(words[i:i + n]))
                        if city is not None:
                            return city
    return None


def _in_the_articles_country(places: list[PlaceMention], text: str, unknown: list[tuple[str, int, int]] = (),
                             outlet: Place | None = None, station_east: bool | None = None,
                             headline_states: Counter[str] | None = None,
                             host: str | None = None) -> tuple[str | None, PlaceMention | None]:
    """A town name many countries share is the one in the article's country: Chester, Pennsylvania in a story
    whose other places (and US state names: "CHESTER, Pa. —") are American, not Chester, England. The article's
    country is the one most of its mentions can be in (countries named count twice); a town moves there only
    where that country has a town of the name. `station_east`: `_station_east` of the outlet's web address (None:
    no US broadcaster's)."""
    towns = [p for p in places if p.feature == "city"]
    votes: Counter[str] = Counter()
    named_states = _us_states(text)
    written = named_states[1]
    for p in places:
        if p.feature == "city" and p.char_end in written and p.country_code != "US":
            votes["US"] += 2  # "CALAIS, Maine —": a town written with its US state, wherever the gazetteer reads it
        elif p.feature == "country" and p.country_code and us_state(p.name) is not None:
            votes["US"] += 2  # "Georgia" in a story that is American by its other places: the state
        elif p.feature == "country" and p.country_code:
            votes[p.country_code] += 2
        elif p.feature == "city" and us_county_states(p.name):
            votes["US"] += 1  # "Palm Beach County": a US county, whatever town abroad the gazetteer reads in it
        elif p.feature == "city":
            for code in countries_of(p.name) or {p.country_code}:
                votes[code] += 1
    votes["US"] += sum(1 for name, _, _ in dict.fromkeys(unknown) if us_county_states(name))  # "Kanawha County"
    states = (len(US_STATES.findall(text[:5000])) + 2 * len(_CALL_SIGN.findall(text[:400]))
              + min(2, len(US_POLICE_WORDS.findall(text[:5000]))))
    if states:
        votes["US"] += 2 * states
    if outlet is not None or station_east is not None or headline_states:
        votes["US"] += 2  # an outlet of an American city, a US broadcaster ("wsmv.com"), a state in the headline
    if not votes:
        return None, None
    (country, top), *rest = votes.most_common(2) + [("", 0)]
    if rest and rest[0][1] == top:
        return None, None  # no clear country
    for p in towns:
        if p.country_code == country:
            continue
        # (in the US only by a town's own name: "Jerusalem" is another name of El Rio, California)
        there = _own_town(p.name, country) if country == "US" else lookup_in(p.name, country)
        if there is not None:
            p.canonical, p.country_code, p.latitude, p.longitude = there.canonical, there.country_code, there.latitude, there.longitude
            p.admin1 = there.admin1
    if country == "US":
        states = (named_states[0].copy(), named_states[1])
        states[0].update(headline_states or {})
        _home_written_towns(towns, states[1])
        places.extend(t for t in _small_towns(unknown, text, states) + _counties(unknown)
                      if not any(p.char_start < t.char_end and t.char_start < p.char_end for p in places))
        places.sort(key=lambda p: p.char_start)
        _count_counties_of_one_state(text, places, states[0])
        places[:] = _us_regions(places, states, outlet)
        places.extend(t for t in _lone_small_towns(unknown, text, states, places, outlet)
                      if not any(p.char_start < t.char_end and t.char_start < p.char_end for p in places))
        places.sort(key=lambda p: p.char_start)
        return country, _in_the_articles_states([p for p in places if p.feature == "city"], text, states, outlet,
                                                station_east, host)
    return country, None


SETTLEMENT_WORDS = frozenset("""district districts village villages area areas town city locality camp municipality
commune settlement sub-district subdistrict sub-county subcounty division ward lga neighbourhood neighborhood""".split())
"""Words after a name that say it is a settlement or a district ("Chimtal district", "Gouzoudou village")."""
NAME_PARTICLES = frozenset("i e ye wa al el ad ar as ash bin de du la".split())
"""Short lower-case words inside a place's name ("Dahana i Ghuri", "Nad-e Ali", "Sar-e Pol")."""
_NOT_IN_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_SETTLEMENT_PREPS = frozenset({"in", "at", "near", "outside", "into", "around", "toward", "towards"})
_HYPHENS = ("-", "‐")


_SETTLEMENT_CONTEXT = re.compile(
    r"(?i:\b(?:" + "|".join(sorted(_SETTLEMENT_PREPS)) + r"))\s+\S?[A-Z]"
    r"|[A-Z]\S*\s+(?i:" + "|".join(re.escape(w) for w in sorted(SETTLEMENT_WORDS, key=len, reverse=True)) + r")\b")
"""Where a sentence may hold a candidate of `_settlement_names` (a preposition before a capital, a capitalised word
before a settlement word): only those sentences are read token by token (the scan cost ~3% of the parse)."""


def _settlement_names(doc: Doc, places: list[PlaceMention], people: set[str]) -> list[tuple[str, int, int, str | None]]:
    """Capitalised names the gazetteer's towns of 5,000+ lack, beside a settlement word ("in Chimtal district, Balkh",
    "raided Gouzoudou village") or after a locative preposition ("clashes at Gudumbali"), whatever the NER tagged
    them (in conflict notes it takes villages for people and organisations): candidates for `_settlements_in`, with
    the name written after a comma that may be their province ("Balkh")."""
    text = text_of(doc)  # (`doc.text` joins every token anew)
    matches = [m.start() for m in _SETTLEMENT_CONTEXT.finditer(text)]
    if not matches:
        return []
    bounds = [(s.start_char, s.start, s.end) for s in doc.sents]  # (one pass: `Span.sent` walks the doc each time)
    firsts = [b[0] for b in bounds]
    sentences = dict(bounds[bisect.bisect_right(firsts, c) - 1][1:] for c in matches)
    from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, IS_STOP  # (spaCy is not imported with this module: see above)

    taken = [(p.char_start, p.char_end) for p in places]
    out: list[tuple[str, int, int, str | None]] = []
    bad = {doc.vocab.strings[label] for label in _NOT_IN_NAMES}
    opens = [text[i].isupper() and alpha and not stop and ent not in bad  # what may open a name, read in bulk
             for i, alpha, stop, ent in doc.to_array([IDX, IS_ALPHA, IS_STOP, ENT_TYPE]).tolist()]
    for lo, hi in sorted(sentences.items()):
        _settlement_runs(doc, text, lo, hi, opens, taken, people, out)
    return out


def _settlement_runs(doc: Doc, text: str, lo: int, hi: int, opens: list[bool], taken: list[tuple[int, int]],
                     people: set[str], out: list[tuple[str, int, int, str | None]]) -> None:
    """`_settlement_names` in the tokens `lo` to `hi` (one sentence); `opens`: which tokens may open a name (capitalised,
    alphabetic, no stop word ("In Rusape, ...": the preposition opens no name), no date or number)."""
    i, n = lo, len(doc)
    while i < hi:
        if not opens[i]:
            i += 1
            continue
        tok = doc[i]
        j = i + 1  # the run of capitalised words, with "-e"/"i"/"al-" particles inside
        while j < n:
            t = doc[j]
            if t.text[:1].isupper() and t.is_alpha and t.ent_type_ not in _NOT_IN_NAMES and not t.is_sent_start:
                j += 1
            elif (t.text in _HYPHENS or t.lower_ in NAME_PARTICLES) and j + 1 < n and (
                    doc[j + 1].lower_ in NAME_PARTICLES or doc[j + 1].text in _HYPHENS or doc[j + 1].text[:1].isupper()):
                j += 1
            else:
                break
        if i > 0 and (doc[i - 1].text in _HYPHENS or doc[i - 1].lower_ in NAME_PARTICLES):
            i = j  # the end of a longer name ("Bab al-Zawiya": not Zawiya)
            continue
        while j > i + 1 and not doc[j - 1].text[:1].isupper():
            j -= 1
        start, end = tok.idx, doc[j - 1].idx + len(doc[j - 1])
        after = doc[j] if j < n else None
        before = doc[i - 1] if i > 0 else None
        settlement = after is not None and after.lower_ in SETTLEMENT_WORDS
        prep = before is not None and before.lower_ in _SETTLEMENT_PREPS
        words = {t.lower_ for t in doc[i:j]}
        modifier = after is not None and after.pos_ == "NOUN" and doc[j - 1].dep_ == "compound"  # "in Damon prison"
        nationality = any(t.ent_type_ == "NORP" for t in doc[i:j])  # ("Chimtal district": NORP too, to the NER)
        person = j - i == 1 and (words & people or tok.ent_type_ == "PERSON")  # ("looked at Tina", "Murad" of "Murad
        #   Ali"; a name of several words the NER took for a person's may be a town's: "in Ado-Ekiti", "in Al Arish")
        if ((settlement and end - start >= 3 or (prep and not modifier and not nationality and not person
                                                 and j - i <= 3 and end - start >= 4))
                and not any(a < end and start < b for a, b in taken) and not words <= GEO_WORDS):
            k = j + 1 if settlement else j
            province = doc[k + 1].text if k + 1 < n and doc[k].text == "," and doc[k + 1].text[:1].isupper() else None
            out.append((text[start:end], start, end, province))
        i = j


def _settlements_in(country: str | None, names: list[tuple[str, int, int, str | None]],
                    places: list[PlaceMention]) -> list[PlaceMention]:
    """`_settlement_names` the gazetteer has as towns (of 5,000+ people, else of 500+: `small_towns_abroad`) of the
    article's country, else of a country its other places are in (a one-town note has no clear country: "in Imam
    Sahib district, Kunduz"), else only in the province written after the name, or where every town of the name
    is in one country ("Boko Haram raided Gouzoudou village"); never in the US, whose small towns
    `_small_towns` reads by state. In the province written after it where it names one ("Chimtal district, Balkh"),
    else the most populous of the name."""
    codes = {country} if country else {p.country_code for p in places if p.country_code}
    codes.discard("US")
    found = []
    for name, start, end, province in names:
        named = [t for t in towns_named(name) if t.country_code != "US"]
        options = [t for t in named if t.country_code in codes] or [
            t for c in codes for t in small_towns_abroad(name, c)]
        if not codes and province is None:
            options = _one_country(named + small_towns_abroad(name, None))
        if province is not None and _a_province(province):
            if not options:  # no country known: the name and its province must both agree
                options = [t for t in named + small_towns_abroad(name, None) if _in_province(t, province)]
            options = [t for t in options if _in_province(t, province)] or options
        if not options:
            continue
        there = max(options, key=lambda t: t.population)
        found.append(PlaceMention(name=name, char_start=start, char_end=end, canonical=there.canonical,
                                  admin1=there.admin1, country_code=there.country_code, latitude=there.latitude,
                                  longitude=there.longitude, feature="city"))
    return found


def _one_country(towns: list[Place]) -> list[Place]:
    """Towns of one name when no place of the article says which country: those of the one country that has them
    all, or the most populous when it is `ALIAS_MARGIN` times as big as any elsewhere ("Herat city": Herat,
    Afghanistan, not a village in Iran)."""
    if len({t.country_code for t in towns}) <= 1:
        return towns
    top = max(towns, key=lambda t: t.population)
    others = [t.population for t in towns if t.country_code != top.country_code]
    return [top] if top.population >= ALIAS_MARGIN * max(others) else []


@lru_cache(maxsize=8192)
def _province_words(name: str) -> frozenset[str]:
    return frozenset(normalise(name).split()) - {"province", "state", "governorate", "region", "oblast", "county"}


@lru_cache(maxsize=4096)
def _a_province(name: str) -> bool:
    """Whether a name is (part of) a first-level division's name ("Wardak": Maidan Wardak Province)."""
    words = _province_words(name)
    return bool(words) and any(words <= _province_words(a) for a in admin1_names())


def _in_province(town: Place, province: str) -> bool:
    words = _province_words(province)
    return town.admin1 is not None and bool(words) and words <= _province_words(town.admin1)


TRIMMED_WORDS = ("city", "district", "town", "village", "area")


def _without_settlement_word(mention: PlaceMention) -> None:
    """"Qalat city", "Gardez district": the place is Qalat, Gardez (the gazetteer knows it only so), and so is the
    mention's name; "Oklahoma City" and "Gaza City" keep theirs, and so does a name written with its word in
    capitals ("Hempstead Village", "University Village neighborhood")."""
    head, _, last = mention.name.rpartition(" ")
    if head and last in TRIMMED_WORDS and not known_as_written(mention.name):
        mention.name = head
        mention.char_end -= len(last) + 1


def _home_written_towns(towns: list[PlaceMention], after: dict[int, str]) -> None:
    """A town the gazetteer reads abroad that the text writes with a US state ("CALAIS, Maine —": not Calais, France)
    is that state's town, or the state where the gazetteer has no such town ("Pinetown, North Carolina": not
    Pinetown, South Africa), and so is every other mention of its name ("... Calais police reported"). (Towns it
    reads in the US are settled by their written state in `_in_the_articles_states`.)"""
    moved: dict[str, Place] = {}
    for p in towns:
        state = after.get(p.char_end)
        if p.country_code != "US" and state:
            there = lookup_in(p.name, "US", state, small=True) or us_state(state)
            if there is not None:
                moved.setdefault(normalise(p.name), there)
    for p in towns:
        there = moved.get(normalise(p.name)) if p.country_code != "US" else None
        if there is not None:
            _become(p, there)


def _small_towns(unknown: list[tuple[str, int, int]], text: str,
                 states: tuple[Counter[str], dict[int, str]]) -> list[PlaceMention]:
    """Names the gazetteer's towns of 5,000+ lack, as US towns of 500+ people (`small_us_towns`), and a country's
    name an agency bears ("the Palestine Police Department") as the US town of that own name, in a US story
    and only in a state it names: the one written after the name ("Bono, Ark."), else its dateline's, else the
    one it names most (of the states that have a town of the name). A name several towns of that state share,
    or none, is no place (but see `_lone_small_towns`)."""
    votes, after = states
    home = _dateline_state(text)
    found = []
    for name, start, end in dict.fromkeys(unknown):
        options = small_us_towns(name) + [  # (normalised: "TRAER" as "Traer"); a country's name, as an agency's
            t for t in towns_named(name) if t.country_code == "US" and normalise(t.canonical) == normalise(name)]
        if not options:
            continue
        state = after.get(end) or home or next((s for s, _ in votes.most_common() if any(t.admin1 == s for t in options)), None)
        there = [t for t in options if t.admin1 == state]
        if len(there) == 1:
            found.append(PlaceMention(name=name, char_start=start, char_end=end, canonical=there[0].canonical,
                                      admin1=there[0].admin1, country_code="US", latitude=there[0].latitude,
                                      longitude=there[0].longitude, feature="city"))
    return found


def _lone_small_towns(unknown: list[tuple[str, int, int]], text: str, states: tuple[Counter[str], dict[int, str]],
                      places: Sequence[PlaceMention], outlet: Place | None) -> list[PlaceMention]:
    """Names `_small_towns` left for want of a state, written after "in", "near" or "outside", that only one US town
    bears (`small_us_towns`): that town, when it lies within `SMALL_TOWN_KM` of one of the story's placed US towns or
    counties or of its outlet's city ("shot ... in Rutherfordton" beside Spartanburg; "in Sunriver" beside Deschutes
    County)."""
    _, after = states
    near: list[PlaceMention | Place] = [p for p in places if p.feature == "city" and p.country_code == "US"
                                        and p.latitude is not None]
    near += [outlet] if outlet is not None else []
    found = []
    for name, start, end in dict.fromkeys(unknown) if near else ():
        options = small_us_towns(name)
        if len(options) != 1 or end in after or towns_named(name) or \
                _LOCATIVE_BEFORE.search(text, max(0, start - 12), start) is None:
            continue
        town = options[0]
        if any(distance_km(town.latitude, town.longitude, n.latitude, n.longitude) <= SMALL_TOWN_KM for n in near):
            found.append(PlaceMention(name=name, char_start=start, char_end=end, canonical=town.canonical,
                                      admin1=town.admin1, country_code="US", latitude=town.latitude,
                                      longitude=town.longitude, feature="city"))
    return found


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
SMALL_TOWN_KM = 75
"""How near one of a story's other towns (or its outlet's city) the one US town of a name the story gives no state for
must lie to be the place meant (`_lone_small_towns`): Thurmond, North Carolina, 30 km from the Wilkes County the story
names; not Crown Heights, New York, 88 km up the Hudson from a Brooklyn story's Crown Heights."""


def _counties(unknown: list[tuple[str, int, int]]) -> list[PlaceMention]:
    """US county names the gazetteer's towns lack ("Leflore County", "Polk County Sheriff's Office"), as mentions
    `_us_regions` places in their state's county, or drops."""
    return [PlaceMention(name=name, char_start=start, char_end=end, canonical=name, admin1=None, country_code="US",
                         latitude=None, longitude=None, feature="city")
            for name, start, end in dict.fromkeys(unknown) if us_county_states(name)]


_COUNTY_NAME = re.compile(r"\b(?:St\.\s+)?(?:[A-Z][a-z]+\s+){1,2}(?:County|Parish)\b")


def _count_counties_of_one_state(text: str, places: list[PlaceMention], votes: Counter[str]) -> None:
    """A county only one state has, written in a text but not among its place mentions (`places`): inside an
    agency's name ("the Lexington County Coroner", "The Yakima County sheriff's office": organisations to the NER)
    or in a headline, votes once for that state, as `_us_regions` counts the counties that are place mentions."""
    mentioned = {normalise(p.name) for p in places if county_key(p.name)}
    seen = set()
    for m in _COUNTY_NAME.finditer(text[:5000]):
        name = m.group(0)
        states = us_county_states(name)
        if not states:  # "Monday Lexington County": the name's last word alone
            name = " ".join(name.split()[-2:])
            states = us_county_states(name)
        key = normalise(name)
        if len(states) == 1 and key not in mentioned and key not in seen:
            seen.add(key)
            votes[next(iter(states))] += 1


def _us_regions(places: list[PlaceMention], states: tuple[Counter[str], dict[int, str]],
                outlet: Place | None = None) -> list[PlaceMention]:
    """In a US story, "Georgia" is the state, "Lebanon, Ohio" a town (and so is a country's name that is the own name of a town
    in the state the story names most: "Palestine" in a Texas story), and "Harrison County" (or "Habersham Co.", "St. Mary
    Parish") a county: never the town of that name in another state. A county is placed when the article says which state's
    (the state written after it, or the one state the article names that has such a county) at the mean point of its
    towns (`gazetteer.us_county`), else the one state of the article's towns that has one, else the outlet's state's;
    else it is no place.
    `states`: `_us_states` of the article's text; `outlet`: `outlet_city`."""
    votes, after = states
    for p in places:  # "Kanawha County": a county only one state has votes for that state, as if named
        if p.feature == "city" and county_key(p.name) and p.char_end not in after:
            only = us_county_states(p.name)
            if len(only) == 1:
                votes[next(iter(only))] += 1
    kept = []
    towns = {normalise(p.name): t for p in places if p.feature == "country" and p.char_end in after
             and (t := lookup_in(p.name, "US", after[p.char_end], small=True)) is not None}  # "LEBANON, Ohio" ... "in Lebanon"
    home = votes.most_common(1)[0][0] if votes else None
    for p in places:  # "the Palestine Police Department" in a story that names Texas: Palestine, Texas
        key = normalise(p.name)
        if (p.feature == "country" and p.country_code != "US" and home is not None and key not in towns
                and (t := _own_town(p.name, "US", home)) is not None):
            towns[key] = t
    for p in places:
        state = us_state(p.name) if p.feature == "country" else None
        town = towns.get(normalise(p.name)) if p.feature == "country" else None
        if town is not None:
            _become(p, town)  # "LEBANON, Ohio —": the town, not the country
        elif state is not None:
            _become(p, state)
        elif county_key(p.name) and p.feature == "city":
            where = after.get(p.char_end)
            states = us_county_states(p.name)
            options = {where} if where else states & set(votes) or (states if len(states) == 1 else set())
            if not options:  # "Mecklenburg County" in a story that names Charlotte, North Carolina
                options = states & {t.admin1 for t in places if t.feature == "city" and t.country_code == "US"
                                    and not county_key(t.name)}
                options = options if len(options) == 1 else set()
            if not options and outlet is not None and outlet.admin1 in states:
                options = {outlet.admin1}  # "the Orange County Sheriff's Office" on myfoxorlando.com: Florida's
            if not options and p.admin1 in states:
                options = {p.admin1}  # "Sumter County" and no state named: Sumter, South Carolina has one
            region = us_state(next(iter(options))) if len(options) == 1 else None
            if region is None:
                continue  # better no place than a town of that name in another state
            county = us_county(p.name, region.admin1)  # "Itasca County": its towns' mean point
            _become(p, county or lookup_in(p.name, "US", region.admin1) or region)  # else "Wagoner County": Wagoner
        kept.append(p)
    return kept


def _a_county(p: PlaceMention) -> bool:
    """A mention `_us_regions` placed at a US county ("Itasca County" at its towns' mean point)."""
    return p.feature == "city" and county_key(p.canonical or "") is not None


def _become(p: PlaceMention, place) -> None:
    """Re-point a mention at another gazetteer entry."""
    p.canonical, p.country_code, p.latitude, p.longitude = place.canonical, place.country_code, place.latitude, place.longitude
    p.admin1, p.feature = place.admin1, place.feature


def _in_the_articles_states(towns: list[PlaceMention], text: str, states: tuple[Counter[str], dict[int, str]],
                            outlet: Place | None = None, station_east: bool | None = None,
                            host: str | None = None) -> PlaceMention | None:
    """A US town many states share is the one in the state written after it ("Bastrop, Texas"), else in the
    state the article names most (of those that have a town of the name): Wilmington, Delaware in a story that
    says "Delaware", not Wilmington, North Carolina; else the namesake nearest the article's anchor town (its
    dateline's, or the first written with its state), within `NAMESAKE_KM`: "Columbus" in a "PHENIX CITY, AL"
    story is Columbus, Georgia; and where the story names no state at all (its dateline's town included), the
    namesake nearest its outlet's city (`outlet_city`: "Pasadena" on nbclosangeles.com is California's, not
    Texas's). A broadcaster's call sign, in its dateline or as its web address ("wtok.com"), says which side of the
    Mississippi a town the article gives no state of is on (W east, K west): Meridian, Mississippi, on wtok.com, not
    Idaho's. Returns the dateline's town, for `locate`. `states`: as for `_us_regions`; `station_east`: whether the
    outlet's web address is an eastern (W) call sign, None when it is none; `host`: the state its outlet's
    web address names ("nbcconnecticut.com"), where a town of fewer than 5,000 people may be the one (Colchester,
    Connecticut, not Vermont's 17,000; not a county's state: "held in the Salem County, N.J., jail" in a Delaware
    story would make a Salem, New Jersey, of 5,000 people)."""
    votes, after = states
    us_towns = [p for p in towns if p.country_code == "US"]
    towns_only = [p for p in us_towns if not _a_county(p)]  # (a county `_us_regions` placed is no namesake town)
    sign = _CALL_SIGN.search(text[:400])
    east = sign.group(0).lstrip("(").split()[-1].startswith("W") if sign is not None else station_east
    if east is not None:
        for p in towns_only:
            if p.admin1 not in votes and not after.get(p.char_end) and p.longitude is not None and (
                    (p.longitude > EAST_OF_MISSISSIPPI) != east) and (
                    abs(p.longitude - EAST_OF_MISSISSIPPI) > RIVER_BAND and (sign is not None or not _big_city(p))):
                there = _on_the_side(p.name, east)
                if there is not None:
                    _become(p, there)  # "MANSFIELD (WCMH) —": Mansfield, Ohio, not Texas
    unsure = []
    for p in towns_only if votes else ():
        state = after.get(p.char_end)
        there = lookup_in(p.name, "US", state, small=True) if state else None
        if there is None:
            named = sorted(votes, key=lambda s: -votes[s])
            if p.admin1 in votes and votes[p.admin1] == votes[named[0]]:
                continue  # already in a state the article names most
            there = next((t for t in (_own_town(p.name, "US", s, small=s == host) for s in named)
                          if t is not None), None)  # (not
            #                     Watervliet, New York, which the gazetteer also calls "Washington", in a story naming New York)
        if there is None and state:
            region = us_state(state)  # "Atlanta, Texas", a town too small for the gazetteer: the state, not Georgia's
            if region is not None:
                _become(p, region)
            continue
        if there is None and p.admin1 not in votes:
            unsure.append(p)
        elif there is not None and there.admin1 != p.admin1:
            _become(p, there)
    anchor, dateline = _anchor(us_towns, after)
    home = _dateline_state(text)
    for p in unsure:
        ref = anchor if anchor is not None else outlet
        there = _nearest_namesake(p.name, ref) if ref is not None and ref is not p else None
        if there is not None and there.admin1 != p.admin1:
            _become(p, there)
        elif there is None and home is not None and p.admin1 != home and (
                (region := lookup_in(p.name, "US", home, small=True) or us_state(home)) is not None):
            _become(p, region)  # "TODD COUNTY, Ky. —" ... "in Elkton": Elkton, Kentucky (2,000 people), not Maryland's;
            #                     the state where the gazetteer has no such town
    if not votes and outlet is not None:  # (no state written anywhere: not after a dateline either)
        for p in towns_only:  # "RICHMOND (CBS SF) —" on sanfrancisco.cbslocal.com: Richmond, California, not Virginia
            there = _nearest_namesake(p.name, outlet)
            if there is not None and there.admin1 != p.admin1:
                _become(p, there)
    return anchor if dateline else None  # (only a dateline is sure enough to rule far towns out in `locate`)


NAMESAKE_KM = 300
"""How near the article's anchor town a namesake must be to be the one meant, and how far a town may lie from it
before a mention is read as a street or a neighbourhood sharing a faraway city's name ("Englewood" in Chicago)."""


def _anchor(towns: list[PlaceMention], after: dict[int, str]) -> tuple[PlaceMention | None, bool]:
    """The town a US story is written from, and whether it is its dateline's ("GRESHAM, Ore. —", the first place
    at the very start); else the first town written with its state ("Bastrop, Texas")."""
    if towns and towns[0].char_start <= 3:
        first = towns[0]
        state = after.get(first.char_end)
        there = lookup_in(first.name, "US", state, small=True) if state and not _a_county(first) else None
        if there is not None:
            _become(first, there)
        return first, True
    for p in towns:
        state = after.get(p.char_end)
        there = lookup_in(p.name, "US", state, small=True) if state and not _a_county(p) else None
        if there is not None:
            _become(p, there)
            return p, False
    return None, False


_DATELINE_STATE = re.compile(r"^[A-Z][A-Z.' -]+,\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*(?:\([^)]{1,30}\)\s*[—–-]?|[—–-])")
"""An all-capitals dateline's state: "TODD COUNTY, Ky. —", "GRANT COUNTY, Ky (LEX 18)" (a call sign ends it too)."""


def _dateline_state(text: str) -> str | None:
    """The state of an all-capitals dateline ("TODD COUNTY, Ky. (WXYZ) —" → Kentucky), if it names one."""
    m = _DATELINE_STATE.match(text[:120])
    if m is None:
        return None
    state = _state_name(m.group(1))
    state = _AP_STATES.get(m.group(1) + ".", state)  # ("Ky": the point left out)
    return state if state in _AP_STATES.values() or state in _POSTAL_NAMES.values() else None


def _big_city(place: PlaceMention) -> bool:
    """Whether a US town has `UNTAGGED_MIN_POPULATION` people or more: named bare, it is itself wherever the story is
    told ("Dallas" on a Knoxville station's web page is Dallas, Texas, not Dallas, Georgia)."""
    town = lookup_in(place.canonical or place.name, "US", place.admin1)
    return town is not None and town.population >= UNTAGGED_MIN_POPULATION


def _own_town(name: str, country: str, state: str | None = None, small: bool = False) -> Place | None:
    """`lookup_in`'s town when the name is its own, not another spelling the gazetteer lists (Watervliet, New York,
    is also "Washington"; El Rio, California, "Jerusalem"). `small`: US towns of fewer people too."""
    there = lookup_in(name, country, state, small=small)
    return there if there is not None and same_name(there.canonical, name) else None


def _on_the_side(name: str, east: bool) -> Place | None:
    """The most populous US town of that own name on one side of the Mississippi (a call sign's: W east, K west;
    a town's own name: Pittsburgh is no Pittsburg)."""
    return max((t for t in towns_named(name) if t.country_code == "US" and t.longitude is not None
                and (t.longitude > EAST_OF_MISSISSIPPI) == east and normalise(t.canonical) == normalise(name)),
               key=lambda t: t.population, default=None)


def _nearest_namesake(name: str, anchor: PlaceMention | Place) -> Place | None:
    """The US town of that name nearest the anchor, when one lies within `NAMESAKE_KM` of it."""
    if anchor.latitude is None:
        return None
    best, best_km = None, NAMESAKE_KM
    for town in towns_named(name):
        if town.country_code != "US":
            continue
        d = distance_km(town.latitude, town.longitude, anchor.latitude, anchor.longitude)
        if d <= best_km:
            best, best_km = town, d
    return best


def _mislabelled(tok: Token, label: str, length: int) -> bool:
    """A one-word ORG ("annexing Crimea") or PERSON after "in"/"near" ("killed in Mykolaiv") that is a known place;
    or any one-word ORG, PERSON or NORP right after a locative preposition ("a market in Djibo", "the harbour
    district of Odesa") that names a town in the gazetteer."""
    if length != 1:
        return False
    preps = LOCATIVE_PREPS - {"of", "on", "from"} if label == "PERSON" else LOCATIVE_PREPS  # "takes care of Hassan"
    if (label in ("ORG", "PERSON", "NORP") and tok.dep_ == "pobj" and tok.head.lower_ in preps and is_known_town(tok.text, 5_000)
            and _own_name(tok.text)):
        return True  # (a town's own name: "leader of Hamas" is no Hamm, whose other names include it)
    if not is_known_town(tok.text, UNTAGGED_MIN_POPULATION):
        return False
    if label == "ORG":
        return _own_name(tok.text)  # "Julia said ..." (tagged ORG) is no Plovdiv, whose other names include it
    return label == "PERSON" and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS - {"of", "from"}


def _mislabelled_town(ent: Span) -> bool:
    """A name of two or three words the NER took for an organisation or a person, right after "in", "near" or
    "outside", that is a town's own name of 5,000 people or more ("a shooting range in La Porte", tagged ORG); not one
    the entity opens with "the" ("in the White House" is no White House, Tennessee)."""
    return (ent.label_ in ("ORG", "PERSON") and 2 <= len(ent) <= 3 and not any(t.is_space for t in ent)
            and ent[0].lower_ != "the" and ent.start > 0
            and ent.doc[ent.start - 1].lower_ in ("in", "near", "outside") and ent.root.dep_ == "pobj"
            and is_known_town(ent.text, 5_000) and _own_name(ent.text))


def _own_name(text: str) -> bool:
    """Whether a name is the gazetteer's own name for the place it finds (not one of its other spellings)."""
    place = lookup(text)
    key = normalise(text)
    return place is not None and (place.feature == "country" or key in ALIASES or normalise(place.canonical) == key
                                  or any(normalise(p.canonical) == key for p in towns_named(key)))


def lookup_alias(ent: Span) -> bool:
    """Whether an entity is in the alias table ("the Donetsk People's Republic", tagged ORG by the NER)."""
    return normalise(_entity_text(ent)[0]) in ALIASES


def _tokens_of(doc: Doc, place: PlaceMention) -> Span | None:
    return doc.char_span(place.char_start, place.char_end, alignment_mode="expand")


def _governing_prep(span: Span) -> Token | None:
    """The preposition a place hangs from ("in Donetsk", "in the Dasht area of Kunduz city"), if any."""
    tok = span.root
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.dep_ == "prep" or head.pos_ == "ADP":
            return head if head.lower_ in LOCATIVE_PREPS else None
        if tok.dep_ not in ("compound", "pobj", "appos", "conj", "poss", "nmod", "amod") and head.pos_ not in ("NOUN", "PROPN"):
            return None
        tok = head
    return None


def _cue_token(event: Event, doc: Doc) -> Token | None:
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if event.cue and (tok.lemma_.lower() == event.cue or tok.lower_.startswith(event.cue[:4])):
            return tok
    return span.root


def _depth_below(tok: Token, ancestor: Token) -> int | None:
    """How many steps up from `tok` to `ancestor`, or None when `ancestor` does not govern it."""
    for depth, anc in enumerate(tok.ancestors, start=1):
        if anc.i == ancestor.i:
            return depth
    return None


def _specific_first(place: PlaceMention) -> int:
    """Towns before US states before countries ("in Roanoke, Virginia" → Roanoke)."""
    if place.feature == "country":
        return 2
    return 1 if place.feature == "region" and place.country_code == "US" else 0


def locate(event: Event, doc: Doc, places: list[PlaceMention], fallback: bool = False) -> PlaceMention | None:
    """The place where `event` happened, among the article's place mentions (rule in the module doc); `fallback`:
    the article's dominant place when the sentence names none (rule 3)."""
    if not places:
        return _headline_place(doc) if fallback else None
    country = doc.user_data.get(COUNTRY)
    countries = [p for p in places if p.feature == "country"]  # named outright: "1,300 killed in Israel" in a story from Paris
    if country is not None and any(p.country_code == country for p in places):
        places = [p for p in places if p.country_code == country]  # the article's country: "Metro police" is no Metro, Indonesia
    anchor = doc.user_data.get(ANCHOR)
    if anchor is not None and anchor.latitude is not None:
        near = [p for p in places if p.feature == "country" or p.latitude is None or p.admin1 == anchor.admin1
                or _km(p, anchor) <= NAMESAKE_KM]
        places = near or places  # "Englewood" in a Chicago story is no Englewood a continent away
    in_sentence = [p for p in places if event.sent_start <= p.char_start < event.sent_end] if event.sent_end else []
    in_sentence = [p for p in _near_the_story(in_sentence, places) if p.feature != "city" or not _a_home(p, doc)]
    kept = {id(p) for p in places}
    in_sentence += [p for p in countries if id(p) not in kept and event.sent_end
                    and event.sent_start <= p.char_start < event.sent_end and _where_outright(doc, p)]
    cue = _cue_token(event, doc)
    governed: list[tuple[PlaceMention, Span, Token]] = []
    for p in in_sentence:
        span = _tokens_of(doc, p)
        prep = _governing_prep(span) if span is not None else None
        if prep is not None and not _care_of(prep):
            governed.append((p, span, prep))
    if cue is not None:
        clause = []
        for p, span, prep in governed:
            depth = _depth_below(span.root, cue)
            if depth is not None:
                clause.append((_specific_first(p), depth, p.char_start, p, prep))
        if clause:
            *_, found, prep = min(clause, key=lambda c: c[:3])
            return _town_within(_beside(found, prep, places, doc, fallback), places, doc, fallback)
    if governed:
        middle = (event.char_start + event.char_end) / 2
        found, _, prep = min(governed, key=lambda g: (_specific_first(g[0]), abs(g[0].char_start - middle)))
        return _town_within(_beside(found, prep, places, doc, fallback), places, doc, fallback)
    return article_place(doc, places) if fallback else None


def article_place(doc: Doc, places: list[PlaceMention], headline_first: bool = False) -> PlaceMention | None:
    """Where the article is about: its dateline's town, else the place it names most, else the town its headline
    names; the headline's town first for a figure read from the headline."""
    if headline_first:
        return _headline_place(doc) or _dateline(places, doc) or dominant_place(places)
    return _dateline(places, doc) or dominant_place(places) or _headline_place(doc)


def _outlet_anchor(places: list[PlaceMention], outlet: Place) -> PlaceMention | None:
    """A local story without a dateline is anchored at the first town it names within `NAMESAKE_KM` of its outlet's
    city, where it names one: "Wolcott" or "Mayfield" in a Chicago Sun-Times story that names Chicago are Chicago
    streets, not towns in Connecticut or Kentucky (`locate` leaves towns far from the anchor out)."""
    return next((p for p in places if p.feature == "city" and p.latitude is not None and
                 distance_km(p.latitude, p.longitude, outlet.latitude, outlet.longitude) <= NAMESAKE_KM), None)


def _headline_place(doc: Doc) -> PlaceMention | None:
    """The town the article's headline names (not the outlet's home after it), in the article's country, as a
    mention (no offsets: it is not in the text), for an event the text places nowhere (`locate`'s last resort).
    A US town many states share is the one in the state the headline writes after it ("Tyrone, Mo."), else in
    the state the article and its headline name most (a county only one state has counts for its state, and there a
    town of fewer than 5,000 people may be the one: "The Yakima County sheriff's office ... at Granger"), else the
    one nearest the outlet's city. Worked out once per article (every unplaced event of it asks)."""
    if HEADLINE_PLACE not in doc.user_data:
        doc.user_data[HEADLINE_PLACE] = _read_headline_place(doc)
    return doc.user_data[HEADLINE_PLACE]


def _read_headline_place(doc: Doc) -> PlaceMention | None:
    country, title = doc.user_data.get(COUNTRY), doc.user_data.get(TITLE)
    place = headline_town(title, country, story_only=True) if country and title else None
    if place is None:
        return None
    if country == "US":
        place = _us_headline_namesake(place, doc, title)
    return PlaceMention(name=place.canonical, char_start=0, char_end=0, canonical=place.canonical, admin1=place.admin1,
                        country_code=place.country_code, latitude=place.latitude, longitude=place.longitude,
                        feature=place.feature)


def _us_headline_namesake(place: Place, doc: Doc, title: str) -> Place:
    """`_headline_place`'s choice among the US towns of a headline town's name (see there)."""
    m = re.search(re.escape(place.canonical) + r",\s*([A-Z][\w.]*(?:\s[A-Z][a-z]+)?)", title)
    state = _written_state(m.group(1)) if m is not None else None
    if state is not None:
        return lookup_in(place.canonical, "US", state, small=True) or us_state(state) or place  # (too small a town: its state)
    url, text = doc.user_data.get(URL), text_of(doc)
    votes = _us_states(text)[0] + outlet_states(url, title)
    counties: Counter[str] = Counter()
    _count_counties_of_one_state(text, [], counties)  # "The Yakima County sheriff's office says ... at Granger"
    for state, _ in (votes + counties).most_common():
        # (a small town only in a county's state: the county is local, Granger, Washington, 3,695 people; a state the
        # article merely names may be anyone's)
        there = _own_town(place.canonical, "US", state, small=state in counties)
        if there is not None:
            return there
    if us_call_sign_host(url):  # "wkyt.com": W, east of the Mississippi
        east = _host_labels(url)[0].startswith("w")
        if place.longitude is None or (place.longitude > EAST_OF_MISSISSIPPI) != east:
            place = _on_the_side(place.canonical, east) or place
    outlet = outlet_city(url, title)
    return (_nearest_namesake(place.canonical, outlet) if outlet is not None else None) or place


def _where_outright(doc: Doc, place: PlaceMention) -> bool:
    """Whether a country is named as where something happened: the object of a locative preposition ("killed in
    Israel", "in Israel and Gaza"), not where people come from ("two workers from Thailand") nor a modifier of
    another noun ("in the US Congress")."""
    span = _tokens_of(doc, place)
    if span is None or span.root.dep_ not in ("pobj", "conj", "appos"):
        return False
    prep = _governing_prep(span)
    return prep is not None and prep.lower_ != "from"


BESIDE_KM = 60
"""How far from a city the town of a story "outside" or "near" it may lie."""
_BESIDE = frozenset(("outside", "near", "nearby"))


def _beside(found: PlaceMention, prep: Token, places: list[PlaceMention], doc: Doc, fallback: bool) -> PlaceMention:
    """A city the event happened "outside" or "near" (`prep`, the preposition it hangs from: "on a quiet, suburban
    street outside Atlanta" in a "DOUGLASVILLE, Ga. (AP) —" story) gives way to the dateline's town within
    `BESIDE_KM` of it, where the event takes the article's place: the dateline says which town beside the city."""
    if not fallback or prep.lower_ not in _BESIDE or found.feature != "city" or found.latitude is None:
        return found
    town = _dateline(places, doc)
    if (town is None or town is found or town.feature != "city" or town.latitude is None
            or (town.canonical or town.name) == (found.canonical or found.name) or _km(town, found) > BESIDE_KM):
        return found
    return town


COUNTY_TOWN_KM = 40
"""A town this near a county's point (the mean of its towns': `gazetteer.us_county`) is taken to lie in it."""


def _town_within(found: PlaceMention, places: list[PlaceMention], doc: Doc, fallback: bool) -> PlaceMention:
    """A US state ("shot in rural Harrison County", read as Texas) or county ("in Gregg County" in a "KILGORE, Texas"
    story) gives way to the article's own town in it (the dateline's, else the most mentioned of its towns there; for
    a county, within `COUNTY_TOWN_KM` of its point), where the event takes the article's place."""
    county = _a_county(found)
    if not fallback or found.country_code != "US" or not (found.feature == "region" or county):
        return found

    def within(p: PlaceMention) -> bool:
        return (p.feature == "city" and p.admin1 == found.admin1 and p is not found and not _a_county(p)
                and (not county or (p.latitude is not None and _km(p, found) <= COUNTY_TOWN_KM)))

    town = _dateline(places, doc)
    if town is not None and within(town):
        return town
    town = dominant_place([p for p in places if within(p)])
    return town if town is not None else found


STORY_RADIUS_KM = 150


def _near_the_story(candidates: list[PlaceMention], places: list[PlaceMention]) -> list[PlaceMention]:
    """A town named once and far from the article's main place is most often a street or a neighbourhood that
    shares a city's name ("the 5200 block of South Peoria", "the Austin neighbourhood" in a Chicago story)."""
    main = dominant_place(places)
    if main is None or main.feature != "city" or main.latitude is None:
        return candidates
    counts = Counter(p.canonical or p.name for p in places)
    return [p for p in candidates if p.feature != "city" or p.latitude is None or counts[p.canonical or p.name] > 1
            or _km(p, main) <= STORY_RADIUS_KM]


def _km(a: PlaceMention, b: PlaceMention) -> float:
    """Great-circle distance between two geocoded places, in kilometres."""
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


CARE_WORDS = frozenset({"hospital", "center", "centre", "clinic", "facility", "infirmary", "morgue", "jail", "prison"})


def _care_of(prep: Token) -> bool:
    """"taken to a hospital in Dallas", "pronounced dead at a medical center in Tulsa": where the victim was taken,
    not where it happened."""
    return prep.head.lemma_.lower() in CARE_WORDS


HOME_NOUNS = frozenset("""man men woman women boy boys girl girls teen teens teenager teenagers youth resident residents
native natives couple mother father son daughter family child toddler baby grandmother grandfather""".split())
"""People a town's name before them or "of"/"from" after them says where they live ("a Dallas man", "a woman from
Tulsa"), not where anything happened to them."""


def _home_of(prep: Token) -> bool:
    """"identified as Rashawn Dukes, 25, of North Chesterfield", "a woman from Tulsa": where the victim lives, not
    where it happened ("of" or "from" after a person's name, a `HOME_NOUNS` word or an age)."""
    if prep.lower_ not in ("of", "from"):
        return False
    head = prep.head
    return (head.ent_type_ == "PERSON" or head.lower_ in HOME_NOUNS
            or (head.like_num and head.dep_ in ("appos", "npadvmod", "amod", "nummod")))


def _a_home(place: PlaceMention, doc: Doc) -> bool:
    """Whether a mention names where someone lives: "a Dallas man", "Dukes, 25, of North Chesterfield"."""
    span = _tokens_of(doc, place)
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in HOME_NOUNS:
        return True
    prep = _governing_prep(span)
    return prep is not None and prep.i == root.head.i and _home_of(prep)


def _dateline(places: list[PlaceMention], doc: Doc) -> PlaceMention | None:
    """The place a dateline opens the article with ("GAINESVILLE, Fla. —", "DALLAS (AP) —"): where a local
    report happened, before the place most often named."""
    text = text_of(doc)[:80]
    first = places[0] if places else None
    if first is None or first.char_start > 3 or first.feature == "country":
        return None
    rest = text[first.char_end - 0 : first.char_end + 40] if first.char_end < 80 else ""
    return first if re.match(r"^(?:,\s*[\w. ]{2,20})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]", rest) else None


def dominant_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The article's most mentioned place (by canonical name; ties go to the first mentioned), towns before countries."""
    if not places:
        return None
    counts = Counter(p.canonical or p.name for p in places)
    first = {}
    for i, p in enumerate(places):
        first.setdefault(p.canonical or p.name, (i, p))
    best = min(counts, key=lambda name: (_specific_first(first[name][1]), -counts[name], first[name][0]))
    return first[best][1]
