//! PostgreSQL backend: one store shared by several workers (ingesters and
//! web servers on different machines). Every batch is written in one
//! transaction; search uses a generated `tsvector` column with a GIN index.
//! The schema mirrors the SQLite one, with native types (JSONB, TIMESTAMPTZ).
//! A one-row table holds the store-wide revision (`Store::revision`), bumped
//! in every batch's transaction, so serve caches whole responses here too;
//! story summaries are kept on save (`summaries`), so the story list reads
//! one page, not every article.

use crate::sql::{ARTICLE_COLUMNS, ARTICLE_UPSERT, EXPLANATION_COLUMNS, EXPLANATION_UPSERT};
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Row};
use std::sync::{Mutex, MutexGuard};
use storyline_core::cluster::{Candidate, Explanation, StoryMerge};
use storyline_core::model::SourceFormat;
use storyline_core::store::{ArticleKey, Batch, SearchHit, key_order, publication_order};
use storyline_core::{Article, ArticleId, Store, StoreError, Story, StoryId};

mod snapshot;
mod summaries;

mod embedded {
    refinery::embed_migrations!("migrations/postgres");
}

/// A store in a PostgreSQL database, named by a connection URL such as
/// `postgres://user:password@host/storyline`.
pub struct PostgresStore {
    client: Mutex<Client>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

fn pg_error(context: &str) -> impl FnOnce(postgres::Error) -> StoreError + '_ {
    move |err| StoreError::backend(context, err)
}

/// True for the URLs this backend takes (`postgres://`, `postgresql://`).
pub fn is_postgres_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

impl PostgresStore {
    /// Connects to the database at `url` and brings its schema up to date.
    /// Several processes may do this at once: migrations run under an
    /// advisory lock.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut client = Client::connect(url, NoTls)
            .map_err(|e| StoreError::backend(format!("cannot connect to {}", redact(url)), e))?;
        client
            .batch_execute("SELECT pg_advisory_lock(7346021)")
            .map_err(pg_error("cannot lock the schema for migration"))?;
        let migrated = embedded::migrations::runner()
            .run(&mut client)
            .map_err(|e| StoreError::backend("cannot migrate the database schema", e))
            .and_then(|_| summaries::backfill(&mut client));
        client
            .batch_execute("SELECT pg_advisory_unlock(7346021)")
            .map_err(pg_error("cannot unlock the schema"))?;
        migrated?;
        Ok(Self {
            client: Mutex::new(client),
        })
    }

    fn client(&self) -> Result<MutexGuard<'_, Client>, StoreError> {
        self.client
            .lock()
            .map_err(|_| StoreError::Corrupt("the database connection was poisoned".into()))
    }

    fn query_articles(
        &self,
        filter: &str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Article>, StoreError> {
        query_articles(&mut *self.client()?, filter, args)
    }
}

/// Articles matching an SQL `WHERE` clause, in publication order, through
/// any client (the store's connection or a batch's transaction).
fn query_articles(
    client: &mut impl GenericClient,
    filter: &str,
    args: &[&(dyn ToSql + Sync)],
) -> Result<Vec<Article>, StoreError> {
    let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles {filter}");
    let rows = client
        .query(&sql, args)
        .map_err(pg_error("cannot read articles"))?;
    let mut articles = rows
        .iter()
        .map(read_article)
        .collect::<Result<Vec<_>, _>>()?;
    articles.sort_by(publication_order);
    Ok(articles)
}

/// One story record, through any client.
fn query_story(client: &mut impl GenericClient, id: &str) -> Result<Option<Story>, StoreError> {
    client
        .query_opt(
            "SELECT id, title, founded_by, created_at FROM stories WHERE id = $1",
            &[&id],
        )
        .map_err(pg_error("cannot read a story"))?
        .as_ref()
        .map(read_story)
        .transpose()
}

/// The URL without its password, for error messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

