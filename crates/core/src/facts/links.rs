//! Figures that are one fact written several ways. Conversions (`£10.9m
//! (€12m)`) are linked when found (`same_as`); here, parts are linked to
//! their total: "£10.9m plus £2.7m in add-ons" under a "£13.5m offer"
//! headline are the parts of that offer (`part_of`), and a total that
//! differs from the sum of its parts by rounding is not a contradiction.

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
    for (part, total) in links {
        let total_id = claims[total].id.clone();
        if claims[part].part_of.is_none() {
            claims[part].part_of = Some(total_id);
        }
        // A headline total takes the source its parts are credited to.
        if claims[total].attributed_to.is_none() && claims[part].attributed_to.is_some() {
            claims[total].attributed_to = claims[part].attributed_to.clone();
            claims[total].inferred.push("attributed_to".into());
        }
    }
}
