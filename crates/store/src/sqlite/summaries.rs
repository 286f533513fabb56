//! Story summaries kept in the `stories` table (migration V3): refreshed
//! for every story a batch touches, in the batch's transaction, so the
//! story list reads one indexed page instead of every story's articles.
//! Each refresh bumps the story's `revision`, the key of cached views.
//! The store-wide revision (every saved batch bumps it) is SQLite's
//! `user_version` header field, which SQLite itself never uses and
//! refinery does not touch: reading it is one header read, writing it is
//! part of the batch's transaction, and writes by other processes count.

use super::{query_articles, read_story, sql_error};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use storyline_core::facts::PreparedAnalyses;
use storyline_core::store::{Batch, StoryQuery, publication_order};
use storyline_core::view::entity::filter_key;
use storyline_core::view::{BRIEF_VERSION, StorySummary, summarize_with_brief_prepared};
use storyline_core::{Article, StoreError, Story, StoryId};

fn millis(ts: Option<jiff::Timestamp>) -> Option<i64> {
    ts.map(jiff::Timestamp::as_millisecond)
}

/// Stories whose articles are read, summarized and written at a time:
/// enough to keep every core busy, few enough that the articles held at
/// once stay a small part of the batch.
const REFRESH_CHUNK: usize = 256;

/// Recomputes the summaries of `ids` from their articles, except those
/// `ready` already holds (computed from a batch's own articles, see
/// [`founded_in_batch`]). Reading and writing go through the one
/// connection; summarizing (briefs extract figures and names from every
/// article's text) is a pure function of a story and its articles, so it
/// runs on all cores, with the same result in the same order as one story
/// after another. Summaries are written in the order of `ids`.
pub(super) fn refresh<'a>(
    conn: &Connection,
    ids: impl IntoIterator<Item = &'a str>,
    prepared: &PreparedAnalyses,
    mut ready: HashMap<&str, Summarized>,
) -> Result<(), StoreError> {
    let ids: Vec<&str> = ids.into_iter().collect();
    for chunk in ids.chunks(REFRESH_CHUNK) {
        let mut loaded = Vec::with_capacity(chunk.len());
        for &id in chunk.iter().filter(|id| !ready.contains_key(*id)) {
            let story = conn
                .query_row(
                    "SELECT id, title, founded_by, created_at FROM stories WHERE id = ?1",
                    [id],
                    read_story,
                )
                .optional()
                .map_err(sql_error("cannot read a story"))?
                .transpose()?;
            let Some(story) = story else { continue };
            let members = query_articles(conn, "WHERE story_id = ?1", &[&id])?;
            loaded.push((id, story, members));
        }
        let mut summarized: HashMap<&str, Summarized> = loaded
            .iter()
            .map(|(id, _, _)| *id)
            .zip(summarize_in_parallel(&loaded, prepared))
            .collect();
        for &id in chunk {
            let founded = ready.remove(id);
            let is_founded = founded.is_some();
            let Some(summary) = founded.or_else(|| summarized.remove(id)) else {
                continue;
            };
            let (summary, json) = summary?;
            conn.prepare_cached(
                "UPDATE stories SET revision = revision + 1, summary = ?2,
                    first_published_ms = ?3, last_published_ms = ?4 WHERE id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    id,
                    json,
                    millis(summary.first_published_at),
                    millis(summary.last_published_at)
                ])
            })
            .map_err(sql_error("cannot save a story summary"))?;
            // A story the batch founds has no filter rows yet.
            if !is_founded {
                forget_facets(conn, id)?;
            }
            save_facets(conn, id, &summary)?;
        }
    }
    Ok(())
}

/// A story and its articles (in publication order), to summarize.
pub(super) type Loaded<'a> = (&'a str, Story, Vec<Article>);

/// A story's summary and its JSON.
pub(super) type Summarized = Result<(StorySummary, String), StoreError>;

