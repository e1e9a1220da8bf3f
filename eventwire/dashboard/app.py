"""The eventwire dashboard (Streamlit): incidents on a map and over time, their reports, events of every
registered type, and an article view.

Run by `eventwire dashboard`, which passes `--db PATH` after Streamlit's own options. Every section reads
through `data.read` (read-only, per query); while a run is loading and holds the file, a section shows
the last data it read with a notice, never a traceback. Charts are Vega-Lite (Altair), drawn as SVG from
data in the page: no tiles, no CDN, so the page works offline.

Text from articles (titles, sources, URLs, bodies, sentences) is data, never markup: it reaches the page
escaped through `st.html` (which reads no markdown), inside data grids, or in chart tooltips; only http(s)
URLs become links. Nothing from an article goes through `st.markdown`, `st.caption` or a widget label.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, Callable

import altair as alt
import pandas as pd
import streamlit as st

from eventwire.dashboard import charts, maps, queries
from eventwire.dashboard.data import DatabaseBusy, read
from eventwire.dashboard.queries import Filters
from eventwire.options import DEFAULT_DB
from eventwire.transform.events import BY_NAME, EVENT_TYPES

MAP_WIDTH, MAP_HEIGHT = 920, 520
CSS = f"""<style>
{queries.highlight_css()}
.ew-article {{ line-height: 1.6; max-width: 60rem; }}
.ew-head {{ font-size: 1.05rem; }}
</style>"""


def db_path() -> Path:
    """The database given after `--` (`streamlit run app.py -- --db PATH`), else $EVENTWIRE_DB."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", default=os.environ.get("EVENTWIRE_DB", DEFAULT_DB))
    args, _ = parser.parse_known_args()
    return Path(args.db)


def fetch(name: str, query: Callable[..., Any], *args: Any) -> Any:
    """`query` on a fresh read-only connection; the last good result (and a notice) while a run holds the file."""
    key = f"last:{name}:{args!r}"
    try:
        result = read(DB, query, *args)
    except DatabaseBusy:
        if not st.session_state.get("_busy_shown"):
            st.info("A run is loading into the database right now; showing the last data read. "
                    "Rerun (R) in a few seconds for fresh data.", icon="⏳")
            st.session_state["_busy_shown"] = True
        return st.session_state.get(key)
    st.session_state[key] = result
    return result


def _day(value: Any) -> str:
    return "undated" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


# ---- filters ------------------------------------------------------------------------------------------------

def sidebar(opts: queries.Options, incidents_here: bool) -> Filters:
    """The filters, in the sidebar; what they choose travels to every query as bound parameters."""
    bar = st.sidebar
    bar.header("Filters")
    start, end = queries.default_dates(opts)
    if start is not None and end is not None:
        chosen = bar.date_input("Dates", value=(start, end), min_value=opts.date_min, max_value=opts.date_max,
                                key="dates")
        if isinstance(chosen, (tuple, list)) and len(chosen) == 2:
            start, end = chosen
        elif isinstance(chosen, (tuple, list)) and len(chosen) == 1:
            start = end = chosen[0]
        if (opts.date_min, opts.date_max) != queries.default_dates(opts):
            bar.caption(f"Incidents are dated {opts.date_min} to {opts.date_max}; the page opens on the span of "
                        "the reports (a year before the first to the last). Dates outside it are usually misread "
                        "(an age read as a year): widen the range to see them.")
    countries: list[str] = []
    admin1: list[str] = []
    categories: list[str] = []
    if incidents_here and len(opts.places):
        per_country = opts.places.groupby("country_code")["incidents"].sum().sort_values(ascending=False)
        countries = bar.multiselect("Country", list(per_country.index), key="countries",
                                    format_func=lambda c: f"{c} ({per_country[c]})")
        regions = opts.places.dropna(subset=["admin1"])
        if countries:
            regions = regions[regions["country_code"].isin(countries)]
        per_region = regions.groupby("admin1")["incidents"].sum().sort_values(ascending=False)
        admin1 = bar.multiselect("State / province (admin1)", list(per_region.index), key="admin1",
                                 format_func=lambda a: f"{a} ({per_region[a]})")
        categories = bar.multiselect("ACLED event type", opts.categories, key="categories",
                                     help="The incident's type, from its reports' actions (ACLED's six event types).")
    sources = bar.multiselect("Source", list(opts.sources["source"]), key="sources",
                              format_func=lambda s: s or "(no source)",
                              help="Incidents with at least one report from these outlets; their events.")
    types = bar.multiselect("Event types (events section)", [t.name for t in EVENT_TYPES], key="event_types",
                            format_func=lambda n: BY_NAME[n].label)
    return Filters(start, end, tuple(countries), tuple(admin1), tuple(categories), tuple(sources), tuple(types))


