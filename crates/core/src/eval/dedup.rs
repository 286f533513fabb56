//! Scoring duplicate detection on unordered pairs inside duplicate groups:
//! a labeled copy may point at a fuller copy published later, so which copy
//! points at which does not matter, only which articles are copies of each
//! other.

use crate::eval::PrecisionRecall;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Duplicate-detection scores for one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DedupScores {
    /// Articles scored.
    pub documents: usize,
    /// Pairs of copies in the gold groups.
    pub gold_pairs: usize,
    /// Pairs of copies found.
    pub predicted_pairs: usize,
    /// Pairs both found and labeled.
    pub correct_pairs: usize,
    /// Precision over pairs.
    pub precision: f64,
    /// Recall over pairs.
    pub recall: f64,
    /// F1 over pairs.
    pub f1: f64,
    /// Labeled pairs not found.
    pub missed: Vec<(String, String)>,
    /// Pairs found but not labeled.
    pub wrong: Vec<(String, String)>,
}

/// Scores predicted copy links (`copy → original`) against gold links,
/// both as edges between article keys; each side's edges are closed into
/// groups and compared as unordered pairs.
pub fn score_duplicates(
    documents: usize,
    gold: &[(String, String)],
    predicted: &[(String, String)],
) -> DedupScores {
    let gold_pairs = group_pairs(gold);
    let predicted_pairs = group_pairs(predicted);
    let correct = gold_pairs.intersection(&predicted_pairs).count();
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    let pr = PrecisionRecall::new(
        ratio(correct, predicted_pairs.len()),
        ratio(correct, gold_pairs.len()),
    );
    DedupScores {
        documents,
        gold_pairs: gold_pairs.len(),
        predicted_pairs: predicted_pairs.len(),
        correct_pairs: correct,
        precision: pr.precision,
        recall: pr.recall,
        f1: pr.f1,
        missed: gold_pairs.difference(&predicted_pairs).cloned().collect(),
        wrong: predicted_pairs.difference(&gold_pairs).cloned().collect(),
    }
}

/// Every unordered pair (smaller key first) inside the groups the edges
/// connect.
fn group_pairs(edges: &[(String, String)]) -> BTreeSet<(String, String)> {
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    fn root(parent: &BTreeMap<String, String>, key: &str) -> String {
        let mut at = key.to_string();
        while let Some(up) = parent.get(&at).filter(|up| **up != at) {
            at = up.clone();
        }
        at
    }
    for (a, b) in edges {
        parent.entry(a.clone()).or_insert_with(|| a.clone());
        parent.entry(b.clone()).or_insert_with(|| b.clone());
        let (ra, rb) = (root(&parent, a), root(&parent, b));
        if ra != rb {
            parent.insert(ra, rb);
        }
    }
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let keys: Vec<String> = parent.keys().cloned().collect();
    for key in keys {
        let r = root(&parent, &key);
        groups.entry(r).or_default().push(key);
    }
    let mut pairs = BTreeSet::new();
    for members in groups.values() {
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                let (x, y) = if a < b { (a, b) } else { (b, a) };
                pairs.insert((x.clone(), y.clone()));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn direction_does_not_matter_and_groups_close_transitively() {
        let gold = edges(&[("b", "a"), ("c", "a"), ("e", "d")]);
        let predicted = edges(&[("a", "b"), ("c", "b"), ("f", "g")]);
        let scores = score_duplicates(7, &gold, &predicted);
        assert_eq!(scores.gold_pairs, 4);
        assert_eq!(scores.predicted_pairs, 4);
        assert_eq!(scores.correct_pairs, 3);
        assert_eq!(scores.missed, edges(&[("d", "e")]));
        assert_eq!(scores.wrong, edges(&[("f", "g")]));
        assert!((scores.precision - 0.75).abs() < 1e-9);
    }
}
