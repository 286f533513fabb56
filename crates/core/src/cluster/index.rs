//! Candidate retrieval: an inverted index from each term, name and figure
//! to the stories whose centroids hold it, so an article is compared in
//! full only with the few stories it shares rare words with, not with
//! every active story.
//!
//! Each posting list keeps the latest [`POSTINGS_KEPT`] stories that
//! gained the term (a word in thousands of stories says nothing about
//! which one an article belongs to), and retrieval ranks stories by a
//! quick IDF-weighted overlap before the clusterer scores the best
//! [`CANDIDATES_SCORED`] of them with the model. Cost per article is then
//! bounded by the article's length, not by the number of stories.
//!
//! Postings of stories that can no longer attract (retired or absorbed,
//! see `cluster::clusterer`) are swept out in bulk ([`StoryIndex::sweep`]).
//! Each posting carries its insertion number, so a list still keeps
//! exactly the stories among its latest [`POSTINGS_KEPT`] insertions after
//! a sweep: sweeping never changes which live stories are retrieved.

use crate::cluster::features::{ArticleFeatures, Vocabularies};
use crate::cluster::vectors::{SparseVector, TermWeights};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};

/// Stories kept per posting list: the latest to gain the term.
pub const POSTINGS_KEPT: usize = 256;

/// Stories the model scores per article: the best by quick overlap.
pub const CANDIDATES_SCORED: usize = 32;

/// The three kinds of feature a story is indexed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Word terms.
    Term,
    /// Names.
    Name,
    /// Figures.
    Figure,
}

/// The stories that gained one feature, oldest first, each with its
/// insertion number (`added` counts every insertion ever made).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Postings {
    added: u32,
    entries: VecDeque<(u32, u32)>,
}

impl Postings {
    fn push(&mut self, story: u32) {
        let number = self.added;
        self.added = self.added.wrapping_add(1);
        self.entries.push_back((story, number));
        // Keep the stories among the latest POSTINGS_KEPT insertions, as
        // if no posting had ever been swept out.
        while let Some(&(_, oldest)) = self.entries.front() {
            if self.added.wrapping_sub(oldest) as usize > POSTINGS_KEPT {
                self.entries.pop_front();
            } else {
                break;
            }
        }
    }
}

type PostingMap = HashMap<u32, Postings, foldhash::fast::RandomState>;

/// Term → stories, one map per [`Kind`], with a scratch accumulator reused
/// across queries.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StoryIndex {
    terms: PostingMap,
    names: PostingMap,
    figures: PostingMap,
    #[serde(skip)]
    overlap: Vec<f32>,
    #[serde(skip)]
    touched: Vec<usize>,
}

impl StoryIndex {
    /// Records that story number `story` now holds `term`.
    pub fn add(&mut self, kind: Kind, term: u32, story: usize) {
        let map = match kind {
            Kind::Term => &mut self.terms,
            Kind::Name => &mut self.names,
            Kind::Figure => &mut self.figures,
        };
        // Story numbers beyond u32 would need four billion stories.
        map.entry(term).or_default().push(story as u32);
    }

    /// Drops the postings of every story `gone` says can never be
    /// retrieved again, and the lists left empty; the live stories'
    /// postings and their order are untouched.
    pub fn sweep(&mut self, gone: impl Fn(usize) -> bool) {
        for map in [&mut self.terms, &mut self.names, &mut self.figures] {
            map.retain(|_, postings| {
                postings.entries.retain(|&(story, _)| !gone(story as usize));
                postings.entries.shrink_to_fit();
                !postings.entries.is_empty()
            });
            map.shrink_to_fit();
        }
    }

    /// Postings held, over all lists (for tests and measurements).
    pub fn postings(&self) -> usize {
        [&self.terms, &self.names, &self.figures]
            .iter()
            .flat_map(|map| map.values())
            .map(|postings| postings.entries.len())
            .sum()
    }

