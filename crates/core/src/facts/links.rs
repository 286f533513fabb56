//! Figures that are one fact written several ways. Conversions (`£10.9m
//! (€12m)`) are linked when found (`same_as`); here, parts are linked to
//! their total: "£10.9m plus £2.7m in add-ons" under a "£13.5m offer"
//! headline are the parts of that offer (`part_of`), and a total that
//! differs from the sum of its parts by rounding is not a contradiction.
//! A figure that rises to another ("an initial £73m, rising to up to
//! £91.3m", "£82m, with add-ons helping them reach the £114m figure") is
//! the guaranteed part of it, and an instalment ("the first of
//! which is worth £30m") is a part of the fee the article names before it.

use super::StoryClaim;
use std::collections::BTreeMap;

/// Relative difference allowed between a total and the sum of its parts.
const ROUNDING: f64 = 0.02;

/// Links the parts of one article's money totals (claims in text order).
pub(super) fn link_parts(claims: &mut [StoryClaim]) {
    // Primary money figures per sentence, without conversions and wages.
    let mut by_sentence: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let primary = c.same_as.is_none()
            && c.amount
                .as_ref()
                .is_some_and(|a| a.period.is_none() && a.min == a.max);
        if primary {
            by_sentence.entry(c.sentence.as_str()).or_default().push(i);
        }
    }
    let groups: Vec<Vec<usize>> = by_sentence.into_values().filter(|g| g.len() >= 2).collect();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (t, total) in claims.iter().enumerate() {
        let Some(total_amount) = total.amount.as_ref() else {
            continue;
        };
        if total.same_as.is_some() || total_amount.period.is_some() {
            continue;
        }
        for group in &groups {
            if group.contains(&t) {
                continue;
            }
            let parts: Vec<&StoryClaim> = group.iter().map(|&i| &claims[i]).collect();
            let same_currency = parts.iter().all(|p| {
                p.amount
                    .as_ref()
                    .is_some_and(|a| a.currency == total_amount.currency)
            });
            let sum: f64 = parts
                .iter()
                .filter_map(|p| p.amount.as_ref().map(|a| a.value))
                .sum();
            if same_currency
                && total_amount.value > 0.0
                && ((sum - total_amount.value) / total_amount.value).abs() <= ROUNDING
            {
                links.extend(group.iter().map(|&p| (p, t)));
            }
        }
    }
    links.extend(parts_after_total(claims, &groups));
    links.extend(rising_parts(claims));
    links.extend(instalments(claims));
    for (part, total) in links {
        let total_id = claims[total].id.clone();
        if claims[part].part_of.is_none() {
            claims[part].part_of = Some(total_id);
        }
        // "just £82M, with add-ons … helping them reach the £114M
        // figure": the total the add-ons reach is the whole bid, not
        // add-ons, and charts as the bid.
        if claims[total].kind == "add_ons" && claims[part].kind != "add_ons" {
            claims[total].kind = claims[part].kind.clone();
        }
        // A part is held by whoever holds its total: "Arsenal's bid was
        // worth £90m, with £75m offered up front" is Arsenal's £75m too.
        if claims[part].holder.is_none() && claims[total].holder.is_some() {
            claims[part].holder = claims[total].holder.clone();
            claims[part].inferred.push("holder".into());
        }
        // A headline total takes the source its parts are credited to.
        if claims[total].attributed_to.is_none() && claims[part].attributed_to.is_some() {
            claims[total].attributed_to = claims[part].attributed_to.clone();
            claims[total].inferred.push("attributed_to".into());
        }
    }
}

