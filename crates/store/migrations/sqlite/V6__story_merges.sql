-- Story merges (issue 4): a story absorbed into an earlier one when an
-- article bridged them. The absorbed story's record is deleted and its
-- articles moved to the survivor in the same transaction; its id keeps
-- resolving through this table. `survivor_id` is the story the id resolves
-- to now (a later merge of the survivor rewrites it); `record` is the
-- merge as it was made (JSON `StoryMerge`), shown by `storyline explain`
-- for the bridging article. Rows are read in rowid (merge) order.
CREATE TABLE story_merges (
    absorbed_id  TEXT PRIMARY KEY,
    survivor_id  TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    record       TEXT NOT NULL
);

CREATE INDEX story_merges_by_survivor ON story_merges(survivor_id);
CREATE INDEX story_merges_by_article ON story_merges(article_id);
