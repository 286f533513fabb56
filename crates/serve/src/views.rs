//! The data behind each page, read from a [`Store`] once and shaped for
//! the templates: every link already written for the [`Links`] in use, every
//! date already formatted. Server and static site build the same models.
//!
//! Text in these models is untrusted article text: the templates escape
//! it. Only [`ChartSection::svg`] is inserted as markup, and the chart
//! renderer escapes everything it writes into it.

use crate::cache::{Kind, ViewCache};
use crate::chart::{ChartPoint, figure_series_svg};
use crate::error::ApiError;
use crate::links::{Links, safe_external_url};
use crate::query::{Paging, StoryFilter};
use jiff::Timestamp;
use storyline_core::facts::names::EntitySummary;
use storyline_core::model::{UNKNOWN_OUTLET, outlet_label, outlet_list};
use storyline_core::view::explain::ArticleExplanation;
use storyline_core::view::{StoryDetail, StorySummary, story_detail_with};
use storyline_core::{Article, ArticleId, Store, StoryId};

/// The day of a time in UTC, or `undated`.
pub fn day(ts: Option<Timestamp>) -> String {
    ts.map_or_else(
        || "undated".to_string(),
        |t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string(),
    )
}

pub use storyline_core::view::article::ArticleDetail;

/// The built-in alias book, parsed once per process.
pub fn aliases() -> Option<&'static storyline_extract::entities::AliasBook> {
    storyline_core::facts::names::builtin_aliases()
}

/// Reads one article in full by its exact id.
pub fn article_detail(store: &dyn Store, id: &str) -> Result<ArticleDetail, ApiError> {
    let article = store
        .article(&ArticleId(id.to_string()))?
        .ok_or_else(|| ApiError::not_found(format!("no article with id '{id}'")))?;
    Ok(storyline_core::view::article::article_detail(
        store,
        article,
        aliases(),
    )?)
}

/// Why the article with exactly this id is in its story (a copy: why its
/// original is).
pub fn article_explanation(store: &dyn Store, id: &str) -> Result<ArticleExplanation, ApiError> {
    let article = store
        .article(&ArticleId(id.to_string()))?
        .ok_or_else(|| ApiError::not_found(format!("no article with id '{id}'")))?;
    Ok(storyline_core::view::explain::explain_article(
        store, &article,
    )?)
}

/// One story as the pages need it: the JSON shapes and the member
/// articles (duplicates included), read once.
#[derive(Debug, Clone)]
pub struct StoryData {
    /// As in `stories --json`.
    pub summary: StorySummary,
    /// As in `story ID --json`.
    pub detail: StoryDetail,
    /// Its articles in publication order, copies included.
    pub members: Vec<Article>,
}

/// Reads one story by its exact id (`view::story_summary` reads only that
/// story, not every story as `view::story_summaries` does).
pub fn story(store: &dyn Store, id: &str) -> Result<StoryData, ApiError> {
    let id = StoryId(id.to_string());
    let options = storyline_core::view::StoryOptions {
        since: None,
        aliases: aliases(),
    };
    let detail = story_detail_with(store, &id, &options).map_err(|e| match e {
        storyline_core::view::LookupError::NotFound(_) => {
            ApiError::not_found(format!("no story with id '{id}'"))
        }
        other => other.into(),
    })?;
    let members = store.story_articles(&id)?;
    let summary = storyline_core::view::story_summary(store, &id)?
        .ok_or_else(|| ApiError::not_found(format!("no story with id '{id}'")))?;
    Ok(StoryData {
        summary,
        detail,
        members,
    })
}

/// One story's data through `cache`, rebuilt only when the story's
/// revision changed.
pub fn cached_story(
    store: &dyn Store,
    cache: &ViewCache,
    id: &str,
) -> Result<std::sync::Arc<StoryData>, ApiError> {
    let revision = store
        .story_revision(&StoryId(id.to_string()))?
        .ok_or_else(|| ApiError::not_found(format!("no story with id '{id}'")))?;
    cache.get_or_build(Kind::Data, id, revision, || story(store, id))
}

/// What every page shows around its content.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The page's `<title>`.
    pub title: String,
    /// The story list.
    pub home_href: String,
    /// The site feed.
    pub feed_href: String,
    /// The search form's target, when the site can search.
    pub search_href: Option<String>,
    /// The query to show in the search box.
    pub query: String,
    /// A feed to announce in `<head>` besides the site's (a story's).
    pub alternate_feed: Option<String>,
}

