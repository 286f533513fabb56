//! Lines that are nothing but a link into the same site: the headlines of
//! related articles, "next article" teasers and category links the
//! extractors keep below or inside an article ("Marco Antonio Solís: el
//! significado y origen de su apodo", "Nicklaus – Mann der großen Worte").
//! The extracted text no longer shows its links, so the page tells: a line
//! whose whole text is the text of one of the page's links to its own site
//! (relative, or to the page's host) is a link line. Link lines are dropped
//! at the end of the text and in runs of `MIN_RUN`; the page's title
//! stays (blogs link their headline to itself), and so do links to other
//! sites (a list of sources or bug reports is the article's), in-page
//! anchors (a table of contents repeats the headings) and `mailto:` links.
//!
//! Measured (trafilatura-eval-dev / readability-pages F): 0.9374 → 0.9408
//! (11 fewer unwanted segments, none lost) / 0.9588 → 0.9593. Counting
//! links to any site took trafilatura-eval-dev to 0.9411 but
//! readability-pages to 0.9585 (bug lists, product links); dropping
//! every link line, not only runs and trailing ones, 0.9398 / 0.9530.

use super::lead::collapse;
use scraper::{Html, Selector};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Links with text at least this long count: shorter lines ("Start",
/// "PDF") are left to the boilerplate filter, since short words recur as
/// link text and as article text alike.
const MIN_LINK_CHARS: usize = 15;

/// Link lines are dropped in runs of at least this many (a list of related
/// headlines) or at the end of the text; a single link line between
/// paragraphs is more often the article's own (a product, a source).
const MIN_RUN: usize = 3;

static LINKS: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant selector, covered by the tests
    Selector::parse("a[href]").expect("valid selector")
});

/// `text` (paragraphs as lines) without its link lines (see the module
/// doc). `titles` are the page's titles; `urls` its own URLs (the fetched
/// and the canonical one), which tell its host.
pub fn without_link_lines(text: &str, doc: &Html, titles: &[&str], urls: &[&str]) -> String {
    let hosts: Vec<String> = urls.iter().filter_map(|u| host(u)).collect();
    let links: HashSet<String> = doc
        .select(&LINKS)
        .filter(|a| {
            let href = a.value().attr("href").unwrap_or("").trim();
            !href.starts_with('#')
                && !href.starts_with("mailto:")
                && !href.starts_with("tel:")
                && is_internal(href, &hosts)
        })
        .map(|a| collapse(&a.text().collect::<Vec<_>>().join(" ")))
        .filter(|t| t.chars().count() >= MIN_LINK_CHARS)
        .collect();
    if links.is_empty() {
        return text.to_string();
    }
    let titles: HashSet<String> = titles.iter().map(|t| collapse(t)).collect();
    let lines: Vec<&str> = text.lines().collect();
    let is_link: Vec<bool> = lines
        .iter()
        .map(|line| {
            let line = collapse(line);
            !titles.contains(&line) && links.contains(&line)
        })
        .collect();
    // Only link lines: nothing tells the article from its links.
    let Some(last_text) = is_link.iter().rposition(|&l| !l) else {
        return text.to_string();
    };
    let mut keep = vec![true; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let run = is_link[i..].iter().take_while(|&&l| l).count();
        if run >= MIN_RUN || (run > 0 && i > last_text) {
            keep[i..i + run].fill(false);
        }
        i += run.max(1);
    }
    lines
        .iter()
        .zip(keep)
        .filter_map(|(line, keep)| keep.then_some(*line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `href` points into the page's own site: a relative link, or an
/// absolute one to one of `hosts`.
fn is_internal(href: &str, hosts: &[String]) -> bool {
    let absolute = href.starts_with("//") || href.contains("://");
    if !absolute {
        return !href.to_ascii_lowercase().starts_with("javascript:");
    }
    let href = if href.starts_with("//") {
        format!("https:{href}")
    } else {
        href.to_string()
    };
    host(&href).is_some_and(|h| hosts.contains(&h))
}

/// A URL's host without `www.`.
fn host(url: &str) -> Option<String> {
    let url = url::Url::parse(url).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<h1><a href="/a">Harbour bridge reopens</a></h1>
        <p>The bridge reopened on Monday, <a href="/c">the council said</a>.</p>
        <p><a href="https://www.harbour.example/shop">Harbour ferry timetable 2023</a></p>
        <p>Traffic was light.</p>
        <ul><li><a href="https://other.example/report">Council report on the repairs</a></li>
        <li><a href="https://other.example/plan">Council plan for the next decade</a></li>
        <li><a href="https://other.example/vote">Council vote on the bridge tolls</a></li></ul>
        <ul><li><a href="/b">Ferry strike called off after talks</a></li></ul>"#;

    fn clean(text: &str) -> String {
        let doc = Html::parse_document(PAGE);
        without_link_lines(
            text,
            &doc,
            &["Harbour bridge reopens"],
            &["https://harbour.example/news/bridge"],
        )
    }

    #[test]
    fn trailing_links_into_the_site_go_the_title_and_the_article_stay() {
        let text = "Harbour bridge reopens\nThe bridge reopened on Monday, the council said.\nHarbour ferry timetable 2023\nTraffic was light.\nFerry strike called off after talks";
        assert_eq!(
            clean(text),
            "Harbour bridge reopens\nThe bridge reopened on Monday, the council said.\nHarbour ferry timetable 2023\nTraffic was light."
        );
    }

    #[test]
    fn a_run_of_site_links_goes_links_elsewhere_stay() {
        let sources = "Council report on the repairs\nCouncil plan for the next decade\nCouncil vote on the bridge tolls";
        let text = format!("The bridge reopened on Monday.\n{sources}\nTraffic was light.");
        assert_eq!(clean(&text), text);
        let related = "Harbour ferry timetable 2023\nFerry strike called off after talks\nHarbour ferry timetable 2023";
        let text = format!("The bridge reopened on Monday.\n{related}\nTraffic was light.");
        assert_eq!(
            clean(&text),
            "The bridge reopened on Monday.\nTraffic was light."
        );
    }

    #[test]
    fn a_text_of_links_only_is_left_alone() {
        let text = "Ferry strike called off after talks";
        assert_eq!(clean(text), text);
    }
}
