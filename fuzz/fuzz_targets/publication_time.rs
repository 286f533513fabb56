//! Publication-time strings in every format we accept (front matter,
//! feeds, Reuters, `2020-09-30-13-28-43`, …), as HTML pages write them
//! (`parse_page_time`: day-first, RFC 2822, written-out months in several
//! languages) and dates in URLs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::ingest::html::pubdate::{date_in_url, parse_page_time};
use storyline_core::ingest::time::parse_time;

fuzz_target!(|text: &str| {
    let _ = parse_time(text);
    let _ = parse_page_time(text);
    let _ = date_in_url(text);
});
