//! What users see of stored data, shaped once for every front end (CLI
//! `--json`, later the HTTP API). Field names here are the output contract:
//! later versions add fields, never rename or remove them.

use crate::error::StoreError;
use crate::facts::names::EntitySummary;
use crate::facts::{
    PreparedAnalyses, StoryClaim, story_names_and_claims, story_names_and_claims_prepared,
};
use crate::model::{Article, ArticleId, StoryId};
use crate::store::Store;
use crate::timeline::briefing::{state_of_play, state_of_play_line, tally_sentence};
use crate::timeline::{
    Contradiction, Development, Series, developments, figure_series, find_contradictions,
    running_tally,
};
use jiff::Timestamp;
use serde::Serialize;
use storyline_extract::entities::AliasBook;

pub mod article;
pub mod entity;
pub mod explain;
pub mod since;

/// One article in listings (`articles --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    /// Stable id.
    pub id: ArticleId,
    /// Input file.
    pub path: Option<String>,
    /// Headline.
    pub title: String,
    /// Lead.
    pub lead: Option<String>,
    /// Outlet domain.
    pub source_domain: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication time (RFC 3339, UTC).
    pub published_at: Option<Timestamp>,
    /// True when the time is approximate (no zone or no time of day given).
    pub published_at_approximate: bool,
    /// Language code.
    pub language: Option<String>,
    /// The original, when this is a copy.
    pub duplicate_of: Option<ArticleId>,
    /// Its story.
    pub story: Option<StoryId>,
    /// The canonical URL its identity derives from.
    pub canonical_url: Option<String>,
    /// 1, plus one per revision of its text at the same URL.
    pub revision: u32,
    /// The input format (`plain_text`, `json_lines`, `rss`, …).
    pub format: &'static str,
    /// For feed items: `full` when the feed carried the full text,
    /// `summary` when only a summary.
    pub content_kind: Option<String>,
}

impl From<&Article> for ArticleSummary {
    fn from(a: &Article) -> Self {
        Self {
            id: a.id.clone(),
            path: a.path.clone(),
            title: a.title.clone(),
            lead: a.lead.clone(),
            source_domain: a.source_domain.clone(),
            url: a.url.clone(),
            published_at: a.published_at,
            published_at_approximate: a.published_at_approximate,
            language: a.language.clone(),
            duplicate_of: a.duplicate_of.clone(),
            story: a.story.clone(),
            canonical_url: a.canonical_url.clone(),
            revision: a.revision,
            format: a.format.as_str(),
            content_kind: a
                .extra
                .get("content_kind")
                .and_then(|v| v.as_str())
                .map(String::from),
        }
    }
}

/// One story in listings (`stories --json`).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct StorySummary {
    /// Stable id.
    pub id: StoryId,
    /// Title.
    pub title: String,
    /// Number of articles, duplicates not counted.
    pub article_count: usize,
    /// Earliest publication time.
    pub first_published_at: Option<Timestamp>,
    /// Latest publication time.
    pub last_published_at: Option<Timestamp>,
    /// Article ids in publication order, duplicates left out.
    pub articles: Vec<ArticleId>,
    /// Distinct outlets, in order of first appearance.
    pub outlets: Vec<String>,
    /// Distinct outlets among the originals: a syndicated copy adds a URL,
    /// not a confirmation.
    pub independent_sources: usize,
    /// Number of stored copies (duplicates) of the story's articles.
    pub copies: usize,
    /// The state of play in one line: the latest reported figure with its
    /// source and date (and how many points sources disagree on), else the
    /// latest headline when it differs from the title; `None` for a story
    /// told by one headline. Stores written before it was kept lack it
    /// until their summaries are refreshed.
    #[serde(default)]
    pub state_of_play: Option<String>,
    /// The story's most mentioned people, organizations and places (at most
    /// [`SUMMARY_ENTITIES`]), most mentioned first, with their aliases: what
    /// the story list shows and filters on.
    #[serde(default)]
    pub entities: Vec<EntitySummary>,
    /// The articles' categories (front matter, feeds), in order of first
    /// appearance.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The version of the rules that wrote the state of play and entities
    /// ([`BRIEF_VERSION`]); 0 before any brief. A store re-briefs older
    /// summaries when it opens, so an upgrade shows at once in the story
    /// list, not only in the stories that get new articles.
    #[serde(default)]
    pub brief_version: u32,
}

