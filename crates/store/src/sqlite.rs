//! SQLite backend: the default, embedded store. Every batch is written in
//! one transaction; search uses an FTS5 index kept in step by triggers.

use crate::sql::{ARTICLE_COLUMNS, ARTICLE_UPSERT, EXPLANATION_COLUMNS, EXPLANATION_UPSERT};
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::path::Path;
use storyline_core::cluster::{Candidate, Explanation, StoryMerge};
use storyline_core::facts::PreparedAnalyses;
use storyline_core::model::SourceFormat;
use storyline_core::store::{
    ArticleKey, Batch, SearchHit, StoryQuery, key_order, publication_order,
};
use storyline_core::view::StorySummary;
use storyline_core::{Article, ArticleId, Store, StoreError, Story, StoryId};

mod merges;
mod snapshot;
mod summaries;

mod embedded {
    refinery::embed_migrations!("migrations/sqlite");
}

/// A store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
}

fn sql_error(context: &str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
    move |err| StoreError::backend(context, err)
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|e| {
            StoreError::backend(format!("cannot open database {}", path.display()), e)
        })?;
        Self::setup(conn)
    }

    /// A private database in memory, for tests and dry runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(sql_error("cannot open database"))?;
        Self::setup(conn)
    }

    fn setup(mut conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql_error("cannot set busy timeout"))?;
        // `journal_mode` returns a row, so it is read rather than executed.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(sql_error("cannot enable WAL"))?;
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
             PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
        )
        .map_err(sql_error("cannot set pragmas"))?;
        embedded::migrations::runner()
            .run(&mut conn)
            .map_err(|e| StoreError::backend("cannot migrate the database schema", e))?;
        summaries::backfill(&mut conn)?;
        Ok(Self { conn })
    }

    fn query_articles(
        &self,
        filter: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Article>, StoreError> {
        query_articles(&self.conn, filter, args)
    }
}

/// Articles matching an SQL `WHERE` clause, in publication order.
fn query_articles(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Article>, StoreError> {
    let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles {filter}");
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(sql_error("cannot read articles"))?;
    let rows = stmt
        .query_map(args, read_article)
        .map_err(sql_error("cannot read articles"))?;
    let mut articles = Vec::new();
    for row in rows {
        articles.push(row.map_err(sql_error("cannot read an article"))??);
    }
    articles.sort_by(publication_order);
    Ok(articles)
}

fn read_article(row: &Row<'_>) -> rusqlite::Result<Result<Article, StoreError>> {
    let authors: String = row.get(7)?;
    let categories: String = row.get(8)?;
    let published_at: Option<String> = row.get(12)?;
    let format: String = row.get(14)?;
    let extra: String = row.get(18)?;
    let id: String = row.get(0)?;
    let revision: i64 = row.get(20)?;
    let decode = || -> Result<Article, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("article {id}: bad {what}"));
        Ok(Article {
            id: ArticleId(id.clone()),
            path: row.get(1).map_err(|_| corrupt("path"))?,
            url: row.get(2).map_err(|_| corrupt("url"))?,
            canonical_url: row.get(19).map_err(|_| corrupt("canonical_url"))?,
            revision: u32::try_from(revision).map_err(|_| corrupt("revision"))?,
            title: row.get(3).map_err(|_| corrupt("title"))?,
            lead: row.get(4).map_err(|_| corrupt("lead"))?,
            body: row.get(5).map_err(|_| corrupt("body"))?,
            source_domain: row.get(6).map_err(|_| corrupt("source_domain"))?,
            authors: serde_json::from_str(&authors).map_err(|_| corrupt("authors"))?,
            categories: serde_json::from_str(&categories).map_err(|_| corrupt("categories"))?,
            image: row.get(9).map_err(|_| corrupt("image"))?,
            featured: row.get(10).map_err(|_| corrupt("featured"))?,
            language: row.get(11).map_err(|_| corrupt("language"))?,
            published_at: published_at
                .map(|t| t.parse::<jiff::Timestamp>())
                .transpose()
                .map_err(|_| corrupt("published_at"))?,
            published_at_approximate: row
                .get(13)
                .map_err(|_| corrupt("published_at_approximate"))?,
            format: SourceFormat::parse(&format).ok_or_else(|| corrupt("format"))?,
            content_hash: row.get(15).map_err(|_| corrupt("content_hash"))?,
            duplicate_of: row
                .get::<_, Option<String>>(16)
                .map_err(|_| corrupt("duplicate_of"))?
                .map(ArticleId),
            story: row
                .get::<_, Option<String>>(17)
                .map_err(|_| corrupt("story_id"))?
                .map(StoryId),
            extra: serde_json::from_str(&extra).map_err(|_| corrupt("extra"))?,
        })
    };
    Ok(decode())
}

