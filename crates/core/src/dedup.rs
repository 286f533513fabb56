//! Recognizing copies: an article already stored (same id: same URL and
//! content) is skipped; another article with the same normalized content is
//! stored as a duplicate pointing at the first copy, and never counted twice
//! in a story. Near-duplicate fingerprints come in a later version.

use crate::error::StoreError;
use crate::model::{Article, ArticleId};
use crate::store::Store;
use std::collections::HashMap;

/// What to do with an incoming article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Not seen before: cluster it.
    Fresh,
    /// The very same article is already stored (or earlier in this batch).
    AlreadyStored,
    /// Same content as this earlier original.
    DuplicateOf(ArticleId),
}

/// Remembers what one batch has seen, on top of what the store holds.
#[derive(Debug, Default)]
pub struct ExactDuplicates {
    ids: HashMap<ArticleId, ()>,
    originals: HashMap<String, ArticleId>,
}

impl ExactDuplicates {
    /// Judges `article` against the store and the batch so far, and
    /// remembers it.
    pub fn check(&mut self, article: &Article, store: &dyn Store) -> Result<Verdict, StoreError> {
        if self.ids.contains_key(&article.id) || store.has_article(&article.id)? {
            return Ok(Verdict::AlreadyStored);
        }
        self.ids.insert(article.id.clone(), ());
        if let Some(original) = self.originals.get(&article.content_hash) {
            return Ok(Verdict::DuplicateOf(original.clone()));
        }
        if let Some(original) = store.original_with_content(&article.content_hash)? {
            return Ok(Verdict::DuplicateOf(original));
        }
        self.originals
            .insert(article.content_hash.clone(), article.id.clone());
        Ok(Verdict::Fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{MemoryStore, conformance::sample_article};

    #[test]
    fn same_id_is_already_stored_same_content_is_a_duplicate() {
        let store = MemoryStore::default();
        let mut seen = ExactDuplicates::default();
        let first = sample_article(1, "A", "x");
        let mut copy = sample_article(2, "A", "x");
        copy.content_hash = first.content_hash.clone();
        assert_eq!(seen.check(&first, &store).unwrap(), Verdict::Fresh);
        assert_eq!(seen.check(&first, &store).unwrap(), Verdict::AlreadyStored);
        assert_eq!(
            seen.check(&copy, &store).unwrap(),
            Verdict::DuplicateOf(first.id.clone())
        );
    }
}
