//! Clustering metrics: pairwise precision/recall/F1 (Miranda et al. 2018),
//! B-cubed precision/recall/F1 (Bagga & Baldwin 1998) and normalized mutual
//! information (arithmetic-mean normalization, as scikit-learn's default).
//!
//! Items are compared by key; each item has exactly one gold and one
//! predicted cluster. Unlabeled items are their own gold singletons (the
//! caller gives them unique gold labels).

use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

/// Precision, recall and their harmonic mean: the one score triple every
/// evaluation reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct PrecisionRecall {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl PrecisionRecall {
    /// The triple from precision and recall (F1 is 0 when both are 0).
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

/// All clustering scores for one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusteringScores {
    /// Items scored.
    pub articles: usize,
    /// Distinct gold clusters (singletons included).
    pub gold_stories: usize,
    /// Distinct predicted clusters.
    pub predicted_stories: usize,
    /// Pairwise scores.
    pub pairwise: PrecisionRecall,
    /// B-cubed scores.
    pub bcubed: PrecisionRecall,
    /// Normalized mutual information.
    pub nmi: f64,
}

fn pairs(n: usize) -> f64 {
    (n * n.saturating_sub(1) / 2) as f64
}

/// Scores `predicted` against `gold`, over the items present in both.
pub fn score_clustering<K, G, P>(
    gold: &HashMap<K, G>,
    predicted: &HashMap<K, P>,
) -> ClusteringScores
where
    K: Eq + Hash,
    G: Eq + Hash + Clone,
    P: Eq + Hash + Clone,
{
    let items: Vec<(&G, &P)> = gold
        .iter()
        .filter_map(|(k, g)| predicted.get(k).map(|p| (g, p)))
        .collect();
    let n = items.len();
    let mut gold_sizes: HashMap<&G, usize> = HashMap::new();
    let mut pred_sizes: HashMap<&P, usize> = HashMap::new();
    let mut joint: HashMap<(&G, &P), usize> = HashMap::new();
    for (g, p) in &items {
        *gold_sizes.entry(*g).or_default() += 1;
        *pred_sizes.entry(*p).or_default() += 1;
        *joint.entry((*g, *p)).or_default() += 1;
    }
    let together_both: f64 = joint.values().map(|c| pairs(*c)).sum();
    let together_pred: f64 = pred_sizes.values().map(|c| pairs(*c)).sum();
    let together_gold: f64 = gold_sizes.values().map(|c| pairs(*c)).sum();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 1.0 };
    let pairwise = PrecisionRecall::new(
        ratio(together_both, together_pred),
        ratio(together_both, together_gold),
    );

    // B-cubed: per item, the share of its predicted cluster that shares its
    // gold cluster (precision) and vice versa (recall), averaged.
    let mut b_precision = 0.0;
    let mut b_recall = 0.0;
    for (g, p) in &items {
        let both = joint.get(&(*g, *p)).copied().unwrap_or(0) as f64;
        b_precision += both / pred_sizes.get(p).copied().unwrap_or(1) as f64;
        b_recall += both / gold_sizes.get(g).copied().unwrap_or(1) as f64;
    }
    let count = n.max(1) as f64;
    let bcubed = PrecisionRecall::new(b_precision / count, b_recall / count);

    ClusteringScores {
        articles: n,
        gold_stories: gold_sizes.len(),
        predicted_stories: pred_sizes.len(),
        pairwise,
        bcubed,
        nmi: nmi(n, &gold_sizes, &pred_sizes, &joint),
    }
}

fn entropy<T>(n: f64, sizes: &HashMap<T, usize>) -> f64 {
    sizes
        .values()
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.ln()
        })
        .sum()
}

fn nmi<G: Eq + Hash, P: Eq + Hash>(
    n: usize,
    gold: &HashMap<&G, usize>,
    pred: &HashMap<&P, usize>,
    joint: &HashMap<(&G, &P), usize>,
) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    let mutual: f64 = joint
        .iter()
        .map(|((g, p), c)| {
            let pxy = *c as f64 / n;
            let px = gold.get(g).copied().unwrap_or(1) as f64 / n;
            let py = pred.get(p).copied().unwrap_or(1) as f64 / n;
            pxy * (pxy / (px * py)).ln()
        })
        .sum();
    let (hg, hp) = (entropy(n, gold), entropy(n, pred));
    if hg + hp == 0.0 {
        // Both clusterings put everything in one cluster: identical.
        return 1.0;
    }
    (2.0 * mutual / (hg + hp)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(labels: &[(&'static str, u32)]) -> HashMap<&'static str, u32> {
        labels.iter().copied().collect()
    }

    #[test]
    fn perfect_clustering_scores_one() {
        let gold = map(&[("a", 1), ("b", 1), ("c", 2)]);
        let pred = map(&[("a", 7), ("b", 7), ("c", 9)]);
        let s = score_clustering(&gold, &pred);
        assert_eq!(s.pairwise.f1, 1.0);
        assert_eq!(s.bcubed.f1, 1.0);
        assert!((s.nmi - 1.0).abs() < 1e-9);
    }

    #[test]
    fn merging_two_stories_costs_precision_not_recall() {
        // Gold {a,b} {c,d}; predicted all together: 2 of 6 pairs right.
        let gold = map(&[("a", 1), ("b", 1), ("c", 2), ("d", 2)]);
        let pred = map(&[("a", 0), ("b", 0), ("c", 0), ("d", 0)]);
        let s = score_clustering(&gold, &pred);
        assert!((s.pairwise.precision - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.pairwise.recall, 1.0);
        assert!((s.bcubed.precision - 0.5).abs() < 1e-9);
        assert_eq!(s.bcubed.recall, 1.0);
        assert!(s.nmi.abs() < 1e-9);
        assert_eq!((s.gold_stories, s.predicted_stories), (2, 1));
    }

    #[test]
    fn splitting_costs_recall() {
        let gold = map(&[("a", 1), ("b", 1), ("c", 1)]);
        let pred = map(&[("a", 1), ("b", 1), ("c", 2)]);
        let s = score_clustering(&gold, &pred);
        assert_eq!(s.pairwise.precision, 1.0);
        assert!((s.pairwise.recall - 1.0 / 3.0).abs() < 1e-9);
    }
}