fn read_key(row: &Row<'_>) -> rusqlite::Result<Result<ArticleKey, StoreError>> {
    let id: String = row.get(0)?;
    let published_at: Option<String> = row.get(1)?;
    let story: Option<String> = row.get(2)?;
    let duplicate_of: Option<String> = row.get(3)?;
    let revision: u32 = row.get(4)?;
    let Ok(published_at) = published_at.map(|t| t.parse()).transpose() else {
        return Ok(Err(StoreError::Corrupt(format!(
            "article {id}: bad published_at"
        ))));
    };
    Ok(Ok(ArticleKey {
        id: ArticleId(id),
        published_at,
        story: story.map(StoryId),
        duplicate_of: duplicate_of.map(ArticleId),
        revision,
    }))
}

fn read_story(row: &Row<'_>) -> rusqlite::Result<Result<Story, StoreError>> {
    let id: String = row.get(0)?;
    let title: String = row.get(1)?;
    let founded_by: String = row.get(2)?;
    let created_at: String = row.get(3)?;
    Ok(created_at
        .parse::<jiff::Timestamp>()
        .map_err(|_| StoreError::Corrupt(format!("story {id}: bad created_at")))
        .map(|created_at| Story {
            id: StoryId(id),
            title,
            founded_by: ArticleId(founded_by),
            created_at,
        }))
}

fn read_explanation(row: &Row<'_>) -> rusqlite::Result<Result<Explanation, StoreError>> {
    let article: String = row.get(0)?;
    let story: String = row.get(1)?;
    let founded: bool = row.get(2)?;
    let score: f64 = row.get(3)?;
    let threshold: f64 = row.get(4)?;
    let best: Option<String> = row.get(5)?;
    let runner_up: Option<String> = row.get(6)?;
    let candidate = |json: Option<String>, what: &str| {
        json.map(|text| serde_json::from_str::<Candidate>(&text))
            .transpose()
            .map_err(|_| StoreError::Corrupt(format!("explanation of {article}: bad {what}")))
    };
    Ok((|| {
        Ok(Explanation {
            best: candidate(best, "best")?,
            runner_up: candidate(runner_up, "runner_up")?,
            merges: Vec::new(),
            article: ArticleId(article.clone()),
            story: StoryId(story),
            founded,
            // Stored from f32, so the narrowing is exact.
            score: score as f32,
            threshold: threshold as f32,
        })
    })())
}

/// Turns what a user typed into an FTS5 query that matches all its words,
/// with every operator character neutralized by quoting.
fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Articles written by one `INSERT` statement. Every statement that fires
/// the full-text trigger opens a statement savepoint, and FTS5 writes its
/// pending terms to disk as a new segment at every savepoint: one article
/// per statement made one segment (and its merges) per article, about a
/// tenth of a headline ingest. 128 rows × 22 parameters stay far below
/// SQLite's 32,766 parameters.
const ARTICLES_PER_INSERT: usize = 128;

/// The article upsert for `rows` articles in one statement.
fn article_insert_sql(rows: usize) -> String {
    let columns = 22;
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let marks: Vec<String> = (1..=columns)
                .map(|column| format!("?{}", row * columns + column))
                .collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    // An upsert rather than INSERT OR REPLACE: a revision updates the row
    // in place, so the FTS update trigger fires and the rowid stays. Rows
    // are inserted in the order listed, so rowids follow the batch.
    format!(
        "INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at) VALUES {} {ARTICLE_UPSERT}",
        values.join(", ")
    )
}