/// The stories `batch` founds whose articles are all in the batch, with
/// those articles, as the store will hold them once the batch is written:
/// stories the store has no record of and no article in, that no merge of
/// the batch touches, listed once. Their summaries need nothing from the
/// store, so they can be computed while the batch is written.
pub(super) fn founded_in_batch<'b>(
    conn: &Connection,
    batch: &'b Batch,
) -> Result<Vec<Loaded<'b>>, StoreError> {
    let merged: HashSet<&str> = batch
        .merges
        .iter()
        .flat_map(|m| [m.absorbed.0.as_str(), m.survivor.0.as_str()])
        .collect();
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for story in &batch.stories {
        *listed.entry(story.id.0.as_str()).or_default() += 1;
    }
    // An id listed twice is written once: its articles are not the batch's.
    let mut ids = HashSet::with_capacity(batch.articles.len());
    if !batch.articles.iter().all(|a| ids.insert(&a.id)) {
        return Ok(Vec::new());
    }
    let mut members: HashMap<&str, Vec<&Article>> = HashMap::new();
    for article in &batch.articles {
        if let Some(story) = &article.story {
            members.entry(story.0.as_str()).or_default().push(article);
        }
    }
    let mut stored = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?1)
                 OR EXISTS (SELECT 1 FROM articles WHERE story_id = ?1)",
        )
        .map_err(sql_error("cannot read stories"))?;
    let mut founded = Vec::new();
    for story in &batch.stories {
        let id = story.id.0.as_str();
        if merged.contains(id) || listed.get(id) != Some(&1) {
            continue;
        }
        let known: bool = stored
            .query_row([id], |row| row.get(0))
            .map_err(sql_error("cannot read stories"))?;
        if known {
            continue;
        }
        let mut articles: Vec<Article> = members
            .get(id)
            .map(|list| list.iter().map(|a| (*a).clone()).collect())
            .unwrap_or_default();
        articles.sort_by(publication_order);
        founded.push((id, story.clone(), articles));
    }
    Ok(founded)
}

/// Stories to summarize, taken one at a time by any number of threads.
/// Stories differ a lot in size (a few hundred articles beside
/// singletons), so rather than one contiguous share per thread, each
/// thread takes the next story not yet taken, largest first, and every
/// result goes back to its story's place: the result does not depend on
/// the number of threads or on timing.
pub(super) struct Queue<'q, 'a> {
    loaded: &'q [Loaded<'a>],
    largest_first: Vec<usize>,
    next: AtomicUsize,
    prepared: &'q PreparedAnalyses,
}

impl<'q, 'a> Queue<'q, 'a> {
    /// The stories of `loaded`, none taken yet.
    pub(super) fn new(loaded: &'q [Loaded<'a>], prepared: &'q PreparedAnalyses) -> Self {
        let mut largest_first: Vec<usize> = (0..loaded.len()).collect();
        largest_first.sort_by_key(|&i| std::cmp::Reverse(loaded[i].2.len()));
        Self {
            loaded,
            largest_first,
            next: AtomicUsize::new(0),
            prepared,
        }
    }

    /// Summarizes the next story not yet taken until none is left: the
    /// positions in `loaded` of those this thread took, with their
    /// summaries.
    pub(super) fn work(&self) -> Vec<(usize, Summarized)> {
        let mut done = Vec::new();
        loop {
            let taken = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = self.largest_first.get(taken) else {
                return done;
            };
            let (_, story, members) = &self.loaded[i];
            let summary = summarize_with_brief_prepared(story, members, self.prepared);
            let json = serde_json::to_string(&summary)
                .map_err(|e| StoreError::backend("cannot encode a story summary", e));
            done.push((i, json.map(|json| (summary, json))));
        }
    }

    /// Leaves the stories not taken yet untaken: [`Queue::work`] returns
    /// at once from then on.
    pub(super) fn abandon(&self) {
        self.next.store(self.largest_first.len(), Ordering::Relaxed);
    }

    /// The summaries `done` (what the threads' [`Queue::work`] returned),
    /// by story id.
    pub(super) fn by_id(&self, done: Vec<(usize, Summarized)>) -> HashMap<&'a str, Summarized> {
        done.into_iter()
            .map(|(i, summarized)| (self.loaded[i].0, summarized))
            .collect()
    }
}

