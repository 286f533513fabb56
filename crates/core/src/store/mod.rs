//! Persistence behind one trait, so the pipeline works the same on the
//! in-memory store (tests), SQLite (default) and PostgreSQL (shared
//! deployments). Backends live in `storyline-store`; every backend must
//! pass [`conformance`].

pub mod conformance;
mod memory;

pub use memory::MemoryStore;

use crate::cluster::{Explanation, StoryMerge};
use crate::error::StoreError;
use crate::model::{Article, ArticleId, Story, StoryId};
use crate::view::StorySummary;
use std::cmp::Ordering;

/// Everything one ingest run writes, saved all-or-nothing.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// New articles (duplicates included, with `duplicate_of` set).
    pub articles: Vec<Article>,
    /// New stories, and existing ones whose record changed.
    pub stories: Vec<Story>,
    /// Why each newly clustered article joined or founded its story
    /// (copies and unchanged articles have none of their own).
    pub explanations: Vec<Explanation>,
    /// Stories absorbed into others by this batch, in the order they were
    /// merged. Applied after the batch's stories and articles are written:
    /// every article of the absorbed story moves to the survivor, the
    /// absorbed story's record goes, and its id resolves to the survivor
    /// from then on ([`Store::merge_of`]).
    pub merges: Vec<StoryMerge>,
}

impl Batch {
    /// The ids of the stories whose summaries the batch changes: its
    /// stories, its articles' stories and the survivors of its merges
    /// (absorbed stories are gone), sorted.
    pub fn touched_stories(&self) -> std::collections::BTreeSet<&str> {
        self.stories
            .iter()
            .map(|s| s.id.0.as_str())
            .chain(self.merges.iter().map(|m| m.survivor.0.as_str()))
            .chain(
                self.articles
                    .iter()
                    .filter_map(|a| a.story.as_ref().map(|s| s.0.as_str())),
            )
            .collect()
    }
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
    /// Every article's [`ArticleKey`] (no text) in [`publication_order`]:
    /// with [`Store::articles_by_id`], a replay of the whole store page by
    /// page without holding every text at once. The default reads
    /// [`Store::articles`]; backends override it with a light query.
    fn article_keys(&self) -> Result<Vec<ArticleKey>, StoreError> {
        Ok(self.articles()?.iter().map(ArticleKey::of).collect())
    }
    /// The stored articles with these ids, in the order given (unknown ids
    /// are skipped). The default asks [`Store::article`] once per id;
    /// backends override it with one query per page.
    fn articles_by_id(&self, ids: &[ArticleId]) -> Result<Vec<Article>, StoreError> {
        let mut articles = Vec::with_capacity(ids.len());
        for id in ids {
            articles.extend(self.article(id)?);
        }
        Ok(articles)
    }
    /// The articles of one story in [`publication_order`].
    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError>;
    /// All story records, in no particular order.
    fn stories(&self) -> Result<Vec<Story>, StoreError>;
    /// One story record.
    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError>;
    /// Why the article joined or founded its story, as recorded when it
    /// was clustered; `None` for copies, unknown ids and articles stored
    /// before explanations were kept.
    fn explanation(&self, article: &ArticleId) -> Result<Option<Explanation>, StoreError>;
    /// The merge that absorbed story `id`, its `survivor` being the story
    /// the id resolves to now (later merges followed); `None` for a live or
    /// unknown story.
    fn merge_of(&self, id: &StoryId) -> Result<Option<StoryMerge>, StoreError>;
    /// The merges whose absorbed stories now resolve to `survivor`, in the
    /// order they were made (each as recorded when it was made).
    fn merges_into(&self, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError>;
    /// Saves a batch in one transaction: after an error nothing of it is
    /// stored.
    fn save(&mut self, batch: &Batch) -> Result<(), StoreError>;

    /// Saves a batch like [`Store::save`] and, in the same transaction,
    /// the ingest snapshot that follows it (`crate::snapshot`: an opaque
    /// blob), or forgets the stored one when `snapshot` is `None`. The
    /// default saves the batch only (a backend that keeps no snapshot
    /// always answers `None` from [`Store::snapshot`]).
    fn save_with_snapshot(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let _ = snapshot;
        self.save(batch)
    }

    /// [`Store::save_with_snapshot`], the summaries of the stories the
    /// batch touches built from the analyses of its articles that
    /// `prepared` returns, where they hold them (the pipeline reads a
    /// batch's texts while it clusters and saves them): the same
    /// summaries, sooner. A backend calls `prepared` at most once, when it
    /// needs the analyses, so the reading goes on until then. The default
    /// never calls it.
    fn save_prepared(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
        prepared: &mut dyn FnMut() -> crate::facts::PreparedAnalyses,
    ) -> Result<(), StoreError> {
        let _ = prepared;
        self.save_with_snapshot(batch, snapshot)
    }

    /// The snapshot saved with the latest batch, `None` when there is none
    /// or when any batch was saved since without one (by another worker,
    /// an older version, or a run that could not build one): the snapshot
    /// then no longer describes the stored articles. Backends tag it with
    /// [`Store::revision`] to tell.
    fn snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(None)
    }
    /// Full-text search over titles, leads and bodies; all words must match.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;

