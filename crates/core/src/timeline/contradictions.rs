//! Where sources disagree. Two reports contradict each other when they give
//! the same figure (same subject, holder and kind) different values or
//! incompatible statuses at about the same time (the time a figure is about:
//! the period its sentence names, "last summer", else the day it was
//! reported; a valuation and an asking price are one figure), or state the same count
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
use jiff::civil::Date;
use jiff::tz::TimeZone;
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
    "earlier",
    "opening",
    "first",
    "previous",
    "previously",
    "initial",
    "original",
    "originally",
    "sweetened",
    "sweetening",
    "sweeter",
    "already",
    // "The fee could rise to €95m if bonuses are met": the total a fee
    // may reach, beside reports of the fixed fee.
    "rise",
    "rises",
    "rising",
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
    /// The figure with the extras its sentence adds on top ("a guaranteed
    /// £100m with a further £5m"), when it has any: the total it is a part
    /// of, for comparison only.
    #[serde(skip)]
    whole: Option<Amount>,
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

/// Slack in days around a loosely named period ("last summer", "in 2020"):
/// transfer windows and seasons spill over their calendar months.
const VAGUE_PERIOD_SLACK_DAYS: i64 = 31;

/// The days a claim is about: the period its sentence names, else its
/// publication day.
fn claim_days(claim: &StoryClaim) -> Option<(Date, Date, bool)> {
    if let Some(period) = claim.refers_to {
        return Some((period.start, period.end, period.vague));
    }
    let day = claim.published_at?.to_zoned(TimeZone::UTC).date();
    Some((day, day, false))
}

/// Days between the times two money claims are about (0 when they
/// overlap), less the slack a vague period gets.
fn time_gap_days(a: &StoryClaim, b: &StoryClaim) -> Option<i64> {
    let (a_start, a_end, a_vague) = claim_days(a)?;
    let (b_start, b_end, b_vague) = claim_days(b)?;
    let gap = if b_start > a_end {
        (b_start - a_end).get_days()
    } else if a_start > b_end {
        (a_start - b_end).get_days()
    } else {
        0
    };
    let slack = if a_vague || b_vague {
        VAGUE_PERIOD_SLACK_DAYS
    } else {
        0
    };
    Some((i64::from(gap) - slack).max(0))
}

fn days_apart(a: &StoryClaim, b: &StoryClaim) -> Option<i64> {
    let (x, y) = (a.published_at?, b.published_at?);
    Some((y.as_second() - x.as_second()).abs() / 86_400)
}

/// Words that say a count has moved on ("the death toll rose to").
const COUNT_CHANGE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "climbed",
    "increased",
    "updated",
    "revised",
    "now",
    "extended",
    "new",
    "up",
    "down",
    "gained",
    "picked",
    "lost",
];

