-- The ingest snapshot (storyline_core::snapshot): the clusterer's and the
-- duplicate detector's state after the stored articles, an opaque blob the
-- core encodes, so ingest into this store loads it instead of replaying
-- every stored text. One row, written in the transaction of the batch it
-- follows and tagged with the store revision (`user_version`) of that
-- batch: after any later batch saved without a snapshot (another worker,
-- an older version) the revisions differ and the row is ignored.
CREATE TABLE ingest_snapshot (
    only_row  INTEGER PRIMARY KEY CHECK (only_row = 1),
    revision  INTEGER NOT NULL,
    data      BLOB NOT NULL
);