impl Layout {
    /// The frame of a page titled `title`.
    pub fn new(title: impl Into<String>, links: &Links) -> Self {
        Self {
            title: title.into(),
            home_href: links.home(),
            feed_href: links.feed(),
            search_href: links.search(),
            query: String::new(),
            alternate_feed: None,
        }
    }
}

/// A link with its text.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRow {
    /// Target.
    pub href: String,
    /// Text.
    pub text: String,
}

/// One story in the list.
#[derive(Debug, Clone)]
pub struct StoryRow {
    /// Its page.
    pub href: String,
    /// Title.
    pub title: String,
    /// Outlets, comma-separated.
    pub outlets: String,
    /// First day.
    pub first: String,
    /// Last day.
    pub last: String,
    /// Articles (duplicates left out).
    pub article_count: usize,
    /// The state of play in one line (empty when the story has none).
    pub state_of_play: String,
    /// The main entities, linked to their pages where the site has them.
    pub entities: Vec<LinkRow>,
}

/// How many entities a story list row names.
const ROW_ENTITIES: usize = 4;

/// `/`: the story list.
#[derive(Debug, Clone)]
pub struct IndexView {
    /// Stories on this page.
    pub stories: Vec<StoryRow>,
    /// Stories matching the filter, on all pages.
    pub total: usize,
    /// Every outlet, for the filter: the value to send and its label.
    pub outlets: Vec<(String, String)>,
    /// The filter in force, as typed.
    pub outlet: String,
    /// `entity` as typed.
    pub entity: String,
    /// Every category, for the filter.
    pub categories: Vec<String>,
    /// `category` as typed.
    pub category: String,
    /// `from` as typed.
    pub from: String,
    /// `to` as typed.
    pub to: String,
    /// Link to the previous page.
    pub prev: Option<String>,
    /// Link to the next page.
    pub next: Option<String>,
    /// The filter form is shown (not on a static site).
    pub filterable: bool,
}

/// Builds the story list. `page_href` writes the link to another page of
/// the same listing, given its offset (`None`: no paging, all stories).
pub fn index_view(
    store: &dyn Store,
    links: &Links,
    filter: &StoryFilter,
    paging: Option<Paging>,
) -> Result<IndexView, ApiError> {
    let (page, total) = match paging {
        Some(p) => store.story_page(&filter.query(p.offset, Some(p.limit)))?,
        None => store.story_page(&filter.query(0, None))?,
    };
    let outlets = store
        .outlets()?
        .into_iter()
        .map(|o| {
            let label = outlet_label(&o).to_string();
            (o, label)
        })
        .collect();
    let categories = store.categories()?;
    let page_link = |offset: usize, limit: usize| {
        let mut params = vec![format!("offset={offset}"), format!("limit={limit}")];
        for (key, value) in [
            ("outlet", &filter.outlet),
            ("entity", &filter.entity),
            ("category", &filter.category),
        ] {
            if let Some(v) = value {
                params.push(format!("{key}={}", encode_component(v)));
            }
        }
        if let Some(d) = filter.from {
            params.push(format!("from={d}"));
        }
        if let Some(d) = filter.to {
            params.push(format!("to={d}"));
        }
        format!("{}?{}", links.home(), params.join("&"))
    };
    let (prev, next) = match paging {
        Some(p) => (
            (p.offset > 0).then(|| page_link(p.offset.saturating_sub(p.limit), p.limit)),
            (p.offset + p.limit < total).then(|| page_link(p.offset + p.limit, p.limit)),
        ),
        None => (None, None),
    };
    Ok(IndexView {
        stories: page.iter().map(|s| story_row(s, links)).collect(),
        total,
        outlets,
        outlet: filter.outlet.clone().unwrap_or_default(),
        entity: filter.entity.clone().unwrap_or_default(),
        categories,
        category: filter.category.clone().unwrap_or_default(),
        from: filter.from.map(|d| d.to_string()).unwrap_or_default(),
        to: filter.to.map(|d| d.to_string()).unwrap_or_default(),
        prev,
        next,
        filterable: paging.is_some(),
    })
}