fn read_article(row: &Row) -> Result<Article, StoreError> {
    let id: String = row
        .try_get(0)
        .map_err(|_| StoreError::Corrupt("article without an id".into()))?;
    let corrupt = |what: &str| StoreError::Corrupt(format!("article {id}: bad {what}"));
    let format: String = row.try_get(14).map_err(|_| corrupt("format"))?;
    let revision: i32 = row.try_get(20).map_err(|_| corrupt("revision"))?;
    let extra: serde_json::Value = row.try_get(18).map_err(|_| corrupt("extra"))?;
    let authors: serde_json::Value = row.try_get(7).map_err(|_| corrupt("authors"))?;
    let categories: serde_json::Value = row.try_get(8).map_err(|_| corrupt("categories"))?;
    Ok(Article {
        path: row.try_get(1).map_err(|_| corrupt("path"))?,
        url: row.try_get(2).map_err(|_| corrupt("url"))?,
        canonical_url: row.try_get(19).map_err(|_| corrupt("canonical_url"))?,
        revision: u32::try_from(revision).map_err(|_| corrupt("revision"))?,
        title: row.try_get(3).map_err(|_| corrupt("title"))?,
        lead: row.try_get(4).map_err(|_| corrupt("lead"))?,
        body: row.try_get(5).map_err(|_| corrupt("body"))?,
        source_domain: row.try_get(6).map_err(|_| corrupt("source_domain"))?,
        authors: serde_json::from_value(authors).map_err(|_| corrupt("authors"))?,
        categories: serde_json::from_value(categories).map_err(|_| corrupt("categories"))?,
        image: row.try_get(9).map_err(|_| corrupt("image"))?,
        featured: row.try_get(10).map_err(|_| corrupt("featured"))?,
        language: row.try_get(11).map_err(|_| corrupt("language"))?,
        published_at: row.try_get(12).map_err(|_| corrupt("published_at"))?,
        published_at_approximate: row
            .try_get(13)
            .map_err(|_| corrupt("published_at_approximate"))?,
        format: SourceFormat::parse(&format).ok_or_else(|| corrupt("format"))?,
        content_hash: row.try_get(15).map_err(|_| corrupt("content_hash"))?,
        duplicate_of: row
            .try_get::<_, Option<String>>(16)
            .map_err(|_| corrupt("duplicate_of"))?
            .map(ArticleId),
        story: row
            .try_get::<_, Option<String>>(17)
            .map_err(|_| corrupt("story_id"))?
            .map(StoryId),
        extra: serde_json::from_value(extra).map_err(|_| corrupt("extra"))?,
        id: ArticleId(id.clone()),
    })
}

fn read_story(row: &Row) -> Result<Story, StoreError> {
    let corrupt = || StoreError::Corrupt("bad story row".into());
    Ok(Story {
        id: StoryId(row.try_get(0).map_err(|_| corrupt())?),
        title: row.try_get(1).map_err(|_| corrupt())?,
        founded_by: ArticleId(row.try_get(2).map_err(|_| corrupt())?),
        created_at: row.try_get(3).map_err(|_| corrupt())?,
    })
}

fn read_explanation(row: &Row) -> Result<Explanation, StoreError> {
    let article: String = row
        .try_get(0)
        .map_err(|_| StoreError::Corrupt("explanation without an article".into()))?;
    let corrupt = |what: &str| StoreError::Corrupt(format!("explanation of {article}: bad {what}"));
    let candidate = |index: usize, what: &str| -> Result<Option<Candidate>, StoreError> {
        row.try_get::<_, Option<serde_json::Value>>(index)
            .map_err(|_| corrupt(what))?
            .map(serde_json::from_value)
            .transpose()
            .map_err(|_| corrupt(what))
    };
    Ok(Explanation {
        story: StoryId(row.try_get(1).map_err(|_| corrupt("story_id"))?),
        founded: row.try_get(2).map_err(|_| corrupt("founded"))?,
        score: row.try_get(3).map_err(|_| corrupt("score"))?,
        threshold: row.try_get(4).map_err(|_| corrupt("threshold"))?,
        best: candidate(5, "best")?,
        runner_up: candidate(6, "runner_up")?,
        merges: Vec::new(),
        article: ArticleId(article.clone()),
    })
}

/// A story merge from its `record` column (the first).
fn decode_merge(row: &Row) -> Result<StoryMerge, StoreError> {
    let record: serde_json::Value = row
        .try_get(0)
        .map_err(|_| StoreError::Corrupt("bad story merge row".into()))?;
    serde_json::from_value(record).map_err(|_| StoreError::Corrupt("bad story merge record".into()))
}