/// Writes a batch's articles, [`ARTICLES_PER_INSERT`] per statement, in
/// order.
fn save_articles(
    tx: &Connection,
    articles: &[Article],
    ingested_at: &str,
) -> Result<(), StoreError> {
    /// The values of one article's columns that are computed, not borrowed.
    struct Encoded {
        authors: String,
        categories: String,
        published_at: Option<String>,
        duplicate_of: Option<String>,
        story: Option<String>,
        extra: String,
        format: &'static str,
    }
    let json = |value: &dyn erased::Json| value.to_json();
    for chunk in articles.chunks(ARTICLES_PER_INSERT) {
        let encoded: Vec<Encoded> = chunk
            .iter()
            .map(|a| Encoded {
                authors: json(&a.authors),
                categories: json(&a.categories),
                published_at: a.published_at.map(|t| t.to_string()),
                duplicate_of: a.duplicate_of.as_ref().map(|d| d.0.clone()),
                story: a.story.as_ref().map(|s| s.0.clone()),
                extra: json(&a.extra),
                format: a.format.as_str(),
            })
            .collect();
        let mut args: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(chunk.len() * 22);
        for (a, e) in chunk.iter().zip(&encoded) {
            args.extend_from_slice(params![
                a.id.0,
                a.path,
                a.url,
                a.title,
                a.lead,
                a.body,
                a.source_domain,
                e.authors,
                e.categories,
                a.image,
                a.featured,
                a.language,
                e.published_at,
                a.published_at_approximate,
                e.format,
                a.content_hash,
                e.duplicate_of,
                e.story,
                e.extra,
                a.canonical_url,
                a.revision,
                ingested_at,
            ]);
        }
        tx.prepare_cached(&article_insert_sql(chunk.len()))
            .and_then(|mut stmt| stmt.execute(args.as_slice()))
            .map_err(sql_error("cannot save articles"))?;
    }
    Ok(())
}

/// Writes a batch's stories, articles, explanations and merges (all but
/// the summaries) inside the caller's transaction.
fn write_rows(tx: &Connection, batch: &Batch, ingested_at: &str) -> Result<(), StoreError> {
    let mut story_stmt = tx
        .prepare(
            "INSERT INTO stories (id, title, founded_by, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(id) DO UPDATE SET title = excluded.title",
        )
        .map_err(sql_error("cannot save stories"))?;
    for story in &batch.stories {
        story_stmt
            .execute(params![
                story.id.0,
                story.title,
                story.founded_by.0,
                story.created_at.to_string()
            ])
            .map_err(sql_error("cannot save a story"))?;
    }
    save_articles(tx, &batch.articles, ingested_at)?;
    let mut explanation_stmt = tx
        .prepare(&format!(
            "INSERT INTO explanations ({EXPLANATION_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) {EXPLANATION_UPSERT}"
        ))
        .map_err(sql_error("cannot save explanations"))?;
    for e in &batch.explanations {
        let json = |value: &Option<Candidate>| value.as_ref().map(erased::Json::to_json);
        explanation_stmt
            .execute(params![
                e.article.0,
                e.story.0,
                e.founded,
                f64::from(e.score),
                f64::from(e.threshold),
                json(&e.best),
                json(&e.runner_up),
            ])
            .map_err(sql_error("cannot save an explanation"))?;
    }
    merges::apply(tx, &batch.merges)
}