/// The version of the extraction rules behind a story's brief (names,
/// figures, sources). Raise it when a change to them should reach the
/// briefs stored by an earlier build. History: 1, session 13; 2, session
/// 14 (names glued by page text split, currency rates in disagreements); 3,
/// session 15 (live-blog labels and days no names, organizations by their
/// legal form, analysts no subjects); 4, session 16 (names across a
/// hard-wrapped line, companies written as such, places glued to a name
/// kept apart); 5, session 17 (a workforce's wage is the workforce's).
pub const BRIEF_VERSION: u32 = 5;

/// How many entities a story summary keeps.
pub const SUMMARY_ENTITIES: usize = 40;

/// How many of a story's latest articles its summary's state of play and
/// entities are drawn from: enough for any story's current state, and it
/// keeps refreshing a 2,000-article story's summary on every batch cheap.
pub const SUMMARY_ARTICLES: usize = 300;

/// A copy of one of a story's articles: it adds a URL, not a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryCopy {
    /// The copy's id.
    pub id: ArticleId,
    /// The original it copies.
    pub duplicate_of: Option<ArticleId>,
    /// Where the copy was published.
    pub url: Option<String>,
    /// The copy's outlet.
    pub source_domain: Option<String>,
    /// Input file.
    pub path: Option<String>,
}

/// An article as listed inside a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryArticle {
    /// Stable id.
    pub id: ArticleId,
    /// Input file.
    pub path: Option<String>,
    /// Headline.
    pub title: String,
    /// Outlet domain.
    pub source_domain: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication time.
    pub published_at: Option<Timestamp>,
}

/// One story in full (`story ID --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryDetail {
    /// Stable id.
    pub id: StoryId,
    /// Title.
    pub title: String,
    /// The state of play in one paragraph, from the latest claims.
    pub briefing: String,
    /// The story's articles in publication order, duplicates left out.
    pub articles: Vec<StoryArticle>,
    /// One entry per development (keys `date`, `headline`, `articles` as
    /// before, plus `claims`, `sources`, `upcoming` and more).
    pub timeline: Vec<Development>,
    /// Every figure reported, in publication order.
    pub claims: Vec<StoryClaim>,
    /// How each figure moved.
    pub series: Vec<Series>,
    /// Where sources disagree.
    pub contradictions: Vec<Contradiction>,
    /// The people, organizations and places of the story.
    pub entities: Vec<EntitySummary>,
    /// When set, only what was published after this time is listed.
    pub since: Option<Timestamp>,
    /// Distinct outlets among the originals.
    pub independent_sources: usize,
    /// Copies of the story's articles, in publication order.
    pub copies: Vec<StoryCopy>,
    /// Stories merged into this one (their ids lead here), in merge order;
    /// absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<MergedStory>,
    /// The id asked for when it was a story merged into this one (set by
    /// whoever resolved it); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_from: Option<StoryId>,
    /// The running count the story's headlines report (a death toll) with
    /// its dated reports; absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tally: Option<crate::timeline::Tally>,
}

/// A story absorbed into another when an article bridged them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedStory {
    /// Its id, which now resolves to the survivor.
    pub id: StoryId,
    /// Its title when it was merged.
    pub title: String,
    /// The article that bridged it to the survivor.
    pub merged_by: ArticleId,
}

/// How to build a story view.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoryOptions<'a> {
    /// Show only what was published after this time (`--since`).
    pub since: Option<Timestamp>,
    /// Known aliases that help resolve names.
    pub aliases: Option<&'a AliasBook>,
}

