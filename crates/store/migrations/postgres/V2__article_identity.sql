-- Article identity (issue 3): the canonical URL an id derives from, and the
-- revision number of the stored text. Mirrors migrations/sqlite/V2.
ALTER TABLE articles ADD COLUMN canonical_url TEXT;
ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

CREATE INDEX articles_by_canonical_url ON articles(canonical_url);
CREATE INDEX articles_by_duplicate_of ON articles(duplicate_of);
