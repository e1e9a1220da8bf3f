"""Pure query functions for the dashboard: a DuckDB connection in, a DataFrame out; no Streamlit here.

Every query reads the analyst views in load/schema.sql, so the dashboard shows what an analyst's SQL
would; user input (the search box, the chosen article) only ever travels as a bound parameter.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import duckdb
import pandas as pd

from ..transform.events import BY_NAME, EVENT_TYPES

NO_PLACE = "place not given"


def overview(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per source: articles, statements, casualty figures, deaths (the events_per_source view)."""
    return con.sql("SELECT * FROM events_per_source ORDER BY articles DESC, source").df()


def event_points(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One point per geocoded place: how many events happened there, of which kinds, deaths by the toll rule."""
    return con.sql("""
        WITH deaths AS (SELECT event_id, casualty_count AS killed FROM death_toll_rows)
        SELECT t.location, t.latitude, t.longitude,
               count(*)                                                        AS events,
               string_agg(DISTINCT t.event_type, ', ' ORDER BY t.event_type)   AS event_types,
               coalesce(sum(d.killed), 0)                                      AS killed
        FROM event_timeline t LEFT JOIN deaths d USING (event_id)
        WHERE t.latitude IS NOT NULL AND t.longitude IS NOT NULL
        GROUP BY t.location, t.latitude, t.longitude
        ORDER BY events DESC, t.location
    """).df()


def map_labels(points: pd.DataFrame, radius: float | None = None) -> pd.DataFrame:
    """One label per cluster of nearby places (within `radius` degrees), at its busiest place, so names
    of neighbouring places (Gaza Strip, Rafah) do not print over each other. The default radius is a
    twentieth of the map's extent: what sits that close on screen gets one label."""
    if radius is None:
        span = max(10.0, float(points["latitude"].max() - points["latitude"].min()),
                   float(points["longitude"].max() - points["longitude"].min())) if len(points) else 10.0
        radius = span / 20
    labels: list[dict] = []
    for p in points.sort_values("events", ascending=False, kind="stable").to_dict("records"):
        near = next((lab for lab in labels if abs(lab["latitude"] - p["latitude"]) <= radius
                     and abs(lab["longitude"] - p["longitude"]) <= radius), None)
        if near is None:
            labels.append({"latitude": p["latitude"], "longitude": p["longitude"], "label": str(p["location"])})
        else:
            near["label"] += f", {p['location']}"
    return pd.DataFrame(labels, columns=["latitude", "longitude", "label"])


def daily_deaths(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Deaths per day and place (daily_deaths_by_place), places not given labelled as such."""
    return con.execute("""
        SELECT day, coalesce(location, ?) AS place, sum(killed)::BIGINT AS killed
        FROM daily_deaths_by_place
        WHERE day IS NOT NULL
        GROUP BY ALL ORDER BY day, place
    """, [NO_PLACE]).df()


def statements(con: duckdb.DuckDBPyConnection, search: str = "", limit: int = 500) -> pd.DataFrame:
    """Statements, newest first; `search` matches speaker, quote or title (case-insensitive, literal)."""
    term = search.strip().lower()
    return con.execute("""
        SELECT day, actor AS speaker, coalesce(quote, sentence) AS quote, cue, source, title, url,
               article_id, event_id
        FROM event_timeline
        WHERE event_type = 'statement'
          AND (? = '' OR contains(lower(coalesce(actor, '')), ?) OR contains(lower(coalesce(quote, sentence, '')), ?)
               OR contains(lower(coalesce(title, '')), ?))
        ORDER BY day DESC NULLS LAST, speaker, event_id
        LIMIT ?
    """, [term, term, term, term, int(limit)]).df()


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
               location, day
        FROM event_timeline WHERE article_id = ? ORDER BY char_start, char_end
    """, [article_id]).df()
    return ArticleView(row[0] or "", row[1], row[2], row[3], row[4] or "", events)


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
