//! What the learned date ranker ([`super::date_model`]) knows about each
//! candidate day of a topic: how many articles were published on it, how
//! often and by whom it is named before, on and after it, how long it keeps
//! being named, and the same around it (the features of DATEWISE, Tran et
//! al. 2013, in spirit).
//!
//! Counts are normalized per topic (`ln(1 + count) / ln(1 + the topic's
//! largest count)`, or a rank among the topic's candidates) so that weights
//! fitted on a topic of 80 articles transfer to one of 400.

use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// How many features a candidate day has.
pub const FEATURE_COUNT: usize = 19;

/// The names of the features, in the order of [`DayFeatures::values`].
pub const FEATURES: [&str; FEATURE_COUNT] = [
    "published",
    "named_later",
    "named_same_day",
    "named_earlier",
    "articles_naming_later",
    "named_in_leads",
    "published_near",
    "named_later_near",
    "named_span",
    "baseline_rank",
    "named_later_rank",
    "before_coverage",
    "position",
    "published_next",
    "published_rank",
    "articles_naming_later_rank",
    "named_total",
    "articles_naming",
    "articles_naming_earlier",
];

/// The features DATEWISE's date ranker uses (Ghalandari & Ifrim 2020:
/// sentences and documents naming the day in total, before it and after
/// it, and documents published on it), which the fitted model is fitted
/// on. Chosen for being the published set; on T17 they ranked better out
/// of fold (Date-F1 0.562) than all features together (0.536), the best
/// single feature (`articles_naming_later`, 0.553) or the hand-set ranking
/// (0.543).
pub const DATEWISE_FEATURES: [&str; 7] = [
    "named_total",
    "named_later",
    "named_earlier",
    "articles_naming",
    "articles_naming_later",
    "articles_naming_earlier",
    "published",
];

/// One mention of a specific day in a topic's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The day named.
    pub day: Date,
    /// Which article names it (an index into the topic's articles).
    pub article: usize,
    /// The publication day of that article.
    pub published: Date,
    /// The position of the naming sentence in its article (0 = first).
    pub sentence: usize,
}

/// The features of one candidate day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayFeatures {
    /// The day.
    pub day: Date,
    /// The values, named by [`FEATURES`].
    pub values: [f64; FEATURE_COUNT],
}

/// A sentence this early in its article is in the lead.
const LEAD_SENTENCES: usize = 3;

/// Raw counts of one day before normalization.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    published: f64,
    named_later: f64,
    named_same_day: f64,
    named_earlier: f64,
    articles_naming_later: f64,
    articles_naming: f64,
    articles_naming_earlier: f64,
    named_in_leads: f64,
    first_later: Option<Date>,
    last_later: Option<Date>,
}

