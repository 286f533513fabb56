//! Main-text extraction: the article's own words without navigation, ads,
//! captions and "read more" boilerplate.
//!
//! Two maintained crates were measured on the benchmark pages (see the
//! README): `trafilatura` (a port of go-trafilatura: selector rules,
//! paragraph scoring, its own fallbacks) and `dom_smoothie` (a port of
//! Mozilla Readability). [`Extractor::Combined`], the default, runs both
//! and keeps trafilatura's text unless dom_smoothie's is clearly longer
//! where trafilatura's is short, more than twice as long anywhere, or
//! prose where trafilatura's reads as a menu:
//! trafilatura is the more precise of the two, Readability the one that
//! rarely comes back empty or with one stray block of the page. When
//! trafilatura's text is kept, prose paragraphs and list items that Readability found
//! between two of its paragraphs are put back ([`super::gaps`]); then
//! link lines ([`super::link_lines`]), caption and author-box lines
//! ([`super::captions`]), picture-gallery slides ([`super::galleries`]), a trailing related-stories block
//! ([`super::related_tail`]), a heading left at the end
//! ([`super::trailing_headings`]) and lines found only in blocks the page
//! names as comments, author boxes, share bars, sidebars or affiliate
//! notes ([`super::off_article`]) are dropped. A JSON-LD `articleBody`
//! much longer than the result replaces it ([`super::article_body`]).
//!
//! On a page too large for it ([`PageShape::readability_affordable`]: the
//! fallback's work grows with elements times their depth, 10 s for 200,000
//! nested `<div>`s), dom_smoothie is not run and trafilatura's text (without
//! its own fallbacks) is used alone; [`MainText::readability_skipped`] says
//! so.

use super::above_title;
use super::article_body;
use super::block_text::with_paragraphs;
use super::boilerplate;
use super::captions;
use super::galleries;
use super::gaps;
use super::lead;
use super::limits::{MAX_ELEMENTS, PageShape};
use super::link_lines;
use super::metadata::PageMetadata;
use super::off_article;
use super::related_tail;
use super::trailing_headings;

/// Below this many characters, trafilatura's text is suspect and a
/// Readability text [`LONGER_BY`] times longer replaces it. Chosen on trafilatura-eval-dev
/// (250: F 0.909, 500: 0.913, 1000: 0.917, with trafilatura's own
/// fallbacks off; 1500: 0.916 there but 0.954 vs 0.947 on
/// readability-pages, whose truth is Readability's own output and so
/// favours dom_smoothie); the Zyte pages were not used for tuning.
const SHORT_TEXT_CHARS: usize = 1000;

/// The Readability text replaces a short trafilatura text only when it is
/// at least this many times longer (3×: F 0.913 on trafilatura-eval-dev).
/// Appending Readability's extra paragraphs to a short trafilatura text
/// instead measured 0.916 there and 0.946 on readability-pages (vs 0.917
/// and 0.947): not kept.
const LONGER_BY: f64 = 1.5;

/// Whatever trafilatura's length, the Readability text replaces it when it
/// is more than this many times longer: trafilatura then kept one block of
/// a page whose article sits elsewhere (an author's note above a story, a
/// first section). The factor is trafilatura's own for preferring its
/// Readability candidate (go-trafilatura `candidateIsUsable`); on the tuning
/// sets it took trafilatura-eval-dev F 0.9359 -> 0.9368 and readability-pages
/// 0.9456 -> 0.9530 (3× and 5× measured 0.9366 / 0.9359 and 0.9530 there).
const MUCH_LONGER_BY: f64 = 2.0;

/// Which extractor produces the main text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Extractor {
    /// trafilatura, with dom_smoothie when trafilatura finds little.
    #[default]
    Combined,
    /// trafilatura alone.
    Trafilatura,
    /// dom_smoothie (Readability) alone.
    DomSmoothie,
}

impl Extractor {
    /// Parses the names used on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "combined" => Some(Self::Combined),
            "trafilatura" => Some(Self::Trafilatura),
            "dom_smoothie" | "dom-smoothie" | "readability" => Some(Self::DomSmoothie),
            _ => None,
        }
    }

    /// The name used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Combined => "combined",
            Self::Trafilatura => "trafilatura",
            Self::DomSmoothie => "dom_smoothie",
        }
    }
}

