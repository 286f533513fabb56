//! Text forced through one parser (as `--format` does): the first byte picks
//! the format, the rest is the document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::ingest::{InputDocument, parse_document};
use storyline_core::model::SourceFormat;

const FORMATS: [SourceFormat; 7] = [
    SourceFormat::FrontMatter,
    SourceFormat::PlainText,
    SourceFormat::JsonLines,
    SourceFormat::Rss,
    SourceFormat::Atom,
    SourceFormat::JsonFeed,
    SourceFormat::Html,
];

// Panics the ingest catches (a third-party parser on hostile input) are
// input errors, not findings; every other panic still aborts.
fuzz_target!(init: storyline_core::ingest::guard::quiet_caught_panics(), |data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(selector) % FORMATS.len()];
    let text = String::from_utf8_lossy(rest).into_owned();
    let doc = InputDocument::from_text("fuzz/input", text).with_format(format);
    let _ = parse_document(&doc);
});
