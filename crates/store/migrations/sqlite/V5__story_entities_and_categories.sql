-- The story list filters by entity and by category (issue 7). Each story's
-- main entities (canonical names and aliases) and its articles' categories,
-- lowercase, kept up to date with the story summary. Summaries written
-- before this migration lack the state of play, entities and categories:
-- the store re-summarizes them when it opens.
CREATE TABLE story_entities (
    name      TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories(id),
    PRIMARY KEY (name, story_id)
) WITHOUT ROWID;
CREATE INDEX story_entities_by_story ON story_entities(story_id);

CREATE TABLE story_categories (
    category  TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories(id),
    PRIMARY KEY (category, story_id)
) WITHOUT ROWID;
CREATE INDEX story_categories_by_story ON story_categories(story_id);

-- Display names of the categories (first spelling seen).
CREATE TABLE categories (
    key   TEXT PRIMARY KEY,
    name  TEXT NOT NULL
) WITHOUT ROWID;
