//! The running count a story is about, such as a disaster's death toll:
//! the count its headlines keep reporting as it rises. Stories without a
//! money figure (earthquakes, strikes, elections) are briefed with it, so
//! the state of play says "Death toll: 35,224 (first reported at 15,000)"
//! rather than nothing.
//!
//! Which count it is comes from the headlines, not from a list of words:
//! the count named (by the words after its number) in the titles of at
//! least two articles. Counts of a part ("the death toll for Türkiye alone",
//! "31,643 in Turkey and 3,581 in Syria") are left out.

use crate::facts::StoryClaim;
use crate::model::Article;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Fewest articles whose title must report the count.
const MIN_TITLES: usize = 2;

/// One report of the running count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyPoint {
    /// The number reported.
    pub value: f64,
    /// The publishing outlet.
    pub source: String,
    /// When it was published, when known.
    pub published_at: Option<Timestamp>,
}

/// The running count of a story and its dated reports, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// What is counted, as the articles write it ("death toll").
    pub what: String,
    /// The reports of the whole count: dated ones earliest first, then
    /// undated ones, smallest first.
    pub points: Vec<TallyPoint>,
}

impl Tally {
    /// The report to brief with: the newest dated one (the largest on its
    /// day), else the largest undated one (a running count such as a death
    /// toll only grows).
    pub fn latest(&self) -> Option<&TallyPoint> {
        self.points
            .iter()
            .rfind(|p| p.published_at.is_some())
            .or_else(|| self.points.last())
    }
}

/// Finds the running count the story's headlines report, with its
/// reports; `None` when no count is in two titles.
pub fn running_tally<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    claims: &[StoryClaim],
) -> Option<Tally> {
    let titles: BTreeSet<&str> = articles.into_iter().map(|a| a.title.trim()).collect();
    let whole = |c: &&StoryClaim| {
        c.amount.is_none()
            && c.quantity.is_some()
            && !c.historic
            && !is_part(c, titles.contains(c.sentence.trim()))
    };
    // Articles whose title reports each count.
    let mut in_titles: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for c in claims.iter().filter(whole) {
        if let Some(q) = &c.quantity
            && titles.contains(c.sentence.trim())
        {
            in_titles
                .entry(q.what.to_lowercase())
                .or_default()
                .insert(c.article.0.as_str());
        }
    }
    let (what, _) = in_titles
        .into_iter()
        .filter(|(_, articles)| articles.len() >= MIN_TITLES)
        .max_by_key(|(_, articles)| articles.len())?;
    let mut points: Vec<TallyPoint> = claims
        .iter()
        .filter(whole)
        .filter_map(|c| {
            let q = c.quantity.as_ref()?;
            (q.what.to_lowercase() == what).then_some(TallyPoint {
                value: q.value,
                source: c.source.clone(),
                published_at: c.published_at,
            })
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    points.sort_by(|a, b| {
        (a.published_at.is_none(), a.published_at)
            .cmp(&(b.published_at.is_none(), b.published_at))
            .then(a.value.total_cmp(&b.value))
    });
    Some(Tally { what, points })
}

/// Whether a count is not the story's whole count: said of one place or
/// group "alone" ("the death toll for Türkiye alone"), or, in an article's
/// text, given a subject of its own (the Sutherland Springs toll in a list
/// of past shootings). In a headline (`in_title`) a subject is not enough:
/// headlines written in title case ("12 Killed In Costa Rica Plane Crash")
/// or led by a place ("Costa Rica plane crash kills 12") give the whole
/// count one too.
fn is_part(c: &StoryClaim, in_title: bool) -> bool {
    let alone = c
        .sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("alone"));
    alone || (c.subject.is_some() && !in_title)
}

/// A count written with thousands separators: 35224 → "35,224".
pub fn grouped(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return value.to_string();
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    fn story() -> Vec<Article> {
        vec![
            sample_article(
                1,
                "Earthquake death toll surpasses 15,000",
                "Rescuers searched the rubble.",
            ),
            sample_article(
                2,
                "Earthquake death toll rises to 35,224",
                "The death toll in the south alone rose to 5,434. Some 8,000 people were rescued.",
            ),
        ]
    }

    /// The running count of `articles` (leads dropped, so that the text is
    /// the title and body): what it counts and its values in order.
    fn tally_of(mut articles: Vec<Article>) -> (Option<String>, Vec<f64>) {
        for a in &mut articles {
            a.lead = None;
        }
        let claims = crate::facts::story_claims(&articles, None);
        let tally = running_tally(&articles, &claims);
        let values = tally
            .iter()
            .flat_map(|t| t.points.iter().map(|p| p.value))
            .collect();
        (tally.map(|t| t.what), values)
    }

    /// The count two headlines report is the story's running count; its
    /// reports are ordered by publication.
    #[test]
    fn the_count_two_headlines_report_is_the_running_tally() {
        let (what, values) = tally_of(story());
        assert_eq!(what.as_deref(), Some("death toll"));
        assert_eq!(values.first(), Some(&15000.0));
        assert_eq!(values.last(), Some(&35224.0));
        assert!(!values.contains(&8000.0), "{values:?}");
    }

    /// Headlines that give the count a subject (title case, a place
    /// before the count) still report the whole count; a count "alone"
    /// for one place is a part.
    #[test]
    fn title_case_headlines_report_the_whole_count() {
        let (what, values) = tally_of(vec![
            sample_article(
                1,
                "12 killed in Costa Rica plane crash",
                "A small plane crashed in the north.",
            ),
            sample_article(
                2,
                "New York Family Of 5 Among 12 Killed In Costa Rica Plane Crash",
                "In Guanacaste alone 3 people were killed.",
            ),
        ]);
        assert_eq!(what.as_deref(), Some("killed"));
        assert_eq!(values, [12.0, 12.0]);
    }

    /// One headline is not enough: a count in a single title may be a
    /// detail, not what the story tracks.
    #[test]
    fn one_headline_makes_no_tally() {
        let mut articles = story();
        articles.truncate(1);
        let claims = crate::facts::story_claims(&articles, None);
        assert_eq!(running_tally(&articles, &claims), None);
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(35224.0), "35,224");
        assert_eq!(grouped(15000.0), "15,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(13_500_000.0), "13,500,000");
        assert_eq!(grouped(2.5), "2.5");
    }
}
