-- Why each clustered article joined or founded its story (issue 4,
-- explainable clustering): written by the ingest that clustered it, read by
-- `storyline explain`. Copies, and articles stored before this migration,
-- have no row. `story_id` is the story at assignment time.
CREATE TABLE explanations (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    story_id    TEXT NOT NULL,
    founded     INTEGER NOT NULL,
    score       REAL NOT NULL,
    threshold   REAL NOT NULL,
    best        TEXT,   -- JSON {story, score, components}, NULL without a candidate
    runner_up   TEXT    -- the same for the second-best story
) WITHOUT ROWID;
