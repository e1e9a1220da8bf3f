"""The eventwire dashboard (Streamlit): map of events, deaths per day, statements, and an article view.

Run by `eventwire dashboard`, which passes `--db PATH` after Streamlit's own options. Every section reads
through `data.read` (read-only, per query); while a run is loading and holds the file, a section shows
the last data it read with a notice, never a traceback. Charts are Vega-Lite (Altair): they draw without
WebGL and without map tiles, so the page works offline.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, Callable

import altair as alt
import pandas as pd
import streamlit as st

from eventwire.dashboard import queries
from eventwire.dashboard.data import DatabaseBusy, read
from eventwire.options import DEFAULT_DB

CSS = f"""
<style>
{queries.highlight_css()}
.ew-article {{ line-height: 1.6; max-width: 60rem; }}
</style>
"""


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
        st.info("A run is loading into the database right now; showing the last data read. "
                "Rerun (R) in a few seconds for fresh data.", icon="⏳")
        return st.session_state.get(key)
    st.session_state[key] = result
    return result


def _extent(points: pd.DataFrame, pad: float = 6.0) -> dict:
    """A GeoJSON box around the points (padded), for the projection to fit: the map zooms to the events."""
    lon, lat = points["longitude"], points["latitude"]
    west, east = max(-180.0, lon.min() - pad), min(180.0, lon.max() + pad)
    south, north = max(-80.0, lat.min() - pad), min(80.0, lat.max() + pad)
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "MultiPoint", "coordinates": [[west, south], [east, north]]}}


def world_map(points: pd.DataFrame) -> alt.LayerChart:
    """Events per place on a graticule (no tiles, no WebGL): circle size by events, colour by deaths."""
    sphere = alt.Chart(alt.sphere()).mark_geoshape(fill="#f4f7fb", stroke="#c9d3e0", clip=True)
    grid = alt.Chart(alt.graticule(step=[5, 5])).mark_geoshape(stroke="#dde4ee", strokeWidth=0.5, clip=True)
    dots = alt.Chart(points).mark_circle(opacity=0.8, stroke="white").encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("events:Q", scale=alt.Scale(range=[80, 900]), legend=None),
        color=alt.Color("killed:Q", scale=alt.Scale(scheme="orangered"), title="deaths"),
        tooltip=["location", "events", "event_types", "killed"],
    )
    labels = alt.Chart(queries.map_labels(points)).mark_text(align="left", dx=9, dy=-7, fontSize=11).encode(
        longitude="longitude:Q", latitude="latitude:Q", text="label:N")
    projection = alt.Projection(type="mercator", fit=_extent(points))
    return alt.layer(sphere, grid, dots, labels).project(**projection.to_dict()).properties(height=420)


def deaths_chart(deaths: pd.DataFrame) -> alt.Chart:
    return alt.Chart(deaths).mark_bar().encode(
        x=alt.X("yearmonthdate(day):O", title="day", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("sum(killed):Q", title="deaths (toll rule)"),
        color=alt.Color("place:N", title="place"),
        tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), "place:N", "killed:Q"],
    ).properties(height=300)


def _day(value: Any) -> str:
    return "undated" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def main() -> None:
    st.set_page_config(page_title="eventwire", page_icon="📰", layout="wide")
    st.markdown(CSS, unsafe_allow_html=True)
    st.title("eventwire")
    st.caption(f"Database: `{DB}`; every number here is a view in load/schema.sql.")
    if not DB.is_file():
        st.error(f"No database at {DB}. Load one first: `eventwire run SOURCE --db {DB}`.")
        return

    overview = fetch("overview", queries.overview)
    if overview is not None:
        cols = st.columns(4)
        for col, (label, field) in zip(cols, (("articles", "articles"), ("statements", "statements"),
                                              ("casualty figures", "casualty_figures"), ("deaths", "killed"))):
            col.metric(label, int(overview[field].sum()))

    left, right = st.columns([3, 2])
    with left:
        st.subheader("Map of events")
        points = fetch("points", queries.event_points)
        if points is not None and len(points):
            st.altair_chart(world_map(points), use_container_width=True)
            st.caption(f"{int(points['events'].sum())} events at {len(points)} places with coordinates.")
        elif points is not None:
            st.write("No geocoded events yet.")
    with right:
        st.subheader("Deaths per day")
        deaths = fetch("deaths", queries.daily_deaths)
        if deaths is not None and len(deaths):
            st.altair_chart(deaths_chart(deaths), use_container_width=True)
            st.caption("killed, not a running toll, not a subset of a larger count: no double counting.")
        elif deaths is not None:
            st.write("No deaths reported.")

    st.subheader("Statements")
    search = st.text_input("Search speaker, quote or title", key="search", placeholder="e.g. Kiper")
    found = fetch("statements", queries.statements, search)
    if found is not None:
        st.caption(f"{len(found)} statement(s)" + (f" matching “{search}”" if search.strip() else ""))
        st.dataframe(
            found[["day", "speaker", "quote", "source", "title", "url"]],
            hide_index=True, use_container_width=True,
            column_config={
                "day": st.column_config.DateColumn("date"),
                "quote": st.column_config.TextColumn("quote", width="large"),
                "url": st.column_config.LinkColumn("source link"),
            },
        )

    st.subheader("Article")
    title_search = st.text_input("Find an article by title", key="title_search")
    arts = fetch("articles", queries.articles, title_search)
    if arts is not None and not len(arts):
        st.write("No article with events matches.")
    if arts is not None and len(arts):
        labels = {r.article_id: f"{r.title} ({_day(r.published_at)}, {r.events} events)"
                  for r in arts.itertuples()}
        chosen = st.selectbox("Article", list(labels), format_func=labels.get, key="article")
        view = fetch("article", queries.article, chosen)
        if view is not None:
            head = f"**{view.title}** · {view.source or ''} · {_day(view.published_at)}"
            st.markdown(head + (f" · [source]({view.url})" if view.url else ""))
            st.markdown(f"<span>{queries.highlight_legend()} (hover a span for the event)</span>",
                        unsafe_allow_html=True)
            st.markdown(f'<div class="ew-article">{queries.highlight(view.body, view.events)}</div>',
                        unsafe_allow_html=True)


DB = db_path()
main()
