//! The ingest snapshot's row (`V7__ingest_snapshot.sql`): written in the
//! batch's transaction just before the store revision is bumped (the bump
//! stays last, holding its row lock only until the commit), tagged with
//! the revision the bump will make; read only while the revision is still
//! that one. A concurrent writer's bump in between makes the tag stale,
//! so the snapshot is ignored, never wrongly used.

use super::pg_error;
use postgres::GenericClient;
use storyline_core::StoreError;

/// Replaces the snapshot with `blob` tagged with the revision the batch's
/// bump will make, or deletes it when `blob` is `None`; inside the
/// caller's transaction, before the bump.
pub(super) fn write(
    client: &mut impl GenericClient,
    blob: Option<&[u8]>,
) -> Result<(), StoreError> {
    match blob {
        Some(blob) => client
            .execute(
                "INSERT INTO ingest_snapshot (only_row, revision, data)
                 SELECT TRUE, revision + 1, $1 FROM store_revision
                 ON CONFLICT (only_row) DO UPDATE SET revision = excluded.revision,
                                                      data = excluded.data",
                &[&blob],
            )
            .map_err(pg_error("cannot save the ingest snapshot"))?,
        None => client
            .execute("DELETE FROM ingest_snapshot", &[])
            .map_err(pg_error("cannot forget the ingest snapshot"))?,
    };
    Ok(())
}

/// The snapshot written at the current revision, if any.
pub(super) fn read(client: &mut impl GenericClient) -> Result<Option<Vec<u8>>, StoreError> {
    let row = client
        .query_opt(
            "SELECT s.data FROM ingest_snapshot s
             JOIN store_revision r ON s.revision = r.revision",
            &[],
        )
        .map_err(pg_error("cannot read the ingest snapshot"))?;
    row.map(|row| {
        row.try_get::<_, Vec<u8>>(0)
            .map_err(pg_error("cannot read the ingest snapshot"))
    })
    .transpose()
}
