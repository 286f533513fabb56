-- The ingest snapshot (storyline_core::snapshot): the clusterer's and the
-- duplicate detector's state after the stored articles, an opaque blob the
-- core encodes, so ingest into this store loads it instead of replaying
-- every stored text. One row, written in the transaction of the batch it
-- follows, after that batch's bump of `store_revision`, and tagged with the
-- new revision: after any later batch saved without a snapshot (another
-- worker, an older version) the revisions differ and the row is ignored.
-- Mirrors migrations/sqlite/V7.
CREATE TABLE ingest_snapshot (
    only_row  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    revision  BIGINT NOT NULL,
    data      BYTEA NOT NULL
);