/// What the extractors found: the text and trafilatura's own metadata,
/// used where the page's markup says nothing itself.
#[derive(Debug, Clone, Default)]
pub struct MainText {
    /// The article's text, paragraphs separated by newlines.
    pub text: String,
    /// trafilatura's metadata (title, author, date, site name, …).
    pub metadata: trafilatura::Metadata,
    /// Why the Readability fallback was not run on this page (too large
    /// for it), in words for the user; `None` when it ran or was not asked.
    pub readability_skipped: Option<String>,
}

/// Extracts the main text of a page (already decoded, already checked
/// against the limits of [`super::limits::check_page`]). `url` helps
/// resolve relative links.
pub fn extract_main_text(html: &str, url: Option<&str>, extractor: Extractor) -> MainText {
    let doc = scraper::Html::parse_document(html);
    let meta = PageMetadata::from_document(&doc);
    let page = Page {
        html,
        doc: &doc,
        shape: PageShape::of(html),
    };
    extract_page_main_text(&page, &meta, url, extractor)
}

/// A page as the extractors see it: its markup, its parsed document and
/// the size measured before parsing.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The decoded markup.
    pub html: &'a str,
    /// The parsed document.
    pub doc: &'a scraper::Html,
    /// The page's size ([`PageShape::of`] its markup).
    pub shape: PageShape,
}

/// [`extract_main_text`] for a page whose document, metadata and shape the
/// caller has already read, so that none is built twice per page.
pub fn extract_page_main_text(
    page: &Page<'_>,
    meta: &PageMetadata,
    url: Option<&str>,
    extractor: Extractor,
) -> MainText {
    let (html, doc) = (page.html, page.doc);
    let mut main = if page.shape.readability_affordable() {
        extracted(html, doc, url, extractor)
    } else {
        MainText {
            readability_skipped: page.shape.readability_note(),
            ..trafilatura_text(html, url, false)
        }
    };
    if extractor == Extractor::Combined {
        let titles: Vec<&str> = meta
            .titles
            .iter()
            .chain(&meta.document_title)
            .map(String::as_str)
            .collect();
        let urls: Vec<&str> = url
            .into_iter()
            .chain(meta.urls.iter().map(String::as_str))
            .collect();
        main.text = link_lines::without_link_lines(&main.text, doc, &titles, &urls);
        main.text = above_title::without_headline_frame(&main.text, &titles);
        main.text = captions::without_captions(&main.text, doc);
        main.text = galleries::without_galleries(&main.text);
        main.text = related_tail::without_related_tail(&main.text);
        main.text = related_tail::without_closing_calls(&main.text);
        main.text = trailing_headings::without_trailing_headings(&main.text, doc);
        main.text = off_article::without_off_article_lines(&main.text, doc);
        main.text = article_body::with_article_body(main.text, &meta.article_bodies);
    }
    main.text = lead::with_visible_lead(main.text, &meta.descriptions, doc);
    main
}

/// The chosen extractor's text, before the lead is checked.
fn extracted(html: &str, doc: &scraper::Html, url: Option<&str>, extractor: Extractor) -> MainText {
    match extractor {
        Extractor::DomSmoothie => MainText {
            text: readability_text(html, url).unwrap_or_default(),
            ..MainText::default()
        },
        Extractor::Trafilatura => trafilatura_text(html, url, true),
        Extractor::Combined => {
            let mut main = trafilatura_text(html, url, false);
            let len = main.text.chars().count() as f64;
            if let Some(other) = readability_text(html, url) {
                let other_len = other.chars().count() as f64;
                let short = len < SHORT_TEXT_CHARS as f64 && other_len >= len * LONGER_BY;
                if short
                    || other_len > len * MUCH_LONGER_BY
                    || (is_menu_text(&main.text) && !is_menu_text(&other))
                {
                    main.text = other;
                } else {
                    main.text = gaps::with_inner_gaps(&main.text, &other, &gaps::list_items(doc));
                    main.text = gaps::with_leading_gap(&main.text, &other);
                }
            }
            main
        }
    }
}

/// Below this many sentence stops per 100 words a text reads as a menu or
/// a list of links, not as an article; Readability's text then replaces
/// trafilatura's unless it reads so too. Measured (P / R / F):
/// trafilatura-eval-dev 0.9254 / 0.9648 / 0.9447 → 0.9249 / 0.9662 / 0.9451
/// (one page's menus replaced by its article, one page worse),
/// readability-pages unchanged (0.9622); 2 stops measured the same.
const MIN_STOPS_PER_100_WORDS: f64 = 1.0;

/// Fewer words than this are too few to judge a text by its stops.
const MIN_WORDS_TO_JUDGE: usize = 50;