/// The features of each of `days`, given the publication day of every
/// article of the topic (`published`, one per article) and every day the
/// articles' sentences name (`mentions`).
pub fn day_features(published: &[Date], mentions: &[Mention], days: &[Date]) -> Vec<DayFeatures> {
    let mut counts: HashMap<Date, Counts> = HashMap::new();
    for day in published {
        counts.entry(*day).or_default().published += 1.0;
    }
    let mut naming: HashSet<(Date, usize)> = HashSet::new();
    for m in mentions {
        let c = counts.entry(m.day).or_default();
        let first_in_article = naming.insert((m.day, m.article));
        if first_in_article {
            c.articles_naming += 1.0;
        }
        match m.published.cmp(&m.day) {
            std::cmp::Ordering::Greater => {
                c.named_later += 1.0;
                if first_in_article {
                    c.articles_naming_later += 1.0;
                }
                c.first_later = Some(c.first_later.map_or(m.published, |d| d.min(m.published)));
                c.last_later = Some(c.last_later.map_or(m.published, |d| d.max(m.published)));
            }
            std::cmp::Ordering::Equal => c.named_same_day += 1.0,
            std::cmp::Ordering::Less => {
                c.named_earlier += 1.0;
                if first_in_article {
                    c.articles_naming_earlier += 1.0;
                }
            }
        }
        if m.sentence < LEAD_SENTENCES {
            c.named_in_leads += 1.0;
        }
    }
    let get = |day: Date| counts.get(&day).copied().unwrap_or_default();
    let near = |day: Date, f: fn(&Counts) -> f64| {
        [day.yesterday().ok(), day.tomorrow().ok()]
            .into_iter()
            .flatten()
            .map(|d| f(&get(d)))
            .sum::<f64>()
    };
    let span = |c: &Counts| match (c.first_later, c.last_later) {
        (Some(first), Some(last)) => f64::from((last - first).get_days()),
        _ => 0.0,
    };
    let first = published.iter().min().copied();
    let last = published.iter().max().copied();
    // Where a day falls in the coverage (0 = first publication, 1 = last).
    let place = |day: Date| match (first, last) {
        (Some(first), Some(last)) => {
            let coverage = f64::from((last - first).get_days()).max(1.0);
            let before = f64::from(u8::from(day < first));
            let position = (f64::from((day - first).get_days()) / coverage).clamp(-1.0, 2.0);
            (before, position)
        }
        _ => (0.0, 0.0),
    };
    let raw: Vec<[f64; FEATURE_COUNT]> = days
        .iter()
        .map(|day| {
            let c = get(*day);
            let (before, position) = place(*day);
            [
                c.published,
                c.named_later,
                c.named_same_day,
                c.named_earlier,
                c.articles_naming_later,
                c.named_in_leads,
                near(*day, |c| c.published),
                near(*day, |c| c.named_later),
                span(&c),
                // The hand-set ranking this model replaces: later
                // references plus publications.
                c.named_later + c.published,
                c.named_later,
                before,
                position,
                day.tomorrow().map_or(0.0, |d| get(d).published),
                c.published,
                c.articles_naming_later,
                c.named_later + c.named_same_day + c.named_earlier,
                c.articles_naming,
                c.articles_naming_earlier,
            ]
        })
        .collect();
    let mut values = raw.clone();
    for feature in 0..FEATURE_COUNT {
        let column: Vec<f64> = raw.iter().map(|r| r[feature]).collect();
        match FEATURES[feature] {
            name if name.ends_with("_rank") => {
                for (v, x) in values.iter_mut().zip(rank(&column)) {
                    v[feature] = x;
                }
            }
            "before_coverage" | "position" => {}
            _ => {
                let max = column.iter().copied().fold(0.0f64, f64::max);
                for (v, x) in values.iter_mut().zip(&column) {
                    v[feature] = if max > 0.0 {
                        x.ln_1p() / max.ln_1p()
                    } else {
                        0.0
                    };
                }
            }
        }
    }
    days.iter()
        .zip(values)
        .map(|(day, values)| DayFeatures { day: *day, values })
        .collect()
}

/// Each value's rank among `column` as a share in `[0, 1]`: the share of
/// the other values strictly below it (ties share the lower rank).
fn rank(column: &[f64]) -> Vec<f64> {
    let mut sorted = column.to_vec();
    sorted.sort_by(f64::total_cmp);
    let others = (column.len().max(2) - 1) as f64;
    column
        .iter()
        .map(|x| sorted.partition_point(|y| y < x) as f64 / others)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn feature(f: &DayFeatures, name: &str) -> f64 {
        f.values[FEATURES.iter().position(|n| *n == name).unwrap()]
    }

    #[test]
    fn a_day_named_by_later_articles_outranks_a_day_only_published_on() {
        let published = [day("2010-01-13"), day("2010-01-14"), day("2010-01-15")];
        let mention = |article: usize, sentence: usize| Mention {
            day: day("2010-01-12"),
            article,
            published: published[article],
            sentence,
        };
        let mentions = [mention(0, 0), mention(1, 4), mention(2, 1), mention(2, 2)];
        let days = [day("2010-01-12"), day("2010-01-14")];
        let features = day_features(&published, &mentions, &days);
        let (quake, later) = (&features[0], &features[1]);
        assert_eq!(feature(quake, "named_later"), 1.0);
        assert_eq!(feature(quake, "published"), 0.0);
        assert_eq!(feature(later, "published"), 1.0);
        assert_eq!(feature(quake, "named_later_rank"), 1.0);
        assert_eq!(feature(later, "named_later_rank"), 0.0);
        assert_eq!(feature(quake, "before_coverage"), 1.0);
        assert_eq!(feature(later, "before_coverage"), 0.0);
        // Named from 13 to 15 January: a two-day span, the topic's longest.
        assert_eq!(feature(quake, "named_span"), 1.0);
        assert!(feature(quake, "named_in_leads") > 0.0);
    }

    #[test]
    fn a_topic_without_mentions_gives_finite_features() {
        let published = [day("2010-01-13")];
        let features = day_features(&published, &[], &[day("2010-01-13")]);
        assert!(features[0].values.iter().all(|v| v.is_finite()));
    }
}
