"""Pure query functions for the dashboard: a DuckDB connection in, a DataFrame out; no Streamlit here.

Every query reads the analyst tables and views (load/schema.sql, and the incidents contract of issue 12:
`incidents`, `incident_reports`, `daily_deaths_by_place` counted over incidents), so the dashboard shows
what an analyst's SQL would. User input (filters, the search box, the chosen article or incident) only
ever travels as a bound parameter. Deaths are counted over incidents, each once (its `killed`), never by
summing the reports of it: ten outlets reporting one shooting are one incident.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import duckdb
import pandas as pd

from ..load.catalog import columns
from ..transform.events import BY_NAME, EVENT_TYPES

NO_PLACE = "place not given"
NO_CATEGORY = "(no category)"
OTHER = "other"
PLAUSIBLE_DAYS = 366
LEVELS = {"admin1": "state / province", "location": "city / place", "country": "country"}


# ---- what the database holds ------------------------------------------------------------------------------

def relations(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Every table and view with its columns: the page adapts to an older database instead of failing."""
    return {name: {c for c, _ in cols} for name, cols in columns(con).items()}


def has_incidents(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this database has incidents (issue 12) to show. An older database (upgraded, so the table is
    there but empty) or an empty one gets a notice instead of an empty map."""
    rel = relations(con)
    if "incidents" not in rel or "incident_reports" not in rel:
        return False
    return con.execute("SELECT EXISTS (SELECT 1 FROM incidents)").fetchone()[0]


def _incidents_source(con: duckdb.DuckDBPyConnection) -> str:
    """`incidents` as a FROM item, with NULL `category`/`subcategory` where the database predates them."""
    cols = relations(con).get("incidents", set())
    extra = [f"CAST(NULL AS VARCHAR) AS {c}" for c in ("category", "subcategory") if c not in cols]
    return f"(SELECT *{''.join(', ' + e for e in extra)} FROM incidents) i"


# ---- filters -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed the page to; empty means everything. Hashable (a cache key)."""
    start: date | None = None
    end: date | None = None
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()   # ACLED event types; NO_CATEGORY stands for none
    sources: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()  # registered event types, for the events section


def _where(f: Filters, day: str, lists: list[tuple[str, tuple[str, ...]]]) -> tuple[list[str], list]:
    """The clauses every section shares: `day` within the date range, and each (column, chosen values) pair's
    column among its values. Columns are this module's constants; values travel as parameters."""
    clauses, params = ["TRUE"], []
    if f.start is not None:
        clauses.append(f"{day} >= ?")
        params.append(f.start)
    if f.end is not None:
        clauses.append(f"{day} <= ?")
        params.append(f.end)
    for column, values in lists:
        if values:
            clauses.append(f"list_contains(?::VARCHAR[], {column})")
            params.append(list(values))
    return clauses, params


def _incident_where(f: Filters) -> tuple[str, list]:
    clauses, params = _where(f, "i.incident_date", [("i.country_code", f.countries), ("i.admin1", f.admin1)])
    if f.categories:
        clauses.append("list_contains(?::VARCHAR[], coalesce(i.category, ?))")
        params += [list(f.categories), NO_CATEGORY]
    if f.sources:
        clauses.append("EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = i.incident_id "
                       "AND list_contains(?::VARCHAR[], r.source))")
        params.append(list(f.sources))
    return " AND ".join(clauses), params


@dataclass
class Options:
    """The choices the filters offer, from the data."""
    date_min: date | None
    date_max: date | None
    published_min: date | None
    published_max: date | None
    places: pd.DataFrame = field(default_factory=pd.DataFrame)      # country_code, admin1, incidents
    categories: list[str] = field(default_factory=list)
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)     # source, articles
    plausible_min: date | None = None   # incident dates from a year before the first report to the last one
    plausible_max: date | None = None


