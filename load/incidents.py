"""Casualty rows → incidents, across the whole database, incrementally (issue 12).

`reconcile(con, article_ids)` runs inside the caller's transaction, right after a batch has written (or
rewritten) its articles' rows: everything it changes lands with the batch or not at all, so a kill mid-run and
a re-run leave the incidents of one clean run. What it does, and reads, is bounded by what changed:

1. **New reports**: the casualty rows of `article_ids` (all of them when None) that have no incident yet; a
   rewritten article's rows come back without one, so a changed article moves its figures. The rules read an
   article's rows together, so an article some of whose rows already report incidents is left alone (it was
   reconciled whole; its other rows report none).
2. **Stale incidents**: those whose stored `reports` no longer equals the rows that point at them (an article
   was rewritten or removed); they are recomputed from what is left, or deleted when nothing is.
3. **Candidates**: only incidents within the follow-up window of a new report and near its place (a box of
   about ±110 km) or sharing a name or street with it (`incident_keys`), with their member rows; never the
   whole table.
4. The rules (`load/incident_rules.py`) file each new report under a candidate or open a new incident; the
   incidents touched are summarised again and written (delete + insert by id), and `events.incident_id` set.

`incident_id` is stable: an incident keeps its id while any of its reports remains, whatever joins it later;
a new one is a hash of its first report's first row (the lowest in the canonical order), so re-running on
unchanged input, or a full rebuild, gives the same ids. A change of EXTRACTOR_VERSION or of `RULES_VERSION`
rebuilds everything once (`full=True` does it on demand). Where the order of batches matters is said in the
rules' docstring ("Order").
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import operator
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import pyarrow as pa

import eventwire.versions as versions

from ..transform import gazetteer
from ..transform.headline import headline_county as _headline_county
from ..transform.headline import headline_town as _headline_town
from ..transform.headline import headline_where as _headline_where
from ..transform.places import outlet_city

if TYPE_CHECKING:  # connections are passed in; the notebook API imports the writer without DuckDB
    import duckdb

from .incident_evidence import (
    SHORT_ARTICLE,
    Evidence,
    as_keys,
    context,
    evidence_of,
    from_keys,
)
from .incident_rules import (
    KEY_REACH,
    MAX_KEY_INCIDENTS,
    PLACE_KM,
    PLACE_REACH,
    Incident,
    Report,
    Row,
    Summary,
    article_reports,
    big_toll,
    cluster,
    court_toll,
    has_place,
    key_reach,
    eligible_rows,
    report_of,
    summarise,
)
from .outlet_homes import Home, headline_town_at_home, place_at_home, standalone_near
from .outlet_homes import homes as outlet_homes

RULES_VERSION = "20"
_report_evidence_of = operator.attrgetter("evidence")
"""A report's evidence, as `cluster` asks for it millions of times at a million rows: set on the report first
(`Report.evidence`), read without a Python function call."""
BOX_DEGREES = 1.0  # candidate incidents by place: within ±1° latitude (and ±1°/cos(lat) longitude)
_EMPTY = Evidence()


def version() -> str:
    """What `incidents.extractor_version` holds: the extractors' version and the rules'."""
    return f"{versions.EXTRACTOR_VERSION}+incidents.{RULES_VERSION}"


@dataclass
class Stats:
    """What one reconciliation did."""

    new_rows: int = 0
    reports: int = 0
    incidents_written: int = 0
    incidents_deleted: int = 0
    candidates: int = 0
    full: bool = False
    seconds: float = 0.0  # CPU seconds of this thread (a run's NLP workers share the cores): `runs.incident_seconds`


_ROW_SQL = """
SELECT e.event_id, e.article_id, e.casualty_kind, e.casualty_count, e.casualty_low, e.casualty_high, e.subset_of,
       coalesce(e.is_cumulative, false), {aggregate}, e.location, e.country_code, e.latitude, e.longitude,
       e.event_date, e.date_text, coalesce(e.sentence, ''), coalesce(e.char_start, 0), e.victims,
       e.casualty_qualifier, a.published_at, a.source, a.title, e.incident_id, {date_source},
       EXISTS (SELECT 1 FROM places p WHERE p.article_id = e.article_id AND p.canonical = e.location
               AND NOT coalesce(e.from_title, false)  -- (a headline row's offsets are in the title)
               AND p.char_start >= greatest(e.sent_start, 3) AND p.char_start < e.sent_end)
       OR NOT EXISTS (SELECT 1 FROM places p WHERE p.article_id = e.article_id AND p.feature = 'city'
               AND (abs(p.latitude - e.latitude) > {lat} OR abs(p.longitude - e.longitude) * cos(radians(e.latitude)) > {lat})
               GROUP BY p.canonical HAVING count(*) >= 2)
       AS place_named, a.story_date
FROM events e JOIN articles a USING (article_id)
WHERE e.event_type = 'casualty' AND {where}
"""


LOCAL_DEGREES = PLACE_KM / 111.0
"""A row's place is *named* (`Row.place_named`, rule 3's specific place) when its own sentence names it (not as the
article's opening dateline), or when the article names no town farther than this from it, north-south or east-west
(a local story: its dateline town is where it happened). Otherwise it is the dateline or main town of an article
that tells of several places ("Ramallah, occupied West Bank –" over reports from Jenin and Nablus)."""


@lru_cache(maxsize=65536)
def _is_coarse(name: str | None) -> bool:
    """A country's or a region's name ("Gaza Strip"): a place that does not say which town."""
    if gazetteer.is_country(name):
        return True
    place = gazetteer.ALIASES.get(gazetteer.normalise(name or ""))
    return place is not None and place.feature == "region"


def _rows(con: duckdb.DuckDBPyConnection, where: str, homes: dict[str, Home | None],
          params: list | None = None) -> list[tuple[Row, str | None]]:
    """Casualty rows as the rules see them, with their current incident id (towns moved to their outlets' `homes`,
    see `outlet_homes.place_at_home`)."""
    cols = {c[0] for c in con.execute("DESCRIBE events").fetchall()}
    aggregate = "coalesce(e.is_aggregate, false)" if "is_aggregate" in cols else "false"
    if "recalled" in cols:  # an earlier incident an article recalls: its day and place are not the article's
        aggregate = f"({aggregate} OR coalesce(e.recalled, false))"
    date_source = "e.date_source" if "date_source" in cols else "NULL"
    table = con.execute(_ROW_SQL.format(aggregate=aggregate, date_source=date_source, where=where, lat=LOCAL_DEGREES),
                        params or []).to_arrow_table()
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    out = []
    for v in zip(*columns):
        row = Row(v[0], v[1], v[2], v[3], v[4], v[5], v[6], bool(v[7]), bool(v[8]), v[9], v[10], v[11], v[12],
                  _is_coarse(v[9]) if v[9] else False, v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21],
                  v[23], place_named=bool(v[24]), story_day=v[25])
        if not row.place_named and row.latitude is not None and row.title:
            town = headline_town(row.title, row.country_code)  # the town the headline names is the story's own
            row.place_named = town is not None and town.location == row.location
        out.append((row, v[22]))
    place_at_home(con, (row for row, _ in out), homes)
    return out


def _ids_table(name: str, values: Iterable[str]) -> pa.Table:
    return pa.table({name: pa.array(sorted(set(values)), pa.string())})


def _register(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register(name, table)


def _new_id(report: Report, taken: set[str]) -> str:
    """A new incident's id: a hash of its first report's first row, made unique against `taken`."""
    n = 0
    while True:
        parts = f"incident\x1f{report.lead.event_id}" + (f"\x1f{n}" if n else "")
        candidate = hashlib.sha1(parts.encode()).hexdigest()[:16]
        if candidate not in taken:
            taken.add(candidate)
            return candidate
        n += 1


def reconcile(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str] | None = None, *, full: bool = False) -> Stats:
    """Reconcile the casualty rows of `article_ids` (every row without an incident when None) into incidents,
    inside the caller's transaction. See the module doc for what is read and written.

    Python's cyclic garbage collector is paused meanwhile: the rows, reports and incidents built here hold
    no cycles, and at a million rows the collector's repeated walks over them cost a third of the time.

    DuckDB runs on one thread meanwhile: a batch's queries are small, and on more threads they cost about twice
    the CPU (GVA in batches of 64 articles: 6.3 s CPU on two threads, 4.3 s on one; a run's NLP workers want
    the other cores anyway). The setting is put back after, unless the transaction failed (a statement cannot
    run in an aborted transaction; the caller rolls back and raises)."""
    started = time.thread_time()
    collecting = gc.isenabled()
    gc.disable()
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute("SET threads = 1")
    try:
        stats = _reconcile(con, article_ids, full)
        stats.seconds = time.thread_time() - started
        return stats
    finally:
        if collecting:
            gc.enable()
        try:
            con.execute(f"SET threads = {int(threads)}")
        except Exception:  # noqa: BLE001 (an aborted transaction: the error that aborted it is on its way up)
            pass


def _reconcile(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str] | None, full: bool) -> Stats:
    stats = Stats()
    current = version()
    if not full:
        full = con.execute("SELECT EXISTS (SELECT 1 FROM incidents WHERE extractor_version IS DISTINCT FROM ?)",
                           [current]).fetchone()[0]  # (EXISTS: a count with a parameter costs ~3 ms a batch)
    previous: dict[str, str] = {}
    if full:
        previous = dict(con.execute("SELECT event_id, incident_id FROM events WHERE incident_id IS NOT NULL").fetchall())
        con.execute("UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL")
        for table in ("incidents", "incident_figures", "incident_keys"):
            con.execute(f"DELETE FROM {table}")  # our own table names
        article_ids = None
        stats.full = True

    homes: dict[str, Home | None] = {}  # outlets' home states, asked once each (`outlet_homes`)

    # 1. new rows
    if article_ids is None:
        fresh = _rows(con, "e.incident_id IS NULL", homes)
    else:
        _register(con, "incident_batch_ids", _ids_table("article_id", article_ids))
        try:
            fresh = _rows(con, "e.incident_id IS NULL AND e.article_id IN (SELECT article_id FROM incident_batch_ids)",
                          homes)
        finally:
            con.unregister("incident_batch_ids")
    stats.new_rows = len(fresh)
    by_article: dict[str, list[Row]] = defaultdict(list)
    for row, _ in fresh:
        by_article[row.article_id].append(row)
    if not full and by_article:
        # the rules read an article's rows together (what it recalls, the parts of a war's toll): an article some
        # of whose rows already report incidents was reconciled whole, and its other rows report none
        _register(con, "incident_fresh_ids", _ids_table("article_id", by_article))
        try:
            for (aid,) in con.execute("SELECT DISTINCT article_id FROM events WHERE incident_id IS NOT NULL "
                                      "AND article_id IN (SELECT article_id FROM incident_fresh_ids)").fetchall():
                del by_article[aid]
        finally:
            con.unregister("incident_fresh_ids")
    reports = [r for aid in sorted(by_article) for r in article_reports(eligible_rows(by_article[aid]))]
    _place_by_headline(con, reports, homes)
    stats.reports = len(reports)

    evidence: dict[str, Evidence] = {}  # by the report's first row's event id
    if reports:
        evidence.update(_report_evidence(con, reports))

    # 2. stale incidents
    stale = {r[0] for r in con.execute(
        "SELECT i.incident_id FROM incidents i LEFT JOIN (SELECT incident_id, count(*) AS n FROM events "
        "WHERE incident_id IS NOT NULL GROUP BY incident_id) c USING (incident_id) "
        "WHERE c.n IS DISTINCT FROM i.reports").fetchall()}

    # 3. candidates, and the rows of every incident we may change
    candidates, common = _candidates(con, reports, evidence) if reports and not full else (set(), set())
    stats.candidates = len(candidates)
    existing = _load_incidents(con, candidates | stale, evidence, homes)

    # 4. the rules
    # An incident left with no rows (its articles were rewritten) gives its id back: the rewritten rows that form it
    # again take the same id, so a batch written twice (two runs at once, a re-run) leaves what one write leaves.
    emptied = {i.incident_id for i in existing if not i.reports}
    taken = ((set() if full else _taken_ids(con, reports)) | {i.incident_id for i in existing}) - emptied
    of_event = evidence.get
    compared = [i for i in existing if i.incident_id in candidates]
    for report in itertools.chain(reports, (r for i in compared for r in i.reports)):
        report.evidence = of_event(report.lead.event_id, _EMPTY)
    touched = cluster(reports, compared, lambda r: _new_id(r, taken), _report_evidence_of, common)
    if previous:
        _keep_previous_ids(touched, previous)
    by_id = {i.incident_id: i for i in existing if i.incident_id in stale}
    by_id.update({i.incident_id: i for i in touched})
    gone = sorted(stale - {i for i, inc in by_id.items() if inc.reports})
    mentions = _mentions(con, {r.article_id for inc in by_id.values() for r in inc.reports}, homes)
    summaries = []
    for _, inc in sorted(by_id.items()):
        if not inc.reports:
            continue
        mine = [m for aid in sorted({r.article_id for r in inc.reports}) for m in mentions.get(aid, ())]
        placed = any(has_place(r.place) for r in inc.reports)
        towns = [] if placed else _headline_towns(inc, homes)
        summaries.append(summarise(inc, mine, towns, None if placed else _home_town(inc, homes), headline_where))
    _write(con, summaries, gone, touched, current)
    stats.incidents_written = len(summaries)
    stats.incidents_deleted = len(gone)
    return stats


def _mentions(con: duckdb.DuckDBPyConnection, article_ids: set[str],
              homes: dict[str, Home | None]) -> dict[str, list[Row]]:
    """The towns each article mentions (`places`), in text order, as rows with coordinates, for the
    incident's place (`incident_rules.supported_place`). A name that is also a state's or province's
    ("Virginia", "Indiana": the gazetteer knows towns by those names abroad) is no town here; nor is a town of a
    page whose figures all come from its headline: its body is not its story (a sign-in box, a teaser's "Best Fish
    Tacos In Malibu" under "2 Girls, 2 Men Shot At Birthday Party In Compton")."""
    if not article_ids:
        return {}
    _register(con, "incident_place_ids", _ids_table("article_id", article_ids))
    try:
        found = con.execute(
            "SELECT p.article_id, p.name, p.canonical, p.country_code, p.latitude, p.longitude, a.source "
            "FROM places p JOIN articles a USING (article_id) "
            "WHERE p.article_id IN (SELECT article_id FROM incident_place_ids) AND p.feature = 'city' "
            "AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL AND EXISTS (SELECT 1 FROM events e "
            "WHERE e.article_id = p.article_id AND e.event_type = 'casualty' AND NOT coalesce(e.from_title, false)) "
            "ORDER BY p.article_id, p.char_start").fetchall()
    finally:
        con.unregister("incident_place_ids")
    states = gazetteer.admin1_names()
    out: dict[str, list[Row]] = defaultdict(list)
    for aid, name, canonical, cc, lat, lon, source in found:
        if gazetteer.normalise(name or "") not in states:
            out[aid].append(Row("", aid, "place", None, location=canonical, country_code=cc, latitude=lat,
                                longitude=lon, source=source))
    place_at_home(con, (m for mine in out.values() for m in mine), homes)
    return out


@lru_cache(maxsize=65536)
def headline_town(title: str | None, country_code: str | None) -> Row | None:
    """`transform.headline.headline_town` as a row with the town's place (see there)."""
    return _place_row(_headline_town(title, country_code))


@lru_cache(maxsize=65536)
def headline_county(title: str, state: str | None) -> Row | None:
    """`transform.headline.headline_county` as a row with the county's place (see there)."""
    return _place_row(_headline_county(title, state))


NEIGHBOURHOOD_TOWN_POPULATION = 10_000
"""A town of fewer people than this, named in a headline over a story from a big city (`STANDALONE_CITIES`), is
likelier that city's neighbourhood of the same name ("Four Hurt In Washington Park Shooting" on CBS Chicago, not
Washington Park, Illinois, 400 km south)."""


def headline_where(title: str | None, place: Row) -> Row | None:
    """`transform.headline.headline_where` in the US state of the incident's place, as a row (rule 4); not a small
    town or a county over a story from a big city (`NEIGHBOURHOOD_TOWN_POPULATION`), nor the reports' own town
    (another of its namesakes in the state: the reports settled which)."""
    if place.country_code != "US" or place.latitude is None or place.longitude is None:
        return None
    said = _headline_where(title, gazetteer.admin1_at(place.latitude, place.longitude, "US"))
    if said is None or gazetteer.same_name(said.canonical, place.location or ""):
        return None  # (the town the reports are in: which of its namesakes they settled)
    if said.population < NEIGHBOURHOOD_TOWN_POPULATION and standalone_near(place.latitude, place.longitude) is not None:
        return None
    return _place_row(said)


def _place_row(place: gazetteer.Place | None) -> Row | None:
    if place is None:
        return None
    return Row("", "", "place", None, location=place.canonical, country_code=place.country_code,
               latitude=place.latitude, longitude=place.longitude)


def _place_by_headline(con: duckdb.DuckDBPyConnection, reports: Sequence[Report], homes: dict[str, Home | None],
                       first_only: bool = True) -> None:
    """Rule 2's last resort, here because it needs the gazetteer: an article's first report (its headline
    incident) without a town is placed at the town its headline names. `first_only=False` for reports rebuilt
    from stored rows, where an article's other reports sit in other incidents; a report that was not its
    article's first may then take its headline's town too, which only ever adds a place.

    A report whose rows name no country at all (a page whose body is a sign-in box under "Sacramento teen killed
    by apparent accidental gunshot") reads its headline's town as its outlet's home says
    (`outlet_homes.headline_town_at_home`)."""
    first: dict[str, Report] = {}
    for r in reports:
        if first_only and (r.article_id not in first or r.lead.char_start < first[r.article_id].lead.char_start):
            first[r.article_id] = r
    chosen = list(first.values() if first_only else reports)
    sources = {r.source for r in chosen if r.place is None and r.title and r.source} - homes.keys()
    if sources:
        found = outlet_homes(con, sources)
        homes.update({source: found.get(source) for source in sources})
    for r in chosen:
        if r.place is None and r.title:
            country = _main_country(r.rows)
            if country is not None:
                r.place = headline_town(r.title, country)
            else:
                r.place = _headline_town_at_home(r.title, homes.get(r.source or ""))


@lru_cache(maxsize=65536)
def _headline_town_at_home(title: str, home: Home | None) -> Row | None:
    """`outlet_homes.headline_town_at_home` of the headline's town: read in the US first where the outlet has a
    home (homes are US states: "Smyrna" is then Smyrna, Georgia, not İzmir, before it moves home)."""
    town = (_headline_town(title, "US") if home is not None else None) or _headline_town(title, None)
    return _place_row(headline_town_at_home(town, home) if town is not None else None)


def _main_country(rows: Iterable[Row]) -> str | None:
    """The country most of the rows are in (ties: the first counted), for reading a headline's town there."""
    countries = Counter(r.country_code for r in rows if r.country_code)
    return countries.most_common(1)[0][0] if countries else None


def _headline_towns(incident: Incident, homes: dict[str, Home | None]) -> list[Row]:
    """The towns the headlines of an incident's reports name, earliest report first (for an incident its
    reports put in no town); then the counties they name, in their outlets' home states ("Five injured in Johnston
    County shooting" on a Raleigh station: Johnston County, North Carolina; `outlet_homes`)."""
    country = _main_country(r for rep in incident.reports for r in rep.rows)
    reports = [r for r in sorted(incident.reports, key=lambda r: r.key) if r.title]
    towns = [t for t in (headline_town(r.title, country) if country is not None else
                         _headline_town_at_home(r.title, homes.get(r.source or "")) for r in reports) if t is not None]
    counties = []
    for r in reports:
        home = homes.get(r.source or "")
        county = headline_county(r.title, home.state if home is not None else None)
        if county is not None:
            counties.append(county)
    return towns + counties


def _home_town(incident: Incident, homes: dict[str, Home | None]) -> Row | None:
    """The town the outlet of its first report (in the rules' order) that has a home names most there
    (`outlet_homes.Home.town`): where a local outlet's report that names no place at all most likely happened
    (kmov.com's "Young man found shot on Frontenac street": St. Louis); else the city the web address of its first
    report's outlet names (`places.outlet_city`: "baltimoresun.com", an outlet with too few articles here to have a
    home). The last resort of rule 4, marked `place_source = 'outlet home'`."""
    reports = sorted(incident.reports, key=lambda r: r.key)
    for report in reports:
        home = homes.get(report.source or "")
        if home is not None and home.town is not None:
            return Row("", "", "place", None, location=home.town, country_code="US", latitude=home.town_latitude,
                       longitude=home.town_longitude)
    for report in reports:
        city = outlet_city(f"http://{report.source}/", None) if report.source and "." in report.source else None
        if city is not None:
            return Row("", "", "place", None, location=city.canonical, country_code=city.country_code,
                       latitude=city.latitude, longitude=city.longitude)
    return None


def _keep_previous_ids(touched: Sequence[Incident], previous: dict[str, str]) -> None:
    """After a rebuild, each incident takes back the id most of its rows had (largest incidents first; ties
    to the smallest id), so ids survive a rebuild wherever the grouping does."""
    claimed: set[str] = set()
    fresh: list[Incident] = []
    for incident in sorted(touched, key=lambda i: (-sum(len(r.rows) for r in i.reports), i.incident_id)):
        votes: dict[str, int] = defaultdict(int)
        for report in incident.reports:
            for row in report.rows:
                if row.event_id in previous:
                    votes[previous[row.event_id]] += 1
        options = sorted((-n, old) for old, n in votes.items() if old not in claimed)
        if options:
            incident.incident_id = options[0][1]
            claimed.add(incident.incident_id)
        else:
            fresh.append(incident)
    for incident in fresh:
        if incident.incident_id in claimed:
            incident.incident_id = _new_id(min(incident.reports, key=lambda r: r.key), claimed | {incident.incident_id})
        claimed.add(incident.incident_id)


def rebuild(con: duckdb.DuckDBPyConnection) -> Stats:
    """Every incident again from every casualty row; an incident keeps the id most of its rows had."""
    return reconcile(con, full=True)


def reconcile_in_transaction(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str] | None = None,
                             *, full: bool = False) -> Stats:
    """`reconcile` in a transaction of its own, for callers that hold none (benchmarks, tools)."""
    con.begin()
    try:
        stats = reconcile(con, article_ids, full=full)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return stats


def settle(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> Stats:
    """A run's articles reconciled once more, all together, in a transaction of its own: what its batches
    filed is taken back and filed again in the canonical order (see "Order" in the rules), so a run's incidents
    do not depend on the order its articles arrived in, and a first run into an empty database gives what a
    full rebuild gives. Incidents of earlier runs keep their ids and their earlier reports; one this run opened
    is formed again under the same id when its first report is the same. Killed meanwhile, the batches' incidents
    stay as they were."""
    started = time.thread_time()
    ids = list(dict.fromkeys(article_ids))
    con.begin()
    try:
        _register(con, "incident_settle_ids", _ids_table("article_id", ids))
        try:
            con.execute("UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL "
                        "AND article_id IN (SELECT article_id FROM incident_settle_ids)")
        finally:
            con.unregister("incident_settle_ids")
        stats = reconcile(con, ids)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    stats.seconds = time.thread_time() - started
    return stats


def _report_evidence(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> dict[str, Evidence]:
    """Evidence of new reports, by their first row's event id; stored in `incident_keys`, replacing what
    their articles had. A report reads the text around its own figures (`incident_evidence.context`), and
    an article's first report (its headline incident) its title too: a report does not borrow the names
    of the rest of a long article (officials, background) or of the article's other incidents."""
    by_article: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_article[r.article_id].append(r)
    _register(con, "incident_batch_ids", _ids_table("article_id", by_article))
    try:
        texts = con.execute("SELECT article_id, title, body FROM articles "
                            "WHERE article_id IN (SELECT article_id FROM incident_batch_ids)").fetchall()
        con.execute("DELETE FROM incident_keys WHERE article_id IN (SELECT article_id FROM incident_batch_ids)")
    finally:
        con.unregister("incident_batch_ids")
    out: dict[str, Evidence] = {}
    key_articles: list[str] = []
    key_events: list[str] = []
    key_values: list[list[str]] = []  # each report's keys, one list a report (unnested by DuckDB)
    for aid, title, body in texts:
        body = body or ""
        mine = by_article[aid]
        if len(mine) > 1:
            mine = sorted(mine, key=lambda r: r.lead.char_start)
        for i, report in enumerate(mine):
            sentences = list(dict.fromkeys(r.sentence for r in report.rows))
            if i == 0 and len(body) <= SHORT_ARTICLE:
                text = body  # what `context` gives an article's first report when the article is short
            else:
                text = context(body, [(r.char_start, r.char_start + len(r.sentence)) for r in report.rows], i == 0)
            ev = evidence_of(title if i == 0 else None, text, sentences)
            event_id = report.lead.event_id
            out[event_id] = ev
            found = as_keys(ev)
            if found:
                key_articles.append(aid)
                key_events.append(event_id)
                key_values.append(found)
    if key_values:
        _register(con, "incident_new_keys", pa.table({"article_id": key_articles, "event_id": key_events,
                                                       "keys": pa.array(key_values, pa.list_(pa.string()))}))
        try:
            con.execute("INSERT INTO incident_keys BY NAME "
                        "SELECT article_id, event_id, unnest(keys) AS key FROM incident_new_keys")
        finally:
            con.unregister("incident_new_keys")
    return out


def _anchor(report: Report) -> date | None:
    return report.day or report.published


def _candidates(con: duckdb.DuckDBPyConnection, reports: Sequence[Report],
                evidence: dict[str, Evidence]) -> tuple[set[str], set[str]]:
    """Incidents within reach of the new reports (the same blocking as `incident_rules.Index`): near in time
    and place, or sharing a name or street that not too many incidents share, or the same toll (a mass-casualty
    one anywhere; a `court_toll` in the same town); and the keys too many share (no evidence, see the rules)."""
    boxes = {"lo": [], "hi": [], "lat": [], "lon": []}
    keys: dict[str, set[tuple[int, int]]] = defaultdict(set)
    tolls = {"killed": [], "lo": [], "hi": []}
    courts = {"report": [], "killed": [], "lo": [], "hi": [], "lat": [], "lon": []}  # `court_toll`s placed
    for r in reports:
        anchor = _anchor(r)
        if anchor is None:
            continue
        day = anchor.toordinal()
        if has_place(r.place):
            for name, value in (("lo", day - PLACE_REACH), ("hi", day + PLACE_REACH), ("lat", r.place.latitude),
                                ("lon", r.place.longitude)):
                boxes[name].append(value)
        for k in evidence.get(r.lead.event_id, _EMPTY).keys:
            keys[k].add((day - key_reach(k), day + key_reach(k)))
        toll = big_toll(r)
        if toll is not None:
            for name, value in (("killed", toll), ("lo", day - key_reach("toll")), ("hi", day + key_reach("toll"))):
                tolls[name].append(value)
        toll = court_toll(r) if has_place(r.place) else None
        if toll is not None:
            for name, value in (("report", len(courts["report"])), ("killed", toll), ("lo", day - KEY_REACH),
                                ("hi", day + KEY_REACH), ("lat", r.place.latitude), ("lon", r.place.longitude)):
                courts[name].append(value)
    found: set[str] = set()
    common: set[str] = set()
    day = "(date_diff('day', DATE '0001-01-01', {}) + 1)"
    if boxes["lo"]:
        _register(con, "incident_boxes", pa.table(boxes))
        try:
            found |= {r[0] for r in con.execute(
                "SELECT DISTINCT i.incident_id FROM incidents i JOIN incident_boxes b "
                f"ON {day.format('i.incident_date')} BETWEEN b.lo AND b.hi "
                f"AND i.latitude BETWEEN b.lat - {BOX_DEGREES} AND b.lat + {BOX_DEGREES} "
                f"AND abs(i.longitude - b.lon) * cos(radians(b.lat)) <= {BOX_DEGREES}").fetchall()}
        finally:
            con.unregister("incident_boxes")
    if tolls["killed"]:
        _register(con, "incident_tolls", pa.table(tolls))
        try:
            found |= {r[0] for r in con.execute(
                "SELECT DISTINCT i.incident_id FROM incidents i JOIN incident_tolls t "
                f"ON i.killed = t.killed AND {day.format('i.incident_date')} BETWEEN t.lo AND t.hi").fetchall()}
        finally:
            con.unregister("incident_tolls")
    if courts["killed"]:  # the same toll in the same town within `KEY_REACH`, unless more than a few incidents have it
        # (any incident of that toll: the rules then ask that one of the two reports be a court story)
        _register(con, "incident_courts", pa.table(courts))
        try:
            near: dict[int, set[str]] = defaultdict(set)
            for report, incident_id in con.execute(
                    "SELECT DISTINCT c.report, i.incident_id FROM incidents i JOIN incident_courts c "
                    f"ON i.killed = c.killed AND {day.format('i.incident_date')} BETWEEN c.lo AND c.hi "
                    f"AND i.latitude BETWEEN c.lat - {BOX_DEGREES} AND c.lat + {BOX_DEGREES} "
                    f"AND abs(i.longitude - c.lon) * cos(radians(c.lat)) <= {BOX_DEGREES}").fetchall():
                near[report].add(incident_id)
        finally:
            con.unregister("incident_courts")
        for ids in near.values():
            if len(ids) <= MAX_KEY_INCIDENTS:
                found |= ids
    if keys:
        _register(con, "incident_batch_keys", pa.table({"key": pa.array(sorted(keys), pa.string())}))
        try:  # equi-joins only (fast); the date window and the cap are applied here
            matches = con.execute(
                "SELECT k.key, e.incident_id, i.incident_date FROM incident_batch_keys b JOIN incident_keys k USING (key) "
                "JOIN events e ON e.event_id = k.event_id JOIN incidents i ON i.incident_id = e.incident_id").fetchall()
        finally:
            con.unregister("incident_batch_keys")
        by_key: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for key, incident_id, day in matches:
            if day is not None:
                by_key[key].add((day.toordinal(), incident_id))
        for key, windows in keys.items():
            for lo, hi in windows:
                near = {iid for day, iid in by_key.get(key, ()) if lo <= day <= hi}
                if len(near) <= MAX_KEY_INCIDENTS:
                    found |= near
                else:
                    common.add(key)
    return found, common


def _load_incidents(con: duckdb.DuckDBPyConnection, ids: set[str], evidence: dict[str, Evidence],
                    homes: dict[str, Home | None]) -> list[Incident]:
    """Existing incidents with their member reports (rows grouped by article), and their articles' evidence."""
    if not ids:
        return []
    _register(con, "incident_wanted", _ids_table("incident_id", ids))
    try:
        rows = _rows(con, "e.incident_id IN (SELECT incident_id FROM incident_wanted)", homes)
        keys = con.execute(
            "SELECT k.event_id, list(k.key ORDER BY k.key) FROM incident_keys k WHERE k.event_id IN "
            "(SELECT event_id FROM events WHERE incident_id IN (SELECT incident_id FROM incident_wanted)) "
            "GROUP BY k.event_id").fetchall()
    finally:
        con.unregister("incident_wanted")
    for event_id, report_keys in keys:
        evidence.setdefault(event_id, from_keys(report_keys))
    grouped: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row, incident_id in rows:
        grouped[incident_id][row.article_id].append(row)
    out = []
    for incident_id in sorted(ids):
        members = grouped.get(incident_id, {})
        out.append(Incident(incident_id, [report_of(members[aid]) for aid in sorted(members)]))
    _place_by_headline(con, [r for inc in out for r in inc.reports], homes, first_only=False)
    return out


def _taken_ids(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> set[str]:
    """Stored incident ids a new incident could collide with (its first row's hash, and the next few)."""
    wanted = []
    for r in reports:
        for n in range(3):
            parts = f"incident\x1f{r.lead.event_id}" + (f"\x1f{n}" if n else "")
            wanted.append(hashlib.sha1(parts.encode()).hexdigest()[:16])
    if not wanted:
        return set()
    _register(con, "incident_maybe", _ids_table("incident_id", wanted))
    try:
        return {r[0] for r in con.execute(
            "SELECT incident_id FROM incidents WHERE incident_id IN (SELECT incident_id FROM incident_maybe)").fetchall()}
    finally:
        con.unregister("incident_maybe")


@lru_cache(maxsize=65536)
def _admin1_of(location: str | None, latitude: float, longitude: float, country_code: str | None) -> str | None:
    known = gazetteer.lookup(location) if location else None
    if known is not None and known.admin1 and (known.latitude, known.longitude) == (latitude, longitude):
        return known.admin1  # the gazetteer entry itself (a region's point may be far from its towns)
    return gazetteer.admin1_at(latitude, longitude, country_code)


def _admin1(place: Row | None) -> str | None:
    """The admin1 of an incident's place, from the offline gazetteer."""
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return _admin1_of(place.location, place.latitude, place.longitude, place.country_code)


def _incident_table(summaries: Sequence[Summary], version_: str) -> pa.Table:
    def fig(s: Summary, kind: str, i: int) -> int | None:
        f = s.figures.get(kind)
        return f[i] if f else None

    places = [s.place for s in summaries]
    return pa.table({
        "incident_id": pa.array([s.incident_id for s in summaries], pa.string()),
        "incident_date": pa.array([s.incident_date for s in summaries], pa.date32()),
        "location": pa.array([p.location if p else None for p in places], pa.string()),
        "admin1": pa.array([_admin1(p) for p in places], pa.string()),
        "country_code": pa.array([p.country_code if p else None for p in places], pa.string()),
        "latitude": pa.array([p.latitude if p else None for p in places], pa.float64()),
        "longitude": pa.array([p.longitude if p else None for p in places], pa.float64()),
        **{f"{kind}{suffix}": pa.array([fig(s, kind, i) for s in summaries], pa.int64())
           for kind in ("killed", "wounded") for i, suffix in enumerate(("", "_low", "_high"))},
        "reports": pa.array([s.reports for s in summaries], pa.int64()),
        "articles": pa.array([s.articles for s in summaries], pa.int64()),
        "sources": pa.array([s.sources for s in summaries], pa.int64()),
        "first_published": pa.array([s.first_published for s in summaries], pa.date32()),
        "last_published": pa.array([s.last_published for s in summaries], pa.date32()),
        "headline": pa.array([s.headline for s in summaries], pa.string()),
        "place_source": pa.array([s.place_source for s in summaries], pa.string()),
        "evidence_event_id": pa.array([s.evidence_event_id for s in summaries], pa.string()),
        "extractor_version": pa.array([version_] * len(summaries), pa.string()),
    })


def _write(con: duckdb.DuckDBPyConnection, summaries: Sequence[Summary], gone: Sequence[str],
           touched: Sequence[Incident], version_: str) -> None:
    """Replace the touched incidents' rows, drop the empty ones, point the new rows at their incidents."""
    ids = [s.incident_id for s in summaries] + list(gone)
    if ids:
        _register(con, "incident_written", _ids_table("incident_id", ids))
        try:
            for table in ("incidents", "incident_figures"):
                con.execute(f"DELETE FROM {table} WHERE incident_id IN (SELECT incident_id FROM incident_written)")
        finally:
            con.unregister("incident_written")
    if summaries:
        _register(con, "incident_rows", _incident_table(summaries, version_))
        figures = [(s.incident_id, kind, *f) for s in summaries for kind, f in sorted(s.figures.items())]
        _register(con, "incident_figure_rows", pa.table({
            "incident_id": pa.array([f[0] for f in figures], pa.string()),
            "casualty_kind": pa.array([f[1] for f in figures], pa.string()),
            **{name: pa.array([f[i] for f in figures], pa.int64())
               for i, name in enumerate(("best", "low", "high", "reports"), start=2)},
        }))
        try:
            con.execute("INSERT INTO incidents BY NAME SELECT * FROM incident_rows")
            con.execute("INSERT INTO incident_figures BY NAME SELECT * FROM incident_figure_rows")
        finally:
            con.unregister("incident_rows")
            con.unregister("incident_figure_rows")
    assignments = [(row.event_id, inc.incident_id) for inc in touched for rep in inc.reports for row in rep.rows]
    if assignments:
        _register(con, "incident_assign", pa.table({
            "event_id": pa.array([a[0] for a in assignments], pa.string()),
            "incident_id": pa.array([a[1] for a in assignments], pa.string()),
        }))
        try:
            con.execute("UPDATE events SET incident_id = m.incident_id FROM incident_assign m "
                        "WHERE events.event_id = m.event_id AND events.incident_id IS DISTINCT FROM m.incident_id")
        finally:
            con.unregister("incident_assign")
    if summaries:
        _write_types(con, [s.incident_id for s in summaries])


GENERIC_SUBCATEGORIES = ("Other", "Attack", "Armed clash")
"""Sub-event types that say least about how: one of them counts a third of its rows against a type that says more
("Air/drone strike" two rows to "Attack"'s five is the strike)."""
HARMLESS_SUBCATEGORIES = ("Peaceful protest", "Protest with intervention")
"""With the category "Strategic developments": acts that hurt no one (an arrest, a peaceful march, looting). An
incident of casualties takes one only when its figures point to no other act (a gunman's arrest told beside 35
rows of the airport shooting is not what happened)."""


def _sql_list(values: Sequence[str]) -> str:
    """Our own constants as a SQL list literal, written into a statement: bound as a parameter a list costs ~6 ms a
    batch."""
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


_GENERIC_LIST, _HARMLESS_LIST = _sql_list(GENERIC_SUBCATEGORIES), _sql_list(HARMLESS_SUBCATEGORIES)


def _write_types(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """What happened, on each written incident: the ACLED type of the acts its casualty rows point to
    (`events.action_id`): an act that hurts someone before one that hurts no one (`HARMLESS_SUBCATEGORIES`), then
    the one most rows point to, a generic type's rows ("Attack") counting a third (`GENERIC_SUBCATEGORIES`), then a
    specific type before a generic one, then the first by name. NULL when no figure has an act."""
    _register(con, "incident_typed", _ids_table("incident_id", ids))
    try:
        con.execute("""
            UPDATE incidents SET category = t.category, subcategory = t.subcategory
            FROM (
                SELECT incident_id, category, subcategory,
                       row_number() OVER (PARTITION BY incident_id
                                          ORDER BY category = 'Strategic developments' OR list_contains({harmless}, subcategory),
                                                   CASE WHEN list_contains({generic}, subcategory) THEN n / 3.0 ELSE n END DESC,
                                                   list_contains({generic}, subcategory), subcategory) AS rank
                FROM (SELECT f.incident_id, a.category, a.subcategory, count(*) AS n
                      FROM events f JOIN events a ON a.event_id = f.action_id
                      WHERE f.incident_id IN (SELECT incident_id FROM incident_typed) AND a.subcategory IS NOT NULL
                      GROUP BY f.incident_id, a.category, a.subcategory)
            ) t
            WHERE t.rank = 1 AND incidents.incident_id = t.incident_id""".format(generic=_GENERIC_LIST, harmless=_HARMLESS_LIST))
    finally:
        con.unregister("incident_typed")
