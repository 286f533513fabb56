//! Source detection scored on PolNeAR (brat standoff `Source` spans): how
//! many of the annotated sources Storyline finds, and how many of the
//! sources it reports are annotated, both as exact span matches and as
//! token overlap (the share of source tokens shared). PolNeAR marks every
//! source, pronouns included ("he said"), while Storyline credits named
//! sources and unnamed-source phrases only, so recall is bounded by design:
//! the figures say how far.

use serde::Serialize;
use std::collections::BTreeSet;
use std::ops::Range;

/// The `Source` spans (character offsets) of one brat `.ann` file; a
/// discontinuous span (`10 20;25 30`) contributes each piece.
pub fn brat_sources(ann: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(head)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let Some(offsets) = head.strip_prefix("Source ") else {
            continue;
        };
        for piece in offsets.split(';') {
            let mut bounds = piece.split_whitespace().map(str::parse::<usize>);
            if let (Some(Ok(start)), Some(Ok(end))) = (bounds.next(), bounds.next())
                && start < end
            {
                out.push(start..end);
            }
        }
    }
    out
}

/// Precision and recall of one matching criterion.
pub type SpanPr = super::PrecisionRecall;

/// `a / b`, or 0 when there is nothing to divide by.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Counts accumulated over documents.
#[derive(Debug, Clone, Default)]
pub struct SpanTally {
    gold: usize,
    predicted: usize,
    exact: usize,
    gold_tokens: usize,
    predicted_tokens: usize,
    shared_tokens: usize,
}

/// The scores of `eval attribution`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionScores {
    /// Gold source spans.
    pub gold: usize,
    /// Predicted source spans.
    pub predicted: usize,
    /// Exact span match.
    pub exact: SpanPr,
    /// Token overlap: precision over predicted tokens, recall over gold tokens.
    pub token: SpanPr,
}

/// Word tokens of `text` inside `spans`, as (start, end) character offsets.
fn tokens(text: &[char], spans: &[Range<usize>]) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for span in spans {
        let end = span.end.min(text.len());
        let mut i = span.start.min(end);
        while i < end {
            if text[i].is_alphanumeric() {
                let start = i;
                while i < end && text[i].is_alphanumeric() {
                    i += 1;
                }
                out.insert((start, i));
            } else {
                i += 1;
            }
        }
    }
    out
}

impl SpanTally {
    /// Adds one document: gold and predicted spans in character offsets
    /// of `text`.
    pub fn add(&mut self, text: &str, gold: &[Range<usize>], predicted: &[Range<usize>]) {
        let chars: Vec<char> = text.chars().collect();
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.exact += predicted.iter().filter(|p| gold.contains(p)).count();
        let (g, p) = (tokens(&chars, gold), tokens(&chars, predicted));
        self.gold_tokens += g.len();
        self.predicted_tokens += p.len();
        self.shared_tokens += g.intersection(&p).count();
    }

    /// The scores so far.
    pub fn scores(&self) -> AttributionScores {
        AttributionScores {
            gold: self.gold,
            predicted: self.predicted,
            exact: SpanPr::new(
                ratio(self.exact, self.predicted),
                ratio(self.exact, self.gold),
            ),
            token: SpanPr::new(
                ratio(self.shared_tokens, self.predicted_tokens),
                ratio(self.shared_tokens, self.gold_tokens),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_source_spans_only() {
        let ann = "T1\tSource 0 15\tWashington Post\nT2\tCue 16 21\tbacks\nT5\tSource 30 35;40 44\tx y\nE1\tAttribution:T4 Source:T1\n";
        assert_eq!(brat_sources(ann), [0..15, 30..35, 40..44]);
    }

    #[test]
    fn exact_and_token_overlap() {
        let text = "the Washington Post said; officials said";
        let gold = [0..19, 25..34];
        let predicted = vec![Range { start: 4, end: 19 }];
        let mut tally = SpanTally::default();
        tally.add(text, &gold, &predicted);
        let s = tally.scores();
        assert_eq!((s.exact.precision, s.exact.recall), (0.0, 0.0));
        // gold tokens: the, Washington, Post, officials; predicted: Washington, Post.
        assert_eq!(s.token.precision, 1.0);
        assert_eq!(s.token.recall, 0.5);
    }
}
