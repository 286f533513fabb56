//! Scoring main-text extraction the way two published benchmarks do, so
//! our figures sit beside theirs:
//!
//! - **Zyte** (`scrapinghub/article-extraction-benchmark`): `\w+` tokens,
//!   4-token shingle multisets per document; precision and recall are
//!   averaged over documents and F1 is taken from the averages
//!   ([`ShingleScorer`]).
//! - **trafilatura's benchmark**: per page, text segments that must appear
//!   and segments that must not; counts are summed over pages
//!   ([`SegmentCounts`]).

use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Shingle length used by the Zyte benchmark.
const SHINGLE: usize = 4;

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"\w+").expect("valid word pattern")
});

/// Precision, recall and F1 of one run over a benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ExtractionScores {
    /// Documents scored.
    pub documents: usize,
    /// Precision as the benchmark defines it.
    pub precision: f64,
    /// Recall as the benchmark defines it.
    pub recall: f64,
    /// F1 (Zyte: from the averaged P and R) or F-score (trafilatura).
    pub f1: f64,
    /// Zyte: share of documents whose tokens equal the truth exactly;
    /// trafilatura: (TP + TN) / all segments.
    pub accuracy: f64,
}

/// Accumulates the Zyte benchmark's per-document shingle scores.
#[derive(Debug, Default, Clone)]
pub struct ShingleScorer {
    precisions: Vec<f64>,
    recalls: Vec<f64>,
    exact: usize,
    documents: usize,
}

impl ShingleScorer {
    /// Scores one document: its true body against the extracted text.
    pub fn add(&mut self, truth: &str, predicted: &str) {
        let true_tokens = tokens(truth);
        let pred_tokens = tokens(predicted);
        self.documents += 1;
        if true_tokens == pred_tokens {
            self.exact += 1;
        }
        let truth = shingles(&true_tokens);
        let pred = shingles(&pred_tokens);
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (key, &t) in &truth {
            let p = pred.get(key).copied().unwrap_or(0);
            tp += t.min(p);
            fn_ += t.saturating_sub(p);
        }
        for (key, &p) in &pred {
            fp += p.saturating_sub(truth.get(key).copied().unwrap_or(0));
        }
        // As the benchmark's script: perfect when nothing is wrong, zero
        // when nothing is right; ratios are unchanged by its per-document
        // normalization of the counts.
        let (precision, recall) = if fp == 0 && fn_ == 0 {
            (Some(1.0), Some(1.0))
        } else if tp == 0 {
            (Some(0.0).filter(|_| fp > 0), Some(0.0).filter(|_| fn_ > 0))
        } else {
            (Some(ratio(tp, tp + fp)), Some(ratio(tp, tp + fn_)))
        };
        self.precisions.extend(precision);
        self.recalls.extend(recall);
    }

    /// The averaged scores.
    pub fn scores(&self) -> ExtractionScores {
        let mean = |v: &[f64]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        let (precision, recall) = (mean(&self.precisions), mean(&self.recalls));
        ExtractionScores {
            documents: self.documents,
            precision,
            recall,
            f1: harmonic(precision, recall),
            accuracy: ratio(self.exact, self.documents),
        }
    }
}

/// Segment counts of trafilatura's benchmark, summed over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SegmentCounts {
    /// "with" segments found.
    pub tp: usize,
    /// "without" segments found.
    pub fp: usize,
    /// "with" segments missing.
    pub fn_: usize,
    /// "without" segments missing.
    pub tn: usize,
    /// Pages scored.
    pub documents: usize,
}

impl SegmentCounts {
    /// Scores one page: every segment is looked up in the extracted text
    /// after whitespace is collapsed on both sides.
    pub fn add(&mut self, predicted: &str, with: &[String], without: &[String]) {
        let text = collapse(predicted);
        self.documents += 1;
        for segment in with {
            if text.contains(&collapse(segment)) {
                self.tp += 1;
            } else {
                self.fn_ += 1;
            }
        }
        for segment in without {
            if text.contains(&collapse(segment)) {
                self.fp += 1;
            } else {
                self.tn += 1;
            }
        }
    }

