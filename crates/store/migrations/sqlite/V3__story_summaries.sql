-- Story summaries kept up to date on save (issue 7, load): the story list
-- reads one page of these instead of every story's articles, and caches
-- of derived story views (timeline, claims) are keyed by `revision`.
-- Rows written before this migration have revision 0 and are summarized
-- by the store when it opens.
ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN summary TEXT;             -- JSON of `stories --json`'s item
ALTER TABLE stories ADD COLUMN first_published_ms INTEGER;
ALTER TABLE stories ADD COLUMN last_published_ms INTEGER;

CREATE INDEX stories_by_activity ON stories(last_published_ms DESC, id);

-- The outlets of each story's originals (lowercase), for the outlet filter
-- and the list of outlets.
CREATE TABLE story_outlets (
    outlet    TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories(id),
    PRIMARY KEY (outlet, story_id)
) WITHOUT ROWID;
CREATE INDEX story_outlets_by_story ON story_outlets(story_id);

CREATE TABLE outlets (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
