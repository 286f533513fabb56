//! Persistence behind one trait, so the pipeline works the same on the
//! in-memory store (tests), SQLite (default) and PostgreSQL (shared
//! deployments). Backends live in `storyline-store`; every backend must
//! pass [`conformance`].

pub mod conformance;
mod memory;

pub use memory::MemoryStore;

use crate::error::StoreError;
use crate::model::{Article, ArticleId, Story, StoryId};
use std::cmp::Ordering;

/// Everything one ingest run writes, saved all-or-nothing.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// New articles (duplicates included, with `duplicate_of` set).
    pub articles: Vec<Article>,
    /// New stories, and existing ones whose record changed.
    pub stories: Vec<Story>,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    /// The matching article.
    pub article: ArticleId,
    /// Its headline.
    pub title: String,
    /// A short passage around the match, with matches in `[` `]`.
    pub snippet: String,
    /// Relevance; higher is better.
    pub score: f64,
}

/// Where articles and stories live.
pub trait Store {
    /// One article by id.
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError>;
    /// True when an article with this id is stored.
    fn has_article(&self, id: &ArticleId) -> Result<bool, StoreError>;
    /// The first stored original (not a duplicate) with this content hash.
    fn original_with_content(&self, content_hash: &str) -> Result<Option<ArticleId>, StoreError>;
    /// All articles in [`publication_order`].
    fn articles(&self) -> Result<Vec<Article>, StoreError>;
    /// The articles of one story in [`publication_order`].
    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError>;
    /// All story records, in no particular order.
    fn stories(&self) -> Result<Vec<Story>, StoreError>;
    /// One story record.
    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError>;
    /// Saves a batch in one transaction: after an error nothing of it is
    /// stored.
    fn save(&mut self, batch: &Batch) -> Result<(), StoreError>;
    /// Full-text search over titles, leads and bodies; all words must match.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;
}

/// The order articles are told in: by publication time, undated last, ties
/// by id (so the order is the same on every run).
pub fn publication_order(a: &Article, b: &Article) -> Ordering {
    match (a.published_at, b.published_at) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.id.cmp(&b.id))
}
