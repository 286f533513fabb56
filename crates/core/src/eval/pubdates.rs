//! Scoring publication dates the way htmldate's benchmark does: per page,
//! no output is a false negative (a true negative when the gold date is
//! null), the right day a true positive, a wrong day a false positive.

use super::extraction::Published;
use jiff::civil::Date;
use serde::Serialize;

/// Counts over pages, and the scores derived from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DateScores {
    /// Pages scored.
    pub documents: usize,
    /// Right day.
    pub tp: usize,
    /// Wrong day (or a date where the gold has none).
    pub fp: usize,
    /// No date where the gold has one.
    pub fn_: usize,
    /// No date where the gold has none.
    pub tn: usize,
    /// TP / (TP + FP).
    pub precision: f64,
    /// TP / (TP + FN).
    pub recall: f64,
    /// 2TP / (2TP + FP + FN).
    pub f1: f64,
    /// (TP + TN) / all.
    pub accuracy: f64,
}

impl DateScores {
    /// Scores one page.
    pub fn add(&mut self, gold: Option<Date>, predicted: Option<Date>) {
        self.documents += 1;
        match (gold, predicted) {
            (None, None) => self.tn += 1,
            (Some(_), None) => self.fn_ += 1,
            (Some(g), Some(p)) if g == p => self.tp += 1,
            _ => self.fp += 1,
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.tp, self.tp + self.fp);
        self.recall = ratio(self.tp, self.tp + self.fn_);
        self.f1 = ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_);
        self.accuracy = ratio(self.tp + self.tn, self.documents);
    }
}

/// htmldate's published table (docs/evaluation.rst, 1,000 pages, 2026-06-01).
pub const PUBLISHED_HTMLDATE: &[Published] = &[
    Published {
        tool: "htmldate 1.10.0 (extensive)",
        precision: 0.908,
        recall: 0.993,
        f1: 0.949,
    },
    Published {
        tool: "htmldate 1.10.0 (fast)",
        precision: 0.924,
        recall: 0.927,
        f1: 0.925,
    },
    Published {
        tool: "newspaper4k 0.9.5",
        precision: 0.912,
        recall: 0.728,
        f1: 0.810,
    },
    Published {
        tool: "news-please 1.6.16",
        precision: 0.845,
        recall: 0.777,
        f1: 0.810,
    },
    Published {
        tool: "goose3 3.1.21",
        precision: 0.930,
        recall: 0.568,
        f1: 0.706,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn htmldate_counting() {
        let d = |s: &str| s.parse::<Date>().ok();
        let mut s = DateScores::default();
        s.add(d("2020-01-02"), d("2020-01-02"));
        s.add(d("2020-01-02"), d("2020-01-03"));
        s.add(d("2020-01-02"), None);
        s.add(None, None);
        assert_eq!((s.tp, s.fp, s.fn_, s.tn), (1, 1, 1, 1));
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (0.5, 0.5, 0.5, 0.5)
        );
    }
}
