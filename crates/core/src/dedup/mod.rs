//! Recognizing copies of articles already seen: exact copies (the same
//! words) and near-duplicates (syndicated copies with other boilerplate,
//! trimmed endings or small edits): MinHash over 3-word shingles with LSH
//! banding finds candidates, their exact shingle sets decide. The same
//! article seen again (same canonical URL, or same title and text) is a
//! matter of identity, handled by the pipeline, not a duplicate.
//!
//! A copy is stored with `duplicate_of` pointing at the first copy (in batch
//! order: publication time, then path) and is never counted twice in a
//! story.

pub mod exact;
pub mod minhash;
pub mod url;

pub use self::url::canonical_url;

use crate::model::{Article, ArticleId};
use exact::{text_fingerprint, words};
use minhash::{LshIndex, SHINGLE_WORDS, Signature};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// When two texts count as copies of each other: both similarities must
/// reach their threshold, so a long article quoting a short one's paragraph
/// (high containment, low Jaccard) is not a copy, nor are two reports that
/// share stock phrases.
///
/// Chosen on `stories-dev` (exact 3-word shingles): labeled copies reach
/// Jaccard ≥ 0.28 and containment ≥ 0.60 (one labeled pair, an updated
/// report sharing only its first paragraphs, reaches 0.26 and cannot be told
/// from other reports); the closest other pair reaches 0.22 and 0.51. The
/// short-text and figure rules were added after reading the pairs found in
/// the first 3,000 Reuters-21578 stories, where templated notices of
/// different companies matched; labeled copies on `stories-dev` share at
/// least 0.33 of their figures.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupConfig {
    /// Jaccard similarity of the shingle sets.
    pub min_jaccard: f64,
    /// Share of the shorter text's shingles found in the longer one.
    pub min_containment: f64,
    /// Texts with fewer shingles are only compared exactly: a few shared
    /// words say nothing.
    pub min_shingles: usize,
    /// Below this many shingles (the shorter text), containment must reach
    /// `min_short_containment`: short templated notices (dividends, bond
    /// issues in Reuters-21578) share most of their wording.
    pub short_text_shingles: usize,
    /// Containment required of short texts.
    pub min_short_containment: f64,
    /// Share of the shorter text's figures (words with a digit) found in the
    /// longer: a copy repeats its figures, a notice of the same template
    /// does not.
    pub min_figure_containment: f64,
}

impl Default for DedupConfig {
    fn default() -> Self {
        Self {
            min_jaccard: 0.25,
            min_containment: 0.55,
            min_shingles: 20,
            short_text_shingles: 80,
            min_short_containment: 0.8,
            min_figure_containment: 0.3,
        }
    }
}

/// The originals seen so far, by exact fingerprint and by MinHash.
///
/// Serializes as the originals it holds, without its thresholds, for the
/// ingest snapshot (`crate::snapshot`); [`Duplicates::with_config`] puts
/// them back after deserializing.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Duplicates {
    #[serde(skip)]
    config: DedupConfig,
    exact: HashMap<u64, ArticleId>,
    near: LshIndex<ArticleId>,
}

/// The text compared for copies: lead and body. The headline is left out,
/// since syndicated copies often rewrite it.
pub fn comparable_text(article: &Article) -> String {
    let mut text = article.lead.clone().unwrap_or_default();
    text.push('\n');
    text.push_str(&article.body);
    text
}

/// The words of [`comparable_text`].
fn comparable_words(article: &Article) -> Vec<String> {
    words(&comparable_text(article))
}

/// What [`Duplicates::check`] reads from an article before it consults
/// the originals: the exact fingerprint of its comparable words and, for a
/// text long enough to be a near copy, its MinHash signature. A pure
/// function of the article and the thresholds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparable {
    fingerprint: u64,
    signature: Option<Signature>,
}

impl Comparable {
    /// Reads `article` under `config`.
    pub fn of(article: &Article, config: &DedupConfig) -> Self {
        Self::of_text(&comparable_text(article), config)
    }

    /// The MinHash signature, for a text long enough to be a near copy.
    pub fn signature(&self) -> Option<&Signature> {
        self.signature.as_ref()
    }

    /// Reads an article's [`comparable_text`] under `config`.
    pub fn of_text(text: &str, config: &DedupConfig) -> Self {
        let words = words(text);
        Self {
            fingerprint: text_fingerprint(&words),
            signature: comparable_signature(&words, config),
        }
    }
}

/// The signature of a text long enough to be a near copy: one with
/// fewer than `min_shingles` shingles can never be one, neither as the
/// copy nor as the original (`is_copy` requires the
/// shorter text to reach it), so it is neither hashed nor indexed.
/// Headlines alone (uci-news, googlenews-mstream) are that short: they
/// are only compared exactly, as before, at a fraction of the cost.
fn comparable_signature(words: &[String], config: &DedupConfig) -> Option<Signature> {
    // A text of n words has at most n - SHINGLE_WORDS + 1 shingles.
    if words.len() + 1 < SHINGLE_WORDS + config.min_shingles {
        return None;
    }
    Signature::of_words(words).filter(|s| s.shingles >= config.min_shingles)
}