def _day(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def options(con: duckdb.DuckDBPyConnection) -> Options:
    """Date bounds, places, categories and sources to filter by (incidents' own, when there are incidents)."""
    sources = con.sql("SELECT coalesce(source, '') AS source, count(*)::BIGINT AS articles FROM articles "
                      "GROUP BY ALL ORDER BY articles DESC, source").df()
    if not has_incidents(con):
        lo, hi = con.sql("SELECT min(published_at), max(published_at) FROM articles").fetchone()
        return Options(_day(lo), _day(hi), _day(lo), _day(hi), pd.DataFrame(columns=["country_code", "admin1", "incidents"]),
                       [], sources)
    src = _incidents_source(con)
    dmin, dmax, pmin, pmax = con.sql(f"SELECT min(incident_date), max(incident_date), min(first_published), "
                                     f"max(last_published) FROM {src}").fetchone()
    qmin, qmax = con.execute(f"SELECT min(incident_date), max(incident_date) FROM {src} WHERE incident_date "
                             f"BETWEEN ?::DATE - INTERVAL {int(PLAUSIBLE_DAYS)} DAY AND ?::DATE",
                             [pmin, pmax]).fetchone() if pmin is not None else (None, None)
    places = con.sql(f"SELECT country_code, admin1, count(*)::BIGINT AS incidents FROM {src} "
                     "WHERE country_code IS NOT NULL GROUP BY ALL ORDER BY incidents DESC, country_code, admin1").df()
    categories = [r[0] for r in con.execute(
        f"SELECT coalesce(category, ?) AS c FROM {src} GROUP BY c ORDER BY count(*) DESC, c", [NO_CATEGORY]).fetchall()]
    return Options(_day(dmin), _day(dmax), _day(pmin), _day(pmax), places, categories, sources,
                   _day(qmin), _day(qmax))


def default_dates(opts: Options) -> tuple[date | None, date | None]:
    """The date range the page opens on: the incidents dated from a year before the first report to the
    last report. A date read from an age ("34" as 1934) or a typo cannot stretch the axis across decades;
    those incidents stay one click away (widen the range)."""
    if opts.plausible_min is not None and opts.plausible_max is not None:
        return opts.plausible_min, opts.plausible_max
    return opts.date_min, opts.date_max


# ---- incidents ------------------------------------------------------------------------------------------------

def headline(con: duckdb.DuckDBPyConnection, f: Filters) -> dict:
    """Incidents, deaths and wounded (each incident once), and what summing every report would say instead."""
    src = _incidents_source(con)
    where, params = _incident_where(f)
    row = con.execute(f"""
        WITH chosen AS (SELECT i.* FROM {src} WHERE {where})
        SELECT (SELECT count(*) FROM chosen),
               (SELECT coalesce(sum(killed), 0) FROM chosen),
               (SELECT coalesce(sum(wounded), 0) FROM chosen),
               (SELECT count(DISTINCT article_id) FROM incident_reports WHERE incident_id IN (SELECT incident_id FROM chosen)),
               (SELECT count(DISTINCT source) FROM incident_reports WHERE incident_id IN (SELECT incident_id FROM chosen)),
               (SELECT coalesce(sum(casualty_count), 0) FROM incident_reports
                WHERE incident_id IN (SELECT incident_id FROM chosen) AND casualty_kind = 'killed' AND subset_of IS NULL)
    """, params).fetchone()
    keys = ("incidents", "killed", "wounded", "articles", "sources", "killed_summing_reports")
    return {k: int(v or 0) for k, v in zip(keys, row)}


def incidents(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """The incidents the filters keep, gravest first: what the map draws and the incident table lists."""
    src = _incidents_source(con)
    where, params = _incident_where(f)
    return con.execute(f"""
        SELECT i.incident_id, i.incident_date, i.location, i.admin1, i.country_code, i.latitude, i.longitude,
               i.killed, i.killed_low, i.killed_high, i.wounded, i.wounded_low, i.wounded_high,
               i.reports, i.articles, i.sources, i.first_published, i.last_published, i.headline,
               coalesce(i.category, ?) AS category, i.subcategory
        FROM {src} WHERE {where}
        ORDER BY i.killed DESC NULLS LAST, i.wounded DESC NULLS LAST, i.incident_date DESC NULLS LAST, i.incident_id
    """, [NO_CATEGORY, *params]).df()


def place_label(level: str) -> str:
    """SQL for an incident's place at `level` (admin1, location or country), NO_PLACE when unknown."""
    if level == "country":
        return "coalesce(i.country_code, ?)"
    if level == "admin1":
        return "coalesce(i.admin1 || coalesce(' (' || i.country_code || ')', ''), ?)"
    return "coalesce(i.location || coalesce(', ' || i.admin1, ''), ?)"


def deaths_over_time(con: duckdb.DuckDBPyConnection, f: Filters, unit: str, level: str) -> pd.DataFrame:
    """Deaths per `unit` (day, week, month) and place, over incidents (each once): `bucket, place, killed,
    incidents`. Unfiltered, its sum is that of `daily_deaths_by_place` over the same dates."""
    if unit not in ("day", "week", "month"):
        raise ValueError(unit)
    src = _incidents_source(con)
    where, params = _incident_where(f)
    return con.execute(f"""
        SELECT date_trunc('{unit}', i.incident_date)::DATE AS bucket, {place_label(level)} AS place,
               sum(i.killed)::BIGINT AS killed, count(*)::BIGINT AS incidents
        FROM {src} WHERE {where} AND i.killed IS NOT NULL AND i.incident_date IS NOT NULL
        GROUP BY ALL ORDER BY bucket, place
    """, [NO_PLACE, *params]).df()


def daily_deaths_view(con: duckdb.DuckDBPyConnection, start: date | None = None, end: date | None = None) -> int:
    """Deaths in `daily_deaths_by_place` between two dates: the number an analyst's SQL gives."""
    return int(con.execute("SELECT coalesce(sum(killed), 0) FROM daily_deaths_by_place WHERE day IS NOT NULL "
                           "AND (? IS NULL OR day >= ?) AND (? IS NULL OR day <= ?)",
                           [start, start, end, end]).fetchone()[0])


def incident_reports(con: duckdb.DuckDBPyConnection, incident_id: str) -> pd.DataFrame:
    """Every report of one incident (incident_reports): outlet, date, figure, sentence, title, URL."""
    return con.execute("""
        SELECT published_at, source, casualty_kind, casualty_count, casualty_qualifier, reported_by, sentence,
               title, url, is_evidence, article_id, event_id
        FROM incident_reports WHERE incident_id = ?
        ORDER BY published_at NULLS LAST, source, article_id, char_start, event_id
    """, [incident_id]).df()


def incident(con: duckdb.DuckDBPyConnection, incident_id: str) -> dict | None:
    """One incident's row (for the drill-down's heading)."""
    df = con.execute(f"SELECT i.* FROM {_incidents_source(con)} WHERE i.incident_id = ?", [incident_id]).df()
    return None if df.empty else df.iloc[0].to_dict()


# ---- events of every registered type ------------------------------------------------------------------------

def _event_where(f: Filters) -> tuple[str, list]:
    """Filters that events carry: dates (their day), country, source, event type."""
    clauses, params = _where(f, "t.day", [("t.country_code", f.countries), ("t.source", f.sources),
                                          ("t.event_type", f.event_types)])
    return " AND ".join(clauses), params


def events_over_time(con: duckdb.DuckDBPyConnection, f: Filters, unit: str) -> pd.DataFrame:
    """Events per `unit` and registered type (event_timeline): `bucket, event_type, events`."""
    if unit not in ("day", "week", "month"):
        raise ValueError(unit)
    where, params = _event_where(f)
    return con.execute(f"""
        SELECT date_trunc('{unit}', t.day)::DATE AS bucket, t.event_type, count(*)::BIGINT AS events
        FROM event_timeline t WHERE {where} AND t.day IS NOT NULL
        GROUP BY ALL ORDER BY bucket, t.event_type
    """, params).df()


def search_events(con: duckdb.DuckDBPyConnection, f: Filters, search: str = "", limit: int = 500) -> pd.DataFrame:
    """Events, newest first; `search` matches who, what (quote or sentence) or title (case-insensitive, literal)."""
    term = search.strip().lower()
    where, params = _event_where(f)
    return con.execute(f"""
        SELECT t.day, t.event_type, t.actor, coalesce(t.quote, t.sentence) AS what, t.category, t.subcategory,
               t.casualty_kind, t.casualty_count, t.location, t.source, t.title, t.url, t.article_id, t.event_id
        FROM event_timeline t
        WHERE {where}
          AND (? = '' OR contains(lower(coalesce(t.actor, '')), ?) OR contains(lower(coalesce(t.quote, t.sentence, '')), ?)
               OR contains(lower(coalesce(t.title, '')), ?))
        ORDER BY t.day DESC NULLS LAST, t.event_type, t.actor, t.event_id
        LIMIT ?
    """, [*params, term, term, term, term, int(limit)]).df()


# ---- articles -----------------------------------------------------------------------------------------------

def articles(con: duckdb.DuckDBPyConnection, search: str = "", limit: int = 500) -> pd.DataFrame:
    """Articles that have events, newest first, for the article picker (a title search narrows a big list)."""
    term = search.strip().lower()
    return con.execute("""
        SELECT a.article_id, a.title, a.published_at, a.source, count(e.event_id) AS events
        FROM articles a JOIN events e USING (article_id)
        WHERE ? = '' OR contains(lower(coalesce(a.title, '')), ?)
        GROUP BY ALL ORDER BY a.published_at DESC NULLS LAST, a.title, a.article_id
        LIMIT ?
    """, [term, term, int(limit)]).df()


@dataclass
class ArticleView:
    title: str
    url: str | None
    source: str | None
    published_at: object
    body: str
    events: pd.DataFrame  # event_id, event_type, char_start, char_end, actor, quote, casualty_kind, casualty_count


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleView | None:
    """One article's text and the spans its events came from."""
    row = con.execute("SELECT title, url, source, published_at, body FROM articles WHERE article_id = ?",
                      [article_id]).fetchone()
    if row is None:
        return None
    events = con.execute("""
        SELECT event_id, event_type, char_start, char_end, actor, quote, casualty_kind, casualty_count,
               category, subcategory, target, location, day
        FROM event_timeline WHERE article_id = ? ORDER BY char_start, char_end
    """, [article_id]).df()
    return ArticleView(row[0] or "", row[1], row[2], row[3], row[4] or "", events)


# ---- text from articles is data, never markup -----------------------------------------------------------------

def safe_url(url: object) -> str | None:
    """`url` if it is an http(s) URL with a host, else None: nothing else (javascript:, data:, relative) becomes a link."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in text for c in "\"'<> \t\n\r"):
        return None
    return text


def text_html(value: object) -> str:
    """Text as HTML that shows every character as written (for st.html, which never reads markdown)."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


def link_html(url: object, text: str = "source") -> str:
    """An <a> to `url` if it is http(s) (opens a new tab, sends no referrer), else the URL as plain text."""
    good = safe_url(url)
    if good is None:
        return text_html(url)
    return f'<a href="{html.escape(good, quote=True)}" target="_blank" rel="noopener noreferrer nofollow">{text_html(text)}</a>'


def _label(event: dict) -> str:
    """What hovering a highlighted span says: the event type's own description of the row."""
    event_type = BY_NAME.get(event["event_type"])
    return event_type.describe(event) if event_type is not None else str(event["event_type"])


def highlight_css() -> str:
    """One highlight class per registered event type (`mark.ew-<name>`), in its colour."""
    rules = [f"mark.ew-{t.name} {{ background: {t.colour}; padding: 0 1px; border-radius: 2px; }}" for t in EVENT_TYPES]
    return "\n".join(rules)


def highlight_legend() -> str:
    """The legend of the article view: one marked sample per registered event type."""
    return " ".join(f'<mark class="ew-{t.name}">{html.escape(t.label)}</mark>' for t in EVENT_TYPES)


def highlight(body: str, events: pd.DataFrame) -> str:
    """The body as HTML with each event's span in a <mark> (class = event type); overlaps are split.

    Cut the text at every span boundary; a piece covered by one or more spans is marked with the
    narrowest (innermost) one, so nested spans stay visible. Everything else is escaped.
    """
    spans = []
    for ev in events.to_dict("records"):
        start, end = ev.get("char_start"), ev.get("char_end")
        if pd.isna(start) or pd.isna(end):
            continue
        start, end = max(0, int(start)), min(len(body), int(end))
        if start < end:
            spans.append((start, end, ev))
    cuts = sorted({0, len(body), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(body[a:b]).replace("\n", "<br>")
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        if covering:
            s, e, ev = min(covering, key=lambda sp: sp[1] - sp[0])
            kind = ev["event_type"] if ev["event_type"] in BY_NAME else "other"
            out.append(f'<mark class="ew-{kind}" title="{html.escape(_label(ev))}" '
                       f'data-event="{html.escape(str(ev["event_id"]))}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)
