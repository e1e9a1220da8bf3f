"""Where a local outlet is at home, learned from the database, for namesake towns an article alone cannot place.

The extractor reads one article at a time. A bare town name that several states share ("Smyrna", "Henderson",
"Winchester") takes its largest namesake there (Smyrna, Georgia; Henderson, Nevada; Winchester, England) unless
the article names a state, a dateline or an outlet whose web address says where it is. But wsmv.com is a
Nashville station: most of its articles' towns are in Tennessee, and its "Smyrna" is Smyrna, Tennessee.
Reconciliation reads the whole database, so it can tell; this module says where each outlet is at home and
moves a row's namesake there, for the incident rules only (the stored `events` and `places` rows keep what the
article alone says, so an incident's place may be a namesake of its evidence row's: this is why).

- **An outlet's home** (`articles.source`): the US state in which a strict majority of its articles (at least
  `MIN_ARTICLES`) name a town, at the median point of those towns. National outlets and foreign ones have none.
- **A row's town moves** to the town of the same own name in its outlet's home state (of 500 people or more:
  Elgin, Iowa) when that town is within
  `transform.places.NAMESAKE_KM` of the home and nearer to it than the row's town, the row's town is not one of
  `STANDALONE_CITIES` (a bare "Dallas" is Dallas, Texas, wherever it is written) and the article names
  neither the row's town's state (US) nor its country or province (abroad): "Millville, New Jersey" on a
  Philadelphia station stays in New Jersey; "Newark" on nbcnewyork.com stays in New Jersey, nearer home than
  Newark, New York.

Measured on the shared GVA set: 10 incidents now placed within 40 km of the Gun Violence Archive's point that were
not, none placed away from it; the 66 casualty rows moved (17 towns, 24 articles) all read as the outlet's own area
(Belton on a Killeen paper, Montgomery on a Dayton station, Kensington on philly.com).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pyarrow as pa

from ..transform import gazetteer
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


@dataclass(frozen=True, slots=True)
class Home:
    state: str
    latitude: float
    longitude: float


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
)
SELECT s.source, s.admin1, s.latitude, s.longitude FROM states s JOIN outlets o USING (source) WHERE 2 * s.k > o.n
"""


def homes(con: duckdb.DuckDBPyConnection, sources: Iterable[str | None]) -> dict[str, Home]:
    """The home of each of these outlets that has one (one query, bounded by the outlets asked for)."""
    wanted = sorted({s for s in sources if s})
    if not wanted:
        return {}
    con.register("outlet_wanted", pa.table({"source": pa.array(wanted, pa.string())}))
    try:
        found = con.execute(_HOMES_SQL.format(min_articles=MIN_ARTICLES)).fetchall()
    finally:
        con.unregister("outlet_wanted")
    return {source: Home(state, lat, lon) for source, state, lat, lon in found}


@lru_cache(maxsize=65536)
def _namesake(name: str, latitude: float, longitude: float, country_code: str | None, home: Home) -> gazetteer.Place | None:
    """The town this row's town should be, at home; None when it stays (not counting what the article names)."""
    here = gazetteer.admin1_at(latitude, longitude, country_code) if country_code else None
    if country_code == "US" and here == home.state:
        return None
    there = gazetteer.lookup_in(name, "US", home.state, small=True)
    if there is None or there.latitude is None or gazetteer.normalise(there.canonical) != gazetteer.normalise(name):
        return None
    if (name, here) in STANDALONE_CITIES:
        return None
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


def move_namesakes(con: duckdb.DuckDBPyConnection, rows: Iterable[Row], known: dict[str, Home | None]) -> int:
    """Move the rows' namesake towns to their outlets' homes (see the module doc), in place. Rows need their
    `source` (their article's outlet); the article's text is read only where a row may move. `known`: the homes
    already looked up (None: no home), filled here, so that one reconciliation asks once per outlet. Returns how
    many rows moved."""
    rows = [r for r in rows if r.latitude is not None and r.location and not r.place_is_coarse and r.source]
    missing = {r.source for r in rows} - known.keys()
    if missing:
        found = homes(con, missing)
        known.update({source: found.get(source) for source in missing})
    maybe: dict[str, list[tuple[Row, gazetteer.Place]]] = defaultdict(list)
    for r in rows:
        home = known[r.source]
        if home is not None:
            there = _namesake(r.location, r.latitude, r.longitude, r.country_code, home)
            if there is not None:
                maybe[r.article_id].append((r, there))
    if not maybe:
        return 0
    con.register("outlet_articles", pa.table({"article_id": pa.array(sorted(maybe), pa.string())}))
    try:
        texts = dict(con.execute("SELECT article_id, coalesce(title, '') || '\n' || coalesce(body, '') FROM articles "
                                 "WHERE article_id IN (SELECT article_id FROM outlet_articles)").fetchall())
    finally:
        con.unregister("outlet_articles")
    moved = 0
    for article_id, pairs in maybe.items():
        text = texts.get(article_id, "")
        for r, there in pairs:
            if not _named_in(text, r):
                r.country_code, r.latitude, r.longitude = there.country_code, there.latitude, there.longitude
                moved += 1
    return moved