# ---- incidents ----------------------------------------------------------------------------------------------

def _choose_incident(incident_id: str | None) -> None:
    st.session_state["incident"] = incident_id


def _picked_on_map() -> None:
    picked = st.session_state.get("map", {}).get("selection", {}).get("pick") or []
    if picked and picked[0].get("incident_id"):
        _choose_incident(picked[0]["incident_id"])


def _picked_in_table() -> None:
    rows = st.session_state.get("incident_table", {}).get("selection", {}).get("rows") or []
    ids = st.session_state.get("incident_ids", [])
    if rows and rows[0] < len(ids):
        _choose_incident(ids[rows[0]])


def regions(points: pd.DataFrame) -> list[tuple[str, str, str]]:
    """What the map can zoom to: the fitted view, every incident, then countries and states by incidents."""
    choices = [("fit", "", "Fitted to the filtered incidents"), ("all", "", "All filtered incidents (no trimming)")]
    geo = points.dropna(subset=["latitude", "longitude"])
    for cc, n in geo["country_code"].dropna().value_counts().items():
        choices.append(("country", cc, f"{cc} ({n})"))
    for (cc, a1), n in geo.dropna(subset=["admin1"]).groupby(["country_code", "admin1"]).size().sort_values(
            ascending=False).head(60).items():
        choices.append(("admin1", f"{cc}\t{a1}", f"{a1}, {cc} ({n})"))
    return choices


def map_section(points: pd.DataFrame) -> None:
    choices = regions(points)
    labels = {c[:2]: c[2] for c in choices}
    zoom = st.selectbox("Zoom to", [c[:2] for c in choices], format_func=labels.get, key="zoom")
    view = points
    if zoom[0] == "country":
        view = points[points["country_code"] == zoom[1]]
    elif zoom[0] == "admin1":
        cc, a1 = zoom[1].split("\t", 1)
        view = points[(points["country_code"] == cc) & (points["admin1"] == a1)]
    box, outside = maps.extent(view, trim=zoom[0] == "fit")
    geo = points.dropna(subset=["latitude", "longitude"])
    visible = geo[geo["longitude"].between(box[0], box[2]) & geo["latitude"].between(box[1], box[3])]
    cap = charts.display_cap(geo["killed"], charts.SIZE_OUTLIER_FACTOR)
    counts = points["category"].value_counts()
    categories = sorted(counts.index, key=lambda c: (c.startswith("("), -counts[c], c))
    pick = alt.selection_point(name="pick", fields=["incident_id"], on="click", toggle=False)
    chart = maps.incident_map(geo, box, cap, MAP_WIDTH, MAP_HEIGHT, categories, pick)
    st.altair_chart(chart, key="map", on_select=_picked_on_map, selection_mode="pick", width="content")
    notes = [f"{len(visible)} of {len(points)} incidents in view; {len(points) - len(geo)} without coordinates."]
    if zoom[0] == "fit" and outside:
        notes.append(f"{outside} far from the rest are left out of the fitted view (choose “All filtered incidents”).")
    if cap:
        notes.append(f"Circles stop growing at {int(cap)} deaths: larger figures are drawn at that size "
                     "(their tooltip has the number).")
    notes.append("Hover a circle for the incident; click it to list its reports below.")
    st.caption(" ".join(notes))


