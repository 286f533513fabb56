//! The simplest telling: one entry per day of publication, oldest first,
//! listing that day's articles; undated articles close the timeline in an
//! entry without a date. Kept for compact listings; the story view uses
//! [`super::developments()`].

use crate::model::{Article, ArticleId};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

/// One day of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The day (UTC), or `None` for undated articles.
    pub date: Option<Date>,
    /// The day's articles, in publication order.
    pub articles: Vec<ArticleId>,
    /// The headline of the day's first article.
    pub headline: String,
}

/// Builds the daily timeline of a story's articles (given in publication
/// order); duplicates are left out, since they add no reporting.
pub fn daily_timeline(articles: &[Article]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    for article in articles.iter().filter(|a| a.duplicate_of.is_none()) {
        let date = article
            .published_at
            .map(|ts| ts.to_zoned(TimeZone::UTC).date());
        match entries.last_mut() {
            Some(entry) if entry.date == date => entry.articles.push(article.id.clone()),
            _ => entries.push(TimelineEntry {
                date,
                articles: vec![article.id.clone()],
                headline: article.title.clone(),
            }),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    #[test]
    fn one_entry_per_day_with_undated_last() {
        let a = sample_article(1, "Day one", "x");
        let mut b = sample_article(1, "Same day", "x");
        b.id = ArticleId("b".into());
        let c = sample_article(3, "Day three", "x");
        let mut d = sample_article(4, "Undated", "x");
        d.published_at = None;
        let mut dup = sample_article(3, "Copy", "x");
        dup.duplicate_of = Some(c.id.clone());
        let timeline = daily_timeline(&[a, b, c, dup, d]);
        let shape: Vec<(Option<String>, usize, &str)> = timeline
            .iter()
            .map(|e| {
                (
                    e.date.map(|d| d.to_string()),
                    e.articles.len(),
                    e.headline.as_str(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some("2020-09-14".to_string()), 2, "Day one"),
                (Some("2020-09-16".to_string()), 1, "Day three"),
                (None, 1, "Undated"),
            ]
        );
    }
}