fn story_row(s: &StorySummary, links: &Links) -> StoryRow {
    StoryRow {
        href: links.story(&s.id.0),
        title: s.title.clone(),
        outlets: outlet_list(&s.outlets),
        first: day(s.first_published_at),
        last: day(s.last_published_at),
        article_count: s.article_count,
        state_of_play: s.state_of_play.clone().unwrap_or_default(),
        entities: s
            .entities
            .iter()
            .take(ROW_ENTITIES)
            .map(|e| LinkRow {
                href: links.entity(&e.name).unwrap_or_default(),
                text: e.name.clone(),
            })
            .collect(),
    }
}

/// One article as listed on a story page.
#[derive(Debug, Clone)]
pub struct ArticleRow {
    /// Its page.
    pub href: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub outlet: String,
    /// Day.
    pub date: String,
}

/// One day (later: one development) of a story's timeline.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    /// Anchor id (`day-2020-09-30`, `undated`).
    pub anchor: String,
    /// Day, or `undated`.
    pub date: String,
    /// Machine-readable day for `<time>`, when dated.
    pub datetime: Option<String>,
    /// The development's headline.
    pub headline: String,
    /// Who reported it.
    pub sources: String,
    /// The articles that reported it.
    pub articles: Vec<ArticleRow>,
    /// Reported on or after the reader's `?since=` day.
    pub new: bool,
    /// An announced future event (a deadline), not a report.
    pub upcoming: bool,
    /// The figures it carries, as a reader writes them.
    pub figures: String,
    /// Whom the outlets credit.
    pub credited: String,
}

/// An entity as listed on story and article pages.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    /// Its page, when the site has entity pages.
    pub href: Option<String>,
    /// Canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `unknown`.
    pub kind: String,
    /// Other names, comma-separated.
    pub aliases: String,
}

/// Entity rows for `entities`, most mentioned first.
pub fn entity_rows(entities: &[EntitySummary], links: &Links) -> Vec<EntityRow> {
    let mut sorted: Vec<&EntitySummary> = entities.iter().collect();
    sorted.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    sorted
        .into_iter()
        .map(|e| EntityRow {
            href: links.entity(&e.name),
            name: e.name.clone(),
            kind: kind_name(e),
            aliases: e.aliases.join(", "),
        })
        .collect()
}

fn kind_name(e: &EntitySummary) -> String {
    serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One disagreement between sources.
#[derive(Debug, Clone)]
pub struct DisagreementRow {
    /// What the figure is ("Manchester United · asking price · Chris Smalling").
    pub title: String,
    /// What differs and whether it is settled.
    pub state: String,
    /// Each side: value and outlets.
    pub sides: Vec<String>,
}

/// One figure series drawn as a chart.
#[derive(Debug, Clone)]
pub struct ChartSection {
    /// Heading.
    pub title: String,
    /// The SVG markup, escaped by [`figure_series_svg`].
    pub svg: String,
}

/// `/stories/{id}`.
#[derive(Debug, Clone)]
pub struct StoryView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Outlets, comma-separated.
    pub outlets: String,
    /// First day.
    pub first: String,
    /// Last day.
    pub last: String,
    /// Articles (duplicates left out).
    pub article_count: usize,
    /// The story's feed.
    pub feed_href: String,
    /// Developments, oldest first.
    pub timeline: Vec<TimelineRow>,
    /// The state of play in one paragraph.
    pub briefing: String,
    /// Figure series, one chart each.
    pub charts: Vec<ChartSection>,
    /// Where sources disagree.
    pub disagreements: Vec<DisagreementRow>,
    /// The articles, in publication order.
    pub articles: Vec<ArticleRow>,
    /// The `?since=` day, when the reader gave one.
    pub since: Option<String>,
    /// Timeline entries new since then.
    pub new_count: usize,
    /// The people, organizations and places of the story.
    pub entities: Vec<EntityRow>,
}

/// Builds a story page; with `since`, developments reported on or after
/// that day (publication time, UTC) are marked new.
pub fn story_view(
    store: &dyn Store,
    id: &str,
    links: &Links,
    since: Option<jiff::civil::Date>,
) -> Result<StoryView, ApiError> {
    Ok(story_view_of(&story(store, id)?, links, since))
}

