-- eventwire's one schema: every table and view the pipeline writes and analysts query.
-- Names here are a contract. Idempotent: applied when a run starts (load/migrate.py).
-- No PRIMARY KEY constraints: keys are kept unique by load/writer.py (delete-then-insert per article, in
-- one transaction), which keeps bulk inserts fast; tests check that no key is ever duplicated.
--
-- Upgrades: a database written by an older eventwire gets every table below that it lacks and every column
-- it lacks (load/migrate.py compares it with this file), then the views are recreated. So a column added here
-- must be nullable (existing rows get NULL); bump SCHEMA_VERSION in load/migrate.py with any change here.

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR NOT NULL,   -- stable: hash of (source, source_id)
    source_id         VARCHAR NOT NULL,   -- the id the input gave: JSONL id, else URL or file path
    source            VARCHAR,
    url               VARCHAR,
    title             VARCHAR,
    published_at      DATE,               -- NULL when unknown
    story_date        DATE,               -- the day it names as its incident's ("the March 16, 2014 shooting"),
                                          -- else the first day its story names, within a week before publication
                                          -- (transform/dates.story_date): an incident its rows date only by
                                          -- publication takes it; NULL when none or the article
                                          -- gives no casualty figure
    story_date_text   VARCHAR,            -- the words story_date was read from ("Saturday")
    ingested_at       TIMESTAMP,
    body              VARCHAR,            -- the cleaned text extraction ran on; every offset points into it
    content_hash      VARCHAR,            -- hash of title and body: a changed article is re-extracted
    raw_hash          VARCHAR,            -- hash of the input as given: an unchanged one costs only this
    language          VARCHAR,
    extractor_version VARCHAR,
    run_id            VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id           VARCHAR NOT NULL,  -- deterministic: hash of article_id and the event's span and kind
    article_id         VARCHAR NOT NULL,
    event_type         VARCHAR NOT NULL,  -- a registered event type (transform/events/): statement | casualty | action
    sentence           VARCHAR,
    sent_start         INTEGER,
    sent_end           INTEGER,
    char_start         INTEGER,           -- the event's span in articles.body
    char_end           INTEGER,
    actor              VARCHAR,           -- who, named in full ("Denis Pushilin"), never a bare pronoun
    actor_mention      VARCHAR,           -- as written ("he")
    target             VARCHAR,           -- against or to whom the act was done
    category           VARCHAR,           -- the type's own classification (e.g. an ACLED event type)
    subcategory        VARCHAR,           -- and its finer one (e.g. an ACLED sub-event type)
    cue                VARCHAR,           -- lemma: say, tell, accuse, urge, kill...
    quote              VARCHAR,           -- what was said, without quote marks
    is_direct          BOOLEAN,
    addressee          VARCHAR,
    location           VARCHAR,
    admin1             VARCHAR,           -- the state, province or oblast of `location` (offline gazetteer)
    country_code       VARCHAR,
    latitude           DOUBLE,
    longitude          DOUBLE,
    event_date         DATE,              -- resolved against articles.published_at
    date_text          VARCHAR,           -- the words it was read from; NULL when it is the publication date
    date_source        VARCHAR,           -- where: 'sentence' | 'paragraph' (earlier in the paragraph) | 'lead' | 'published'
    casualty_kind      VARCHAR,           -- killed | wounded | missing | kidnapped; 'arrested' on Arrests action rows
    casualty_count     BIGINT,            -- best estimate
    casualty_low       BIGINT,
    casualty_high      BIGINT,
    casualty_qualifier VARCHAR,           -- 'more than', 'at least', 'about', 'up to', 'nearly'
    victims            VARCHAR,
    is_cumulative      BOOLEAN,           -- not one incident: a running toll of a war, or a period or area total
                                          -- ("344 killed in the city last year", "30,000 a year")
    recalled           BOOLEAN,           -- a figure of another, earlier incident the article recalls ("her husband
                                          -- was murdered in 2005", "in retaliation for a shooting that left one
                                          -- dead") or of a separate one it tells of besides its own ("in a
                                          -- separate shooting"): kept, dated apart, never added to the article's toll
    from_title         BOOLEAN,           -- read from the headline, where the body gives no figure: char_start,
                                          -- char_end, sent_start, sent_end and sentence are then in articles.title
    subset_of          VARCHAR,           -- event_id of the count this one is part of or restates (a closing
                                          -- tally, a named victim already counted, another source's figure)
    action_id          VARCHAR,           -- a casualty figure's act: the event_id of its `action` row
    incident_id        VARCHAR,           -- the incident a casualty figure reports (load/incidents.py); NULL for
                                          -- running tolls, aggregates and rows that report none
    reported_by        VARCHAR,           -- whom the article credits ("Interfax")
    confidence         DOUBLE,
    extractor_version  VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    article_id   VARCHAR NOT NULL,
    name         VARCHAR,                 -- as written
    canonical    VARCHAR,
    admin1       VARCHAR,                 -- state, province, oblast (offline gazetteer)
    country_code VARCHAR,
    latitude     DOUBLE,
    longitude    DOUBLE,
    feature      VARCHAR,
    char_start   INTEGER,
    char_end     INTEGER
);

CREATE TABLE IF NOT EXISTS rejects (
    source_id    VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,        -- short, for grouping: 'empty file', 'broken JSON line', ...
    detail       VARCHAR,                 -- the specifics, in words a person understands
    seen_at      TIMESTAMP,               -- first seen
    last_seen_at TIMESTAMP,
    run_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR NOT NULL,
    started_at         TIMESTAMP,
    finished_at        TIMESTAMP,
    sources            VARCHAR[],
    status             VARCHAR,           -- 'running' | 'completed' | 'failed' | 'interrupted' (its process died)
    articles_new       INTEGER,
    articles_changed   INTEGER,
    articles_unchanged INTEGER,
    articles_rejected  INTEGER,
    statements         INTEGER,
    casualties         INTEGER,
    places             INTEGER,
    seconds            DOUBLE,
    nlp_seconds        DOUBLE,
    incident_seconds   DOUBLE,            -- CPU seconds filing its casualty figures into incidents (load/incidents.py)
    workers            INTEGER,
    extractor_version  VARCHAR,
    host               VARCHAR,           -- the machine and process that ran it (to tell a killed run)
    pid                INTEGER
);

-- Incidents: one row per real-world incident, reconciled from the casualty rows of every article
-- (load/incidents.py; the rules are in load/incident_rules.py).

CREATE TABLE IF NOT EXISTS incidents (
    incident_id       VARCHAR NOT NULL,   -- stable: kept while any report stays; new ones hash their first row
    incident_date     DATE,               -- most common trusted report day, else the earliest publication
    location          VARCHAR,            -- canonical gazetteer name of the most reported place
    admin1            VARCHAR,            -- state, province, oblast (GeoNames name), from the offline gazetteer
    country_code      VARCHAR,
    latitude          DOUBLE,
    longitude         DOUBLE,
    place_source      VARCHAR,            -- where the place comes from: 'report' (its reports' town), 'mentions'
                                          -- (the town its articles mention most), 'headline', 'region' (a state or
                                          -- country, no town), 'outlet home' (no place named at all: the town its
                                          -- local outlet names most, else the city its web address names); NULL
                                          -- when unplaced
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
    category          VARCHAR,            -- what happened: the ACLED event type of its reports' acts
    subcategory       VARCHAR,            -- and sub-event type (the one most of its figures' acts have)
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

-- A run's rows stored, by event type (one row per registered type).
CREATE TABLE IF NOT EXISTS run_counts (
    run_id     VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    events     BIGINT
);

-- Which schema versions this database has been brought to, and by which eventwire.
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP,
    eventwire  VARCHAR
);

-- ---- Views for analysts and dashboards (README: "Views and dashboards") -------------------------------
-- VIEWS (load/migrate.py applies what follows this line after the tables are up to date.)
-- Recreated when a run starts, so they always match the tables above. A row's `day` is the event's own
-- date, else its article's publication date.

-- THE death-toll rule, written once: a killed figure of one incident (not a running toll), not part of a
-- larger count already listed. Summing `casualty_count` over any set of these rows counts no death twice.
-- (Python: transform/events/casualty.py `counts_toward_toll`.)
CREATE OR REPLACE VIEW death_toll_rows AS
SELECT e.*
FROM events e
WHERE e.event_type = 'casualty' AND e.casualty_kind = 'killed' AND NOT e.is_cumulative AND e.subset_of IS NULL
  AND NOT coalesce(e.recalled, false);

-- Each incident with every report: outlet, publication, figure, sentence, URL (drill-down from a map).
CREATE OR REPLACE VIEW incident_reports AS
SELECT i.incident_id,
       i.incident_date,
       i.location,
       i.admin1,
       i.country_code,
       i.killed,
       i.wounded,
       i.category,
       i.subcategory,
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
FROM death_toll_rows e JOIN articles a USING (article_id)
GROUP BY ALL;

-- Deaths per day and place counted over incidents, each once (its latest figure), with how many incidents,
-- reports and articles stand behind: ten reports of one shooting count once.
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

-- Who spoke how often, per day: statements, how many quoted directly, in how many articles.
CREATE OR REPLACE VIEW statements_by_speaker AS
SELECT e.actor                                AS speaker,
       coalesce(e.event_date, a.published_at) AS day,
       count(*)::BIGINT                       AS statements,
       count(*) FILTER (WHERE e.is_direct)::BIGINT AS direct_quotes,
       count(DISTINCT e.article_id)::BIGINT   AS articles
FROM events e JOIN articles a USING (article_id)
WHERE e.event_type = 'statement' AND e.actor IS NOT NULL
GROUP BY ALL;

-- The most recent running toll ("the war has killed 31,000") per place and kind, with where it came from.
-- Only tolls with a place: a toll whose place the article left unclear cannot stand for a conflict.
CREATE OR REPLACE VIEW latest_running_toll AS
SELECT e.location,
       e.country_code,
       e.latitude,
       e.longitude,
       e.casualty_kind,
       e.casualty_count,
       e.casualty_qualifier,
       coalesce(e.event_date, a.published_at) AS day,
       e.reported_by,
       e.sentence,
       e.event_id,
       a.article_id,
       a.title,
       a.url
FROM events e JOIN articles a USING (article_id)
WHERE e.is_cumulative AND e.location IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY e.location, e.casualty_kind
    ORDER BY coalesce(e.event_date, a.published_at) DESC NULLS LAST, a.published_at DESC NULLS LAST,
             e.casualty_count DESC, e.event_id
) = 1;

-- What happened, per day and place: actions by ACLED event type and sub-event type, and the deaths (toll rule)
-- of the casualty figures that come from them ("how many died in air strikes in May").
CREATE OR REPLACE VIEW actions_by_day_place AS
WITH deaths AS (
    SELECT action_id, sum(casualty_count) AS killed FROM death_toll_rows WHERE action_id IS NOT NULL GROUP BY action_id
)
SELECT coalesce(e.event_date, a.published_at) AS day,
       e.location,
       e.country_code,
       e.latitude,
       e.longitude,
       e.category,
       e.subcategory,
       count(*)::BIGINT                       AS actions,
       coalesce(sum(d.killed), 0)::BIGINT     AS killed,
       count(DISTINCT e.article_id)::BIGINT   AS articles
FROM events e JOIN articles a USING (article_id) LEFT JOIN deaths d ON d.action_id = e.event_id
WHERE e.event_type = 'action'
GROUP BY ALL;

-- Per source and event type: events and the articles they came from (every registered type, no column per type).
CREATE OR REPLACE VIEW events_by_type AS
SELECT a.source,
       e.event_type,
       count(*)::BIGINT                     AS events,
       count(DISTINCT e.article_id)::BIGINT AS articles
FROM events e JOIN articles a USING (article_id)
GROUP BY ALL;

-- Per source: articles, events (and, as in the first release, statements and casualty figures), deaths by the
-- toll rule, and the span of publication dates.
CREATE OR REPLACE VIEW events_per_source AS
WITH per_article AS (
    SELECT e.article_id,
           count(*)                                                AS events,
           count(*) FILTER (WHERE e.event_type = 'statement')      AS statements,
           count(*) FILTER (WHERE e.event_type = 'casualty')       AS casualty_figures
    FROM events e GROUP BY e.article_id
), deaths AS (
    SELECT article_id, sum(casualty_count) AS killed FROM death_toll_rows GROUP BY article_id
)
SELECT a.source,
       count(*)::BIGINT                                 AS articles,
       coalesce(sum(p.events), 0)::BIGINT               AS events,
       coalesce(sum(p.statements), 0)::BIGINT           AS statements,
       coalesce(sum(p.casualty_figures), 0)::BIGINT     AS casualty_figures,
       coalesce(sum(d.killed), 0)::BIGINT               AS killed,
       min(a.published_at)                              AS first_published,
       max(a.published_at)                              AS last_published
FROM articles a LEFT JOIN per_article p USING (article_id) LEFT JOIN deaths d USING (article_id)
GROUP BY a.source;

-- One row per event with its article's title, URL and source, for drill-down from any chart.
-- char_start/char_end point into articles.body.
CREATE OR REPLACE VIEW event_timeline AS
SELECT e.event_id,
       coalesce(e.event_date, a.published_at) AS day,
       e.event_type,
       e.actor,
       e.target,
       e.category,
       e.subcategory,
       e.cue,
       e.quote,
       e.is_direct,
       e.casualty_kind,
       e.casualty_count,
       e.is_cumulative,
       e.subset_of,
       e.action_id,
       e.incident_id,
       e.victims,
       e.reported_by,
       e.location,
       e.admin1,
       e.country_code,
       e.latitude,
       e.longitude,
       e.sentence,
       e.char_start,
       e.char_end,
       e.confidence,
       a.article_id,
       a.title,
       a.url,
       a.source,
       a.published_at
FROM events e JOIN articles a USING (article_id);
