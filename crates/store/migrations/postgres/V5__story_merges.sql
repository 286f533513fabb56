-- Story merges (issue 4). Mirrors migrations/sqlite/V5 with native types;
-- `seq` keeps the order merges were made in.
CREATE TABLE story_merges (
    absorbed_id  TEXT PRIMARY KEY,
    survivor_id  TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    record       JSONB NOT NULL,
    seq          BIGSERIAL NOT NULL
);

CREATE INDEX story_merges_by_survivor ON story_merges(survivor_id);
CREATE INDEX story_merges_by_article ON story_merges(article_id);
