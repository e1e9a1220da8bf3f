"""The incident map: country and state outlines shipped with the package, a projection fitted to the
incidents, one circle per incident sized by deaths, and labels only where they fit.

Vega-Lite draws it (SVG; no tiles, no WebGL, nothing fetched), so the page works offline. Vega-Lite cannot
pan or zoom a projection interactively; the page zooms by fitting the projection to an extent instead
(the filtered incidents', or a region's). Pure functions of DataFrames: no Streamlit, no database.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd

GEO = Path(__file__).resolve().parent / "geo"

Extent = tuple[float, float, float, float]  # west, south, east, north (degrees)


@dataclass(frozen=True)
class Outline:
    file: str
    feature: str          # the TopoJSON object drawn
    kind: str             # "country" | "admin1"
    covers: Extent        # where it has shapes: drawn only when the view meets it


# geo/README.md says where each file comes from and under which licence.
OUTLINES = (
    Outline("countries-110m.json", "countries", "country", (-180.0, -90.0, 180.0, 90.0)),
    Outline("states-10m.json", "states", "admin1", (-180.0, 17.5, -64.0, 72.0)),
)


@lru_cache(maxsize=None)
def topology(file: str) -> dict:
    """A shipped TopoJSON file, read once per process."""
    return json.loads(topology_text(file))


@lru_cache(maxsize=None)
def topology_text(file: str) -> str:
    """The file's text: handed to Vega as a string, which it parses itself. (As a dict, Altair would copy and
    walk its hundred thousand coordinates on every rerun: seconds per click.)"""
    return (GEO / file).read_text(encoding="utf-8")


def _meets(a: Extent, b: Extent) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


# ---- where to look ------------------------------------------------------------------------------------------

def extent(points: pd.DataFrame, *, trim: bool = True, min_span: float = 1.5, pad: float = 0.06) -> tuple[Extent, int]:
    """The box the map fits, and how many points lie outside it.

    With `trim`, a point far from the bulk (more than four times the median distance from the median point,
    and over 5 degrees) does not stretch the view: one incident geocoded to the wrong continent must not turn
    a map of one country into a map of the world. The box is padded and at least `min_span` degrees wide.
    """
    pts = points.dropna(subset=["latitude", "longitude"])
    if pts.empty:
        return (-170.0, -60.0, 170.0, 75.0), 0
    lat = pts["latitude"].to_numpy(float)
    lon = pts["longitude"].to_numpy(float)
    keep = np.ones(len(pts), dtype=bool)
    if trim and len(pts) >= 5:
        lat0, lon0 = float(np.median(lat)), float(np.median(lon))
        dist = np.hypot(lat - lat0, (lon - lon0) * math.cos(math.radians(lat0)))
        keep = dist <= max(4 * float(np.median(dist)), 5.0)
    west, east = float(lon[keep].min()), float(lon[keep].max())
    south, north = float(lat[keep].min()), float(lat[keep].max())
    cx, cy = (west + east) / 2, (south + north) / 2
    half_w = max(east - west, min_span) / 2 * (1 + 2 * pad)
    half_h = max(north - south, min_span) / 2 * (1 + 2 * pad)
    box = (max(-180.0, cx - half_w), max(-80.0, cy - half_h), min(180.0, cx + half_w), min(84.0, cy + half_h))
    return box, int((~keep).sum())


def _merc(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lat = np.clip(lat, -85.0, 85.0)
    return np.radians(lon), -np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def to_pixels(lon: np.ndarray, lat: np.ndarray, box: Extent, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Where Vega puts a point: Mercator fitted to `box` in a width x height view (d3's fitSize)."""
    bx, by = _merc(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
    x0, x1, y0, y1 = bx.min(), bx.max(), by.min(), by.max()
    k = min(width / max(x1 - x0, 1e-9), height / max(y1 - y0, 1e-9))
    tx, ty = (width - k * (x0 + x1)) / 2, (height - k * (y0 + y1)) / 2
    px, py = _merc(np.asarray(lon, float), np.asarray(lat, float))
    return k * px + tx, k * py + ty


def labels(points: pd.DataFrame, box: Extent, width: int, height: int, max_labels: int = 14,
           char_px: float = 6.4, line_px: float = 14.0) -> pd.DataFrame:
    """Place names for the map, gravest places first, each only where it fits: inside the view and clear of
    every label already placed. The rest of the places are in the tooltips."""
    cols = ["location", "latitude", "longitude", "label"]
    pts = points.dropna(subset=["latitude", "longitude", "location"])
    if pts.empty:
        return pd.DataFrame(columns=cols)
    places = (pts.assign(killed=pts["killed"].fillna(0))
              .groupby("location", as_index=False)
              .agg(latitude=("latitude", "median"), longitude=("longitude", "median"),
                   killed=("killed", "sum"), incidents=("incident_id", "count"))
              .sort_values(["killed", "incidents", "location"], ascending=[False, False, True], kind="stable"))
    xs, ys = to_pixels(places["longitude"].to_numpy(), places["latitude"].to_numpy(), box, width, height)
    taken: list[tuple[float, float, float, float]] = []
    chosen = []
    for (_, place), x, y in zip(places.iterrows(), xs, ys):
        text = str(place["location"])
        left, top = x + 6, y - line_px
        right, bottom = left + char_px * len(text), y + 2
        if left < 0 or top < 0 or right > width or bottom > height:
            continue
        if any(left < r + 3 and l - 3 < right and top < b + 2 and t - 2 < bottom for l, t, r, b in taken):
            continue
        taken.append((left, top, right, bottom))
        chosen.append({"location": text, "latitude": place["latitude"], "longitude": place["longitude"], "label": text})
        if len(chosen) >= max_labels:
            break
    return pd.DataFrame(chosen, columns=cols)


# ---- the chart ----------------------------------------------------------------------------------------------

def _outline_layers(box: Extent) -> list[alt.Chart]:
    layers = []
    for o in OUTLINES:
        if not _meets(box, o.covers):
            continue
        data = alt.Data(values=topology_text(o.file), format=alt.DataFormat(type="topojson", feature=o.feature))
        if o.kind == "country":
            mark = alt.Chart(data).mark_geoshape(fill="#f3f1ec", stroke="#8d96a0", strokeWidth=0.7, clip=True)
        else:
            mark = alt.Chart(data).mark_geoshape(fill=None, filled=False, stroke="#b9c0c8", strokeWidth=0.5, clip=True)
        layers.append(mark.encode(tooltip=alt.value(None)).properties(name=f"outline_{o.kind}"))
    return layers


def incident_map(points: pd.DataFrame, box: Extent, size_cap: float | None, width: int, height: int,
                 categories: list[str], selection: alt.Parameter | None = None) -> alt.LayerChart:
    """Outlines, then one circle per incident (area by deaths, colour by ACLED category), then the labels
    that fit. Sizes above `size_cap` are drawn at the cap (their tooltip says the real number)."""
    pts = points.dropna(subset=["latitude", "longitude"]).copy()
    cap = size_cap if size_cap else max(1.0, float(pts["killed"].fillna(0).max() if len(pts) else 1.0))
    pts["size"] = pts["killed"].fillna(0).clip(upper=cap)
    pts["day"] = pd.to_datetime(pts["incident_date"]).dt.strftime("%Y-%m-%d")
    pts["place"] = pts["location"].fillna("") + pts["admin1"].map(lambda a: f", {a}" if isinstance(a, str) else "")
    pts["killed_text"] = [_figure(b, lo, hi) for b, lo, hi in pts[["killed", "killed_low", "killed_high"]].itertuples(index=False)]
    pts["wounded_text"] = [_figure(b, lo, hi) for b, lo, hi in pts[["wounded", "wounded_low", "wounded_high"]].itertuples(index=False)]
    keep = ["incident_id", "latitude", "longitude", "size", "killed", "day", "place", "killed_text", "wounded_text",
            "reports", "articles", "sources", "category", "subcategory", "headline"]
    pts = pts[keep]
    for text in ("category", "subcategory", "headline"):  # a missing value reads as a dash, not "null"
        pts[text] = pts[text].fillna("—")

    sphere = alt.Chart(alt.sphere()).mark_geoshape(fill="#e8eef4", stroke=None, clip=True)
    palette = ["#d62728", "#ff7f0e", "#9467bd", "#1f77b4", "#2ca02c", "#8c564b", "#e377c2", "#17becf", "#bcbd22"]
    # "(no category)" is grey beside real ACLED types; alone (incidents not typed yet) it takes the first colour
    colours = [("#9a9a9a" if c.startswith("(") and len(categories) > 1 else palette[i % len(palette)])
               for i, c in enumerate(categories)]
    dots = alt.Chart(pts).mark_circle(opacity=0.65, stroke="white", strokeWidth=0.6, clip=True).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("size:Q", scale=alt.Scale(type="sqrt", domain=[0, cap], range=[10, 700], clamp=True),
                      legend=alt.Legend(title="deaths", orient="bottom", direction="horizontal",
                                        values=_size_ticks(cap), symbolFillColor="#999")),
        color=alt.Color("category:N", scale=alt.Scale(domain=categories, range=colours),
                        legend=alt.Legend(title="ACLED event type", orient="bottom", direction="horizontal",
                                          columns=3, labelLimit=220)),
        order=alt.Order("size:Q", sort="descending"),
        tooltip=[alt.Tooltip("day:N", title="date"), alt.Tooltip("place:N", title="place"),
                 alt.Tooltip("killed_text:N", title="killed"), alt.Tooltip("wounded_text:N", title="wounded"),
                 alt.Tooltip("reports:Q"), alt.Tooltip("articles:Q"), alt.Tooltip("sources:Q"),
                 alt.Tooltip("category:N", title="event type"), alt.Tooltip("subcategory:N", title="sub-event type"),
                 alt.Tooltip("headline:N")],
    ).properties(name="incidents")
    if selection is not None:
        dots = dots.add_params(selection)
    names = labels(points, box, width, height)
    halo = alt.Chart(names).mark_text(align="left", dx=6, dy=-6, fontSize=11, stroke="white", strokeWidth=3,
                                      strokeOpacity=0.85).encode(longitude="longitude:Q", latitude="latitude:Q", text="label:N")
    text = alt.Chart(names).mark_text(align="left", dx=6, dy=-6, fontSize=11, fill="#222").encode(
        longitude="longitude:Q", latitude="latitude:Q", text="label:N").properties(name="labels")
    fit = {"type": "Feature", "properties": {},
           "geometry": {"type": "MultiPoint", "coordinates": [[box[0], box[1]], [box[2], box[3]]]}}
    return (alt.layer(sphere, *_outline_layers(box), dots, halo, text)
            .project(type="mercator", fit=fit)
            .properties(width=width, height=height))


def _figure(best: object, low: object, high: object) -> str:
    if best is None or pd.isna(best):
        return "not reported"
    text = f"{int(best)}"
    if not (pd.isna(low) or pd.isna(high)) and (int(low) != int(best) or int(high) != int(best)):
        text += f" (reports say {int(low)}–{int(high)})"
    return text


def _size_ticks(cap: float) -> list[float]:
    ticks = [v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if v <= cap]
    return ticks[-4:] if ticks else [cap]