impl Store for SqliteStore {
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        Ok(self
            .query_articles("WHERE id = ?1", &[&id.0])?
            .into_iter()
            .next())
    }

    fn has_article(&self, id: &ArticleId) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [&id.0], |_| Ok(()))
            .optional()
            .map(|found| found.is_some())
            .map_err(sql_error("cannot look up an article"))
    }

    fn original_with_content(&self, content_hash: &str) -> Result<Option<ArticleId>, StoreError> {
        let originals = self.query_articles(
            "WHERE content_hash = ?1 AND duplicate_of IS NULL",
            &[&content_hash],
        )?;
        Ok(originals.into_iter().next().map(|a| a.id))
    }

    fn articles(&self) -> Result<Vec<Article>, StoreError> {
        self.query_articles("", &[])
    }

    fn article_keys(&self) -> Result<Vec<ArticleKey>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, published_at, story_id, duplicate_of, revision FROM articles",
            )
            .map_err(sql_error("cannot read article keys"))?;
        let rows = stmt
            .query_map([], read_key)
            .map_err(sql_error("cannot read article keys"))?;
        let mut keys = Vec::new();
        for row in rows {
            keys.push(row.map_err(sql_error("cannot read an article key"))??);
        }
        keys.sort_by(key_order);
        Ok(keys)
    }

    fn articles_by_id(&self, ids: &[ArticleId]) -> Result<Vec<Article>, StoreError> {
        // SQLite allows 32,766 parameters; pages of 500 stay far below.
        let mut by_id = std::collections::HashMap::with_capacity(ids.len());
        for page in ids.chunks(500) {
            let marks = vec!["?"; page.len()].join(",");
            let args: Vec<&dyn rusqlite::ToSql> = page
                .iter()
                .map(|id| &id.0 as &dyn rusqlite::ToSql)
                .collect();
            for article in query_articles(&self.conn, &format!("WHERE id IN ({marks})"), &args)? {
                by_id.insert(article.id.clone(), article);
            }
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError> {
        self.query_articles("WHERE story_id = ?1", &[&id.0])
    }

    fn stories(&self) -> Result<Vec<Story>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, founded_by, created_at FROM stories ORDER BY id")
            .map_err(sql_error("cannot read stories"))?;
        let rows = stmt
            .query_map([], read_story)
            .map_err(sql_error("cannot read stories"))?;
        let mut stories = Vec::new();
        for row in rows {
            stories.push(row.map_err(sql_error("cannot read a story"))??);
        }
        Ok(stories)
    }

    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError> {
        self.conn
            .query_row(
                "SELECT id, title, founded_by, created_at FROM stories WHERE id = ?1",
                [&id.0],
                read_story,
            )
            .optional()
            .map_err(sql_error("cannot read a story"))?
            .transpose()
    }

    fn explanation(&self, article: &ArticleId) -> Result<Option<Explanation>, StoreError> {
        let explanation = self
            .conn
            .query_row(
                &format!("SELECT {EXPLANATION_COLUMNS} FROM explanations WHERE article_id = ?1"),
                [&article.0],
                read_explanation,
            )
            .optional()
            .map_err(sql_error("cannot read an explanation"))?
            .transpose()?;
        let Some(mut explanation) = explanation else {
            return Ok(None);
        };
        explanation.merges = merges::by_article(&self.conn, article)?;
        Ok(Some(explanation))
    }

    fn merge_of(&self, id: &StoryId) -> Result<Option<StoryMerge>, StoreError> {
        merges::merge_of(&self.conn, id)
    }

    fn merges_into(&self, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError> {
        merges::into(&self.conn, survivor)
    }

    fn save(&mut self, batch: &Batch) -> Result<(), StoreError> {
        self.save_with_snapshot(batch, None)
    }

    fn snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        snapshot::read(&self.conn)
    }

    fn save_with_snapshot(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.save_prepared(batch, snapshot, &mut PreparedAnalyses::default)
    }

    fn save_prepared(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
        prepared: &mut dyn FnMut() -> PreparedAnalyses,
    ) -> Result<(), StoreError> {
        let ingested_at = jiff::Timestamp::now().to_string();
        let tx = self
            .conn
            .transaction()
            .map_err(sql_error("cannot start a transaction"))?;
        // References are checked at commit, so a batch may list a copy
        // before its original.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")
            .map_err(sql_error("cannot defer foreign keys"))?;
        // The analyses read while the batch was clustered.
        let prepared = prepared();
        // The summaries of the stories the batch founds are computed from
        // its articles on a second core while the rows are written, and
        // on this one too once they are.
        let founded = summaries::founded_in_batch(&tx, batch)?;
        let queue = summaries::Queue::new(&founded, &prepared);
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let (written, done) = std::thread::scope(|scope| {
            let helper = (cores > 1 && !founded.is_empty()).then(|| scope.spawn(|| queue.work()));
            let written = write_rows(&tx, batch, &ingested_at);
            if written.is_err() {
                queue.abandon();
            }
            let mut done = queue.work();
            if let Some(helper) = helper {
                done.extend(
                    helper
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
            }
            (written, done)
        });
        written?;
        summaries::refresh(&tx, batch.touched_stories(), &prepared, queue.by_id(done))?;
        if !batch.articles.is_empty() || !batch.stories.is_empty() || !batch.merges.is_empty() {
            summaries::bump_revision(&tx)?;
        }
        snapshot::write(&tx, snapshot)?;
        tx.commit().map_err(sql_error("cannot commit the batch"))
    }

    fn revision(&self) -> Result<Option<u64>, StoreError> {
        summaries::store_revision(&self.conn).map(Some)
    }

    fn story_revision(&self, id: &StoryId) -> Result<Option<u64>, StoreError> {
        summaries::revision(&self.conn, id)
    }

    fn story_page(&self, query: &StoryQuery) -> Result<(Vec<StorySummary>, usize), StoreError> {
        summaries::page(&self.conn, query)
    }

    fn outlets(&self) -> Result<Vec<String>, StoreError> {
        summaries::outlets(&self.conn)
    }

    fn categories(&self) -> Result<Vec<String>, StoreError> {
        summaries::categories(&self.conn)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 16), bm25(articles_fts)
                 FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                 WHERE articles_fts MATCH ?1
                 ORDER BY bm25(articles_fts), a.id
                 LIMIT ?2",
            )
            .map_err(sql_error("cannot search"))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![fts, limit], |row| {
                Ok(SearchHit {
                    article: ArticleId(row.get(0)?),
                    title: row.get(1)?,
                    snippet: row.get(2)?,
                    score: -row.get::<_, f64>(3)?,
                })
            })
            .map_err(sql_error("cannot search"))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(sql_error("cannot search"))
    }
}

