//! An in-memory [`Store`] for tests and one-off runs.

use crate::cluster::{Explanation, StoryMerge};
use crate::error::StoreError;
use crate::model::{Article, ArticleId, Story, StoryId};
use crate::store::{ArticleKey, Batch, SearchHit, Store, key_order, publication_order};
use std::collections::BTreeMap;

/// Keeps everything in maps; nothing survives the process.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    articles: BTreeMap<ArticleId, Article>,
    stories: BTreeMap<StoryId, Story>,
    explanations: BTreeMap<ArticleId, Explanation>,
    /// Merges in the order made, each with the story it resolves to now.
    merges: Vec<(StoryMerge, StoryId)>,
    /// Bumped by every save (see [`Store::revision`]).
    revision: u64,
    /// The ingest snapshot and the revision it was saved at.
    snapshot: Option<(u64, Vec<u8>)>,
}

impl Store for MemoryStore {
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        Ok(self.articles.get(id).cloned())
    }

    fn has_article(&self, id: &ArticleId) -> Result<bool, StoreError> {
        Ok(self.articles.contains_key(id))
    }

    fn original_with_content(&self, content_hash: &str) -> Result<Option<ArticleId>, StoreError> {
        Ok(self
            .articles
            .values()
            .filter(|a| a.duplicate_of.is_none() && a.content_hash == content_hash)
            .min_by(|a, b| publication_order(a, b))
            .map(|a| a.id.clone()))
    }

    fn articles(&self) -> Result<Vec<Article>, StoreError> {
        let mut all: Vec<Article> = self.articles.values().cloned().collect();
        all.sort_by(publication_order);
        Ok(all)
    }

    fn article_keys(&self) -> Result<Vec<ArticleKey>, StoreError> {
        let mut keys: Vec<ArticleKey> = self.articles.values().map(ArticleKey::of).collect();
        keys.sort_by(key_order);
        Ok(keys)
    }

    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError> {
        let mut members: Vec<Article> = self
            .articles
            .values()
            .filter(|a| a.story.as_ref() == Some(id))
            .cloned()
            .collect();
        members.sort_by(publication_order);
        Ok(members)
    }

    fn stories(&self) -> Result<Vec<Story>, StoreError> {
        Ok(self.stories.values().cloned().collect())
    }

    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError> {
        Ok(self.stories.get(id).cloned())
    }

    fn explanation(&self, article: &ArticleId) -> Result<Option<Explanation>, StoreError> {
        Ok(self.explanations.get(article).cloned())
    }

    fn merge_of(&self, id: &StoryId) -> Result<Option<StoryMerge>, StoreError> {
        Ok(self
            .merges
            .iter()
            .find(|(m, _)| &m.absorbed == id)
            .map(|(m, now)| StoryMerge {
                survivor: now.clone(),
                ..m.clone()
            }))
    }

    fn merges_into(&self, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError> {
        Ok(self
            .merges
            .iter()
            .filter(|(_, now)| now == survivor)
            .map(|(m, _)| m.clone())
            .collect())
    }

    fn save(&mut self, batch: &Batch) -> Result<(), StoreError> {
        for story in &batch.stories {
            self.stories.insert(story.id.clone(), story.clone());
        }
        for article in &batch.articles {
            self.articles.insert(article.id.clone(), article.clone());
        }
        for explanation in &batch.explanations {
            self.explanations
                .insert(explanation.article.clone(), explanation.clone());
        }
        for merge in &batch.merges {
            for article in self.articles.values_mut() {
                if article.story.as_ref() == Some(&merge.absorbed) {
                    article.story = Some(merge.survivor.clone());
                }
            }
            self.stories.remove(&merge.absorbed);
            for (_, now) in &mut self.merges {
                if *now == merge.absorbed {
                    *now = merge.survivor.clone();
                }
            }
            self.merges.retain(|(m, _)| m.absorbed != merge.absorbed);
            self.merges.push((merge.clone(), merge.survivor.clone()));
        }
        self.revision += 1;
        Ok(())
    }

    fn save_with_snapshot(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.save(batch)?;
        self.snapshot = snapshot.map(|blob| (self.revision, blob.to_vec()));
        Ok(())
    }

    fn snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .snapshot
            .as_ref()
            .filter(|(at, _)| *at == self.revision)
            .map(|(_, blob)| blob.clone()))
    }

    fn revision(&self) -> Result<Option<u64>, StoreError> {
        Ok(Some(self.revision))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let words: Vec<String> = query
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits: Vec<SearchHit> = self
            .articles
            .values()
            .filter_map(|article| {
                let text = article.full_text();
                let lower = text.to_lowercase();
                let counts: Vec<usize> = words
                    .iter()
                    .map(|w| lower.matches(w.as_str()).count())
                    .collect();
                if counts.contains(&0) {
                    return None;
                }
                Some(SearchHit {
                    article: article.id.clone(),
                    title: article.title.clone(),
                    snippet: snippet(&text, &words[0]),
                    score: counts.iter().sum::<usize>() as f64,
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.article.cmp(&b.article))
        });
        hits.truncate(limit);
        Ok(hits)
    }
}

/// About ten words either side of the first match of `word`.
fn snippet(text: &str, word: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.to_lowercase().contains(word))
        .unwrap_or(0);
    let start = at.saturating_sub(10);
    let end = (at + 10).min(words.len());
    words[start..end]
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if start + i == at {
                format!("[{w}]")
            } else {
                (*w).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
