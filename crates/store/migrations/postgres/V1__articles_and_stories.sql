-- Stories, articles and full-text search over articles (PostgreSQL).
-- Mirrors migrations/sqlite/V1 with native types: JSONB lists and maps,
-- TIMESTAMPTZ times, and a generated tsvector column for search.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    founded_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE articles (
    id                        TEXT PRIMARY KEY,
    path                      TEXT,
    url                       TEXT,
    title                     TEXT NOT NULL,
    lead                      TEXT,
    body                      TEXT NOT NULL,
    source_domain             TEXT,
    authors                   JSONB NOT NULL,
    categories                JSONB NOT NULL,
    image                     TEXT,
    featured                  BOOLEAN,
    language                  TEXT,
    published_at              TIMESTAMPTZ,
    published_at_approximate  BOOLEAN NOT NULL,
    format                    TEXT NOT NULL,
    content_hash              TEXT NOT NULL,
    -- Checked at commit, so a batch may list a copy before its original.
    duplicate_of              TEXT REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
    story_id                  TEXT REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED,
    extra                     JSONB NOT NULL,
    ingested_at               TIMESTAMPTZ NOT NULL,
    search                    TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || to_tsvector('english', coalesce(lead, '') || ' ' || body)
    ) STORED
);

CREATE INDEX articles_by_content_hash ON articles(content_hash);
CREATE INDEX articles_by_story ON articles(story_id);
CREATE INDEX articles_search ON articles USING GIN (search);