/// JSON encoding of the list and map columns.
mod erased {
    /// A value stored as a JSON column.
    pub trait Json {
        /// Its JSON text.
        fn to_json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            // Vec<String> and JSON maps always serialize.
            serde_json::to_string(self).unwrap_or_else(|_| "null".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::store::conformance;

    #[test]
    fn sqlite_store_conforms() {
        conformance::run_all(|| SqliteStore::open_in_memory().unwrap());
    }

    #[test]
    fn data_survives_reopening_and_migrations_are_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let article = conformance::sample_article(7, "Kept", "Body.");
        {
            let mut store = SqliteStore::open(&path).unwrap();
            store
                .save(&Batch {
                    articles: vec![article.clone()],
                    stories: vec![],
                    ..Batch::default()
                })
                .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.article(&article.id).unwrap(), Some(article));
    }

    #[test]
    fn briefs_written_by_older_rules_are_rewritten_when_the_store_opens() {
        use storyline_core::store::StoryQuery;
        use storyline_core::view::BRIEF_VERSION;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut article = conformance::sample_article(
            7,
            "Roma bid for Smalling",
            "Roma have made a bid of £15m for Chris Smalling, Manchester United's defender.",
        );
        article.story = Some(StoryId("s7".into()));
        {
            let mut store = SqliteStore::open(&path).unwrap();
            store
                .save(&Batch {
                    stories: vec![conformance::sample_story("s7", &article)],
                    articles: vec![article.clone()],
                    ..Batch::default()
                })
                .unwrap();
        }
        // An older build's brief: no version, no entities.
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute(
                "UPDATE stories SET summary = json_set(json_remove(summary, '$.brief_version'), \
                 '$.entities', json('[]'))",
                [],
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let (page, _) = store.story_page(&StoryQuery::default()).unwrap();
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].brief_version, BRIEF_VERSION);
        assert!(
            page[0].entities.iter().any(|e| e.name == "Chris Smalling"),
            "{:?}",
            page[0].entities
        );
    }

    #[test]
    fn a_batch_larger_than_one_insert_statement_is_stored_whole_in_order_and_searchable() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let count = u32::try_from(ARTICLES_PER_INSERT * 2 + 3).unwrap();
        let articles: Vec<Article> = (0..count)
            .map(|n| conformance::sample_article(n, &format!("Harbour strike day {n}"), "Body."))
            .collect();
        store
            .save(&Batch {
                articles: articles.clone(),
                ..Batch::default()
            })
            .unwrap();
        // A revision of the last article and a new one, in one statement.
        let mut revised = articles[articles.len() - 1].clone();
        revised.body = "Dockers voted to end the walkout.".into();
        revised.revision = 2;
        let newer = conformance::sample_article(count, "Harbour reopens", "Body.");
        store
            .save(&Batch {
                articles: vec![revised.clone(), newer.clone()],
                ..Batch::default()
            })
            .unwrap();
        let stored = store.articles().unwrap();
        assert_eq!(stored.len(), articles.len() + 1);
        assert_eq!(store.article(&revised.id).unwrap(), Some(revised.clone()));
        assert_eq!(store.article(&newer.id).unwrap(), Some(newer));
        // Rowids follow the batch: the first article listed is row 1.
        let first: String = store
            .conn
            .query_row("SELECT id FROM articles WHERE rowid = 1", [], |r| r.get(0))
            .unwrap();
        assert_eq!(first, articles[0].id.0);
        let hits = store.search("walkout", 10).unwrap();
        assert_eq!(hits.len(), 1, "the revision is indexed, once");
        assert_eq!(hits[0].article, revised.id);
        assert_eq!(store.search("strike", 1000).unwrap().len(), articles.len());
    }

    #[test]
    fn a_failing_batch_leaves_nothing_behind() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let good = conformance::sample_article(1, "Good", "x");
        let mut bad = conformance::sample_article(2, "Bad", "x");
        // Points at a story that does not exist: the foreign key refuses it.
        bad.story = Some(StoryId("missing".into()));
        let result = store.save(&Batch {
            articles: vec![good.clone(), bad],
            stories: vec![],
            ..Batch::default()
        });
        assert!(result.is_err());
        assert!(
            !store.has_article(&good.id).unwrap(),
            "the batch rolled back"
        );
    }

    #[test]
    fn opening_a_file_that_is_not_a_database_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "this is not sqlite, just a text file with enough bytes in it to look like a header....").unwrap();
        let err = SqliteStore::open(&path).unwrap_err().to_string();
        assert!(
            err.contains("not a database") || err.contains("WAL"),
            "{err}"
        );
    }
}
