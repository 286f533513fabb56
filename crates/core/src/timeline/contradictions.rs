//! Where sources disagree. Two reports contradict each other when they give
//! the same figure (same subject, holder and kind) different values or
//! incompatible statuses at about the same time, or state the same count
//! with a different scope (37 appearances "in all competitions" vs 37
//! "league appearances"). A value that changed over time is a development,
//! not a contradiction: reports more than a few days apart, or worded as a
//! change ("improved offer", "second bid"), are not flagged.
//!
//! A contradiction is `open` until a later report agrees with one side;
//! it is then `resolved`, by that article.

use crate::facts::{Amount, QuantityValue, StoryClaim};
use crate::model::ArticleId;
use crate::timeline::series::charted;
use serde::Serialize;
use storyline_extract::claims::ClaimStatus;

/// Reports further apart than this many days are successive, not rival.
const SAME_TIME_DAYS: i64 = 3;

/// Words that say a figure is a new one, not a rival report of the old.
const CHANGE_WORDS: &[&str] = &[
    "improved",
    "second",
    "new",
    "latest",
    "fresh",
    "revised",
    "increased",
    "raised",
    "lowered",
    "reduced",
    "final",
    "last-ditch",
    "renewed",
    "higher",
    "another",
];

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The value this side gives, as a reader writes it.
    pub value: String,
    /// The amount, for money.
    pub amount: Option<Amount>,
    /// The count, for counts.
    pub quantity: Option<QuantityValue>,
    /// The status this side gives.
    pub status: Option<ClaimStatus>,
    /// Articles on this side.
    pub articles: Vec<ArticleId>,
    /// Outlets on this side.
    pub sources: Vec<String>,
    /// Whom they credit.
    pub attributed_to: Vec<String>,
    /// Claim ids on this side.
    pub claims: Vec<String>,
}

/// Whether a contradiction still stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// No later report settled it.
    Open,
    /// A later report agreed with one side.
    Resolved,
}

/// Reports that disagree about one figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    /// Whom the figure is about.
    pub subject: Option<String>,
    /// Whose figure it is.
    pub holder: Option<String>,
    /// The kind of figure.
    pub kind: String,
    /// What differs: `value`, `status` or `scope`.
    pub about: String,
    /// Open or resolved.
    pub state: State,
    /// The article that settled it, when resolved.
    pub resolved_by: Option<ArticleId>,
    /// The sides, earliest report first.
    pub sides: Vec<Side>,
}

fn days_apart(a: &StoryClaim, b: &StoryClaim) -> Option<i64> {
    let (x, y) = (a.published_at?, b.published_at?);
    Some((y.as_second() - x.as_second()).abs() / 86_400)
}

fn worded_as_change(claim: &StoryClaim) -> bool {
    let lower = claim.sentence.to_lowercase();
    CHANGE_WORDS.iter().any(|w| {
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|word| word == *w)
    })
}

fn incompatible(a: Option<ClaimStatus>, b: Option<ClaimStatus>) -> bool {
    use ClaimStatus::{Accepted, Rejected};
    matches!(
        (a, b),
        (Some(Rejected), Some(Accepted)) | (Some(Accepted), Some(Rejected))
    )
}

fn side_of(claim: &StoryClaim) -> Side {
    Side {
        value: claim.value_text(),
        amount: claim.amount.clone(),
        quantity: claim.quantity.clone(),
        status: claim.status,
        articles: vec![claim.article.clone()],
        sources: vec![claim.source.clone()],
        attributed_to: claim.attributed_to.iter().cloned().collect(),
        claims: vec![claim.id.clone()],
    }
}

fn join(side: &mut Side, claim: &StoryClaim) {
    if !side.articles.contains(&claim.article) {
        side.articles.push(claim.article.clone());
    }
    if !side.sources.contains(&claim.source) {
        side.sources.push(claim.source.clone());
    }
    if let Some(who) = &claim.attributed_to
        && !side.attributed_to.contains(who)
    {
        side.attributed_to.push(who.clone());
    }
    side.claims.push(claim.id.clone());
}

