-- Incidents: one row per real-world incident, reconciled from the casualty rows of every article
-- (load/incidents.py; the rules are in load/incident_rules.py). Idempotent, applied after schema.sql.
-- To be moved into schema.sql under its schema version (issue 11); until then load/incidents.py applies it.

CREATE TABLE IF NOT EXISTS incidents (
    incident_id       VARCHAR NOT NULL,   -- stable: kept while any report stays; new ones hash their first row
    incident_date     DATE,               -- most common trusted report day, else the earliest publication
    location          VARCHAR,            -- canonical gazetteer name of the most reported place
    admin1            VARCHAR,            -- state, province, oblast (GeoNames name), from the offline gazetteer
    country_code      VARCHAR,
    latitude          DOUBLE,
    longitude         DOUBLE,
    killed            BIGINT,             -- the latest report's figure; NULL when no report gives one
    killed_low        BIGINT,             -- the range across reports
    killed_high       BIGINT,
    wounded           BIGINT,
    wounded_low       BIGINT,
    wounded_high      BIGINT,
    reports           BIGINT,             -- casualty rows (events) that report it
    articles          BIGINT,
    sources           BIGINT,
    first_published   DATE,
    last_published    DATE,
    headline          VARCHAR,            -- title of its earliest report
    evidence_event_id VARCHAR,            -- the events row its `killed` comes from (else its `wounded`)
    extractor_version VARCHAR             -- EXTRACTOR_VERSION + the rules' version: a change rebuilds
);

-- Every casualty kind of every incident: killed, wounded, missing, kidnapped, arrested.
CREATE TABLE IF NOT EXISTS incident_figures (
    incident_id   VARCHAR NOT NULL,
    casualty_kind VARCHAR NOT NULL,
    best          BIGINT,                 -- the latest report's figure
    low           BIGINT,                 -- the range across reports
    high          BIGINT,
    reports       BIGINT                  -- reports (articles) that give a figure of this kind
);

-- Evidence keys per report (people named, those named with an age, streets, a sketch of the wording),
-- written when an article is reconciled, so later batches find and compare incidents without parsing
-- bodies again. An index, not data: rebuilt from articles.body by a full reconciliation.
CREATE TABLE IF NOT EXISTS incident_keys (
    article_id VARCHAR NOT NULL,
    event_id   VARCHAR NOT NULL,          -- the report's first row
    key        VARCHAR NOT NULL           -- 'n:first last', 'v:first last' (with an age), 's:street', 'w:h1,h2,..' (wording sketch)
);

-- The incident a casualty row reports; NULL for running tolls, aggregates and other rows that report none.
ALTER TABLE events ADD COLUMN IF NOT EXISTS incident_id VARCHAR;

-- ---- Views ----------------------------------------------------------------------------------------------

-- Each incident with every report: outlet, publication, figure, sentence, URL (drill-down from a map).
CREATE OR REPLACE VIEW incident_reports AS
SELECT i.incident_id,
       i.incident_date,
       i.location,
       i.admin1,
       i.country_code,
       i.killed,
       i.wounded,
       e.event_id,
       e.casualty_kind,
       e.casualty_count,
       e.casualty_qualifier,
       e.subset_of,
       e.event_date,
       e.location        AS report_location,
       e.reported_by,
       e.sentence,
       e.char_start,
       e.char_end,
       a.article_id,
       a.source,
       a.published_at,
       a.title,
       a.url,
       e.event_id = i.evidence_event_id AS is_evidence
FROM incidents i
JOIN events e ON e.incident_id = i.incident_id
JOIN articles a ON a.article_id = e.article_id;

-- Mentions, as `daily_deaths_by_place` counted them before incidents: every article's figures by the toll
-- rule, per day and place. Ten reports of one shooting count ten times: for auditing coverage, not deaths.
CREATE OR REPLACE VIEW daily_death_mentions_by_place AS
SELECT coalesce(e.event_date, a.published_at) AS day,
       e.location,
       e.country_code,
       e.latitude,
       e.longitude,
       sum(e.casualty_count)::BIGINT          AS killed,
       count(*)::BIGINT                       AS figures,
       count(DISTINCT e.article_id)::BIGINT   AS articles
FROM events e JOIN articles a USING (article_id)
WHERE e.casualty_kind = 'killed' AND NOT e.is_cumulative AND e.subset_of IS NULL
GROUP BY ALL;

-- Proposed replacement of schema.sql's view of the same name: deaths per day and place counted over
-- incidents, each once (its latest figure), with how many incidents, reports and articles stand behind.
CREATE OR REPLACE VIEW daily_deaths_by_place AS
SELECT incident_date                AS day,
       location,
       admin1,
       country_code,
       latitude,
       longitude,
       sum(killed)::BIGINT          AS killed,
       count(*)::BIGINT             AS incidents,
       sum(reports)::BIGINT         AS figures,
       sum(articles)::BIGINT        AS articles
FROM incidents
WHERE killed IS NOT NULL
GROUP BY ALL;
