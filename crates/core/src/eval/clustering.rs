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

/// Pairwise and B-cubed scores of some articles, each judged within the
/// whole clustering it was predicted in: an article joined with one that is
/// not scored still costs precision. Cross-validation over folds of stories
/// needs this: scoring the fold's articles alone drops every wrong join
/// with another fold's article, which flatters precision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct InContextScores {
    /// Articles scored.
    pub articles: usize,
    /// Pairwise scores, pairs counted from each scored article's side.
    pub pairwise: PrecisionRecall,
    /// B-cubed scores.
    pub bcubed: PrecisionRecall,
}

/// Sums behind [`InContextScores`], added up over several clusterings
/// (one per fold) whose scored articles do not overlap.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct InContextCounts {
    articles: usize,
    pairs_both: f64,
    pairs_predicted: f64,
    pairs_gold: f64,
    bcubed_precision: f64,
    bcubed_recall: f64,
}

impl InContextCounts {
    /// Adds the articles `scored` keeps, each seen in the clusterings
    /// `gold` and `predicted` of every article (items present in both).
    /// Counted this way over every article of one clustering, the scores
    /// equal [`score_clustering`]'s pairwise and B-cubed ones.
    pub fn add<K, G, P>(
        &mut self,
        gold: &HashMap<K, G>,
        predicted: &HashMap<K, P>,
        scored: impl Fn(&K) -> bool,
    ) where
        K: Eq + Hash,
        G: Eq + Hash,
        P: Eq + Hash,
    {
        let items: Vec<(&K, &G, &P)> = gold
            .iter()
            .filter_map(|(k, g)| predicted.get(k).map(|p| (k, g, p)))
            .collect();
        let mut gold_sizes: HashMap<&G, usize> = HashMap::new();
        let mut pred_sizes: HashMap<&P, usize> = HashMap::new();
        let mut joint: HashMap<(&G, &P), usize> = HashMap::new();
        for (_, g, p) in &items {
            *gold_sizes.entry(*g).or_default() += 1;
            *pred_sizes.entry(*p).or_default() += 1;
            *joint.entry((*g, *p)).or_default() += 1;
        }
        for (_, g, p) in items.iter().filter(|(k, _, _)| scored(k)) {
            let both = joint.get(&(*g, *p)).copied().unwrap_or(1) as f64;
            let in_predicted = pred_sizes.get(p).copied().unwrap_or(1) as f64;
            let in_gold = gold_sizes.get(g).copied().unwrap_or(1) as f64;
            self.articles += 1;
            self.pairs_both += both - 1.0;
            self.pairs_predicted += in_predicted - 1.0;
            self.pairs_gold += in_gold - 1.0;
            self.bcubed_precision += both / in_predicted;
            self.bcubed_recall += both / in_gold;
        }
    }

    /// Adds another set of sums (another stream's).
    pub fn merge(&mut self, other: &InContextCounts) {
        self.articles += other.articles;
        self.pairs_both += other.pairs_both;
        self.pairs_predicted += other.pairs_predicted;
        self.pairs_gold += other.pairs_gold;
        self.bcubed_precision += other.bcubed_precision;
        self.bcubed_recall += other.bcubed_recall;
    }

    /// The scores of the articles added so far.
    pub fn scores(&self) -> InContextScores {
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 1.0 };
        let count = self.articles.max(1) as f64;
        InContextScores {
            articles: self.articles,
            pairwise: PrecisionRecall::new(
                ratio(self.pairs_both, self.pairs_predicted),
                ratio(self.pairs_both, self.pairs_gold),
            ),
            bcubed: PrecisionRecall::new(self.bcubed_precision / count, self.bcubed_recall / count),
        }
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
    fn in_context_scores_match_the_whole_clustering_and_count_joins_outside() {
        let gold = map(&[("a", 1), ("b", 1), ("c", 2), ("d", 2), ("e", 3)]);
        let pred = map(&[("a", 0), ("b", 0), ("c", 0), ("d", 5), ("e", 6)]);
        let whole = score_clustering(&gold, &pred);
        let mut all = InContextCounts::default();
        all.add(&gold, &pred, |_| true);
        let s = all.scores();
        assert!((s.pairwise.f1 - whole.pairwise.f1).abs() < 1e-9);
        assert!((s.bcubed.f1 - whole.bcubed.f1).abs() < 1e-9);
        // Story 1 alone: scored by itself it looks perfect, but its
        // articles sit with `c` of story 2.
        let mut one = InContextCounts::default();
        one.add(&gold, &pred, |k| *k == "a" || *k == "b");
        let s = one.scores();
        assert_eq!(s.articles, 2);
        assert!((s.pairwise.precision - 0.5).abs() < 1e-9);
        assert_eq!(s.pairwise.recall, 1.0);
        assert!((s.bcubed.precision - 2.0 / 3.0).abs() < 1e-9);
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
