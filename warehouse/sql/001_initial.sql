-- 001: the tables of the public contract (docs/data-dictionary.md describes every column).
-- No foreign keys: an edition is replaced by delete + insert in one transaction, and DuckDB
-- checks foreign keys eagerly, which would force a fixed delete order for no gain.

CREATE TABLE papers (
    paper_id     VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    layout       VARCHAR NOT NULL,
    edition_url  VARCHAR NOT NULL,
    timezone     VARCHAR NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE editions (
    paper_id      VARCHAR NOT NULL,
    edition_date  DATE NOT NULL,
    status        VARCHAR NOT NULL
        CHECK (status IN ('complete', 'partial', 'not_published', 'failed')),
    page_count    INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    fetched_at    TIMESTAMPTZ NOT NULL,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (paper_id, edition_date)
);

CREATE TABLE pages (
    paper_id      VARCHAR NOT NULL,
    edition_date  DATE NOT NULL,
    page_no       INTEGER NOT NULL,
    page_name     VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    pdf_url       VARCHAR,
    status        VARCHAR NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),  -- partial: some of its articles failed
    PRIMARY KEY (paper_id, edition_date, page_no)
);

CREATE TABLE articles (
    article_id    VARCHAR PRIMARY KEY,
    paper_id      VARCHAR NOT NULL,
    edition_date  DATE NOT NULL,
    page_no       INTEGER,
    pages         INTEGER[] NOT NULL,
    kicker        VARCHAR,
    title         VARCHAR NOT NULL,
    subtitle      VARCHAR,
    byline        VARCHAR,
    body          VARCHAR NOT NULL,
    char_count    INTEGER NOT NULL,
    continuation  VARCHAR NOT NULL
        CHECK (continuation IN ('none', 'stitched', 'orphan_head', 'orphan_tail')),
    source_urls   VARCHAR[] NOT NULL,
    confidence    DOUBLE,
    subheads      VARCHAR[] NOT NULL,
    captions      VARCHAR[] NOT NULL,
    reading_order INTEGER NOT NULL,  -- 1-based position of the article within its edition
    run_id        VARCHAR NOT NULL
);

CREATE TABLE article_authors (
    article_id    VARCHAR NOT NULL,
    position      INTEGER NOT NULL,  -- 1-based, in byline order
    name          VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE fragments (
    article_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    page_no       INTEGER,
    kind          VARCHAR NOT NULL CHECK (kind IN ('head', 'continuation')),
    text          VARCHAR NOT NULL,
    source_url    VARCHAR NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE quality_issues (
    paper_id      VARCHAR NOT NULL,
    edition_date  DATE NOT NULL,
    page_no       INTEGER,
    code          VARCHAR NOT NULL,
    severity      VARCHAR NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    message       VARCHAR NOT NULL,
    run_id        VARCHAR NOT NULL
);

CREATE TABLE runs (
    run_id                  VARCHAR PRIMARY KEY,
    flow_run_id             VARCHAR,
    paper_id                VARCHAR NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL,
    finished_at             TIMESTAMPTZ,
    status                  VARCHAR NOT NULL,
    editions_requested      INTEGER NOT NULL DEFAULT 0,
    editions_complete       INTEGER NOT NULL DEFAULT 0,
    editions_partial        INTEGER NOT NULL DEFAULT 0,
    editions_failed         INTEGER NOT NULL DEFAULT 0,
    editions_not_published  INTEGER NOT NULL DEFAULT 0,
    pages                   INTEGER NOT NULL DEFAULT 0,
    articles                INTEGER NOT NULL DEFAULT 0,
    stitched                INTEGER NOT NULL DEFAULT 0,
    orphans                 INTEGER NOT NULL DEFAULT 0,
    warnings                INTEGER NOT NULL DEFAULT 0,
    retries                 INTEGER NOT NULL DEFAULT 0
);
