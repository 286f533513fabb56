//! One store chosen at run time from what the user typed after `--db`: a
//! `postgres://` URL selects PostgreSQL, anything else is a SQLite file.

use crate::{PostgresStore, SqliteStore, is_postgres_url};
use std::path::Path;
use storyline_core::cluster::{Explanation, StoryMerge};
use storyline_core::store::{ArticleKey, Batch, SearchHit, StoryQuery};
use storyline_core::view::StorySummary;
use storyline_core::{Article, ArticleId, Store, StoreError, Story, StoryId};

/// Either backend, behind the one [`Store`] trait.
#[derive(Debug)]
pub enum AnyStore {
    /// The embedded default.
    Sqlite(SqliteStore),
    /// A shared server.
    Postgres(PostgresStore),
}

/// Opens the store `target` names: a `postgres://` or `postgresql://` URL,
/// else the path of a SQLite file (created when missing).
pub fn open(target: &Path) -> Result<AnyStore, StoreError> {
    let text = target.to_string_lossy();
    if is_postgres_url(&text) {
        PostgresStore::connect(&text).map(AnyStore::Postgres)
    } else {
        SqliteStore::open(target).map(AnyStore::Sqlite)
    }
}

macro_rules! both {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            AnyStore::Sqlite($store) => $call,
            AnyStore::Postgres($store) => $call,
        }
    };
}

impl Store for AnyStore {
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        both!(self, s => s.article(id))
    }
    fn has_article(&self, id: &ArticleId) -> Result<bool, StoreError> {
        both!(self, s => s.has_article(id))
    }
    fn original_with_content(&self, content_hash: &str) -> Result<Option<ArticleId>, StoreError> {
        both!(self, s => s.original_with_content(content_hash))
    }
    fn articles(&self) -> Result<Vec<Article>, StoreError> {
        both!(self, s => s.articles())
    }
    fn article_keys(&self) -> Result<Vec<ArticleKey>, StoreError> {
        both!(self, s => s.article_keys())
    }
    fn articles_by_id(&self, ids: &[ArticleId]) -> Result<Vec<Article>, StoreError> {
        both!(self, s => s.articles_by_id(ids))
    }
    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError> {
        both!(self, s => s.story_articles(id))
    }
    fn stories(&self) -> Result<Vec<Story>, StoreError> {
        both!(self, s => s.stories())
    }
    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError> {
        both!(self, s => s.story(id))
    }
    fn explanation(&self, article: &ArticleId) -> Result<Option<Explanation>, StoreError> {
        both!(self, s => s.explanation(article))
    }
    fn merge_of(&self, id: &StoryId) -> Result<Option<StoryMerge>, StoreError> {
        both!(self, s => s.merge_of(id))
    }
    fn merges_into(&self, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError> {
        both!(self, s => s.merges_into(survivor))
    }
    fn save(&mut self, batch: &Batch) -> Result<(), StoreError> {
        both!(self, s => s.save(batch))
    }
    fn save_with_snapshot(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        both!(self, s => s.save_with_snapshot(batch, snapshot))
    }
    fn save_prepared(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
        prepared: &mut dyn FnMut() -> storyline_core::facts::PreparedAnalyses,
    ) -> Result<(), StoreError> {
        both!(self, s => s.save_prepared(batch, snapshot, prepared))
    }
    fn snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        both!(self, s => s.snapshot())
    }
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        both!(self, s => s.search(query, limit))
    }
    fn story_revision(&self, id: &StoryId) -> Result<Option<u64>, StoreError> {
        both!(self, s => s.story_revision(id))
    }
    fn revision(&self) -> Result<Option<u64>, StoreError> {
        both!(self, s => s.revision())
    }
    fn story_page(&self, query: &StoryQuery) -> Result<(Vec<StorySummary>, usize), StoreError> {
        both!(self, s => s.story_page(query))
    }
    fn outlets(&self) -> Result<Vec<String>, StoreError> {
        both!(self, s => s.outlets())
    }
    fn categories(&self) -> Result<Vec<String>, StoreError> {
        both!(self, s => s.categories())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_opens_sqlite_and_a_url_postgres() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(&dir.path().join("s.db")).unwrap();
        assert!(matches!(store, AnyStore::Sqlite(_)));
        let err = open(Path::new("postgres://nobody@127.0.0.1:1/none")).unwrap_err();
        assert!(err.to_string().contains("cannot connect"), "{err}");
    }
}
