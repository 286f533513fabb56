-- No query reads articles by canonical URL (identity is resolved to an id
-- before the store is asked), and no foreign key points at the column, so
-- its index only cost every article insert a B-tree insert of a long key.
DROP INDEX IF EXISTS articles_by_canonical_url;