def deaths_section(f: Filters) -> None:
    unit = charts.time_unit(f.start, f.end)
    default_level = "location" if len(f.admin1) == 1 else "admin1"
    level = st.segmented_control("Places by", list(queries.LEVELS), format_func=queries.LEVELS.get,
                                 default=default_level, key="level") or default_level
    df = fetch("deaths", queries.deaths_over_time, f, unit, level)
    if df is None:
        return
    if df.empty or f.start is None:
        st.write("No deaths in the incidents the filters keep.")
        return
    st.altair_chart(charts.deaths_chart(df, unit, f.start, f.end), width="stretch")
    st.caption(f"Deaths per {unit}: each incident once (its latest figure), stacked by the "
               f"{charts.TOP_PLACES} places with most deaths, the rest as “{queries.OTHER}”. A bin "
               f"over {charts.OUTLIER_FACTOR}× the typical one is cut at the top and labelled with its number.")


def incidents_section(points: pd.DataFrame) -> None:
    st.subheader("Incidents")
    table = points.assign(
        date=pd.to_datetime(points["incident_date"]),
        place=points["location"].fillna(queries.NO_PLACE),
    )[["date", "place", "admin1", "country_code", "killed", "wounded", "reports", "articles", "sources",
       "category", "subcategory", "headline"]]
    st.session_state["incident_ids"] = list(points["incident_id"])
    st.dataframe(table, hide_index=True, height=300, key="incident_table", on_select=_picked_in_table,
                 selection_mode="single-row",
                 column_config={"date": st.column_config.DateColumn("date"),
                                "headline": st.column_config.TextColumn("headline", width="large")})
    chosen = st.session_state.get("incident")
    if not chosen:
        st.caption("Select an incident (a row here, or a circle on the map) to list every report of it.")
        return
    row = fetch("incident", queries.incident, chosen)
    reports = fetch("reports", queries.incident_reports, chosen)
    if row is None or reports is None:
        st.caption("That incident is no longer in the database.")
        return
    st.html(f'<div class="ew-head" data-testid="ew-incident" data-incident="{queries.text_html(chosen)}"><strong>Reports of the incident</strong> · '
            f'{queries.text_html(_day(row.get("incident_date")))} · {queries.text_html(row.get("location") or queries.NO_PLACE)}'
            f'{queries.text_html(", " + row["admin1"]) if isinstance(row.get("admin1"), str) else ""} · '
            f'killed {queries.text_html(_int(row.get("killed")))} · wounded {queries.text_html(_int(row.get("wounded")))} · '
            f'<span data-testid="ew-incident-reports">{len(reports)}</span> report(s)</div>')
    shown = reports.assign(url=reports["url"].map(queries.safe_url),
                           figure=[f"{k or ''} {'' if pd.isna(c) else int(c)} {q or ''}".strip()
                                   for k, c, q in reports[["casualty_kind", "casualty_count", "casualty_qualifier"]].itertuples(index=False)])
    st.dataframe(shown[["published_at", "source", "figure", "is_evidence", "reported_by", "sentence", "title", "url"]],
                 hide_index=True, key="report_table",
                 column_config={"published_at": st.column_config.DateColumn("published"),
                                "is_evidence": st.column_config.CheckboxColumn("its figure"),
                                "sentence": st.column_config.TextColumn("sentence", width="large"),
                                "url": st.column_config.LinkColumn("link", validate=r"^https?://")})


def _int(value: Any) -> str:
    return "?" if value is None or pd.isna(value) else str(int(value))


# ---- events and articles --------------------------------------------------------------------------------------

