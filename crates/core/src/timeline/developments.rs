//! The timeline of developments: one entry per thing that changed, not per
//! article. An article adds an entry when it reports something the story
//! has not told yet (a figure with a new value or status, or a headline
//! whose words are mostly new); the same development reported by several
//! outlets within a few days becomes one entry citing all of them, earliest
//! first. Deadlines in the text ("the window closes on Monday") become
//! upcoming entries dated by the text, relative to the report.
//!
//! Headlines are extractive: an article's own sentence, never invented
//! text. Novelty is measured against the story so far (the terms of the
//! earlier articles), not against a stop list, so background repeated in
//! every article ("Smalling has been at Old Trafford since 2010") never
//! makes an entry of its own.

use crate::facts::StoryClaim;
use crate::model::{Article, ArticleId};
use crate::text::Analyzer;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;
use std::collections::HashSet;
use storyline_dates::{Granularity, Relation, Value, find_dates};
use storyline_extract::claims::sentences;

/// Reports of the same development within this many days are merged.
const MERGE_DAYS: i32 = 3;
/// Share of a headline's terms that must be new for it to be news.
const NOVEL_HEADLINE: f64 = 0.5;
/// A headline with at least [`NOVEL_TERMS`] terms the story has not used
/// yet is news from this share of new terms on.
const NOVEL_HEADLINE_WITH_TERMS: f64 = 0.25;
/// See [`NOVEL_HEADLINE_WITH_TERMS`].
const NOVEL_TERMS: usize = 2;
/// Term overlap (Jaccard) above which two headlines tell the same thing.
const SAME_HEADLINE: f64 = 0.4;

/// One development of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Development {
    /// The event date when the text gives one, else the first report's
    /// publication day; for upcoming entries, the date the text announces.
    pub date: Option<Date>,
    /// The day it was first reported.
    pub reported: Option<Date>,
    /// A sentence from the reporting articles that tells it.
    pub headline: String,
    /// The reporting articles, earliest first (duplicates left out).
    pub articles: Vec<ArticleId>,
    /// Ids of the claims it carries (see `claims[]`).
    pub claims: Vec<String>,
    /// The outlets that published it, earliest first.
    pub sources: Vec<String>,
    /// Whom those outlets credit.
    pub attributed_to: Vec<String>,
    /// True for an announced future event (a deadline), relative to the
    /// story's latest report.
    pub upcoming: bool,
    /// The outlet that reported it first.
    pub first_reported_by: Option<String>,
    /// Outlets that reported it later without crediting an earlier one.
    pub independent_confirmations: usize,
}

fn day(ts: Option<Timestamp>) -> Option<Date> {
    ts.map(|t| t.to_zoned(TimeZone::UTC).date())
}