/// Why a story could not be shown.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LookupError {
    /// No story id starts with the given text.
    #[error("no story with id '{0}' (list them with `storyline stories`)")]
    NotFound(String),
    /// Several story ids start with the given text.
    #[error("'{prefix}' matches several stories: {}", candidates.join(", "))]
    Ambiguous {
        /// What the user typed.
        prefix: String,
        /// The matching ids.
        candidates: Vec<String>,
    },
    /// No article id starts with the given text.
    #[error("no article with id '{0}' (list them with `storyline articles`)")]
    NoArticle(String),
    /// Several article ids start with the given text.
    #[error("'{prefix}' matches several articles: {}", candidates.join(", "))]
    AmbiguousArticle {
        /// What the user typed.
        prefix: String,
        /// The matching ids.
        candidates: Vec<String>,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// All stories, most recently active first.
pub fn story_summaries<S: Store + ?Sized>(store: &S) -> Result<Vec<StorySummary>, StoreError> {
    let mut summaries = Vec::new();
    for story in store.stories()? {
        let members = store.story_articles(&story.id)?;
        summaries.push(summarize(&story, &members));
    }
    summaries.sort_by(|a, b| {
        b.last_published_at
            .cmp(&a.last_published_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(summaries)
}

/// One story's summary, reading only that story (for pages and API calls
/// that show one story).
pub fn story_summary(store: &dyn Store, id: &StoryId) -> Result<Option<StorySummary>, StoreError> {
    let Some(story) = store.story(id)? else {
        return Ok(None);
    };
    let members = store.story_articles(id)?;
    Ok(Some(summarize(&story, &members)))
}

/// The summary of `story` from its articles (copies included): counts,
/// days, outlets and categories, without the brief ([`add_brief`]), which
/// costs a pass of claim extraction.
pub fn summarize(story: &crate::model::Story, members: &[Article]) -> StorySummary {
    let originals: Vec<&Article> = members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    let mut outlets: Vec<String> = Vec::new();
    let mut categories: Vec<String> = Vec::new();
    for article in &originals {
        if !outlets.iter().any(|o| o == article.outlet()) {
            outlets.push(article.outlet().to_string());
        }
        for category in &article.categories {
            let category = category.trim();
            if !category.is_empty() && !categories.iter().any(|c| c.eq_ignore_ascii_case(category))
            {
                categories.push(category.to_string());
            }
        }
    }
    StorySummary {
        id: story.id.clone(),
        title: story.title.clone(),
        article_count: originals.len(),
        first_published_at: originals.iter().filter_map(|a| a.published_at).min(),
        last_published_at: originals.iter().filter_map(|a| a.published_at).max(),
        articles: originals.iter().map(|a| a.id.clone()).collect(),
        independent_sources: outlets.len(),
        outlets,
        copies: members.len() - originals.len(),
        state_of_play: None,
        entities: Vec::new(),
        categories,
        brief_version: 0,
    }
}

/// Fills in the brief of a story's summary: its one-line state of play and
/// main entities, drawn from the latest [`SUMMARY_ARTICLES`] originals
/// among `members` (names resolved with the built-in alias book).
pub fn add_brief(summary: &mut StorySummary, members: &[Article]) {
    add_brief_prepared(summary, members, &PreparedAnalyses::default());
}

/// [`add_brief`], each member's names and claims taken from `prepared`
/// where it holds them for the member's text (the pipeline reads a batch's
/// articles while it clusters them): the same brief.
pub fn add_brief_prepared(
    summary: &mut StorySummary,
    members: &[Article],
    prepared: &PreparedAnalyses,
) {
    let originals: Vec<&Article> = members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    let recent = &originals[originals.len().saturating_sub(SUMMARY_ARTICLES)..];
    let (names, claims) = story_names_and_claims_prepared(recent, prepared);
    let headlines: Vec<&str> = std::iter::once(summary.title.as_str())
        .chain(recent.iter().map(|a| a.title.as_str()))
        .collect();
    summary.state_of_play = state_of_play_line(
        &figure_series(&claims),
        &find_contradictions(&claims),
        &summary.title,
        &headlines,
    )
    .or_else(|| {
        running_tally(recent.iter().copied(), &claims)
            .as_ref()
            .and_then(tally_sentence)
    })
    .or_else(|| latest_headline(&summary.title, recent));
    let mut entities = names.entities().to_vec();
    entities.sort_by_key(|e| std::cmp::Reverse(e.mentions));
    entities.truncate(SUMMARY_ENTITIES);
    summary.entities = entities;
    summary.brief_version = BRIEF_VERSION;
}

/// [`summarize`] and [`add_brief`]: what a story list shows.
pub fn summarize_with_brief(story: &crate::model::Story, members: &[Article]) -> StorySummary {
    summarize_with_brief_prepared(story, members, &PreparedAnalyses::default())
}

/// [`summarize_with_brief`] with [`add_brief_prepared`]: the same summary.
pub fn summarize_with_brief_prepared(
    story: &crate::model::Story,
    members: &[Article],
    prepared: &PreparedAnalyses,
) -> StorySummary {
    let mut summary = summarize(story, members);
    add_brief_prepared(&mut summary, members, prepared);
    summary
}

/// "Latest: …" with the newest article's headline, its outlet and day,
/// unless that headline is the story's title.
fn latest_headline(title: &str, originals: &[&Article]) -> Option<String> {
    let latest = latest_in_main_language(originals)?;
    let headline = latest.title.trim();
    if headline.is_empty() || headline == title.trim() {
        return None;
    }
    let day = latest
        .published_at
        .map(|t| format!(", {}", t.to_zoned(jiff::tz::TimeZone::UTC).date()))
        .unwrap_or_default();
    Some(format!(
        "Latest: \u{201c}{headline}\u{201d} — {}{day}.",
        crate::model::outlet_label(latest.outlet())
    ))
}

/// The latest of `originals` written in the language most of them use, so
/// an English story's brief does not quote its one Slovenian report; the
/// latest of all when no language is known. Only dated articles count when
/// there are any: an undated one (stored after the dated) is not known to
/// be the latest.
fn latest_in_main_language<'a>(originals: &[&'a Article]) -> Option<&'a Article> {
    let dated: Vec<&Article> = originals
        .iter()
        .copied()
        .filter(|a| a.published_at.is_some())
        .collect();
    let originals = if dated.is_empty() {
        originals
    } else {
        &dated[..]
    };
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for article in originals {
        if let Some(language) = article.language.as_deref() {
            *counts.entry(language).or_default() += 1;
        }
    }
    let main = counts
        .iter()
        .max_by_key(|(_, count)| **count)
        .map(|(language, _)| *language);
    originals
        .iter()
        .rev()
        .find(|a| main.is_none() || a.language.as_deref() == main)
        .or_else(|| originals.last())
        .copied()
}

/// Finds the story whose id is `prefix` or starts with it; an id merged
/// into another story (typed in full) resolves to the survivor.
pub fn resolve_story(store: &dyn Store, prefix: &str) -> Result<StoryId, LookupError> {
    let prefix = prefix.trim();
    if !prefix.is_empty()
        && store.story(&StoryId(prefix.to_string()))?.is_none()
        && let Some(merge) = store.merge_of(&StoryId(prefix.to_string()))?
    {
        return Ok(merge.survivor);
    }
    let mut candidates: Vec<String> = store
        .stories()?
        .into_iter()
        .map(|s| s.id.0)
        .filter(|id| !prefix.is_empty() && id.starts_with(prefix))
        .collect();
    if let Some(exact) = candidates.iter().find(|id| *id == prefix) {
        return Ok(StoryId(exact.clone()));
    }
    candidates.sort();
    match candidates.len() {
        0 => Err(LookupError::NotFound(prefix.to_string())),
        1 => Ok(StoryId(candidates.remove(0))),
        _ => Err(LookupError::Ambiguous {
            prefix: prefix.to_string(),
            candidates,
        }),
    }
}

/// One story with its articles, timeline, claims, series and
/// contradictions, built with default options.
pub fn story_detail(store: &dyn Store, id: &StoryId) -> Result<StoryDetail, LookupError> {
    story_detail_with(store, id, &StoryOptions::default())
}

/// One story in full, with options (`--since`, an alias book).
pub fn story_detail_with(
    store: &dyn Store,
    id: &StoryId,
    options: &StoryOptions<'_>,
) -> Result<StoryDetail, LookupError> {
    let story = store
        .story(id)?
        .ok_or_else(|| LookupError::NotFound(id.0.clone()))?;
    let members = store.story_articles(id)?;
    let originals: Vec<&Article> = members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    let read = crate::facts::reading_articles(&members);
    let read: Vec<&Article> = read.iter().map(AsRef::as_ref).collect();
    let (names, claims) = story_names_and_claims(&read, options.aliases);
    let series = figure_series(&claims);
    let contradictions = find_contradictions(&claims);
    let timeline = developments(&members, &claims);
    let tally = running_tally(&members, &claims);
    let headlines: Vec<&str> = std::iter::once(story.title.as_str())
        .chain(originals.iter().map(|a| a.title.as_str()))
        .collect();
    let briefing = state_of_play(
        &series,
        &contradictions,
        &timeline,
        &story.title,
        &headlines,
        tally.as_ref(),
    );
    let entities = names.entities().to_vec();
    let mut detail = StoryDetail {
        id: story.id,
        title: story.title,
        briefing,
        articles: originals
            .iter()
            .map(|a| StoryArticle {
                id: a.id.clone(),
                path: a.path.clone(),
                title: a.title.clone(),
                source_domain: a.source_domain.clone(),
                url: a.url.clone(),
                published_at: a.published_at,
            })
            .collect(),
        timeline,
        claims,
        series,
        contradictions,
        entities,
        since: options.since,
        independent_sources: independent_sources(&members),
        copies: members
            .iter()
            .filter(|a| a.duplicate_of.is_some())
            .map(|a| StoryCopy {
                id: a.id.clone(),
                duplicate_of: a.duplicate_of.clone(),
                url: a.url.clone(),
                source_domain: a.source_domain.clone(),
                path: a.path.clone(),
            })
            .collect(),
        merged_from: store
            .merges_into(id)?
            .into_iter()
            .map(|m| MergedStory {
                id: m.absorbed,
                title: m.absorbed_title,
                merged_by: m.article,
            })
            .collect(),
        resolved_from: None,
        tally,
    };
    if let Some(since) = options.since {
        keep_since(&mut detail, since);
    }
    Ok(detail)
}

/// Keeps only what was published after `since`: articles, claims, series
/// points, timeline entries with a new report, and contradictions with a
/// side reported since.
fn keep_since(detail: &mut StoryDetail, since: Timestamp) {
    let after = |t: Option<Timestamp>| t.is_some_and(|t| t > since);
    let fresh: Vec<ArticleId> = detail
        .articles
        .iter()
        .filter(|a| after(a.published_at))
        .map(|a| a.id.clone())
        .collect();
    detail.articles.retain(|a| fresh.contains(&a.id));
    detail.claims.retain(|c| after(c.published_at));
    for s in &mut detail.series {
        s.points.retain(|p| after(p.date));
    }
    detail.series.retain(|s| !s.points.is_empty());
    detail
        .timeline
        .retain(|d| d.articles.iter().any(|a| fresh.contains(a)));
    detail.contradictions.retain(|c| {
        c.sides
            .iter()
            .any(|s| s.articles.iter().any(|a| fresh.contains(a)))
    });
}

/// Distinct outlets among the articles that are not copies.
fn independent_sources(members: &[Article]) -> usize {
    members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .map(Article::outlet)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    const TITLE: &str = "Truss and Sunak face the members' vote";

    /// Three reports of a leadership race, the third titled `third`.
    fn race(third: &str) -> [Article; 3] {
        [
            sample_article(1, TITLE, "Text."),
            sample_article(2, "Truss wins the Conservative leadership race", "Text."),
            sample_article(3, third, "Text."),
        ]
    }

    /// The "Latest: …" brief of a story of `articles` titled [`TITLE`].
    fn brief(articles: &[Article]) -> String {
        let originals: Vec<&Article> = articles.iter().collect();
        latest_headline(TITLE, &originals).unwrap_or_default()
    }

    /// An English story whose latest report is Slovenian: the brief quotes
    /// the latest English headline.
    #[test]
    fn the_latest_headline_is_taken_in_the_storys_main_language() {
        let mut articles = race("Liz Truss je nova voditeljica konservativcev");
        for (article, language) in articles.iter_mut().zip(["en", "en", "sl"]) {
            article.language = Some(language.to_string());
        }
        let brief = brief(&articles);
        assert!(brief.contains("Truss wins the Conservative"), "{brief}");
    }

    /// An undated report, stored after the dated ones, is not known to be
    /// the latest: the brief quotes the newest dated headline.
    #[test]
    fn an_undated_report_is_not_taken_for_the_latest() {
        let mut articles = race("Votes being counted in the second round");
        articles[2].published_at = None;
        let latest = brief(&articles);
        assert!(latest.contains("Truss wins the Conservative"), "{latest}");
        articles.iter_mut().for_each(|a| a.published_at = None);
        let latest = brief(&articles);
        assert!(latest.contains("Votes being counted"), "{latest}");
    }
}