/// Each loaded story's summary and JSON, in order, computed on up to as
/// many threads as the machine has cores ([`Queue`]).
fn summarize_in_parallel(loaded: &[Loaded<'_>], prepared: &PreparedAnalyses) -> Vec<Summarized> {
    let queue = Queue::new(loaded, prepared);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(loaded.len());
    let mut done = Vec::with_capacity(loaded.len());
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(|| queue.work())).collect();
        done.extend(queue.work());
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
    });
    let mut slots: Vec<Option<Summarized>> = (0..loaded.len()).map(|_| None).collect();
    for (i, summarized) in done {
        slots[i] = Some(summarized);
    }
    // Every index was taken by exactly one thread, so every slot is full.
    slots.into_iter().flatten().collect()
}

/// Writes the rows the list filters on (outlets, entities and their
/// aliases as [`filter_key`]s, categories: all lowercase) of one story,
/// whose earlier rows are gone ([`forget_facets`]).
fn save_facets(conn: &Connection, id: &str, summary: &StorySummary) -> Result<(), StoreError> {
    let run = |sql: &str, args: &[&dyn rusqlite::ToSql], what: &'static str| {
        conn.prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(args))
            .map(drop)
            .map_err(sql_error(what))
    };
    for outlet in &summary.outlets {
        run(
            "INSERT OR IGNORE INTO story_outlets (outlet, story_id) VALUES (lower(?1), ?2)",
            &[outlet, &id],
            "cannot save story outlets",
        )?;
        run(
            "INSERT OR IGNORE INTO outlets (name) VALUES (?1)",
            &[outlet],
            "cannot save story outlets",
        )?;
    }
    for entity in &summary.entities {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            run(
                "INSERT OR IGNORE INTO story_entities (name, story_id) VALUES (?1, ?2)",
                &[&filter_key(name), &id],
                "cannot save story entities",
            )?;
        }
    }
    for category in &summary.categories {
        let key = category.trim().to_lowercase();
        run(
            "INSERT OR IGNORE INTO story_categories (category, story_id) VALUES (?1, ?2)",
            &[&key, &id],
            "cannot save story categories",
        )?;
        run(
            "INSERT OR IGNORE INTO categories (key, name) VALUES (?1, ?2)",
            &[&key, category],
            "cannot save story categories",
        )?;
    }
    Ok(())
}

/// The tables of rows the story list filters on, keyed by story.
const FACET_TABLES: [&str; 3] = ["story_outlets", "story_entities", "story_categories"];

/// Deletes the rows the list filters on of one story: before they are
/// written again, or when the story is merged away.
pub(super) fn forget_facets(conn: &Connection, id: &str) -> Result<(), StoreError> {
    for table in FACET_TABLES {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE story_id = ?1"))
            .and_then(|mut stmt| stmt.execute([id]))
            .map_err(sql_error("cannot delete story facets"))?;
    }
    Ok(())
}

/// The stories whose summaries need (re)computing when the store opens:
/// those stored before migration V3 (revision 0), those summarized before
/// V5 added the state of play, entities and categories, and those briefed
/// by older rules than this build's ([`BRIEF_VERSION`]).
fn stale_summaries() -> String {
    format!(
        "revision = 0 OR summary IS NULL OR json_extract(summary, '$.categories') IS NULL \
         OR IFNULL(json_extract(summary, '$.brief_version'), 0) < {BRIEF_VERSION}"
    )
}

/// Summarizes the stories whose summaries are missing or older than the
/// current summary shape or brief rules (see [`stale_summaries`]).
pub(super) fn backfill(conn: &mut Connection) -> Result<(), StoreError> {
    let pending: bool = conn
        .query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM stories WHERE {})",
                stale_summaries()
            ),
            [],
            |r| r.get(0),
        )
        .map_err(sql_error("cannot read stories"))?;
    if !pending {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql_error("cannot start a transaction"))?;
    let ids: Vec<String> = {
        let mut stmt = tx
            .prepare(&format!(
                "SELECT id FROM stories WHERE {}",
                stale_summaries()
            ))
            .map_err(sql_error("cannot read stories"))?;
        stmt.query_map([], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(sql_error("cannot read stories"))?
    };
    let rebriefing = crate::rebrief::Rebriefing::start(ids.len());
    refresh(
        &tx,
        ids.iter().map(String::as_str),
        &PreparedAnalyses::default(),
        HashMap::new(),
    )?;
    bump_revision(&tx)?;
    tx.commit()
        .map_err(sql_error("cannot commit story summaries"))?;
    rebriefing.finish();
    Ok(())
}

