//! One article in full (`storyline article ID --json`,
//! `GET /api/v1/articles/{id}`): its listing fields, text, the entities it
//! names, the figures it reports (with names resolved across its story)
//! and its stored copies.

use super::{ArticleSummary, LookupError};
use crate::facts::names::EntitySummary;
use crate::facts::{NameIndex, StoryClaim, claims_with_names};
use crate::model::{Article, ArticleId, StoryId};
use crate::store::Store;
use serde::Serialize;
use storyline_extract::entities::AliasBook;

/// An article in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleDetail {
    /// The fields of `articles --json`.
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// Main text, paragraphs separated by a blank line.
    pub body: String,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publisher categories.
    pub categories: Vec<String>,
    /// Lead image URL.
    pub image: Option<String>,
    /// Ids of stored copies of this article.
    pub duplicates: Vec<ArticleId>,
    /// The people, organizations and places it names.
    pub entities: Vec<EntitySummary>,
    /// The figures it reports (for a copy: none, its original carries them).
    pub claims: Vec<StoryClaim>,
    /// Input fields Storyline does not interpret (a JSON Lines record's
    /// unknown keys, front matter it does not read), kept as given, and the
    /// notes ingestion left on the article (`extraction_limit`).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl ArticleDetail {
    /// Why the page's text was extracted with less than the usual means
    /// (a page too large for the Readability fallback), so a reader knows
    /// the text may carry more boilerplate than usual.
    pub fn extraction_note(&self) -> Option<&str> {
        self.extra
            .get(crate::ingest::html::EXTRACTION_LIMIT)
            .and_then(serde_json::Value::as_str)
    }
}

/// Finds the article whose id is `prefix` or starts with it.
pub fn resolve_article(store: &dyn Store, prefix: &str) -> Result<Article, LookupError> {
    let prefix = prefix.trim();
    if let Some(article) = store.article(&ArticleId(prefix.to_string()))? {
        return Ok(article);
    }
    let mut found: Vec<Article> = if prefix.is_empty() {
        Vec::new()
    } else {
        store
            .articles()?
            .into_iter()
            .filter(|a| a.id.0.starts_with(prefix))
            .collect()
    };
    match found.len() {
        0 => Err(LookupError::NoArticle(prefix.to_string())),
        1 => Ok(found.remove(0)),
        _ => {
            let mut candidates: Vec<String> = found.into_iter().map(|a| a.id.0).collect();
            candidates.sort();
            Err(LookupError::AmbiguousArticle {
                prefix: prefix.to_string(),
                candidates,
            })
        }
    }
}

/// What the articles of one story share on their pages: the members
/// (copies included) and the figures of the whole story, names resolved
/// across it as on the story page. Read once per story, it gives every
/// member's [`ArticleDetail`] without reading the story again per article
/// (publishing a story of N articles read it N times, N² extractions).
#[derive(Debug, Clone, Default)]
pub struct StoryArticles {
    /// The story's articles, copies included.
    pub members: Vec<Article>,
    /// The figures of the story's originals, parties resolved story-wide.
    claims: Vec<StoryClaim>,
}

impl StoryArticles {
    /// Reads the story's members and finds the figures of its originals.
    pub fn read(
        store: &dyn Store,
        story: &StoryId,
        aliases: Option<&AliasBook>,
    ) -> Result<Self, LookupError> {
        let members = store.story_articles(story)?;
        let originals: Vec<&Article> = members
            .iter()
            .filter(|a| a.duplicate_of.is_none())
            .collect();
        let claims = story_claims(&originals, aliases);
        Ok(Self { members, claims })
    }

    /// The full view of `article`, one of this story's members (or an
    /// article without a story, given an empty `StoryArticles`: its own
    /// figures).
    pub fn detail(&self, article: Article, aliases: Option<&AliasBook>) -> ArticleDetail {
        let duplicates = self
            .members
            .iter()
            .filter(|a| a.duplicate_of.as_ref() == Some(&article.id))
            .map(|a| a.id.clone())
            .collect();
        let claims = if article.duplicate_of.is_some() {
            Vec::new()
        } else if self.members.iter().all(|a| a.duplicate_of.is_some()) {
            // No story, or one of copies only: the article's own figures.
            story_claims(&[&article], aliases)
        } else {
            self.claims
                .iter()
                .filter(|c| c.article == article.id)
                .cloned()
                .collect()
        };
        let entities = NameIndex::for_articles(&[&article], aliases)
            .entities()
            .to_vec();
        ArticleDetail {
            summary: ArticleSummary::from(&article),
            duplicates,
            entities,
            claims,
            body: article.body,
            authors: article.authors,
            categories: article.categories,
            image: article.image,
            extra: article.extra,
        }
    }
}

/// The figures of a story's originals, names resolved across all of them.
fn story_claims(originals: &[&Article], aliases: Option<&AliasBook>) -> Vec<StoryClaim> {
    let names = NameIndex::for_articles(originals, aliases);
    claims_with_names(originals, &names)
}

/// Builds the full view of a stored article.
pub fn article_detail(
    store: &dyn Store,
    article: Article,
    aliases: Option<&AliasBook>,
) -> Result<ArticleDetail, LookupError> {
    let story = match &article.story {
        Some(story) => StoryArticles::read(store, story, aliases)?,
        None => StoryArticles::default(),
    };
    Ok(story.detail(article, aliases))
}
