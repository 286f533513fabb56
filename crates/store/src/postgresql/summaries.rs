//! Story summaries kept in PostgreSQL (migration V6), as SQLite keeps
//! them: refreshed for every story a batch touches, inside the batch's
//! transaction, so the story list reads one indexed page and its filters
//! (outlet, entity, category) read `story_facets` instead of every story's
//! articles. Each refresh bumps the story's `revision`, the key of cached
//! views.

use super::{pg_error, query_articles, query_story};
use postgres::GenericClient;
use postgres::types::ToSql;
use storyline_core::store::StoryQuery;
use storyline_core::view::entity::filter_key;
use storyline_core::view::{BRIEF_VERSION, StorySummary, summarize_with_brief};
use storyline_core::{StoreError, StoryId};

/// Recomputes the summaries of `ids` from their articles.
pub(super) fn refresh<'a>(
    client: &mut impl GenericClient,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), StoreError> {
    for id in ids {
        let Some(story) = query_story(client, id)? else {
            continue;
        };
        let members = query_articles(client, "WHERE story_id = $1", &[&id])?;
        let summary = summarize_with_brief(&story, &members);
        let json = serde_json::to_value(&summary)
            .map_err(|e| StoreError::backend("cannot encode a story summary", e))?;
        client
            .execute(
                "UPDATE stories SET revision = revision + 1, summary = $2,
                    first_published = $3, last_published = $4 WHERE id = $1",
                &[
                    &id,
                    &json,
                    &summary.first_published_at,
                    &summary.last_published_at,
                ],
            )
            .map_err(pg_error("cannot save a story summary"))?;
        client
            .execute("DELETE FROM story_facets WHERE story_id = $1", &[&id])
            .map_err(pg_error("cannot save story facets"))?;
        for (facet, key, label) in facets(&summary) {
            client
                .execute(
                    "INSERT INTO story_facets (facet, key, label, story_id)
                     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    &[&facet, &key, &label, &id],
                )
                .map_err(pg_error("cannot save story facets"))?;
        }
    }
    Ok(())
}

/// The rows the list filters on: (facet, compared key, label).
fn facets(summary: &StorySummary) -> Vec<(&'static str, String, String)> {
    let mut rows: Vec<(&'static str, String, String)> = Vec::new();
    for outlet in &summary.outlets {
        rows.push(("outlet", outlet.to_lowercase(), outlet.clone()));
    }
    for entity in &summary.entities {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            rows.push(("entity", filter_key(name), entity.name.clone()));
        }
    }
    for category in &summary.categories {
        rows.push(("category", category.trim().to_lowercase(), category.clone()));
    }
    rows
}

/// Summarizes the stories stored before migration V6 (no summary yet) and
/// re-briefs those briefed by older rules than this build's
/// ([`BRIEF_VERSION`]).
pub(super) fn backfill(client: &mut postgres::Client) -> Result<(), StoreError> {
    let version = i32::try_from(BRIEF_VERSION).unwrap_or(i32::MAX);
    let ids: Vec<String> = client
        .query(
            "SELECT id FROM stories WHERE summary IS NULL \
             OR COALESCE((summary->>'brief_version')::int, 0) < $1",
            &[&version],
        )
        .map_err(pg_error("cannot read stories"))?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()
        .map_err(pg_error("cannot read stories"))?;
    if ids.is_empty() {
        return Ok(());
    }
    let rebriefing = crate::rebrief::Rebriefing::start(ids.len());
    let mut tx = client
        .transaction()
        .map_err(pg_error("cannot start a transaction"))?;
    refresh(&mut tx, ids.iter().map(String::as_str))?;
    tx.execute("UPDATE store_revision SET revision = revision + 1", &[])
        .map_err(pg_error("cannot bump the store revision"))?;
    tx.commit()
        .map_err(pg_error("cannot commit story summaries"))?;
    rebriefing.finish();
    Ok(())
}

/// The revision of one story.
pub(super) fn revision(
    client: &mut impl GenericClient,
    id: &StoryId,
) -> Result<Option<u64>, StoreError> {
    let row = client
        .query_opt("SELECT revision FROM stories WHERE id = $1", &[&id.0])
        .map_err(pg_error("cannot read a story revision"))?;
    row.map(|r| r.try_get::<_, i64>(0).map(i64::unsigned_abs))
        .transpose()
        .map_err(pg_error("cannot read a story revision"))
}

/// One page of summaries, most recently active first (undated last).
pub(super) fn page(
    client: &mut impl GenericClient,
    query: &StoryQuery,
) -> Result<(Vec<StorySummary>, usize), StoreError> {
    let mut clauses: Vec<String> = Vec::new();
    let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
    for (facet, value) in [
        ("outlet", query.outlet.as_deref().map(str::to_lowercase)),
        ("entity", query.entity.as_deref().map(filter_key)),
        (
            "category",
            query.category.as_deref().map(|c| c.trim().to_lowercase()),
        ),
    ] {
        if let Some(key) = value {
            args.push(Box::new(key));
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM story_facets f WHERE f.facet = '{facet}'
                    AND f.key = ${} AND f.story_id = s.id)",
                args.len()
            ));
        }
    }
    let midnight = |d: jiff::civil::Date| -> Result<jiff::Timestamp, StoreError> {
        d.to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| StoreError::backend("bad date filter", e))
    };
    if let Some(from) = query.from {
        args.push(Box::new(midnight(from)?));
        clauses.push(format!("s.last_published >= ${}", args.len()));
    }
    if let Some(to) = query.to {
        let next = to
            .tomorrow()
            .map_err(|e| StoreError::backend("bad date filter", e))?;
        args.push(Box::new(midnight(next)?));
        clauses.push(format!("s.first_published < ${}", args.len()));
    }
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(AsRef::as_ref).collect();
    let total: i64 = client
        .query_one(&format!("SELECT count(*) FROM stories s {filter}"), &params)
        .and_then(|row| row.try_get(0))
        .map_err(pg_error("cannot count stories"))?;
    let limit = query
        .limit
        .map_or_else(|| "ALL".to_string(), |l| l.to_string());
    let rows = client
        .query(
            &format!(
                "SELECT s.id, s.summary FROM stories s {filter}
                 ORDER BY s.last_published DESC NULLS LAST, s.id
                 LIMIT {limit} OFFSET {}",
                query.offset
            ),
            &params,
        )
        .map_err(pg_error("cannot read stories"))?;
    let mut summaries = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: String = row.try_get(0).map_err(pg_error("cannot read a story"))?;
        let summary = row
            .try_get::<_, Option<serde_json::Value>>(1)
            .ok()
            .flatten()
            .and_then(|json| serde_json::from_value::<StorySummary>(json).ok())
            .ok_or_else(|| StoreError::Corrupt(format!("story {id}: bad summary")))?;
        summaries.push(summary);
    }
    Ok((summaries, usize::try_from(total).unwrap_or(0)))
}

/// The labels of one facet of stored stories (outlets, categories), sorted.
pub(super) fn labels(
    client: &mut impl GenericClient,
    facet: &str,
) -> Result<Vec<String>, StoreError> {
    client
        .query(
            "SELECT min(label) FROM story_facets WHERE facet = $1 GROUP BY key ORDER BY key",
            &[&facet],
        )
        .map_err(pg_error("cannot read story facets"))?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()
        .map_err(pg_error("cannot read story facets"))
}