/// The store-wide revision: the database's `user_version`.
pub(super) fn store_revision(conn: &Connection) -> Result<u64, StoreError> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(i64::unsigned_abs)
        .map_err(sql_error("cannot read the store revision"))
}

/// Adds one to the store-wide revision, inside the caller's transaction
/// (after its writes, so it holds the write lock and no other writer can
/// interleave). `user_version` is a 32-bit field: it wraps around, which
/// only matters to a cache that slept through four billion batches.
pub(super) fn bump_revision(conn: &Connection) -> Result<(), StoreError> {
    let next = (store_revision(conn)? + 1) % (1 << 31);
    conn.execute_batch(&format!("PRAGMA user_version = {next}"))
        .map_err(sql_error("cannot bump the store revision"))
}

/// The revision of one story.
pub(super) fn revision(conn: &Connection, id: &StoryId) -> Result<Option<u64>, StoreError> {
    conn.prepare_cached("SELECT revision FROM stories WHERE id = ?1")
        .and_then(|mut stmt| stmt.query_row([&id.0], |r| r.get::<_, i64>(0)).optional())
        .map(|rev| rev.map(|r| r.unsigned_abs()))
        .map_err(sql_error("cannot read a story revision"))
}

/// One page of summaries, most recently active first (undated last).
pub(super) fn page(
    conn: &Connection,
    query: &StoryQuery,
) -> Result<(Vec<StorySummary>, usize), StoreError> {
    let mut clauses = Vec::new();
    let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
    if let Some(outlet) = &query.outlet {
        args.push(Box::new(outlet.to_lowercase()));
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM story_outlets o WHERE o.outlet = ?{} AND o.story_id = s.id)",
            args.len()
        ));
    }
    if let Some(entity) = &query.entity {
        args.push(Box::new(filter_key(entity)));
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM story_entities e WHERE e.name = ?{} AND e.story_id = s.id)",
            args.len()
        ));
    }
    if let Some(category) = &query.category {
        args.push(Box::new(category.trim().to_lowercase()));
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM story_categories c WHERE c.category = ?{} AND c.story_id = s.id)",
            args.len()
        ));
    }
    let midnight = |d: jiff::civil::Date| -> Result<i64, StoreError> {
        d.to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp().as_millisecond())
            .map_err(|e| StoreError::backend("bad date filter", e))
    };
    if let Some(from) = query.from {
        args.push(Box::new(midnight(from)?));
        clauses.push(format!("s.last_published_ms >= ?{}", args.len()));
    }
    if let Some(to) = query.to {
        let next = to
            .tomorrow()
            .map_err(|e| StoreError::backend("bad date filter", e))?;
        args.push(Box::new(midnight(next)?));
        clauses.push(format!("s.first_published_ms < ?{}", args.len()));
    }
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(AsRef::as_ref).collect();
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM stories s {filter}"))
        .and_then(|mut stmt| stmt.query_row(params.as_slice(), |r| r.get(0)))
        .map_err(sql_error("cannot count stories"))?;
    let limit = query
        .limit
        .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT s.id, s.summary FROM stories s {filter}
         ORDER BY s.last_published_ms DESC, s.id LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(sql_error("cannot read stories"))?;
    let rows = stmt
        .query_map(params.as_slice(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .map_err(sql_error("cannot read stories"))?;
    let mut summaries = Vec::new();
    for row in rows {
        let (id, json) = row.map_err(sql_error("cannot read a story"))?;
        let summary = json
            .as_deref()
            .and_then(|j| serde_json::from_str::<StorySummary>(j).ok())
            .ok_or_else(|| StoreError::Corrupt(format!("story {id}: bad summary")))?;
        summaries.push(summary);
    }
    Ok((summaries, usize::try_from(total).unwrap_or(0)))
}

/// Every outlet of stored stories, sorted.
pub(super) fn outlets(conn: &Connection) -> Result<Vec<String>, StoreError> {
    names(
        conn,
        "SELECT name FROM outlets ORDER BY name",
        "cannot read outlets",
    )
}

/// Every category of stored stories (first spelling seen), sorted.
pub(super) fn categories(conn: &Connection) -> Result<Vec<String>, StoreError> {
    names(
        conn,
        "SELECT name FROM categories ORDER BY key",
        "cannot read categories",
    )
}

/// The one text column `sql` selects, in its order.
fn names(conn: &Connection, sql: &str, what: &'static str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(sql).map_err(sql_error(what))?;
    stmt.query_map([], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(sql_error(what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::ArticleId;
    use storyline_core::store::conformance::sample_article;

    #[test]
    fn summaries_of_stories_a_batch_founds_equal_those_read_back_from_the_store() {
        use storyline_core::Store;
        use storyline_core::store::conformance::sample_story;
        let mut store = super::super::SqliteStore::open_in_memory().unwrap();
        let texts = [
            (
                "Roma bid £15m for Chris Smalling",
                "Roma have made a bid of £15m.",
            ),
            ("Smalling talks stall", "Manchester United want £20m."),
            ("Harbour strike begins", "Dockers walked out on Monday."),
            ("Smalling joins Roma", "The fee was £13.5m, Roma said."),
        ];
        let mut articles: Vec<Article> = texts
            .iter()
            .zip(1..)
            .map(|((title, body), n)| sample_article(n, title, body))
            .collect();
        // Listed out of publication order, the stories interleaved.
        articles.reverse();
        for article in &mut articles {
            let story = if article.title.contains("Harbour") {
                "s2"
            } else {
                "s1"
            };
            article.story = Some(StoryId(story.into()));
            article.categories = vec![format!("Category {story}")];
        }
        let founders = [&articles[3], &articles[1]];
        let batch = Batch {
            stories: vec![
                sample_story("s1", founders[0]),
                sample_story("s2", founders[1]),
            ],
            articles: articles.clone(),
            ..Batch::default()
        };
        let founded = founded_in_batch(&store.conn, &batch).unwrap();
        assert_eq!(founded.len(), 2, "both stories are new");
        store.save(&batch).unwrap();
        let stored = |conn: &Connection| -> Vec<(String, String)> {
            let mut stmt = conn
                .prepare("SELECT id, summary FROM stories ORDER BY id")
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let from_batch = stored(&store.conn);
        refresh(
            &store.conn,
            ["s1", "s2"],
            &PreparedAnalyses::default(),
            HashMap::new(),
        )
        .unwrap();
        assert_eq!(from_batch, stored(&store.conn));
        assert!(from_batch[0].1.contains("Smalling"), "{from_batch:?}");
        // Once stored, a story is read back from the store.
        assert!(founded_in_batch(&store.conn, &batch).unwrap().is_empty());
    }

    #[test]
    fn summaries_computed_in_parallel_come_back_in_story_order() {
        // Sizes out of order, so the largest-first schedule differs from
        // the stories' order.
        let sizes = [1, 7, 2, 12, 1, 5];
        let mut next = 0;
        let loaded: Vec<(&str, Story, Vec<Article>)> = sizes
            .iter()
            .zip(["a", "b", "c", "d", "e", "f"])
            .map(|(&size, id)| {
                let members: Vec<Article> = (0..size)
                    .map(|_| {
                        next += 1;
                        sample_article(next, &format!("Story {id} report {next}"), "Body.")
                    })
                    .collect();
                let story = Story {
                    id: StoryId(id.to_string()),
                    title: format!("Story {id}"),
                    founded_by: ArticleId(members[0].id.0.clone()),
                    created_at: jiff::Timestamp::UNIX_EPOCH,
                };
                (id, story, members)
            })
            .collect();
        let parallel: Vec<String> = summarize_in_parallel(&loaded, &PreparedAnalyses::default())
            .into_iter()
            .map(|s| s.unwrap().1)
            .collect();
        let one_by_one: Vec<String> = loaded
            .iter()
            .map(|(_, story, members)| {
                serde_json::to_string(&storyline_core::view::summarize_with_brief(story, members))
                    .unwrap()
            })
            .collect();
        assert_eq!(parallel, one_by_one);
    }
}
