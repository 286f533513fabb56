//! The online clusterer. Each story keeps a centroid of its articles' term
//! vectors and of their name vectors; a fresh article is scored against every
//! story active around its publication time and joins the best one when the
//! score reaches the threshold.
//!
//! Score = (1 − `name_weight`) × cos(terms) + `name_weight` × cos(names),
//! both TF-IDF cosines with document frequencies taken over the stream so
//! far. A story stops attracting articles `active_days` after its last
//! article (and before its first), so a new event about the same people
//! months later starts a new story.

use crate::cluster::vectors::{SparseVector, TermWeights, weighted_cosine};
use crate::model::{Article, StoryId};
use crate::text::{Analyzer, name_terms};
use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;

/// Tunable parameters of the clusterer; the defaults are documented in
/// ARCHITECTURE.md and were chosen on the seed articles and our own fixtures.
#[derive(Debug, Clone, PartialEq)]
pub struct ClustererConfig {
    /// Minimum score for an article to join an existing story.
    pub threshold: f32,
    /// Share of the score given to capitalized-name similarity.
    pub name_weight: f32,
    /// Days before a story's first or after its last article during which
    /// it still attracts new articles.
    pub active_days: i64,
    /// How many times the headline's terms count (headlines are dense).
    pub title_repeat: usize,
}

impl Default for ClustererConfig {
    fn default() -> Self {
        Self {
            threshold: 0.30,
            name_weight: 0.5,
            active_days: 30,
            title_repeat: 2,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The story it joined or founded.
    pub story: StoryId,
    /// True when the article founded a new story.
    pub founded: bool,
    /// Score against the best existing story (0 when there was none).
    pub score: f32,
}

#[derive(Debug)]
struct StoryState {
    id: StoryId,
    terms: HashMap<u32, f32>,
    names: HashMap<u32, f32>,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
}

struct Features {
    terms: SparseVector,
    names: SparseVector,
}

/// Online clusterer: feed it articles in publication order.
#[derive(Debug)]
pub struct Clusterer {
    config: ClustererConfig,
    analyzer: Analyzer,
    term_weights: TermWeights,
    name_weights: TermWeights,
    stories: Vec<StoryState>,
    by_id: HashMap<StoryId, usize>,
}

impl Clusterer {
    /// A clusterer with no stories yet.
    pub fn new(config: ClustererConfig) -> Self {
        Self {
            config,
            analyzer: Analyzer::english(),
            term_weights: TermWeights::default(),
            name_weights: TermWeights::default(),
            stories: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// Number of stories known.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Replays an article whose story is already known (from the store), so
    /// the clusterer's state matches what it would be had it seen it live.
    pub fn add_known(&mut self, article: &Article, story: &StoryId) {
        let features = self.features(article);
        self.join(story, &features, article.published_at);
    }

    /// Assigns a fresh article to a story, founding one when none is close.
    pub fn assign(&mut self, article: &Article) -> Assignment {
        let features = self.features(article);
        let best = self
            .stories
            .iter()
            .filter(|story| self.is_active(story, article.published_at))
            .map(|story| (self.score(&features, story), story.id.clone()))
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        let (score, story, founded) = match best {
            Some((score, id)) if score >= self.config.threshold => (score, id, false),
            other => (
                other.map_or(0.0, |(s, _)| s),
                StoryId::founded_by(&article.id),
                true,
            ),
        };
        self.join(&story, &features, article.published_at);
        Assignment {
            story,
            founded,
            score,
        }
    }

    fn features(&mut self, article: &Article) -> Features {
        let mut text = String::new();
        for _ in 0..self.config.title_repeat {
            text.push_str(&article.title);
            text.push_str(".\n");
        }
        if let Some(lead) = &article.lead {
            text.push_str(lead);
            text.push_str(".\n");
        }
        text.push_str(&article.body);
        let term_ids: Vec<u32> = self
            .analyzer
            .terms(&text)
            .iter()
            .map(|t| self.term_weights.id(t))
            .collect();
        let name_ids: Vec<u32> = name_terms(&text, &self.analyzer)
            .iter()
            .map(|t| self.name_weights.id(t))
            .collect();
        let features = Features {
            terms: SparseVector::from_term_ids(&term_ids),
            names: SparseVector::from_term_ids(&name_ids),
        };
        self.term_weights.observe(&features.terms);
        self.name_weights.observe(&features.names);
        features
    }

    fn score(&self, features: &Features, story: &StoryState) -> f32 {
        let terms = weighted_cosine(&features.terms, &story.terms, &self.term_weights);
        let names = weighted_cosine(&features.names, &story.names, &self.name_weights);
        (1.0 - self.config.name_weight) * terms + self.config.name_weight * names
    }

    fn is_active(&self, story: &StoryState, at: Option<Timestamp>) -> bool {
        let (Some(at), Some(first), Some(last)) = (at, story.first, story.last) else {
            return true;
        };
        let window = SignedDuration::from_hours(24 * self.config.active_days);
        let gap = if at > last {
            at.duration_since(last)
        } else if at < first {
            first.duration_since(at)
        } else {
            SignedDuration::ZERO
        };
        gap <= window
    }

    fn join(&mut self, id: &StoryId, features: &Features, at: Option<Timestamp>) {
        let index = match self.by_id.get(id) {
            Some(index) => *index,
            None => {
                self.stories.push(StoryState {
                    id: id.clone(),
                    terms: HashMap::new(),
                    names: HashMap::new(),
                    first: None,
                    last: None,
                });
                let index = self.stories.len() - 1;
                self.by_id.insert(id.clone(), index);
                index
            }
        };
        let story = &mut self.stories[index];
        for (term, weight) in &features.terms.0 {
            *story.terms.entry(*term).or_default() += weight;
        }
        for (term, weight) in &features.names.0 {
            *story.names.entry(*term).or_default() += weight;
        }
        if let Some(at) = at {
            story.first = Some(story.first.map_or(at, |f| f.min(at)));
            story.last = Some(story.last.map_or(at, |l| l.max(at)));
        }
    }
}