/// Finds the contradictions among a story's claims (in publication order).
pub fn find_contradictions(claims: &[StoryClaim]) -> Vec<Contradiction> {
    let mut out = Vec::new();
    money_contradictions(claims, &mut out);
    count_contradictions(claims, &mut out);
    out
}

fn same_key(a: &StoryClaim, b: &StoryClaim) -> bool {
    a.subject == b.subject && a.holder == b.holder && a.kind == b.kind
}

fn money_contradictions(claims: &[StoryClaim], out: &mut Vec<Contradiction>) {
    let money: Vec<&StoryClaim> = claims.iter().filter(|c| charted(c)).collect();
    let mut used: Vec<bool> = vec![false; money.len()];
    for i in 0..money.len() {
        if used[i] {
            continue;
        }
        let first = money[i];
        let mut sides = vec![side_of(first)];
        let mut about = None;
        let mut members = vec![i];
        for j in i + 1..money.len() {
            let other = money[j];
            if used[j] || !same_key(first, other) {
                continue;
            }
            let close = days_apart(first, other).is_some_and(|d| d <= SAME_TIME_DAYS);
            if !close {
                continue;
            }
            let (Some(a), Some(b)) = (&first.amount, &other.amount) else {
                continue;
            };
            let agrees_with = sides.iter().position(|s| {
                s.amount.as_ref().is_some_and(|x| x.agrees_with(b))
                    && !incompatible(s.status, other.status)
            });
            match agrees_with {
                Some(k) => join(&mut sides[k], other),
                None if worded_as_change(other) => {}
                None => {
                    about = Some(if a.agrees_with(b) { "status" } else { "value" });
                    sides.push(side_of(other));
                }
            }
            members.push(j);
        }
        if sides.len() < 2 {
            continue;
        }
        for m in &members {
            used[*m] = true;
        }
        // Settled by a later report, outside the window, agreeing with one side.
        let last = members.iter().filter_map(|m| money[*m].published_at).max();
        let settled = money.iter().find(|c| {
            same_key(first, c)
                && c.published_at.zip(last).is_some_and(|(t, l)| t > l)
                && c.amount.as_ref().is_some_and(|x| {
                    sides
                        .iter()
                        .filter(|s| s.amount.as_ref().is_some_and(|y| y.agrees_with(x)))
                        .count()
                        == 1
                })
        });
        out.push(Contradiction {
            subject: first.subject.clone(),
            holder: first.holder.clone(),
            kind: first.kind.clone(),
            about: about.unwrap_or("value").to_string(),
            state: if settled.is_some() {
                State::Resolved
            } else {
                State::Open
            },
            resolved_by: settled.map(|c| c.article.clone()),
            sides,
        });
    }
}

fn count_contradictions(claims: &[StoryClaim], out: &mut Vec<Contradiction>) {
    let counts: Vec<(&StoryClaim, &QuantityValue)> = claims
        .iter()
        .filter(|c| c.subject.is_some())
        .filter_map(|c| c.quantity.as_ref().map(|q| (c, q)))
        .collect();
    let mut done: Vec<(String, String, u64)> = Vec::new();
    for (i, (a, qa)) in counts.iter().enumerate() {
        for (b, qb) in counts.iter().skip(i + 1) {
            if a.subject != b.subject || qa.unit != qb.unit || a.article == b.article {
                continue;
            }
            let (sa, sb) = (qa.scope(), qb.scope());
            let about = if qa.value == qb.value && !sa.is_empty() && !sb.is_empty() && sa != sb {
                "scope"
            } else if qa.value != qb.value
                && sa == sb
                && !sa.is_empty()
                && days_apart(a, b).is_some_and(|d| d <= SAME_TIME_DAYS)
                && !worded_as_change(b)
            {
                "value"
            } else {
                continue;
            };
            let key = (
                a.subject.clone().unwrap_or_default(),
                qa.unit.clone(),
                qa.value.to_bits(),
            );
            if done.contains(&key) {
                continue;
            }
            done.push(key);
            out.push(Contradiction {
                subject: a.subject.clone(),
                holder: None,
                kind: a.kind.clone(),
                about: about.to_string(),
                state: State::Open,
                resolved_by: None,
                sides: vec![side_of(a), side_of(b)],
            });
        }
    }
}
