//! Whole-page tests: the hand-written fixtures in `testdata/articles/html`,
//! hostile input, and a property test that no input makes the parser panic.

use super::*;
use crate::ingest::{InputDocument, decode_bytes, parse_document};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/articles/html")
        .join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn a_news_page_gives_every_field() {
    let text = decode_bytes(fixture("harbour-bridge.html"), 1 << 20).unwrap();
    let article = parse_document(&InputDocument::from_text("bridge.html", text))
        .remove(0)
        .unwrap();
    assert_eq!(
        article.title,
        "Harbour bridge reopens after eight weeks of repairs"
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.harbour-times.example/news/2023/03/06/harbour-bridge-reopens")
    );
    assert_eq!(
        article.source_domain.as_deref(),
        Some("harbour-times.example")
    );
    assert_eq!(
        article.published_at.unwrap().to_string(),
        "2023-03-06T07:45:00Z"
    );
    assert!(!article.published_at_approximate);
    assert_eq!(article.authors, ["Mara Quill"]);
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(article.format, crate::model::SourceFormat::Html);
    assert_eq!(article.extra["sitename"], "Harbour Times");
    assert_eq!(article.extra["modified_at"], "2023-03-07T12:00:00Z");
    assert!(
        article
            .body
            .contains("eight weeks of repairs to its steel deck")
    );
    assert!(article.body.contains("did not expect another full closure"));
    for chrome in [
        "All rights reserved",
        "Ferry timetable",
        "not text",
        "Weather warnings",
    ] {
        assert!(
            !article.body.contains(chrome),
            "{chrome} in {}",
            article.body
        );
    }
}

#[test]
fn a_latin1_page_is_decoded_by_its_meta_charset() {
    let text = decode_bytes(fixture("latin1-cafe.html"), 1 << 20).unwrap();
    let article = parse_document(&InputDocument::from_text("cafe.html", text))
        .remove(0)
        .unwrap();
    assert_eq!(article.title, "Le café du port ferme ses portes");
    assert!(article.body.contains("pêcheurs"), "{}", article.body);
    assert_eq!(article.language.as_deref(), Some("fr"));
    assert_eq!(
        article.published_at.unwrap().to_string(),
        "2022-11-05T00:00:00Z"
    );
}

#[test]
fn gzip_pages_are_inflated_before_decoding() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&fixture("harbour-bridge.html")).unwrap();
    let text = decode_bytes(enc.finish().unwrap(), 1 << 20).unwrap();
    assert!(looks_like_html(text.as_bytes()));
}

#[test]
fn script_only_and_empty_pages_are_refused_with_a_reason() {
    let err =
        parse("<html><head><script>var a = 1;</script></head><body></body></html>").unwrap_err();
    assert!(matches!(err, IngestErrorKind::HtmlNoText), "{err}");
    assert_eq!(err.to_string(), "HTML page has no article text");
}

#[test]
fn regression_ten_megabytes_of_nested_divs_is_refused_not_a_stack_overflow() {
    let page = format!(
        "<html><body>{}deep</body></html>",
        "<div>".repeat(2_000_000)
    );
    let err = parse(&page).unwrap_err();
    assert!(matches!(err, IngestErrorKind::HtmlTooDeep { .. }), "{err}");
    assert!(err.to_string().contains("nested more than 1000"));
}

#[test]
fn unclosed_tags_and_huge_attributes_are_survived() {
    let huge = "x".repeat(2_000_000);
    let page = format!(
        "<html><body><p title=\"{huge}\">Unclosed paragraphs keep their words even when the \
         markup is broken in many ways<p>and another one<b><i>with stray tags</b></i><table><td>cell"
    );
    let raw = parse(&page).unwrap();
    assert!(raw.body.contains("Unclosed paragraphs"), "{}", raw.body);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_parser_never_panics(body in "(<[a-z/!]{0,6}[ a-z=\"']{0,12}>?|[a-zA-Z .,&;#0-9]{0,20}){0,40}") {
        let page = format!("<!doctype html><html><body>{body}</body></html>");
        let _ = parse(&page);
        let _ = page_publication_time(&page, None);
    }

    #[test]
    fn decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut page = b"<html><meta charset=".to_vec();
        page.extend_from_slice(&bytes);
        let _ = decode_html(&page);
        let _ = decode_bytes(page, 4096);
    }
}

#[test]
fn a_site_name_suffix_leaves_the_headline() {
    let strip = |t, site, url| strip_site_name(t, site, url);
    assert_eq!(
        strip(
            "Clymer workshop manual review | MoreBikes",
            None,
            Some("https://www.morebikes.co.uk/x")
        ),
        "Clymer workshop manual review"
    );
    assert_eq!(
        strip(
            "Bridge reopens - Harbour Times",
            Some("Harbour Times"),
            None
        ),
        "Bridge reopens"
    );
    // A dash inside the headline, not a site name, stays.
    assert_eq!(
        strip("Roma - United talks stall", Some("Harbour Times"), None),
        "Roma - United talks stall"
    );
}

#[test]
fn regression_nested_divs_beyond_the_budget_skip_readability_and_keep_the_article() {
    let block = format!("{}{}", "<div>".repeat(990), "</div>".repeat(990));
    let page = format!(
        "<html><body><article><p>Ferry crews called off Thursday's strike after the operator \
         agreed to reopen talks on pay and rosters, the union said.</p></article>{}</body></html>",
        block.repeat(5)
    );
    let raw = parse(&page).unwrap();
    assert!(raw.body.contains("reopen talks"), "{}", raw.body);
    let note = raw.extra[EXTRACTION_LIMIT].as_str().unwrap();
    assert!(note.contains("Readability fallback"), "{note}");
    let ordinary = parse(&String::from_utf8(fixture("harbour-bridge.html")).unwrap()).unwrap();
    assert!(!ordinary.extra.contains_key(EXTRACTION_LIMIT));
}

#[test]
fn too_many_elements_are_refused_before_parsing() {
    let page = format!(
        "<html><body><p>Words.</p>{}</body></html>",
        "<i>x</i>".repeat(300_000)
    );
    let err = parse(&page).unwrap_err();
    assert!(
        matches!(err, IngestErrorKind::HtmlTooManyElements { .. }),
        "{err}"
    );
}