    /// A number that changes whenever the story's record or articles change
    /// (the key of cached story views); `None` when there is no such story.
    /// The default hashes the story's members; SQLite keeps a counter.
    fn story_revision(&self, id: &StoryId) -> Result<Option<u64>, StoreError> {
        use std::hash::{Hash, Hasher};
        let Some(story) = self.story(id)? else {
            return Ok(None);
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        story.title.hash(&mut hasher);
        for a in self.story_articles(id)? {
            (
                a.id,
                a.revision,
                a.duplicate_of,
                a.published_at.map(|t| t.as_second()),
            )
                .hash(&mut hasher);
        }
        Ok(Some(hasher.finish()))
    }

    /// A number that changes whenever anything in the store changes (every
    /// saved batch), for caches of whole responses; `None` when the backend
    /// keeps no such counter, and then nothing may be cached by it. SQLite
    /// keeps it in the database header, so other processes' writes count.
    fn revision(&self) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }

    /// One page of story summaries, most recently active first, with the
    /// number of stories matching. The default summarizes every story and
    /// adds the brief (state of play, entities) to the page's stories only,
    /// or to every candidate when filtering by entity; SQLite reads
    /// summaries it keeps up to date on save.
    fn story_page(&self, query: &StoryQuery) -> Result<(Vec<StorySummary>, usize), StoreError> {
        let without_entity = StoryQuery {
            entity: None,
            ..query.clone()
        };
        let mut matching = Vec::new();
        for mut summary in crate::view::story_summaries(self)? {
            if !without_entity.matches(&summary) {
                continue;
            }
            if query.entity.is_some() {
                let members = self.story_articles(&summary.id)?;
                crate::view::add_brief(&mut summary, &members);
                if !query.matches(&summary) {
                    continue;
                }
            }
            matching.push(summary);
        }
        let total = matching.len();
        let mut page: Vec<StorySummary> = matching
            .into_iter()
            .skip(query.offset)
            .take(query.limit.unwrap_or(usize::MAX))
            .collect();
        if query.entity.is_none() {
            for summary in &mut page {
                let members = self.story_articles(&summary.id)?;
                crate::view::add_brief(summary, &members);
            }
        }
        Ok((page, total))
    }

    /// The outlets of stored stories, sorted.
    fn outlets(&self) -> Result<Vec<String>, StoreError> {
        let all: std::collections::BTreeSet<String> = crate::view::story_summaries(self)?
            .into_iter()
            .flat_map(|s| s.outlets)
            .collect();
        Ok(all.into_iter().collect())
    }