/// Whether `text` reads as navigation rather than prose: many words and
/// almost no sentence stops (trafilatura sometimes returns a page's menus
/// run into one line, "E-Paper Online-Service-Center ABO Anzeigen Kontakt
/// …", where the article is a short teaser Readability finds).
fn is_menu_text(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let stops = text
        .split_whitespace()
        .filter(|w| w.ends_with(['.', '!', '?', '。', '！', '？']))
        .count();
    words >= MIN_WORDS_TO_JUDGE && (stops as f64) * 100.0 < MIN_STOPS_PER_100_WORDS * words as f64
}

/// trafilatura's text; `own_fallback` turns on its internal fallbacks
/// (used when it runs alone; in [`Extractor::Combined`] dom_smoothie takes
/// that role, which measured better on the tuning set).
fn trafilatura_text(html: &str, url: Option<&str>, own_fallback: bool) -> MainText {
    let mut options = trafilatura::Options::default()
        .with_fallback(own_fallback)
        .with_max_tree_size(MAX_ELEMENTS);
    if let Some(url) = url.and_then(|u| url::Url::parse(u).ok()) {
        options = options.with_url(url);
    }
    match trafilatura::extract(html, &options) {
        Ok(result) => {
            // The crate's own text runs every paragraph into one line; its
            // markup keeps them apart.
            let text = with_paragraphs(&result.content_text, &result.content_html);
            MainText {
                text: boilerplate::strip_lines(&text),
                metadata: result.metadata,
                readability_skipped: None,
            }
        }
        Err(err) => {
            tracing::debug!("trafilatura found no main text: {err}");
            MainText::default()
        }
    }
}

fn readability_text(html: &str, url: Option<&str>) -> Option<String> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let url = url.filter(|u| url::Url::parse(u).is_ok());
    let mut reader = dom_smoothie::Readability::new(html, url, Some(config)).ok()?;
    let article = reader.parse().ok()?;
    Some(boilerplate::strip_lines(&article.text_content))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Harbour bridge reopens</title></head><body>
        <nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
        <article><h1>Harbour bridge reopens after repairs</h1>
        <p>The harbour bridge reopened to traffic on Monday morning after eight weeks of repairs to its
        steel deck, the city council said in a statement.</p>
        <p>Engineers replaced corroded plates along the eastern span and resurfaced both carriageways,
        work that the council said had cost less than first estimated.</p>
        <p>Commuters who had faced long detours through the old town welcomed the reopening, while
        cyclists said the new lane markings made the crossing feel safer.</p></article>
        <footer>Copyright Example Gazette. All rights reserved. Read more: Weather warnings</footer>
        </body></html>"#;

    #[test]
    fn every_extractor_keeps_the_article_and_drops_the_chrome() {
        for extractor in [
            Extractor::Combined,
            Extractor::Trafilatura,
            Extractor::DomSmoothie,
        ] {
            let text = extract_main_text(PAGE, None, extractor).text;
            assert!(
                text.contains("eight weeks of repairs"),
                "{extractor:?}: {text}"
            );
            assert!(text.contains("cyclists said"), "{extractor:?}: {text}");
            assert!(
                !text.contains("All rights reserved"),
                "{extractor:?}: {text}"
            );
        }
    }

    #[test]
    fn paragraphs_keep_their_lines_and_boilerplate_paragraphs_go() {
        let page = PAGE.replace(
            "<p>Commuters",
            "<p><b>Read also:</b> <a href='/x'>Tunnel closes</a></p><p>Commuters",
        );
        let text = extract_main_text(&page, None, Extractor::Combined).text;
        assert!(!text.contains("Tunnel closes"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() >= 3, "{text}");
        assert!(
            lines.iter().any(|l| l.starts_with("Engineers replaced")),
            "{text}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("Commuters who")),
            "{text}"
        );
    }

    #[test]
    fn menus_read_as_menus_and_prose_as_prose() {
        let menu = "E-Paper Online-Service-Center ABO Anzeigen Kontakt Startseite ".repeat(12);
        assert!(is_menu_text(&menu));
        let prose = "The bridge reopened on Monday after eight weeks of repairs. ".repeat(12);
        assert!(!is_menu_text(&prose));
        assert!(!is_menu_text("Home Sport Weather"), "too short to judge");
    }

    #[test]
    fn names_round_trip() {
        for extractor in [
            Extractor::Combined,
            Extractor::Trafilatura,
            Extractor::DomSmoothie,
        ] {
            assert_eq!(Extractor::parse(extractor.as_str()), Some(extractor));
        }
    }
}