/// Builds a story page from its data.
pub fn story_view_of(
    data: &StoryData,
    links: &Links,
    since: Option<jiff::civil::Date>,
) -> StoryView {
    let StoryData {
        summary,
        detail,
        members,
    } = data;
    let row = |a: &Article| ArticleRow {
        href: links.article(&a.id.0),
        title: a.title.clone(),
        outlet: outlet_label(a.outlet()).to_string(),
        date: day(a.published_at),
    };
    let by_id: std::collections::HashMap<&ArticleId, &Article> =
        members.iter().map(|a| (&a.id, a)).collect();
    let find = |id: &ArticleId| by_id.get(id).copied();
    let claims_by_id: std::collections::HashMap<&str, &storyline_core::facts::StoryClaim> =
        detail.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let timeline = detail
        .timeline
        .iter()
        .map(|entry| {
            let articles: Vec<&Article> = entry.articles.iter().filter_map(find).collect();
            let mut sources: Vec<&str> = Vec::new();
            for a in &articles {
                if !sources.contains(&outlet_label(a.outlet())) {
                    sources.push(outlet_label(a.outlet()));
                }
            }
            let date = entry.date.map(|d| d.to_string());
            let figures = storyline_core::facts::figure_line(
                entry
                    .claims
                    .iter()
                    .filter_map(|id| claims_by_id.get(id.as_str()).copied())
                    .map(|c| c.label()),
            );
            let credited: Vec<&str> = entry
                .attributed_to
                .iter()
                .map(|a| storyline_core::facts::source_label(a))
                .collect();
            TimelineRow {
                anchor: date
                    .as_ref()
                    .map_or_else(|| "undated".to_string(), |d| format!("day-{d}")),
                date: date.clone().unwrap_or_else(|| "undated".to_string()),
                datetime: date,
                headline: entry.headline.clone(),
                sources: sources.join(", "),
                articles: articles.into_iter().map(row).collect(),
                new: since.is_some_and(|since| entry.reported.is_some_and(|d| d >= since)),
                upcoming: entry.upcoming,
                figures,
                credited: credited.join(", "),
            }
        })
        .collect::<Vec<_>>();
    let new_count = timeline.iter().filter(|row| row.new).count();
    StoryView {
        id: detail.id.0.clone(),
        title: detail.title.clone(),
        outlets: outlet_list(&summary.outlets),
        first: day(summary.first_published_at),
        last: day(summary.last_published_at),
        article_count: summary.article_count,
        feed_href: links.story_feed(&detail.id.0),
        timeline,
        briefing: detail.briefing.clone(),
        charts: chart_sections(&series_points(detail)),
        disagreements: detail
            .contradictions
            .iter()
            .map(|c| DisagreementRow {
                title: [
                    c.holder.as_deref(),
                    Some(&c.kind.replace('_', " ")),
                    c.subject.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
                state: format!(
                    "differs in {} ({})",
                    c.about,
                    match c.state {
                        storyline_core::timeline::State::Open => "open",
                        storyline_core::timeline::State::Resolved => "resolved",
                    }
                ),
                sides: c
                    .sides
                    .iter()
                    .map(|side| format!("{} — {}", side.value, outlet_list(&side.sources)))
                    .collect(),
            })
            .collect(),
        articles: members
            .iter()
            .filter(|a| a.duplicate_of.is_none())
            .map(row)
            .collect(),
        since: since.map(|d| d.to_string()),
        new_count,
        entities: entity_rows(&detail.entities, links),
    }
}

/// The story's figure series as chart points: one mark per dated report,
/// colored by status, titled with the outlet and whom it credits.
fn series_points(detail: &StoryDetail) -> Vec<(String, Vec<ChartPoint>)> {
    // A chart shows movement: series reported once are listed in the
    // timeline's figures instead.
    detail
        .series
        .iter()
        .filter(|s| s.points.len() >= 2)
        .map(|s| {
            let points = s
                .points
                .iter()
                .filter_map(|p| {
                    let date = p.date?.to_zoned(jiff::tz::TimeZone::UTC).date();
                    let status = p
                        .status
                        .and_then(|st| serde_json::to_value(st).ok())
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_else(|| "reported".to_string());
                    let credit = p
                        .attributed_to
                        .as_deref()
                        .map(|a| format!(", citing {}", storyline_core::facts::source_label(a)))
                        .unwrap_or_default();
                    Some(ChartPoint {
                        date,
                        value: p.amount.value,
                        status,
                        source: format!("{} {}{credit}", p.amount.display(), p.source),
                    })
                })
                .collect();
            (s.label(), points)
        })
        .collect()
}

/// Charts for named figure series.
pub fn chart_sections(series: &[(String, Vec<ChartPoint>)]) -> Vec<ChartSection> {
    series
        .iter()
        .map(|(title, points)| ChartSection {
            title: title.clone(),
            svg: figure_series_svg(title, points),
        })
        .collect()
}

/// `/articles/{id}`.
#[derive(Debug, Clone)]
pub struct ArticleView {
    /// Headline.
    pub title: String,
    /// Lead.
    pub lead: Option<String>,
    /// Paragraphs of the main text.
    pub paragraphs: Vec<String>,
    /// Outlet.
    pub outlet: String,
    /// Day.
    pub date: String,
    /// Machine-readable time, when dated.
    pub datetime: Option<String>,
    /// Bylines, comma-separated.
    pub authors: String,
    /// Categories, comma-separated.
    pub categories: String,
    /// Language code.
    pub language: String,
    /// The original article's URL, when it is a web URL (linked).
    pub original_href: Option<String>,
    /// A URL that is not a web URL, shown as text only.
    pub original_text: Option<String>,
    /// Its story.
    pub story: Option<LinkRow>,
    /// The article this one copies.
    pub duplicate_of: Option<LinkRow>,
    /// Stored copies of this one.
    pub duplicates: Vec<LinkRow>,
    /// The people, organizations and places it names.
    pub entities: Vec<EntityRow>,
    /// The figures it reports, as a reader writes them.
    pub figures: Vec<String>,
    /// Why the text may carry more boilerplate than usual (the page was too
    /// large for the full extractor).
    pub extraction_note: Option<String>,
}

/// Builds an article page.
pub fn article_view(store: &dyn Store, id: &str, links: &Links) -> Result<ArticleView, ApiError> {
    article_view_of(store, article_detail(store, id)?, links)
}

/// Builds the page of an article already read in full (the static site
/// reads each story's articles once, see `StoryArticles`).
pub fn article_view_of(
    store: &dyn Store,
    detail: ArticleDetail,
    links: &Links,
) -> Result<ArticleView, ApiError> {
    let s = &detail.summary;
    let story = match &s.story {
        Some(story_id) => store.story(story_id)?.map(|story| LinkRow {
            href: links.story(&story.id.0),
            text: story.title,
        }),
        None => None,
    };
    let link_to = |id: &ArticleId| -> Result<LinkRow, ApiError> {
        let title = store.article(id)?.map_or_else(|| id.0.clone(), |a| a.title);
        Ok(LinkRow {
            href: links.article(&id.0),
            text: title,
        })
    };
    let url = s.url.as_deref();
    Ok(ArticleView {
        title: s.title.clone(),
        lead: s.lead.clone(),
        paragraphs: detail
            .body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        outlet: outlet_label(s.source_domain.as_deref().unwrap_or(UNKNOWN_OUTLET)).to_string(),
        date: day(s.published_at),
        datetime: s.published_at.map(|t| t.to_string()),
        authors: detail.authors.join(", "),
        categories: detail.categories.join(", "),
        language: s.language.clone().unwrap_or_default(),
        original_href: url.and_then(safe_external_url).map(str::to_string),
        original_text: url
            .filter(|u| safe_external_url(u).is_none())
            .map(str::to_string),
        story,
        duplicate_of: s.duplicate_of.as_ref().map(link_to).transpose()?,
        duplicates: detail
            .duplicates
            .iter()
            .map(link_to)
            .collect::<Result<_, _>>()?,
        entities: entity_rows(&detail.entities, links),
        figures: detail
            .claims
            .iter()
            .filter(|c| c.same_as.is_none())
            .map(|c| format!("{} — “{}”", c.label(), c.sentence))
            .collect(),
        extraction_note: detail.extraction_note().map(str::to_string),
    })
}

/// `/entities/{name}`.
#[derive(Debug, Clone)]
pub struct EntityView {
    /// Canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `unknown`.
    pub kind: String,
    /// Other names it appeared under.
    pub aliases: Vec<String>,
    /// Mentions over its stories.
    pub mentions: usize,
    /// The stories naming it, most recently active first.
    pub stories: Vec<StoryRow>,
}

/// How many articles matching an entity's name are looked at to find its
/// stories.
pub const ENTITY_SEARCH_LIMIT: usize = 500;

/// The entity called `name` (canonical name or alias, any case) with the
/// stories it appears in. Candidate stories are those of articles whose
/// text contains the name (full-text search, at most
/// [`ENTITY_SEARCH_LIMIT`] articles); each candidate's entities come from
/// its cached story data, so an entity page costs a search and cache hits.
pub fn entity_detail(
    store: &dyn Store,
    cache: &ViewCache,
    name: &str,
) -> Result<storyline_core::view::entity::EntityDetail, ApiError> {
    let name = name.trim();
    let missing = || ApiError::not_found(format!("no entity named '{name}'"));
    if name.is_empty() {
        return Err(missing());
    }
    let mut story_ids: Vec<StoryId> = Vec::new();
    for hit in store.search(name, ENTITY_SEARCH_LIMIT)? {
        if let Some(story) = store.article(&hit.article)?.and_then(|a| a.story)
            && !story_ids.contains(&story)
        {
            story_ids.push(story);
        }
    }
    let mut stories = Vec::new();
    for id in &story_ids {
        stories.push(cached_story(store, cache, &id.0)?);
    }
    stories.sort_by(|a, b| {
        b.summary
            .last_published_at
            .cmp(&a.summary.last_published_at)
            .then_with(|| a.summary.id.cmp(&b.summary.id))
    });
    storyline_core::view::entity::entity_detail(
        name,
        stories
            .iter()
            .map(|s| (&s.summary, s.detail.entities.as_slice())),
    )
    .ok_or_else(missing)
}

/// Builds an entity page.
pub fn entity_view(
    store: &dyn Store,
    cache: &ViewCache,
    name: &str,
    links: &Links,
) -> Result<EntityView, ApiError> {
    let detail = entity_detail(store, cache, name)?;
    Ok(EntityView {
        kind: kind_name(&detail.entity),
        name: detail.entity.name,
        aliases: detail.entity.aliases,
        mentions: detail.entity.mentions,
        stories: detail.stories.iter().map(|s| story_row(s, links)).collect(),
    })
}

/// A piece of a search snippet; `hit` pieces are the matched words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetPart {
    /// Text.
    pub text: String,
    /// True for a match.
    pub hit: bool,
}