impl Duplicates {
    /// An empty index with the given thresholds.
    pub fn new(config: DedupConfig) -> Self {
        Self {
            config,
            ..Self::default()
        }
    }

    /// A deserialized index with its thresholds put back and its LSH
    /// buckets rebuilt.
    pub fn with_config(mut self, config: DedupConfig) -> Self {
        self.config = config;
        self.near.rebuild_buckets();
        self
    }

    /// The thresholds in use.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// The original `article` copies, if any; otherwise remembers it as an
    /// original and returns `None`.
    pub fn check(&mut self, article: &Article) -> Option<ArticleId> {
        let comparable = Comparable::of(article, &self.config);
        self.check_comparable(article, comparable)
    }

    /// [`Duplicates::check`] with the article's text already read
    /// (`comparable` must be [`Comparable::of`] this article under these
    /// thresholds, for instance read on another thread): the same answer.
    pub fn check_comparable(
        &mut self,
        article: &Article,
        comparable: Comparable,
    ) -> Option<ArticleId> {
        let Comparable {
            fingerprint,
            signature,
        } = comparable;
        if let Some(original) = self.exact.get(&fingerprint) {
            return Some(original.clone());
        }
        if let Some(signature) = &signature
            && let Some(original) = self.near_copy_of(signature)
        {
            return Some(original);
        }
        self.exact.insert(fingerprint, article.id.clone());
        if let Some(signature) = signature {
            self.near.insert(article.id.clone(), signature);
        }
        None
    }

    /// Remembers an article known to be an original (a stored one).
    pub fn remember(&mut self, article: &Article) {
        let words = comparable_words(article);
        self.exact
            .entry(text_fingerprint(&words))
            .or_insert_with(|| article.id.clone());
        if let Some(signature) = comparable_signature(&words, &self.config) {
            self.near.insert(article.id.clone(), signature);
        }
    }

    fn near_copy_of(&self, signature: &Signature) -> Option<ArticleId> {
        self.near
            .candidates(signature)
            .into_iter()
            .find(|(id, other)| {
                tracing::debug!(
                    candidate = %id,
                    jaccard = signature.jaccard(other),
                    containment = signature.containment(other),
                    figures = signature.figure_containment(other),
                    shingles = signature.shingles.min(other.shingles),
                    "near-duplicate candidate"
                );
                self.is_copy(signature, other)
            })
            .map(|(id, _)| id.clone())
    }

    fn is_copy(&self, a: &Signature, b: &Signature) -> bool {
        let config = &self.config;
        let shorter = a.shingles.min(b.shingles);
        let containment = a.containment(b);
        shorter >= config.min_shingles
            && a.jaccard(b) >= config.min_jaccard
            && containment >= config.min_containment
            && (shorter >= config.short_text_shingles
                || containment >= config.min_short_containment)
            && a.figure_containment(b) >= config.min_figure_containment
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    fn wire_text(extra: &str) -> String {
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!(
                "Paragraph {i} of the wire report says the club offered {} million for the player. ",
                i * 3 + 7
            ));
        }
        text.push_str(extra);
        text
    }

    #[test]
    fn exact_and_near_copies_point_at_the_first_original() {
        let mut seen = Duplicates::default();
        let original = sample_article(1, "Original", &wire_text(""));
        let mut exact = sample_article(2, "Other headline", &wire_text(""));
        exact.lead = original.lead.clone();
        let mut near = sample_article(3, "Syndicated", &wire_text("Read more: subscribe now."));
        near.lead = original.lead.clone();
        let other = sample_article(4, "Other", "A different story about weather in the north.");
        assert_eq!(seen.check(&original), None);
        assert_eq!(seen.check(&exact), Some(original.id.clone()));
        assert_eq!(seen.check(&near), Some(original.id.clone()));
        assert_eq!(seen.check(&other), None);
    }

    #[test]
    fn notices_of_one_template_with_other_figures_are_not_copies() {
        let notice = |company: &str, cents: u32, day: u32| {
            format!(
                "{company} said its board declared an initial quarterly dividend of {cents} cts \
                 per share, payable April {day} to shareholders of record March {}. The company \
                 said the dividend reflects its improved cash position and its plan to pay \
                 regular dividends from now on, subject to approval by the board each quarter.",
                day - 10
            )
        };
        let mut seen = Duplicates::default();
        let mut a = sample_article(1, "A", &notice("Medco Holdings", 5, 20));
        let mut b = sample_article(2, "B", &notice("Porex Industries", 12, 30));
        a.lead = None;
        b.lead = None;
        assert_eq!(seen.check(&a), None);
        assert_eq!(seen.check(&b), None);
    }

    #[test]
    fn a_trimmed_copy_is_a_duplicate() {
        let mut seen = Duplicates::default();
        let full = sample_article(1, "Full", &wire_text(""));
        let half: String = wire_text("").chars().take(2000).collect();
        let mut trimmed = sample_article(2, "Trimmed", &half);
        trimmed.lead = full.lead.clone();
        assert_eq!(seen.check(&full), None);
        assert_eq!(seen.check(&trimmed), Some(full.id.clone()));
    }
}