/// (part, total) pairs within one sentence: a figure followed by two or
/// more that add up to it ("a record £90m offer, which totalled £75m
/// guaranteed plus £15m in add-ons").
fn parts_after_total(claims: &[StoryClaim], groups: &[Vec<usize>]) -> Vec<(usize, usize)> {
    let value = |i: usize| claims[i].amount.as_ref().map(|a| (a.value, &a.currency));
    let mut out = Vec::new();
    for group in groups {
        for (k, &t) in group.iter().enumerate() {
            let Some((total, currency)) = value(t) else {
                continue;
            };
            let mut sum = 0.0;
            for (n, &p) in group.iter().enumerate().skip(k + 1) {
                match value(p) {
                    Some((v, c)) if c == currency => sum += v,
                    _ => break,
                }
                if n >= k + 2 && total > 0.0 && ((sum - total) / total).abs() <= ROUNDING {
                    out.extend(group[k + 1..=n].iter().map(|&p| (p, t)));
                    break;
                }
            }
        }
    }
    out
}

/// True for a primary money figure: not a conversion, not a wage, not a
/// range.
fn primary(c: &StoryClaim) -> bool {
    c.same_as.is_none()
        && c.amount
            .as_ref()
            .is_some_and(|a| a.period.is_none() && a.min == a.max)
}

/// Words between two figures that make the first the base the second
/// rises to ("£73m, rising to up to £91.3m", "£73m, in the long run rose
/// up to £91.3m", "€85m. The fee could rise to €95m" is another sentence).
/// "just £82M, with add-ons … helping the Catalans reach the £114M
/// figure": the add-ons bring the first figure up to the second.
const RISES: &[&str] = &[
    "rising to",
    "rise to",
    "rises to",
    "rose to",
    "rose up to",
    "reach the",
    "to reach",
];

/// (part, total) pairs: in one sentence, a figure followed by a larger one
/// in its currency that it is said to rise to.
fn rising_parts(claims: &[StoryClaim]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, low) in claims.iter().enumerate() {
        if !primary(low) {
            continue;
        }
        // The next primary figure of the same sentence.
        let Some((j, high)) = claims
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, c)| primary(c) && c.sentence == low.sentence)
        else {
            continue;
        };
        let (Some(a), Some(b)) = (&low.amount, &high.amount) else {
            continue;
        };
        if a.currency != b.currency || b.value <= a.value {
            continue;
        }
        let Some(between) = text_between(&low.sentence, &low.text, &high.text) else {
            continue;
        };
        let between = between.to_lowercase();
        if RISES.iter().any(|r| between.contains(r)) {
            out.push((i, j));
        }
    }
    out
}

/// The text of `sentence` between the first `first` and the `second` that
/// follows it.
fn text_between<'a>(sentence: &'a str, first: &str, second: &str) -> Option<&'a str> {
    let start = sentence.find(first)? + first.len();
    let end = start + sentence[start..].find(second)?;
    Some(&sentence[start..end])
}

/// Words that make a figure one payment of several ("£106m up front, with
/// the rest in add-ons" is the first payment of the £142m fee).
const INSTALMENT_WORDS: &[&str] = &[
    "instalment",
    "installment",
    "first payment",
    "first of which",
    "up front",
    "upfront",
];

/// (part, total) pairs: a figure worded as an instalment ("City will pay
/// the fee in instalments, the first of which is worth £30m") is a part of
/// the nearest earlier fee of the article that is larger, in its currency;
/// an offer's payment up front, of the larger offer its own sentence
/// tells before it ("a bid worth £90m in total, with £75m offered up
/// front"; an earlier bid "paid in instalments" is a bid of its own).
fn instalments(claims: &[StoryClaim]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, part) in claims.iter().enumerate() {
        let Some(a) = part.amount.as_ref() else {
            continue;
        };
        let lower = part.sentence.to_lowercase();
        if part.same_as.is_some() || !INSTALMENT_WORDS.iter().any(|w| lower.contains(w)) {
            continue;
        }
        let total = claims[..i].iter().rposition(|c| {
            let fee_before = c.kind == "fee" && c.sentence != part.sentence;
            let offer_with =
                c.kind == "offer" && part.kind == "offer" && c.sentence == part.sentence;
            primary(c)
                && (fee_before || offer_with)
                && !c.historic
                && c.amount
                    .as_ref()
                    .is_some_and(|t| t.currency == a.currency && t.value > a.max)
        });
        if let Some(t) = total {
            out.push((i, t));
        }
    }
    out
}