    /// The categories of stored stories' articles, sorted (for the story
    /// list's category filter).
    fn categories(&self) -> Result<Vec<String>, StoreError> {
        let all: std::collections::BTreeSet<String> = crate::view::story_summaries(self)?
            .into_iter()
            .flat_map(|s| s.categories)
            .collect();
        Ok(all.into_iter().collect())
    }
}

/// Which stories to list: filters and a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryQuery {
    /// Only stories with an article from this outlet (any case).
    pub outlet: Option<String>,
    /// Only stories naming this entity among their main entities (its
    /// name or one of its aliases, any case).
    pub entity: Option<String>,
    /// Only stories with an article in this category (any case).
    pub category: Option<String>,
    /// Only stories active on or after this day (last article, UTC).
    pub from: Option<jiff::civil::Date>,
    /// Only stories begun on or before this day (first article, UTC).
    pub to: Option<jiff::civil::Date>,
    /// Stories to skip.
    pub offset: usize,
    /// Stories to list at most; `None` lists all.
    pub limit: Option<usize>,
}

impl StoryQuery {
    /// True when any filter is set (paging aside).
    pub fn is_filtered(&self) -> bool {
        self.outlet.is_some()
            || self.entity.is_some()
            || self.category.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// True when `story` passes the filters (paging aside).
    pub fn matches(&self, story: &StorySummary) -> bool {
        let day =
            |ts: Option<jiff::Timestamp>| ts.map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
        if let Some(outlet) = &self.outlet
            && !story.outlets.iter().any(|o| o.eq_ignore_ascii_case(outlet))
        {
            return false;
        }
        if let Some(entity) = &self.entity
            && !story
                .entities
                .iter()
                .any(|e| crate::view::entity::is_named(e, entity))
        {
            return false;
        }
        if let Some(category) = &self.category
            && !story
                .categories
                .iter()
                .any(|c| c.eq_ignore_ascii_case(category.trim()))
        {
            return false;
        }
        if let Some(from) = self.from
            && day(story.last_published_at).is_none_or(|last| last < from)
        {
            return false;
        }
        if let Some(to) = self.to
            && day(story.first_published_at).is_none_or(|first| first > to)
        {
            return false;
        }
        true
    }
}

/// The order articles are told in: by publication time, undated last, ties
/// by id (so the order is the same on every run).
pub fn publication_order(a: &Article, b: &Article) -> Ordering {
    time_then_id((a.published_at, &a.id), (b.published_at, &b.id))
}

/// [`publication_order`] for [`ArticleKey`]s.
pub fn key_order(a: &ArticleKey, b: &ArticleKey) -> Ordering {
    time_then_id((a.published_at, &a.id), (b.published_at, &b.id))
}

fn time_then_id(
    (a_time, a_id): (Option<jiff::Timestamp>, &ArticleId),
    (b_time, b_id): (Option<jiff::Timestamp>, &ArticleId),
) -> Ordering {
    match (a_time, b_time) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a_id.cmp(b_id))
}

/// What the ingest replay needs to know of a stored article before reading
/// its text: its place in [`publication_order`], its story and whether it
/// is a copy.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleKey {
    /// The article's id.
    pub id: ArticleId,
    /// Its publication time.
    pub published_at: Option<jiff::Timestamp>,
    /// Its story.
    pub story: Option<StoryId>,
    /// The original it copies, when it is a copy.
    pub duplicate_of: Option<ArticleId>,
    /// The revision number of its stored text (1 for the first), so the
    /// ingest snapshot can tell a revised article (`crate::snapshot`).
    pub revision: u32,
}

impl ArticleKey {
    /// The key of a whole article.
    pub fn of(article: &Article) -> Self {
        Self {
            id: article.id.clone(),
            published_at: article.published_at,
            story: article.story.clone(),
            duplicate_of: article.duplicate_of.clone(),
            revision: article.revision,
        }
    }
}
