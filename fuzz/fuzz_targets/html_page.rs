//! An HTML page with the hints `storyline ingest`/`eval pages` give: a
//! fetched URL and each main-text extractor (the first byte picks it;
//! `ingest_format` covers only the default), then the page's publication
//! time. Errors (too deep, too large, no text), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::ingest::html::{Extractor, PageHints, page_publication_time, parse_page};

const EXTRACTORS: [Extractor; 3] = [
    Extractor::Combined,
    Extractor::Trafilatura,
    Extractor::DomSmoothie,
];
const URL: &str = "https://www.example.com/world/2020/09/30/a-story-headline.html";

// Panics the ingest catches (a third-party parser on hostile input) are
// input errors, not findings; every other panic still aborts.
fuzz_target!(init: storyline_core::ingest::guard::quiet_caught_panics(), |data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let html = String::from_utf8_lossy(rest);
    let hints = PageHints {
        url: Some(URL.to_string()),
        extractor: EXTRACTORS[usize::from(selector) % EXTRACTORS.len()],
    };
    let _ = parse_page(&html, &hints);
    let _ = page_publication_time(&html, Some(URL));
});
