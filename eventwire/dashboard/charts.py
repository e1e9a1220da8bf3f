"""Charts over time for the dashboard, built for thousands of articles: bins that fit the range, the top
places with the rest grouped, and a y scale that one outlier cannot flatten. Pure: DataFrames in, Altair out.
"""

from __future__ import annotations

import colorsys
from datetime import date, timedelta

import altair as alt
import numpy as np
import pandas as pd

from ..transform.events import BY_NAME, EVENT_TYPES
from .queries import NO_PLACE, OTHER

TOP_PLACES = 8
OUTLIER_FACTOR = 10      # a bin over 10x the median bin is cut at the top of the deaths chart
SIZE_OUTLIER_FACTOR = 50  # an incident over 50x the median incident is drawn at the cap on the map
PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d"]
UNIT_TIME = {"day": "yearmonthdate", "week": "yearweek", "month": "yearmonth"}


def time_unit(start: date | None, end: date | None) -> str:
    """Bins that give a readable number of bars: days up to three months, weeks up to two years, else months."""
    if start is None or end is None:
        return "month"
    span = (end - start).days
    return "day" if span <= 92 else "week" if span <= 731 else "month"


def display_cap(values: pd.Series | np.ndarray, factor: float = OUTLIER_FACTOR) -> float | None:
    """The top of the scale when a few values dwarf the rest, else None (the scale shows everything).

    A value more than `factor` times the median of the non-zero values is an outlier for drawing (108,780
    deer read as deaths, or one real massacre beside a year of single shootings): the scale stops at the
    largest value that is not one, and the outliers are drawn to that top and labelled with their number."""
    v = pd.Series(values, dtype="float64").dropna()
    v = v[v > 0]
    if v.empty:
        return None
    fence = factor * float(v.median())
    if float(v.max()) <= fence:
        return None
    return float(max(v[v <= fence].max(), v.median()))


def top_places(df: pd.DataFrame, n: int = TOP_PLACES) -> tuple[pd.DataFrame, list[str]]:
    """`df` (bucket, place, killed, incidents) with all but the `n` places with most deaths grouped as OTHER;
    returns it and the legend's order (top places by deaths, then OTHER)."""
    totals = df.groupby("place")["killed"].sum().sort_values(ascending=False, kind="stable")
    top = [p for p in totals.index[:n]]
    grouped = df.assign(place=df["place"].where(df["place"].isin(top), OTHER))
    grouped = grouped.groupby(["bucket", "place"], as_index=False)[["killed", "incidents"]].sum()
    order = top + ([OTHER] if (grouped["place"] == OTHER).any() else [])
    return grouped, order


def _dt(day: date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


def _x(unit: str, start: date, end: date, title: str) -> alt.X:
    return alt.X(f"{UNIT_TIME[unit]}(bucket):T", title=title,
                 scale=alt.Scale(domain=[_dt(start), _dt(end + timedelta(days=1))]),
                 axis=alt.Axis(labelOverlap=True, grid=False))


def deaths_chart(df: pd.DataFrame, unit: str, start: date, end: date, n: int = TOP_PLACES,
                 height: int = 320) -> alt.LayerChart:
    """Deaths per bin, stacked by the top `n` places and OTHER; bins above an outlier cap are cut at the
    top of the scale and carry their real total as a label."""
    grouped, order = top_places(df, n)
    colours = [("#c7c7c7" if p == OTHER else "#dccfb8" if p == NO_PLACE else PALETTE[i % len(PALETTE)])
               for i, p in enumerate(order)]
    totals = grouped.groupby("bucket", as_index=False)["killed"].sum()
    cap = display_cap(totals["killed"])
    y_scale = alt.Scale(domain=[0, cap * 1.12], clamp=True) if cap else alt.Scale()
    rank = {p: i for i, p in enumerate(order)}
    grouped = grouped.assign(rank=grouped["place"].map(rank))
    bars = alt.Chart(grouped).mark_bar(clip=True).encode(
        x=_x(unit, start, end, {"day": "day", "week": "week", "month": "month"}[unit]),
        y=alt.Y("sum(killed):Q", title="deaths (each incident once)", scale=y_scale, stack="zero"),
        color=alt.Color("place:N", scale=alt.Scale(domain=order, range=colours),
                        legend=alt.Legend(title=None, orient="bottom", columns=3, labelLimit=200)),
        order=alt.Order("rank:Q", sort="ascending"),
        tooltip=[alt.Tooltip(f"{UNIT_TIME[unit]}(bucket):T", title=unit), alt.Tooltip("place:N"),
                 alt.Tooltip("sum(killed):Q", title="deaths"), alt.Tooltip("sum(incidents):Q", title="incidents")],
    ).properties(name="deaths", height=height)
    layers = [bars]
    if cap:
        over = totals[totals["killed"] > cap].assign(top=cap * 1.12)
        over = over.assign(text=over["killed"].map(lambda k: f"{int(k):,} ▲"))
        for name, stroke in (("clipped_halo", {"stroke": "white", "strokeWidth": 3}), ("clipped", {})):
            layers.append(alt.Chart(over).mark_text(angle=270, align="right", dx=-4, fontSize=11, fontWeight="bold",
                                                    color="#7a0000", **stroke).encode(
                x=alt.X(f"{UNIT_TIME[unit]}(bucket):T", bandPosition=0.5), y=alt.Y("top:Q", scale=y_scale),
                text="text:N",
                tooltip=[alt.Tooltip(f"{UNIT_TIME[unit]}(bucket):T", title=unit),
                         alt.Tooltip("killed:Q", title="deaths (beyond the scale)")]).properties(name=name))
    return alt.layer(*layers)


def events_chart(df: pd.DataFrame, unit: str, start: date, end: date, height: int = 220) -> alt.Chart:
    """Events per bin by registered type, in each type's own colour; a log scale keeps a rare type visible."""
    names = [t.name for t in EVENT_TYPES]
    labelled = df.assign(type=df["event_type"].map(lambda n: BY_NAME[n].label if n in BY_NAME else n))
    return alt.Chart(labelled).mark_line(point=True, clip=True).encode(
        x=_x(unit, start, end, unit),
        y=alt.Y("events:Q", title="events", scale=alt.Scale(type="symlog")),
        color=alt.Color("type:N", scale=alt.Scale(domain=[BY_NAME[n].label for n in names],
                                                  range=[_solid(BY_NAME[n].colour) for n in names]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=[alt.Tooltip(f"{UNIT_TIME[unit]}(bucket):T", title=unit), "type:N", "events:Q"],
    ).properties(height=height, name="events")


def _solid(colour: str) -> str:
    """The type's highlight colour is pale (a text background); a line needs it darker."""
    colour = colour.strip()
    if not (colour.startswith("#") and len(colour) == 7):
        return colour
    h, _, s = colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    return "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(h, 0.42, max(s, 0.55)))