impl PostgresStore {
    /// The merges recorded as made with `column = value`, in merge order.
    fn recorded_merges(&self, column: &str, value: &str) -> Result<Vec<StoryMerge>, StoreError> {
        self.client()?
            .query(
                &format!("SELECT record FROM story_merges WHERE {column} = $1 ORDER BY seq"),
                &[&value],
            )
            .map_err(pg_error("cannot read story merges"))?
            .iter()
            .map(decode_merge)
            .collect()
    }
}

impl Store for PostgresStore {
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        Ok(self
            .query_articles("WHERE id = $1", &[&id.0])?
            .into_iter()
            .next())
    }

    fn has_article(&self, id: &ArticleId) -> Result<bool, StoreError> {
        self.client()?
            .query_opt("SELECT 1 FROM articles WHERE id = $1", &[&id.0])
            .map(|row| row.is_some())
            .map_err(pg_error("cannot look up an article"))
    }

    fn original_with_content(&self, content_hash: &str) -> Result<Option<ArticleId>, StoreError> {
        let originals = self.query_articles(
            "WHERE content_hash = $1 AND duplicate_of IS NULL",
            &[&content_hash],
        )?;
        Ok(originals.into_iter().next().map(|a| a.id))
    }

    fn articles(&self) -> Result<Vec<Article>, StoreError> {
        self.query_articles("", &[])
    }

    fn article_keys(&self) -> Result<Vec<ArticleKey>, StoreError> {
        let rows = self
            .client()?
            .query(
                "SELECT id, published_at, story_id, duplicate_of, revision FROM articles",
                &[],
            )
            .map_err(pg_error("cannot read article keys"))?;
        let mut keys = rows
            .iter()
            .map(|row| {
                let id: String = row
                    .try_get(0)
                    .map_err(|_| StoreError::Corrupt("article without an id".into()))?;
                let corrupt = |what: &str| StoreError::Corrupt(format!("article {id}: bad {what}"));
                Ok(ArticleKey {
                    published_at: row.try_get(1).map_err(|_| corrupt("published_at"))?,
                    story: row
                        .try_get::<_, Option<String>>(2)
                        .map_err(|_| corrupt("story_id"))?
                        .map(StoryId),
                    duplicate_of: row
                        .try_get::<_, Option<String>>(3)
                        .map_err(|_| corrupt("duplicate_of"))?
                        .map(ArticleId),
                    revision: row
                        .try_get::<_, i32>(4)
                        .ok()
                        .and_then(|r| u32::try_from(r).ok())
                        .ok_or_else(|| corrupt("revision"))?,
                    id: ArticleId(id.clone()),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        keys.sort_by(key_order);
        Ok(keys)
    }

    fn articles_by_id(&self, ids: &[ArticleId]) -> Result<Vec<Article>, StoreError> {
        let wanted: Vec<&str> = ids.iter().map(|id| id.0.as_str()).collect();
        let mut by_id: std::collections::HashMap<ArticleId, Article> = self
            .query_articles("WHERE id = ANY($1)", &[&wanted])?
            .into_iter()
            .map(|article| (article.id.clone(), article))
            .collect();
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError> {
        self.query_articles("WHERE story_id = $1", &[&id.0])
    }

    fn stories(&self) -> Result<Vec<Story>, StoreError> {
        self.client()?
            .query(
                "SELECT id, title, founded_by, created_at FROM stories ORDER BY id",
                &[],
            )
            .map_err(pg_error("cannot read stories"))?
            .iter()
            .map(read_story)
            .collect()
    }

    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError> {
        query_story(&mut *self.client()?, &id.0)
    }

    fn explanation(&self, article: &ArticleId) -> Result<Option<Explanation>, StoreError> {
        let explanation = self
            .client()?
            .query_opt(
                &format!("SELECT {EXPLANATION_COLUMNS} FROM explanations WHERE article_id = $1"),
                &[&article.0],
            )
            .map_err(pg_error("cannot read an explanation"))?
            .as_ref()
            .map(read_explanation)
            .transpose()?;
        let Some(mut explanation) = explanation else {
            return Ok(None);
        };
        explanation.merges = self.recorded_merges("article_id", &article.0)?;
        Ok(Some(explanation))
    }

    fn merge_of(&self, id: &StoryId) -> Result<Option<StoryMerge>, StoreError> {
        self.client()?
            .query_opt(
                "SELECT record, survivor_id FROM story_merges WHERE absorbed_id = $1",
                &[&id.0],
            )
            .map_err(pg_error("cannot read a story merge"))?
            .map(|row| {
                let survivor: String = row
                    .try_get(1)
                    .map_err(|_| StoreError::Corrupt("bad story merge row".into()))?;
                let mut merge = decode_merge(&row)?;
                merge.survivor = StoryId(survivor);
                Ok(merge)
            })
            .transpose()
    }

    fn merges_into(&self, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError> {
        self.recorded_merges("survivor_id", &survivor.0)
    }

    fn save(&mut self, batch: &Batch) -> Result<(), StoreError> {
        self.save_with_snapshot(batch, None)
    }

    fn snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        snapshot::read(&mut *self.client()?)
    }

    fn save_with_snapshot(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let ingested_at = jiff::Timestamp::now();
        let mut client = self.client()?;
        let mut tx = client
            .transaction()
            .map_err(pg_error("cannot start a transaction"))?;
        let story_stmt = tx
            .prepare(
                "INSERT INTO stories (id, title, founded_by, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title",
            )
            .map_err(pg_error("cannot save stories"))?;
        for story in &batch.stories {
            tx.execute(
                &story_stmt,
                &[
                    &story.id.0,
                    &story.title,
                    &story.founded_by.0,
                    &story.created_at,
                ],
            )
            .map_err(pg_error("cannot save a story"))?;
        }
        let article_stmt = tx
            .prepare(&format!(
                "INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                         $16, $17, $18, $19, $20, $21, $22)
                 {ARTICLE_UPSERT}"
            ))
            .map_err(pg_error("cannot save articles"))?;
        for a in &batch.articles {
            let authors = serde_json::json!(a.authors);
            let categories = serde_json::json!(a.categories);
            let extra = serde_json::Value::Object(a.extra.clone());
            let revision = i32::try_from(a.revision).unwrap_or(i32::MAX);
            let duplicate_of = a.duplicate_of.as_ref().map(|d| d.0.as_str());
            let story = a.story.as_ref().map(|s| s.0.as_str());
            tx.execute(
                &article_stmt,
                &[
                    &a.id.0,
                    &a.path,
                    &a.url,
                    &a.title,
                    &a.lead,
                    &a.body,
                    &a.source_domain,
                    &authors,
                    &categories,
                    &a.image,
                    &a.featured,
                    &a.language,
                    &a.published_at,
                    &a.published_at_approximate,
                    &a.format.as_str(),
                    &a.content_hash,
                    &duplicate_of,
                    &story,
                    &extra,
                    &a.canonical_url,
                    &revision,
                    &ingested_at,
                ],
            )
            .map_err(pg_error("cannot save an article"))?;
        }
        let explanation_stmt = tx
            .prepare(&format!(
                "INSERT INTO explanations ({EXPLANATION_COLUMNS})
                 VALUES ($1, $2, $3, $4, $5, $6, $7) {EXPLANATION_UPSERT}"
            ))
            .map_err(pg_error("cannot save explanations"))?;
        for e in &batch.explanations {
            let json = |value: &Option<Candidate>| value.as_ref().map(|c| serde_json::json!(c));
            tx.execute(
                &explanation_stmt,
                &[
                    &e.article.0,
                    &e.story.0,
                    &e.founded,
                    &e.score,
                    &e.threshold,
                    &json(&e.best),
                    &json(&e.runner_up),
                ],
            )
            .map_err(pg_error("cannot save an explanation"))?;
        }
        for m in &batch.merges {
            let record = serde_json::json!(m);
            let (absorbed, survivor) = (&m.absorbed.0, &m.survivor.0);
            let statements: [(&str, &[&(dyn ToSql + Sync)]); 4] = [
                (
                    "UPDATE articles SET story_id = $2 WHERE story_id = $1",
                    &[absorbed, survivor],
                ),
                ("DELETE FROM stories WHERE id = $1", &[absorbed]),
                (
                    "UPDATE story_merges SET survivor_id = $2 WHERE survivor_id = $1",
                    &[absorbed, survivor],
                ),
                (
                    "INSERT INTO story_merges (absorbed_id, survivor_id, article_id, record)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (absorbed_id) DO UPDATE SET survivor_id = excluded.survivor_id,
                         article_id = excluded.article_id, record = excluded.record",
                    &[absorbed, survivor, &m.article.0, &record],
                ),
            ];
            for (sql, params) in statements {
                tx.execute(sql, params)
                    .map_err(pg_error("cannot save a story merge"))?;
            }
        }
        let touched = batch.touched_stories();
        summaries::refresh(&mut tx, touched)?;
        snapshot::write(&mut tx, snapshot)?;
        // Last, so the row lock that serializes concurrent writers' bumps is
        // held only until the commit; the new number becomes visible with
        // the batch, never before it.
        tx.execute("UPDATE store_revision SET revision = revision + 1", &[])
            .map_err(pg_error("cannot bump the store revision"))?;
        tx.commit().map_err(pg_error("cannot commit the batch"))
    }

    fn story_revision(&self, id: &StoryId) -> Result<Option<u64>, StoreError> {
        summaries::revision(&mut *self.client()?, id)
    }

    fn story_page(
        &self,
        query: &storyline_core::store::StoryQuery,
    ) -> Result<(Vec<storyline_core::view::StorySummary>, usize), StoreError> {
        summaries::page(&mut *self.client()?, query)
    }

    fn outlets(&self) -> Result<Vec<String>, StoreError> {
        summaries::labels(&mut *self.client()?, "outlet")
    }

    fn categories(&self) -> Result<Vec<String>, StoreError> {
        summaries::labels(&mut *self.client()?, "category")
    }

    fn revision(&self) -> Result<Option<u64>, StoreError> {
        let row = self
            .client()?
            .query_one("SELECT revision FROM store_revision", &[])
            .map_err(pg_error("cannot read the store revision"))?;
        let revision: i64 = row
            .try_get(0)
            .map_err(pg_error("cannot read the store revision"))?;
        u64::try_from(revision)
            .map(Some)
            .map_err(|_| StoreError::Corrupt("negative store revision".into()))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        // `plainto_tsquery` takes the words and ignores operator characters,
        // so hostile input cannot change the query's meaning.
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .client()?
            .query(
                "SELECT a.id, a.title,
                        ts_headline('english', coalesce(a.lead, '') || ' ' || a.body, q,
                                    'StartSel=[, StopSel=], MaxWords=16, MinWords=6, FragmentDelimiter=…'),
                        ts_rank(a.search, q)::float8 AS rank
                 FROM articles a, plainto_tsquery('english', $1) q
                 WHERE a.search @@ q
                 ORDER BY rank DESC, a.id
                 LIMIT $2",
                &[&query, &limit],
            )
            .map_err(pg_error("cannot search"))?;
        rows.iter()
            .map(|row| {
                Ok(SearchHit {
                    article: ArticleId(row.try_get(0).map_err(pg_error("cannot search"))?),
                    title: row.try_get(1).map_err(pg_error("cannot search"))?,
                    snippet: row.try_get(2).map_err(pg_error("cannot search"))?,
                    score: row.try_get(3).map_err(pg_error("cannot search"))?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::store::conformance;

    /// The server to test against; without it the tests print a notice and
    /// pass (`.ci/run` starts one and sets it).
    fn test_url() -> Option<String> {
        let url = std::env::var("STORYLINE_TEST_POSTGRES")
            .ok()
            .filter(|url| !url.is_empty());
        if url.is_none() {
            eprintln!("skipping: STORYLINE_TEST_POSTGRES is not set");
        }
        url
    }

    /// A fresh, empty schema for one test, so tests can run in parallel;
    /// returns the URL of a connection scoped to it.
    fn fresh_schema(url: &str) -> String {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let schema = format!("t{}_{n}", std::process::id());
        let mut admin = Client::connect(url, NoTls).unwrap();
        admin
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};"
            ))
            .unwrap();
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}options=-csearch_path%3D{schema}")
    }

    /// A store in a fresh, empty schema.
    fn fresh_store(url: &str) -> PostgresStore {
        PostgresStore::connect(&fresh_schema(url)).unwrap()
    }

    #[test]
    fn stories_stored_without_a_summary_are_summarized_on_connect() {
        let Some(url) = test_url() else { return };
        let scoped = fresh_schema(&url);
        let mut store = PostgresStore::connect(&scoped).unwrap();
        let mut article = storyline_core::store::conformance::sample_article(
            1,
            "Roma bid for Smalling",
            "Roma have offered £13.5m for Chris Smalling.",
        );
        article.story = Some(StoryId("s1".into()));
        let story = storyline_core::store::conformance::sample_story("s1", &article);
        store
            .save(&Batch {
                articles: vec![article],
                stories: vec![story],
                ..Batch::default()
            })
            .unwrap();
        // As a store written before migration V6 would look.
        store
            .client()
            .unwrap()
            .batch_execute("UPDATE stories SET summary = NULL; DELETE FROM story_facets;")
            .unwrap();
        let reopened = PostgresStore::connect(&scoped).unwrap();
        let query = storyline_core::store::StoryQuery {
            entity: Some("chris smalling".into()),
            ..Default::default()
        };
        let (page, total) = reopened.story_page(&query).unwrap();
        assert_eq!(total, 1);
        assert!(
            page[0]
                .state_of_play
                .as_deref()
                .is_some_and(|s| s.contains("£13.5m")),
            "{page:?}"
        );
    }

    #[test]
    fn postgres_store_conforms() {
        let Some(url) = test_url() else { return };
        conformance::run_all(|| fresh_store(&url));
    }

    #[test]
    fn a_failing_batch_leaves_nothing_behind() {
        let Some(url) = test_url() else { return };
        let mut store = fresh_store(&url);
        let good = conformance::sample_article(1, "Good", "x");
        let mut bad = conformance::sample_article(2, "Bad", "x");
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
    fn concurrent_writers_each_bump_the_store_revision() {
        let Some(url) = test_url() else { return };
        let scoped = fresh_schema(&url);
        let before = fresh_revision(&PostgresStore::connect(&scoped).unwrap());
        let writers: Vec<_> = (0..2u32)
            .map(|w| {
                let scoped = scoped.clone();
                std::thread::spawn(move || {
                    let mut store = PostgresStore::connect(&scoped).unwrap();
                    for n in 0..10 {
                        let article = conformance::sample_article(w * 100 + n, "Polls", "x");
                        store
                            .save(&Batch {
                                articles: vec![article],
                                ..Batch::default()
                            })
                            .unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        let reader = PostgresStore::connect(&scoped).unwrap();
        assert_eq!(fresh_revision(&reader), before + 20, "one bump per batch");
        assert_eq!(reader.articles().unwrap().len(), 20);
    }

    #[test]
    fn a_failing_batch_leaves_the_store_revision_alone() {
        let Some(url) = test_url() else { return };
        let mut store = fresh_store(&url);
        let before = fresh_revision(&store);
        let mut bad = conformance::sample_article(1, "Bad", "x");
        bad.story = Some(StoryId("missing".into()));
        let result = store.save(&Batch {
            articles: vec![bad],
            ..Batch::default()
        });
        assert!(result.is_err());
        assert_eq!(fresh_revision(&store), before);
    }

    /// The store's revision, which PostgreSQL always keeps.
    fn fresh_revision(store: &PostgresStore) -> u64 {
        store
            .revision()
            .unwrap()
            .expect("PostgreSQL keeps a revision")
    }

    #[test]
    fn an_unreachable_server_is_a_clear_error_without_the_password() {
        let err = PostgresStore::connect("postgres://reader:secret@127.0.0.1:1/storyline")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cannot connect to postgres://reader:***@127.0.0.1:1"),
            "{err}"
        );
        assert!(!err.contains("secret"), "{err}");
    }
}