/// A claim's identity for novelty: what it says, not where.
fn claim_key(claim: &StoryClaim) -> String {
    format!(
        "{}|{:?}|{:?}|{}|{:?}",
        claim.kind,
        claim.subject,
        claim.holder,
        claim.value_text(),
        claim.status
    )
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Builds the developments of a story from its articles (publication
/// order) and their claims.
pub fn developments(articles: &[Article], claims: &[StoryClaim]) -> Vec<Development> {
    let analyzer = Analyzer::english();
    let terms = |text: &str| -> HashSet<String> { analyzer.terms(text).into_iter().collect() };
    let latest = articles.iter().filter_map(|a| day(a.published_at)).max();
    let mut seen_terms: HashSet<String> = HashSet::new();
    let mut seen_claims: HashSet<String> = HashSet::new();
    let mut entries: Vec<(Development, HashSet<String>)> = Vec::new();
    let mut upcoming: Vec<Upcoming> = Vec::new();
    // A fuller copy's figures are read in its original's place.
    let original_of = crate::facts::originals_of(articles);
    for article in articles.iter().filter(|a| a.duplicate_of.is_none()) {
        let reported = day(article.published_at);
        let mine: Vec<&StoryClaim> = claims
            .iter()
            .filter(|c| {
                (c.article == article.id || original_of.get(&c.article) == Some(&&article.id))
                    && c.same_as.is_none()
                    && !c.historic
            })
            .collect();
        let novel: Vec<&StoryClaim> = mine
            .iter()
            .copied()
            .filter(|c| !seen_claims.contains(&claim_key(c)))
            .collect();
        let title_terms = terms(&article.title);
        let new_terms = title_terms.difference(&seen_terms).count();
        let new_share = if title_terms.is_empty() {
            0.0
        } else {
            new_terms as f64 / title_terms.len() as f64
        };
        // "… due to child pornography", "Tarantino breaks silence": a
        // long title whose few new words are the news.
        let news = new_share >= NOVEL_HEADLINE
            || (new_terms >= NOVEL_TERMS && new_share >= NOVEL_HEADLINE_WITH_TERMS);
        let first = entries.is_empty();
        if first || !novel.is_empty() || news {
            // The headline: the title when it carries news, else the
            // sentence of the first new figure.
            let headline = if news || novel.is_empty() || first {
                article.title.clone()
            } else {
                novel[0].sentence.clone()
            };
            let headline_terms = terms(&headline);
            let date = event_date(&headline, reported).or(reported);
            let same = entries.iter_mut().find(|(e, t)| {
                let close = match (e.reported, reported) {
                    (Some(a), Some(b)) => (b - a).get_days().abs() <= MERGE_DAYS,
                    _ => false,
                };
                let shared_claim = novel.is_empty()
                    && mine
                        .iter()
                        .any(|c| e.claims.iter().any(|id| same_fact(claims, id, c)));
                close && (shared_claim || jaccard(t, &headline_terms) >= SAME_HEADLINE)
            });
            match same {
                Some((entry, _)) => cite(entry, article, &mine, &novel),
                None => {
                    let mut entry = Development {
                        date,
                        reported,
                        headline,
                        articles: Vec::new(),
                        claims: Vec::new(),
                        sources: Vec::new(),
                        attributed_to: Vec::new(),
                        upcoming: false,
                        first_reported_by: None,
                        independent_confirmations: 0,
                    };
                    cite(&mut entry, article, &mine, &novel);
                    entries.push((entry, headline_terms));
                }
            }
        }
        for c in &mine {
            seen_claims.insert(claim_key(c));
        }
        seen_terms.extend(terms(&article.full_text()));
        if let Some(reference) = reported {
            upcoming_events(article, reference, latest, &terms, &mut upcoming);
        }
    }
    let mut out: Vec<Development> = entries.into_iter().map(|(e, _)| e).collect();
    out.extend(upcoming.into_iter().map(|(e, _)| e));
    out.sort_by(|a, b| {
        (a.date.is_none(), a.date, a.reported).cmp(&(b.date.is_none(), b.date, b.reported))
    });
    out
}

fn same_fact(claims: &[StoryClaim], id: &str, claim: &StoryClaim) -> bool {
    claims
        .iter()
        .find(|c| c.id == id)
        .is_some_and(|c| claim_key(c) == claim_key(claim))
}

/// Adds an article to an entry's sources; the entry lists the article's
/// new figures (money and durations: counts are background, compared in
/// contradictions rather than told as news).
fn cite(entry: &mut Development, article: &Article, claims: &[&StoryClaim], novel: &[&StoryClaim]) {
    entry.articles.push(article.id.clone());
    let outlet = article.outlet().to_string();
    let credited: Vec<String> = claims
        .iter()
        .filter_map(|c| c.attributed_to.clone())
        .collect();
    match &entry.first_reported_by {
        None => entry.first_reported_by = Some(outlet.clone()),
        Some(first) if *first != outlet && !entry.sources.contains(&outlet) => {
            // Re-reporting another outlet is not an independent confirmation.
            let credits_earlier = credited.iter().any(|c| {
                entry
                    .sources
                    .iter()
                    .any(|s| s.contains(&c.to_lowercase().replace(' ', "")))
            });
            if !credits_earlier {
                entry.independent_confirmations += 1;
            }
        }
        Some(_) => {}
    }
    if !entry.sources.contains(&outlet) {
        entry.sources.push(outlet);
    }
    for c in novel
        .iter()
        .filter(|c| c.kind != "count" && c.part_of.is_none())
    {
        if !entry.claims.contains(&c.id) {
            entry.claims.push(c.id.clone());
        }
    }
    for who in credited {
        if !entry.attributed_to.contains(&who) {
            entry.attributed_to.push(who);
        }
    }
}

/// A past day the sentence names ("on Tuesday" in a Thursday report),
/// unless the day only qualifies a noun ("a premium over the Jan 28
/// close", "since the March 3 deadline"): that day is a reference point,
/// not when the news happened.
fn event_date(sentence: &str, reported: Option<Date>) -> Option<Date> {
    let reference = reported?;
    find_dates(sentence, reference).into_iter().find_map(|m| {
        if qualifies_a_noun(sentence, &m.span) {
            return None;
        }
        match (
            m.resolved.value,
            m.resolved.relation,
            m.resolved.granularity,
        ) {
            (Value::Day(d), Relation::Past, Granularity::Day) if d <= reference => Some(d),
            _ => None,
        }
    })
}

/// Whether the date at `span` is used as an adjective: after "the" and
/// before a noun ("the Jan 28 close"), not "the 28th of January".
fn qualifies_a_noun(sentence: &str, span: &std::ops::Range<usize>) -> bool {
    let before = sentence[..span.start].trim_end().to_lowercase();
    let after_the = before.ends_with(" the") || before == "the";
    let next = sentence[span.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let noun_like = next.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            next,
            "of" | "at" | "in" | "and" | "or" | "to" | "when" | "as" | "after" | "before" | "for"
        );
    after_the && noun_like
}

/// Whether a line of the body ends as a sentence does. A line without
/// final punctuation is page furniture the text kept (a broadcast listing
/// "Live EFL Cup Wednesday 30th September 7:30pm", a caption), not an
/// announcement; the title is exempt.
fn reads_as_sentence(sentence: &str) -> bool {
    sentence
        .trim_end()
        .ends_with(['.', '!', '?', '"', '\'', '”', '’', '»', ')', '…'])
}

/// Terms two sentences naming the same future day must share to tell the
/// same announced event ("Haaland will join City on July 1" and the club's
/// statement of the transfer "on 1st July 2022").
const SAME_UPCOMING_TERMS: usize = 2;

/// An announced event (a future day) and the terms of its sentence.
type Upcoming = (Development, HashSet<String>);

/// Deadlines and announced events: sentences naming a future day. A day
/// already announced with shared words (by this article or an earlier one)
/// cites the article in that entry instead of making another.
fn upcoming_events(
    article: &Article,
    reference: Date,
    latest: Option<Date>,
    terms: &dyn Fn(&str) -> HashSet<String>,
    out: &mut Vec<Upcoming>,
) {
    let text = article.full_text();
    for range in sentences(&text) {
        let sentence = &text[range];
        if !reads_as_sentence(sentence) && sentence.trim() != article.title.trim() {
            continue;
        }
        // The sentence's terms, read once, and only if it names a future day.
        let mut sentence_terms: Option<HashSet<String>> = None;
        for mention in find_dates(sentence, reference) {
            let resolved = mention.resolved;
            let Value::Day(date) = resolved.value else {
                continue;
            };
            if resolved.relation != Relation::Future || resolved.granularity != Granularity::Day {
                continue;
            }
            // "Two years later, SpaceX became …", "the apology he would
            // trot out about 16 years later": a narrative's "later" counts
            // from a moment it set, not from the report. A day told in the
            // past tense ("By Thanksgiving, Thurman had begun …") is the
            // last one of that name, whatever the calendar says next.
            if mention.text.to_lowercase().ends_with("later")
                || storyline_dates::tense_at(sentence, mention.span.clone())
                    == Some(storyline_dates::Tense::Past)
            {
                continue;
            }
            let sentence_terms = sentence_terms.get_or_insert_with(|| terms(sentence));
            let same = out.iter_mut().find(|(e, t)| {
                e.date == Some(date)
                    && (e.headline == sentence
                        || t.intersection(sentence_terms).count() >= SAME_UPCOMING_TERMS)
            });
            if let Some((entry, _)) = same {
                if !entry.articles.contains(&article.id) {
                    cite(entry, article, &[], &[]);
                }
                continue;
            }
            let mut entry = Development {
                date: Some(date),
                reported: Some(reference),
                headline: sentence.to_string(),
                articles: Vec::new(),
                claims: Vec::new(),
                sources: Vec::new(),
                attributed_to: Vec::new(),
                upcoming: latest.is_none_or(|l| date > l),
                first_reported_by: None,
                independent_confirmations: 0,
            };
            cite(&mut entry, article, &[], &[]);
            out.push((entry, sentence_terms.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    /// The upcoming entries of a story: (date, headline, articles).
    fn upcoming(articles: &[Article]) -> Vec<(String, String, usize)> {
        developments(articles, &[])
            .into_iter()
            .filter(|d| d.upcoming)
            .map(|d| {
                let date = d.date.map(|d| d.to_string()).unwrap_or_default();
                (date, d.headline, d.articles.len())
            })
            .collect()
    }

    /// Two outlets announcing the same move for the same day make one
    /// upcoming entry citing both; another event on another day stays apart.
    #[test]
    fn the_same_announced_day_told_twice_is_one_upcoming_entry() {
        let mut first = sample_article(
            1,
            "City agree Haaland deal",
            "Haaland will join City on July 1. His medical will be held on Friday.",
        );
        first.source_domain = Some("one.example".into());
        let mut second = sample_article(
            2,
            "Haaland deal confirmed",
            "City said that Haaland will join the club on 1 July, as agreed.",
        );
        second.source_domain = Some("two.example".into());
        let entries = upcoming(&[first, second]);
        assert_eq!(
            entries,
            vec![
                (
                    "2020-09-18".to_string(),
                    "His medical will be held on Friday.".to_string(),
                    1
                ),
                (
                    "2021-07-01".to_string(),
                    "Haaland will join City on July 1.".to_string(),
                    2
                ),
            ]
        );
    }

    /// "N years later" counts from a moment the text set, in a past
    /// narrative or ahead ("would … later", "will … later"): no upcoming
    /// entry; "in two weeks" counts from the report and is one. A day told
    /// in the past tense is no upcoming entry either.
    #[test]
    fn later_and_past_tense_days_are_no_upcoming_entries() {
        let article = sample_article(
            1,
            "SpaceX readies its new rocket",
            "Two years later, SpaceX became the first supplier of the station. \
             He offered an apology he would repeat about 16 years later. \
             By Thanksgiving, she had begun to speak out. \
             The booster will be tested again two weeks later. \
             The rocket will fly in two weeks.",
        );
        let entries = upcoming(&[article]);
        assert_eq!(entries.len(), 1, "{entries:?}");
        assert!(entries[0].1.starts_with("The rocket"), "{entries:?}");
    }

    /// A title whose few new words are the news makes an entry even when
    /// most of its words were told before ("… due to child pornography");
    /// one with a single new word does not.
    #[test]
    fn a_title_with_new_words_is_a_development() {
        let first = sample_article(
            1,
            "Apple removes Telegram from app store",
            "Apple removed the Telegram messaging app from its App Store on Thursday.",
        );
        let reason = sample_article(
            2,
            "Apple removed Telegram from the App Store due to child pornography",
            "Apple removed the Telegram app from the App Store.",
        );
        let mut reason = reason;
        // Five days on: not the same days' reports of the first.
        reason.published_at = first
            .published_at
            .and_then(|t| t.checked_add(jiff::SignedDuration::from_hours(24 * 5)).ok());
        let mut reworded =
            sample_article(3, "Secretive Telegram app removed from App Store", "Text.");
        reworded.published_at = reason.published_at;
        let headlines: Vec<String> = developments(&[first, reason, reworded], &[])
            .into_iter()
            .map(|d| d.headline)
            .collect();
        assert_eq!(
            headlines,
            [
                "Apple removes Telegram from app store",
                "Apple removed Telegram from the App Store due to child pornography"
            ]
        );
    }

    /// A broadcast listing kept in the body is no announcement; the same
    /// words as the title are.
    #[test]
    fn a_line_without_final_punctuation_announces_nothing() {
        let listing = sample_article(
            1,
            "United bid rejected",
            "United will try again.\n\nLive EFL Cup Wednesday 30th September 7:30pm\n\nMore talks are planned.",
        );
        assert!(upcoming(&[listing]).is_empty());
        let mut titled = sample_article(1, "Roma will make a final bid on Friday", "Text.");
        titled.lead = None;
        assert_eq!(upcoming(&[titled]).len(), 1);
    }

    /// A day that qualifies a noun is a reference point, not the event's
    /// day; "on Monday" is the event's.
    #[test]
    fn a_day_used_as_an_adjective_does_not_date_the_news() {
        let reported = Some(jiff::civil::date(2022, 4, 14));
        assert_eq!(
            event_date(
                "Musk will pay $54.20 a share, a premium over the Jan 28 close.",
                reported
            ),
            None
        );
        assert_eq!(
            event_date("Twitter rejected the offer on Monday.", reported),
            Some(jiff::civil::date(2022, 4, 11))
        );
    }

    /// Different events on the same day, with no words in common, stay
    /// separate entries.
    #[test]
    fn unrelated_events_on_one_day_stay_apart() {
        let article = sample_article(
            1,
            "Busy week",
            "The transfer window will close on Friday. Parliament will vote on the budget on Friday.",
        );
        assert_eq!(upcoming(&[article]).len(), 2);
    }
}
