"""Where a local outlet is at home, learned from the database, for towns an article alone cannot place.

The extractor reads one article at a time. A bare town name that several states share ("Smyrna", "Henderson",
"Winchester") takes its largest namesake there (Smyrna, Georgia; Henderson, Nevada; Winchester, England) unless
the article names a state, a dateline or an outlet whose web address says where it is; and a neighbourhood the
gazetteer does not know takes a far town's place ("Antioch", a part of Nashville, as Antioch, California;
"Madisonville" in Cincinnati as Kentucky's). But wsmv.com is a Nashville station: most of its articles' towns are
in Tennessee. Reconciliation reads the whole database, so it can tell; this module says where each outlet is at
home and moves a row's town there, for the incident rules only (the stored `events` and `places` rows keep what the
article alone says, so an incident's place may differ from its evidence row's: this is why).

- **An outlet's home** (`articles.source`): the US state in which at least half of its articles (at least
  `MIN_ARTICLES`; not two states each in half) name a town, at the median point of those towns. National outlets
  and foreign ones have none.
  An outlet most of whose pages are a headline over a sign-in box (shorter than `SHORT_BODY`: ajc.com's archived
  pages) names its towns only in its headlines: its home is the state whose towns they name most
  (`_home_from_headlines`).
- **A namesake moves** to the town of the same own name in its outlet's home state (of 500 people or more:
  Elgin, Iowa; the nearest to home where the state has several) when that town is within
  `transform.places.NAMESAKE_KM` of the home and nearer to it than the row's town, and the row's town is not one of
  `STANDALONE_CITIES` (a bare "Dallas" is Dallas, Texas, wherever it is written).
- **A far town moves** to the article's first town within `NAMESAKE_KM` of home when it lies outside the home state,
  farther than that from home and has no namesake at home, else (the article names no town near home) to the
  outlet's home town (`Home.town`) when it is a town of at most `HOME_TOWN_MAX_POPULATION` people and no county:
  "Westwood", a part of Cincinnati, on a Cincinnati station. The row's place is then the area's, not a town it
  names (`Row.place_named` false: no "same place" for the rules). Not a city of `STANDALONE_CITIES`, nor a part of
  one (within `STANDALONE_KM`) the article names too: a Texas station's story from Chicago's Englewood is Chicago's,
  but a Kansas City station's "Grand Boulevard" alone is not.
- **An incident nothing places** (no row, headline or region names a place) is placed at the town of the home state
  that the outlet of its first report with a home names in most articles (`Home.town`), marked
  `incidents.place_source = 'outlet home'`.
- Neither where the article names the row's town's state (US) or its country or province (abroad): "Millville, New
  Jersey" on a Philadelphia station stays in New Jersey; "Newark" on nbcnewyork.com stays in New Jersey, nearer home
  than Newark, New York.

Measured on the shared GVA set (issue 12's place accuracy, within 40 km of the Gun Violence Archive's point):
namesakes placed 10 incidents right that were not, none wrong; the 66 casualty rows moved (17 towns, 24 articles) all
read as the outlet's own area (Belton on a Killeen paper, Montgomery on a Dayton station, Kensington on philly.com).
Far towns: 0.837 -> 0.843, 8 incidents placed right (Madisonville and Austin at Cincinnati and Chicago, Antioch at
Nashville, Medina at Manteca), one wrong (Tulsa on an Arkansas station, at Muskogee); grouping unchanged. The home
town for a far town alone, parts of big cities the article does not name and the nearest namesake: 0.860 -> 0.867,
10 incidents placed right (Westwood at Cincinnati, Grand Boulevard at Kansas City, Oakland on a Pontiac paper at
Pontiac, Mount Pleasant near Pittsburgh), none wrong; without the population bound, Brooklyn on a Chicago outlet's
New York pages and Waco on a Shreveport station moved home (one wrong, two incidents split).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import TYPE_CHECKING

import pyarrow as pa

from ..transform import gazetteer
from ..transform.headline import headline_town as _headline_town
from ..transform.places import NAMESAKE_KM, states_named

if TYPE_CHECKING:
    import duckdb

    from .incident_rules import Row

MIN_ARTICLES = 3
"""Fewer articles of an outlet say nothing about where it is."""
STANDALONE_CITIES = frozenset({
    ("Atlanta", "Georgia"), ("Baltimore", "Maryland"), ("Boston", "Massachusetts"), ("Chicago", "Illinois"),
    ("Cincinnati", "Ohio"), ("Cleveland", "Ohio"), ("Dallas", "Texas"), ("Denver", "Colorado"), ("Detroit", "Michigan"),
    ("Honolulu", "Hawaii"), ("Houston", "Texas"), ("Indianapolis", "Indiana"), ("Las Vegas", "Nevada"),
    ("Los Angeles", "California"), ("Miami", "Florida"), ("Milwaukee", "Wisconsin"), ("Minneapolis", "Minnesota"),
    ("New Orleans", "Louisiana"), ("New York City", "New York"), ("Oklahoma City", "Oklahoma"),
    ("Philadelphia", "Pennsylvania"), ("Phoenix", "Arizona"), ("Pittsburgh", "Pennsylvania"), ("St. Louis", "Missouri"),
    ("Salt Lake City", "Utah"), ("San Antonio", "Texas"), ("San Diego", "California"), ("San Francisco", "California"),
    ("Seattle", "Washington"), ("Washington", "District of Columbia"),
})
"""The cities AP style datelines without a state: the one a bare name means, whatever outlet writes it (a Dallas
station's "Atlanta" is Georgia's, not Atlanta, Texas)."""
STANDALONE_KM = 30.0
"""A town this near a city of `STANDALONE_CITIES` is part of it ("Chicago Loop")."""


@dataclass(frozen=True, slots=True)
class Home:
    state: str
    latitude: float  # the median point of its articles' towns in its home state
    longitude: float
    town: str | None = None  # the town of its home state its articles name most (ties: the first in name order)
    town_latitude: float | None = None
    town_longitude: float | None = None


_HOMES_SQL = """
WITH outlets AS (
    SELECT source, count(*) AS n FROM articles
    WHERE source IN (SELECT source FROM outlet_wanted) GROUP BY source HAVING count(*) >= {min_articles}
), states AS (
    SELECT a.source, p.admin1, count(DISTINCT p.article_id) AS k,
           median(p.latitude) AS latitude, median(p.longitude) AS longitude
    FROM places p JOIN articles a USING (article_id)
    WHERE a.source IN (SELECT source FROM outlets) AND p.country_code = 'US' AND p.feature = 'city'
      AND p.admin1 IS NOT NULL AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
    GROUP BY a.source, p.admin1
), towns AS (
    SELECT a.source, p.admin1, p.canonical, count(DISTINCT p.article_id) AS k,
           min(p.latitude) AS latitude, min(p.longitude) AS longitude
    FROM places p JOIN articles a USING (article_id)
    WHERE a.source IN (SELECT source FROM outlets) AND p.country_code = 'US' AND p.feature = 'city'
      AND p.admin1 IS NOT NULL AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL AND p.canonical IS NOT NULL
    GROUP BY a.source, p.admin1, p.canonical
    QUALIFY row_number() OVER (PARTITION BY a.source, p.admin1
                               ORDER BY count(DISTINCT p.article_id) DESC, p.canonical) = 1
)
SELECT s.source, s.admin1, s.latitude, s.longitude, t.canonical, t.latitude, t.longitude
FROM states s JOIN outlets o USING (source) LEFT JOIN towns t USING (source, admin1) WHERE 2 * s.k >= o.n
QUALIFY count(*) OVER (PARTITION BY s.source) = 1
"""


def homes(con: duckdb.DuckDBPyConnection, sources: Iterable[str | None]) -> dict[str, Home]:
    """The home of each of these outlets that has one (one query, bounded by the outlets asked for)."""
    wanted = sorted({s for s in sources if s})
    if not wanted:
        return {}
    con.register("outlet_wanted", pa.table({"source": pa.array(wanted, pa.string())}))
    try:
        found = {source: Home(*rest) for source, *rest in con.execute(
            _HOMES_SQL.format(min_articles=MIN_ARTICLES)).fetchall()}
        titles = [] if len(found) == len(wanted) else con.execute(_HEADLINE_HOMES_SQL.format(
            min_articles=MIN_ARTICLES, short=SHORT_BODY, limit=HEADLINES_READ)).fetchall()
    finally:
        con.unregister("outlet_wanted")
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for source, title in titles:
        if source not in found:
            by_outlet[source].append(title)
    for source, its_titles in by_outlet.items():
        home = _home_from_headlines(its_titles)
        if home is not None:
            found[source] = home
    return found


SHORT_BODY = 500
"""A page whose text is shorter than this (characters) is a headline over a sign-in box or a teaser: an outlet most of
whose pages are such says where it is only in its headlines."""
HEADLINES_READ = 200
"""The most recent headlines of an outlet read for its home (bounded work per reconciliation)."""

_HEADLINE_HOMES_SQL = """
WITH short AS (
    SELECT source FROM articles WHERE source IN (SELECT source FROM outlet_wanted)
    GROUP BY source
    HAVING count(*) >= {min_articles} AND 2 * count(*) FILTER (WHERE length(coalesce(body, '')) < {short}) > count(*)
)
SELECT source, title FROM articles
WHERE source IN (SELECT source FROM short) AND title IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY source ORDER BY published_at DESC NULLS LAST, article_id) <= {limit}
ORDER BY source, published_at, article_id
"""


def _home_from_headlines(titles: list[str]) -> Home | None:
    """The home of an outlet whose pages are mostly headlines alone (ajc.com's archived pages are a headline over a
    sign-in box: "4 people shot in southeast Atlanta", "6-year-old Atlanta girl shot in the head, killed"): the US
    state whose towns its headlines name most, at least `MIN_ARTICLES` times and more often than any other state's
    (not a majority: a headline's town is read as its largest namesake, "DeKalb" in Illinois, "Rockdale" in Texas),
    at their median point; its town the one named most (ties: the first in name order)."""
    towns = [t for title in titles if (t := _headline_town(title, "US", story_only=True)) is not None
             and t.country_code == "US" and t.admin1 and t.latitude is not None and t.longitude is not None]
    states = Counter(t.admin1 for t in towns)
    if not states:
        return None
    (state, k), *rest = sorted(states.items(), key=lambda kv: (-kv[1], kv[0]))
    if k < MIN_ARTICLES or (rest and rest[0][1] >= k):
        return None
    there = [t for t in towns if t.admin1 == state]
    named = Counter(t.canonical for t in there)
    town = min(named, key=lambda n: (-named[n], n))
    first = next(t for t in there if t.canonical == town)
    return Home(state, median(t.latitude for t in there), median(t.longitude for t in there), town,
                first.latitude, first.longitude)


@lru_cache(maxsize=65536)
def _namesake(name: str, latitude: float, longitude: float, country_code: str | None,
              home: Home) -> gazetteer.Place | None:
    """The town this row's town should be, at home; None when it stays (not counting what the article names)."""
    here = gazetteer.admin1_at(latitude, longitude, country_code) if country_code else None
    if country_code == "US" and here == home.state:
        return None
    at_home = [t for t in gazetteer.towns_named(name) + gazetteer.small_us_towns(name) if t.country_code == "US"
               and t.admin1 == home.state and t.latitude is not None and gazetteer.same_name(t.canonical, name)]
    if not at_home or (name, here) in STANDALONE_CITIES:
        return None
    # (the nearest to home of its namesakes there: Mount Pleasant near Pittsburgh, not the one in Philadelphia)
    there = min(at_home, key=lambda t: gazetteer.distance_km(t.latitude, t.longitude, home.latitude, home.longitude))
    near = gazetteer.distance_km(there.latitude, there.longitude, home.latitude, home.longitude)
    if near > NAMESAKE_KM or near >= gazetteer.distance_km(latitude, longitude, home.latitude, home.longitude):
        return None
    return there


def _named_in(text: str, place: Row) -> bool:
    """Whether the article names the row's town's state (US) or its country or province (abroad)."""
    region = gazetteer.admin1_at(place.latitude, place.longitude, place.country_code)
    if place.country_code == "US":
        return region is not None and region in states_named(text)
    names = {n for n, p in gazetteer.countries().items() if p.country_code == place.country_code}
    if region:
        names.add(gazetteer.normalise(region))
    lower = text.lower()
    return any(re.search(rf"\b{re.escape(n)}\b", lower) for n in names)


@lru_cache(maxsize=1)
def _standalone_places() -> list[gazetteer.Place]:
    """The gazetteer's towns of `STANDALONE_CITIES`."""
    return [p for name, state in sorted(STANDALONE_CITIES) if (p := gazetteer.lookup_in(name, "US", state)) is not None]


@lru_cache(maxsize=65536)
def _far_from_home(latitude: float, longitude: float, country_code: str | None, home: Home) -> bool:
    """Whether a town lies outside its outlet's home state and farther than `NAMESAKE_KM` from home."""
    if country_code == "US" and gazetteer.admin1_at(latitude, longitude, country_code) == home.state:
        return False
    return gazetteer.distance_km(latitude, longitude, home.latitude, home.longitude) > NAMESAKE_KM


@lru_cache(maxsize=65536)
def standalone_near(latitude: float, longitude: float) -> gazetteer.Place | None:
    """The city of `STANDALONE_CITIES` a town is part of (within `STANDALONE_KM`: "Chicago Loop"), or None."""
    return next((c for c in _standalone_places()
                 if gazetteer.distance_km(latitude, longitude, c.latitude, c.longitude) <= STANDALONE_KM), None)


def _at_a_standalone_city(place: Row, text: str) -> bool:
    """Whether a far town is a city of `STANDALONE_CITIES` (a Texas station's story from Chicago is Chicago's) or
    part of one the article names too ("Englewood" in a story that says Chicago, "Brooklyn" in one that says New
    York). Not a part alone: "Westwood", a part of Cincinnati, on a Cincinnati station is not Westwood near Boston,
    nor "Grand Boulevard" on a Kansas City station Chicago's."""
    city = standalone_near(place.latitude, place.longitude)
    if city is None:
        return False
    if gazetteer.same_name(place.location or "", city.canonical):
        return True
    name = city.canonical.removesuffix(" City")  # (New York City: "New York")
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


HOME_TOWN_MAX_POPULATION = 100_000
"""A far town of more people than this is itself the story's place even on an outlet far away (Brooklyn on a
Chicago outlet's New York pages, Waco on a Shreveport station), not a neighbourhood or street of home sharing its
name ("Westwood" in Cincinnati)."""


def headline_town_at_home(town: gazetteer.Place, home: Home | None) -> gazetteer.Place | None:
    """A town a headline names, read without a country (the page names none: its body is a sign-in box), as its
    outlet's home says: its namesake at home where there is one near (`_namesake`), itself where it lies in or near
    the home state or is a city of more than `HOME_TOWN_MAX_POPULATION` people, else None (then the incident is
    placed at home, `Home.town`): the largest town of the name the world over is a guess that fails more often on
    a local outlet ("DeKalb" for a Georgia county on ajc.com: Illinois's). Without a home (an outlet with few
    articles here) the largest town of the name stands: right for "Gary", "Bluffton" or "Belle Glade" in
    American headlines, wrong for "Buckner" (Kentucky's, not Arkansas's)."""
    if home is None or town.latitude is None or town.longitude is None:
        return town
    big = town.population > HOME_TOWN_MAX_POPULATION
    there = _namesake(town.canonical, town.latitude, town.longitude, town.country_code, home)
    if there is not None:
        return there
    return town if big or not _far_from_home(town.latitude, town.longitude, town.country_code, home) else None


def _small_far_town(place: Row) -> bool:
    """Whether a far town an article names alone may be its outlet's home town's part: a town of at most
    `HOME_TOWN_MAX_POPULATION` people, not a county (a county's namesakes at home are counties the gazetteer's
    towns do not hold)."""
    if gazetteer.county_key(place.location or "") is not None:
        return False
    region = gazetteer.admin1_at(place.latitude, place.longitude, place.country_code)
    town = gazetteer.lookup_in(place.location or "", place.country_code or "", region) if region else None
    return town is not None and town.population <= HOME_TOWN_MAX_POPULATION


def place_at_home(con: duckdb.DuckDBPyConnection, rows: Iterable[Row], known: dict[str, Home | None]) -> int:
    """Move the rows' towns home where their outlet has one (see the module doc), in place: a namesake to its
    namesake at home; a far town the article names no state or country of to the article's first town near home,
    where it names one. Rows need their `source` (their article's outlet); the article's text and towns are read
    only where a row may move. `known`: the homes already looked up (None: no home), filled here, so that one
    reconciliation asks once per outlet. Returns how many rows moved."""
    rows = [r for r in rows if r.latitude is not None and r.location and not r.place_is_coarse and r.source]
    missing = {r.source for r in rows} - known.keys()
    if missing:
        found = homes(con, missing)
        known.update({source: found.get(source) for source in missing})
    maybe: dict[str, list[tuple[Row, gazetteer.Place | None, Home]]] = defaultdict(list)
    for r in rows:
        home = known[r.source]
        if home is not None:
            there = _namesake(r.location, r.latitude, r.longitude, r.country_code, home)
            if there is not None or _far_from_home(r.latitude, r.longitude, r.country_code, home):
                maybe[r.article_id].append((r, there, home))
    if not maybe:
        return 0
    con.register("outlet_articles", pa.table({"article_id": pa.array(sorted(maybe), pa.string())}))
    try:
        texts = dict(con.execute("SELECT article_id, coalesce(title, '') || '\n' || coalesce(body, '') FROM articles "
                                 "WHERE article_id IN (SELECT article_id FROM outlet_articles)").fetchall())
        towns: dict[str, list[tuple]] = defaultdict(list)
        found_towns = con.execute(
            "SELECT article_id, canonical, country_code, latitude, longitude FROM places WHERE feature = 'city' "
            "AND latitude IS NOT NULL AND longitude IS NOT NULL "
            "AND article_id IN (SELECT article_id FROM outlet_articles) ORDER BY article_id, char_start").fetchall()
        for article_id, *town in found_towns:
            towns[article_id].append(town)
    finally:
        con.unregister("outlet_articles")
    moved = 0
    for article_id, found in maybe.items():
        text = texts.get(article_id, "")
        for r, there, home in found:
            if _named_in(text, r) or (there is None and _at_a_standalone_city(r, text)):
                continue
            if there is not None:
                r.country_code, r.latitude, r.longitude = there.country_code, there.latitude, there.longitude
            else:  # a far town: the article's first town near home, else the town the outlet names most
                near = next((t for t in towns[article_id] if gazetteer.distance_km(
                    t[2], t[3], home.latitude, home.longitude) <= NAMESAKE_KM), None)
                if near is None and home.town is not None and _small_far_town(r):
                    near = (home.town, "US", home.town_latitude, home.town_longitude)
                if near is None:
                    continue
                r.location, r.country_code, r.latitude, r.longitude = near
                r.place_named = False  # (a guess at the area, not a town the row names: no "same place" for rule 3)
            moved += 1
    return moved
