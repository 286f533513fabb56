//! How each figure moved: money claims grouped by (subject, holder, kind),
//! one point per report, oldest first. Roma's offers for Smalling: £18m
//! planned (09-03) → £11m rejected (09-23) → £13.5m considered (09-30).
//!
//! Conversions and parts are not separate points (they are the same fact
//! as their figure or total), and history told as background (an old
//! transfer fee) is not part of the story's movement.

use crate::facts::{Amount, StoryClaim};
use crate::model::ArticleId;
use jiff::Timestamp;
use serde::Serialize;
use storyline_extract::claims::ClaimStatus;

/// Kinds that form series (counts and durations are compared, not charted).
const SERIES_KINDS: &[&str] = &[
    "offer",
    "asking_price",
    "valuation",
    "fee",
    "wage",
    "release_clause",
];

/// One report of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// When it was reported (the article's publication time).
    pub date: Option<Timestamp>,
    /// The amount.
    pub amount: Amount,
    /// Where it stood, as reported.
    pub status: Option<ClaimStatus>,
    /// The reporting article.
    pub article: ArticleId,
    /// The outlet that published it.
    pub source: String,
    /// Whom the article credits.
    pub attributed_to: Option<String>,
    /// The claim id (see `claims[]`).
    pub claim: String,
    /// The figure as written.
    pub text: String,
}

/// The reports of one figure over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Whom the figure is about.
    pub subject: Option<String>,
    /// Whose figure it is.
    pub holder: Option<String>,
    /// The kind of figure (`offer`, `asking_price`, …).
    pub kind: String,
    /// Reports, oldest first.
    pub points: Vec<SeriesPoint>,
}

impl Series {
    /// A short label: "AS Roma · offer · Chris Smalling".
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(holder) = &self.holder {
            parts.push(holder.clone());
        }
        parts.push(self.kind.replace('_', " "));
        if let Some(subject) = &self.subject {
            parts.push(format!("for {subject}"));
        }
        parts.join(" ")
    }
}

/// True for the claims that count as a point of a series.
pub fn charted(claim: &StoryClaim) -> bool {
    claim.is_money()
        && !claim.historic
        && claim.same_as.is_none()
        && claim.part_of.is_none()
        && SERIES_KINDS.contains(&claim.kind.as_str())
}

/// Groups a story's money claims into series; series with the most
/// reports first.
pub fn figure_series(claims: &[StoryClaim]) -> Vec<Series> {
    let mut series: Vec<Series> = Vec::new();
    for claim in claims.iter().filter(|c| charted(c)) {
        let Some(amount) = claim.amount.clone() else {
            continue;
        };
        let point = SeriesPoint {
            date: claim.published_at,
            amount,
            status: claim.status,
            article: claim.article.clone(),
            source: claim.source.clone(),
            attributed_to: claim.attributed_to.clone(),
            claim: claim.id.clone(),
            text: claim.text.clone(),
        };
        // A price per share and a total are never one series.
        match series.iter_mut().find(|s| {
            s.subject == claim.subject
                && s.holder == claim.holder
                && s.kind == claim.kind
                && s.points.first().map(|p| &p.amount.per) == Some(&point.amount.per)
        }) {
            // One mark per report: an article repeating its own figure
            // (headline and body) counts once.
            Some(found)
                if found
                    .points
                    .iter()
                    .any(|p| p.article == point.article && p.amount.agrees_with(&point.amount)) => {
            }
            Some(found) => found.points.push(point),
            None => series.push(Series {
                subject: claim.subject.clone(),
                holder: claim.holder.clone(),
                kind: claim.kind.clone(),
                points: vec![point],
            }),
        }
    }
    for s in &mut series {
        s.points
            .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.claim.cmp(&b.claim)));
    }
    series.sort_by(|a, b| {
        b.points
            .len()
            .cmp(&a.points.len())
            .then_with(|| a.label().cmp(&b.label()))
    });
    series
}
