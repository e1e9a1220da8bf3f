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
    date_text          VARCHAR,
    casualty_kind      VARCHAR,           -- killed | wounded | missing | kidnapped | arrested
    casualty_count     BIGINT,            -- best estimate
    casualty_low       BIGINT,
    casualty_high      BIGINT,
    casualty_qualifier VARCHAR,           -- 'more than', 'at least', 'about', 'up to', 'nearly'
    victims            VARCHAR,
    is_cumulative      BOOLEAN,           -- a running toll of a war or period, not one incident
    subset_of          VARCHAR,           -- event_id of the larger count this one is part of
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