    /// Story numbers that share at least one feature with the article and
    /// pass `keep`, best quick overlap first (ties: older story first), at
    /// most [`CANDIDATES_SCORED`].
    pub fn candidates(
        &mut self,
        features: &ArticleFeatures,
        vocabularies: &Vocabularies,
        stories: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        if self.overlap.len() < stories {
            self.overlap.resize(stories, 0.0);
        }
        for (vector, map, weights) in [
            (&features.terms, &self.terms, &vocabularies.terms),
            (&features.names, &self.names, &vocabularies.names),
            (&features.figures, &self.figures, &vocabularies.figures),
        ] {
            accumulate(vector, map, weights, &mut self.overlap, &mut self.touched);
        }
        let mut ranked: Vec<(usize, f32)> = self
            .touched
            .drain(..)
            .map(|story| {
                let value = std::mem::take(&mut self.overlap[story]);
                (story, value)
            })
            .filter(|(story, _)| keep(*story))
            .collect();
        // Only the best few are kept: select them, then sort those (the
        // order is total, story numbers being distinct, so this is the
        // order a full sort gives).
        let order =
            |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0));
        if ranked.len() > CANDIDATES_SCORED {
            ranked.select_nth_unstable_by(CANDIDATES_SCORED, order);
            ranked.truncate(CANDIDATES_SCORED);
        }
        ranked.sort_unstable_by(order);
        ranked.into_iter().map(|(story, _)| story).collect()
    }
}

/// Adds `vector`'s IDF-weighted terms to the overlap of every story in
/// their posting lists, noting each story touched for the first time.
fn accumulate(
    vector: &SparseVector,
    map: &PostingMap,
    weights: &TermWeights,
    overlap: &mut [f32],
    touched: &mut Vec<usize>,
) {
    for (term, weight) in &vector.0 {
        let Some(postings) = map.get(term) else {
            continue;
        };
        let idf = weights.idf(*term);
        for &(story, _) in &postings.entries {
            let story = story as usize;
            if let Some(value) = overlap.get_mut(story) {
                if *value == 0.0 {
                    touched.push(story);
                }
                *value += weight * idf * idf;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stories_sharing_a_feature_are_candidates_best_first() {
        let mut vocabularies = Vocabularies::default();
        let ids: Vec<u32> = ["smalling", "roma", "oil"]
            .iter()
            .map(|t| vocabularies.terms.id(t))
            .collect();
        let mut index = StoryIndex::default();
        index.add(Kind::Term, ids[0], 0);
        index.add(Kind::Term, ids[1], 0);
        index.add(Kind::Term, ids[1], 1);
        index.add(Kind::Term, ids[2], 2);
        let features = ArticleFeatures {
            terms: SparseVector::from_term_ids(&ids[..2]),
            ..ArticleFeatures::default()
        };
        assert_eq!(
            index.candidates(&features, &vocabularies, 3, |_| true),
            [0, 1]
        );
        assert_eq!(
            index.candidates(&features, &vocabularies, 3, |s| s != 0),
            [1]
        );
    }

    #[test]
    fn sweeping_keeps_the_latest_insertions_of_the_live_stories() {
        let mut vocabularies = Vocabularies::default();
        let term = vocabularies.terms.id("strike");
        let run = |sweep: bool| {
            let mut index = StoryIndex::default();
            for story in 0..POSTINGS_KEPT + 10 {
                index.add(Kind::Term, term, story);
                if sweep && story == POSTINGS_KEPT / 2 {
                    index.sweep(|s| s % 2 == 0);
                }
            }
            let features = ArticleFeatures {
                terms: SparseVector::from_term_ids(&[term]),
                ..ArticleFeatures::default()
            };
            let mut found =
                index.candidates(&features, &vocabularies, POSTINGS_KEPT + 10, |s| s % 2 == 1);
            found.sort_unstable();
            found
        };
        assert_eq!(run(true), run(false));
        assert_eq!(
            run(true).first(),
            Some(&11),
            "the oldest insertions fell out"
        );
    }
}