def events_section(f: Filters) -> None:
    st.subheader("Events")
    if f.start is not None and f.end is not None:
        unit = charts.time_unit(f.start, f.end)
        over_time = fetch("events_over_time", queries.events_over_time, f, unit)
        if over_time is not None:
            cols = st.columns(len(EVENT_TYPES))
            for col, t in zip(cols, EVENT_TYPES):
                col.metric(f"{t.label}s", f"{int(over_time.loc[over_time['event_type'] == t.name, 'events'].sum()):,}")
            if len(over_time):
                st.altair_chart(charts.events_chart(over_time, unit, f.start, f.end), width="stretch")
    st.caption("Filtered by dates, country, source and event type (events carry no state/province).")
    search = st.text_input("Search who, what or title", key="search", placeholder="e.g. a name")
    found = fetch("events", queries.search_events, f, search)
    if found is None:
        return
    st.caption(f"{len(found)} event(s){' matching the search' if search.strip() else ''} (at most 500, newest first).")
    shown = found.assign(type=found["event_type"].map(lambda n: BY_NAME[n].label if n in BY_NAME else n),
                         url=found["url"].map(queries.safe_url))
    st.dataframe(shown[["day", "type", "actor", "what", "category", "subcategory", "casualty_kind", "casualty_count",
                        "location", "source", "title", "url"]],
                 hide_index=True, key="event_table",
                 column_config={"day": st.column_config.DateColumn("date"), "actor": "who",
                                "what": st.column_config.TextColumn("what", width="large"),
                                "url": st.column_config.LinkColumn("link", validate=r"^https?://")})


def article_section() -> None:
    st.subheader("Article")
    title_search = st.text_input("Find an article by title", key="title_search")
    arts = fetch("articles", queries.articles, title_search)
    if arts is None:
        return
    if not len(arts):
        st.write("No article with events matches.")
        return
    labels = {r.article_id: f"{r.title} ({_day(r.published_at)}, {r.events} events)" for r in arts.itertuples()}
    chosen = st.selectbox("Article", list(labels), format_func=labels.get, key="article")
    view = fetch("article", queries.article, chosen)
    if view is None:
        return
    st.html(f'<div class="ew-head" data-testid="ew-article-head"><strong>{queries.text_html(view.title)}</strong> · '
            f'{queries.text_html(view.source or "")} · {queries.text_html(_day(view.published_at))}'
            f'{" · " + queries.link_html(view.url) if view.url else ""}</div>')
    st.html(f"{CSS}<div>{queries.highlight_legend()} (hover a span for the event)</div>"
            f'<div class="ew-article">{queries.highlight(view.body, view.events)}</div>')


# ---- the page -----------------------------------------------------------------------------------------------

def main() -> None:
    st.set_page_config(page_title="eventwire", page_icon="📰", layout="wide")
    st.title("eventwire")
    st.caption(f"Database: `{DB}`. Every number here is a table or view an analyst can query (load/schema.sql).")
    if not DB.is_file():
        st.error(f"No database at {DB}. Load one first: `eventwire run SOURCE --db {DB}`.")
        return
    here = fetch("has_incidents", queries.has_incidents)
    opts = fetch("options", queries.options)
    if opts is None:
        return
    f = sidebar(opts, bool(here))

    if not here:
        st.info("This database has no incidents yet: it was written before eventwire reconciled reports into "
                "incidents, or nothing has been loaded. The map, the deaths per day and the incident list need them; "
                "load it again with a current eventwire (`eventwire run SOURCE --db ...`). Events and articles are "
                "below.", icon="ℹ️")
    else:
        head = fetch("headline", queries.headline, f)
        if head is not None:
            cols = st.columns(5)
            for col, (label, key) in zip(cols, (("incidents", "incidents"), ("deaths", "killed"),
                                                ("wounded", "wounded"), ("articles", "articles"),
                                                ("sources", "sources"))):
                col.metric(label, f"{head[key]:,}")
            st.caption("Each incident counted once: its deaths at the latest report's figure, its wounded at the one "
                       f"most reports give. Summing the death figure of every report of these incidents instead would "
                       f"give {head['killed_summing_reports']:,}.")
        points = fetch("incidents", queries.incidents, f)
        if points is not None and len(points):
            st.subheader("Map of incidents")
            map_section(points)
            st.subheader("Deaths over time")
            deaths_section(f)
            incidents_section(points)
        elif points is not None:
            st.write("No incident matches the filters.")

    events_section(f)
    article_section()


DB = db_path()
main()
