//! Story merges in SQLite (migration V6): applied at the end of a batch's
//! transaction (articles moved, the absorbed record and the rows the story
//! list filters on deleted, earlier merges into the absorbed story
//! re-pointed) and read back to resolve old story ids.

use super::sql_error;
use rusqlite::{Connection, OptionalExtension, params};
use storyline_core::cluster::StoryMerge;
use storyline_core::{ArticleId, StoreError, StoryId};

/// Applies `merges` in order inside the batch's transaction.
pub(super) fn apply(conn: &Connection, merges: &[StoryMerge]) -> Result<(), StoreError> {
    for m in merges {
        let record = serde_json::to_string(m)
            .map_err(|e| StoreError::backend("cannot encode a story merge", e))?;
        let (absorbed, survivor) = (&m.absorbed.0, &m.survivor.0);
        conn.execute(
            "UPDATE articles SET story_id = ?2 WHERE story_id = ?1",
            params![absorbed, survivor],
        )
        .map_err(sql_error("cannot save a story merge"))?;
        super::summaries::forget_facets(conn, absorbed)?;
        conn.execute("DELETE FROM stories WHERE id = ?1", [absorbed])
            .and_then(|_| {
                conn.execute(
                    "UPDATE story_merges SET survivor_id = ?2 WHERE survivor_id = ?1",
                    params![absorbed, survivor],
                )
            })
            .and_then(|_| {
                conn.execute(
                    "INSERT INTO story_merges (absorbed_id, survivor_id, article_id, record)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(absorbed_id) DO UPDATE SET survivor_id = excluded.survivor_id,
                     article_id = excluded.article_id, record = excluded.record",
                    params![absorbed, survivor, m.article.0, record],
                )
            })
            .map_err(sql_error("cannot save a story merge"))?;
    }
    Ok(())
}

fn decode(record: &str, survivor: Option<String>) -> Result<StoryMerge, StoreError> {
    let mut merge: StoryMerge = serde_json::from_str(record)
        .map_err(|_| StoreError::Corrupt("bad story merge record".into()))?;
    if let Some(survivor) = survivor {
        merge.survivor = StoryId(survivor);
    }
    Ok(merge)
}

/// The merge that absorbed `id`, with the story it resolves to now.
pub(super) fn merge_of(conn: &Connection, id: &StoryId) -> Result<Option<StoryMerge>, StoreError> {
    conn.query_row(
        "SELECT record, survivor_id FROM story_merges WHERE absorbed_id = ?1",
        [&id.0],
        |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
    )
    .optional()
    .map_err(sql_error("cannot read a story merge"))?
    .map(|(record, survivor)| decode(&record, Some(survivor)))
    .transpose()
}

/// The merges recorded as made, selected by `column = value`, in order.
fn recorded(conn: &Connection, column: &str, value: &str) -> Result<Vec<StoryMerge>, StoreError> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT record FROM story_merges WHERE {column} = ?1 ORDER BY rowid"
        ))
        .map_err(sql_error("cannot read story merges"))?;
    let rows = stmt
        .query_map([value], |row| row.get::<_, String>(0))
        .map_err(sql_error("cannot read story merges"))?;
    let mut merges = Vec::new();
    for row in rows {
        merges.push(decode(
            &row.map_err(sql_error("cannot read a story merge"))?,
            None,
        )?);
    }
    Ok(merges)
}

/// The merges whose absorbed stories resolve to `survivor` now.
pub(super) fn into(conn: &Connection, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError> {
    recorded(conn, "survivor_id", &survivor.0)
}

/// The merges `article` triggered, as made.
pub(super) fn by_article(
    conn: &Connection,
    article: &ArticleId,
) -> Result<Vec<StoryMerge>, StoreError> {
    recorded(conn, "article_id", &article.0)
}
