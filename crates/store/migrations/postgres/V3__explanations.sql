-- Why each clustered article joined or founded its story (issue 4,
-- explainable clustering). Mirrors migrations/sqlite/V4 with native types.
CREATE TABLE explanations (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
    story_id    TEXT NOT NULL,
    founded     BOOLEAN NOT NULL,
    score       REAL NOT NULL,
    threshold   REAL NOT NULL,
    best        JSONB,
    runner_up   JSONB
);
