//! Atom feeds (RFC 4287), written by `atom_syndication`, which escapes all
//! text: one for the site (an entry per story, most recently active first)
//! and one per story (an entry per timeline development). Ids are URNs
//! built from the stable story ids and days, so they survive a move of the
//! site; `updated` comes from publication times, never from the clock, so
//! the same store gives the same feed.

use crate::error::ApiError;
use crate::links::Links;
use crate::views::{StoryData, story};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use jiff::Timestamp;
use storyline_core::model::{outlet_label, outlet_list};
use storyline_core::view::story_summaries;
use storyline_core::{ArticleId, Store};

/// Most entries in the site feed.
pub const SITE_FEED_ENTRIES: usize = 50;

/// Where feed links point: page links for the feed's location, made
/// absolute with `site_url` when one is known (feed readers resolve
/// relative links against the feed's own URL otherwise).
#[derive(Debug, Clone)]
pub struct FeedLinks<'a> {
    /// Page links as seen from the feed's location.
    pub links: &'a Links,
    /// The site's URL without a trailing slash, or empty for relative links.
    pub site_url: &'a str,
}

impl FeedLinks<'_> {
    fn absolute(&self, href: String) -> String {
        if self.site_url.is_empty() || href.contains("://") {
            href
        } else if let Some(path) = href.strip_prefix('/') {
            format!("{}/{path}", self.site_url)
        } else {
            format!("{}/{href}", self.site_url)
        }
    }
}

fn atom_time(ts: Timestamp) -> FixedDateTime {
    // jiff prints RFC 3339, which chrono reads back; the epoch is a safe
    // fallback that cannot occur for a printed timestamp.
    FixedDateTime::parse_from_rfc3339(&ts.to_string()).unwrap_or_default()
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(mime.map(str::to_string));
    link
}

fn person(name: &str) -> Person {
    let mut person = Person::default();
    person.set_name(name);
    person
}

fn site_author() -> Person {
    person("Storyline")
}

/// A feed around `entries` (each with its `updated` time): updated when
/// its newest entry was, with self and alternate links.
fn assemble(
    id: String,
    title: String,
    self_href: String,
    page_href: String,
    entries: Vec<(Timestamp, Entry)>,
) -> String {
    let updated = entries
        .iter()
        .map(|(t, _)| *t)
        .max()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let mut feed = Feed::default();
    feed.set_id(id);
    feed.set_title(Text::plain(title));
    feed.set_updated(atom_time(updated));
    feed.set_authors(vec![site_author()]);
    feed.set_links(vec![
        link(self_href, "self", Some("application/atom+xml")),
        link(page_href, "alternate", Some("text/html")),
    ]);
    feed.set_entries(entries.into_iter().map(|(_, e)| e).collect::<Vec<_>>());
    feed.to_string()
}

/// The site feed: one entry per story.
pub fn site_feed(store: &dyn Store, at: &FeedLinks<'_>) -> Result<String, ApiError> {
    let stories = story_summaries(store)?;
    let mut entries = Vec::new();
    for s in stories.iter().take(SITE_FEED_ENTRIES) {
        let record = store.story(&s.id)?;
        let updated = s
            .last_published_at
            .or(record.as_ref().map(|r| r.created_at))
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let mut entry = Entry::default();
        entry.set_id(format!("urn:storyline:story:{}", s.id));
        entry.set_title(Text::plain(s.title.clone()));
        entry.set_updated(atom_time(updated));
        entry.set_published(s.first_published_at.map(atom_time));
        entry.set_authors(vec![site_author()]);
        entry.set_links(vec![link(
            at.absolute(at.links.story(&s.id.0)),
            "alternate",
            Some("text/html"),
        )]);
        entry.set_summary(Some(Text::plain(format!(
            "{} articles from {}",
            s.article_count,
            outlet_list(&s.outlets)
        ))));
        entries.push((updated, entry));
    }
    Ok(assemble(
        "urn:storyline:stories".to_string(),
        "Storyline: all stories".to_string(),
        at.absolute(at.links.feed()),
        at.absolute(at.links.home()),
        entries,
    ))
}

/// One story's feed: one entry per development (per day, for now), newest
/// first.
pub fn story_feed(store: &dyn Store, id: &str, at: &FeedLinks<'_>) -> Result<String, ApiError> {
    let StoryData {
        summary,
        detail,
        members,
    } = story(store, id)?;
    let page = at.absolute(at.links.story(&detail.id.0));
    let mut entries = Vec::new();
    for dev in &detail.timeline {
        let articles: Vec<_> = dev
            .articles
            .iter()
            .filter_map(|a: &ArticleId| members.iter().find(|m| &m.id == a))
            .collect();
        let updated = articles
            .iter()
            .filter_map(|a| a.published_at)
            .max()
            .or(summary.last_published_at)
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let (key, anchor) = match dev.date {
            Some(d) => (d.to_string(), format!("day-{d}")),
            None => ("undated".to_string(), "undated".to_string()),
        };
        let mut outlets: Vec<&str> = Vec::new();
        for a in &articles {
            let outlet = outlet_label(a.outlet());
            if !outlets.contains(&outlet) {
                outlets.push(outlet);
            }
        }
        let mut entry = Entry::default();
        entry.set_id(format!("urn:storyline:story:{}:{key}", detail.id));
        entry.set_title(Text::plain(dev.headline.clone()));
        entry.set_updated(atom_time(updated));
        entry.set_authors(outlets.iter().map(|o| person(o)).collect::<Vec<_>>());
        entry.set_links(vec![link(
            format!("{page}#{anchor}"),
            "alternate",
            Some("text/html"),
        )]);
        let titles: Vec<String> = articles
            .iter()
            .map(|a| format!("{} ({})", a.title, outlet_label(a.outlet())))
            .collect();
        entry.set_summary(Some(Text::plain(titles.join("\n"))));
        entries.push((updated, entry));
    }
    entries.reverse();
    Ok(assemble(
        format!("urn:storyline:story:{}", detail.id),
        detail.title.clone(),
        at.absolute(at.links.story_feed(&detail.id.0)),
        page,
        entries,
    ))
}
