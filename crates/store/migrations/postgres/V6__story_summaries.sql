-- Story summaries kept up to date on save, as SQLite's V3 and V5 keep
-- them: the story list reads one indexed page of these instead of every
-- story's articles, cached story views are keyed by `revision`, and the
-- list's filters (outlet, entity name or alias, category) read
-- `story_facets`. Stories stored before this migration are summarized by
-- the first worker that connects.
ALTER TABLE stories ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN summary JSONB;               -- `stories --json`'s item
ALTER TABLE stories ADD COLUMN first_published TIMESTAMPTZ;
ALTER TABLE stories ADD COLUMN last_published TIMESTAMPTZ;

CREATE INDEX stories_by_activity ON stories(last_published DESC NULLS LAST, id);

-- One row per (facet, key) of a story: facet `outlet`, `entity` or
-- `category`; `key` is the compared form (lowercase; entities without a
-- leading "the"), `label` the form shown.
CREATE TABLE story_facets (
    facet     TEXT NOT NULL,
    key       TEXT NOT NULL,
    label     TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (facet, key, story_id)
);
CREATE INDEX story_facets_by_story ON story_facets(story_id);
