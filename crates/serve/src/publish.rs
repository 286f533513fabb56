//! `storyline publish OUT_DIR`: the server's pages and feeds written as a
//! static site (`index.html`, `stories/<id>/index.html`,
//! `stories/<id>/feed.xml`, `articles/<id>/index.html`, `feed.xml`), linked
//! relatively so it works from a file server or `file://`.
//!
//! It lives in this crate, beside the server, because it is the same views
//! and templates with other [`Links`]; only the file writing is its own.

use crate::error::ApiError;
use crate::feed::{FeedLinks, site_feed, story_feed};
use crate::html;
use crate::links::{Links, is_plain_id};
use crate::query::StoryFilter;
use crate::views::{self, Layout};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use storyline_core::Store;
use storyline_core::view::article::StoryArticles;
use storyline_core::view::story_summaries;

/// Why publishing stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublishError {
    /// A file or folder could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Reading the store or rendering failed.
    #[error("{}", .0.message)]
    View(ApiError),
    /// A template failed to render.
    #[error("cannot render a page: {0}")]
    Render(#[from] html::RenderError),
}

impl From<storyline_core::StoreError> for PublishError {
    fn from(err: storyline_core::StoreError) -> Self {
        Self::View(ApiError::from(err))
    }
}

impl From<ApiError> for PublishError {
    fn from(err: ApiError) -> Self {
        Self::View(err)
    }
}

/// What was written.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublishReport {
    /// Story pages.
    pub stories: usize,
    /// Article pages.
    pub articles: usize,
    /// Feeds (the site's and one per story).
    pub feeds: usize,
}

/// Publishing options.
#[derive(Debug, Clone, Default)]
pub struct PublishOptions {
    /// The site's public URL, for absolute links in feeds; empty keeps them
    /// relative.
    pub site_url: String,
}

/// The page left at a merged story's old address: a static site cannot
/// answer with a redirect, so the page refreshes to the survivor and links
/// to it (both ids are plain, so nothing needs escaping).
fn merged_stub(old: &str, survivor: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Story {old} was merged</title>\n\
         <meta http-equiv=\"refresh\" content=\"0; url=../{survivor}/index.html\">\n\
         <link rel=\"canonical\" href=\"../{survivor}/index.html\">\n</head>\n<body>\n\
         <p>Story {old} was merged into <a href=\"../{survivor}/index.html\">story \
         {survivor}</a>.</p>\n</body>\n</html>\n"
    )
}

fn write(path: &Path, text: &str) -> Result<(), PublishError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| PublishError::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, text).map_err(|source| PublishError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes one article's page under `out/articles/<id>/`.
fn write_article(out: &Path, id: &str, view: &views::ArticleView) -> Result<(), PublishError> {
    let layout = Layout::new(view.title.clone(), &Links::static_at(2));
    write(
        &out.join("articles").join(id).join("index.html"),
        &html::article(&layout, view)?,
    )
}

/// Writes the site into `out`. Pages of stories and articles whose ids are
/// not plain (never the case for the stores' own ids) are skipped, so no id
/// can write outside `out`. A story merged into another gets a stub page
/// at its old address that sends readers on to the survivor.
pub fn publish(
    store: &dyn Store,
    out: &Path,
    options: &PublishOptions,
) -> Result<PublishReport, PublishError> {
    let mut report = PublishReport::default();
    let root = Links::static_at(0);
    let index = views::index_view(store, &root, &StoryFilter::default(), None)?;
    write(
        &out.join("index.html"),
        &html::index(&Layout::new("Stories", &root), &index)?,
    )?;
    let feed_links = |links| FeedLinks {
        links,
        site_url: &options.site_url,
    };
    let absolute = Links::static_at(0);
    let (site_links, story_links) = if options.site_url.is_empty() {
        (Links::static_at(0), Links::static_at(2))
    } else {
        (absolute.clone(), absolute)
    };
    write(
        &out.join("feed.xml"),
        &site_feed(store, &feed_links(&site_links))?,
    )?;
    report.feeds += 1;

    let deep = Links::static_at(2);
    for summary in story_summaries(store)? {
        let id = &summary.id.0;
        if !is_plain_id(id) {
            continue;
        }
        let view = views::story_view(store, id, &deep, None)?;
        let mut layout = Layout::new(view.title.clone(), &deep);
        layout.alternate_feed = Some(view.feed_href.clone());
        let dir = out.join("stories").join(id);
        write(&dir.join("index.html"), &html::story(&layout, &view)?)?;
        write(
            &dir.join("feed.xml"),
            &story_feed(store, id, &feed_links(&story_links))?,
        )?;
        report.stories += 1;
        report.feeds += 1;
        for merge in store.merges_into(&summary.id)? {
            let old = &merge.absorbed.0;
            if is_plain_id(old) {
                let stub = out.join("stories").join(old).join("index.html");
                write(&stub, &merged_stub(old, id))?;
            }
        }
    }
    // Articles story by story: a story's figures are found once for all
    // its pages (an article's figures have their names resolved across its
    // story), then the articles of no story.
    let mut written = HashSet::new();
    for summary in story_summaries(store)? {
        let story =
            StoryArticles::read(store, &summary.id, views::aliases()).map_err(ApiError::from)?;
        for article in &story.members {
            if is_plain_id(&article.id.0) && written.insert(article.id.0.clone()) {
                let detail = story.detail(article.clone(), views::aliases());
                write_article(
                    out,
                    &article.id.0,
                    &views::article_view_of(store, detail, &deep)?,
                )?;
                report.articles += 1;
            }
        }
    }
    for article in store.articles()? {
        if is_plain_id(&article.id.0) && !written.contains(&article.id.0) {
            let id = &article.id.0;
            write_article(out, id, &views::article_view(store, id, &deep)?)?;
            report.articles += 1;
        }
    }
    Ok(report)
}