fn worded_as_change(claim: &StoryClaim) -> bool {
    let words = if claim.quantity.is_some() {
        COUNT_CHANGE_WORDS
    } else {
        CHANGE_WORDS
    };
    let lower = claim.sentence.to_lowercase();
    words.iter().any(|w| {
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
        whole: None,
    }
}

/// Words between a figure and a later one that add the later one on top.
const ON_TOP: &[&str] = &[
    "plus",
    "further",
    "add-on",
    "add on",
    "bonus",
    "in addition",
];

/// A figure with the extras its sentence adds on top of it ("prepared to
/// pay a guaranteed £100m with a further £5m coming in addition" is
/// £105m in all), when there are any in its currency.
fn with_extras(claim: &StoryClaim, claims: &[StoryClaim]) -> Option<Amount> {
    let base = claim.amount.as_ref()?;
    let after_figure = claim
        .sentence
        .find(&claim.text)
        .map(|at| at + claim.text.len())?;
    let mut extra = 0.0;
    for other in claims.iter().filter(|c| {
        c.article == claim.article
            && c.sentence == claim.sentence
            && c.span[0] > claim.span[1]
            && c.same_as.is_none()
    }) {
        let Some(amount) = other.amount.as_ref() else {
            continue;
        };
        let Some(at) = claim.sentence[after_figure..].find(&other.text) else {
            continue;
        };
        let between = claim.sentence[after_figure..after_figure + at].to_lowercase();
        let on_top = other.kind == "add_ons" || ON_TOP.iter().any(|w| between.contains(w));
        if amount.currency == base.currency && amount.period.is_none() && on_top {
            extra += amount.value;
        }
    }
    (extra > 0.0).then(|| Amount {
        value: base.value + extra,
        min: base.min + extra,
        max: base.max + extra,
        currency: base.currency.clone(),
        period: base.period,
        per: base.per.clone(),
    })
}

/// Words that set a figure right: "it had been rumoured that the clause
/// stood at €75m but it is, in fact, only €60m".
const CORRECTIONS: &[&str] = &["in fact", "actually", "in reality", "in truth"];

/// True when the sentence of `claim` corrects it with a later figure of
/// the same kind ("rumoured to be €75m … in fact only €60m"): the article
/// does not hold the figure it sets right, so it is on no side of it.
fn corrected(claim: &StoryClaim, claims: &[&StoryClaim]) -> bool {
    let Some(after_figure) = claim
        .sentence
        .find(&claim.text)
        .map(|at| at + claim.text.len())
    else {
        return false;
    };
    claims.iter().any(|other| {
        other.article == claim.article
            && other.sentence == claim.sentence
            && other.span[0] > claim.span[1]
            && same_key(claim, other)
            && other
                .amount
                .as_ref()
                .zip(claim.amount.as_ref())
                .is_some_and(|(a, b)| a.currency == b.currency && !a.agrees_with(b))
            && claim.sentence[after_figure..]
                .find(&other.text)
                .is_some_and(|at| {
                    let between = claim.sentence[after_figure..after_figure + at].to_lowercase();
                    CORRECTIONS.iter().any(|w| between.contains(w))
                })
    })
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

/// An article that gives the values of two sides holds them to be the same
/// figure (written in two currencies, or a total and its guaranteed part):
/// sources do not disagree there.
fn an_article_takes_both_sides(sides: &[Side]) -> bool {
    sides.iter().enumerate().any(|(i, side)| {
        sides[i + 1..]
            .iter()
            .any(|other| side.articles.iter().any(|a| other.articles.contains(a)))
    })
}

fn same_key(a: &StoryClaim, b: &StoryClaim) -> bool {
    let per = |c: &StoryClaim| c.amount.as_ref().and_then(|x| x.per.clone());
    a.subject == b.subject
        && a.holder == b.holder
        && kind_family(&a.kind) == kind_family(&b.kind)
        && per(a) == per(b)
}

/// Kinds that name the same figure: a seller's "valuation" and its "asking
/// price" are one price, and outlets use the words interchangeably.
fn kind_family(kind: &str) -> &str {
    match kind {
        "valuation" => "asking_price",
        other => other,
    }
}

/// Rival reports of one figure differ modestly; values further apart than
/// this ratio are different figures (a part, a wage, another deal).
const SAME_FIGURE_RATIO: f64 = 2.5;

/// Exchange rates the story's own articles give (`£10.9m (€12m)`): the only
/// rates used to compare figures in different currencies. Without one,
/// figures in different currencies are not compared at all.
struct Rates(Vec<(String, String, f64)>);

impl Rates {
    fn from_claims(claims: &[StoryClaim]) -> Self {
        let mut rates = Vec::new();
        for c in claims {
            let Some(target) = c
                .same_as
                .as_ref()
                .and_then(|id| claims.iter().find(|t| &t.id == id))
            else {
                continue;
            };
            if let (Some(from), Some(to)) = (&target.amount, &c.amount)
                && from.value > 0.0
                && from.currency != to.currency
            {
                rates.push((
                    from.currency.clone(),
                    to.currency.clone(),
                    to.value / from.value,
                ));
            }
        }
        // Rates through a third currency both are given in ("£73m ($101m)"
        // and "€85m ($101m)" in two reports), chained once here.
        let stated = Self(rates);
        let mut chained = Vec::new();
        for (i, (a, b, first)) in stated.0.iter().enumerate() {
            for (c, d, second) in &stated.0[i + 1..] {
                // Orient both through their shared currency: a → x → d.
                let (from, via_first, to, via_second) = if b == c {
                    (a, *first, d, *second)
                } else if b == d {
                    (a, *first, c, 1.0 / second)
                } else if a == c {
                    (b, 1.0 / first, d, *second)
                } else if a == d {
                    (b, 1.0 / first, c, 1.0 / second)
                } else {
                    continue;
                };
                if from != to {
                    chained.push((from.clone(), to.clone(), via_first * via_second));
                }
            }
        }
        let mut all = stated.0;
        all.extend(chained);
        Self(all)
    }

    /// The rates from `from` to `to` the story states (directly or through
    /// a third currency), either way round.
    fn rates_between(&self, from: &str, to: &str) -> impl Iterator<Item = f64> + '_ {
        let (from, to) = (from.to_string(), to.to_string());
        self.0.iter().filter_map(move |(a, b, rate)| {
            if *a == from && *b == to {
                Some(*rate)
            } else if *a == to && *b == from {
                Some(1.0 / rate)
            } else {
                None
            }
        })
    }

    /// `amount` in `currency`, when the story gives a rate. Articles of
    /// different days give different rates (and round them): of the rates
    /// given, the one that brings the amount closest to `toward` is used,
    /// so two figures disagree only when every rate the story states says
    /// they differ (Sancho's "€85m ($101m)" and "£73m ($101m)" are one fee).
    fn convert(&self, amount: &Amount, currency: &str, toward: f64) -> Option<Amount> {
        if amount.currency == currency {
            return Some(amount.clone());
        }
        let rate = self
            .rates_between(&amount.currency, currency)
            .min_by(|x, y| {
                let gap = |r: f64| (amount.value * r - toward).abs();
                gap(*x).total_cmp(&gap(*y))
            })?;
        Some(Amount {
            value: amount.value * rate,
            min: amount.min * rate,
            max: amount.max * rate,
            currency: currency.to_string(),
            period: amount.period,
            per: amount.per.clone(),
        })
    }
}

fn money_contradictions(claims: &[StoryClaim], out: &mut Vec<Contradiction>) {
    let rates = Rates::from_claims(claims);
    let charted: Vec<&StoryClaim> = claims.iter().filter(|c| charted(c)).collect();
    // A figure whose holder neither its text nor a clear lead in the story
    // names, where the story has several holders of such figures (two clubs
    // bidding), may be either's: it disagrees with nobody.
    let contested = |c: &StoryClaim| {
        let mut holders = charted
            .iter()
            .filter(|o| o.subject == c.subject && kind_family(&o.kind) == kind_family(&c.kind))
            .filter_map(|o| o.holder.as_deref());
        holders
            .next()
            .is_some_and(|first| holders.any(|h| h != first))
    };
    // A figure about no one known, held by no one known ("the top wage
    // rises to $40 an hour" beside "the starting wage to $28") cannot be
    // told to be the same figure as another: it disagrees with nobody.
    let money: Vec<&StoryClaim> = charted
        .iter()
        .copied()
        .filter(|c| !corrected(c, &charted))
        .filter(|c| c.holder.is_some() || !contested(c))
        .filter(|c| c.holder.is_some() || c.subject.is_some())
        .collect();
    let mut used: Vec<bool> = vec![false; money.len()];
    for i in 0..money.len() {
        if used[i] {
            continue;
        }
        let first = money[i];
        let mut sides = vec![side_of(first)];
        sides[0].whole = with_extras(first, claims);
        // Whether some report on each side states its value plainly, not
        // worded as a change ("an initial €60m" beside The Times' plain
        // "€60m"): a plain side is a rival of another plain value.
        let mut plain = vec![!worded_as_change(first)];
        let mut about = None;
        let mut members = vec![i];
        for j in i + 1..money.len() {
            let other = money[j];
            if used[j] || !same_key(first, other) {
                continue;
            }
            let close = time_gap_days(first, other).is_some_and(|d| d <= SAME_TIME_DAYS);
            if !close {
                continue;
            }
            let Some(a) = &first.amount else {
                continue;
            };
            let Some(b) = other
                .amount
                .as_ref()
                .and_then(|b| rates.convert(b, &a.currency, a.value))
            else {
                continue;
            };
            let ratio = a.value.max(b.value) / a.value.min(b.value).max(f64::MIN_POSITIVE);
            if ratio > SAME_FIGURE_RATIO {
                continue;
            }
            // A guaranteed part with its extras agrees with the total.
            let b_whole = with_extras(other, claims);
            let b_whole_here = b_whole
                .as_ref()
                .and_then(|w| rates.convert(w, &a.currency, a.value));
            let agrees_with = sides.iter().position(|s| {
                let here = |x: &Option<Amount>| {
                    x.as_ref()
                        .and_then(|x| rates.convert(x, &a.currency, b.value))
                };
                let (value, whole) = (here(&s.amount), here(&s.whole));
                let same = value.as_ref().is_some_and(|x| {
                    x.agrees_with(&b) || b_whole_here.as_ref().is_some_and(|w| x.agrees_with(w))
                }) || whole.is_some_and(|w| w.agrees_with(&b));
                same && !incompatible(s.status, other.status)
            });
            // One article giving two values is detail, not sources disagreeing.
            let same_source = sides.iter().any(|s| s.articles.contains(&other.article));
            let changed = worded_as_change(other);
            match agrees_with {
                Some(k) => {
                    join(&mut sides[k], other);
                    plain[k] |= !changed;
                }
                None if changed || !plain.iter().any(|p| *p) || same_source => {}
                None => {
                    about = Some(if a.agrees_with(&b) { "status" } else { "value" });
                    let mut side = side_of(other);
                    side.whole = b_whole;
                    sides.push(side);
                    plain.push(true);
                }
            }
            members.push(j);
        }
        if sides.len() < 2 || an_article_takes_both_sides(&sides) {
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

/// Counts of events reported at one moment (votes in a ballot): two
/// outlets giving different numbers on the same day disagree.
const EVENT_UNITS: &[&str] = &["votes", "seats", "bids"];

/// Days within which two contract lengths for the same person must agree.
const CONTRACT_DAYS: i64 = 14;

/// The scope of a count or duration, with synonyms merged ("deal" and
/// "contract" name the same thing).
fn scope_of(q: &QuantityValue) -> String {
    q.scope()
        .split_whitespace()
        .map(|w| match w {
            "deal" | "contract" | "extension" => "contract",
            "remaining" => "left",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What two counts for the same subject and unit disagree about, if they do.
/// Percentages are compared like counts: two outlets giving a different
/// share of the same thing at the same time disagree; a share worded as a
/// change, or told days apart, is a development.
fn count_disagreement(
    a: &StoryClaim,
    qa: &QuantityValue,
    b: &StoryClaim,
    qb: &QuantityValue,
) -> Option<&'static str> {
    let (sa, sb) = (scope_of(qa), scope_of(qb));
    let days = days_apart(a, b);
    if qa.value == qb.value {
        // "a 25% raise" and "a 25% general wage increase" say the same:
        // a percentage's scope is worded freely.
        if a.kind == "percent" {
            return None;
        }
        // Same number, different scope: "37 league appearances" vs "37
        // appearances in all competitions".
        return (!sa.is_empty() && !sb.is_empty() && sa != sb).then_some("scope");
    }
    if sa != sb || worded_as_change(b) || worded_as_change(a) {
        return None;
    }
    let window = if a.kind == "duration" && sa == "contract" {
        CONTRACT_DAYS
    } else if EVENT_UNITS.contains(&qa.unit.as_str()) {
        1
    } else if sa.is_empty() {
        // Career totals without a scope differ by the date they are told.
        return None;
    } else {
        SAME_TIME_DAYS
    };
    days.is_some_and(|d| d <= window).then_some("value")
}

fn count_contradictions(claims: &[StoryClaim], out: &mut Vec<Contradiction>) {
    let counts: Vec<(&StoryClaim, &QuantityValue)> = claims
        .iter()
        .filter(|c| c.subject.is_some())
        .filter_map(|c| c.quantity.as_ref().map(|q| (c, q)))
        .collect();
    // An article giving one person several vote counts reports several
    // ballots (a live blog of every round): its counts cannot be matched to
    // another outlet's by date alone.
    let several_ballots = |claim: &StoryClaim, q: &QuantityValue| {
        EVENT_UNITS.contains(&q.unit.as_str())
            && counts.iter().any(|(c, other)| {
                c.article == claim.article
                    && c.subject == claim.subject
                    && other.unit == q.unit
                    && other.value != q.value
            })
    };
    // Each disagreement found, by (subject, unit, values), with its place
    // in `out`: a later pair with the same values adds its reports to the
    // sides, so every source of each value is listed.
    let mut done: Vec<((String, String, u64), usize)> = Vec::new();
    for (i, (a, qa)) in counts.iter().enumerate() {
        for (b, qb) in counts.iter().skip(i + 1) {
            if a.subject != b.subject
                || qa.unit != qb.unit
                || a.article == b.article
                || a.kind != b.kind
            {
                continue;
            }
            let ballot = same_ballot(&counts, a, qa, b);
            let about = if ballot {
                (qa.value != qb.value).then_some("value")
            } else if several_ballots(a, qa) || several_ballots(b, qb) {
                None
            } else {
                count_disagreement(a, qa, b, qb)
            };
            let Some(about) = about else {
                continue;
            };
            if about == "value"
                && (gives_both(&counts, a, [qa, qb]) || gives_both(&counts, b, [qa, qb]))
            {
                continue;
            }
            let key = (
                a.subject.clone().unwrap_or_default(),
                qa.unit.clone(),
                qa.value.to_bits() ^ qb.value.to_bits(),
            );
            if let Some((_, at)) = done.iter().find(|(k, _)| *k == key) {
                for (claim, q) in [(a, qa), (b, qb)] {
                    join_count_side(&mut out[*at].sides, claim, q);
                }
                continue;
            }
            done.push((key, out.len()));
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

/// Adds a report of a count to the side that gives its value (and scope),
/// unless its article is already there.
fn join_count_side(sides: &mut [Side], claim: &StoryClaim, q: &QuantityValue) {
    let side = sides.iter_mut().find(|s| {
        s.quantity
            .as_ref()
            .is_some_and(|x| x.value == q.value && scope_of(x) == scope_of(q))
    });
    if let Some(side) = side
        && !side.articles.contains(&claim.article)
    {
        join(side, claim);
    }
}

/// True when `claim`'s article gives its subject both `values` (Musk's
/// "18% premium" over yesterday's close and "54% premium" over January's):
/// it tells of two things, not a disagreement, as with money.
fn gives_both(
    counts: &[(&StoryClaim, &QuantityValue)],
    claim: &StoryClaim,
    values: [&QuantityValue; 2],
) -> bool {
    values.iter().all(|want| {
        let scope = scope_of(want);
        counts.iter().any(|(c, q)| {
            c.article == claim.article
                && c.subject == claim.subject
                && q.unit == want.unit
                && q.value == want.value
                && scope_of(q) == scope
        })
    })
}

/// True when two sentences report the same ballot: besides `a`'s subject,
/// they give someone else the same count and nobody a different one
/// ("Sunak won 137 votes, Truss 113 and Mordaunt 105" and "Sunak claimed
/// 137 votes, Truss ended with 111, Mordaunt 105"). Such counts are
/// compared whatever the reports' dates, even in a report of every ballot.
fn same_ballot(
    counts: &[(&StoryClaim, &QuantityValue)],
    a: &StoryClaim,
    qa: &QuantityValue,
    b: &StoryClaim,
) -> bool {
    if !EVENT_UNITS.contains(&qa.unit.as_str()) {
        return false;
    }
    let others = |claim: &StoryClaim| -> Vec<(Option<String>, f64)> {
        counts
            .iter()
            .filter(|(c, q)| {
                c.article == claim.article
                    && c.sentence == claim.sentence
                    && q.unit == qa.unit
                    && c.subject != a.subject
            })
            .map(|(c, q)| (c.subject.clone(), q.value))
            .collect()
    };
    let (in_a, in_b) = (others(a), others(b));
    let mut agree = 0;
    for (who, value) in &in_a {
        for (other, v) in &in_b {
            if who == other {
                if value == v {
                    agree += 1;
                } else {
                    return false;
                }
            }
        }
    }
    agree > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::article_claims;
    use crate::store::conformance::sample_article;

    fn claims_of(days_and_texts: &[(u32, &str)]) -> Vec<StoryClaim> {
        let mut out = Vec::new();
        for (n, (day, text)) in days_and_texts.iter().enumerate() {
            let mut a = sample_article(*day, "Report", text);
            a.id = crate::model::ArticleId(format!("article-{n}"));
            a.lead = None;
            a.title = String::new();
            out.extend(article_claims(&a));
        }
        out
    }

    /// Claims of a story of hand-written reports, days after 2020-09-13,
    /// with parties inferred across the story as the story view does.
    fn story_of(days_and_texts: &[(u32, &str)]) -> Vec<StoryClaim> {
        let articles: Vec<_> = days_and_texts
            .iter()
            .enumerate()
            .map(|(n, (day, text))| {
                let mut a = sample_article(*day, "Report", text);
                a.id = crate::model::ArticleId(format!("article-{n}"));
                a.lead = None;
                a.title = String::new();
                a
            })
            .collect();
        crate::facts::story_claims(&articles, None)
    }

    /// stories-dev's Sancho: "£73m vs €120m" was flagged as two offers
    /// of Dortmund's, though the £73m is the guaranteed part of United's
    /// bid and the €120m Dortmund's price.
    #[test]
    fn a_bids_guaranteed_part_and_the_sellers_price_do_not_disagree() {
        let claims = story_of(&[
            (
                15,
                "Manchester United have had a bid for Jadon Sancho worth up to £91.3m (€100m) rejected by Borussia Dortmund. The offer was for an initial £73m, rising to up to £91.3m, which fell short of Dortmund's £108m valuation.",
            ),
            (
                16,
                "Borussia Dortmund would not sell Jadon Sancho unless Manchester United put in a bid of €120m by August 10.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// stories-dev's Sancho: "£73m ($101m)" and "€85m ($101m)" are one fee
    /// under the rates these reports give through dollars; an older
    /// report's rate (€100m = £91.3m) would make them differ, so the rate
    /// that brings them closest is used. A fee that differs under every
    /// stated rate still disagrees.
    #[test]
    fn a_fee_in_two_currencies_agrees_under_some_stated_rate() {
        let base = [
            (
                1,
                "Manchester United had a bid for Jadon Sancho worth £91.3m (€100m) rejected by Borussia Dortmund.",
            ),
            (
                2,
                "Manchester United will pay Borussia Dortmund a fee of 85 million euros ($101 million) for Jadon Sancho.",
            ),
            (
                3,
                "Manchester United will pay Borussia Dortmund a fee of £73 million ($101m) for Jadon Sancho.",
            ),
        ];
        let fees = |found: &[Contradiction]| found.iter().filter(|c| c.kind == "fee").count();
        let same = story_of(&[
            base[0],
            base[1],
            base[2],
            (
                3,
                "Manchester United will pay Borussia Dortmund a fee of 85 million euros for Jadon Sancho.",
            ),
        ]);
        assert_eq!(fees(&find_contradictions(&same)), 0);
        let rival = story_of(&[
            base[0],
            base[1],
            base[2],
            (
                3,
                "Manchester United will pay Borussia Dortmund a fee of 120 million euros for Jadon Sancho.",
            ),
        ]);
        assert_eq!(
            fees(&find_contradictions(&rival)),
            1,
            "{:#?}",
            find_contradictions(&rival)
        );
    }

    /// stories-dev's Haaland: an instalment and a total with agents' fees
    /// were flagged against the £51m fee.
    #[test]
    fn instalments_and_total_costs_are_not_rival_fees() {
        let claims = story_of(&[
            (
                1,
                "Manchester City have completed the signing of Erling Haaland for £51 million. City will pay the fee in instalments, the first of which is worth between £30 million and £34 million. With agents' fees and bonuses, the total cost of the deal to City comes to around £85.6 million.",
            ),
            (
                2,
                "Manchester City have agreed to sign Erling Haaland for £51.1m. City expect to pay £85.5m in total when agent fees, signing bonus and other costs are taken into account.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// stories-dev's Rice: a guaranteed £100m with a further £5m is the
    /// £105m deal, not a rival figure.
    #[test]
    fn a_guaranteed_part_with_its_extras_agrees_with_the_total() {
        let claims = claims_of(&[
            (1, "Arsenal will pay a fee of £105m for Declan Rice."),
            (
                2,
                "Arsenal are prepared to pay a guaranteed £100m for Declan Rice with a further £5m coming in addition.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
        // Without the extras the two do disagree.
        let claims = claims_of(&[
            (1, "Arsenal will pay a fee of £105m for Declan Rice."),
            (2, "Arsenal are prepared to pay £100m for Declan Rice."),
        ]);
        assert_eq!(find_contradictions(&claims).len(), 1);
    }

    /// A fee "could rise to" a larger total with bonuses: the total it may
    /// reach is no rival of the fixed fee other outlets report.
    #[test]
    fn the_total_a_fee_may_rise_to_is_not_a_rival_fee() {
        let claims = claims_of(&[
            (1, "Rovers have agreed a fee of €45m for Tom Ashby."),
            (
                1,
                "Rovers agreed a €45m fee for Tom Ashby. The fee could rise to €52m if bonuses are met.",
            ),
        ]);
        assert!(
            claims
                .iter()
                .any(|c| c.kind == "fee" && c.amount.as_ref().is_some_and(|a| a.value == 52e6)),
            "{claims:#?}"
        );
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
        // Reported as the fee itself, the larger figure does disagree.
        let claims = claims_of(&[
            (1, "Rovers have agreed a fee of €45m for Tom Ashby."),
            (1, "Rovers have agreed a fee of €52m for Tom Ashby."),
        ]);
        assert_eq!(find_contradictions(&claims).len(), 1);
    }

    /// stories-dev's Rice: the opening bid against the second one.
    #[test]
    fn an_opening_bid_is_not_a_rival_of_the_next() {
        let claims = claims_of(&[
            (
                1,
                "Arsenal had their opening £80m offer for Declan Rice rejected.",
            ),
            (
                2,
                "West Ham have rejected a £90m bid from Arsenal for Declan Rice.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn same_day_vote_counts_that_differ_are_flagged() {
        let claims = claims_of(&[
            (
                1,
                "In the final round, Rishi Sunak won 137 votes and Liz Truss 113 votes.",
            ),
            (1, "In the final round, Liz Truss got 111 votes."),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].subject.as_deref(), Some("Liz Truss"));
        assert_eq!(found[0].about, "value");
    }

    #[test]
    fn a_report_of_every_ballot_is_not_matched_by_date() {
        let claims = claims_of(&[
            (
                1,
                "In the third round, Penny Mordaunt won 82 votes. In the fourth round, Penny Mordaunt had 92 votes.",
            ),
            (2, "Penny Mordaunt won 105 votes in the last ballot."),
            (2, "Liz Truss picked up 15 votes to reach 86."),
            (2, "Liz Truss won 113 votes."),
        ]);
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// stories-dev's Tory leadership: an undated report of every ballot
    /// gives Truss 111 in the final round, another outlet 113; the same
    /// counts for Sunak and Mordaunt tie the two to one ballot.
    #[test]
    fn counts_of_one_ballot_are_compared_without_dates() {
        let mut claims = claims_of(&[
            (
                1,
                "In the final round, Sunak won 137 votes, Truss 113 votes and Mordaunt was eliminated with 105 votes.",
            ),
            (
                40,
                "Rishi Sunak ultimately claimed 137 votes, while Liz Truss ended with 111 votes, narrowly pipping Penny Mordaunt, who received 105 votes. In the first round, Liz Truss won 50 votes.",
            ),
        ]);
        for c in &mut claims {
            // Short names are resolved across a story; here, by hand.
            c.subject = c.subject.as_deref().map(|s| match s {
                "Sunak" => "Rishi Sunak".to_string(),
                "Truss" => "Liz Truss".to_string(),
                "Mordaunt" => "Penny Mordaunt".to_string(),
                other => other.to_string(),
            });
            if c.article.0 == "article-1" {
                c.published_at = None;
            }
        }
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].subject.as_deref(), Some("Liz Truss"));
        let values: Vec<&str> = found[0].sides.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(values, ["113 votes", "111 votes"]);
    }

    #[test]
    fn contract_lengths_that_differ_are_flagged() {
        let claims = claims_of(&[
            (1, "Declan Rice will sign a six-year contract."),
            (3, "Declan Rice agreed a five-year deal."),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, "duration");
    }

    /// stories-dev's Haaland: The Times sets the rumoured €75m clause
    /// right (€60m); it is on the €60m side only.
    #[test]
    fn a_figure_an_article_sets_right_is_not_its_side() {
        let claims = claims_of(&[
            (
                1,
                "It had been rumoured that the release clause in Erling Haaland's Borussia Dortmund contract stood at €75 million but The Times revealed that it is, in fact only €60 million.",
            ),
            (
                1,
                "Borussia Dortmund have set a €75 million release clause in the contract of Erling Haaland.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        let sides: Vec<(&str, usize)> = found[0]
            .sides
            .iter()
            .map(|s| (s.value.as_str(), s.articles.len()))
            .collect();
        assert_eq!(sides, [("€60m", 1), ("€75m", 1)], "{found:#?}");
    }

    /// stories-dev's Haaland: "an initial €60m" (the payment up front)
    /// reported first does not hide that The Times' plain €60m and
    /// another outlet's €75m disagree; the order of reports does not matter.
    #[test]
    fn a_value_worded_as_a_change_does_not_hide_a_plain_rival() {
        let initial = "Borussia Dortmund received an initial €60 million from the release clause in the contract of Erling Haaland.";
        let plain = "Borussia Dortmund have set a €60 million release clause in the contract of Erling Haaland.";
        let rival = "Borussia Dortmund have set a €75 million release clause in the contract of Erling Haaland.";
        for texts in [[initial, plain, rival], [plain, initial, rival]] {
            let claims = claims_of(&texts.map(|t| (1, t)));
            let found = find_contradictions(&claims);
            assert_eq!(found.len(), 1, "{texts:?}: {found:#?}");
            let sides: Vec<usize> = found[0].sides.iter().map(|s| s.articles.len()).collect();
            assert_eq!(sides, [2, 1], "{texts:?}: {found:#?}");
        }
        // Worded as a change on its only side, a value has no rival.
        let claims = claims_of(&[(1, initial), (1, rival)]);
        assert!(find_contradictions(&claims).is_empty());
    }

    /// stories-dev's Grealish: "six-year" in two reports against
    /// "five-year" in one; each side lists all its reports.
    #[test]
    fn each_side_of_a_count_disagreement_lists_all_its_reports() {
        let claims = claims_of(&[
            (1, "Jack Grealish has signed a six-year contract."),
            (2, "Jack Grealish has signed a six-year deal."),
            (2, "Jack Grealish agreed a five-year contract."),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        let articles: Vec<usize> = found[0].sides.iter().map(|s| s.articles.len()).collect();
        assert_eq!(articles, [2, 1], "{found:#?}");
    }

    #[test]
    fn percentages_that_differ_at_one_time_are_flagged() {
        let claims = claims_of(&[
            (
                1,
                "Shawn Fain said members won a 25% raise over four years.",
            ),
            (
                2,
                "Shawn Fain said members won a 20% raise over four years.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, "percent");
        let values: Vec<&str> = found[0].sides.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(values, ["25% raise", "20% raise"]);
        // Worded as a change, weeks apart, the same share worded
        // differently, or one report giving both: no disagreement.
        for pair in [
            [
                (
                    1,
                    "Shawn Fain hailed a 18% premium. Shawn Fain hailed a 54% premium.",
                ),
                (1, "Shawn Fain hailed a 54% premium."),
            ],
            [
                (1, "Shawn Fain said members won a 25% raise."),
                (2, "Shawn Fain said the raise rose to a 30% raise."),
            ],
            [
                (1, "Shawn Fain asked for a 46% raise."),
                (30, "Shawn Fain asked for a 36% raise."),
            ],
            [
                (1, "Shawn Fain said members won a 25% raise."),
                (
                    2,
                    "Shawn Fain said members won a 25% general wage increase.",
                ),
            ],
        ] {
            let found = find_contradictions(&claims_of(&pair));
            assert!(found.is_empty(), "{pair:?}: {found:#?}");
        }
    }

    #[test]
    fn a_figure_that_moves_over_weeks_is_a_development() {
        let claims = claims_of(&[
            (1, "Roma have made a bid of £11m for Chris Smalling."),
            (2, "Roma have made a bid of £15m for Chris Smalling."),
            (20, "Roma have made a bid of £13m for Chris Smalling."),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].sides.len(), 2);
        assert_eq!(found[0].about, "value");
        let worded = claims_of(&[
            (1, "Roma have made a bid of £11m for Chris Smalling."),
            (
                2,
                "Roma have made an improved bid of £15m for Chris Smalling.",
            ),
        ]);
        assert!(find_contradictions(&worded).is_empty());
        // A takeover story recalls the first bid beside the new one.
        let recalled = claims_of(&[
            (1, "Roma have made a bid of £15m for Chris Smalling."),
            (1, "Roma made their initial £11m bid for Chris Smalling."),
        ]);
        assert!(find_contradictions(&recalled).is_empty());
    }

    /// Day 0 of `claims_of` is 2020-09-13.
    #[test]
    fn a_figure_restated_later_is_compared_with_its_own_time() {
        // stories-dev's Sancho conflict: a 2020 valuation against the 2020
        // asking price as a 2021 article restates it.
        let claims = claims_of(&[
            (
                15,
                "The bid fell short of Dortmund's £108m valuation of Jadon Sancho.",
            ),
            (
                285,
                "United tried to sign Jadon Sancho last summer, but refused to meet Dortmund's £100m asking price.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, "valuation");
        assert_eq!(found[0].sides.len(), 2);
        // Last year's price is not today's rival figure.
        let history = claims_of(&[
            (
                285,
                "After failing to meet Dortmund's £100m asking price for Jadon Sancho last year, United returned.",
            ),
            (286, "Dortmund now want £73m for Jadon Sancho."),
        ]);
        assert!(find_contradictions(&history).is_empty());
    }

    #[test]
    fn an_article_giving_both_values_is_not_a_disagreement() {
        // As with stories-dev's Sancho fee: a third report gives both values.
        let claims = claims_of(&[
            (
                1,
                "Manchester United will pay a fee of £73m for Jadon Sancho.",
            ),
            (
                1,
                "Manchester United will pay a fee of £80m for Jadon Sancho.",
            ),
            (
                2,
                "Manchester United will pay a fee of £73m for Jadon Sancho. Manchester United will pay a fee of £80m for Jadon Sancho.",
            ),
        ]);
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
        // Without the third report, the two outlets do disagree.
        assert_eq!(find_contradictions(&claims[..2]).len(), 1);
    }

    #[test]
    fn figures_of_no_known_party_disagree_with_nobody() {
        // As with stories-dev's UAW deal: one report gives the starting
        // wage, another the top wage, neither says whose.
        let claims = claims_of(&[
            (
                1,
                "Under the agreement, the starting wage will jump to $28 an hour.",
            ),
            (
                1,
                "Under the agreement, the top wage will rise to $40 an hour.",
            ),
        ]);
        assert!(
            claims
                .iter()
                .all(|c| c.subject.is_none() && c.holder.is_none()),
            "{claims:#?}"
        );
        let found = find_contradictions(&claims);
        assert!(found.is_empty(), "{found:#?}");
    }
}
