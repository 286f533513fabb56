-- The store-wide revision (the key of serve's whole-response cache): one
-- row, bumped by `UPDATE ... SET revision = revision + 1` inside every saved
-- batch's transaction, so it becomes visible together with the batch and
-- concurrent writers each add one (the row lock serializes the bumps).
-- A sequence would not do: `nextval` is not transactional, so a reader
-- could see the new number before the batch commits and cache old data
-- under it.
CREATE TABLE store_revision (
    only_row  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    revision  BIGINT NOT NULL
);

INSERT INTO store_revision (only_row, revision) VALUES (TRUE, 0);
