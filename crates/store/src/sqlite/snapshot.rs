//! The ingest snapshot's row (`V7__ingest_snapshot.sql`): written in the
//! batch's transaction after the store revision is bumped, read only while
//! the revision is still the one it was written at.

use super::sql_error;
use super::summaries::store_revision;
use rusqlite::{Connection, OptionalExtension, params};
use storyline_core::StoreError;

/// Replaces the snapshot with `blob` tagged with the current revision, or
/// deletes it when `blob` is `None`; inside the caller's transaction.
pub(super) fn write(conn: &Connection, blob: Option<&[u8]>) -> Result<(), StoreError> {
    match blob {
        Some(blob) => {
            let revision = store_revision(conn)?;
            conn.execute(
                "INSERT INTO ingest_snapshot (only_row, revision, data) VALUES (1, ?1, ?2)
                 ON CONFLICT(only_row) DO UPDATE SET revision = excluded.revision,
                                                     data = excluded.data",
                params![revision as i64, blob],
            )
            .map_err(sql_error("cannot save the ingest snapshot"))?;
        }
        None => {
            conn.execute("DELETE FROM ingest_snapshot", [])
                .map_err(sql_error("cannot forget the ingest snapshot"))?;
        }
    }
    Ok(())
}

/// The snapshot written at the current revision, if any.
pub(super) fn read(conn: &Connection) -> Result<Option<Vec<u8>>, StoreError> {
    let revision = store_revision(conn)?;
    conn.query_row(
        "SELECT data FROM ingest_snapshot WHERE only_row = 1 AND revision = ?1",
        [revision as i64],
        |row| row.get::<_, Vec<u8>>(0),
    )
    .optional()
    .map_err(sql_error("cannot read the ingest snapshot"))
}