/// One search result.
#[derive(Debug, Clone)]
pub struct HitRow {
    /// The article's page.
    pub href: String,
    /// Headline.
    pub title: String,
    /// The snippet, split at the matches.
    pub snippet: Vec<SnippetPart>,
}

/// `/search?q=`.
#[derive(Debug, Clone)]
pub struct SearchView {
    /// The query.
    pub query: String,
    /// Results on this page.
    pub hits: Vec<HitRow>,
    /// Link to the next page.
    pub next: Option<String>,
}

/// Runs a search for a page.
pub fn search_view(
    store: &dyn Store,
    query: &str,
    paging: Paging,
    links: &Links,
) -> Result<SearchView, ApiError> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(SearchView {
            query: String::new(),
            hits: Vec::new(),
            next: None,
        });
    }
    let hits = store.search(query, paging.offset + paging.limit + 1)?;
    let more = hits.len() > paging.offset + paging.limit;
    let hits = paging.apply(hits);
    Ok(SearchView {
        query: query.to_string(),
        hits: hits
            .iter()
            .map(|h| HitRow {
                href: links.article(&h.article.0),
                title: h.title.clone(),
                snippet: snippet_parts(&h.snippet),
            })
            .collect(),
        next: more.then(|| {
            format!(
                "/search?q={}&offset={}&limit={}",
                encode_component(query),
                paging.offset + paging.limit,
                paging.limit
            )
        }),
    })
}

/// Splits a store snippet (matches in `[` `]`) into plain and matched parts.
pub fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in snippet.chars() {
        let toggle = (c == '[' && !hit) || (c == ']' && hit);
        if toggle {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = !hit;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

/// Percent-encodes a query-string value.
pub fn encode_component(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_split_at_brackets() {
        let parts = snippet_parts("a [b] c");
        assert_eq!(
            parts,
            [
                SnippetPart {
                    text: "a ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "b".into(),
                    hit: true
                },
                SnippetPart {
                    text: " c".into(),
                    hit: false
                },
            ]
        );
    }

    #[test]
    fn components_are_encoded() {
        assert_eq!(encode_component("a b&c"), "a%20b%26c");
    }
}
