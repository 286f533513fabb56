//! HTML article pages: a saved web page becomes a [`RawArticle`].
//!
//! The steps, one module each:
//! - [`charset`]: gzip, then bytes to text (BOM, `<meta charset>`, UTF-8,
//!   Windows-1252) and telling HTML from other text by its first tag;
//! - [`limits`]: refusing pages nested too deep or with too many elements
//!   for the extractors, and skipping the Readability fallback on pages too
//!   large for it;
//! - [`metadata`]: title, lead, authors, times, site name, canonical URL,
//!   image and language from `<meta>`, JSON-LD, `<time>` and `<link>`;
//! - [`pubdate`]: choosing the publication time (published before
//!   modified, never in the future);
//! - [`main_text`]: the article's text, by trafilatura with dom_smoothie
//!   (Readability) as fallback;
//! - [`gaps`]: paragraphs trafilatura skipped inside the article, put
//!   back from Readability's text;
//! - [`block_text`]: the extracted text broken into its paragraphs;
//! - [`boilerplate`]: "read also" teasers, share prompts and credit lines
//!   the extractors keep, dropped afterwards;
//! - [`link_lines`]: lines that are a whole link (related headlines),
//!   dropped;
//! - [`captions`]: lines that are a picture's caption or an author's box,
//!   dropped;
//! - [`galleries`]: a picture gallery's numbered slides ("1/50 …"),
//!   dropped;
//! - [`related_tail`]: a "related stories" or comments block after the
//!   article, cut;
//! - [`trailing_headings`]: a heading that ends the text (of a block
//!   left out), dropped;
//! - [`off_article`]: lines found only in blocks the page names as
//!   comments, author boxes, share bars, sidebars or affiliate notes,
//!   dropped;
//! - [`article_body`]: a JSON-LD `articleBody` much longer than the
//!   extracted text (a page showing only a teaser), used instead;
//! - [`lead`]: the visible teaser paragraph the extractors drop, put back.
//!
//! ```
//! use storyline_core::ingest::html;
//!
//! let page = r#"<!doctype html><html lang="en"><head>
//!   <meta property="og:title" content="Ferry strike called off">
//!   <meta property="og:site_name" content="Harbour Times">
//!   <meta property="article:published_time" content="2023-03-01T09:30:00Z">
//!   <link rel="canonical" href="https://www.harbour-times.example/news/ferry-strike">
//!   </head><body><article><p>Ferry crews called off Thursday's strike after the operator
//!   agreed to reopen talks on pay and rosters, the union said on Wednesday evening.</p>
//!   </article></body></html>"#;
//! let raw = html::parse(page).unwrap();
//! assert_eq!(raw.title.as_deref(), Some("Ferry strike called off"));
//! assert!(raw.body.contains("reopen talks"));
//! ```

pub mod above_title;
pub mod article_body;
pub mod block_text;
pub mod boilerplate;
pub mod captions;
pub mod charset;
pub mod galleries;
pub mod gaps;
pub mod lead;
pub mod limits;
pub mod link_lines;
pub mod main_text;
pub mod metadata;
pub mod off_article;
pub mod pubdate;
pub mod related_tail;
pub mod trailing_headings;

pub use charset::{decode_html, looks_like_html};
pub use main_text::{Extractor, MainText, Page, extract_main_text, extract_page_main_text};
pub use metadata::PageMetadata;

use crate::error::IngestErrorKind;
use crate::ingest::RawArticle;
use crate::model::SourceFormat;
use scraper::Html;

/// The `extra` key that records why a page's text was extracted with less
/// than the usual means (the Readability fallback skipped on a page too
/// large for it); ingestion also warns with it.
pub const EXTRACTION_LIMIT: &str = "extraction_limit";

/// What the caller knows about a page besides its markup, as a crawler
/// would supply it, and how to extract it.
#[derive(Debug, Clone, Default)]
pub struct PageHints {
    /// The URL the page was fetched from; the page's canonical URL wins.
    pub url: Option<String>,
    /// Which main-text extractor to use.
    pub extractor: Extractor,
}

/// Parses an HTML article page with default hints.
pub fn parse(html: &str) -> Result<RawArticle, IngestErrorKind> {
    parse_page(html, &PageHints::default())
}

/// Parses an HTML article page: metadata, publication time and main text.
/// Hostile pages give an error ([`IngestErrorKind::HtmlTooDeep`],
/// [`IngestErrorKind::HtmlTooManyElements`],
/// [`IngestErrorKind::HtmlExtraction`]), never a panic; on a page too large
/// for the Readability fallback, the text is trafilatura's alone and
/// `extra.extraction_limit` says why.
pub fn parse_page(html: &str, hints: &PageHints) -> Result<RawArticle, IngestErrorKind> {
    let shape = limits::check_page(html)?;
    let raw = guarded(|| build_article(html, shape, hints))?;
    if raw.body.trim().is_empty() {
        return Err(IngestErrorKind::HtmlNoText);
    }
    Ok(raw)
}

