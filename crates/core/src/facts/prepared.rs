//! Each article's share of a story brief (its names and its money claims
//! as written, read with the built-in alias book), computed ahead of the
//! brief: the pipeline reads a batch's fresh articles on a second core
//! while the main thread clusters them, instead of reading every text when
//! the batch's story summaries are refreshed at its end. A brief built
//! from prepared analyses equals one that reads the texts itself (the
//! same function of the same text), and an article whose text is not the
//! one analyzed is read again.

use super::{StoryClaim, claims_of_analyzed, names::builtin_aliases};
use crate::model::{Article, ArticleId};
use std::collections::HashMap;
use storyline_extract::claims::AnalyzedText;
use storyline_extract::entities::Mention;

/// One article's names and claims, as [`super::story_names_and_claims`]
/// reads them with the built-in alias book.
#[derive(Debug, Clone)]
pub struct ArticleAnalysis {
    /// A hash of the full text analyzed, so a different text under the
    /// same id is never served this analysis.
    text_hash: u64,
    /// The name mentions found in the text.
    pub(super) mentions: Vec<Mention>,
    /// The money and count claims, names as written.
    pub(super) claims: Vec<StoryClaim>,
}

/// Analyses prepared for some articles, by id.
#[derive(Debug, Default)]
pub struct PreparedAnalyses {
    by_id: HashMap<ArticleId, ArticleAnalysis>,
}

impl PreparedAnalyses {
    /// Reads `articles` (their full texts, with the built-in alias book).
    pub fn of<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Self {
        let by_id = articles
            .into_iter()
            .map(|article| (article.id.clone(), analyze(article)))
            .collect();
        Self { by_id }
    }

    /// Reads one more article (a later one with the same id replaces it).
    pub fn add(&mut self, article: &Article) {
        self.by_id.insert(article.id.clone(), analyze(article));
    }

    /// The analysis of `article` when it was prepared for this very text.
    pub(super) fn get(&self, article: &Article, text: &str) -> Option<&ArticleAnalysis> {
        self.by_id
            .get(&article.id)
            .filter(|a| a.text_hash == text_hash(text))
    }

    /// True when the article with this id was analyzed.
    pub fn contains(&self, id: &ArticleId) -> bool {
        self.by_id.contains_key(id)
    }

    /// How many articles were analyzed.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when none was.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

fn text_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// One article's names and claims (built-in alias book).
fn analyze(article: &Article) -> ArticleAnalysis {
    let text = article.full_text();
    let analyzed = AnalyzedText::new(&text, builtin_aliases());
    ArticleAnalysis {
        text_hash: text_hash(&text),
        mentions: analyzed.mentions().to_vec(),
        claims: claims_of_analyzed(article, &analyzed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;
    use crate::view::{summarize_with_brief, summarize_with_brief_prepared};

    fn story_members() -> Vec<Article> {
        [
            (
                "Roma bid for Smalling",
                "Roma offered Manchester United €15 million for Chris Smalling, the Italian club said on Monday.",
            ),
            (
                "United reject Roma's Smalling offer",
                "Manchester United rejected the €15m bid and want £20 million for Smalling, according to The Times.",
            ),
            (
                "Smalling deal agreed",
                "Roma agreed a fee of €20 million with United for Smalling. The defender signs a three-year contract.",
            ),
        ]
        .iter()
        .zip(1..)
        .map(|((title, body), n)| sample_article(n, title, body))
        .collect()
    }

    fn story_of(members: &[Article]) -> crate::model::Story {
        crate::model::Story {
            id: crate::model::StoryId("s".into()),
            title: members[0].title.clone(),
            founded_by: members[0].id.clone(),
            created_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_brief_from_prepared_analyses_equals_one_that_reads_the_texts() {
        let members = story_members();
        let story = story_of(&members);
        let prepared = PreparedAnalyses::of(&members);
        assert_eq!(prepared.len(), members.len());
        let read = summarize_with_brief(&story, &members);
        let from_prepared = summarize_with_brief_prepared(&story, &members, &prepared);
        assert!(read.state_of_play.is_some() || !read.entities.is_empty());
        assert_eq!(
            serde_json::to_string(&from_prepared).ok(),
            serde_json::to_string(&read).ok()
        );
    }

    #[test]
    fn an_article_whose_text_changed_since_it_was_analyzed_is_read_again() {
        let mut members = story_members();
        let prepared = PreparedAnalyses::of(&members);
        let before = summarize_with_brief(&story_of(&members), &members);
        // The same id with another text (a revision): its old names and
        // figures must not leak into the brief.
        members[2].body = "Lazio agreed a fee of €30 million with Chelsea for Jorginho.".into();
        let story = story_of(&members);
        let read = summarize_with_brief(&story, &members);
        let from_prepared = summarize_with_brief_prepared(&story, &members, &prepared);
        // The new text does change the brief, so a stale analysis would show.
        assert_ne!(
            serde_json::to_string(&before).ok(),
            serde_json::to_string(&read).ok()
        );
        assert_eq!(
            serde_json::to_string(&from_prepared).ok(),
            serde_json::to_string(&read).ok()
        );
    }
}