    /// Micro-averaged precision, recall, accuracy and F-score.
    pub fn scores(&self) -> ExtractionScores {
        let all = self.tp + self.fp + self.fn_ + self.tn;
        ExtractionScores {
            documents: self.documents,
            precision: ratio(self.tp, self.tp + self.fp),
            recall: ratio(self.tp, self.tp + self.fn_),
            f1: ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_),
            accuracy: ratio(self.tp + self.tn, all),
        }
    }
}

/// One published result, printed beside ours.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Published {
    /// Tool and version.
    pub tool: &'static str,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1 or F-score.
    pub f1: f64,
}

const fn row(tool: &'static str, precision: f64, recall: f64, f1: f64) -> Published {
    Published {
        tool,
        precision,
        recall,
        f1,
    }
}

/// The Zyte benchmark's published table (its README, commit 4a3bc97), best
/// rows and the Rust crates.
pub const PUBLISHED_ZYTE: &[Published] = &[
    row("AutoExtract (commercial, 2019)", 0.984, 0.956, 0.970),
    row("rs_trafilatura 9261e08", 0.951, 0.990, 0.970),
    row("go_trafilatura ae7ea06", 0.940, 0.980, 0.960),
    row("trafilatura 2.0.0", 0.938, 0.978, 0.958),
    row("newspaper4k 0.9.3.1", 0.964, 0.934, 0.949),
    row("readability_js 0.6.0", 0.914, 0.982, 0.947),
    row("readability-lxml 0.8.4.1", 0.913, 0.931, 0.922),
    row("readability (Rust) 0.3.0", 0.906, 0.843, 0.873),
    row("dom_smoothie (Rust) 0.14.0", 0.785, 0.963, 0.865),
];

/// trafilatura's published table (docs/evaluation.rst, 990 pages; the
/// folder here holds 495 of them).
pub const PUBLISHED_TRAFILATURA: &[Published] = &[
    row("trafilatura 2.2.0 (standard)", 0.906, 0.943, 0.924),
    row("trafilatura 2.2.0 (precision)", 0.925, 0.915, 0.920),
    row("magic-html 0.1.8", 0.887, 0.891, 0.889),
    row("justext 3.0.2 (custom)", 0.864, 0.859, 0.862),
    row("news-please 1.6.16", 0.932, 0.758, 0.836),
    row("readability-lxml 0.8.4.1", 0.898, 0.764, 0.826),
    row("newspaper4k 0.9.6", 0.878, 0.736, 0.801),
];

/// Unicode `\w+` tokens, as Python's `re.findall(r'\w+', text)`.
fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// Multiset of `SHINGLE`-token shingles; a shorter text gives one shingle.
fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut counts = HashMap::new();
    let n = tokens.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..n {
        let shingle = tokens[i..(i + SHINGLE).min(tokens.len())].to_vec();
        if !shingle.is_empty() {
            *counts.entry(shingle).or_insert(0) += 1;
        }
    }
    counts
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Harmonic mean of precision and recall (0 when both are 0).
pub fn harmonic(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores_follow_the_benchmark() {
        let mut scorer = ShingleScorer::default();
        scorer.add("one two three four five", "one two three four five");
        let s = scorer.scores();
        assert_eq!((s.precision, s.recall, s.accuracy), (1.0, 1.0, 1.0));

        let mut scorer = ShingleScorer::default();
        // truth: 2 shingles; prediction adds one junk word → 3 shingles, 2 right.
        scorer.add("a b c d e", "a b c d e junk");
        let s = scorer.scores();
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.recall, 1.0);
        assert_eq!(s.accuracy, 0.0);
        assert!((s.f1 - 0.8).abs() < 1e-9);
    }

    #[test]
    fn empty_predictions_count_as_zero_recall_only() {
        let mut scorer = ShingleScorer::default();
        scorer.add("a b c d", "");
        scorer.add("a b c d", "a b c d");
        let s = scorer.scores();
        assert_eq!(s.precision, 1.0); // the empty output has no precision to average
        assert_eq!(s.recall, 0.5);
    }

    #[test]
    fn segment_counts_are_micro_averaged() {
        let mut counts = SegmentCounts::default();
        counts.add(
            "The  council\nsaid yes. Read more here",
            &["council said yes".into(), "missing".into()],
            &["Read more".into(), "Cookies".into()],
        );
        assert_eq!((counts.tp, counts.fn_, counts.fp, counts.tn), (1, 1, 1, 1));
        let s = counts.scores();
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (0.5, 0.5, 0.5, 0.5)
        );
    }
}