/// The publication time of a page, without extracting its main text (what
/// `eval pubdates` measures).
pub fn page_publication_time(
    html: &str,
    url: Option<&str>,
) -> Result<Option<pubdate::PageTime>, IngestErrorKind> {
    limits::check_page(html)?;
    guarded(|| {
        let meta = PageMetadata::from_document(&Html::parse_document(html));
        let doc = trafilatura::dom::Document::parse(html);
        let fallback =
            trafilatura::metadata::extract_metadata(&doc, &trafilatura::Options::default())
                .date
                .and_then(to_jiff_date);
        pubdate::publication_time(&meta, url, fallback, jiff::Timestamp::now())
    })
}

/// Runs `f`, turning a panic inside a third-party extractor into an error
/// for this one page.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, IngestErrorKind> {
    crate::ingest::guard::guarded(f).map_err(IngestErrorKind::HtmlExtraction)
}

fn build_article(html: &str, shape: limits::PageShape, hints: &PageHints) -> RawArticle {
    let doc = Html::parse_document(html);
    let meta = PageMetadata::from_document(&doc);
    let url = canonical_url(&meta, hints.url.as_deref());
    let page = Page {
        html,
        doc: &doc,
        shape,
    };
    let main = extract_page_main_text(&page, &meta, url.as_deref(), hints.extractor);
    let traf = &main.metadata;
    let fallback_date = traf.date.and_then(to_jiff_date);
    let mut raw = RawArticle::new(SourceFormat::Html, main.text.clone());
    let site = meta
        .site_names
        .first()
        .cloned()
        .or_else(|| non_empty(&traf.sitename));
    raw.title = meta
        .titles
        .first()
        .cloned()
        .or_else(|| non_empty(&traf.title))
        .map(|t| strip_site_name(&t, site.as_deref(), url.as_deref()));
    raw.lead = meta
        .descriptions
        .first()
        .cloned()
        .or_else(|| non_empty(&traf.description));
    raw.authors = if meta.authors.is_empty() {
        non_empty(&traf.author).into_iter().collect()
    } else {
        meta.authors.iter().take(8).cloned().collect()
    };
    raw.url = url.or_else(|| non_empty(&traf.url));
    raw.image = meta
        .images
        .first()
        .cloned()
        .or_else(|| non_empty(&traf.image));
    raw.language = meta
        .languages
        .first()
        .cloned()
        .or_else(|| non_empty(&traf.language));
    raw.published = pubdate::publication_time(
        &meta,
        raw.url.as_deref(),
        fallback_date,
        jiff::Timestamp::now(),
    )
    .map(|t| t.time);
    if let Some(site) = site {
        raw.extra.insert("sitename".into(), site.into());
    }
    if let Some(note) = main.readability_skipped {
        raw.extra.insert(EXTRACTION_LIMIT.into(), note.into());
    }
    if let Some(modified) = meta
        .modified
        .iter()
        .find_map(|s| pubdate::parse_page_time(s).map(|t| t.time))
    {
        raw.extra
            .insert("modified_at".into(), modified.timestamp.to_string().into());
    }
    raw
}

/// The first absolute http(s) URL the page names as its own, resolving a
/// relative canonical link against the fetch URL; else the fetch URL.
fn canonical_url(meta: &PageMetadata, fetched: Option<&str>) -> Option<String> {
    let base = fetched.and_then(|u| url::Url::parse(u).ok());
    meta.urls
        .iter()
        .filter_map(|u| match &base {
            Some(base) => base.join(u).ok(),
            None => url::Url::parse(u).ok(),
        })
        .find(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from)
        .or_else(|| fetched.map(str::to_string))
}

/// Removes a trailing ` | Site`, ` - Site` or ` — Site` from a headline
/// when the suffix names the site (its site name or its URL's host).
fn strip_site_name(title: &str, site: Option<&str>, url: Option<&str>) -> String {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let host = url.and_then(crate::normalize::host_of).map(|h| squash(&h));
    let site = site.map(squash);
    for separator in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let tail = squash(tail);
            let names_site = !tail.is_empty()
                && (site.as_deref() == Some(tail.as_str())
                    || host.as_deref().is_some_and(|h| h.contains(&tail)));
            if names_site && head.trim().chars().count() >= 10 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn to_jiff_date(date: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    use chrono::Datelike;
    jiff::civil::Date::new(
        i16::try_from(date.year()).ok()?,
        i8::try_from(date.month()).ok()?,
        i8::try_from(date.day()).ok()?,
    )
    .ok()
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests;
