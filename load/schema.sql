-- eventwire's one schema: every table and view the pipeline writes and analysts query.
-- Names here are a contract. Idempotent: applied on every connection that writes.
-- No PRIMARY KEY constraints: keys are kept unique by load/writer.py (delete-then-insert per article, in
-- one transaction), which keeps bulk inserts fast; tests check that no key is ever duplicated.

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR NOT NULL,   -- stable: hash of (source, source_id)
    source_id         VARCHAR NOT NULL,   -- the id the input gave: JSONL id, else URL or file path
    source            VARCHAR,
    url               VARCHAR,
    title             VARCHAR,
    published_at      DATE,               -- NULL when unknown
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
    event_type         VARCHAR NOT NULL,  -- 'statement' | 'casualty'
    sentence           VARCHAR,
    sent_start         INTEGER,
    sent_end           INTEGER,
    char_start         INTEGER,           -- the event's span in articles.body
    char_end           INTEGER,
    actor              VARCHAR,           -- who, named in full ("Denis Pushilin"), never a bare pronoun
    actor_mention      VARCHAR,           -- as written ("he")
    cue                VARCHAR,           -- lemma: say, tell, accuse, urge, kill...
    quote              VARCHAR,           -- what was said, without quote marks
    is_direct          BOOLEAN,
    addressee          VARCHAR,
    location           VARCHAR,
    country_code       VARCHAR,
    latitude           DOUBLE,
    longitude          DOUBLE,
    event_date         DATE,              -- resolved against articles.published_at
    date_text          VARCHAR,           -- the words it was read from; NULL when it is the publication date
    date_source        VARCHAR,           -- where: 'sentence' | 'paragraph' (earlier in the paragraph) | 'lead' | 'published'
    casualty_kind      VARCHAR,           -- killed | wounded | missing | kidnapped | arrested
    casualty_count     BIGINT,            -- best estimate
    casualty_low       BIGINT,
    casualty_high      BIGINT,
    casualty_qualifier VARCHAR,           -- 'more than', 'at least', 'about', 'up to', 'nearly'
    victims            VARCHAR,
    is_cumulative      BOOLEAN,           -- not one incident: a running toll of a war, or a period or area total
                                          -- ("344 killed in the city last year", "30,000 a year")
    subset_of          VARCHAR,           -- event_id of the count this one is part of or restates (a closing
                                          -- tally, a named victim already counted, another source's figure)
    reported_by        VARCHAR,           -- whom the article credits ("Interfax")
    confidence         DOUBLE,
    extractor_version  VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    article_id   VARCHAR NOT NULL,
    name         VARCHAR,                 -- as written
    canonical    VARCHAR,
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
    status             VARCHAR,           -- 'running' | 'completed' | 'failed'
    articles_new       INTEGER,
    articles_changed   INTEGER,
    articles_unchanged INTEGER,
    articles_rejected  INTEGER,
    statements         INTEGER,
    casualties         INTEGER,
    places             INTEGER,
    seconds            DOUBLE,
    nlp_seconds        DOUBLE,
    workers            INTEGER,
    extractor_version  VARCHAR
);

-- ---- Views for analysts and dashboards (README: "Views and dashboards") -------------------------------
-- Recreated on every writing connection, so they always match the tables above. A row's `day` is the
-- event's own date, else its article's publication date.

-- Deaths per day and place by the toll rule (killed, not a running toll, not a subset of a larger count):
-- summing `killed` over any set of rows does not double count.
CREATE OR REPLACE VIEW daily_deaths_by_place AS
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

-- Per source: articles, events by type, deaths by the toll rule, and the span of publication dates.
CREATE OR REPLACE VIEW events_per_source AS
SELECT a.source,
       count(DISTINCT a.article_id)::BIGINT                                  AS articles,
       count(e.event_id)::BIGINT                                             AS events,
       count(e.event_id) FILTER (WHERE e.event_type = 'statement')::BIGINT  AS statements,
       count(e.event_id) FILTER (WHERE e.event_type = 'casualty')::BIGINT   AS casualty_figures,
       coalesce(sum(e.casualty_count) FILTER (WHERE e.casualty_kind = 'killed' AND NOT e.is_cumulative
                                               AND e.subset_of IS NULL), 0)::BIGINT AS killed,
       min(a.published_at)                                                   AS first_published,
       max(a.published_at)                                                   AS last_published
FROM articles a LEFT JOIN events e USING (article_id)
GROUP BY a.source;

-- One row per event with its article's title, URL and source, for drill-down from any chart.
-- char_start/char_end point into articles.body.
CREATE OR REPLACE VIEW event_timeline AS
SELECT e.event_id,
       coalesce(e.event_date, a.published_at) AS day,
       e.event_type,
       e.actor,
       e.cue,
       e.quote,
       e.is_direct,
       e.casualty_kind,
       e.casualty_count,
       e.is_cumulative,
       e.subset_of,
       e.victims,
       e.reported_by,
       e.location,
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
